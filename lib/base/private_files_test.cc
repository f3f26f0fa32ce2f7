#include "base/private_files.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include "tests/support/test_support.h"

namespace gomo {
namespace {

unsigned mode_of(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

// The most permissive umask: what the files must not depend on. Restored even when a REQUIRE fails.
struct OpenUmask {
  mode_t old = ::umask(0);
  ~OpenUmask() { ::umask(old); }
};

}  // namespace

TEST_CASE("base private files: folders 0700 and files 0600 under umask 000; existing ones left alone") {
  std::string dir = test::scratch_dir();
  OpenUmask open_umask;
  REQUIRE(make_private_dirs(dir + "/a/b/c"));
  CHECK(mode_of(dir + "/a") == 0700);
  CHECK(mode_of(dir + "/a/b") == 0700);
  CHECK(mode_of(dir + "/a/b/c") == 0700);
  REQUIRE(make_private_dirs(dir + "/a/b/c"));  // exists: fine
  REQUIRE(create_private_file(dir + "/a/b/c/f"));
  CHECK(mode_of(dir + "/a/b/c/f") == 0600);
  REQUIRE(::chmod((dir + "/a/b/c/f").c_str(), 0640) == 0);
  REQUIRE(create_private_file(dir + "/a/b/c/f"));  // the user's own choice of mode stays
  CHECK(mode_of(dir + "/a/b/c/f") == 0640);
  REQUIRE(::chmod(dir.c_str(), 0755) == 0);
  REQUIRE(make_private_dirs(dir));
  CHECK(mode_of(dir) == 0755);

  Status bad = make_private_dirs("/proc/no/such");
  REQUIRE_FALSE(bad);
  CHECK(bad.message().find("cannot create /proc/no") == 0);
  CHECK_FALSE(create_private_file("/proc/no/such/file"));
}

}  // namespace gomo
