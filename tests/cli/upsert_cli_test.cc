// `gomo contacts upsert` end to end: the binary against the local workspace and against `gomo serve`
// with injected faults, killed mid-run (kill -9) and continued from its journal.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::test {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The environment of a gomo run that sees none of the user's config, profiles, journals or keys: its
// config and state live under `dir`; with `base_url`, it talks to that platform with `key`.
std::vector<std::string> isolated_env(const std::string& dir, const std::string& base_url = "",
                                      const std::string& key = "") {
  return {"HOME=" + dir,
          "XDG_CONFIG_HOME=" + dir + "/config",
          "XDG_STATE_HOME=" + dir + "/state",
          "GOMO_PROFILE=",
          "GOMO_CONFIG=",
          "GOMO_API_KEY=" + key,
          "GOMO_BASE_URL=" + base_url,
          "GOMOBILE_API_KEY=",
          "GOMOBILE_API_URL=",
          "GOMOBILE_API_BASE_URL=",
          "GOMO_TIMEOUT="};
}

// `rows` data rows of unique Moroccan mobiles (national form), every 50th row a bad number.
std::string upsert_csv_text(int rows, int& valid) {
  std::string text = "phone,first_name,city\n";
  valid = 0;
  for (int i = 0; i < rows; ++i) {
    if (i % 50 == 49) {
      text += "12" + std::to_string(i) + ",Bad,Rabat\n";
      continue;
    }
    std::string digits = std::to_string(1000000 + i).substr(1);  // 6 digits
    text += "0610" + digits + ",Amina,Casablanca\n";
    ++valid;
  }
  return text;
}

}  // namespace

TEST_CASE("cli: contacts upsert: --default-region defaults to the profile's defaultRegion, else MA") {
  std::string dir = scratch_dir();
  std::vector<std::string> env = isolated_env(dir);
  std::string csv = write_file(dir, "in.csv", "phone,first_name\n0612345678,Amina\n");
  std::string ws = dir + "/ws.db";
  auto ma = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--dry-run", "-o", "json"}, "", env);
  CHECK_MESSAGE(ma.exit_code == 0, ma.err);
  REQUIRE(run_gomo({"config", "set", "defaultRegion", "fr", "--profile", "local"}, "", env).exit_code == 0);
  auto fr = run_gomo({"contacts", "upsert", csv, "--workspace", ws}, "", env);
  CHECK_MESSAGE(fr.exit_code == 0, fr.err);
  auto list = run_gomo({"contacts", "list", "--workspace", ws, "-o", "json"}, "", env);
  CHECK(contains(list.out, "+33612345678"));
  CHECK_FALSE(contains(list.out, "+212612345678"));
  // The flag outranks the profile.
  REQUIRE(run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--default-region", "MA"}, "", env).exit_code == 0);
  list = run_gomo({"contacts", "list", "--workspace", ws, "-o", "json"}, "", env);
  CHECK(contains(list.out, "+212612345678"));
  // A code libphonenumber does not know is refused with where it was written.
  REQUIRE(run_gomo({"config", "set", "defaultRegion", "QQ", "--profile", "local"}, "", env).exit_code == 0);
  auto bad = run_gomo({"contacts", "upsert", csv, "--workspace", ws}, "", env);
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "defaultRegion QQ of profile local ("));
}

TEST_CASE("cli: contacts upsert: --allow-types defaults to the profile's allowTypes") {
  std::string dir = scratch_dir();
  std::vector<std::string> env = isolated_env(dir);
  // A Moroccan mobile and a Moroccan fixed line.
  std::string csv = write_file(dir, "in.csv", "phone,first_name\n0612345678,Amina\n0522123456,Omar\n");
  std::string ws = dir + "/ws.db";
  auto both = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--dry-run", "-o", "json"}, "", env);
  CHECK_MESSAGE(both.exit_code == 0, both.err);
  REQUIRE(run_gomo({"config", "set", "allowTypes", "mobile", "--profile", "local"}, "", env).exit_code == 0);
  auto mobile = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--dry-run", "-o", "json"}, "", env);
  CHECK(mobile.exit_code == 1);
  CHECK(contains(mobile.out + mobile.err, "not_callable"));
  // The flag outranks the profile.
  auto all = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--dry-run", "--allow-types", "all"}, "", env);
  CHECK_MESSAGE(all.exit_code == 0, all.err);
  // A type gomo does not know is refused with where it was written.
  REQUIRE(run_gomo({"config", "set", "allowTypes", "mobile,landline", "--profile", "local"}, "", env).exit_code == 0);
  auto bad = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--dry-run"}, "", env);
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "allowTypes mobile,landline of profile local ("));
  // The config file itself takes only a list of words.
  CHECK(run_gomo({"config", "set", "allowTypes", "Mobile Phones", "--profile", "local"}, "", env).exit_code == 2);
}

TEST_CASE("cli: contacts upsert under umask 000: workspace, rejects file and journal folder are private") {
  std::string dir = scratch_dir();
  std::vector<std::string> env = isolated_env(dir);
  std::string csv = write_file(dir, "in.csv", "phone;first_name\n0612345678;Amina\n12;Bad\n");
  auto mode_of = [](const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0u;
  };
  RunResult r;
  {
    struct Umask {  // inherited by gomo; restored even if a check throws
      mode_t old = ::umask(0);
      ~Umask() { ::umask(old); }
    } open_umask;
    r = run_gomo({"contacts", "upsert", csv, "--workspace", dir + "/w/ws.db", "--rejects", dir + "/rej.csv"}, "", env);
  }
  CHECK(r.exit_code == 1);  // the one reject
  CHECK(mode_of(dir + "/w") == 0700);
  CHECK(mode_of(dir + "/w/ws.db") == 0600);
  CHECK(mode_of(dir + "/rej.csv") == 0600);
  CHECK(contains(read_file(dir + "/rej.csv"), "12;Bad;"));
  for (const char* folder : {"/state", "/state/gomo", "/state/gomo/upsert-journals"})
    CHECK_MESSAGE(mode_of(dir + folder) == 0700, folder);
}

TEST_CASE("cli: contacts upsert: local workspace, rejects file, exit codes") {
  std::string dir = scratch_dir();
  std::vector<std::string> env = isolated_env(dir);
  std::string csv = write_file(dir, "in.csv", "phone;first_name\n0612345678;أمينة\n12;Bad\n");
  std::string ws = dir + "/ws.db";
  auto r = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--rejects", dir + "/rej.csv"}, "", env);
  CHECK(r.exit_code == 1);  // a reject, and --max-rejects defaults to 0
  CHECK(contains(r.err, "2 rows read, 1 valid, 1 sent (1 created, 0 updated, 0 unchanged), 0 duplicates, 1 rejected"));
  CHECK(contains(read_file(dir + "/rej.csv"), "12;Bad;2;phone;too_short;"));
  r = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--max-rejects", "1", "-o", "json"}, "", env);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  auto summary = nlohmann::json::parse(r.out);
  CHECK(summary["updated"] == 0);
  CHECK(summary["unchanged"] == 1);  // the same row again: nothing to change
  CHECK(summary["rowsRead"] == 2);
  auto list = run_gomo({"contacts", "list", "--workspace", ws, "-o", "json"}, "", env);
  CHECK(contains(list.out, "أمينة"));
  // Not CSV: exit 2 with one message.
  r = run_gomo({"contacts", "upsert", "-", "--workspace", ws}, "{\"data\": []}", env);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "looks like a JSON document"));  // the CSV reader's words
  r = run_gomo({"contacts", "upsert", write_file(dir, "h.csv", "phone\n"), "--workspace", ws}, "", env);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "no data rows"));
  r = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--resume"}, "", env);
  CHECK(r.exit_code == 2);
  // A rejects file on a full disk: a clear error, not a summary that claims the rows were recorded.
  r = run_gomo({"contacts", "upsert", csv, "--workspace", ws, "--rejects", "/dev/full"}, "", env);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "disk full"));
}

TEST_CASE("cli: contacts upsert --dry-run: a row of 8 MiB of delimiters is one reject, the others are read") {
  std::string dir = scratch_dir();
  std::vector<std::string> env = isolated_env(dir);
  std::string text = "phone,first_name\n0612345678,Amina\n";
  text += std::string((size_t{8} << 20) - 1, ',');  // 8 million fields without the reader's field limit
  text += "\n0612345679,Omar\n";
  std::string csv = write_file(dir, "wide.csv", text);
  auto r = run_gomo({"contacts", "upsert", csv, "--workspace", dir + "/ws.db", "--dry-run", "--rejects",
                     dir + "/rej.csv", "-o", "json"},
                    "", env);
  CHECK(r.exit_code == 1);  // one reject, and --max-rejects defaults to 0
  auto summary = nlohmann::json::parse(r.out);
  CHECK(summary["rowsRead"] == 3);
  CHECK(summary["valid"] == 2);
  CHECK(summary["rejected"] == 1);
  const std::string rejects = read_file(dir + "/rej.csv");
  CHECK(rejects.size() < 1024);  // the row's bytes are not repeated
  CHECK(contains(rejects, ",2,,too_many_fields,\"row 2 (line 3), column 16385: more than 16,384 fields in one record"));
  // The same in a header is one error, exit 2.
  std::string header = write_file(dir, "header.csv", std::string(20000, ';') + "\n1;2\n");
  auto h = run_gomo({"contacts", "upsert", header, "--workspace", dir + "/ws.db", "--dry-run"}, "", env);
  CHECK(h.exit_code == 2);
  CHECK(contains(h.err, "the header (line 1), column 16385: more than 16,384 fields in one record"));
}

TEST_CASE("cli: contacts upsert: a batch the platform refuses without naming the record is split to it") {
  WorkspaceFixture f("Split Org");
  serve::Router router(*f.ws);
  // The platform refuses any upsert body holding this phone, without saying which record (a 400 with no
  // data.N field): gomo halves the batch until the record is alone.
  ScriptedServer server([&](const ext::ServerRequest& req, int) {
    if (req.path == "/api/contact/upsert" && contains(req.body, "+212610000007")) {
      ext::ServerReply reply;
      reply.status = 400;
      reply.body = R"({"code":"VALIDATION_FAILED","message":"Blocked number","statusCode":400})";
      return reply;
    }
    return ScriptedServer::route(router, req);
  });
  // One batch at a time, and three in flight (each on its own connection): the same outcome.
  for (const char* concurrency : {"1", "3"}) {
    CAPTURE(concurrency);
    std::string dir = scratch_dir() + "/c" + concurrency;
    std::vector<std::string> env = isolated_env(dir, server.base_url(), f.org.api_key);
    int valid = 0;
    std::string csv = write_file(dir, "in.csv", upsert_csv_text(40, valid));  // row 8 is 0610000007
    auto r = run_gomo({"contacts", "upsert", csv, "--batch-size", "16", "--rejects", dir + "/rej.csv", "--max-rejects",
                       "10", "-o", "json", "--rate-limit", "0", "--concurrency", concurrency},
                      "", env);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto summary = nlohmann::json::parse(r.out);
    CHECK(summary["sent"] == valid - 1);
    CHECK(summary["rejectReasons"]["server_rejected"] == 1);
    CHECK(summary["rowsRead"] == summary["sent"].get<int>() + summary["rejected"].get<int>());
    CHECK(contains(read_file(dir + "/rej.csv"), "0610000007,Amina,Casablanca,8,,server_rejected,"));
    CHECK(f.platform->list_contacts({})->meta.total == valid - 1);
  }
}

TEST_CASE("cli: contacts upsert: killed (-9) mid-run against a slow, faulty gomo serve, then --resume") {
  // --concurrency 4 sends four batches at once, acknowledged out of order: smaller batches, so that
  // the kill still comes part-way.
  for (auto [concurrency, batch] : {std::pair{"1", "100"}, std::pair{"4", "25"}}) {
    CAPTURE(concurrency);
    std::string dir = scratch_dir() + "/c" + concurrency;
    std::string workspace = dir + "/ws.db";
    auto init = run_gomo({"serve", "--init", "--workspace", workspace});
    REQUIRE(init.exit_code == 0);
    std::string key = init.out.substr(0, init.out.find('\n'));
    ServeProcess server({"--workspace", workspace, "--latency", "150", "--fail-rate", "0.1", "--seed", "7"});
    REQUIRE(server.started());
    std::vector<std::string> env = isolated_env(dir, server.base_url(), key);
    int valid = 0;
    std::string csv = write_file(dir, "big.csv", upsert_csv_text(3000, valid));
    std::vector<std::string> args = {"contacts", "upsert",        csv,         "--batch-size", batch, "--max-rejects",
                                     "5%",       "--concurrency", concurrency, "-o",           "json"};
    // >= 30 rounds of >= 150 ms each: killed (SIGKILL) after 2 s, part-way.
    auto killed = run_gomo(args, "", env, "", 2);
    CHECK(killed.exit_code != 0);
    auto after_kill = run_gomo({"contacts", "list", "--all", "-o", "json"}, "", env);
    REQUIRE(after_kill.exit_code == 0);
    size_t sent_before = nlohmann::json::parse(after_kill.out).size();
    CHECK(sent_before > 0);
    CHECK(sent_before < static_cast<size_t>(valid));

    args.push_back("--resume");
    auto resumed = run_gomo(args, "", env, "", 120);
    REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.err);
    CHECK(contains(resumed.err, "continued an earlier run"));
    auto summary = nlohmann::json::parse(resumed.out);
    // The counts of both runs together: every valid row sent once, created once (a batch the killed run
    // had sent but not recorded is sent again, and then counts as updated).
    CHECK(summary["sent"] == valid);
    CHECK(summary["rowsRead"] == 3000);
    CHECK(summary["rowsRead"] ==
          summary["sent"].get<int>() + summary["duplicates"].get<int>() + summary["rejected"].get<int>());
    CHECK(summary["created"].get<int>() + summary["updated"].get<int>() + summary["unchanged"].get<int>() == valid);
    CHECK(summary["resumedBatches"].get<int>() > 0);
    auto list = run_gomo({"contacts", "list", "--all", "-o", "json"}, "", env);
    REQUIRE(list.exit_code == 0);
    auto contacts = nlohmann::json::parse(list.out);
    std::set<std::string> phones;
    for (const auto& c : contacts) phones.insert(c["primaryPhone"].get<std::string>());
    CHECK(contacts.size() == static_cast<size_t>(valid));  // every valid row, exactly once
    CHECK(phones.size() == static_cast<size_t>(valid));
    CHECK(server.stop() == 0);
  }
}

TEST_CASE("cli: contacts upsert --concurrency 4 against a slow, faulty gomo serve: every valid row once") {
  std::string dir = scratch_dir();
  std::string workspace = dir + "/ws.db";
  auto init = run_gomo({"serve", "--init", "--workspace", workspace});
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, init.out.find('\n'));
  // Slow answers, one request in five refused with 503, some answers cut off after the headers:
  // the client retries, and the batches finish in any order.
  ServeProcess server({"--workspace", workspace, "--latency", "30", "--fail-rate", "0.2", "--drop-connections", "0.05",
                       "--seed", "11"});
  REQUIRE(server.started());
  std::vector<std::string> env = isolated_env(dir, server.base_url(), key);
  int valid = 0;
  std::string csv = write_file(dir, "in.csv", upsert_csv_text(2000, valid) + "0610000001,Again,Fes\n");
  auto r = run_gomo({"contacts", "upsert", csv, "--batch-size", "40", "--concurrency", "4", "--max-rejects", "5%",
                     "--rate-limit", "0", "-o", "json"},
                    "", env, "", 120);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto summary = nlohmann::json::parse(r.out);
  CHECK(summary["rowsRead"] == 2001);
  CHECK(summary["sent"] == valid);
  CHECK(summary["duplicates"] == 1);
  CHECK(summary["rowsRead"] ==
        summary["sent"].get<int>() + summary["duplicates"].get<int>() + summary["rejected"].get<int>());
  CHECK(summary["created"].get<int>() + summary["updated"].get<int>() + summary["unchanged"].get<int>() == valid);
  auto list = run_gomo({"contacts", "list", "--all", "-o", "json"}, "", env);
  REQUIRE(list.exit_code == 0);
  auto contacts = nlohmann::json::parse(list.out);
  std::set<std::string> phones;
  for (const auto& c : contacts) {
    phones.insert(c["primaryPhone"].get<std::string>());
    if (c["primaryPhone"] == "+212610000001") CHECK(c["firstName"] == "Again");  // the last row of that phone
  }
  CHECK(contacts.size() == static_cast<size_t>(valid));
  CHECK(phones.size() == static_cast<size_t>(valid));
  CHECK(server.stop() == 0);
}

TEST_CASE("cli: contacts upsert --concurrency 3: a platform that stops answering stops every worker; exit 5") {
  WorkspaceFixture f("Outage Org");
  serve::Router router(*f.ws);
  std::atomic<bool> down{false};
  std::atomic<int> upserts{0};
  // Up after 4 upserts; then every request is 503 (Retry-After 0: the retries come at once).
  ScriptedServer server([&](const ext::ServerRequest& req, int) {
    if (req.path == "/api/contact/upsert" && (down || ++upserts > 4)) {
      down = true;
      ext::ServerReply reply;
      reply.status = 503;
      reply.headers.emplace_back("Retry-After", "0");
      reply.body = R"({"code":"SERVICE_UNAVAILABLE","message":"Down for maintenance","statusCode":503})";
      return reply;
    }
    return ScriptedServer::route(router, req);
  });
  std::string dir = scratch_dir();
  std::vector<std::string> env = isolated_env(dir, server.base_url(), f.org.api_key);
  int valid = 0;
  std::string csv = write_file(dir, "in.csv", upsert_csv_text(400, valid));
  std::vector<std::string> args = {"contacts", "upsert",        csv,  "--batch-size", "20", "--concurrency",
                                   "3",        "--max-rejects", "5%", "--rate-limit", "0"};
  auto failed = run_gomo(args, "", env, "", 60);
  CHECK(failed.exit_code == 5);
  CHECK(contains(failed.err, "to continue from the journal " + dir + "/state/gomo/upsert-journals/"));
  size_t requests_when_stopped = server.requests().size();
  CHECK(requests_when_stopped < 20 * 5);  // 20 batches of 5 attempts each were not all tried

  down = false;
  upserts = -1000;
  auto resumed = run_gomo(args, "", env, "", 60);
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.err);
  CHECK(contains(resumed.err, "continued an earlier run"));
  CHECK(f.platform->list_contacts({})->meta.total == valid);
}

TEST_CASE(
    "cli: contacts upsert: --mapping FILE maps columns and attributes; --map overrides it; a bad file is positioned") {
  std::string dir = scratch_dir();
  std::vector<std::string> env = isolated_env(dir);
  std::string csv = source_path("tests/fixtures/contacts/crm-export.csv");
  std::string mapping = source_path("tests/fixtures/contacts/mapping.yaml");
  std::string ws = dir + "/ws.db";
  auto r = run_gomo({"contacts", "upsert", csv, "--mapping", mapping, "--create-attributes", "--max-rejects", "100%",
                     "--workspace", ws, "-o", "json"},
                    "", env);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto list = run_gomo({"contacts", "list", "--workspace", ws, "-o", "json"}, "", env);
  CHECK(contains(list.out, "+212612345678"));  // Portable, not "Tel fixe"
  CHECK(contains(list.out, "Amina Benali"));
  CHECK(contains(list.out, "date_echeance"));

  // --map wins over the file's choice of phone column.
  auto fixed = run_gomo({"contacts", "upsert", csv, "--mapping", mapping, "--map", "primaryPhone=Tel fixe",
                         "--create-attributes", "--max-rejects", "100%", "--workspace", ws},
                        "", env);
  CHECK(fixed.exit_code == 0);
  CHECK(contains(run_gomo({"contacts", "list", "--workspace", ws, "-o", "json"}, "", env).out, "+212522000000"));

  std::string bad = write_file(dir, "bad.yaml", "map: {primaryPhone: Portable}\nattributes: 3\n");
  auto refused = run_gomo({"contacts", "upsert", csv, "--mapping", bad, "--workspace", ws, "--dry-run"}, "", env);
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, bad + ":2:13: `attributes` is auto, none or a list of column names"));

  auto no_type = run_gomo({"contacts", "upsert", csv, "--mapping", mapping, "--create-attributes", "--attribute-type",
                           "Solde", "--workspace", ws, "--dry-run"},
                          "", env);
  CHECK(no_type.exit_code == 2);
  CHECK(contains(no_type.err, "--attribute-type Solde: use COLUMN=TYPE"));
}

TEST_CASE("cli: contacts upsert: unchanged contacts, inferred attribute types, a dry run's would-create/update") {
  std::string dir = scratch_dir();
  std::vector<std::string> env = isolated_env(dir);
  std::string ws = dir + "/ws.db";
  std::string first =
      write_file(dir, "first.csv", "phone,first_name,Solde\n0612345678,Amina,1000\n0612345679,Omar,-2.5\n");
  auto r = run_gomo(
      {"contacts", "upsert", first, "--workspace", ws, "--attributes", "auto", "--create-attributes", "--dry-run"}, "",
      env);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(contains(r.err, "gomo: would create attribute Solde (number, inferred from 2 values)"));
  CHECK(contains(r.err, "2 would be sent (2 would be created, 0 updated, 0 unchanged)"));
  r = run_gomo({"contacts", "upsert", first, "--workspace", ws, "--attributes", "auto", "--create-attributes"}, "",
               env);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(contains(r.err, "gomo: created attribute Solde (number, inferred from 2 values)"));
  CHECK(contains(r.err, "2 sent (2 created, 0 updated, 0 unchanged)"));

  std::string second = write_file(
      dir, "second.csv", "phone,first_name,Solde\n0612345678,Amina,1000\n0612345679,Omar,3\n0612345670,Sara,\n");
  r = run_gomo({"contacts", "upsert", second, "--workspace", ws, "--attributes", "auto", "--dry-run", "-o", "json"}, "",
               env);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto dry = nlohmann::json::parse(r.out);
  CHECK(dry["dryRun"] == true);
  CHECK(dry["created"] == 1);
  CHECK(dry["updated"] == 1);
  CHECK(dry["unchanged"] == 1);
  CHECK(dry["attributesCreated"].empty());
  r = run_gomo({"contacts", "upsert", second, "--workspace", ws, "--attributes", "auto", "-o", "json"}, "", env);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto real = nlohmann::json::parse(r.out);
  CHECK(real["created"] == 1);
  CHECK(real["updated"] == 1);
  CHECK(real["unchanged"] == 1);
}

TEST_CASE("cli: contacts upsert against gomo serve: unchanged over HTTP; a dry run whose target refuses the key") {
  std::string dir = scratch_dir();
  std::string workspace = dir + "/ws.db";
  auto init = run_gomo({"serve", "--init", "--workspace", workspace});
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, init.out.find('\n'));
  ServeProcess server({"--workspace", workspace});
  REQUIRE(server.started());
  std::vector<std::string> env = isolated_env(dir, server.base_url(), key);
  std::string csv = write_file(dir, "in.csv", "phone,first_name\n0612345678,Amina\n0612345679,Omar\n");
  auto r = run_gomo({"contacts", "upsert", csv, "-o", "json"}, "", env);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(nlohmann::json::parse(r.out)["created"] == 2);
  std::string changed = write_file(dir, "changed.csv", "phone,first_name\n0612345678,Amina\n0612345679,Omer\n");
  r = run_gomo({"contacts", "upsert", changed, "--dry-run", "-o", "json"}, "", env);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto dry = nlohmann::json::parse(r.out);
  CHECK(dry["created"] == 0);
  CHECK(dry["updated"] == 1);
  CHECK(dry["unchanged"] == 1);
  r = run_gomo({"contacts", "upsert", changed, "-o", "json"}, "", env);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto real = nlohmann::json::parse(r.out);
  CHECK(real["updated"] == 1);
  CHECK(real["unchanged"] == 1);  // gomo serve's extension of the upsert answer, read by the client

  // A key the target refuses: the dry run still checks the file, and says create/update are unknown.
  std::vector<std::string> bad_key = isolated_env(dir, server.base_url(), "not-a-key");
  r = run_gomo({"contacts", "upsert", changed, "--dry-run"}, "", bad_key);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(contains(r.err, "2 would be sent (created/updated unknown)"));
  CHECK(contains(r.err,
                 "which contacts would be created or updated is unknown: the target's contacts could not be "
                 "read (HTTP 401"));
  r = run_gomo({"contacts", "upsert", changed, "--dry-run", "-o", "json"}, "", bad_key);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto unknown = nlohmann::json::parse(r.out);
  CHECK(unknown["created"].is_null());
  CHECK(unknown["unchanged"].is_null());
  CHECK(unknown["sent"] == 2);
  CHECK(contains(unknown["unknownOutcome"].get<std::string>(), "HTTP 401"));
  CHECK(server.stop() == 0);
}

}  // namespace gomo::test
