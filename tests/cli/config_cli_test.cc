// `gomo config` and `gomo auth status` through the binary, with the config file in a scratch
// XDG_CONFIG_HOME: profiles against a real `gomo serve`, the local profile, permissions, exit codes.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "tests/support/serve_support.h"
#include "tests/support/terminal.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using nlohmann::json;

namespace {

// A scratch home: nothing of the user's config or environment leaks in.
std::vector<std::string> config_env(const std::string& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> env = {"XDG_CONFIG_HOME=" + dir + "/xdg",
                                  "HOME=" + dir + "/home",
                                  "GOMO_CONFIG=",
                                  "GOMO_API_KEY=",
                                  "GOMO_PROFILE=",
                                  "GOMO_BASE_URL=",
                                  "GOMOBILE_API_KEY=",
                                  "GOMOBILE_API_URL=",
                                  "GOMOBILE_API_BASE_URL="};
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

unsigned config_mode(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("cli: config init on a terminal asks its questions and never echoes the key") {
  std::string dir = scratch_dir();
  auto init = run_gomo({"serve", "--init", "--org-name", "Acme"}, "", {}, dir);
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, 45);
  ServeProcess server({"--workspace", dir + "/.gomo/workspace.db"});
  REQUIRE(server.started());
  auto run = run_gomo_on_terminal({"config", "init"},
                                  {{"Profile name [default]: ", "dev"},
                                   {"base URL [https://api.gomobile.ma/api]: ", server.base_url()},
                                   {"API key (input hidden): ", key},
                                   {"x-api-key or bearer [x-api-key]: ", ""}},
                                  config_env(dir), 20);
  const std::string& shown = run.out;
  INFO(shown);
  CHECK(run.exit_code == 0);
  CHECK(shown.find(key) == std::string::npos);
  CHECK(shown.find("verified") != std::string::npos);
  CHECK(shown.find("saved profile dev") != std::string::npos);
  std::string file = dir + "/xdg/gomo/config.yaml";
  CHECK(config_mode(file) == 0600);
  CHECK(read_file(file).find("apiKey: " + key) != std::string::npos);
  CHECK(server.stop() == 0);
}

TEST_CASE("cli: config init, auth status and profiles against gomo serve; exit codes 0, 2, 4, 5") {
  std::string dir = scratch_dir();
  auto init = run_gomo({"serve", "--init", "--org-name", "Acme"}, "", {}, dir);
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, 45);
  std::string masked = "gomo_\xE2\x80\xA6" + key.substr(41);
  ServeProcess server({"--workspace", dir + "/.gomo/workspace.db"});
  REQUIRE(server.started());
  const std::string url = server.base_url();
  const std::string file = dir + "/xdg/gomo/config.yaml";
  auto env = config_env(dir);
  auto no_key = [&](const RunResult& r) {
    return r.out.find(key) == std::string::npos && r.err.find(key) == std::string::npos;
  };

  // Non-interactive init: the key from stdin, checked with users/me, written 0600 in a 0700 folder.
  auto made = run_gomo({"config", "init", "--name", "dev", "--base-url", url, "--api-key-stdin"}, key + "\n", env, dir);
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(made.err.find("verified") != std::string::npos);
  CHECK(made.err.find(masked) != std::string::npos);
  CHECK(no_key(made));
  CHECK(config_mode(file) == 0600);
  CHECK(config_mode(dir + "/xdg/gomo") == 0700);
  CHECK(read_file(file).find("current: dev") != std::string::npos);

  // auth status: the user, the organisation, the target and where the key came from.
  auto status = run_gomo({"auth", "status"}, "", env, dir);
  INFO(status.err);
  REQUIRE(status.exit_code == 0);
  CHECK(status.out.find("organisation\tAcme (") != std::string::npos);
  CHECK(status.out.find("target\t" + url + " (dev)\n") != std::string::npos);
  CHECK(status.out.find("key\t" + masked + " from profile dev (" + file + ":") != std::string::npos);
  CHECK(no_key(status));
  auto status_json = run_gomo({"auth", "status", "-o", "json"}, "", env, dir);
  REQUIRE(status_json.exit_code == 0);
  auto sj = json::parse(status_json.out);
  CHECK(sj["organization"]["name"] == "Acme");
  CHECK(sj["profile"] == "dev");
  CHECK(sj["apiKey"] == masked);

  // The profile drives other commands too.
  CHECK(run_gomo({"contacts", "list"}, "", env, dir).exit_code == 0);

  // 4: a wrong key from the environment (which beats the current profile), or none at all.
  auto wrong =
      run_gomo({"auth", "status"}, "", config_env(dir, {"GOMO_API_KEY=gomo_wrong_0000000000000000000000"}), dir);
  CHECK(wrong.exit_code == 4);
  CHECK(wrong.err.find("from env GOMO_API_KEY") != std::string::npos);
  CHECK(wrong.err.find("gomo_wrong_0000000000000000000000") == std::string::npos);
  auto missing = run_gomo({"auth", "status", "--api-key-env", "NO_SUCH_VAR"}, "", env, dir);
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.find("NO_SUCH_VAR (named by --api-key-env) is not set") != std::string::npos);
  // 5: nothing listens there (the profile's key goes with the --base-url flag).
  auto down = run_gomo({"auth", "status", "--base-url", "http://127.0.0.1:1/api"}, "", env, dir);
  CHECK(down.exit_code == 5);
  CHECK(no_key(down));
  // -v names the target and the key's source, masked.
  auto verbose = run_gomo({"auth", "status", "-v"}, "", env, dir);
  CHECK(verbose.exit_code == 0);
  CHECK(verbose.err.find("key " + masked + " from profile dev") != std::string::npos);
  CHECK(no_key(verbose));

  // A refused key saves nothing.
  auto refused = run_gomo({"config", "init", "--name", "bad", "--base-url", url, "--api-key-stdin"},
                          "gomo_nope_00000000000000000\n", env, dir);
  CHECK(refused.exit_code == 4);
  CHECK(refused.err.find("nothing saved") != std::string::npos);
  CHECK(read_file(file).find("\n  bad:") == std::string::npos);  // the profile (a random key may hold "bad")
  // Unreachable: 5, nothing saved; --no-verify saves anyway.
  CHECK(run_gomo({"config", "init", "--name", "off", "--base-url", "http://127.0.0.1:1/api", "--api-key-stdin"}, key,
                 env, dir)
            .exit_code == 5);
  CHECK(run_gomo({"config", "init", "--name", "off", "--base-url", "http://127.0.0.1:1/api", "--api-key-stdin",
                  "--no-verify"},
                 key, env, dir)
            .exit_code == 0);
  // Usage: no terminal and no --api-key-stdin; a key given as an argument; an unknown profile.
  CHECK(run_gomo({"config", "init", "--name", "x"}, "", env, dir).exit_code == 2);
  auto plain = run_gomo({"config", "set", "apiKey", "gmk_in_history"}, "", env, dir);
  CHECK(plain.exit_code == 2);
  CHECK(plain.err.find("shell history") != std::string::npos);
  CHECK(read_file(file).find("gmk_in_history") == std::string::npos);
  auto typo = run_gomo({"contacts", "list", "--profile", "dve"}, "", env, dir);
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("no profile `dve` (named by --profile); profiles: local, dev, off; did you mean dev?") !=
        std::string::npos);

  // The built-in local profile: the workspace in the current directory, its only organisation.
  REQUIRE(run_gomo({"config", "use", "local"}, "", env, dir).exit_code == 0);
  auto local = run_gomo({"auth", "status"}, "", env, dir);
  INFO(local.err);
  REQUIRE(local.exit_code == 0);
  CHECK(local.out.find("target\tlocal workspace .gomo/workspace.db\n") != std::string::npos);
  CHECK(local.out.find("organisation\tAcme (") != std::string::npos);
  CHECK(local.out.find("key\tnone from the workspace's only organisation") != std::string::npos);
  // --profile dev reaches the server again.
  auto by_flag = run_gomo({"auth", "status", "--profile", "dev"}, "", env, dir);
  CHECK(by_flag.exit_code == 0);
  CHECK(by_flag.out.find("target\t" + url + " (dev)") != std::string::npos);

  // A file others may read is refused, by every command that reads it.
  ::chmod(file.c_str(), 0644);
  auto open_file = run_gomo({"config", "list"}, "", env, dir);
  CHECK(open_file.exit_code == 2);
  CHECK(open_file.err.find("chmod 600 " + file) != std::string::npos);
  CHECK(run_gomo({"contacts", "list"}, "", env, dir).exit_code == 2);
  ::chmod(file.c_str(), 0600);
  CHECK(server.stop() == 0);
}

TEST_CASE("cli: config set, get, list, use, show and delete keep every other profile") {
  std::string dir = scratch_dir();
  std::string file = dir + "/elsewhere/gomo.yaml";
  auto env = config_env(dir, {"GOMO_CONFIG=" + file});
  auto run = [&](std::vector<std::string> args, const std::string& input = "", std::vector<std::string> extra = {}) {
    auto e = env;
    e.insert(e.end(), extra.begin(), extra.end());
    return run_gomo(args, input, e, dir);
  };
  REQUIRE(run({"config", "set", "baseUrl", "https://api.gomobile.ma/api", "--profile", "prod"}).exit_code == 0);
  CHECK(config_mode(file) == 0600);
  REQUIRE(run({"config", "set", "apiKey", "-", "--profile", "prod"}, "gmk_0123456789abcdef9f3a\n").exit_code == 0);
  REQUIRE(run({"config", "set", "auth", "bearer", "--profile", "prod"}).exit_code == 0);
  REQUIRE(run({"config", "set", "baseUrl", "https://staging.example/api", "--profile", "staging"}).exit_code == 0);
  REQUIRE(run({"config", "set", "workspace", "scratch.db", "--profile", "scratch"}).exit_code == 0);
  CHECK(run({"config", "set", "auth", "basic", "--profile", "prod"}).exit_code == 2);
  CHECK(run({"config", "set", "baseUrl", "https://x/api"}).exit_code == 2);  // the current profile is local
  auto typo = run({"config", "set", "baseurl", "https://x/api", "--profile", "prod"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("did you mean baseUrl?") != std::string::npos);

  auto use = run({"config", "use", "prod"});
  REQUIRE(use.exit_code == 0);
  CHECK(use.err.find("now using profile prod") != std::string::npos);
  CHECK(run({"config", "use", "prdo"}).err.find("did you mean prod?") != std::string::npos);

  auto list = run({"config", "list"});
  REQUIRE(list.exit_code == 0);
  CHECK(list.out ==
        "CURRENT\tNAME\tTARGET\tKEY\n"
        "\tlocal\tlocal workspace .gomo/workspace.db\t-\n"
        "*\tprod\thttps://api.gomobile.ma/api\tgmk_\xE2\x80\xA6"
        "9f3a\n"
        "\tstaging\thttps://staging.example/api\t-\n"
        "\tscratch\tlocal workspace scratch.db\t-\n");
  auto list_json = json::parse(run({"config", "list", "-o", "json"}).out);
  CHECK(list_json.size() == 4);
  CHECK(list_json[1]["current"] == true);
  CHECK(list_json[1]["apiKey"] ==
        "gmk_\xE2\x80\xA6"
        "9f3a");

  CHECK(run({"config", "get", "baseUrl"}).out == "https://api.gomobile.ma/api\n");
  CHECK(run({"config", "get", "apiKey"}).out ==
        "gmk_\xE2\x80\xA6"
        "9f3a\n");
  CHECK(run({"config", "get", "rateLimit"}).exit_code == 1);
  CHECK(run({"config", "get", "baseUrl", "--profile", "staging"}).out == "https://staging.example/api\n");
  CHECK(run({"config", "get", "baseUrl"}, "", {"GOMO_PROFILE=staging"}).out == "https://staging.example/api\n");

  // show: every value with its source; the environment beats the current profile, flags beat both.
  auto show = run({"config", "show", "-o", "json"}, "", {"GOMO_API_KEY=gmk_from_env_000000000001"});
  REQUIRE(show.exit_code == 0);
  auto s = json::parse(show.out);
  CHECK(s["configFile"] == file);
  CHECK(s["target"] == "https://api.gomobile.ma/api (prod)");
  CHECK(s["settings"]["profile"]["source"] == "config file (" + file + ":1:10)");
  CHECK(s["settings"]["baseUrl"]["source"].get<std::string>().rfind("profile prod (" + file + ":", 0) == 0);
  CHECK(s["settings"]["apiKey"]["value"] ==
        "gmk_\xE2\x80\xA6"
        "0001");
  CHECK(s["settings"]["apiKey"]["source"] ==
        "env GOMO_API_KEY, overriding the apiKey of profile prod (" + file + ":5:13)");
  CHECK(s["settings"]["auth"]["value"] == "bearer");
  CHECK(s["settings"]["rateLimit"]["source"] == "default");
  CHECK(show.out.find("gmk_from_env_000000000001") == std::string::npos);
  auto flags = run({"config", "show", "--base-url", "http://127.0.0.1:9/api", "--rate-limit", "3"});
  REQUIRE(flags.exit_code == 0);
  CHECK(flags.out.find("baseUrl\thttp://127.0.0.1:9/api\tflag --base-url\n") != std::string::npos);
  CHECK(flags.out.find("rateLimit\t3\tflag --rate-limit\n") != std::string::npos);
  CHECK(flags.out.find("apiKey\tgmk_\xE2\x80\xA6"
                       "9f3a\tprofile prod (") != std::string::npos);
  auto docs_names = run({"config", "show", "--profile", "local"}, "", {"GOMOBILE_API_URL=https://d/api"});
  CHECK(docs_names.out.find("target\tlocal workspace .gomo/workspace.db\n") != std::string::npos);
  auto docs_env = run({"config", "show"}, "", {"GOMOBILE_API_URL=https://d/api", "GOMO_PROFILE=scratch"});
  CHECK(docs_env.out.find("baseUrl\thttps://d/api\tenv GOMOBILE_API_URL\n") != std::string::npos);

  // delete: needs --yes without a terminal; the current profile goes back to local.
  CHECK(run({"config", "delete", "prod"}).exit_code == 2);
  REQUIRE(run({"config", "delete", "prod", "--yes"}).exit_code == 0);
  CHECK(run({"config", "delete", "local", "--yes"}).exit_code == 2);
  auto after = run({"config", "list"});
  CHECK(after.out.find("*\tlocal\t") != std::string::npos);
  CHECK(after.out.find("prod") == std::string::npos);
  CHECK(after.out.find("staging") != std::string::npos);
  CHECK(run({"config", "unset", "baseUrl", "--profile", "staging"}).exit_code == 0);
  CHECK(run({"config", "get", "baseUrl", "--profile", "staging"}).exit_code == 1);
}

}  // namespace gomo::test
