#include "serve/router.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

namespace gomo::serve {

using nlohmann::json;

TEST_CASE("Router: 401 without a valid key, envelope with path and timestamp") {
  auto ws = store::Workspace::open(test::scratch_dir() + "/w.db");
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
  auto ws = store::Workspace::open(test::scratch_dir() + "/w.db");
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
  auto ws = store::Workspace::open(test::scratch_dir() + "/w.db");
  REQUIRE(ws);
  auto org = (*ws)->create_organization("Router Org");
  REQUIRE(org);
  Router router(**ws);
  const std::string& key = org->api_key;
  auto checked = router.handle({"POST", "/api/flows/validate", {}, key,
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

}  // namespace gomo::serve
