#include "checks/validate.h"

#include <doctest/doctest.h>

#include <new>
#include <stdexcept>

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
  CHECK(checks::validate_verdict(results, false) == checks::Verdict::kUnreadable);
}

TEST_CASE("validate: a missing path is one more unreadable file; the others are still checked") {
  auto dir = test::scratch_dir();
  std::string good = test::write_file(dir, "good.yaml", "startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n");
  auto inputs = checks::expand_inputs({good, dir + "/missing.yaml"}, {});
  REQUIRE(inputs.has_value());
  REQUIRE(inputs->size() == 2);
  auto results = checks::validate_inputs(std::move(inputs.value()), {});
  CHECK_FALSE(results[0].unreadable);
  CHECK(results[1].unreadable);
  REQUIRE(results[1].diagnostics.size() == 1);
  CHECK(results[1].diagnostics[0].rule == "read-error");
  CHECK(results[1].diagnostics[0].message == "no such file or directory");
  CHECK(checks::validate_verdict(results, false) == checks::Verdict::kUnreadable);
}

TEST_CASE("validate: a directory without flow files is an error only when nothing at all is checked") {
  auto empty = test::scratch_dir();
  auto r = checks::expand_inputs({empty}, {});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message().find("no flow files") != std::string::npos);

  auto dir = test::scratch_dir();
  std::string good = test::write_file(dir, "good.yaml", "startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n");
  std::vector<std::string> notes;
  auto both = checks::expand_inputs({empty, good}, {}, &notes);
  REQUIRE(both.has_value());
  CHECK(both->size() == 1);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == empty + ": no flow files (*.yaml, *.yml, *.json) to check in this directory");
}

TEST_CASE("validate: walking a directory skips flow tests and `exclude` matches relative to the config's folder") {
  auto root = test::scratch_dir();
  test::write_file(root, "flows/a.yaml", "");
  test::write_file(root, "flows/march.program.yaml", "");  // a program file (gomo program validate)
  test::write_file(root, "flows/callees.mix.yaml", "");    // an outcome mix (gomo program simulate --mix)
  test::write_file(root, "flows/a.test.yaml", "");
  test::write_file(root, "flows/b.test.json", "");
  test::write_file(root, "drafts/b01.yaml", "");
  test::write_file(root, "drafts/deep/b02.yaml", "");
  test::write_file(root, "old/c.yaml", "");
  test::write_file(root, "x.schema.json", "");
  checks::Exclusion exclude;
  exclude.base = root;
  exclude.patterns = {"drafts/*", "*.schema.json", "old/"};
  auto names = [&](const std::vector<std::string>& args) {
    std::vector<std::string> notes;
    auto r = checks::expand_inputs(args, exclude, &notes);
    std::vector<std::string> out;
    if (!r) return std::vector<std::string>{"error: " + r.error().message()};
    for (const auto& in : *r) out.push_back(in.path.substr(root.size() + 1));
    return out;
  };
  CHECK(names({root}) == std::vector<std::string>{"flows/a.yaml"});
  CHECK(names({root + "/flows/"}) == std::vector<std::string>{"flows/a.yaml"});
  // `drafts/*` holds every file under drafts (fnmatch's * crosses /): nothing left there.
  auto drafts = names({root + "/drafts", root + "/flows"});
  CHECK(drafts == std::vector<std::string>{"flows/a.yaml"});
  // Files named on the command line are checked, flow tests and excluded files included...
  CHECK(names({root + "/drafts/b01.yaml", root + "/flows/a.test.yaml"}) ==
        std::vector<std::string>{"drafts/b01.yaml", "flows/a.test.yaml"});
  // ...unless --force-exclude.
  exclude.force = true;
  CHECK(names({root + "/drafts/b01.yaml", root + "/flows/a.yaml"}) == std::vector<std::string>{"flows/a.yaml"});
  // Outside the config's folder, only patterns without a slash apply.
  exclude.force = false;
  exclude.base = root + "/flows";
  auto outside = names({root});
  CHECK(outside == std::vector<std::string>{"drafts/b01.yaml", "drafts/deep/b02.yaml", "flows/a.yaml"});
}

namespace {

checks::FileResult throwing_check(checks::Input& in, const checks::ValidateOptions&) {
  if (in.path == "oom.yaml") throw std::bad_alloc();
  if (in.path == "bug.yaml") throw std::runtime_error("boom");
  checks::FileResult r;
  r.path = in.path;
  return r;
}

}  // namespace

TEST_CASE("validate: an exception while checking one file is that file's error; the run goes on") {
  for (unsigned jobs : {1u, 3u}) {
    INFO("jobs " << jobs);
    std::vector<checks::Input> inputs = {
        {"a.yaml", "", false}, {"oom.yaml", "", false}, {"bug.yaml", "", false}, {"b.yaml", "", false}};
    checks::ValidateOptions opts;
    opts.jobs = jobs;
    auto results = checks::validate_inputs(std::move(inputs), opts, throwing_check);
    REQUIRE(results.size() == 4);
    CHECK(results[0].path == "a.yaml");
    CHECK(results[3].path == "b.yaml");
    CHECK_FALSE(results[3].unreadable);
    CHECK(results[1].unreadable);
    REQUIRE(results[1].diagnostics.size() == 1);
    CHECK(results[1].diagnostics[0].rule == "read-error");
    CHECK(results[1].diagnostics[0].message.find("out of memory") != std::string::npos);
    CHECK(results[1].diagnostics[0].location.file == "oom.yaml");
    CHECK(results[2].unreadable);
    CHECK(results[2].diagnostics.at(0).rule == "internal-error");
    CHECK(results[2].diagnostics.at(0).message.find("boom") != std::string::npos);
    CHECK(checks::validate_verdict(results, false) == checks::Verdict::kUnreadable);
  }
}

TEST_CASE("validate: values quoted in messages show their control characters escaped") {
  // YAML "\e" and JSON "\u001b" decode to ESC; the message must carry the visible \x1b instead.
  auto yaml = test::check_flow("startNodeId: \"\\e]0;pwned\\a\"\nnodes:\n  - {id: a, type: hangup}\n");
  auto start = test::diags_of(yaml, "unknown-start-node");
  REQUIRE(start.size() == 1);
  CHECK(start[0].message.find("\\x1b]0;pwned\\x07") != std::string::npos);
  CHECK(start[0].message.find('\x1b') == std::string::npos);
  auto json = test::check_flow("{\"startNodeId\": \"a\", \"nodes\": [{\"id\": \"a\\u001b[2J\", \"type\": \"hangup\"}]}",
                               "f.json");
  bool any = false;
  for (const auto& d : json) {
    CHECK(d.message.find('\x1b') == std::string::npos);
    any = any || d.message.find("a\\x1b[2J") != std::string::npos;
  }
  CHECK(any);
}

TEST_CASE("validate: a finding on a huge line holds a window of it, not the line") {
  std::string text = "{\"startNodeId\": \"a\", \"nodes\": [{\"id\": \"a\", \"type\": \"hangup\"}]";
  for (int i = 0; i < 5000; ++i) text += ", \"k" + std::to_string(i) + "\": 1";
  text += "}";
  auto r = checks::validate_text("big.json", text, {});
  size_t held = 0;
  for (const auto& d : r.diagnostics) {
    held += d.snippet.size();
    CHECK(d.snippet.size() <= diag::kSnippetColumns);
  }
  CHECK(r.diagnostics.size() >= 5000);
  CHECK(held <= r.diagnostics.size() * diag::kSnippetColumns);
}

TEST_CASE("validate: exclude patterns, ignore, severity and suppressions") {
  auto dir = test::scratch_dir();
  test::write_file(dir, "flow.yaml", "");
  test::write_file(dir, "x.schema.json", "");
  checks::Exclusion exclude;
  exclude.patterns = {"*.schema.json"};
  auto inputs = checks::expand_inputs({dir}, exclude);
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

  const char* suppressed =
      "startNodeId: a\nnodes:\n  - {id: a, type: play, outputs: {onEnd: a}}  # gomo-ignore: unknown-output\n";
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
