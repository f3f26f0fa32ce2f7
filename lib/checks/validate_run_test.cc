#include "checks/validate_run.h"

#include <doctest/doctest.h>

#include "document/document.h"
#include "tests/support/test_support.h"

using namespace gomo;

namespace {

const char* kCleanFlow = "startNodeId: a\nnodes:\n  - {id: a, type: hangup, label: Bye}\n";

// Records the calls checks::validate makes; its platform finds one error per file.
struct RecordingHooks : checks::ValidateHooks {
  std::vector<std::string> calls;
  bool remote = false;
  Status prepare_status = Status::ok();
  void config_loaded(const std::string&) override { calls.push_back("config"); }
  void inputs_found(const std::vector<std::string>& notes) override {
    calls.push_back("inputs " + std::to_string(notes.size()));
  }
  Status prepare(checks::ValidateOptions&) override {
    calls.push_back("prepare");
    return prepare_status;
  }
  bool has_remote_pass() const override { return remote; }
  Status begin_remote_pass() override {
    calls.push_back("begin remote");
    return Status::ok();
  }
  Result<std::vector<diag::Diagnostic>> remote_findings(const std::string& path, const document::Document& doc,
                                                        const std::vector<diag::Diagnostic>&) override {
    calls.push_back("remote " + path + (doc.parsed ? " parsed" : ""));
    diag::Diagnostic d;
    d.rule = checks::kRemoteRule;
    d.severity = diag::Severity::kError;
    d.message = "platform: no";
    d.location.file = path;
    d.location.line = 1;
    d.location.col = 1;
    return std::vector<diag::Diagnostic>{d};
  }
};

}  // namespace

TEST_CASE("checks::validate: one call from flags to verdict; the hooks in order") {
  auto dir = test::scratch_dir();
  std::string a = test::write_file(dir, "a.yaml", kCleanFlow);
  std::string b = test::write_file(dir, "b.yaml", "startNodeId: [");
  checks::ValidateRequest request;
  request.paths = {a, b};
  request.no_config = true;
  RecordingHooks hooks;
  hooks.remote = true;
  auto run = checks::validate(request, &hooks);
  REQUIRE(run.has_value());
  REQUIRE(run->files.size() == 2);
  CHECK(run->remote_checked);
  CHECK(run->verdict == checks::Verdict::kUnreadable);
  // The platform sees the file that parsed, once, as the local checks read it; not the broken one.
  CHECK(hooks.calls == std::vector<std::string>{"inputs 0", "prepare", "begin remote", "remote " + a + " parsed"});
  REQUIRE(run->files[0].diagnostics.size() == 1);
  CHECK(run->files[0].diagnostics[0].rule == checks::kRemoteRule);
}

TEST_CASE("checks::validate: the platform pass follows --ignore and severities; prepare can stop the run") {
  auto dir = test::scratch_dir();
  std::string a = test::write_file(dir, "a.yaml", kCleanFlow);
  checks::ValidateRequest request;
  request.paths = {a};
  request.no_config = true;
  request.ignore = {"remote-validation"};
  RecordingHooks hooks;
  hooks.remote = true;
  auto run = checks::validate(request, &hooks);
  REQUIRE(run.has_value());
  CHECK_FALSE(run->remote_checked);
  CHECK(run->verdict == checks::Verdict::kClean);
  CHECK(hooks.calls == std::vector<std::string>{"inputs 0", "prepare"});

  RecordingHooks stopping;
  stopping.prepare_status = Status::invalid_argument("cannot open the report");
  request.ignore.clear();
  auto stopped = checks::validate(request, &stopping);
  REQUIRE_FALSE(stopped.has_value());
  CHECK(stopped.error().message() == "cannot open the report");
}

TEST_CASE("checks::validate: the project config is loaded and its errors returned; hooks are optional") {
  auto dir = test::scratch_dir();
  std::string flow = test::write_file(dir, "a.yaml", kCleanFlow);
  std::string config = test::write_file(dir, "gomo.yaml", "validate:\n  ignore: [no-such-rule]\n");
  checks::ValidateRequest request;
  request.paths = {flow};
  request.config_path = config;
  RecordingHooks hooks;
  auto bad = checks::validate(request, &hooks);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message().find("unknown rule `no-such-rule`") != std::string::npos);
  CHECK(hooks.calls == std::vector<std::string>{"config"});

  request.config_path.clear();
  request.no_config = true;
  auto run = checks::validate(request, nullptr);  // no hooks at all
  REQUIRE(run.has_value());
  CHECK(run->verdict == checks::Verdict::kClean);
}
