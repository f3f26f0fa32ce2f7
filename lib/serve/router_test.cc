#include "serve/router.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "local/workspace.h"
#include "serve/server.h"
#include "tests/support/test_support.h"

namespace gomo::serve {

using nlohmann::json;

namespace {

struct RouterFixture {
  std::string dir = test::scratch_dir();
  std::unique_ptr<local::Workspace> ws;
  std::string key;
  std::unique_ptr<Router> router;
  RouterFixture() { open(true); }
  void open(bool create_org) {
    auto opened = local::Workspace::open(dir + "/w.db");
    REQUIRE_MESSAGE(opened, (opened ? std::string() : opened.error().message()));
    ws = std::move(*opened);
    if (create_org) {
      auto org = ws->create_organization("Router Org");
      REQUIRE(org);
      key = org->api_key;
    }
    router = std::make_unique<Router>(*ws);
  }
  Response call(const std::string& method, const std::string& path, const std::string& body = "",
                std::map<std::string, std::string> query = {}) {
    return router->handle({method, path, std::move(query), key, body});
  }
};

// 400 VALIDATION_FAILED naming `field`, in the envelope.
void check_refused(const Response& r, const std::string& field) {
  CHECK(r.status == 400);
  auto j = json::parse(r.body);
  CHECK(j.at("code") == "VALIDATION_FAILED");
  CHECK_MESSAGE(j.at("fieldErrors").contains(field), r.body);
}

}  // namespace

TEST_CASE("Router: 401 without a valid key, envelope with path and timestamp") {
  auto ws = local::Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  Router router(**ws);
  auto r = router.handle({"GET", "/api/users/me", {}, "", ""});
  CHECK(r.status == 401);
  auto j = json::parse(r.body);
  CHECK(j.at("code") == "UNAUTHORIZED");
  CHECK(j.at("statusCode") == 401);
  CHECK(j.at("path") == "/api/users/me");
  CHECK(j.at("timestamp").get<std::string>().back() == 'Z');
  CHECK(router.handle({"GET", "/api/users/me", {}, "gomo_wrong", ""}).status == 401);
}

TEST_CASE("Router: routes, status codes, undocumented properties and bad JSON") {
  auto ws = local::Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto org = (*ws)->create_organization("Router Org");
  REQUIRE(org);
  Router router(**ws);
  const std::string& key = org->api_key;
  auto me = router.handle({"GET", "/api/users/me", {}, key, ""});
  CHECK(me.status == 200);
  CHECK(json::parse(me.body).at("organization").at("name") == "Router Org");

  auto created = router.handle({"POST", "/api/contact", {}, key, R"({"primaryPhone":"+212612345678"})"});
  CHECK(created.status == 201);
  std::string id = json::parse(created.body).at("id");
  CHECK(router.handle({"GET", "/api/contact/" + id, {}, key, ""}).status == 200);
  auto dup = router.handle({"POST", "/api/contact", {}, key, R"({"primaryPhone":"+212612345678"})"});
  CHECK(dup.status == 409);
  CHECK(json::parse(dup.body).at("code") == "CONFLICT");

  auto extra = router.handle({"POST", "/api/contact", {}, key, R"({"primaryPhone":"+212600000000","mobile":"1"})"});
  CHECK(extra.status == 400);
  CHECK(json::parse(extra.body).at("fieldErrors").at("mobile").at(0) == "property mobile should not exist");
  CHECK(router.handle({"POST", "/api/contact", {}, key, "{nope"}).status == 400);
  CHECK(router.handle({"GET", "/api/contact", {{"page", "x"}}, key, ""}).status == 400);
  CHECK(router.handle({"GET", "/api/contact", {{"color", "red"}}, key, ""}).status == 400);
  auto list = router.handle({"GET", "/api/contact", {{"limit", "1"}}, key, ""});
  CHECK(list.status == 200);
  CHECK(json::parse(list.body).at("meta").at("totalPages") == 1);
  CHECK(router.handle({"GET", "/api/nothing", {}, key, ""}).status == 404);
  CHECK(router.handle({"DELETE", "/api/contact/" + id, {}, key, ""}).status == 204);
  CHECK(router.handle({"GET", "/api/contact/" + id, {}, key, ""}).status == 404);
}

TEST_CASE("Router: POST /api/flows/validate answers 201 with the findings; only {graph} is accepted") {
  auto ws = local::Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto org = (*ws)->create_organization("Router Org");
  REQUIRE(org);
  Router router(**ws);
  const std::string& key = org->api_key;
  auto checked =
      router.handle({"POST",
                     "/api/flows/validate",
                     {},
                     key,
                     R"({"graph":{"startNodeId":"a","nodes":[{"id":"a","type":"hangup","outputs":{"x":"a"}}]}})"});
  CHECK(checked.status == 201);
  auto j = json::parse(checked.body);
  CHECK(j.at("valid") == false);
  CHECK(j.at("errors").at(0).at("nodeId") == "a");
  CHECK(j.at("errors").at(0).at("path").get<std::string>().rfind("/graph/nodes/0", 0) == 0);
  CHECK(j.at("warnings").is_array());
  auto named = router.handle({"POST", "/api/flows/validate", {}, key, R"({"name":"x","graph":{}})"});
  CHECK(named.status == 400);
  CHECK(json::parse(named.body).at("fieldErrors").at("name").at(0) == "property name should not exist");
  auto bad = router.handle({"POST", "/api/flows/validate", {}, key, R"({"graph":[1]})"});
  CHECK(bad.status == 400);
  CHECK(json::parse(bad.body).at("fieldErrors").at("graph").at(0) == "graph must be an object");
  CHECK(router.handle({"POST", "/api/flows/validate", {}, key, "{}"}).status == 400);
  CHECK(router.handle({"GET", "/api/flows", {}, key, ""}).status == 200);
  CHECK(json::parse(router.handle({"GET", "/api/flows", {}, key, ""}).body).at("meta").at("total") == 0);
}

TEST_CASE("Router: null for a required field is a 400 naming the field, for every request body") {
  RouterFixture f;
  const std::string id = "00000000-0000-4000-8000-000000000001";
  const std::string graph = R"({"startNodeId":"a","nodes":[{"id":"a","type":"hangup"}]})";
  const std::string window = R"({"hour":1,"minute":0})";
  struct Case {
    const char* method;
    std::string path, body, field;
  };
  const std::vector<Case> cases = {
      {"POST", "/api/contact", R"({"primaryPhone":null})", "primaryPhone"},
      {"POST", "/api/contact/upsert", R"({"data":null})", "data"},
      {"POST", "/api/contact/upsert", R"({"data":[null]})", "data.0"},
      {"POST", "/api/contact/upsert", R"({"data":[{"primaryPhone":null}]})", "data.0.primaryPhone"},
      {"POST", "/api/custom-attributes", R"({"displayName":"Plan","type":null})", "type"},
      {"POST", "/api/custom-attributes", R"({"displayName":null,"type":"text"})", "displayName"},
      {"POST", "/api/audience", R"({"name":null})", "name"},
      {"POST", "/api/audience/" + id + "/add-contacts", R"({"contacts":null})", "contacts"},
      {"POST", "/api/audience/" + id + "/remove-contacts", R"({"contacts":null})", "contacts"},
      {"POST", "/api/flows", R"({"name":null,"graph":)" + graph + "}", "name"},
      {"POST", "/api/flows", R"({"name":"f","graph":null})", "graph"},
      {"POST", "/api/flows/validate", R"({"graph":null})", "graph"},
      {"POST", "/api/programs", R"({"name":null,"audienceId":")" + id + R"(","flowId":")" + id + R"("})", "name"},
      {"POST", "/api/programs", R"({"name":"p","audienceId":null,"flowId":")" + id + R"("})", "audienceId"},
      {"POST", "/api/programs", R"({"name":"p","audienceId":")" + id + R"(","flowId":null})", "flowId"},
      {"PATCH", "/api/programs/" + id, R"({"retryStrategy":{"type":null}})", "retryStrategy.type"},
      {"PATCH", "/api/programs/" + id, R"({"retryStrategy":{"type":"fixed_delay","delayMinutes":null,"maxRetries":1}})",
       "retryStrategy.delayMinutes"},
      {"PATCH", "/api/programs/" + id, R"({"retryStrategy":{"type":"fixed_delay","delayMinutes":5,"maxRetries":null}})",
       "retryStrategy.maxRetries"},
      {"PATCH", "/api/programs/" + id, R"({"retryStrategy":{"type":"scheduled","retryDates":null}})",
       "retryStrategy.retryDates"},
      {"PATCH", "/api/programs/" + id, R"({"pauseWindows":{"monday":[{"startAt":null,"endAt":)" + window + "}]}}",
       "pauseWindows.monday.0.startAt"},
      {"PATCH", "/api/programs/" + id, R"({"pauseWindows":{"monday":[{"startAt":)" + window + R"(,"endAt":null}]}})",
       "pauseWindows.monday.0.endAt"},
      {"PATCH", "/api/programs/" + id,
       R"({"pauseWindows":{"monday":[{"startAt":{"hour":null},"endAt":)" + window + "}]}}",
       "pauseWindows.monday.0.startAt.hour"},
      {"PATCH", "/api/programs/" + id,
       R"({"pauseWindows":{"advanced":[{"startAt":null,"endAt":"2030-01-01T00:00:00Z"}]}})",
       "pauseWindows.advanced.0.startAt"},
      {"PATCH", "/api/programs/" + id, R"({"autoPauseRules":[{"nodeId":null,"threshold":1}]})",
       "autoPauseRules.0.nodeId"},
      {"PATCH", "/api/programs/" + id, R"({"autoPauseRules":[{"nodeId":"a","threshold":null}]})",
       "autoPauseRules.0.threshold"},
      {"PATCH", "/api/program-executions/" + id + "/resume", R"({"autoPauseRules":[{"nodeId":null,"threshold":2}]})",
       "autoPauseRules.0.nodeId"},
      {"POST", "/api/call-requests", R"({"didId":null,"contactId":"c","flowId":"f","retry":{"type":"none"}})", "didId"},
      {"POST", "/api/call-requests",
       R"({"didId":")" + id + R"(","contactId":null,"flowId":"f","retry":{"type":"none"}})", "contactId"},
      {"POST", "/api/call-requests",
       R"({"didId":")" + id + R"(","contactId":"c","flowId":null,"retry":{"type":"none"}})", "flowId"},
      {"POST", "/api/call-requests", R"({"didId":")" + id + R"(","contactId":"c","flowId":"f","retry":null})", "retry"},
      {"POST", "/api/call-requests",
       R"({"didId":")" + id +
           R"(","contactId":"c","flowId":"f","retry":{"type":"fixed-delay","delay":null,"maxRetries":1}})",
       "retry.delay"},
      {"POST", "/api/call-requests",
       R"({"didId":")" + id + R"(","contactId":"c","flowId":"f","retry":{"type":"scheduled","dates":null}})",
       "retry.dates"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.method);
    CAPTURE(c.path);
    CAPTURE(c.body);
    check_refused(f.call(c.method, c.path, c.body), c.field);
  }
  // A body that is JSON null (or not an object) where an object is expected.
  for (const auto& [method, path] :
       std::vector<std::pair<const char*, std::string>>{{"POST", "/api/contact"},
                                                        {"PATCH", "/api/contact/" + id},
                                                        {"POST", "/api/contact/upsert"},
                                                        {"POST", "/api/custom-attributes"},
                                                        {"POST", "/api/audience"},
                                                        {"POST", "/api/audience/" + id + "/add-contacts"},
                                                        {"POST", "/api/flows"},
                                                        {"PUT", "/api/flows/" + id},
                                                        {"POST", "/api/flows/validate"},
                                                        {"POST", "/api/programs"},
                                                        {"PATCH", "/api/programs/" + id},
                                                        {"POST", "/api/programs/" + id + "/launch"},
                                                        {"PATCH", "/api/program-executions/" + id + "/pause"},
                                                        {"PATCH", "/api/program-executions/" + id + "/resume"},
                                                        {"POST", "/api/call-requests"}}) {
    CAPTURE(method);
    CAPTURE(path);
    check_refused(f.call(method, path, "null"), "body");
    check_refused(f.call(method, path, "[1]"), "body");
  }
}

TEST_CASE("Router: bytes that are not UTF-8 are a 400 INVALID_UTF8 in the envelope, before the key") {
  RouterFixture f;
  auto check_utf8 = [](const Response& r, const std::string& field) {
    CHECK(r.status == 400);
    auto j = json::parse(r.body);  // the answer itself is valid UTF-8
    CHECK(j.at("code") == "INVALID_UTF8");
    CHECK(j.at("statusCode") == 400);
    if (!field.empty()) CHECK(j.at("fieldErrors").at(field).at(0) == field + " must be valid UTF-8");
    return j;
  };
  auto path = check_utf8(f.call("GET", "/\xFF"), "");
  CHECK(path.at("message") == "The request path is not valid UTF-8 once percent-decoded (byte 0xFF at offset 1)");
  CHECK(path.at("path") == "/\xEF\xBF\xBD");
  check_utf8(f.call("GET", "/api/contact/\xFF"), "");
  check_utf8(f.router->handle({"GET", "/api/contact/\xC0\xAF", {}, "", ""}), "");  // before the 401
  check_utf8(f.call("GET", "/api/contact", "", {{"\xFF", "1"}}), "");
  check_utf8(f.call("GET", "/api/contact", "", {{"search", "caf\xE9"}}), "search");
  // Valid UTF-8 passes, in the path and in the query.
  CHECK(f.call("GET", "/api/contact", "", {{"search", "caf\xC3\xA9"}}).status == 200);
  CHECK(f.call("GET", "/api/contact/\xD8\xB9").status == 404);

  auto upload = [&](std::vector<FormPart> form) {
    Request r{"POST", "/api/audio-management/upload", {}, f.key, ""};
    r.multipart = true;
    r.form = std::move(form);
    return f.router->handle(r);
  };
  const std::string mp3 = "ID3\x04rest";
  check_utf8(upload({{"file", mp3, "a.mp3", "audio/mpeg"}, {"title", "Bad \xFF title", "", ""}}), "title");
  check_utf8(upload({{"file", mp3, "a.mp3", "audio/mpeg"}, {"tags", "ok,\xFE", "", ""}}), "tags");
  check_utf8(upload({{"file", mp3, "caf\xE9.mp3", "audio/mpeg"}}), "file");
  check_utf8(upload({{"file", mp3, "a.mp3", "audio/mpeg"}, {"\xFF", "x", "", ""}}), "");
  // The file's bytes are not text; a good upload still works.
  CHECK(upload({{"file", mp3 + "\xFF\xFE", "a.mp3", "audio/mpeg"}, {"title", "Bienvenue \xC3\xA0 vous", "", ""}})
            .status == 201);
  auto list = f.call("GET", "/api/audio-management/audios");
  REQUIRE(list.status == 200);
  CHECK(json::parse(list.body).at("data").size() == 1);
}

TEST_CASE("Router: a row stored with bytes that are not UTF-8 (an older gomo) does not fail the listing") {
  RouterFixture f;
  Request up{"POST", "/api/audio-management/upload", {}, f.key, ""};
  up.multipart = true;
  up.form = {{"file", "ID3\x04rest", "a.mp3", "audio/mpeg"}, {"title", "POISONED-TITLE-0123", "", ""}};
  auto created = f.router->handle(up);
  REQUIRE(created.status == 201);
  std::string id = json::parse(created.body).at("id");
  // Close the workspace (its WAL is checkpointed into the file), then rewrite the title's bytes.
  f.router.reset();
  f.ws.reset();
  std::string db_path = f.dir + "/w.db";
  std::string bytes = test::read_file(db_path);
  size_t replaced = 0;
  for (size_t at = bytes.find("POISONED-TITLE-0123"); at != std::string::npos;
       at = bytes.find("POISONED-TITLE-0123", at)) {
    bytes.replace(at, 19, "POISONED-\xFF\xFE\xC3LE-0123");  // as long as before
    ++replaced;
  }
  REQUIRE(replaced > 0);
  std::ofstream(db_path, std::ios::binary | std::ios::trunc) << bytes;
  f.open(false);
  auto list = f.call("GET", "/api/audio-management/audios");
  REQUIRE(list.status == 200);
  auto title = json::parse(list.body).at("data").at(0).at("title").get<std::string>();
  CHECK(title == "POISONED-\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDLE-0123");
  CHECK(f.call("GET", "/api/audio-management/audio/" + id + "/metadata").status == 200);
  CHECK(f.call("GET", "/api/audio-management/audios", "", {{"search", "POISONED"}}).status == 200);
}

TEST_CASE("Router: HEAD answers as GET; other methods 405 with Allow; empty path segments 404") {
  RouterFixture f;
  auto head = f.call("HEAD", "/api/users/me");
  CHECK(head.status == 200);
  CHECK(head.body == f.call("GET", "/api/users/me").body);
  CHECK(f.call("HEAD", "/api/nothing").status == 404);
  CHECK(f.router->handle({"HEAD", "/api/users/me", {}, "", ""}).status == 401);
  for (const char* m : {"OPTIONS", "TRACE", "CONNECT", "PROPFIND"}) {
    CAPTURE(m);
    auto r = f.call(m, "/api/contact");
    CHECK(r.status == 405);
    CHECK(json::parse(r.body).at("code") == "METHOD_NOT_ALLOWED");
    REQUIRE(r.headers.size() == 1);
    CHECK(r.headers[0].first == "Allow");
    CHECK(r.headers[0].second == "GET, HEAD, POST, PUT, PATCH, DELETE");
  }
  for (const char* p : {"/api//contact", "/api/contact/", "//api/contact", "/api/contact//", "/api/", "/"}) {
    CAPTURE(p);
    auto r = f.call("GET", p);
    CHECK(r.status == 404);
    CHECK(json::parse(r.body).at("code") == "NOT_FOUND");
  }
  CHECK(json::parse(f.call("GET", "/api//contact").body).at("message") ==
        "Cannot GET /api//contact (empty path segment; the route would be /api/contact)");
  CHECK(f.call("GET", "/api/contact").status == 200);
}

TEST_CASE("Router: refusals of the transport are worded in the envelope; log lines escape bytes") {
  for (auto [status, code] : std::vector<std::pair<int, const char*>>{
           {400, "BAD_REQUEST"}, {413, "PAYLOAD_TOO_LARGE"}, {414, "URI_TOO_LONG"}, {416, "RANGE_NOT_SATISFIABLE"}}) {
    auto r = refusal_response(status, "", "");
    CHECK(r.status == status);
    auto j = json::parse(r.body);
    CHECK(j.at("code") == code);
    CHECK(j.at("statusCode") == status);
    CHECK(j.at("fieldErrors").is_object());
  }
  CHECK(json::parse(refusal_response(413, "POST", "/api/contact").body).at("message") ==
        "The request body is larger than 32 MiB");
  auto unknown = refusal_response(400, "FOO", "");  // a method the transport does not parse
  CHECK(unknown.status == 405);
  CHECK(json::parse(unknown.body).at("error") == "METHOD_NOT_ALLOWED");
  CHECK(unknown.headers.at(0).second == "GET, HEAD, POST, PUT, PATCH, DELETE");
  CHECK(refusal_response(400, "G\xC3\xA9T", "").status == 400);
  RequestRecord rec{"GET", "/api/\xFF\x1B[2J", "", 400, true, false, 2.6};
  CHECK(log_line(rec) == "GET /api/\\xFF\\x1B[2J 400 2ms");
  RequestRecord refused{"", "", "", 414, false, false, 0};
  CHECK(log_line(refused) == "- - 414 0ms");
}

}  // namespace gomo::serve
