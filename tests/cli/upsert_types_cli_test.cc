// `gomo contacts upsert --allow-types`: valid numbers of types a campaign does not call are rejected as
// not_callable, on a real CSV into a real workspace, with the rejects file to show for it.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A run that sees none of the user's config, profiles, journals or keys.
std::vector<std::string> types_env(const std::string& dir) {
  return {"HOME=" + dir,
          "XDG_CONFIG_HOME=" + dir + "/config",
          "XDG_STATE_HOME=" + dir + "/state",
          "GOMO_PROFILE=",
          "GOMO_CONFIG=",
          "GOMO_API_KEY=",
          "GOMO_BASE_URL=",
          "GOMOBILE_API_KEY=",
          "GOMOBILE_API_URL=",
          "GOMOBILE_API_BASE_URL=",
          "GOMO_TIMEOUT="};
}

}  // namespace

TEST_CASE("cli: contacts upsert --allow-types: other types are not_callable, in the rejects file") {
  std::string dir = scratch_dir();
  std::vector<std::string> env = types_env(dir);
  // A mobile, a fixed line, a VoIP number, a toll-free and a premium-rate number (Moroccan ranges).
  std::string csv = write_file(dir, "in.csv",
                               "phone,first_name\n0612345678,Amina\n0522123456,Karim\n0592412345,Sara\n"
                               "0800123456,Hotline\n0890123456,Jeu\n");
  std::string ws = dir + "/ws.db";
  auto r = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--rejects", dir + "/rej.csv", "--max-rejects", "10",
                     "-o", "json"},
                    "", env);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  auto summary = nlohmann::json::parse(r.out);
  CHECK(summary["sent"] == 3);
  CHECK(summary["rejectReasons"]["not_callable"] == 2);
  const std::string rejects = read_file(dir + "/rej.csv");
  CHECK(
      has(rejects,
          "0800123456,Hotline,4,phone,not_callable,\"\"\"0800123456\"\" (+212800123456) is a toll_free number, not one "
          "of the phone types allowed (fixed_line,mobile,fixed_line_or_mobile,voip); pass --allow-types "
          "fixed_line,mobile,fixed_line_or_mobile,toll_free,voip to keep it\""));
  CHECK(has(rejects, "0890123456,Jeu,5,phone,not_callable,"));
  CHECK(has(rejects, "premium_rate"));

  // Allowed by name: mobiles only, then toll-free too.
  r = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--dry-run", "--max-rejects", "10", "--allow-types",
                "mobile", "-o", "json"},
               "", env);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(nlohmann::json::parse(r.out)["rejectReasons"]["not_callable"] == 4);
  r = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--allow-types", "mobile,fixed_line,voip,toll_free",
                "--rejects", dir + "/rej2.csv", "--max-rejects", "10"},
               "", env);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(has(read_file(dir + "/rej2.csv"), "0890123456,Jeu,5,phone,not_callable,"));
  CHECK_FALSE(has(read_file(dir + "/rej2.csv"), "0800123456"));
  auto list = run_gomo({"contacts", "list", "--workspace", ws, "-o", "json"}, "", env);
  CHECK(has(list.out, "+212800123456"));
  CHECK_FALSE(has(list.out, "+212890123456"));

  // An unknown type is a usage error that lists the names.
  r = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--allow-types", "mobile,landline"}, "", env);
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "--allow-types mobile,landline: unknown phone type \"landline\"; expected fixed_line,mobile,"));
}

}  // namespace gomo::test
