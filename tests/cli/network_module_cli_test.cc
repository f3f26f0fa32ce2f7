// End-to-end: the network module (lib/ext) seen from the binary: `gomo version -v` lists the libraries
// inside it, and a module that cannot load is an internal error (exit 70) naming why, whichever
// command needed it, never a network error or a phone number reported invalid.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

// The test hook of ext/load.h: the load fails with this reason.
const std::string kWhy = "libcurl.so.4: cannot open shared object file: No such file or directory";
const std::string kFailure = "GOMO_TEST_NETWORK_MODULE_ERROR=" + kWhy;
const std::string kMessage = "gomo: internal error: the network module could not be loaded: " + kWhy + "\n";

TEST_CASE("cli: version prints what --version prints; -v adds every library inside, with its version") {
  auto plain = run_gomo({"version"});
  auto flag = run_gomo({"--version"});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out == flag.out);
  CHECK(plain.out.rfind("gomo ", 0) == 0);
  auto verbose = run_gomo({"version", "-v"});
  REQUIRE_MESSAGE(verbose.exit_code == 0, verbose.err);
  CHECK(verbose.out.rfind(plain.out, 0) == 0);
  for (const char* line : {"\nlibyaml 0.", "\nSQLite 3.", "\nlibcurl 7.", "\ncpp-httplib 0.", "\nlibphonenumber 8.",
                           "\nRE2 20", "\ndate-tz 3."})
    CHECK_MESSAGE(verbose.out.find(line) != std::string::npos, line);
  // libcurl names its TLS library: security scans need both.
  CHECK(verbose.out.find("SSL/") != std::string::npos);
}

TEST_CASE("cli: a network module that cannot load is an internal error, exit 70, naming why") {
  // Phone numbers: not every number reported invalid_number.
  auto phone = run_gomo(
      {"flow", "run", source_path("samples/flows/payment-reminder.json"), "--phone", "0612345678", "--press", "2"}, "",
      {kFailure});
  CHECK(phone.exit_code == 70);
  CHECK(phone.err == kMessage);
  // HTTP: not NETWORK_ERROR (exit 5).
  std::string home = scratch_dir();
  auto http =
      run_gomo({"contacts", "list"}, "",
               {kFailure, "HOME=" + home, "XDG_CONFIG_HOME=" + home + "/config",
                "GOMO_PROFILE=", "GOMO_API_KEY=gomo_some_key_0123456789", "GOMO_BASE_URL=http://127.0.0.1:9/api"});
  CHECK(http.exit_code == 70);
  CHECK(http.err == kMessage);
  auto version = run_gomo({"version", "-v"}, "", {kFailure});
  CHECK(version.exit_code == 70);
  CHECK(version.err == kMessage);
  // Commands that need no network module never load it.
  auto validate =
      run_gomo({"flow", "validate", source_path("samples/flows/payment-reminder.json"), "--no-config"}, "", {kFailure});
  CHECK_MESSAGE(validate.exit_code == 0, validate.err);
}

}  // namespace
}  // namespace gomo::test
