#include "checks/validate.h"

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("validate: syntax errors make the file unreadable (exit 2) but other files still run") {
  auto dir = test::scratch_dir();
  test::write_file(dir, "a.yaml", "startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n");
  test::write_file(dir, "b.json", "{\"startNodeId\": ");
  test::write_file(dir, "notes.txt", "ignored");
  auto inputs = checks::expand_inputs({dir}, {});
  REQUIRE(inputs.has_value());
  REQUIRE(inputs->size() == 2);
  checks::ValidateOptions opts;
  opts.jobs = 2;
  auto results = checks::validate_inputs(std::move(inputs.value()), opts);
  CHECK_FALSE(results[0].unreadable);
  CHECK(results[1].unreadable);
  CHECK(results[1].diagnostics.at(0).rule == "syntax");
  CHECK(checks::validate_exit_code(results, false) == 2);
}

TEST_CASE("validate: missing paths and empty directories are errors, never a silent pass") {
  CHECK_FALSE(checks::expand_inputs({"/nonexistent/flow.yaml"}, {}).has_value());
  auto dir = test::scratch_dir();
  auto r = checks::expand_inputs({dir}, {});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message().find("no flow files") != std::string::npos);
}

TEST_CASE("validate: exclude patterns, ignore, severity and suppressions") {
  auto dir = test::scratch_dir();
  test::write_file(dir, "flow.yaml", "");
  test::write_file(dir, "x.schema.json", "");
  auto inputs = checks::expand_inputs({dir}, {"*.schema.json"});
  REQUIRE(inputs.has_value());
  CHECK(inputs->size() == 1);

  const char* text = "startNodeId: a\nnodes:\n  - {id: a, type: play, outputs: {onEnd: a}}\n";
  checks::ValidateOptions opts;
  CHECK_FALSE(test::diags_of(test::check_flow(text, "f.yaml", opts), "unknown-output").empty());
  opts.ignored_rules.insert("unknown-output");
  CHECK(test::diags_of(test::check_flow(text, "f.yaml", opts), "unknown-output").empty());

  checks::ValidateOptions sev;
  sev.severity["unknown-output"] = diag::Severity::kWarning;
  auto d = test::diags_of(test::check_flow(text, "f.yaml", sev), "unknown-output");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == diag::Severity::kWarning);

  const char* suppressed = "startNodeId: a\nnodes:\n  - {id: a, type: play, outputs: {onEnd: a}}  # gomo-ignore: unknown-output\n";
  CHECK(test::diags_of(test::check_flow(suppressed), "unknown-output").empty());
}

TEST_CASE("validate: resolve_validate rejects unknown rule ids with a suggestion") {
  checks::ValidateRequest req;
  req.ignore = {"unknown-outptu"};
  auto r = checks::resolve_validate(req, nullptr);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message().find("did you mean unknown-output?") != std::string::npos);
}

TEST_CASE("validate: catalogs load from lists and API list responses") {
  auto dir = test::scratch_dir();
  auto a = checks::load_catalog(test::write_file(dir, "a.yaml", "- hello\n- bye\n"), "id");
  REQUIRE(a.has_value());
  CHECK(a->count("hello"));
  auto b = checks::load_catalog(test::write_file(dir, "b.json", R"({"data": [{"id": "x", "title": "X"}]})"), "id");
  REQUIRE(b.has_value());
  CHECK(b->count("x"));
  CHECK_FALSE(checks::load_catalog(test::write_file(dir, "c.yaml", "a: 1\n"), "id").has_value());
}
