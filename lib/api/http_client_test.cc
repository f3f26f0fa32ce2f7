#include "api/http_client.h"

#include <doctest/doctest.h>

namespace gomo::api {

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

TEST_CASE("url_encode keeps unreserved characters") {
  CHECK(url_encode("+212 6/a~b") == "%2B212%206%2Fa~b");
}

}  // namespace gomo::api
