// The non-idempotent POSTs of programs and calls against `gomo serve --drop-connections`: a launch
// or a call request whose answer is lost is looked for before it is ever sent again, so each one is
// applied exactly once; an audio upload (no key to look for) is reported REQUEST_OUTCOME_UNKNOWN
// and never repeated. All on 127.0.0.1 with bounded attempts.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "local/workspace.h"
#include "remote/remote_platform.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

struct Setup {
  std::unique_ptr<local::Workspace> ws;
  local::NewOrganization org;
  std::unique_ptr<api::Platform> local;
  std::string audience, flow, contact, did;
};

Setup setup() {
  Setup s;
  auto ws = local::Workspace::open(scratch_dir() + "/workspace.db");
  REQUIRE(ws);
  s.ws = std::move(*ws);
  auto org = s.ws->create_organization("Dropping Org");
  REQUIRE(org);
  s.org = *org;
  s.local = s.ws->platform_for(s.org.organization.id);
  api::ContactFields c;
  c.primary_phone = "+212661234567";
  auto contact = s.local->create_contact(c);
  REQUIRE(contact);
  s.contact = contact->id;
  auto audience = s.local->create_audience({std::string("Everyone"), std::nullopt});
  REQUIRE(audience);
  s.audience = audience->id;
  REQUIRE(s.local->add_audience_contacts(s.audience, {s.contact}));
  auto flow = s.local->create_flow(
      {std::string("Bye"), std::nullopt,
       std::string(R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup","label":"Bye"}]})")});
  REQUIRE(flow);
  s.flow = flow->id;
  auto dids = s.local->list_available_dids({});
  REQUIRE(dids);
  s.did = dids->data.at(0).id;
  return s;
}

int applied(const std::vector<serve::RequestRecord>& records, const std::string& method, const std::string& suffix) {
  int n = 0;
  for (const auto& r : records) {
    bool match =
        r.path.size() >= suffix.size() && r.path.compare(r.path.size() - suffix.size(), suffix.size(), suffix) == 0;
    n += r.applied && r.method == method && match && r.status < 300;
  }
  return n;
}

}  // namespace

TEST_CASE("cli: api faults: launches and call requests survive dropped answers, each applied once") {
  Setup s = setup();
  serve::FaultOptions faults;
  faults.drop_rate = 0.3;
  faults.seed = 5;
  LocalServer server(*s.ws, faults);
  auto p = remote::RemotePlatform::create(test_client_options(server.base_url(), s.org.api_key));
  REQUIRE(p);
  const int kLaunches = 8;
  for (int i = 0; i < kLaunches; ++i) {
    api::ProgramFields f;
    f.name = "Program " + std::to_string(i);
    f.audience_id = s.audience;
    f.flow_id = s.flow;
    auto program = s.local->create_program(f);  // creates are not what this test is about
    REQUIRE(program);
    auto execution = (*p)->launch_program(program->id);
    REQUIRE_MESSAGE(execution, execution.error().code << " " << execution.error().message);
    CHECK(execution->program_id == program->id);
    auto executions = s.local->list_executions(program->id, {});
    REQUIRE(executions);
    CHECK(executions->meta.total == 1);                      // never launched twice
    auto cancelled = (*p)->cancel_execution(execution->id);  // a lost answer: the retry finds it cancelled
    REQUIRE_MESSAGE(cancelled, cancelled.error().message);
  }
  const int kCalls = 8;
  for (int i = 0; i < kCalls; ++i) {
    api::CallRequestFields call{s.did, s.contact, s.flow, {}, std::nullopt};
    auto queued = (*p)->request_call(call);
    REQUIRE_MESSAGE(queued, queued.error().code << " " << queued.error().message);
    CHECK(queued->status == "queued");
  }
  auto records = server.records();
  int dropped_after_apply = 0;
  for (const auto& r : records) dropped_after_apply += r.dropped && r.applied && r.method == "POST";
  CHECK(dropped_after_apply > 0);  // the seed makes some answers of applied POSTs go missing
  CHECK(applied(records, "POST", "/launch") == kLaunches);
  CHECK(applied(records, "POST", "/call-requests") == kCalls);
  api::CallRequestQuery all;
  all.page.limit = 100;
  CHECK(s.local->list_call_requests(all)->meta.total == kCalls);
}

TEST_CASE("cli: api faults: an upload whose answer is lost is reported unknown, never re-sent") {
  Setup s = setup();
  serve::FaultOptions faults;
  faults.drop_rate = 1;
  faults.seed = 9;
  LocalServer server(*s.ws, faults);
  auto p = remote::RemotePlatform::create(test_client_options(server.base_url(), s.org.api_key));
  REQUIRE(p);
  api::AudioUpload up;
  up.file_name = "hello.ogg";
  up.bytes = "OggS" + std::string(64, 'x');
  for (int i = 0; i < 3; ++i) {
    auto r = (*p)->upload_audio(up);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "REQUEST_OUTCOME_UNKNOWN");
    CHECK(r.error().http_status == 0);
  }
  int posts = 0;
  for (const auto& r : server.records()) posts += r.method == "POST";
  CHECK(posts == 3);
  // A launch cannot even start when the state check cannot be read: nothing is sent blindly.
  api::ProgramFields f{std::string("P"), s.audience, s.flow, {}, {}, {}, {}, {}, {}, {}};
  auto program = s.local->create_program(f);
  REQUIRE(program);
  auto launch = (*p)->launch_program(program->id);
  REQUIRE_FALSE(launch);
  int launches = 0;
  for (const auto& r : server.records()) launches += r.path.find("/launch") != std::string::npos;
  CHECK(launches == 0);
}

TEST_CASE("cli: api faults: a pause or cancel whose answer is lost, refused when re-sent, status unreadable: unknown") {
  Setup s = setup();
  api::ProgramFields f{std::string("P"), s.audience, s.flow, {}, {}, {}, {}, {}, {}, {}};
  auto program = s.local->create_program(f);
  REQUIRE(program);
  auto execution = s.local->launch_program(program->id);
  REQUIRE(execution);
  serve::Router router(*s.ws);
  std::map<std::string, int> changes;  // "PATCH", "DELETE" -> requests
  // Each first change is applied and its answer lost; reading the execution is throttled throughout,
  // so the client cannot tell whether the 409 of the re-sent change means "done" or "impossible".
  ScriptedServer server([&](const ext::ServerRequest& req, int) {
    if (req.method == "GET" && req.path.find("/program-executions/") != std::string::npos) {
      ext::ServerReply r;
      r.status = 429;
      r.body = R"({"code":"TOO_MANY_REQUESTS","message":"Rate limit exceeded","statusCode":429})";
      r.headers = {{"Retry-After", "0"}};
      return r;
    }
    auto reply = ScriptedServer::route(router, req);
    if ((req.method == "PATCH" || req.method == "DELETE") && ++changes[req.method] == 1) {
      if (reply.body.empty()) {  // a 204 has no body to cut short: lose the answer with one that has
        reply.status = 200;
        reply.body = R"({"note":"this answer is cut short"})";
      }
      reply.drop = true;
    }
    return reply;
  });
  auto p = remote::RemotePlatform::create(test_client_options(server.base_url(), s.org.api_key));
  REQUIRE(p);
  auto paused = (*p)->pause_execution(execution->id);
  REQUIRE_FALSE(paused);
  CHECK(paused.error().code == "REQUEST_OUTCOME_UNKNOWN");  // not 409 INVALID_STATUS_TRANSITION
  CHECK(paused.error().message.find("the request sent again was refused (409 INVALID_STATUS_TRANSITION") !=
        std::string::npos);
  CHECK(paused.error().message.find("reading the execution's status failed too (429") != std::string::npos);
  CHECK(s.local->get_execution(execution->id)->status == "paused");  // applied, once
  CHECK(changes["PATCH"] == 2);

  auto cancelled = (*p)->cancel_execution(execution->id);
  REQUIRE_FALSE(cancelled);
  CHECK(cancelled.error().code == "REQUEST_OUTCOME_UNKNOWN");
  CHECK(s.local->get_execution(execution->id)->status == "cancelled");
  CHECK(changes["DELETE"] == 2);
}

}  // namespace gomo::test
