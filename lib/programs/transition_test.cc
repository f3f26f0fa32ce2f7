#include "programs/transition.h"

#include <doctest/doctest.h>

#include "programs/pause_rules_file.h"
#include "tests/support/running_program.h"

namespace gomo::programs {
namespace {

struct RunningFixture : test::RunningProgram {
  Outcome<Transition> apply(Verb verb, bool if_active = false,
                            const std::optional<std::vector<api::AutoPauseRule>>& rules = std::nullopt) {
    auto current = find_execution(*f.platform, execution.id);
    REQUIRE(current);
    return apply_transition(*f.platform, *current, verb, rules, if_active);
  }
};

api::Execution with_status(const std::string& status) {
  api::Execution e;
  e.id = "e1";
  e.status = status;
  return e;
}

}  // namespace

TEST_CASE("plan_transition: what each verb does from each status") {
  using K = TransitionPlan::Kind;
  CHECK(plan_transition(with_status("running"), Verb::kPause, false, false).kind == K::kApply);
  CHECK(plan_transition(with_status("paused_threshold"), Verb::kPause, false, false).kind == K::kNothing);
  CHECK(plan_transition(with_status("scheduled"), Verb::kPause, false, false).kind == K::kImpossible);
  CHECK(plan_transition(with_status("paused_no_credits"), Verb::kResume, false, false).kind == K::kApply);
  CHECK(plan_transition(with_status("running"), Verb::kResume, false, false).kind == K::kNothing);
  // Rules can be replaced only on the way out of a pause.
  CHECK(plan_transition(with_status("running"), Verb::kResume, true, false).kind == K::kImpossible);
  CHECK(plan_transition(with_status("scheduled"), Verb::kCancel, false, false).kind == K::kApply);
  auto cancelled = plan_transition(with_status("cancelled"), Verb::kCancel, false, false);
  CHECK(cancelled.kind == K::kImpossible);
  CHECK(cancelled.error.code == api::kInvalidTransition);
  CHECK(cancelled.error.message ==
        "execution e1 is cancelled (it has ended); cancel needs an execution that is scheduled, running, paused, "
        "paused_no_credits or paused_threshold");
  auto ended = plan_transition(with_status("completed"), Verb::kPause, false, true);
  CHECK(ended.kind == K::kNothing);
  CHECK(ended.note == "execution e1 has ended (completed); nothing to pause");
}

TEST_CASE("transitions: pause and resume are idempotent; cancel once, then it says which statuses allow it") {
  RunningFixture t;
  auto paused = t.apply(Verb::kPause);
  REQUIRE(paused);
  CHECK(paused->changed);
  CHECK(paused->execution.status == "paused");
  auto again = t.apply(Verb::kPause);
  REQUIRE(again);
  CHECK_FALSE(again->changed);
  CHECK(again->note == "execution " + t.execution.id + " is already paused (paused); nothing to do");

  auto resumed = t.apply(Verb::kResume);
  REQUIRE(resumed);
  CHECK(resumed->changed);
  CHECK(resumed->execution.status == "running");
  auto resumed_again = t.apply(Verb::kResume);
  REQUIRE(resumed_again);
  CHECK_FALSE(resumed_again->changed);

  auto cancelled = t.apply(Verb::kCancel);
  REQUIRE(cancelled);
  CHECK(cancelled->changed);
  CHECK(cancelled->execution.status == "cancelled");
  auto twice = t.apply(Verb::kCancel);
  REQUIRE_FALSE(twice);
  CHECK(twice.error().api.code == api::kInvalidTransition);
  CHECK(twice.error().api.message.find("scheduled, running, paused") != std::string::npos);
  auto if_active = t.apply(Verb::kCancel, true);
  REQUIRE(if_active);
  CHECK_FALSE(if_active->changed);
}

TEST_CASE("transitions: resume replaces the auto-pause rules") {
  RunningFixture t;
  REQUIRE(t.apply(Verb::kPause));
  auto resumed = t.apply(Verb::kResume, false, std::vector<api::AutoPauseRule>{{"bye", 5, true}});
  REQUIRE(resumed);
  REQUIRE(resumed->execution.auto_pause_rules.size() == 1);
  CHECK(resumed->execution.auto_pause_rules.front().node_id == "bye");
  CHECK(resumed->execution.auto_pause_rules.front().threshold == 5);
}

TEST_CASE("check_rule_nodes: a rule for a node the flow does not have is refused, with the nearest node") {
  RunningFixture t;
  CHECK_FALSE(check_rule_nodes(*t.f.platform, t.execution, {{"bye", 2, false}}, "rules.yaml"));
  auto problem = check_rule_nodes(*t.f.platform, t.execution, {{"bye", 2, false}, {"by", 2, false}}, "rules.yaml");
  REQUIRE(problem);
  CHECK(problem->usage);
  CHECK(problem->message ==
        "rules.yaml: rule 2: node by is not in flow \"Bye\", so the rule would never pause the execution; did you "
        "mean bye? (its nodes: bye)");
}

TEST_CASE("transitions: a stale view (another client paused first) still succeeds") {
  RunningFixture t;
  api::Execution stale = *find_execution(*t.f.platform, t.execution.id);
  REQUIRE(t.f.platform->pause_execution(t.execution.id));  // someone else, meanwhile
  auto r = apply_transition(*t.f.platform, stale, Verb::kPause, std::nullopt, false);
  REQUIRE(r);
  CHECK_FALSE(r->changed);
  CHECK(r->execution.status == "paused");
}

TEST_CASE("active_execution and find_execution") {
  RunningFixture t;
  auto active = active_execution(*t.f.platform, t.program.id);
  REQUIRE(active);
  REQUIRE(active->has_value());
  CHECK((*active)->id == t.execution.id);
  REQUIRE(t.f.platform->cancel_execution(t.execution.id));
  auto none = active_execution(*t.f.platform, t.program.id);
  REQUIRE(none);
  CHECK_FALSE(none->has_value());
  auto missing = find_execution(*t.f.platform, "00000000-0000-4000-8000-000000000000");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().api.http_status == 404);
  CHECK(missing.error().api.message.find("00000000-0000-4000-8000-000000000000") != std::string::npos);
}

}  // namespace gomo::programs
