#include "profile/resolve.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <map>

#include "api/platform.h"
#include "local/workspace.h"
#include "profile/open.h"
#include "tests/support/test_support.h"

namespace gomo::profile {

namespace {

Env env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& n) -> std::optional<std::string> {
    auto it = vars.find(n);
    return it == vars.end() || it->second.empty() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

// prod (remote, with key), staging (remote, default URL, bearer), scratch (local workspace), current: prod.
ConfigFile sample_config() {
  std::string path = test::write_file(test::scratch_dir(), "config.yaml",
                                      "current: prod\n"
                                      "profiles:\n"
                                      "  prod:\n"
                                      "    baseUrl: https://api.gomobile.ma/api\n"
                                      "    apiKey: gmk_prod_0123456789abcdef9f3a\n"
                                      "    rateLimit: 4\n"
                                      "  staging:\n"
                                      "    auth: bearer\n"
                                      "    apiKey: gmk_staging_key_0000000001\n"
                                      "  scratch:\n"
                                      "    workspace: scratch.db\n"
                                      "    apiKey: gomo_localkey\n");
  ::chmod(path.c_str(), 0600);
  auto cfg = ConfigFile::load(path);
  REQUIRE(cfg);
  return std::move(*cfg);
}

}  // namespace

TEST_CASE("resolve: no config, no env: the local workspace, every value a default") {
  ConfigFile none("/nonexistent/config.yaml");
  auto t = resolve_target({}, env_of({}), none);
  REQUIRE(t);
  CHECK(t->profile == "local");
  CHECK(t->profile_from.source == Source::kDefault);
  CHECK_FALSE(t->remote);
  CHECK(t->workspace == local::kDefaultWorkspacePath);
  CHECK(t->api_key.empty());
  CHECK(describe(t->api_key_from) == "not set");
  CHECK(t->rate_limit == 10);
  CHECK(t->summary() == "local workspace .gomo/workspace.db");
}

TEST_CASE("resolve: the current profile, with provenance") {
  ConfigFile cfg = sample_config();
  auto t = resolve_target({}, env_of({}), cfg);
  REQUIRE(t);
  CHECK(t->profile == "prod");
  CHECK(describe(t->profile_from) == "config file (" + cfg.path() + ":1:10)");
  CHECK(t->remote);
  CHECK(t->base_url == "https://api.gomobile.ma/api");
  CHECK(describe(t->base_url_from) == "profile prod (" + cfg.path() + ":4:14)");
  CHECK(t->api_key == "gmk_prod_0123456789abcdef9f3a");
  CHECK(describe(t->api_key_from) == "profile prod (" + cfg.path() + ":5:13)");
  CHECK(t->rate_limit == 4);
  CHECK_FALSE(t->bearer);
  CHECK(t->summary() == "https://api.gomobile.ma/api (prod)");
  CHECK(t->where() == "https://api.gomobile.ma/api, profile prod");
}

TEST_CASE("resolve: flag > environment > current profile > default") {
  ConfigFile cfg = sample_config();
  // The environment beats the current profile.
  auto env = env_of({{"GOMO_BASE_URL", "https://env.example/api"}, {"GOMO_API_KEY", "gmk_env_key_00000000000000"}});
  auto t = resolve_target({}, env, cfg);
  REQUIRE(t);
  CHECK(t->base_url == "https://env.example/api");
  CHECK(describe(t->base_url_from) == "env GOMO_BASE_URL");
  CHECK(t->api_key == "gmk_env_key_00000000000000");
  CHECK(describe(t->api_key_from) == "env GOMO_API_KEY");
  CHECK(t->summary() == "https://env.example/api");
  CHECK(t->where() == "https://env.example/api");
  // Flags beat the environment.
  TargetFlags flags;
  flags.base_url = "http://127.0.0.1:9/api";
  flags.rate_limit = 0;
  flags.bearer = true;
  t = resolve_target(flags, env, cfg);
  REQUIRE(t);
  CHECK(t->base_url == "http://127.0.0.1:9/api");
  CHECK(describe(t->base_url_from) == "flag --base-url");
  CHECK(t->rate_limit == 0);
  CHECK(describe(t->rate_limit_from) == "flag --rate-limit");
  CHECK(t->bearer);
  CHECK(describe(t->auth_from) == "flag --bearer");
  // GOMO_PROFILE picks the profile; the environment still beats its values.
  t = resolve_target({}, env_of({{"GOMO_PROFILE", "staging"}, {"GOMO_API_KEY", "gmk_env_key_00000000000000"}}), cfg);
  REQUIRE(t);
  CHECK(t->profile == "staging");
  CHECK(describe(t->profile_from) == "env GOMO_PROFILE");
  CHECK(t->base_url == kDefaultBaseUrl);
  CHECK(describe(t->base_url_from) == "default");
  CHECK(t->summary() == std::string(kDefaultBaseUrl) + " (staging)");
  CHECK(t->api_key == "gmk_env_key_00000000000000");
  CHECK(t->bearer);
  CHECK(describe(t->auth_from).rfind("profile staging (", 0) == 0);
}

TEST_CASE("resolve: a profile named by --profile outranks the environment") {
  ConfigFile cfg = sample_config();
  auto env = env_of({{"GOMO_BASE_URL", "https://env.example/api"},
                     {"GOMO_API_KEY", "gmk_env_key_00000000000000"},
                     {"GOMO_PROFILE", "staging"}});
  TargetFlags flags;
  flags.profile = "prod";
  auto t = resolve_target(flags, env, cfg);
  REQUIRE(t);
  CHECK(t->profile == "prod");
  CHECK(describe(t->profile_from) == "flag --profile");
  CHECK(t->base_url == "https://api.gomobile.ma/api");
  CHECK(t->api_key == "gmk_prod_0123456789abcdef9f3a");
  // --profile local: the workspace even though GOMO_BASE_URL is set; the env key picks the organisation.
  flags.profile = "local";
  t = resolve_target(flags, env, cfg);
  REQUIRE(t);
  CHECK_FALSE(t->remote);
  CHECK(t->api_key == "gmk_env_key_00000000000000");
  // A local profile's own key and workspace.
  flags.profile = "scratch";
  t = resolve_target(flags, env_of({}), cfg);
  REQUIRE(t);
  CHECK_FALSE(t->remote);
  CHECK(t->workspace == "scratch.db");
  CHECK(t->api_key == "gomo_localkey");
  CHECK(t->summary() == "local workspace scratch.db");
}

TEST_CASE("resolve: the docs' GOMOBILE_* names when GOMO_* are unset") {
  ConfigFile none("/nonexistent/config.yaml");
  auto t = resolve_target(
      {}, env_of({{"GOMOBILE_API_KEY", "gmk_docs_key_000000000000"}, {"GOMOBILE_API_URL", "https://u/api"}}), none);
  REQUIRE(t);
  CHECK(t->remote);
  CHECK(describe(t->base_url_from) == "env GOMOBILE_API_URL");
  CHECK(describe(t->api_key_from) == "env GOMOBILE_API_KEY");
  t = resolve_target({}, env_of({{"GOMOBILE_API_BASE_URL", "https://b/api"}}), none);
  REQUIRE(t);
  CHECK(t->base_url == "https://b/api");
  t = resolve_target({},
                     env_of({{"GOMO_BASE_URL", "https://g/api"},
                             {"GOMOBILE_API_URL", "https://u/api"},
                             {"GOMO_API_KEY", "gmk_a_000000000000000"},
                             {"GOMOBILE_API_KEY", "gmk_b_000000000000000"}}),
                     none);
  REQUIRE(t);
  CHECK(t->base_url == "https://g/api");
  CHECK(t->api_key == "gmk_a_000000000000000");
}

TEST_CASE("resolve: --api-key-env names the only variable looked at") {
  ConfigFile cfg = sample_config();
  TargetFlags flags;
  flags.api_key_env = "MY_KEY";
  auto t = resolve_target(
      flags, env_of({{"MY_KEY", "gmk_mine_00000000000000"}, {"GOMO_API_KEY", "gmk_other_000000000"}}), cfg);
  REQUIRE(t);
  CHECK(t->api_key == "gmk_mine_00000000000000");
  CHECK(describe(t->api_key_from) == "env MY_KEY (named by --api-key-env)");
  t = resolve_target(flags, env_of({}), cfg);
  REQUIRE(t);
  CHECK(t->api_key.empty());  // not the profile's: the flag said where the key is
  auto opened = open_platform(*t, Access::kRead);
  REQUIRE_FALSE(opened);
  CHECK(opened.error().kind == OpenFailure::Kind::kAuth);
  CHECK(opened.error().message.find("MY_KEY (named by --api-key-env) is not set") != std::string::npos);
}

TEST_CASE("resolve: a profile's key never crosses to the other kind of target") {
  ConfigFile cfg = sample_config();
  // --workspace with the current profile prod (remote): the local workspace, without prod's key.
  TargetFlags flags;
  flags.workspace = "w.db";
  auto t = resolve_target(flags, env_of({}), cfg);
  REQUIRE(t);
  CHECK_FALSE(t->remote);
  CHECK(t->api_key.empty());
  CHECK(t->rate_limit == 10);
  // GOMO_BASE_URL with the local profile scratch current: its workspace key is not sent over the network.
  t = resolve_target({}, env_of({{"GOMO_PROFILE", "scratch"}, {"GOMO_BASE_URL", "https://e/api"}}), cfg);
  REQUIRE(t);
  CHECK(t->remote);
  CHECK(t->api_key.empty());
}

TEST_CASE("resolve: unknown profiles and conflicting flags are usage errors") {
  ConfigFile cfg = sample_config();
  TargetFlags flags;
  flags.profile = "prdo";
  auto t = resolve_target(flags, env_of({}), cfg);
  REQUIRE_FALSE(t);
  CHECK(t.error().message() ==
        "no profile `prdo` (named by --profile); profiles: local, prod, staging, scratch; did you mean prod?");
  t = resolve_target({}, env_of({{"GOMO_PROFILE", "nope"}}), cfg);
  REQUIRE_FALSE(t);
  CHECK(t.error().message().find("named by GOMO_PROFILE") != std::string::npos);
  flags = {};
  flags.base_url = "https://a/api";
  flags.workspace = "w.db";
  CHECK_FALSE(resolve_target(flags, env_of({}), cfg));
  flags = {};
  flags.profile = "prod";
  flags.workspace = "w.db";
  CHECK_FALSE(resolve_target(flags, env_of({}), cfg));
}

TEST_CASE("resolve: a user and password in a URL are never shown") {
  CHECK(url_for_people("https://bob:gmk_secret@api.example/api") == "https://api.example/api");
  CHECK(url_for_people("http://gmk_secret@127.0.0.1:8080/api/x@y") == "http://127.0.0.1:8080/api/x@y");
  CHECK(url_for_people("https://api.example/api/@me") == "https://api.example/api/@me");
  CHECK(url_for_people("not a url") == "not a url");
  ResolvedTarget t;
  t.remote = true;
  t.profile = "prod";
  t.base_url = "https://bob:gmk_secret@api.example/api";
  t.base_url_from.source = Source::kProfile;
  CHECK(t.summary() == "https://api.example/api (prod)");
  CHECK(t.where() == "https://api.example/api, profile prod");
}

TEST_CASE("resolve: keys are masked") {
  CHECK(mask_key("gmk_0123456789abcdef9f3a") ==
        "gmk_\xE2\x80\xA6"
        "9f3a");
  CHECK(mask_key("gomo_0123456789abcdef0123456789abcdef01234567") ==
        "gomo_\xE2\x80\xA6"
        "4567");
  CHECK(mask_key("0123456789abcdefXYZW") == "\xE2\x80\xA6XYZW");
  CHECK(mask_key("short_key12") ==
        "\xE2\x80\xA6"
        "12");
  CHECK(mask_key("abc") == "\xE2\x80\xA6");
  CHECK(mask_key("") == "\xE2\x80\xA6");
}

TEST_CASE("open: the local workspace as the key's organisation; a remote needs a key") {
  std::string dir = test::scratch_dir();
  std::string path = dir + "/ws.db";
  std::string key;
  {
    auto ws = local::Workspace::open(path);
    REQUIRE(ws);
    REQUIRE((*ws)->create_organization("First"));
    auto second = (*ws)->create_organization("Second");
    REQUIRE(second);
    key = second->api_key;
  }
  ConfigFile none("/nonexistent/config.yaml");
  TargetFlags flags;
  flags.workspace = path;
  auto t = resolve_target(flags, env_of({{"GOMO_API_KEY", key}}), none);
  REQUIRE(t);
  auto opened = open_platform(*t, Access::kRead);
  REQUIRE(opened);
  auto me = opened->platform->me();
  REQUIRE(me);
  CHECK(me->organization.name == "Second");
  // Two organisations and no key: say which.
  t = resolve_target(flags, env_of({}), none);
  REQUIRE(t);
  auto ambiguous = open_platform(*t, Access::kRead);
  REQUIRE_FALSE(ambiguous);
  CHECK(ambiguous.error().message.find("has 2 organisations") != std::string::npos);
  // A wrong key: named by where it came from, masked.
  t = resolve_target(flags, env_of({{"GOMO_API_KEY", "gomo_wrong_key_0000000000000000"}}), none);
  REQUIRE(t);
  auto wrong = open_platform(*t, Access::kRead);
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().kind == OpenFailure::Kind::kAuth);
  CHECK(wrong.error().message.find("env GOMO_API_KEY") != std::string::npos);
  CHECK(wrong.error().message.find("gomo_wrong_key_0000000000000000") == std::string::npos);
  // A remote without a key.
  flags = {};
  flags.base_url = "http://127.0.0.1:9/api";
  t = resolve_target(flags, env_of({}), none);
  REQUIRE(t);
  auto keyless = open_platform(*t, Access::kRead);
  REQUIRE_FALSE(keyless);
  CHECK(keyless.error().message.find("no API key for http://127.0.0.1:9/api") != std::string::npos);
}

TEST_CASE("resolve: the request timeout: flag, named profile, GOMO_TIMEOUT, current profile, 60s") {
  std::string path = test::write_file(test::scratch_dir(), "config.yaml",
                                      "current: prod\nprofiles:\n  prod:\n    baseUrl: https://a.example/api\n"
                                      "    timeout: 20s\n");
  ::chmod(path.c_str(), 0600);
  auto cfg = ConfigFile::load(path);
  REQUIRE(cfg);
  auto t = resolve_target({}, env_of({}), *cfg);
  REQUIRE(t);
  CHECK(t->timeout_ms == 20000);
  CHECK(describe(t->timeout_from) == "profile prod (" + path + ":5:14)");
  t = resolve_target({}, env_of({{"GOMO_TIMEOUT", "5"}}), *cfg);  // the environment beats the current profile
  CHECK(t->timeout_ms == 5000);
  CHECK(describe(t->timeout_from) == "env GOMO_TIMEOUT");
  TargetFlags named;
  named.profile = "prod";  // a profile named on the command line beats the environment
  CHECK(resolve_target(named, env_of({{"GOMO_TIMEOUT", "5"}}), *cfg)->timeout_ms == 20000);
  named.timeout_ms = 750;
  CHECK(resolve_target(named, env_of({{"GOMO_TIMEOUT", "5"}}), *cfg)->timeout_ms == 750);
  auto bad = resolve_target({}, env_of({{"GOMO_TIMEOUT", "soon"}}), *cfg);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message().find("GOMO_TIMEOUT=soon: expected a duration") != std::string::npos);
  ConfigFile none("/nonexistent/config.yaml");
  t = resolve_target({}, env_of({{"GOMO_BASE_URL", "https://b.example/api"}}), none);
  CHECK(t->timeout_ms == kDefaultTimeoutMs);
  CHECK(t->timeout_ms == 60000);
  bool shown = false;
  for (const auto& s : shown_settings(*t)) shown |= s.name == "timeout" && s.value == "60s" && s.source == "default";
  CHECK(shown);
}

}  // namespace gomo::profile
