#include "profile/config_file.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>

#include "tests/support/test_support.h"

namespace gomo::profile {

namespace {

std::string private_file(const std::string& dir, const std::string& text) {
  std::string path = test::write_file(dir, "config.yaml", text);
  ::chmod(path.c_str(), 0600);
  return path;
}

unsigned mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("profile config: reads profiles and current, with positions") {
  std::string path = private_file(test::scratch_dir(),
                                  "current: prod\n"
                                  "profiles:\n"
                                  "  prod:\n"
                                  "    baseUrl: https://api.gomobile.ma/api\n"
                                  "    apiKey: gmk_0123456789abcdef9f3a\n"
                                  "    auth: bearer\n"
                                  "    rateLimit: 5\n"
                                  "  scratch:\n"
                                  "    workspace: /tmp/scratch.db\n"
                                  "    insecure: false\n");
  auto cfg = ConfigFile::load(path);
  REQUIRE(cfg);
  CHECK(cfg->exists());
  CHECK(cfg->current() == "prod");
  CHECK(cfg->current_at() == path + ":1:10");
  REQUIRE(cfg->profiles().size() == 2);
  const Profile* prod = cfg->find("prod");
  REQUIRE(prod);
  CHECK(*prod->base_url == "https://api.gomobile.ma/api");
  CHECK(*prod->api_key == "gmk_0123456789abcdef9f3a");
  CHECK(prod->bearer);
  CHECK(*prod->rate_limit == 5);
  CHECK(prod->where.at("apiKey") == path + ":5:13");
  CHECK_FALSE(prod->is_local());
  const Profile* scratch = cfg->find("scratch");
  REQUIRE(scratch);
  CHECK(scratch->is_local());
  CHECK(*scratch->get("insecure") == "false");
  CHECK(cfg->names() == std::vector<std::string>{"local", "prod", "scratch"});
}

TEST_CASE("profile config: a missing file is an empty config") {
  auto cfg = ConfigFile::load(test::scratch_dir() + "/nope/config.yaml");
  REQUIRE(cfg);
  CHECK_FALSE(cfg->exists());
  CHECK(cfg->current().empty());
  CHECK(cfg->profiles().empty());
  CHECK(cfg->names() == std::vector<std::string>{"local"});
}

TEST_CASE("profile config: refuses a file others may read, naming chmod 600") {
  std::string dir = test::scratch_dir();
  std::string path = test::write_file(dir, "config.yaml", "current: local\n");
  for (unsigned mode : {0644u, 0640u, 0604u, 0620u}) {
    ::chmod(path.c_str(), mode);
    auto cfg = ConfigFile::load(path);
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().message().find("chmod 600 " + path) != std::string::npos);
  }
  ::chmod(path.c_str(), 0600);
  CHECK(ConfigFile::load(path));
  ::chmod(path.c_str(), 0400);
  CHECK(ConfigFile::load(path));
}

TEST_CASE("profile config: errors carry file:line:col") {
  std::string dir = test::scratch_dir();
  auto error_of = [&](const std::string& text) {
    auto cfg = ConfigFile::load(private_file(dir, text));
    REQUIRE_FALSE(cfg);
    return cfg.error().message();
  };
  std::string path = dir + "/config.yaml";
  CHECK(error_of("profiles:\n  prod:\n    baseURL: https://x\n") ==
        path +
            ":3:5: unknown profile key `baseURL`: expected one of baseUrl, apiKey, auth, insecure, rateLimit, "
            "timeout, workspace, defaultRegion, allowTypes, provider, bridge, sipUser, sipPassword, sipProxy; did you "
            "mean baseUrl?");
  CHECK(error_of("profiles:\n  prod:\n    auth: basic\n") == path + ":3:11: `auth` must be `x-api-key` or `bearer`");
  CHECK(error_of("profiles:\n  prod:\n    insecure: yes\n").find(":3:15: `insecure` must be true or false") !=
        std::string::npos);
  CHECK(error_of("profiles:\n  prod:\n    rateLimit: -1\n").find(":3:16:") != std::string::npos);
  CHECK(error_of("profiles:\n  prod:\n    baseUrl: ftp://x\n").find(":3:14: `baseUrl` must be an http(s) URL") !=
        std::string::npos);
  CHECK(error_of("profiles:\n  local:\n    baseUrl: https://x\n").find("built-in local workspace profile") !=
        std::string::npos);
  CHECK(error_of("profiles:\n  a:\n    baseUrl: https://x\n    workspace: w.db\n").find(":4:5: profile `a` has both") !=
        std::string::npos);
  CHECK(error_of("profiles: [a]\n").find(":1:11: `profiles` must map") != std::string::npos);
  CHECK(error_of("current: [\n").find(path + ":") == 0);
  CHECK(error_of("profiles:\n  a: {}\n  a: {}\n").find(":3:3:") != std::string::npos);
}

TEST_CASE("profile config: set keeps other profiles, unknown keys and comments; written 0600") {
  std::string dir = test::scratch_dir() + "/cfg";
  std::string path = dir + "/gomo/config.yaml";
  {
    ConfigFile fresh(path);
    REQUIRE(fresh.set("prod", "baseUrl", "https://api.gomobile.ma/api"));
    REQUIRE(fresh.set("prod", "apiKey", "gmk_first"));
    REQUIRE(fresh.set("staging", "baseUrl", "https://staging.example/api"));
    REQUIRE(fresh.use("prod"));
    REQUIRE(fresh.save());
  }
  CHECK(mode_of(path) == 0600);
  CHECK(mode_of(dir + "/gomo") == 0700);
  // Someone adds a comment and a key of a newer gomo by hand.
  std::string text = test::read_file(path);
  text = "# my profiles\n" + text + "telemetry: off  # a newer gomo's setting\n";
  ::chmod(test::write_file(dir + "/gomo", "config.yaml", text).c_str(), 0600);

  auto cfg = ConfigFile::load(path);
  REQUIRE(cfg);
  REQUIRE(cfg->set("prod", "apiKey", "gmk_second"));
  REQUIRE(cfg->set("prod", "rateLimit", "2.5"));
  REQUIRE(cfg->set("prod", "insecure", "true"));
  REQUIRE(cfg->save());
  CHECK(mode_of(path) == 0600);

  std::string written = test::read_file(path);
  CHECK(written.find("# my profiles") != std::string::npos);
  CHECK(written.find("telemetry: \"off\"") != std::string::npos);  // still a string
  CHECK(written.find("# a newer gomo's setting") != std::string::npos);
  auto again = ConfigFile::load(path);
  REQUIRE(again);
  CHECK(again->current() == "prod");
  CHECK(*again->find("prod")->api_key == "gmk_second");
  CHECK(*again->find("prod")->rate_limit == 2.5);
  CHECK(*again->find("prod")->insecure);
  REQUIRE(again->find("staging"));
  CHECK(*again->find("staging")->base_url == "https://staging.example/api");
  // No temporary files left behind.
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/gomo")) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 1);
}

TEST_CASE("profile config: set, use and remove refuse what makes no sense") {
  ConfigFile cfg(test::scratch_dir() + "/config.yaml");
  CHECK(cfg.set("prod", "baseUrl", "https://a/api"));
  CHECK(cfg.set("prod", "baseurl", "x").message().find("did you mean baseUrl?") != std::string::npos);
  CHECK_FALSE(cfg.set("prod", "auth", "basic"));
  CHECK_FALSE(cfg.set("prod", "insecure", "yes"));
  CHECK_FALSE(cfg.set("prod", "rateLimit", "fast"));
  CHECK_FALSE(cfg.set("prod", "workspace", "w.db"));  // a platform profile
  CHECK_FALSE(cfg.set("local", "baseUrl", "https://a/api"));
  CHECK(cfg.set("local", "workspace", "other.db"));
  CHECK_FALSE(cfg.set("bad name", "apiKey", "k"));
  CHECK(cfg.use("prod"));
  CHECK(cfg.use("prdo").message().find("did you mean prod?") != std::string::npos);
  CHECK_FALSE(cfg.remove("local"));
  CHECK(cfg.remove("prod"));
  CHECK(cfg.current().empty());  // back to the default, local
  CHECK_FALSE(cfg.find("prod"));
  CHECK(cfg.unset("local", "workspace"));
  CHECK_FALSE(cfg.find("local")->workspace);
}

TEST_CASE("profile config: where the file is") {
  auto env_of = [](std::map<std::string, std::string> vars) -> Env {
    return [vars](const std::string& n) -> std::optional<std::string> {
      auto it = vars.find(n);
      return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
  };
  CHECK(*config_path(env_of({{"HOME", "/home/a"}})) == "/home/a/.config/gomo/config.yaml");
  CHECK(*config_path(env_of({{"HOME", "/home/a"}, {"XDG_CONFIG_HOME", "/x"}})) == "/x/gomo/config.yaml");
  CHECK(*config_path(env_of({{"HOME", "/home/a"}, {"XDG_CONFIG_HOME", "rel"}})) == "/home/a/.config/gomo/config.yaml");
  CHECK(*config_path(env_of({{"HOME", "/home/a"}, {"GOMO_CONFIG", "/c.yaml"}})) == "/c.yaml");
  CHECK_FALSE(config_path(env_of({})));
  // Without HOME there is no file to read: an empty config, which cannot be saved.
  auto none = load_config(env_of({}));
  REQUIRE(none);
  CHECK(none->path().empty());
  CHECK_FALSE(none->exists());
  CHECK(none->profiles().empty());
  CHECK(none->save().message().find("HOME is not set") != std::string::npos);
}

TEST_CASE("profile config: plain http only to loopback, unless the profile says insecure") {
  ConfigFile cfg(test::scratch_dir() + "/config.yaml");
  Status s = cfg.set("dev", "baseUrl", "http://example.com/api");
  REQUIRE_FALSE(s);
  CHECK(s.message() ==
        "refusing plain http to http://example.com/api: the API key would travel in clear; use https, or "
        "allow it for profile dev with --insecure (gomo config set baseUrl http://example.com/api "
        "--insecure --profile dev)");
  CHECK_FALSE(cfg.find("dev"));  // nothing was changed
  CHECK(cfg.set("dev", "baseUrl", "http://127.0.0.1:8080/api"));
  CHECK(cfg.set("dev", "baseUrl", "http://localhost:8080/api"));
  CHECK(cfg.set("dev", "baseUrl", "http://[::1]:8080/api"));
  CHECK(cfg.set("dev", "baseUrl", "https://example.com/api"));
  // insecure first: then plain http anywhere, and insecure cannot go while such a URL is there.
  CHECK(cfg.set("lab", "insecure", "true"));
  CHECK(cfg.set("lab", "baseUrl", "http://10.0.0.5/api"));
  CHECK(cfg.set("lab", "insecure", "false").message().find("needs insecure: true") != std::string::npos);
  CHECK_FALSE(cfg.unset("lab", "insecure"));
  CHECK(*cfg.find("lab")->insecure);
  CHECK(cfg.set("lab", "baseUrl", "https://10.0.0.5/api"));
  CHECK(cfg.set("lab", "insecure", "false"));
}

TEST_CASE("profile config: defaultRegion is a two-letter region code") {
  std::string dir = test::scratch_dir();
  std::string path = test::write_file(dir, "config.yaml", "profiles:\n  local:\n    defaultRegion: Morocco\n");
  ::chmod(path.c_str(), 0600);
  auto refused = ConfigFile::load(path);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message() ==
        path + ":3:20: `defaultRegion` must be a two-letter region code (ISO 3166), e.g. MA or FR");
  ::chmod(test::write_file(dir, "config.yaml", "profiles:\n  local:\n    defaultRegion: fr\n").c_str(), 0600);
  auto cfg = ConfigFile::load(path);
  REQUIRE(cfg);
  CHECK(*cfg->find("local")->default_region == "fr");
  CHECK(*cfg->find("local")->get("defaultRegion") == "fr");
  CHECK_FALSE(cfg->set("local", "defaultRegion", "France"));
  REQUIRE(cfg->set("local", "defaultRegion", "MA"));
}

TEST_CASE("profile config: timeout is a duration or a number of seconds") {
  std::string dir = test::scratch_dir();
  std::string path = test::write_file(dir, "config.yaml",
                                      "profiles:\n  prod:\n    timeout: 45\n  dev:\n    timeout: 500ms\n"
                                      "  bad:\n    timeout: soon\n");
  ::chmod(path.c_str(), 0600);
  auto refused = ConfigFile::load(path);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message() ==
        path + ":7:14: `timeout` must be a duration such as 30s, 500ms or 2m, or a number of seconds (0: none)");
  ::chmod(
      test::write_file(dir, "config.yaml", "profiles:\n  prod:\n    timeout: 45\n  dev:\n    timeout: 500ms\n").c_str(),
      0600);
  auto cfg = ConfigFile::load(path);
  REQUIRE(cfg);
  CHECK(*cfg->find("prod")->timeout_ms == 45000);
  CHECK(*cfg->find("dev")->timeout_ms == 500);
  CHECK(*cfg->find("dev")->get("timeout") == "500ms");
  REQUIRE(cfg->set("prod", "timeout", "2m"));
  CHECK(*cfg->find("prod")->timeout_ms == 120000);
  CHECK(*cfg->find("prod")->get("timeout") == "120s");
  REQUIRE(cfg->set("dev", "timeout", "1.5"));
  CHECK(*cfg->find("dev")->get("timeout") == "1.5s");
  CHECK_FALSE(cfg->set("prod", "timeout", "-1"));
  CHECK_FALSE(cfg->set("prod", "timeout", "fast"));
  REQUIRE(cfg->save());
  CHECK(test::read_file(path).find("timeout: 1.5\n") != std::string::npos);  // a number stays a number
}

}  // namespace gomo::profile
