#include "profile/mobtexting.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <map>

#include "profile/resolve.h"
#include "tests/support/test_support.h"

namespace gomo::profile {
namespace {

ConfigFile config_of(const std::string& text) {
  const std::string dir = test::scratch_dir();
  std::string path = test::write_file(dir, "config.yaml", text);
  ::chmod(path.c_str(), 0600);
  auto cfg = ConfigFile::load(path);
  REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message()));
  return std::move(*cfg);
}

Env env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const char* const kTwoKinds =
    "profiles:\n"
    "  prod:\n"
    "    baseUrl: https://api.gomobile.ma/api\n"
    "  mt:\n"
    "    provider: mobtexting\n"
    "    apiKey: mt_secret_key_0123456789\n"
    "    bridge: 918068280000\n";

}  // namespace

TEST_CASE("resolve_mobtexting: the only mobtexting profile, its key, bridge and default endpoint") {
  ConfigFile cfg = config_of(kTwoKinds);
  auto t = resolve_mobtexting("", env_of({}), cfg);
  REQUIRE_MESSAGE(t, (t ? "" : t.error().message()));
  CHECK(t->profile == "mt");
  CHECK(t->endpoint == kMobtextingBaseUrl);
  CHECK(t->api_key == "mt_secret_key_0123456789");
  CHECK(t->key_from == "profile mt");
  CHECK(t->bridge == "918068280000");
  CHECK(t->summary() == "mobtexting https://portal.mobtexting.com/api/v2/ (profile mt)");

  auto from_env = resolve_mobtexting("mt", env_of({{kMobtextingKeyEnv, "env_key"}}), cfg);
  REQUIRE(from_env);
  CHECK(from_env->api_key == "env_key");
  CHECK(from_env->key_from == "env GOMO_MOBTEXTING_API_KEY");

  auto not_mt = resolve_mobtexting("prod", env_of({}), cfg);
  REQUIRE_FALSE(not_mt);
  CHECK(not_mt.error().message().find("profile `prod` is not a mobtexting profile (provider: gomobile)") == 0);
  CHECK_FALSE(resolve_mobtexting("nope", env_of({}), cfg));

  // A Gomobile command never sends to a mobtexting profile.
  TargetFlags flags;
  flags.profile = "mt";
  auto gomobile = resolve_target(flags, env_of({}), cfg);
  REQUIRE_FALSE(gomobile);
  CHECK(gomobile.error().message().find("profile `mt` is a mobtexting profile") == 0);
}

TEST_CASE("resolve_mobtexting: none, several, no key; bad provider and bridge values") {
  auto none = resolve_mobtexting("", env_of({}), config_of("profiles:\n  prod: {}\n"));
  REQUIRE_FALSE(none);
  CHECK(none.error().message().find("no mobtexting profile; make one: gomo config set provider mobtexting") !=
        std::string::npos);
  auto two = resolve_mobtexting("", env_of({}),
                                config_of("profiles:\n  a: {provider: mobtexting}\n  b: {provider: mobtexting}\n"));
  REQUIRE_FALSE(two);
  CHECK(two.error().message() ==
        "--provider mobtexting: several mobtexting profiles (a, b); choose one with --profile");
  auto keyless = resolve_mobtexting("", env_of({}), config_of("profiles:\n  a: {provider: mobtexting}\n"));
  REQUIRE_FALSE(keyless);
  CHECK(keyless.error().message().find("no mobtexting API key") == 0);

  ConfigFile cfg(test::scratch_dir() + "/new.yaml");
  CHECK(cfg.set("mt", "provider", "mobtexting"));
  CHECK(cfg.set("mt", "bridge", "+918068280000"));
  CHECK(cfg.set("mt", "provider", "twilio").message() == "`provider` must be `gomobile` (the default) or `mobtexting`");
  CHECK(cfg.set("mt", "bridge", "12ab").message().find("`bridge` must be the bridge phone number") == 0);
  CHECK(cfg.set("mt", "workspace", "x.db").message().find("has provider: mobtexting and a workspace") !=
        std::string::npos);
  CHECK_FALSE(cfg.set("local", "provider", "mobtexting"));
  CHECK(cfg.find("mt")->get("bridge") == "+918068280000");
}

}  // namespace gomo::profile
