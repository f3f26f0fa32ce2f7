#include "campaign/outcome_mix.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "tests/support/test_support.h"

namespace gomo::campaign {
namespace {

engine::CallSetup setup() { return {"call", "+212500000001", "+212600000001", "A"}; }

TEST_CASE("outcome mix: reads percentages, keys per node, seed and scripts") {
  std::string dir = test::scratch_dir();
  test::write_file(dir, "alice.yaml", "answer: busy\n");
  std::string path = test::write_file(dir, "mix.yaml", R"(answer: 50
voicemail: 5
busy: 20
noAnswer: 20
rejected: 4
failed: 1
hangUp: 0
seed: 42
dtmf:
  menu: {"1": 60, "2": 30, "": 10}
scripts:
  "+212600000001": alice.yaml
)");
  auto mix = load_outcome_mix(path);
  REQUIRE_MESSAGE(mix, mix.error().message());
  CHECK(mix->answer == 50);
  CHECK(mix->no_answer == 20);
  CHECK(mix->seed == 42);
  REQUIRE(mix->dtmf.count("menu"));
  CHECK(mix->dtmf.at("menu").size() == 3);
  CHECK(mix->dtmf.at("menu")[2].first.empty());
  REQUIRE(mix->scripts.count("+212600000001"));
  auto alice = make_callee(*mix, "c1", "+212600000001", 1);
  CHECK(alice->ring(setup(), 30000, true).answer == engine::Answer::kBusy);
}

TEST_CASE("outcome mix: mistakes are reported at file:line:col") {
  std::string dir = test::scratch_dir();
  auto bad_key = load_outcome_mix(test::write_file(dir, "a.yaml", "answer: 50\nnoanswer: 10\n"));
  REQUIRE_FALSE(bad_key);
  CHECK(bad_key.error().message().find("a.yaml:2:1: unknown key `noanswer`") != std::string::npos);
  CHECK(bad_key.error().message().find("did you mean noAnswer?") != std::string::npos);
  auto bad_percent = load_outcome_mix(test::write_file(dir, "b.yaml", "busy: 150\n"));
  REQUIRE_FALSE(bad_percent);
  CHECK(bad_percent.error().message().find("/b.yaml:1:7: `busy` must be a percentage") != std::string::npos);
  auto bad_keys = load_outcome_mix(test::write_file(dir, "c.json", R"({"dtmf": {"menu": {"x": 5}}})"));
  REQUIRE_FALSE(bad_keys);
  CHECK(bad_keys.error().message().find("/c.json:1:20: keys are 0-9") != std::string::npos);
  auto missing_script = load_outcome_mix(test::write_file(dir, "d.yaml", "scripts: {\"+2126\": nowhere.yaml}\n"));
  REQUIRE_FALSE(missing_script);
  CHECK(missing_script.error().message().find("/d.yaml:1:20: script of +2126:") != std::string::npos);
  CHECK_FALSE(load_outcome_mix(dir + "/absent.yaml"));
}

TEST_CASE("outcome mix: a callee depends only on (seed, contact, attempt)") {
  OutcomeMix mix;
  mix.seed = 7;
  CHECK(callee_seed(7, "c1", 1) == callee_seed(7, "c1", 1));
  CHECK(callee_seed(7, "c1", 1) != callee_seed(7, "c1", 2));
  CHECK(callee_seed(7, "c1", 1) != callee_seed(7, "c2", 1));
  CHECK(callee_seed(7, "c1", 1) != callee_seed(8, "c1", 1));
  for (int i = 0; i < 50; ++i) {
    const std::string id = "c" + std::to_string(i);
    auto a = make_callee(mix, id, "+2126", 1), b = make_callee(mix, id, "+2126", 1);
    auto ra = a->ring(setup(), 30000, true), rb = b->ring(setup(), 30000, true);
    CHECK(ra.answer == rb.answer);
    CHECK(ra.after_ms == rb.after_ms);
  }
}

TEST_CASE("outcome mix: the shares come out as asked, and DTMF follows the node's weights") {
  OutcomeMix mix;
  mix.answer = 60;
  mix.voicemail = 0;
  mix.busy = 20;
  mix.no_answer = 20;
  mix.rejected = mix.failed = 0;
  mix.dtmf["menu"] = {{"1", 75}, {"", 25}};
  int human = 0, busy = 0, no_answer = 0, ones = 0, silent = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    auto c = make_callee(mix, "c" + std::to_string(i), "+2126", 1);
    switch (c->ring(setup(), 30000, true).answer) {
      case engine::Answer::kHuman: ++human; break;
      case engine::Answer::kBusy: ++busy; break;
      case engine::Answer::kNoAnswer: ++no_answer; break;
      default: break;
    }
    engine::DigitRequest req;
    req.node_id = "menu";
    auto d = c->collect_digits(req);
    (d.digits == "1" ? ones : silent) += 1;
    if (d.digits.empty()) CHECK(d.elapsed_ms == req.timeout_ms);
  }
  CHECK(human == doctest::Approx(0.6 * n).epsilon(0.05));
  CHECK(busy == doctest::Approx(0.2 * n).epsilon(0.08));
  CHECK(no_answer == doctest::Approx(0.2 * n).epsilon(0.08));
  CHECK(ones == doctest::Approx(0.75 * n).epsilon(0.05));
  CHECK(silent == doctest::Approx(0.25 * n).epsilon(0.08));
}

TEST_CASE("outcome mix: without dtmf weights for the node, a callee presses a key the node offers") {
  OutcomeMix mix;  // the default mix: 15% silence, no per-node keys
  engine::DigitRequest menu;
  menu.node_id = "collect-response";
  menu.offered = {"1", "2"};
  std::map<std::string, int> pressed;
  const int n = 20000;
  for (int i = 0; i < n; ++i)
    ++pressed[make_callee(mix, "c" + std::to_string(i), "+2126", 1)->collect_digits(menu).digits];
  CHECK(pressed.size() == 3);  // "1", "2" and "" (silence), nothing else
  CHECK(pressed[""] == doctest::Approx(0.15 * n).epsilon(0.08));
  CHECK(pressed["1"] == doctest::Approx(0.425 * n).epsilon(0.05));
  CHECK(pressed["2"] == doctest::Approx(0.425 * n).epsilon(0.05));

  // Explicit weights still win over what the node offers; a node that offers nothing gets keys 1-4.
  mix.dtmf["collect-response"] = {{"9", 100}};
  CHECK(make_callee(mix, "c1", "+2126", 1)->collect_digits(menu).digits == "9");
  engine::DigitRequest open_menu;
  open_menu.node_id = "other";
  std::set<std::string> keys;
  for (int i = 0; i < 2000; ++i)
    keys.insert(make_callee(mix, "c" + std::to_string(i), "+2126", 1)->collect_digits(open_menu).digits);
  CHECK(keys == std::set<std::string>{"", "1", "2", "3", "4"});
}

}  // namespace
}  // namespace gomo::campaign
