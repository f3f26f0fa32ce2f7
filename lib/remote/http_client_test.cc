#include "remote/http_client.h"

#include <doctest/doctest.h>

#include <thread>

#include "tests/support/serve_support.h"

namespace gomo::remote {

using api::kOutcomeUnknown;
namespace {

// Short backoffs, no client-side rate limit.
ClientOptions quick_options(const std::string& base_url, int attempts) {
  ClientOptions o;
  o.base_url = base_url;
  o.api_key = "gomo_secret_key_0123456789";
  o.max_attempts = attempts;
  o.backoff_base_ms = 1;
  o.backoff_max_ms = 2;
  o.rate_limit = 0;
  return o;
}

ext::ServerReply unavailable(const std::string& retry_after) {
  ext::ServerReply r;
  r.status = 503;
  r.body = R"({"code":"SERVICE_UNAVAILABLE","message":"down for a moment","statusCode":503})";
  r.headers = {{"Retry-After", retry_after}};
  return r;
}

ext::ServerReply lost_answer() {
  ext::ServerReply r;
  r.body = "{}";
  r.drop = true;  // the headers go out, then the connection closes: the request may have been applied
  return r;
}

}  // namespace

TEST_CASE("TokenBucket: a burst of `burst`, then one token per 1/rate seconds") {
  auto t0 = TokenBucket::Clock::now();
  TokenBucket bucket(10, 10, t0);
  for (int i = 0; i < 10; ++i) CHECK(bucket.reserve(t0) == TokenBucket::Clock::duration::zero());
  auto wait = std::chrono::duration<double>(bucket.reserve(t0)).count();
  CHECK(wait == doctest::Approx(0.1));
  wait = std::chrono::duration<double>(bucket.reserve(t0)).count();
  CHECK(wait == doctest::Approx(0.2));  // queued behind the previous caller
  // After a second, the debt is paid and 8 tokens are back.
  CHECK(bucket.reserve(t0 + std::chrono::seconds(1)) == TokenBucket::Clock::duration::zero());
  TokenBucket unlimited(0, 1, t0);
  for (int i = 0; i < 100; ++i) CHECK(unlimited.reserve(t0) == TokenBucket::Clock::duration::zero());
}

TEST_CASE("parse_retry_after: seconds or an HTTP date") {
  CHECK(*parse_retry_after("3", 0) == 3);
  CHECK(*parse_retry_after("1.5", 0) == 1.5);
  CHECK_FALSE(parse_retry_after("soon", 0));
  CHECK_FALSE(parse_retry_after("", 0));
  // Sun, 06 Nov 1994 08:49:37 GMT is 784111777.
  CHECK(*parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784111770) == 7);
  CHECK(*parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784111790) == 0);
}

TEST_CASE("HttpClient: plain http only to loopback unless insecure; https always") {
  CHECK(is_loopback_url("http://127.0.0.1:8080/api"));
  CHECK(is_loopback_url("http://localhost/api"));
  CHECK(is_loopback_url("http://[::1]:9/api"));
  CHECK_FALSE(is_loopback_url("http://127.example.com/api"));  // a name may resolve anywhere
  CHECK_FALSE(is_loopback_url("http://127.0.0.1.example.com/api"));
  CHECK_FALSE(is_loopback_url("http://api.gomobile.ma/api"));
  ClientOptions o;
  o.base_url = "http://api.gomobile.ma/api";
  auto refused = HttpClient::create(o);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == "INSECURE_URL");
  o.insecure = true;
  CHECK(HttpClient::create(o));
  o = {};
  o.base_url = "https://api.gomobile.ma/api";
  CHECK(HttpClient::create(o));
  o.base_url = "ftp://x/api";
  CHECK(HttpClient::create(o).error().code == "BAD_URL");
}

TEST_CASE("HttpClient: connection refused is retried, then NETWORK_ERROR even for creates") {
  ClientOptions o;
  o.base_url = "http://127.0.0.1:1/api";  // nothing listens on port 1
  o.max_attempts = 3;
  o.backoff_base_ms = 1;
  o.backoff_max_ms = 2;
  o.rate_limit = 0;
  auto client = HttpClient::create(o);
  REQUIRE(client);
  auto r = (*client)->send("POST", "/contact", "{}", Idempotency::kUnsafe);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "NETWORK_ERROR");  // never sent, so not "outcome unknown"
  CHECK(r.error().http_status == 0);
  CHECK((*client)->stats().attempts == 3);
}

TEST_CASE("HttpClient: an answer lost, then 503s: the outcome is unknown, not 503") {
  // Requests 1 and 4 lose their answers; every other one is a 503.
  test::ScriptedServer server(
      [](const ext::ServerRequest&, int n) { return n == 1 || n == 4 ? lost_answer() : unavailable("0"); });
  auto client = HttpClient::create(quick_options(server.base_url(), 3));
  REQUIRE(client);
  auto patched = (*client)->send("PATCH", "/contact/c1", R"({"city":"Rabat"})", Idempotency::kSafe);
  REQUIRE_FALSE(patched);
  CHECK(patched.error().code == kOutcomeUnknown);  // the first PATCH may have been applied
  CHECK(patched.error().http_status == 0);
  CHECK(patched.error().message.find("the platform answered 503 Service Unavailable after 3 attempts") !=
        std::string::npos);
  CHECK((*client)->stats().attempts == 3);
  // A read applies nothing: its last answer is returned as it is.
  auto read = (*client)->send("GET", "/contact/c1", "", Idempotency::kSafe);
  REQUIRE(read);
  CHECK(read->status == 503);
  CHECK(read->retried_after_ambiguous_failure);
}

TEST_CASE("HttpClient: each retry is announced with its wait, attempt and reason, never the key") {
  test::ScriptedServer server([](const ext::ServerRequest&, int n) {
    if (n == 1) return unavailable("0");
    if (n == 2) return lost_answer();
    ext::ServerReply ok;
    ok.body = "{}";
    return ok;
  });
  auto client = HttpClient::create(quick_options(server.base_url(), 4));
  REQUIRE(client);
  std::vector<RetryNotice> notices;
  (*client)->on_retry([&](const RetryNotice& n) { notices.push_back(n); });
  auto r = (*client)->send("GET", "/contact?search=%2B212612345678", "", Idempotency::kSafe);
  REQUIRE(r);
  CHECK(r->status == 200);
  REQUIRE(notices.size() == 2);
  CHECK(describe_retry(notices[0]) == "retrying GET /contact in 0.0s (attempt 2/4): 503 Service Unavailable");
  CHECK(notices[1].attempt == 3);
  CHECK(notices[1].path == "/contact");    // no query string: search terms stay out of logs
  CHECK_FALSE(notices[1].reason.empty());  // libcurl's word for the lost answer
  for (const auto& n : notices) CHECK(describe_retry(n).find("secret") == std::string::npos);
}

TEST_CASE("HttpClient: the timeout bounds the whole request, retries and waits included") {
  // Every answer comes after 1 s; the client gives each request 300 ms.
  test::ScriptedServer slow([](const ext::ServerRequest&, int) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    ext::ServerReply ok;
    ok.body = "{}";
    return ok;
  });
  ClientOptions o = quick_options(slow.base_url(), 5);
  o.timeout_ms = 300;
  auto client = HttpClient::create(o);
  REQUIRE(client);
  auto read = (*client)->send("GET", "/users/me", "", Idempotency::kSafe);
  REQUIRE_FALSE(read);
  CHECK(read.error().code == kTimeout);
  CHECK(read.error().message.find("no answer within 0.3s (--timeout)") != std::string::npos);
  CHECK((*client)->stats().attempts == 1);  // no retry could have finished in time
  auto create = (*client)->send("POST", "/contact", "{}", Idempotency::kUnsafe);
  REQUIRE_FALSE(create);
  CHECK(create.error().code == kOutcomeUnknown);  // sent, then no answer in time: it may have been applied
  CHECK((*client)->stats().attempts == 2);

  // A Retry-After that ends past the deadline is not waited for: the answer is returned at once.
  test::ScriptedServer busy([](const ext::ServerRequest&, int) { return unavailable("30"); });
  o = quick_options(busy.base_url(), 5);
  o.timeout_ms = 2000;
  client = HttpClient::create(o);
  REQUIRE(client);
  std::vector<RetryNotice> notices;
  (*client)->on_retry([&](const RetryNotice& n) { notices.push_back(n); });
  auto waited = (*client)->send("GET", "/users/me", "", Idempotency::kSafe);
  REQUIRE(waited);
  CHECK(waited->status == 503);
  CHECK((*client)->stats().attempts == 1);
  CHECK(notices.empty());
}

TEST_CASE("HttpClient: a refused TLS certificate is reported at once, never retried") {
  test::TlsServerProcess tls;  // a self-signed certificate
  REQUIRE_MESSAGE(tls.started(), "openssl s_server did not start: " << tls.log());
  ClientOptions o = quick_options(tls.base_url(), 5);
  auto client = HttpClient::create(o);
  REQUIRE(client);
  for (auto idempotency : {Idempotency::kSafe, Idempotency::kUnsafe}) {
    auto r = (*client)->send(idempotency == Idempotency::kSafe ? "GET" : "POST", "/users/me", "", idempotency);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == kCertificateError);
    CHECK(r.error().message.find("the TLS certificate of 127.0.0.1 was refused") != std::string::npos);
    CHECK(r.error().message.find("self-signed") != std::string::npos);
    CHECK(r.error().message.find("not retried") != std::string::npos);
  }
  CHECK((*client)->stats().attempts == 2);  // one each
  // The same server with the check off: the handshake itself works.
  o.insecure = true;
  auto insecure = HttpClient::create(o);
  REQUIRE(insecure);
  auto r = (*insecure)->send("GET", "/users/me", "", Idempotency::kSafe);
  REQUIRE_MESSAGE(r, r.error().message);
  CHECK(r->status == 200);
}

TEST_CASE("url_encode keeps unreserved characters") { CHECK(url_encode("+212 6/a~b") == "%2B212%206%2Fa~b"); }

}  // namespace gomo::remote
