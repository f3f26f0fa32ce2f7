#include "programs/pause_rules_file.h"

#include <doctest/doctest.h>

namespace gomo::programs {

TEST_CASE("read_auto_pause_rules: a YAML list, a JSON mapping, and positioned mistakes") {
  auto yaml = read_auto_pause_rules("rules.yaml",
                                    "- nodeId: transfer\n  threshold: 50\n  resetOnResume: true\n"
                                    "- nodeId: bye\n  threshold: 3\n");
  REQUIRE_MESSAGE(yaml, yaml.error().message());
  REQUIRE(yaml->size() == 2);
  CHECK((*yaml)[0] == api::AutoPauseRule{"transfer", 50, true});
  CHECK((*yaml)[1] == api::AutoPauseRule{"bye", 3, false});

  auto json = read_auto_pause_rules("rules.json", R"({"autoPauseRules": [{"nodeId": "a", "threshold": 1}]})");
  REQUIRE(json);
  CHECK(json->size() == 1);
  auto empty = read_auto_pause_rules("rules.yaml", "[]\n");
  REQUIRE(empty);
  CHECK(empty->empty());

  auto bad = [](const std::string& text) {
    auto r = read_auto_pause_rules("rules.yaml", text);
    REQUIRE_FALSE(r);
    return r.error().message();
  };
  CHECK(bad("- nodeId: a\n  threshold: 0\n") == "rules.yaml:2:14: threshold must be an integer >= 1, got 0");
  CHECK(bad("- nodeId: a\n  treshold: 2\n") ==
        "rules.yaml:2:3: unknown key treshold in a rule; expected nodeId, threshold, resetOnResume");
  CHECK(bad("- threshold: 2\n") == "rules.yaml:1:3: the rule has no nodeId");
  CHECK(bad("- {nodeId: a, threshold: 2}\n- {nodeId: a, threshold: 3}\n") ==
        "rules.yaml:2:3: node a has a rule already; give each node one rule");
  CHECK(bad("nodeId: a\n").find("rules.yaml:1:1: expected a list of rules") == 0);
  CHECK(bad("- [\n").rfind("rules.yaml:", 0) == 0);
}

}  // namespace gomo::programs
