// Opening the local workspace: a change creates it (with its organisation), a read never creates
// anything, several organisations and a key of nothing say what to do; the environment's key
// overriding a profile's is said.
#include "profile/open.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <map>

#include "api/platform.h"
#include "local/workspace.h"
#include "tests/support/test_support.h"

namespace gomo::profile {

namespace {

Env open_env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& n) -> std::optional<std::string> {
    auto it = vars.find(n);
    return it == vars.end() || it->second.empty() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

ResolvedTarget local_target(const std::string& workspace, std::map<std::string, std::string> env = {}) {
  ConfigFile none("/nonexistent/config.yaml");
  TargetFlags flags;
  flags.workspace = workspace;
  auto t = resolve_target(flags, open_env(std::move(env)), none);
  REQUIRE(t);
  return *t;
}

}  // namespace

TEST_CASE("open: a read of a missing workspace is empty and creates nothing") {
  std::string dir = test::scratch_dir();
  std::string path = dir + "/.gomo/workspace.db";
  auto opened = open_platform(local_target(path), Access::kRead);
  REQUIRE(opened);
  auto& o = *opened;
  CHECK(o.empty);
  CHECK_FALSE(o.created);
  CHECK(o.note == "there is no local workspace at " + path + " yet (the first change creates it)");
  CHECK(o.platform->list_contacts({})->meta.total == 0);
  CHECK(o.platform->get_contact("c1").error().http_status == 404);
  CHECK_FALSE(local::Workspace::exists(dir + "/.gomo"));
}

TEST_CASE("open: the first change creates the workspace and its organisation, without a key") {
  std::string dir = test::scratch_dir();
  std::string path = dir + "/.gomo/workspace.db";
  std::string id;
  {
    auto opened = open_platform(local_target(path), Access::kWrite);
    REQUIRE(opened);
    auto& o = *opened;
    CHECK(o.created);
    CHECK_FALSE(o.empty);
    CHECK(o.note.find("created the local workspace " + path + " with organisation \"Local organization\"") == 0);
    CHECK(o.note.find("gomo serve --new-key --workspace " + path) != std::string::npos);
    api::ContactFields f;
    f.primary_phone = "+212612345678";
    auto c = o.platform->create_contact(f);
    REQUIRE(c);
    id = c->id;
  }
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  // The next change and the next read use it, and say nothing.
  auto again = open_platform(local_target(path), Access::kWrite);
  REQUIRE(again);
  CHECK_FALSE(again->created);
  CHECK(again->note.empty());
  auto read = open_platform(local_target(path), Access::kRead);
  REQUIRE(read);
  CHECK(read->platform->get_contact(id));
}

TEST_CASE("open: a workspace without an organisation reads as empty; a change creates the organisation") {
  std::string path = test::scratch_dir() + "/w.db";
  REQUIRE(local::Workspace::open(path));  // as `gomo serve` leaves it before --init
  auto read = open_platform(local_target(path), Access::kRead);
  REQUIRE(read);
  CHECK(read->empty);
  CHECK(read->note.find("has no organisation yet") != std::string::npos);
  auto write = open_platform(local_target(path), Access::kWrite);
  REQUIRE(write);
  CHECK(write->created);
  CHECK(write->note.find("created organisation \"Local organization\" in the local workspace") == 0);
  auto ws = local::Workspace::open_existing(path);
  REQUIRE(ws);
  CHECK((*ws)->organization_count() == 1);
}

TEST_CASE("open: a key for a workspace that does not exist fails and creates nothing") {
  std::string dir = test::scratch_dir();
  std::string path = dir + "/.gomo/workspace.db";
  for (Access access : {Access::kRead, Access::kWrite}) {
    auto opened = open_platform(local_target(path, {{"GOMO_API_KEY", "gomo_0123456789abcdef0123"}}), access);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().kind == OpenFailure::Kind::kAuth);
    CHECK(opened.error().message.find("there is no workspace at " + path + " yet") != std::string::npos);
  }
  CHECK_FALSE(local::Workspace::exists(dir + "/.gomo"));
}

TEST_CASE("open: several organisations and no key say how to pick one") {
  std::string path = test::scratch_dir() + "/w.db";
  {
    auto ws = local::Workspace::open(path);
    REQUIRE(ws);
    REQUIRE((*ws)->create_organization("Acme"));
    REQUIRE((*ws)->create_organization("Beta"));
  }
  for (Access access : {Access::kRead, Access::kWrite}) {
    auto opened = open_platform(local_target(path), access);
    REQUIRE_FALSE(opened);
    const auto& f = opened.error();
    CHECK(f.kind == OpenFailure::Kind::kAuth);
    CHECK(f.message == path +
                           " has 2 organisations (Acme, Beta) and no API key says which: put one of their keys in "
                           "GOMO_API_KEY, or keep it in the profile (gomo config set apiKey - --profile local); "
                           "gomo serve --new-key --org NAME --workspace " +
                           path + " prints a new key for one");
  }
}

TEST_CASE("open: the environment's key overriding a profile's is said") {
  std::string path = test::write_file(test::scratch_dir(), "config.yaml",
                                      "current: prod\n"
                                      "profiles:\n"
                                      "  prod:\n"
                                      "    baseUrl: https://api.gomobile.ma/api\n"
                                      "    apiKey: gmk_prod_0123456789abcdef9f3a\n");
  ::chmod(path.c_str(), 0600);
  auto cfg = ConfigFile::load(path);
  REQUIRE(cfg);
  auto t = resolve_target({}, open_env({{"GOMO_API_KEY", "gmk_env_0123456789abcdef7777"}}), *cfg);
  REQUIRE(t);
  CHECK(t->api_key == "gmk_env_0123456789abcdef7777");
  CHECK(describe(t->api_key_overrides) == "profile prod (" + path + ":5:13)");
  CHECK(key_override_note(*t) ==
        "the key gmk_\xE2\x80\xA6"
        "7777 came from env GOMO_API_KEY, which overrides the apiKey of profile prod (" +
            path + ":5:13); unset GOMO_API_KEY to use the profile's key");
  bool shown = false;
  for (const auto& s : shown_settings(*t)) {
    if (s.name != "apiKey") continue;
    shown = true;
    CHECK(s.source == "env GOMO_API_KEY, overriding the apiKey of profile prod (" + path + ":5:13)");
  }
  CHECK(shown);
  // Named with --profile, the profile's key wins, and nothing is overridden.
  TargetFlags flags;
  flags.profile = "prod";
  t = resolve_target(flags, open_env({{"GOMO_API_KEY", "gmk_env_0123456789abcdef7777"}}), *cfg);
  REQUIRE(t);
  CHECK(t->api_key == "gmk_prod_0123456789abcdef9f3a");
  CHECK(key_override_note(*t).empty());
  // No profile key: nothing to override.
  t = resolve_target({}, open_env({{"GOMO_API_KEY", "gmk_env_0123456789abcdef7777"}}),
                     ConfigFile("/nonexistent/c.yaml"));
  REQUIRE(t);
  CHECK(key_override_note(*t).empty());
}

}  // namespace gomo::profile
