#include "remote/mobtexting.h"

#include <doctest/doctest.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "tests/support/serve_support.h"

namespace gomo::remote {
namespace {

using nlohmann::json;

ext::ServerReply reply(int status, const std::string& body) {
  ext::ServerReply r;
  r.status = status;
  r.body = body;
  return r;
}

MobtextingCall otp_call() {
  MobtextingCall c;
  c.bridge = "+918068280000";
  c.to = "+918867135000";
  c.flow_id = "24";
  c.interval_minutes = 15;
  c.variables = {{"Name", "Asha"}, {"otp", "123456"}};
  return c;
}

}  // namespace

TEST_CASE("mobtexting_body: the documented fields, numbers without +, variables[NAME]") {
  CHECK(json::parse(mobtexting_body(otp_call())) ==
        json::parse(R"({"bridge":"918068280000","to":"918867135000","flow_id":"24","interval":15,
                        "variables[Name]":"Asha","variables[otp]":"123456"})"));
  MobtextingCall audio;
  audio.bridge = "918068280000";
  audio.to = "918867135000";
  audio.audio = "https://example.com/a.mp3";
  audio.webhook_id = "7";
  audio.name = "obd_api_call";
  CHECK(json::parse(mobtexting_body(audio)) ==
        json::parse(R"({"bridge":"918068280000","to":"918867135000","audio":"https://example.com/a.mp3",
                        "webhook_id":"7","name":"obd_api_call"})"));
}

TEST_CASE("MobtextingClient: POST {endpoint}outgoing/send with the Bearer key; the accepted ids back") {
  std::mutex mutex;
  ext::ServerRequest seen;
  test::ScriptedServer server([&](const ext::ServerRequest& r, int) {
    std::lock_guard<std::mutex> lock(mutex);
    seen = r;
    return reply(200, R"({"status":200,"message":"1 numbers accepted for delivery.","data":[{"id":
      "70fa87e0-9df9-4327-bc80-a561c48703d8:1","mobile":"918867135000","charges":"0.5000","customid":"",
      "iso_code":null,"submitted_at":"2019-08-16 15:09:51"}]})");
  });
  MobtextingOptions o;
  o.endpoint = server.base_url() + "/v2/";
  o.api_key = "38e896f55670311982434e929559b0000";
  auto client = MobtextingClient::create(o);
  REQUIRE(client);
  auto sent = (*client)->send_call(otp_call());
  REQUIRE_MESSAGE(sent, (sent ? "" : sent.error().message));
  CHECK(sent->message == "1 numbers accepted for delivery.");
  REQUIRE(sent->accepted.size() == 1);
  CHECK(sent->accepted[0].id == "70fa87e0-9df9-4327-bc80-a561c48703d8:1");
  CHECK(sent->accepted[0].submitted_at == "2019-08-16 15:09:51");
  std::lock_guard<std::mutex> lock(mutex);
  CHECK(seen.method == "POST");
  CHECK(seen.path == "/api/v2/outgoing/send");
  CHECK(seen.authorization == "Bearer 38e896f55670311982434e929559b0000");
  CHECK(seen.api_key.empty());
  CHECK(json::parse(seen.body) == json::parse(mobtexting_body(otp_call())));
}

TEST_CASE("MobtextingClient: refusals keep mobtexting's message; a lost answer is never re-sent") {
  int calls = 0;
  std::mutex mutex;
  test::ScriptedServer server([&](const ext::ServerRequest&, int n) {
    std::lock_guard<std::mutex> lock(mutex);
    ++calls;
    if (n == 1) return reply(401, R"({"status":401,"message":"Invalid API key"})");
    if (n == 2) return reply(422, R"({"message":"The given data was invalid.","errors":{"to":["invalid number"]}})");
    if (n == 3) return reply(200, R"({"status":400,"message":"Insufficient balance","data":[]})");
    ext::ServerReply lost;
    lost.body = "{}";
    lost.drop = true;  // the headers go out, then the connection closes: the call may have been placed
    return lost;
  });
  MobtextingOptions o;
  o.endpoint = server.base_url();
  o.api_key = "k";
  o.timeout_ms = 10000;
  auto client = MobtextingClient::create(o);
  REQUIRE(client);
  auto denied = (*client)->send_call(otp_call());
  REQUIRE_FALSE(denied);
  CHECK(denied.error().is_auth());
  CHECK(denied.error().message == "mobtexting answered 401: Invalid API key");
  auto invalid = (*client)->send_call(otp_call());
  REQUIRE_FALSE(invalid);
  CHECK(invalid.error().http_status == 422);
  CHECK(invalid.error().field_errors.at("to") == std::vector<std::string>{"invalid number"});
  auto broke = (*client)->send_call(otp_call());
  REQUIRE_FALSE(broke);
  CHECK(broke.error().http_status == 400);
  CHECK(broke.error().message == "mobtexting accepted no number: Insufficient balance");
  auto lost = (*client)->send_call(otp_call());
  REQUIRE_FALSE(lost);
  CHECK(lost.error().code == api::kOutcomeUnknown);
  std::lock_guard<std::mutex> lock(mutex);
  CHECK(calls == 4);  // the lost one was sent once
}

TEST_CASE("MobtextingClient: plain http only to loopback unless insecure") {
  MobtextingOptions o;
  o.endpoint = "http://mobtexting.example/api/v2/";
  o.api_key = "k";
  CHECK_FALSE(MobtextingClient::create(o));
  o.insecure = true;
  CHECK(MobtextingClient::create(o));
}

}  // namespace gomo::remote
