// The embedded workspace through the binary, from a new folder: the first change creates it (0600 in
// a 0700 folder) with its organisation and needs no key, a read creates nothing, `serve --init` does
// not silently add a second organisation, keyless commands on several say how to pick one, and
// commands that need no config file work without HOME.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using nlohmann::json;

namespace {

// Nothing of the user's config or environment leaks in; the config file is in the scratch folder.
std::vector<std::string> workspace_env(const std::string& dir, std::vector<std::string> extra = {}) {
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

// The mode bits of `path`, or -1 when it does not exist.
int workspace_file_mode(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return -1;
  return static_cast<int>(st.st_mode & 07777);
}

}  // namespace

TEST_CASE("cli: workspace: a read in a new folder creates nothing; the first change creates it, no key needed") {
  std::string dir = scratch_dir();
  auto env = workspace_env(dir);
  auto list = run_gomo({"contacts", "list", "-o", "json"}, "", env, dir);
  CHECK(list.exit_code == 0);
  CHECK(json::parse(list.out) == json::array());
  CHECK(list.err.find("there is no local workspace at .gomo/workspace.db yet (the first change creates it)") !=
        std::string::npos);
  auto get = run_gomo({"contacts", "get", "+212612345678"}, "", env, dir);
  CHECK(get.exit_code == 3);
  CHECK(get.err.find("no local workspace") != std::string::npos);
  auto status = run_gomo({"auth", "status"}, "", env, dir);
  CHECK(status.exit_code == 4);
  // Changes to objects that would have to exist find nothing, and create nothing either.
  CHECK(run_gomo({"contacts", "update", "0612345678", "--city", "Rabat"}, "", env, dir).exit_code == 3);
  CHECK(run_gomo({"contacts", "delete", "0612345678", "--yes"}, "", env, dir).exit_code == 3);
  CHECK(run_gomo({"audiences", "add", "VIP", "0612345678"}, "", env, dir).exit_code == 3);
  CHECK(workspace_file_mode(dir + "/.gomo") == -1);

  auto created = run_gomo({"contacts", "create", "--phone", "0612345678", "--first-name", "Amina"}, "", env, dir);
  INFO(created.err);
  REQUIRE(created.exit_code == 0);
  CHECK(created.err.find("created the local workspace .gomo/workspace.db with organisation \"Local organization\"") !=
        std::string::npos);
  CHECK(created.err.find("gomo serve --new-key") != std::string::npos);
  CHECK(workspace_file_mode(dir + "/.gomo") == 0700);
  CHECK(workspace_file_mode(dir + "/.gomo/workspace.db") == 0600);
  for (const char* side : {"-wal", "-shm"}) {
    int mode = workspace_file_mode(dir + "/.gomo/workspace.db" + side);
    CHECK((mode == -1 || mode == 0600));  // SQLite may have removed them on close
  }
  auto again = run_gomo({"contacts", "create", "--phone", "0612345679"}, "", env, dir);
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.find("created the local workspace") == std::string::npos);
  list = run_gomo({"contacts", "list", "-o", "json"}, "", env, dir);
  REQUIRE(list.exit_code == 0);
  CHECK(json::parse(list.out).size() == 2);
  CHECK(list.err.empty());
}

TEST_CASE(
    "cli: workspace: serve --init twice refuses; --new-key and --add-org; several organisations say how to pick") {
  std::string dir = scratch_dir();
  auto env = workspace_env(dir);
  REQUIRE(run_gomo({"attributes", "create", "--name", "Age", "--type", "number"}, "", env, dir).exit_code == 0);

  // The workspace has its organisation: --init says what to do instead, and creates nothing.
  auto init = run_gomo({"serve", "--init"}, "", env, dir);
  CHECK(init.exit_code == 2);
  CHECK(init.out.empty());
  CHECK(
      init.err.find(
          ".gomo/workspace.db already has organisation \"Local organization\" (local-organization); nothing created") !=
      std::string::npos);
  CHECK(init.err.find("gomo serve --new-key\n") != std::string::npos);
  CHECK(init.err.find("gomo serve --init --add-org --org-name NAME") != std::string::npos);

  // Served as it is, every request would get 401: gomo serve says how to get a key.
  {
    ServeProcess keyless({"--workspace", dir + "/.gomo/workspace.db"});
    REQUIRE(keyless.started());
    std::string err;
    CHECK(keyless.stop(&err) == 0);
    CHECK(err.find("no organisation of the workspace has an API key yet, so every request gets 401; make one with: "
                   "gomo serve --new-key --workspace " +
                   dir + "/.gomo/workspace.db") != std::string::npos);
  }

  // A key for it, usable over HTTP and locally.
  auto key_run = run_gomo({"serve", "--new-key"}, "", env, dir);
  REQUIRE(key_run.exit_code == 0);
  REQUIRE(key_run.out.size() == 46);
  std::string key = key_run.out.substr(0, 45);
  CHECK(key_run.err.find("new API key for organisation \"Local organization\"") != std::string::npos);
  ServeProcess server({"--workspace", dir + "/.gomo/workspace.db"});
  REQUIRE(server.started());
  auto remote = run_gomo({"attributes", "list", "-o", "json", "--base-url", server.base_url()}, "",
                         workspace_env(dir, {"GOMO_API_KEY=" + key}));
  CHECK(remote.exit_code == 0);
  CHECK(json::parse(remote.out).at(0).at("name") == "age");
  CHECK(server.stop() == 0);

  // A second organisation only on request; then keyless commands name the ways to pick one.
  auto added = run_gomo({"serve", "--init", "--add-org", "--org-name", "Beta"}, "", env, dir);
  REQUIRE(added.exit_code == 0);
  std::string beta_key = added.out.substr(0, 45);
  auto ambiguous = run_gomo({"contacts", "list"}, "", env, dir);
  CHECK(ambiguous.exit_code == 4);
  CHECK(
      ambiguous.err.find("has 2 organisations (Local organization, Beta) and no API key says which: put one of their "
                         "keys in GOMO_API_KEY, or keep it in the profile (gomo config set apiKey - --profile local); "
                         "gomo serve --new-key --org NAME prints a new key for one") != std::string::npos);
  auto picked = run_gomo({"attributes", "list", "-o", "json"}, "", workspace_env(dir, {"GOMO_API_KEY=" + key}), dir);
  CHECK(picked.exit_code == 0);
  CHECK(json::parse(picked.out).at(0).at("name") == "age");
  auto other =
      run_gomo({"attributes", "list", "-o", "json"}, "", workspace_env(dir, {"GOMO_API_KEY=" + beta_key}), dir);
  CHECK(other.exit_code == 0);
  CHECK(json::parse(other.out) == json::array());
  auto which = run_gomo({"serve", "--new-key"}, "", env, dir);
  CHECK(which.exit_code == 2);
  CHECK(which.err.find("say which with --org NAME") != std::string::npos);
  auto beta = run_gomo({"serve", "--new-key", "--org", "beta"}, "", env, dir);
  CHECK(beta.exit_code == 0);
  CHECK(beta.err.find("organisation \"Beta\"") != std::string::npos);
  auto unknown = run_gomo({"serve", "--new-key", "--org", "Gamma"}, "", env, dir);
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("no organisation `Gamma`") != std::string::npos);
  CHECK(run_gomo({"serve", "--add-org"}, "", env, dir).exit_code == 2);  // only with --init

  // --new-key on a workspace that does not exist creates nothing.
  std::string empty = scratch_dir();
  auto none = run_gomo({"serve", "--new-key"}, "", workspace_env(empty), empty);
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("create it with gomo serve --init") != std::string::npos);
  CHECK(workspace_file_mode(empty + "/.gomo") == -1);
}

TEST_CASE("cli: workspace: commands that need no config file work without HOME") {
  std::string dir = scratch_dir();
  std::vector<std::string> no_home = {
      "HOME=",          "XDG_CONFIG_HOME=",  "GOMO_CONFIG=",      "GOMO_API_KEY=",         "GOMO_PROFILE=",
      "GOMO_BASE_URL=", "GOMOBILE_API_KEY=", "GOMOBILE_API_URL=", "GOMOBILE_API_BASE_URL="};
  CHECK(run_gomo({"--version"}, "", no_home, dir).exit_code == 0);
  std::string flow =
      write_file(dir, "hello.yaml",
                 "name: hello\n"
                 "graph:\n"
                 "  startNodeId: hello\n"
                 "  nodes:\n"
                 "    - {id: hello, label: Hello, type: play, config: {audioItems: [{type: tts, text: Hi}]},\n"
                 "       outputs: {onComplete: bye}}\n"
                 "    - {id: bye, label: Bye, type: hangup}\n");
  auto validate = run_gomo({"flow", "validate", flow}, "", no_home, dir);
  INFO(validate.err);
  CHECK(validate.exit_code == 0);
  auto list = run_gomo({"contacts", "list"}, "", no_home, dir);
  INFO(list.err);
  CHECK(list.exit_code == 0);
  auto create = run_gomo({"contacts", "create", "--phone", "0612345678"}, "", no_home, dir);
  INFO(create.err);
  CHECK(create.exit_code == 0);
  list = run_gomo({"contacts", "list", "-q"}, "", no_home, dir);
  CHECK(list.exit_code == 0);
  CHECK(list.out.size() == 37);  // one id
  auto show = run_gomo({"config", "show"}, "", no_home, dir);
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("configFile\t(none: HOME is not set)") != std::string::npos);
  // Writing the config file does need to know where it is.
  auto set = run_gomo({"config", "set", "rateLimit", "5"}, "", no_home, dir);
  CHECK(set.exit_code == 2);
  CHECK(set.err.find("HOME is not set") != std::string::npos);
}

TEST_CASE(
    "cli: config set refuses plain http to a non-loopback host; GOMO_API_KEY overriding a profile's key is said") {
  std::string dir = scratch_dir();
  auto env = workspace_env(dir);
  auto refused = run_gomo({"config", "set", "baseUrl", "http://example.com/api", "--profile", "lab"}, "", env, dir);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("refusing plain http to http://example.com/api") != std::string::npos);
  CHECK(refused.err.find("--insecure") != std::string::npos);
  CHECK(workspace_file_mode(dir + "/xdg/gomo/config.yaml") == -1);  // nothing written
  auto allowed =
      run_gomo({"config", "set", "baseUrl", "http://example.com/api", "--profile", "lab", "--insecure"}, "", env, dir);
  CHECK(allowed.exit_code == 0);
  std::string text = read_file(dir + "/xdg/gomo/config.yaml");
  CHECK(text.find("insecure: true") != std::string::npos);
  CHECK(text.find("baseUrl: http://example.com/api") != std::string::npos);
  CHECK(run_gomo({"config", "set", "insecure", "false", "--profile", "lab"}, "", env, dir).exit_code == 2);
  CHECK(run_gomo({"config", "set", "rateLimit", "5", "--insecure", "--profile", "lab"}, "", env, dir).exit_code == 2);

  // A profile with the right key for a gomo serve; GOMO_API_KEY holding another one wins, and says so.
  auto init = run_gomo({"serve", "--init"}, "", env, dir);
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, 45);
  ServeProcess server({"--workspace", dir + "/.gomo/workspace.db"});
  REQUIRE(server.started());
  REQUIRE(
      run_gomo({"config", "init", "--name", "dev", "--base-url", server.base_url(), "--api-key-stdin"}, key, env, dir)
          .exit_code == 0);
  std::string wrong = "gomo_00000000000000000000000000000000000000ff";
  auto show = run_gomo({"config", "show"}, "", workspace_env(dir, {"GOMO_API_KEY=" + wrong}), dir);
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("apiKey\tgomo_\xE2\x80\xA6"
                      "00ff\tenv GOMO_API_KEY, overriding the apiKey of profile dev (") != std::string::npos);
  auto denied = run_gomo({"contacts", "list"}, "", workspace_env(dir, {"GOMO_API_KEY=" + wrong}), dir);
  CHECK(denied.exit_code == 4);
  CHECK(denied.err.find("401") != std::string::npos);
  CHECK(denied.err.find("the key gomo_\xE2\x80\xA6"
                        "00ff came from env GOMO_API_KEY, which overrides the apiKey of profile dev (") !=
        std::string::npos);
  CHECK(denied.err.find("unset GOMO_API_KEY to use the profile's key") != std::string::npos);
  CHECK(denied.err.find(wrong) == std::string::npos);
  CHECK(run_gomo({"contacts", "list"}, "", env, dir).exit_code == 0);  // the profile's key
  CHECK(server.stop() == 0);
}

}  // namespace gomo::test
