// What a new user types first, through the real binary: typos of commands and flags (the nearest one,
// exit 2), help paths, flow run's callee flags, -q, and the words of tables and summaries; attribute
// names in any script, against the local workspace and a real `gomo serve` over loopback.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

using nlohmann::json;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A flow that says the number it dialled, then hangs up.
std::string say_phone_flow() {
  return write_file(scratch_dir(), "phone.yaml", R"(name: phone
graph:
  startNodeId: dial
  nodes:
    - id: dial
      type: dial
      outputs: {onAnswer: say, onVoicemail: bye, onNoAnswer: bye, onBusy: bye, onRejected: bye, onError: bye}
    - id: say
      type: play
      label: Say
      config:
        audioItems:
          - {type: tts, text: "Calling {sys.contactPhone}"}
      outputs: {onComplete: bye, onError: bye}
    - id: bye
      type: hangup
)");
}

}  // namespace

TEST_CASE("cli: a mistyped command or flag gets the nearest one, exit 2") {
  const std::string flow = source_path("samples/flows/payment-reminder.json");
  auto sub = run_gomo({"flow", "validat", flow});
  CHECK(sub.exit_code == 2);
  CHECK(has(sub.err, "unknown command `gomo flow validat`; did you mean `gomo flow validate`?"));
  CHECK(has(sub.err, "gomo flow commands: validate, "));

  auto group = run_gomo({"contact", "list"});
  CHECK(group.exit_code == 2);
  CHECK(has(group.err, "unknown command `gomo contact`; did you mean `gomo contacts`?"));
  auto swapped = run_gomo({"flwo", "validate", flow});
  CHECK(swapped.exit_code == 2);
  CHECK(has(swapped.err, "did you mean `gomo flow`?"));
  auto nested = run_gomo({"validate", flow});
  CHECK(nested.exit_code == 2);
  CHECK(has(nested.err, "did you mean `gomo flow validate`?"));
  auto nothing_near = run_gomo({"banana"});
  CHECK(nothing_near.exit_code == 2);
  CHECK(has(nothing_near.err, "unknown command `gomo banana`\ngomo commands: flow, "));

  auto flag = run_gomo({"flow", "validate", "--strcit", flow});
  CHECK(flag.exit_code == 2);
  CHECK(has(flag.err, "unknown flag `--strcit` for `gomo flow validate`; did you mean `--strict`?"));
  CHECK(has(flag.err, "Run `gomo flow validate --help` for its flags."));
  auto global = run_gomo({"contacts", "list", "--qiet"});
  CHECK(global.exit_code == 2);
  CHECK(has(global.err, "did you mean `--quiet`?"));
  // A flag's value is not taken for a command: `-o json` then the group.
  auto value = run_gomo({"-o", "json", "flow", "validat", flow});
  CHECK(has(value.err, "unknown command `gomo flow validat`"));

  auto alone = run_gomo({"flow"});
  CHECK(alone.exit_code == 2);
  CHECK(has(alone.err, "`gomo flow` needs a command: validate, "));
}

TEST_CASE("cli: gomo alone and gomo help list the commands; help paths name the whole command") {
  auto bare = run_gomo({});
  CHECK(bare.exit_code == 0);
  auto help = run_gomo({"help"});
  CHECK(help.exit_code == 0);
  CHECK(bare.out == help.out);
  CHECK(has(bare.out, "flow"));
  CHECK(has(bare.out, "contacts"));

  auto typo = run_gomo({"help", "flow", "validat"});
  CHECK(typo.exit_code == 2);
  CHECK(has(typo.err, "unknown command `gomo flow validat`; did you mean `gomo flow validate`?"));
  auto topic = run_gomo({"help", "exit-code"});
  CHECK(topic.exit_code == 2);
  CHECK(has(topic.err, "did you mean `gomo help exit-codes`?"));
  auto group = run_gomo({"help", "flwo", "validate"});
  CHECK(has(group.err, "did you mean `gomo help flow validate`?"));

  auto path = run_gomo({"help", "flow", "validate"});
  CHECK(path.exit_code == 0);
  CHECK(has(path.out, "Usage: gomo flow validate "));
  auto flag_help = run_gomo({"flow", "validate", "--help"});
  CHECK(flag_help.exit_code == 0);
  CHECK(has(flag_help.out, "Usage: gomo flow validate "));

  // --help after a word that names nothing is not the root's help.
  auto programs = run_gomo({"programs", "--help"});
  CHECK(programs.exit_code == 2);
  CHECK(has(programs.err, "unknown command `gomo programs`"));
  CHECK(programs.out.empty());
}

TEST_CASE("cli: flow run refuses contradictory callee flags and normalises --phone") {
  const std::string flow = say_phone_flow();
  auto both = run_gomo({"flow", "run", flow, "--busy", "--reject"});
  CHECK(both.exit_code == 2);
  CHECK(has(both.err, "--busy and --reject contradict each other"));
  CHECK(run_gomo({"flow", "run", flow, "--busy", "--busy"}).exit_code == 0);
  auto live = run_gomo({"flow", "run", flow, "--interactive", "--press", "1"});
  CHECK(live.exit_code == 2);
  CHECK(has(live.err, "--interactive and --press contradict each other"));

  auto national = run_gomo({"flow", "run", flow, "--phone", "06 12 34 56 78"});
  CHECK(national.exit_code == 0);
  CHECK(has(national.out, "Calling +212612345678"));
  auto french = run_gomo({"flow", "run", flow, "--phone", "06 12 34 56 78", "--region", "FR"});
  CHECK(has(french.out, "Calling +33612345678"));
  auto bad = run_gomo({"flow", "run", flow, "--phone", "12345"});
  CHECK(bad.exit_code == 2);
  CHECK(has(bad.err, "--phone 12345: "));
  CHECK(has(bad.err, "["));
}

TEST_CASE("cli: -q quiets flow run and flow test") {
  const std::string flow = say_phone_flow();
  auto loud = run_gomo({"flow", "run", flow});
  REQUIRE(loud.exit_code == 0);
  CHECK(has(loud.out, "Calling"));
  auto quiet = run_gomo({"flow", "run", flow, "-q"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.rfind("outcome: completed", 0) == 0);
  CHECK(std::count(quiet.out.begin(), quiet.out.end(), '\n') == 1);
  CHECK(has(quiet.out, ", 3 node visits\n"));

  const std::string tests = source_path("samples/tests");
  auto all = run_gomo({"flow", "test", tests});
  REQUIRE(all.exit_code == 0);
  CHECK(has(all.out, " passed, 0 failed"));
  auto quiet_tests = run_gomo({"flow", "test", tests, "-q"});
  CHECK(quiet_tests.exit_code == 0);
  CHECK(quiet_tests.out.empty());
  auto failing =
      write_file(scratch_dir(), "bad.test.yaml",
                 "flow: " + source_path("samples/flows/payment-reminder.json") +
                     "\ncases:\n  - name: wrong outcome\n    answer: busy\n    expect: {outcome: completed}\n");
  auto quiet_fail = run_gomo({"flow", "test", failing, "-q"});
  CHECK(quiet_fail.exit_code == 1);
  CHECK(has(quiet_fail.out, "✗ wrong outcome"));
  CHECK_FALSE(has(quiet_fail.out, "passed"));
}

TEST_CASE("cli: counts read as English; simulate's wall time is rounded") {
  const std::string one =
      write_file(scratch_dir(), "one.yaml", "name: one\ngraph: {startNodeId: h, nodes: [{id: h, type: hangup}]}\n");
  auto visits = run_gomo({"flow", "run", one});
  CHECK(has(visits.out, ", 1 node visit\n"));
  auto check = run_gomo({"flow", "fmt", "--check", one});
  CHECK(check.exit_code == 1);
  CHECK(has(check.err, "1 file would be reformatted (run gomo flow fmt)"));
  CHECK_FALSE(has(check.err, "1 of 1 files"));

  auto sim = run_gomo({"flow", "simulate", one, "-n", "1"});
  CHECK(sim.exit_code == 0);
  CHECK(has(sim.out, "1 call, average "));
  INFO(sim.err);
  // "gomo: 1 call in 0.1 ms (...)": one decimal in ms, two in s; never six significant digits.
  auto in = sim.err.find(" call in ");
  REQUIRE(in != std::string::npos);
  std::string took = sim.err.substr(in + 9, sim.err.find(" (", in) - in - 9);
  auto unit = took.substr(took.find(' ') + 1);
  CHECK((unit == "ms" || unit == "s"));
  auto number = took.substr(0, took.find(' '));
  CHECK(number.size() - number.find('.') - 1 == (unit == "ms" ? 1u : 2u));
}

TEST_CASE("cli: attribute names in any script; slugs transliterate Latin accents") {
  std::string dir = scratch_dir();
  auto init = run_gomo({"serve", "--init"}, "", {}, dir);
  REQUIRE(init.exit_code == 0);
  const std::string ws = dir + "/.gomo/workspace.db";
  const std::vector<std::string> env{"GOMO_API_KEY="};
  auto arabic = run_gomo(
      {"attributes", "create", "--name", "الرصيد", "--type", "number", "-o", "json", "--workspace", ws}, "", env);
  INFO(arabic.err);
  REQUIRE(arabic.exit_code == 0);
  CHECK(json::parse(arabic.out)["name"] == "الرصيد");
  auto french = run_gomo(
      {"attributes", "create", "--name", "Date échéance", "--type", "date", "-o", "json", "--workspace", ws}, "", env);
  REQUIRE(french.exit_code == 0);
  CHECK(json::parse(french.out)["name"] == "date_echeance");
  // Refused before anything is sent, with the platform's own words.
  auto symbols = run_gomo({"attributes", "create", "--name", "«؟»", "--type", "text", "--workspace", ws}, "", env);
  CHECK(symbols.exit_code == 2);
  CHECK(has(symbols.err, "displayName must contain a letter or a digit"));

  // The contact's value under the Arabic name, and the flow placeholder that reads it.
  auto contact =
      run_gomo({"contacts", "create", "--phone", "0612345678", "--attr", "الرصيد=300", "-o", "json", "--workspace", ws},
               "", env);
  REQUIRE(contact.exit_code == 0);
  CHECK(json::parse(contact.out)["customAttributes"]["الرصيد"] == 300);

  // gomo serve checks with the same function.
  std::string remote_dir = scratch_dir();
  auto remote_init = run_gomo({"serve", "--init"}, "", {}, remote_dir);
  REQUIRE(remote_init.exit_code == 0);
  ServeProcess server({"--workspace", remote_dir + "/.gomo/workspace.db"});
  REQUIRE(server.started());
  const std::vector<std::string> key{"GOMO_API_KEY=" + remote_init.out.substr(0, 45)};
  auto remote = run_gomo({"attributes", "create", "--name", "Сумма долга", "--type", "number", "-o", "json",
                          "--base-url", server.base_url()},
                         "", key);
  INFO(remote.err);
  REQUIRE(remote.exit_code == 0);
  CHECK(json::parse(remote.out)["name"] == "сумма_долга");
}

TEST_CASE("cli: contact tables show the whole name; --sort-by is checked here and ascending by default") {
  std::string dir = scratch_dir();
  REQUIRE(run_gomo({"serve", "--init"}, "", {}, dir).exit_code == 0);
  const std::vector<std::string> env{"GOMO_API_KEY="};
  auto gomo = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--workspace", dir + "/.gomo/workspace.db"});
    return run_gomo(args, "", env);
  };
  REQUIRE(gomo({"contacts", "create", "--phone", "0612345678", "--first-name", "Zineb", "--last-name", "Alaoui"})
              .exit_code == 0);
  REQUIRE(gomo({"contacts", "create", "--phone", "0612345679", "--first-name", "Amina", "--last-name", "Bennani"})
              .exit_code == 0);
  REQUIRE(gomo({"contacts", "create", "--phone", "0612345670", "--first-name", "Karim"}).exit_code == 0);

  auto table = gomo({"contacts", "list", "--sort-by", "firstName"});
  REQUIRE(table.exit_code == 0);
  CHECK(has(table.out, "\t+212612345679\tAmina Bennani\t\n"));
  // Ascending without --sort-order: Amina, Karim, Zineb.
  auto a = table.out.find("Amina"), k = table.out.find("Karim"), z = table.out.find("Zineb Alaoui");
  CHECK((a < k && k < z && z != std::string::npos));
  auto desc = gomo({"contacts", "list", "--sort-by", "firstName", "--sort-order", "desc"});
  CHECK(desc.out.find("Zineb") < desc.out.find("Amina"));

  auto typo = gomo({"contacts", "list", "--sort-by", "firstname"});
  CHECK(typo.exit_code == 2);
  CHECK(has(typo.err,
            "cannot sort by `firstname`; expected `firstName`, `lastName`, `primaryPhone`, `primaryEmail` or "
            "`createdAt`; did you mean `firstName`?"));
  CHECK(gomo({"audiences", "list", "--sort-by", "colour"}).exit_code == 2);

  auto by_name = gomo({"contacts", "get", "Amina"});
  CHECK(by_name.exit_code == 3);
  CHECK(has(by_name.err, "gomo contacts list --search \"Amina\""));
}

}  // namespace gomo::test
