#include "serve/answer_cache.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "local/workspace.h"
#include "tests/support/test_support.h"

namespace gomo::serve {
namespace {

using nlohmann::json;

Request get(const std::string& path, const std::string& key, std::map<std::string, std::string> query = {}) {
  return {"GET", path, std::move(query), key, ""};
}

// Runs `sql` on a connection of its own: another writer of the same workspace file (a gomo command).
void write_elsewhere(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  CHECK_MESSAGE(sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK, (error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
}

}  // namespace

TEST_CASE("AnswerCache::key_for: only reads of stored rows, one key per key, path and query") {
  CHECK(!AnswerCache::key_for(get("/api/users/me", "k1")).empty());
  CHECK(!AnswerCache::key_for(get("/api/contact", "k1", {{"limit", "20"}})).empty());
  CHECK(!AnswerCache::key_for(get("/api/contact/0190-abc", "k1")).empty());
  CHECK(AnswerCache::key_for(get("/api/users/me", "")).empty());  // no key: the 401 is never kept
  CHECK(AnswerCache::key_for(get("/api/contact/upsert", "k1")).empty());
  CHECK(AnswerCache::key_for(get("/api/contact/a/b", "k1")).empty());
  CHECK(AnswerCache::key_for(get("/api/programs", "k1")).empty());  // executions move with the clock
  CHECK(AnswerCache::key_for(get("/api/contact/", "k1")).empty());
  Request post = get("/api/contact", "k1");
  post.method = "POST";
  CHECK(AnswerCache::key_for(post).empty());
  Request head = get("/api/users/me", "k1");
  head.method = "HEAD";
  CHECK(AnswerCache::key_for(head) == AnswerCache::key_for(get("/api/users/me", "k1")));
  CHECK(AnswerCache::key_for(get("/api/users/me", "k1")) != AnswerCache::key_for(get("/api/users/me", "k2")));
  CHECK(AnswerCache::key_for(get("/api/contact", "k", {{"a", "1"}, {"b", "2"}})) !=
        AnswerCache::key_for(get("/api/contact", "k", {{"a", "1b"}, {"", "2"}})));
}

TEST_CASE("AnswerCache: a new version drops everything; bounded in size") {
  AnswerCache cache;
  Response ok{200, "{\"id\":1}"};
  cache.keep("a", {1, 1}, ok);
  REQUIRE(cache.find("a", {1, 1}));
  CHECK(cache.find("a", {1, 1})->body == ok.body);
  CHECK(!cache.find("a", {1, 2}));  // a commit came in between
  CHECK(cache.size() == 0);
  cache.keep("b", {1, 2}, Response{404, "{}"});  // only 200s are kept
  CHECK(cache.size() == 0);
  cache.keep("big", {1, 2}, Response{200, std::string(kMaxCachedAnswerBytes + 1, 'x')});
  CHECK(cache.size() == 0);
  const std::string page(kMaxCachedAnswerBytes, 'x');
  for (int i = 0; i < 200; ++i) cache.keep("k" + std::to_string(i), {1, 2}, Response{200, page});
  CHECK(cache.size() * kMaxCachedAnswerBytes <= kMaxAnswerCacheBytes);
  CHECK(cache.size() > 0);
}

TEST_CASE("Router answers reads again from memory only while nothing was committed, by anyone") {
  const std::string path = test::scratch_dir() + "/w.db";
  auto ws = local::Workspace::open(path);
  REQUIRE(ws);
  auto org = (*ws)->create_organization("Cache Org");
  REQUIRE(org);
  const std::string key = org->api_key;
  Router router(**ws);
  auto total = [&] {
    auto r = router.handle(get("/api/contact", key, {{"limit", "20"}}));
    REQUIRE(r.status == 200);
    return json::parse(r.body)["meta"]["total"].get<int>();
  };
  CHECK(total() == 0);
  CHECK(router.answers_from_memory() == 0);
  CHECK(total() == 0);  // the kept answer
  CHECK(router.answers_from_memory() == 1);
  // A write through the server itself.
  auto created = router.handle({"POST", "/api/contact", {}, key, R"({"primaryPhone":"+212612345678"})"});
  REQUIRE(created.status == 201);
  CHECK(total() == 1);
  CHECK(router.answers_from_memory() == 1);  // computed again, then kept
  CHECK(total() == 1);
  CHECK(router.answers_from_memory() == 2);
  const std::string id = json::parse(created.body)["id"];
  auto one = router.handle(get("/api/contact/" + id, key));
  REQUIRE(one.status == 200);
  CHECK(json::parse(one.body)["firstName"].is_null());
  // A write by another process on the same file (a gomo command, say).
  write_elsewhere(path, ("UPDATE contacts SET first_name = 'Amina' WHERE id = '" + id + "'").c_str());
  one = router.handle(get("/api/contact/" + id, key));
  CHECK(json::parse(one.body)["firstName"] == "Amina");
  write_elsewhere(path, "DELETE FROM contacts");
  CHECK(total() == 0);
  CHECK(router.answers_from_memory() == 2);
  // Without the cache every read is computed.
  Router uncached(**ws, false);
  CHECK(uncached.handle(get("/api/users/me", key)).status == 200);
  CHECK(uncached.handle(get("/api/users/me", key)).status == 200);
  CHECK(uncached.answers_from_memory() == 0);
  // A key revoked elsewhere stops working at once: answers kept for it are gone with the commit.
  CHECK(router.handle(get("/api/users/me", key)).status == 200);
  write_elsewhere(path, "DELETE FROM api_keys");
  CHECK(router.handle(get("/api/users/me", key)).status == 401);
}

}  // namespace gomo::serve
