#include "store/workspace.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <thread>
#include <vector>

#include "base/sha256.h"
#include "tests/support/test_support.h"

namespace gomo::store {

namespace {

unsigned workspace_mode(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("store Workspace: creates the file and its folder, migrates once, reopens") {
  std::string path = test::scratch_dir() + "/nested/.gomo/workspace.db";
  std::string key;
  {
    auto ws = Workspace::open(path);
    REQUIRE(ws);
    CHECK((*ws)->schema_version() == Workspace::kSchemaVersion);
    auto org = (*ws)->create_organization("Acme Collections", "acme-collections");
    REQUIRE(org);
    key = org->api_key;
    CHECK(key.rfind("gomo_", 0) == 0);
    CHECK(key.size() == 45);
    CHECK(org->organization.slug == "acme-collections");
  }
  auto again = Workspace::open(path);
  REQUIRE(again);
  CHECK((*again)->schema_version() == Workspace::kSchemaVersion);
  CHECK((*again)->organization_count() == 1);
  auto found = (*again)->organization_for_key(key);
  REQUIRE(found);
  CHECK(found->name == "Acme Collections");
  CHECK_FALSE((*again)->organization_for_key(key + "x"));
  CHECK_FALSE((*again)->organization_for_key(""));
  // Only the digest is stored: the key's text appears nowhere in the database files.
  std::string bytes = test::read_file(path);
  CHECK(bytes.find(key) == std::string::npos);
  CHECK(bytes.find(sha256_hex(key)) != std::string::npos);
}

TEST_CASE("store Workspace: WAL mode, and a file from a newer gomo is refused") {
  std::string dir = test::scratch_dir();
  {
    auto ws = Workspace::open(dir + "/w.db");
    REQUIRE(ws);
    REQUIRE((*ws)->create_organization("Org one", "org-one"));
  }
  // WAL mode is persistent in the file header (bytes 18 and 19 are 2 for WAL).
  std::string header = test::read_file(dir + "/w.db").substr(0, 20);
  CHECK(header[18] == 2);
  CHECK(header[19] == 2);
  CHECK_FALSE(Workspace::open("/proc/no/such/dir/w.db"));
}

TEST_CASE("store Workspace: a new file is 0600 in folders made 0700, and so are its -wal and -shm files") {
  std::string dir = test::scratch_dir();
  std::string path = dir + "/a/.gomo/workspace.db";
  {
    struct Umask {  // the usual umask, which would make them 0644 and 0755; restored even if a REQUIRE fails
      mode_t old = ::umask(022);
      ~Umask() { ::umask(old); }
    } usual;
    auto ws = Workspace::open(path);
    REQUIRE(ws);
    REQUIRE((*ws)->create_organization("Org one", "org-one"));  // a write: the -wal and -shm files exist now
    CHECK(workspace_mode(path + "-wal") == 0600);
    CHECK(workspace_mode(path + "-shm") == 0600);
  }
  CHECK(workspace_mode(path) == 0600);
  CHECK(workspace_mode(dir + "/a/.gomo") == 0700);
  CHECK(workspace_mode(dir + "/a") == 0700);
}

TEST_CASE("store Workspace: umask 000 changes nothing: 0600 files (-wal and -shm too) in 0700 folders") {
  std::string dir = test::scratch_dir();
  std::string path = dir + "/open/.gomo/workspace.db";
  {
    struct Umask {  // the most permissive umask; restored even if a REQUIRE fails
      mode_t old = ::umask(0);
      ~Umask() { ::umask(old); }
    } open_umask;
    auto ws = Workspace::open(path);
    REQUIRE(ws);
    REQUIRE((*ws)->create_organization("Org one", "org-one"));
    CHECK(workspace_mode(path + "-wal") == 0600);
    CHECK(workspace_mode(path + "-shm") == 0600);
    CHECK(workspace_mode(path) == 0600);
  }
  CHECK(workspace_mode(dir + "/open/.gomo") == 0700);
  CHECK(workspace_mode(dir + "/open") == 0700);
}

TEST_CASE("store Workspace: an existing file others may read is made 0600 when opened") {
  std::string path = test::scratch_dir() + "/w.db";
  {
    auto ws = Workspace::open(path);
    REQUIRE(ws);
    REQUIRE((*ws)->create_organization("Org one", "org-one"));
  }
  REQUIRE(::chmod(path.c_str(), 0644) == 0);
  REQUIRE(Workspace::open_existing(path));
  CHECK(workspace_mode(path) == 0600);
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  REQUIRE(Workspace::open(path));
  CHECK(workspace_mode(path) == 0600);
}

TEST_CASE("store Workspace: open_existing and open_empty create nothing") {
  std::string dir = test::scratch_dir();
  auto missing = Workspace::open_existing(dir + "/.gomo/workspace.db");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code() == StatusCode::kNotFound);
  CHECK_FALSE(Workspace::exists(dir + "/.gomo"));
  auto empty = Workspace::open_empty(dir + "/.gomo/workspace.db");
  REQUIRE(empty);
  CHECK((*empty)->schema_version() == Workspace::kSchemaVersion);
  CHECK((*empty)->organizations().empty());
  CHECK((*empty)->path() == dir + "/.gomo/workspace.db");
  CHECK_FALSE(Workspace::exists(dir + "/.gomo"));
  {
    auto made = Workspace::open(dir + "/w.db");
    REQUIRE(made);
  }
  CHECK(Workspace::open_existing(dir + "/w.db"));
}

TEST_CASE("store Workspace: sole_organization creates one organisation, once, without a key") {
  auto ws = Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto first = (*ws)->sole_organization("Local organization", "local-organization");
  REQUIRE(first);
  CHECK(first->created);
  CHECK(first->organization.slug == "local-organization");
  auto again = (*ws)->sole_organization("Local organization", "local-organization");
  REQUIRE(again);
  CHECK_FALSE(again->created);
  CHECK(again->organization.id == first->organization.id);
  CHECK((*ws)->organization_count() == 1);
  // A key can be made for it later.
  auto key = (*ws)->create_api_key(first->organization.id);
  REQUIRE(key);
  CHECK(key->rfind("gomo_", 0) == 0);
  CHECK(key->size() == 45);
  CHECK((*ws)->organization_for_key(*key)->id == first->organization.id);
  auto unknown = (*ws)->create_api_key("no-such-org");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code() == StatusCode::kNotFound);
  // Several organisations: none is "the" one.
  REQUIRE((*ws)->create_organization("Second org", "second-org"));
  CHECK_FALSE((*ws)->sole_organization("Local organization", "local-organization"));
  CHECK((*ws)->organization_count() == 2);
}

TEST_CASE("store Workspace: first changes at once, each on its own connection, make one organisation") {
  std::string path = test::scratch_dir() + "/new/.gomo/workspace.db";
  std::vector<std::string> ids(4), errors(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < ids.size(); ++i) {
    threads.emplace_back([&path, &ids, &errors, i] {
      auto ws = Workspace::open(path);
      if (!ws) {
        errors[i] = "open: " + ws.error().message();
        return;
      }
      auto sole = (*ws)->sole_organization("Local organization", "local-organization");
      if (sole) ids[i] = sole->organization.id;
      else errors[i] = "sole_organization: " + sole.error().message();
    });
  }
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < ids.size(); ++i) {
    INFO(errors[i]);
    CHECK(ids[i] == ids[0]);
  }
  CHECK_FALSE(ids[0].empty());
  auto ws = Workspace::open_existing(path);
  REQUIRE(ws);
  CHECK((*ws)->organization_count() == 1);
  CHECK((*ws)->api_key_count() == 0);
}

TEST_CASE("store Workspace: a second key leaves the first one working") {
  auto ws = Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto org = (*ws)->create_organization("Org A", "org-a");
  REQUIRE(org);
  auto second = (*ws)->create_api_key(org->organization.id);
  REQUIRE(second);
  CHECK(*second != org->api_key);
  CHECK((*ws)->organization_for_key(org->api_key)->id == org->organization.id);
  CHECK((*ws)->organization_for_key(*second)->id == org->organization.id);
  CHECK((*ws)->api_key_count() == 2);
}

}  // namespace gomo::store
