#include "programs/control.h"

#include <doctest/doctest.h>

#include "tests/support/running_program.h"

namespace gomo::programs {
namespace {

// The answers a person gives, in order, and the questions asked.
struct Person {
  std::vector<Confirmation> answers;
  std::vector<std::string> asked;
  ConfirmFn fn() {
    return [this](const std::string& question) {
      asked.push_back(question);
      REQUIRE_FALSE(answers.empty());
      Confirmation next = answers.front();
      answers.erase(answers.begin());
      return next;
    };
  }
};

ControlRequest by_program(Verb verb, const std::string& key) {
  ControlRequest r;
  r.verb = verb;
  r.key = key;
  r.by_program = true;
  r.target = "local workspace test.db";
  return r;
}

}  // namespace

TEST_CASE("control_execution: pause a program's execution by name, then again (a note), then resume") {
  test::RunningProgram t;
  Person nobody;
  auto paused = control_execution(*t.f.platform, by_program(Verb::kPause, "March"), nobody.fn());
  REQUIRE(paused);
  CHECK(paused->kind == ControlOutcome::Kind::kChanged);
  CHECK(paused->program_name == "March");
  REQUIRE(paused->execution);
  CHECK(paused->execution->status == "paused");
  CHECK(paused->summary == "paused execution " + t.execution.id + " of program \"March\", now paused");

  auto again = control_execution(*t.f.platform, by_program(Verb::kPause, "March"), nobody.fn());
  REQUIRE(again);
  CHECK(again->kind == ControlOutcome::Kind::kNothingToDo);
  CHECK(again->note == "execution " + t.execution.id + " is already paused (paused); nothing to do");
  REQUIRE(again->execution);  // printed with -o json, as it is

  ControlRequest resume;
  resume.verb = Verb::kResume;
  resume.key = t.execution.id;
  resume.rules = std::vector<api::AutoPauseRule>{{"bye", 3, false}};
  resume.rules_path = "rules.yaml";
  auto resumed = control_execution(*t.f.platform, resume, nobody.fn());
  REQUIRE(resumed);
  CHECK(resumed->kind == ControlOutcome::Kind::kChanged);
  CHECK(resumed->program_name.empty());
  CHECK(resumed->summary == "resumed execution " + t.execution.id + ", now running (auto-pause rules replaced: 1)");
  CHECK(nobody.asked.empty());  // only cancel asks
}

TEST_CASE("control_execution: cancel asks first; no is nothing sent, yes cancels; cancelled twice says why") {
  test::RunningProgram t;
  Person person{{Confirmation::kNo, Confirmation::kYes}, {}};
  auto declined = control_execution(*t.f.platform, by_program(Verb::kCancel, "March"), person.fn());
  REQUIRE(declined);
  CHECK(declined->kind == ControlOutcome::Kind::kNotConfirmed);
  CHECK(declined->confirmation == Confirmation::kNo);
  REQUIRE(person.asked.size() == 1);
  CHECK(person.asked[0] == "Cancel execution " + t.execution.id +
                               " of program \"March\" (running, 0 of 1 contacts done) on local workspace test.db? "
                               "Contacts not called yet will not be called.");
  CHECK(t.f.platform->get_execution(t.execution.id)->status == "running");

  auto cancelled = control_execution(*t.f.platform, by_program(Verb::kCancel, "March"), person.fn());
  REQUIRE(cancelled);
  CHECK(cancelled->kind == ControlOutcome::Kind::kChanged);
  CHECK(cancelled->execution->status == "cancelled");
  CHECK(person.asked.size() == 2);

  ControlRequest twice;
  twice.verb = Verb::kCancel;
  twice.key = t.execution.id;
  auto refused = control_execution(*t.f.platform, twice, person.fn());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().api.code == api::kInvalidTransition);
  CHECK(person.asked.size() == 2);  // nothing to ask about an impossible transition
}

TEST_CASE("control_execution: a program with no active execution; --if-active makes it a note") {
  test::RunningProgram t;
  REQUIRE(t.f.platform->cancel_execution(t.execution.id));
  Person nobody;
  auto none = control_execution(*t.f.platform, by_program(Verb::kPause, "March"), nobody.fn());
  REQUIRE(none);
  CHECK(none->kind == ControlOutcome::Kind::kNoActiveExecution);
  CHECK_FALSE(none->execution);
  CHECK(none->note ==
        "program \"March\" has no scheduled, running or paused execution; --if-active makes this exit 0 (see its "
        "executions: gomo execution list \"March\")");

  ControlRequest cron = by_program(Verb::kPause, t.program.id);
  cron.if_active = true;
  auto quiet = control_execution(*t.f.platform, cron, nobody.fn());
  REQUIRE(quiet);
  CHECK(quiet->kind == ControlOutcome::Kind::kNothingToDo);
  CHECK(quiet->note == "program \"March\" has no scheduled, running or paused execution; nothing to pause");
}

TEST_CASE("control_execution: unknown ids and programs, and rules for nodes the flow lacks, are failures") {
  test::RunningProgram t;
  Person nobody;
  ControlRequest missing;
  missing.key = "00000000-0000-4000-8000-000000000000";
  auto unknown = control_execution(*t.f.platform, missing, nobody.fn());
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().api.http_status == 404);
  CHECK(unknown.error().api.message.find(missing.key) != std::string::npos);

  auto no_program = control_execution(*t.f.platform, by_program(Verb::kPause, "April"), nobody.fn());
  REQUIRE_FALSE(no_program);
  CHECK(no_program.error().api.http_status == 404);

  REQUIRE(t.f.platform->pause_execution(t.execution.id));
  ControlRequest resume = by_program(Verb::kResume, "March");
  resume.rules = std::vector<api::AutoPauseRule>{{"by", 2, false}};
  resume.rules_path = "rules.yaml";
  auto bad_rules = control_execution(*t.f.platform, resume, nobody.fn());
  REQUIRE_FALSE(bad_rules);
  CHECK(bad_rules.error().usage);
  CHECK(bad_rules.error().message.find("rules.yaml: rule 1: node by is not in flow \"Bye\"") == 0);
  CHECK(t.f.platform->get_execution(t.execution.id)->status == "paused");  // nothing sent
}

}  // namespace gomo::programs
