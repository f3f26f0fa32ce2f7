#include "model/project_config.h"

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("project config: loads validate settings") {
  auto dir = test::scratch_dir();
  auto path = test::write_file(
      dir, ".gomo.yaml",
      "validate:\n  strict: true\n  target: gomobile\n  ignore: [missing-label]\n"
      "  severity: {unreachable-node: error}\n  exclude: ['*.schema.json']\n  audioCatalog: audio.yaml\n");
  auto cfg = model::load_project_config(path);
  REQUIRE(cfg.has_value());
  CHECK(cfg->validate.strict == true);
  CHECK(cfg->validate.target == "gomobile");
  CHECK(cfg->validate.ignore == std::vector<std::string>{"missing-label"});
  CHECK(cfg->validate.severity.at("unreachable-node") == "error");
  CHECK(cfg->validate.audio_catalog == dir + "/audio.yaml");
}

TEST_CASE("project config: the program section (program validate's rules)") {
  auto dir = test::scratch_dir();
  auto path = test::write_file(dir, ".gomo.yaml",
                               "program:\n  strict: true\n  ignore: did-shape\n  severity: {unknown-node: warning}\n");
  auto cfg = model::load_project_config(path);
  REQUIRE_MESSAGE(cfg.has_value(), cfg.error().message());
  CHECK(cfg->program.strict == true);
  CHECK(cfg->program.ignore == std::vector<std::string>{"did-shape"});
  CHECK(cfg->program.severity.at("unknown-node") == "warning");
  CHECK(cfg->validate.ignore.empty());

  auto bad = model::load_project_config(test::write_file(dir, "bad.yaml", "program:\n  ignroe: [x]\n"));
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message().find(":2:3: unknown key `ignroe`") != std::string::npos);
  CHECK(bad.error().message().find("did you mean ignore?") != std::string::npos);
  auto top = model::load_project_config(test::write_file(dir, "top.yaml", "programs: {}\n"));
  REQUIRE_FALSE(top.has_value());
  CHECK(top.error().message().find("expected one of validate, program") != std::string::npos);

  auto none = model::load_chosen_project_config(path, /*no_config=*/true);
  REQUIRE(none);
  CHECK_FALSE(none->has_value());
  auto named = model::load_chosen_project_config(path, false);
  REQUIRE(named);
  REQUIRE(named->has_value());
  CHECK((*named)->path == path);
}

TEST_CASE("project config: unknown keys are errors with position and a suggestion") {
  auto dir = test::scratch_dir();
  auto path = test::write_file(dir, ".gomo.yaml", "validate:\n  strcit: true\n");
  auto cfg = model::load_project_config(path);
  REQUIRE_FALSE(cfg.has_value());
  CHECK(cfg.error().message().find(":2:3: unknown key `strcit`") != std::string::npos);
  CHECK(cfg.error().message().find("did you mean strict?") != std::string::npos);
}

TEST_CASE("project config: found in a parent directory, not past the repository root") {
  auto dir = test::scratch_dir();
  test::write_file(dir, "repo/.gomo.yaml", "validate: {}\n");
  test::write_file(dir, "repo/.git/HEAD", "ref: x\n");
  test::write_file(dir, "repo/a/b/flow.yaml", "");
  auto found = model::find_project_config(dir + "/repo/a/b");
  REQUIRE(found.has_value());
  CHECK(*found == dir + "/repo/.gomo.yaml");
  test::write_file(dir, "other/.git/HEAD", "ref: x\n");
  CHECK_FALSE(model::find_project_config(dir + "/other").has_value());
}
