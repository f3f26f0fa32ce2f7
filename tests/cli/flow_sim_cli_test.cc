// End-to-end: gomo flow run and gomo flow test through the real binary.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

using gomo::test::run_gomo;
using gomo::test::source_path;

TEST_CASE("cli: flow run prints a transcript and exits 0 when the call reaches a hangup") {
  auto r = run_gomo({"flow", "run", source_path("samples/flows/payment-reminder.json"), "--press", "2", "--no-config"});
  // --no-config is not a run flag: usage error first.
  CHECK(r.exit_code == 2);
  r = run_gomo({"flow", "run", source_path("samples/flows/payment-reminder.json"), "--press", "2"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("☎ pressed 2") != std::string::npos);
  CHECK(r.out.find("→ branches.2 -> play-callback") != std::string::npos);
  CHECK(r.out.find("outcome: completed") != std::string::npos);
}

TEST_CASE("cli: flow run -o json has the call-report shape; --trace writes JSON Lines") {
  auto dir = gomo::test::scratch_dir();
  auto trace = dir + "/trace.jsonl";
  auto r = run_gomo({"flow", "run", source_path("samples/flows/payment-reminder.json"), "--voicemail", "-o", "json",
                     "--trace", trace});
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["outcome"] == "voicemail");
  CHECK(j["flowExecution"]["executionPath"][0]["nodeId"] == "dial-1");
  CHECK(j["flowExecution"]["executionPath"][0]["outputPath"] == "onVoicemail");
  CHECK(j["flowExecution"]["executionPath"][0]["timestamp"] == "2026-01-01T10:00:00.000Z");
  CHECK(j["flowExecution"]["nodeExecutionCount"] == 2);
  auto lines = gomo::test::read_file(trace);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == static_cast<long>(j["events"].size()));
  CHECK(nlohmann::json::parse(lines.substr(0, lines.find('\n')))["kind"] == "node");
}

TEST_CASE("cli: flow run refuses an invalid flow (exit 1) unless --no-validate") {
  auto r = run_gomo({"flow", "run", source_path("samples/flows/simple-greeting.yaml")});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("[unknown-output]") != std::string::npos);
  CHECK(r.err.find("--no-validate") != std::string::npos);
  auto forced = run_gomo({"flow", "run", source_path("samples/flows/simple-greeting.yaml"), "--no-validate"});
  CHECK(forced.exit_code == 1);  // the call never reaches its hangup: the onEnd bug, shown in simulation
  CHECK(forced.out.find("flow ended without hangup at play-1") != std::string::npos);
}

TEST_CASE("cli: flow run with a script file, a contact file, --attr and --var") {
  auto dir = gomo::test::scratch_dir();
  auto flow = gomo::test::write_file(dir, "f.yaml", R"(name: hello
graph:
  startNodeId: p
  nodes:
    - id: p
      type: play
      label: Hello
      config:
        audioItems:
          - {type: tts, text: "Bonjour {contact.firstName}, {greeting}"}
          - {type: number, value: {source: customAttribute, attributeName: balance}, language: ar}
      outputs: {onComplete: h}
    - {id: h, type: hangup, label: End}
)");
  auto contact = gomo::test::write_file(dir, "c.yaml", "primaryPhone: '+212611111111'\nfirstName: Amina\n");
  auto script = gomo::test::write_file(dir, "s.yaml", "answer: human\nsteps: []\n");
  auto r = run_gomo({"flow", "run", flow, "--script", script, "--contact", contact, "--attr", "balance=1234", "--var",
                     "greeting=ça va ?", "--keys"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("♪ Bonjour Amina, ça va ?") != std::string::npos);
  CHECK(r.out.find("♪ ألف و مئتان و أربعة و ثلاثون  [thousand and 200 and 4 and 30]") != std::string::npos);
  auto bad = gomo::test::write_file(dir, "bad.yaml", "answer: maybe\n");
  auto e = run_gomo({"flow", "run", flow, "--script", bad});
  CHECK(e.exit_code == 2);
  CHECK(e.err.find("bad.yaml:1:9: `answer` must be one of") != std::string::npos);
  CHECK(run_gomo({"flow", "run", flow, "--var", "novalue"}).exit_code == 2);
}

TEST_CASE("cli: flow test runs the sample suites at 100% edge coverage") {
  auto r = run_gomo({"flow", "test", source_path("samples/tests"), "--min-coverage", "100"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(" 0 failed") != std::string::npos);
  CHECK(r.out.find("edges") != std::string::npos);
  auto j = run_gomo({"flow", "test", source_path("samples/tests"), "-f", "json"});
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["failed"] == 0);
  for (const auto& c : doc["coverage"]) CHECK(c["edges"]["percent"] == 100.0);
}

TEST_CASE("cli: flow test exit codes and formats") {
  auto dir = gomo::test::scratch_dir();
  gomo::test::write_file(
      dir, "f.yaml",
      "startNodeId: m\nnodes:\n  - {id: m, type: dtmf, outputs: {branches: {'1': a}, onTimeout: b}}\n  - {id: a, type: hangup}\n  - {id: b, type: hangup}\n");
  auto failing = gomo::test::write_file(dir, "x.test.yaml",
                                        "flow: f.yaml\ncases:\n  - {name: wrong, press: '1', expect: {endsAt: b}}\n");
  auto r = run_gomo({"flow", "test", failing});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("✗ wrong") != std::string::npos);
  CHECK(r.out.find("expected the call to end at b, but it ended at a") != std::string::npos);
  auto junit = run_gomo({"flow", "test", failing, "-f", "junit"});
  CHECK(junit.out.find("<failure message=\"expected the call to end at b") != std::string::npos);
  auto passing = gomo::test::write_file(dir, "y.test.yaml",
                                        "flow: f.yaml\ncases:\n  - {name: right, press: '1', expect: {endsAt: a}}\n");
  auto cov = dir + "/cov.json";
  auto low = run_gomo({"flow", "test", passing, "--min-coverage", "80", "--coverage-out", cov});
  CHECK(low.exit_code == 1);
  CHECK(low.err.find("below --min-coverage") != std::string::npos);
  auto covj = nlohmann::json::parse(gomo::test::read_file(cov));
  CHECK(covj["flows"][0]["edges"]["uncovered"][0] == "m.onTimeout");
  CHECK(run_gomo({"flow", "test", dir + "/missing.test.yaml"}).exit_code == 2);
}

TEST_CASE("cli: flow run takes the contact from a CSV row") {
  auto dir = gomo::test::scratch_dir();
  auto flow = gomo::test::write_file(
      dir, "f.yaml",
      "startNodeId: p\nnodes:\n  - {id: p, type: play, label: P, config: {audioItems: [{type: tts, text: 'Salam {contact.firstName}, {contact.customAttributes.plan}'}]}, outputs: {onComplete: h}}\n  - {id: h, type: hangup, label: H}\n");
  auto csv = gomo::test::write_file(
      dir, "c.csv", "phone,firstName,plan\n+212600000001,Amina,gold\n+212600000002,\"Omar, Jr\",silver\n");
  auto r = run_gomo({"flow", "run", flow, "--contact-csv", csv, "--row", "2"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("♪ Salam Omar, Jr, silver") != std::string::npos);
  auto missing = run_gomo({"flow", "run", flow, "--contact-csv", csv, "--row", "3"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("there is no data row 3 (the file has 2)") != std::string::npos);
}

TEST_CASE("cli: flow run reads a semicolon CSV with first_name/last_name like contacts upsert does") {
  auto dir = gomo::test::scratch_dir();
  auto flow = gomo::test::write_file(
      dir, "f.yaml",
      "startNodeId: p\nnodes:\n  - {id: p, type: play, label: P, config: {audioItems: [{type: tts, text: 'Bonjour "
      "{contact.firstName} {contact.lastName}, {contact.customAttributes.date_echeance}'}]}, outputs: {onComplete: "
      "h}}\n  - {id: h, type: hangup, label: H}\n");
  auto csv = gomo::test::write_file(dir, "c.csv",
                                    "\xEF\xBB\xBFT\xC3\xA9l\xC3\xA9phone;first_name;last_name;Date \xC3\xA9"
                                    "ch\xC3\xA9"
                                    "ance\r\n"
                                    "+212600000001;Hélène;\"Durand; fils\";2026-01-31\r\n"
                                    "+212600000002;يوسف;العلوي;2026-02-28\r\n");
  auto r = run_gomo({"flow", "run", flow, "--contact-csv", csv, "--row", "1"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("♪ Bonjour Hélène Durand; fils, 2026-01-31") != std::string::npos);
  auto arabic = run_gomo({"flow", "run", flow, "--contact-csv", csv, "--row", "2"});
  CHECK(arabic.out.find("♪ Bonjour يوسف العلوي, 2026-02-28") != std::string::npos);
  auto piped = run_gomo({"flow", "run", flow, "--contact-csv", "-", "--row", "2"}, gomo::test::read_file(csv));
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.find("♪ Bonjour يوسف العلوي, 2026-02-28") != std::string::npos);

  // Two phone-like columns: the error says how to choose, and --map chooses.
  auto two = gomo::test::write_file(dir, "two.csv", "mobile,tel,prenom\n+212600000001,+212500000001,Amina\n");
  auto ambiguous = run_gomo({"flow", "run", flow, "--contact-csv", two});
  CHECK(ambiguous.exit_code == 2);
  CHECK(ambiguous.err.find("both look like primaryPhone; choose one with --map primaryPhone=COLUMN") !=
        std::string::npos);
  auto mapped = run_gomo({"flow", "run", flow, "--contact-csv", two, "--map", "primaryPhone=tel"});
  CHECK(mapped.exit_code == 0);
  CHECK(mapped.out.find("♪ Bonjour Amina") != std::string::npos);

  // A ragged row is named with its line; a JSON file is not CSV.
  auto ragged = gomo::test::write_file(dir, "r.csv", "phone;name\n+212600000001;A;extra\n");
  auto bad = run_gomo({"flow", "run", flow, "--contact-csv", ragged});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("r.csv:2: row 1 (line 2) has 3 fields, the header has 2 (column 3 is extra)") !=
        std::string::npos);
  auto json = gomo::test::write_file(dir, "j.csv", "{\"phone\": \"+212600000001\"}\n");
  auto notcsv = run_gomo({"flow", "run", flow, "--contact-csv", json});
  CHECK(notcsv.exit_code == 2);
  CHECK(notcsv.err.find("looks like a JSON document, not CSV") != std::string::npos);
}

TEST_CASE("cli: flow graph --coverage colours covered and uncovered edges") {
  auto dir = gomo::test::scratch_dir();
  auto flow = gomo::test::write_file(
      dir, "f.yaml",
      "startNodeId: m\nnodes:\n  - {id: m, type: dtmf, outputs: {branches: {'1': a}, onTimeout: b}}\n  - {id: a, type: hangup}\n  - {id: b, type: hangup}\n");
  auto tests = gomo::test::write_file(dir, "f.test.yaml",
                                      "flow: f.yaml\ncases:\n  - {name: one, press: '1', expect: {endsAt: a}}\n");
  auto cov = dir + "/cov.json";
  REQUIRE(run_gomo({"flow", "test", tests, "--coverage-out", cov}).exit_code == 0);
  auto dot = run_gomo({"flow", "graph", flow, "--coverage", cov, "-f", "dot"});
  CHECK(dot.exit_code == 0);
  CHECK(dot.out.find("n0 -> n1 [label=\"1\", color=\"#1a7f37\"") != std::string::npos);
  CHECK(dot.out.find("n0 -> n2 [label=\"onTimeout\", style=dashed, color=\"#bc4c00\"") != std::string::npos);
  auto mermaid = run_gomo({"flow", "graph", flow, "--coverage", cov});
  CHECK(mermaid.out.find("linkStyle 1 stroke:#1a7f37") != std::string::npos);
  CHECK(mermaid.out.find("linkStyle 2 stroke:#bc4c00") != std::string::npos);
  CHECK(run_gomo({"flow", "graph", flow, "--coverage", flow}).exit_code == 2);
}
