#include "profile/listing.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <map>

#include "profile/resolve.h"
#include "tests/support/test_support.h"

namespace gomo::profile {
namespace {

ConfigFile config_of(const std::string& text) {
  std::string path = test::write_file(test::scratch_dir(), "config.yaml", text);
  ::chmod(path.c_str(), 0600);
  auto loaded = ConfigFile::load(path);
  REQUIRE(loaded);
  return std::move(*loaded);
}

Env env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const char* kConfig =
    "current: prod\n"
    "profiles:\n"
    "  prod:\n"
    "    baseUrl: https://api.example.com/api\n"
    "    apiKey: gmk_0123456789abcdef9f3a\n"
    "  scratch:\n"
    "    workspace: /tmp/scratch.db\n";

TEST_CASE("profile listing: the flag, then GOMO_PROFILE, then current, then local") {
  ConfigFile config = config_of(kConfig);
  CHECK(selected_profile(config, "scratch", env_of({{"GOMO_PROFILE", "other"}})) == "scratch");
  CHECK(selected_profile(config, "", env_of({{"GOMO_PROFILE", "other"}})) == "other");
  CHECK(selected_profile(config, "", env_of({})) == "prod");
  auto none = ConfigFile::load(test::scratch_dir() + "/none.yaml");  // no file: no current profile
  REQUIRE(none);
  CHECK(selected_profile(*none, "", env_of({})) == kLocalProfile);
}

TEST_CASE("profile listing: where each profile goes; one row per profile, keys masked") {
  ConfigFile config = config_of(kConfig);
  CHECK(target_of(profile_or_default(config, "prod")) == "https://api.example.com/api");
  CHECK(target_of(profile_or_default(config, "scratch")) == "local workspace /tmp/scratch.db");
  CHECK(target_of(profile_or_default(config, "local")) == "local workspace .gomo/workspace.db");
  CHECK(profile_or_default(config, "nowhere").name == "nowhere");

  auto rows = list_profiles(config, env_of({}));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].name == "local");
  CHECK(rows[0].local);
  CHECK_FALSE(rows[0].masked_key);
  CHECK(rows[1].name == "prod");
  CHECK(rows[1].current);
  CHECK_FALSE(rows[1].local);
  REQUIRE(rows[1].masked_key);
  CHECK(*rows[1].masked_key == mask_key("gmk_0123456789abcdef9f3a"));
  CHECK(rows[1].masked_key->find("0123456789") == std::string::npos);
  CHECK(rows[2].name == "scratch");
  CHECK_FALSE(rows[2].current);
  CHECK(rows[2].target == "local workspace /tmp/scratch.db");
}

}  // namespace
}  // namespace gomo::profile
