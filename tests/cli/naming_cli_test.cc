// Every platform command names its target, and names stand where the platform gives ids, through the
// binary against a local workspace, `gomo serve` on 127.0.0.1 and a scripted loopback server: API
// errors end with the target (local workspace, URL, profile) and never show a key; reads name the
// target on a terminal only; `execution status|report` name the program, `program list|get` the flow
// and the audience, each distinct id read once.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "local/workspace.h"
#include "tests/support/serve_support.h"
#include "tests/support/terminal.h"
#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

using nlohmann::json;

const char* const kUnknownId = "00000000-0000-4000-8000-000000000000";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A workspace with one organisation, a flow "Reminder", an audience "Debtors" of one contact and two
// programs over them, "March" and "April".
struct NamedWorkspace {
  std::string dir = scratch_dir();
  std::string path = dir + "/ws.db";
  std::string key, flow_id, audience_id, march_id;

  NamedWorkspace() {
    auto ws = local::Workspace::open(path);
    REQUIRE(ws);
    auto org = (*ws)->create_organization("Acme");
    REQUIRE(org);
    key = org->api_key;
    auto p = (*ws)->platform_for(org->organization.id);
    auto audience = p->create_audience({std::string("Debtors"), std::nullopt});
    REQUIRE(audience);
    audience_id = audience->id;
    api::ContactFields c;
    c.primary_phone = "+212612345670";
    auto contact = p->create_contact(c);
    REQUIRE(contact);
    REQUIRE(p->add_audience_contacts(audience_id, {contact->id}));
    auto flow =
        p->create_flow({std::string("Reminder"), std::nullopt,
                        std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})")});
    REQUIRE(flow);
    flow_id = flow->id;
    for (const char* name : {"March", "April"}) {
      api::ProgramFields f;
      f.name = name;
      f.audience_id = audience_id;
      f.flow_id = flow_id;
      auto program = p->create_program(f);
      REQUIRE(program);
      if (program->name == "March") march_id = program->id;
    }
  }

  // None of the user's config or keys; `api_key` in GOMO_API_KEY.
  std::vector<std::string> env(const std::string& api_key = "") const {
    return {"XDG_CONFIG_HOME=" + dir + "/xdg",
            "HOME=" + dir + "/home",
            "GOMO_CONFIG=",
            "GOMO_API_KEY=" + api_key,
            "GOMO_PROFILE=",
            "GOMO_BASE_URL=",
            "GOMOBILE_API_KEY=",
            "GOMOBILE_API_URL=",
            "GOMOBILE_API_BASE_URL="};
  }
  RunResult local(std::vector<std::string> args) const {
    args.insert(args.end(), {"--workspace", path});
    return run_gomo(args, "", env(), dir);
  }
};

}  // namespace

TEST_CASE("cli: an API error names the target: the local workspace, gomo serve's URL, a profile") {
  NamedWorkspace w;
  const std::string workspace = "(local workspace " + w.path + ")\n";
  auto status = w.local({"execution", "status", kUnknownId});
  CHECK(status.exit_code == 3);
  CHECK(contains(status.err, "NOT_FOUND: execution " + std::string(kUnknownId) + " not found"));
  CHECK_MESSAGE(contains(status.err, workspace), status.err);
  auto contact = w.local({"contacts", "get", "+212699999999"});
  CHECK(contact.exit_code == 3);
  CHECK_MESSAGE(contains(contact.err, workspace), contact.err);
  auto cancel = w.local({"execution", "cancel", kUnknownId, "--yes"});
  CHECK(cancel.exit_code == 3);
  CHECK_MESSAGE(contains(cancel.err, workspace), cancel.err);

  ServeProcess server({"--workspace", w.path});
  REQUIRE(server.started());
  auto remote = run_gomo({"execution", "report", kUnknownId, "--base-url", server.base_url()}, "", w.env(w.key), w.dir);
  CHECK(remote.exit_code == 3);
  CHECK_MESSAGE(contains(remote.err, "PROGRAM (" + server.base_url() + ")\n"), remote.err);

  // A user and password written in the URL are never shown.
  std::string with_password = server.base_url();
  with_password.replace(with_password.find("://") + 3, 0, "bob:s3cretpass@");
  auto hidden = run_gomo({"execution", "status", kUnknownId, "--base-url", with_password}, "", w.env(w.key), w.dir);
  CHECK(hidden.exit_code == 3);
  CHECK_FALSE(contains(hidden.err, "s3cretpass"));
  CHECK_MESSAGE(contains(hidden.err, "(" + server.base_url() + ")\n"), hidden.err);

  // A refused key: exit 4, the target named, the key nowhere.
  const std::string wrong = "gmk_wrongkey_0123456789abcdef";
  auto refused = run_gomo({"program", "list", "--base-url", server.base_url()}, "", w.env(wrong), w.dir);
  CHECK(refused.exit_code == 4);
  CHECK_MESSAGE(contains(refused.err, "(" + server.base_url() + ")\n"), refused.err);
  CHECK_FALSE(contains(refused.err + refused.out, wrong));

  // Through a profile: the URL and the profile's name.
  auto env = w.env();
  REQUIRE(run_gomo({"config", "set", "baseUrl", server.base_url(), "--profile", "prod"}, "", env, w.dir).exit_code ==
          0);
  REQUIRE(run_gomo({"config", "set", "apiKey", "-", "--profile", "prod"}, w.key + "\n", env, w.dir).exit_code == 0);
  auto profiled = run_gomo({"execution", "status", kUnknownId, "--profile", "prod"}, "", env, w.dir);
  CHECK(profiled.exit_code == 3);
  CHECK_MESSAGE(contains(profiled.err, "(" + server.base_url() + ", profile prod)\n"), profiled.err);
  CHECK_FALSE(contains(profiled.err, w.key));
}

TEST_CASE("cli: a key the platform's answer echoes is masked in the error") {
  const std::string key = "gmk_echoed_secret_0123456789";
  ScriptedServer server([&](const ext::ServerRequest&, int) {
    ext::ServerReply reply;
    reply.status = 404;
    reply.body = R"({"code":"NOT_FOUND","message":"nothing for key )" + key +
                 R"(","statusCode":404,"fieldErrors":{"x-api-key":[")" + key + R"( is unknown here"]}})";
    return reply;
  });
  NamedWorkspace w;
  auto r = run_gomo({"program", "list", "--base-url", server.base_url()}, "", w.env(key), w.dir);
  CHECK(r.exit_code == 3);
  CHECK_FALSE(contains(r.err, key));
  CHECK_MESSAGE(contains(r.err,
                         "nothing for key gmk_\xE2\x80\xA6"
                         "6789 (" +
                             server.base_url() + ")\n"),
                r.err);
  CHECK(contains(r.err,
                 "  x-api-key: gmk_\xE2\x80\xA6"
                 "6789 is unknown here\n"));
}

TEST_CASE("cli: an API error whose message ends in parentheses joins the target with '; on'") {
  ScriptedServer server([&](const ext::ServerRequest&, int) {
    ext::ServerReply reply;
    reply.status = 409;
    reply.body = R"j({"code":"CONFLICT","message":"the program is archived (since 2026-03-01)","statusCode":409})j";
    return reply;
  });
  NamedWorkspace w;
  auto r = run_gomo({"program", "list", "--base-url", server.base_url()}, "", w.env(w.key), w.dir);
  CHECK(r.exit_code == 3);
  CHECK_MESSAGE(contains(r.err, "CONFLICT: the program is archived (since 2026-03-01); on " + server.base_url() + "\n"),
                r.err);
  CHECK_FALSE(contains(r.err, ") ("));
}

TEST_CASE("cli: a read names its target on a terminal only; pipes and -q get the data alone") {
  NamedWorkspace w;
  const std::string reading = "gomo: reading local workspace " + w.path;
  auto piped = w.local({"program", "list"});
  REQUIRE(piped.exit_code == 0);
  CHECK(piped.err.empty());
  auto tty = run_gomo_on_terminal({"program", "list", "--workspace", w.path}, "", w.env());
  CHECK(tty.exit_code == 0);
  CHECK_MESSAGE(contains(tty.out, reading), tty.out);
  CHECK(tty.out.find(reading) < tty.out.find("March"));  // before the data
  auto contacts = run_gomo_on_terminal({"contacts", "list", "--workspace", w.path}, "", w.env());
  CHECK(contacts.exit_code == 0);
  CHECK(contains(contacts.out, reading));
  auto quiet = run_gomo_on_terminal({"program", "list", "-q", "--workspace", w.path}, "", w.env());
  CHECK(quiet.exit_code == 0);
  CHECK_FALSE(contains(quiet.out, "reading"));
  auto verbose = run_gomo_on_terminal({"program", "list", "-v", "--workspace", w.path}, "", w.env());
  CHECK(verbose.exit_code == 0);
  CHECK_FALSE(contains(verbose.out, "reading"));
  CHECK(contains(verbose.out, "gomo: target local workspace " + w.path));  // -v names it, piped or not
}

TEST_CASE("cli: execution status and report name the program; program list and get the flow and the audience") {
  NamedWorkspace w;
  auto launched = w.local({"program", "launch", "March", "-q"});
  REQUIRE_MESSAGE(launched.exit_code == 0, launched.err);
  const std::string id = launched.out.substr(0, 36);
  const std::string of_march = "execution " + id + " of program \"March\" (" + w.march_id + ")\n";
  auto status = w.local({"execution", "status", id});
  REQUIRE(status.exit_code == 0);
  CHECK(status.out.rfind(of_march, 0) == 0);
  CHECK(json::parse(w.local({"execution", "status", id, "-o", "json"}).out).at("programName") == "March");
  auto report = w.local({"execution", "report", id});
  REQUIRE(report.exit_code == 0);
  CHECK(report.out.rfind("execution    " + id + " of program \"March\" (" + w.march_id + ")\n", 0) == 0);
  CHECK(json::parse(w.local({"execution", "report", id, "-o", "json"}).out).at("programName") == "March");
  auto csv = w.local({"execution", "report", id, "-o", "csv"});
  CHECK(contains(csv.out, ",endedAt,programName\n"));
  CHECK(csv.out.substr(csv.out.size() - 7) == ",March\n");

  auto list = w.local({"program", "list", "--sort-by", "name", "--sort-order", "asc"});
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.rfind("ID\tNAME\tSTATUS\tFLOW\tAUDIENCE\tSTART\n", 0) == 0);
  CHECK_MESSAGE(occurrences(list.out, "\tReminder\tDebtors\t") == 2, list.out);
  CHECK_FALSE(contains(list.out, w.flow_id));
  auto get = w.local({"program", "get", "March"});
  CHECK(contains(get.out, "\tMarch\t"));
  CHECK(contains(get.out, "\tReminder\tDebtors\t"));
  // Machine output keeps the platform's fields.
  auto data = json::parse(w.local({"program", "list", "-o", "json"}).out);
  CHECK(data.at(0).at("flowId") == w.flow_id);
  CHECK_FALSE(data.at(0).contains("flowName"));
  CHECK(w.local({"program", "list", "-q"}).out.size() == 2 * 37);

  // Over gomo serve: the flow and the audience both programs share are read once each.
  ServeProcess server({"--workspace", w.path, "-v"});
  REQUIRE(server.started());
  auto remote = run_gomo({"program", "list", "--base-url", server.base_url()}, "", w.env(w.key), w.dir);
  REQUIRE_MESSAGE(remote.exit_code == 0, remote.err);
  CHECK(occurrences(remote.out, "\tReminder\tDebtors\t") == 2);
  auto remote_status = run_gomo({"execution", "status", id, "--base-url", server.base_url()}, "", w.env(w.key), w.dir);
  CHECK(remote_status.out.rfind(of_march, 0) == 0);
  std::string log;
  server.stop(&log);
  CHECK_MESSAGE(occurrences(log, "GET /api/flows/" + w.flow_id + " 200") == 1, log);
  CHECK(occurrences(log, "GET /api/audience/" + w.audience_id + " 200") == 1);
}

}  // namespace gomo::test
