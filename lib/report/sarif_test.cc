#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "checks/registry.h"
#include "report/diagnostics.h"
#include "tests/support/json_schema.h"
#include "tests/support/test_support.h"

using namespace gomo;
using nlohmann::json;

namespace {

const char* kSarifFlow =
    "startNodeId: a\n"
    "nodes:\n"
    "  - {id: a, type: play, outputs: {onEnd: b}}\n"
    "  - {id: b, type: hangup}\n";

json sarif_of(const std::vector<checks::FileResult>& files) {
  std::ostringstream out;
  report::RunInfo run;
  run.tool_version = "9.8.7";
  // The exit code cli/ would give the run (cli/exit_codes.cc): the report states what it is told.
  switch (checks::validate_verdict(files, false)) {
    case checks::Verdict::kClean: run.exit_code = 0; break;
    case checks::Verdict::kFindings: run.exit_code = 1; break;
    case checks::Verdict::kUnreadable: run.exit_code = 2; break;
  }
  report::write_sarif(out, files, run);
  return json::parse(out.str());
}

const json* sarif_result_of(const json& sarif, const std::string& rule) {
  for (const auto& r : sarif["runs"][0]["results"])
    if (r["ruleId"] == rule) return &r;
  return nullptr;
}

// The official SARIF 2.1.0 schema, installed by scripts/setup.sh --with-test-tools from npm
// (tests/tools/package.json: @microsoft/jest-sarif ships it; draft-04, which valijson reads).
std::string sarif_schema_path() {
  return test::source_path("tests/tools/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
}

}  // namespace

TEST_CASE("sarif reporter: log, run, driver and rules from the registry") {
  std::vector<checks::FileResult> files{checks::validate_text("flows/a.yaml", kSarifFlow, {})};
  json s = sarif_of(files);
  CHECK(s["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(s["version"] == "2.1.0");
  REQUIRE(s["runs"].size() == 1);
  const json& run = s["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["tool"]["driver"]["name"] == "gomo");
  CHECK(run["tool"]["driver"]["version"] == "9.8.7");
  const json& rules = run["tool"]["driver"]["rules"];
  const auto& registry = checks::all_rules();
  REQUIRE(rules.size() >= registry.size());
  for (size_t i = 0; i < registry.size(); ++i) {
    CHECK(rules[i]["id"] == registry[i]->id);
    CHECK(rules[i]["shortDescription"]["text"] == registry[i]->summary);
    CHECK(rules[i]["defaultConfiguration"]["level"] ==
          (registry[i]->severity == diag::Severity::kInfo ? "note" : diag::severity_name(registry[i]->severity)));
    CHECK(rules[i]["help"]["text"].get<std::string>().find("docs/rules.md#" + std::string(registry[i]->id)) !=
          std::string::npos);
    CHECK(!rules[i]["fullDescription"]["text"].get<std::string>().empty());
  }
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  CHECK(run["invocations"][0]["exitCode"] == 1);
}

TEST_CASE("sarif reporter: a result has rule, level, message, 1-based region, pointer and fingerprint") {
  std::vector<checks::FileResult> files{checks::validate_text("./flows/my flow.yaml", kSarifFlow, {})};
  json s = sarif_of(files);
  const json* r = sarif_result_of(s, "unknown-output");
  REQUIRE(r);
  const json& rules = s["runs"][0]["tool"]["driver"]["rules"];
  CHECK(rules[(*r)["ruleIndex"].get<size_t>()]["id"] == "unknown-output");
  CHECK((*r)["level"] == "error");
  CHECK((*r)["message"]["text"].get<std::string>().find("unknown output `onEnd` for a play node") == 0);
  const json& loc = (*r)["locations"][0];
  CHECK(loc["physicalLocation"]["artifactLocation"]["uri"] == "flows/my%20flow.yaml");
  CHECK(loc["physicalLocation"]["region"] ==
        json{{"startLine", 3}, {"startColumn", 35}, {"endLine", 3}, {"endColumn", 40}});
  CHECK(loc["logicalLocations"][0]["fullyQualifiedName"] == "/nodes/0/outputs/onEnd");
  CHECK((*r)["properties"]["jsonPointer"] == "/nodes/0/outputs/onEnd");
  CHECK((*r)["partialFingerprints"]["gomoFindingHash/v1"].get<std::string>().size() == 16);
  // The machine-readable fix becomes a SARIF fix replacing the same region.
  const json& replacement = (*r)["fixes"][0]["artifactChanges"][0]["replacements"][0];
  CHECK(replacement["insertedContent"]["text"] == "onComplete");
  CHECK(replacement["deletedRegion"] == loc["physicalLocation"]["region"]);
  CHECK(s.dump().find("snippet") == std::string::npos);
}

TEST_CASE("sarif reporter: fingerprints follow a finding when lines move, and tell findings apart") {
  std::string moved = std::string("# a comment\n\n# another one\n") + kSarifFlow;
  json before = sarif_of({checks::validate_text("flows/a.yaml", kSarifFlow, {})});
  json after = sarif_of({checks::validate_text("./flows/a.yaml", moved, {})});
  const json* b = sarif_result_of(before, "unknown-output");
  const json* a = sarif_result_of(after, "unknown-output");
  REQUIRE(a);
  REQUIRE(b);
  CHECK((*a)["locations"][0]["physicalLocation"]["region"]["startLine"] == 6);
  CHECK((*b)["locations"][0]["physicalLocation"]["region"]["startLine"] == 3);
  CHECK((*a)["partialFingerprints"] == (*b)["partialFingerprints"]);

  diag::Diagnostic d;
  d.rule = "unknown-output";
  d.message = "m";
  d.location = {"flows/a.yaml", 3, 5, 3, 9, "/nodes/0"};
  std::string base = report::sarif_fingerprint(d);
  auto changed = [&](auto edit) {
    diag::Diagnostic e = d;
    edit(e);
    return report::sarif_fingerprint(e);
  };
  CHECK(changed([](auto& e) {
          e.location.line = 40;
          e.location.col = 1;
        }) == base);
  CHECK(changed([](auto& e) { e.rule = "unknown-target"; }) != base);
  CHECK(changed([](auto& e) { e.location.file = "flows/b.yaml"; }) != base);
  CHECK(changed([](auto& e) { e.location.pointer = "/nodes/1"; }) != base);
  CHECK(changed([](auto& e) { e.message = "n"; }) != base);
  CHECK(base == report::sarif_fingerprint(d));  // no per-process seed
}

TEST_CASE("sarif reporter: a file with no position still gets a valid result, without a region") {
  checks::FileResult f;
  f.path = "missing.yaml";
  f.unreadable = true;
  diag::Diagnostic d;
  d.rule = "read-error";
  d.message = "cannot read the file: No such file or directory";
  d.location.file = "missing.yaml";
  f.diagnostics.push_back(d);
  json s = sarif_of({f});
  const json* r = sarif_result_of(s, "read-error");
  REQUIRE(r);
  CHECK((*r)["locations"][0]["physicalLocation"] == json{{"artifactLocation", {{"uri", "missing.yaml"}}}});
  CHECK(s["runs"][0]["tool"]["driver"]["rules"][(*r)["ruleIndex"].get<size_t>()]["id"] == "read-error");
  CHECK(s["runs"][0]["invocations"][0]["executionSuccessful"] == false);
  CHECK(s["runs"][0]["invocations"][0]["exitCode"] == 2);
}

TEST_CASE("sarif reporter: artifact URIs are percent-escaped; absolute paths become file URIs") {
  CHECK(report::sarif_uri("flows/a.yaml") == "flows/a.yaml");
  CHECK(report::sarif_uri("./flows/a b#1%.yaml") == "flows/a%20b%231%25.yaml");
  CHECK(report::sarif_uri("<stdin>") == "%3Cstdin%3E");
  CHECK(report::sarif_uri("/tmp/é.json") == "file:///tmp/%C3%A9.json");
}

TEST_CASE("sarif reporter: output is valid against the official SARIF 2.1.0 JSON schema") {
  std::string path = sarif_schema_path();
  if (!std::filesystem::exists(path) && test::skip_without("the SARIF schema " + path)) return;
  json schema_json = json::parse(test::read_file(path));
  REQUIRE(schema_json["title"].get<std::string>().find("SARIF") != std::string::npos);
  const test::JsonSchemaValidator schema(schema_json, test::JsonSchemaValidator::Draft::k4);

  checks::FileResult unreadable;
  unreadable.path = "gone.yaml";
  unreadable.unreadable = true;
  unreadable.diagnostics.push_back(
      diag::Diagnostic{"read-error", diag::Severity::kError, "cannot read", {"gone.yaml", 0, 0, 0, 0, ""}, "", "", ""});
  std::vector<std::vector<checks::FileResult>> runs = {
      {},
      {checks::validate_text("flows/a.yaml", kSarifFlow, {})},
      {checks::validate_text(test::source_path("samples/flows/simple-greeting.yaml"),
                             test::read_file(test::source_path("samples/flows/simple-greeting.yaml")), {})},
      {checks::validate_text("broken.json", "{\"a\": 1,}", {}), unreadable},
  };
  for (const auto& files : runs) {
    json sarif = sarif_of(files);
    auto errors = schema.errors(sarif);
    CHECK_MESSAGE(errors.empty(), (errors.empty() ? "" : errors.front()));
  }
  // The validator really checks: a 0 line (GitHub rejects it too) and a bad level are caught.
  json bad = sarif_of(runs[1]);
  bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  CHECK(!schema.errors(bad).empty());
  bad = sarif_of(runs[1]);
  bad["runs"][0]["results"][0]["level"] = "info";
  CHECK(!schema.errors(bad).empty());
}
