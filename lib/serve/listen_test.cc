#include "serve/listen.h"

#include <doctest/doctest.h>

namespace gomo::serve {

TEST_CASE("serve listen: HOST:PORT, bracketed IPv6, port 0; anything else is refused") {
  std::string host;
  int port = -1;
  REQUIRE(parse_listen_address("127.0.0.1:8080", host, port));
  CHECK(host == "127.0.0.1");
  CHECK(port == 8080);
  REQUIRE(parse_listen_address("[::1]:9000", host, port));
  CHECK(host == "::1");
  CHECK(port == 9000);
  REQUIRE(parse_listen_address("localhost:0", host, port));
  CHECK(host == "localhost");
  CHECK(port == 0);
  for (const char* bad :
       {"8080", ":8080", "localhost:", "localhost:http", "localhost:80x", "localhost:65536", "localhost:-1"}) {
    INFO(bad);
    CHECK_FALSE(parse_listen_address(bad, host, port));
  }
}

TEST_CASE("serve listen: rates per second or per minute") {
  double rate = 7;
  CHECK(parse_rate("", rate));
  CHECK(rate == 7);
  REQUIRE(parse_rate("20", rate));
  CHECK(rate == 20);
  REQUIRE(parse_rate("5/s", rate));
  CHECK(rate == 5);
  REQUIRE(parse_rate("600/min", rate));
  CHECK(rate == doctest::Approx(10));
  REQUIRE(parse_rate("120/m", rate));
  CHECK(rate == doctest::Approx(2));
  for (const char* bad : {"0", "-3", "fast", "5/h", "/s"}) {
    INFO(bad);
    CHECK_FALSE(parse_rate(bad, rate));
  }
}

TEST_CASE("serve listen: configure_listen gives gomo serve's messages") {
  ServeOptions o;
  REQUIRE(configure_listen("localhost:0", "600/min", false, o));
  CHECK(o.host == "localhost");
  CHECK(o.port == 0);
  CHECK(o.faults.rate_limit == doctest::Approx(10));
  Status bad = configure_listen("nowhere", "", false, o);
  CHECK(bad.message() == "--listen must be HOST:PORT (e.g. 127.0.0.1:8080), got 'nowhere'");
  Status remote = configure_listen("0.0.0.0:8080", "", false, o);
  CHECK(remote.message() ==
        "refusing to listen on 0.0.0.0: only loopback addresses without --allow-remote (the server speaks plain http)");
  CHECK(configure_listen("0.0.0.0:8080", "", true, o));
  Status rate = configure_listen("127.0.0.1:1", "lots", false, o);
  CHECK(rate.message() == "--rate-limit must be N/s or N/min, got 'lots'");
}

}  // namespace gomo::serve
