#include "sip/sip_uri.h"

#include <doctest/doctest.h>

namespace gomo::sip {

TEST_CASE("sip uri: user, host and port") {
  auto uri = parse_sip_uri("sip:alice@127.0.0.1:5070", "--softphone", true);
  REQUIRE(uri);
  CHECK(uri->user == "alice");
  CHECK(uri->host == "127.0.0.1");
  CHECK(uri->port == 5070);
  CHECK(uri->text() == "sip:alice@127.0.0.1:5070");
  auto v6 = parse_sip_uri("sip:bob@[::1]", "--softphone", true);
  REQUIRE(v6);
  CHECK(v6->host == "::1");
  CHECK(v6->port == 5060);
  CHECK(v6->text() == "sip:bob@[::1]:5060");
  auto proxy = parse_sip_uri("SIP:proxy.example.com", "--sip-proxy", false);
  REQUIRE(proxy);
  CHECK(proxy->user.empty());
}

TEST_CASE("sip uri: errors say what is wrong and the expected form") {
  auto tel = parse_sip_uri("tel:+33612345678", "--softphone", true);
  REQUIRE_FALSE(tel);
  CHECK(tel.error().message() ==
        "--softphone tel:+33612345678: the scheme tel: is not supported (only sip:, over UDP); expected "
        "sip:USER@HOST[:PORT], e.g. sip:alice@127.0.0.1:5070");
  auto no_user = parse_sip_uri("sip:127.0.0.1", "--softphone", true);
  REQUIRE_FALSE(no_user);
  CHECK(no_user.error().message().find("the user part (USER@) is missing") != std::string::npos);
  CHECK_FALSE(parse_sip_uri("sip:a@h:0", "--softphone", true));
  CHECK_FALSE(parse_sip_uri("sip:a@h:70000", "--softphone", true));
  CHECK_FALSE(parse_sip_uri("sip:a@h:", "--softphone", true));
  CHECK_FALSE(parse_sip_uri("sip:a@h;transport=tcp", "--softphone", true));
  CHECK_FALSE(parse_sip_uri("alice@h", "--softphone", true));
}

TEST_CASE("sip uri: host names resolve; the local address reaches loopback from loopback") {
  auto ip = resolve_host("localhost");
  REQUIRE(ip);
  CHECK((*ip == "127.0.0.1" || *ip == "::1"));
  CHECK(*resolve_host("127.0.0.1") == "127.0.0.1");
  CHECK_FALSE(resolve_host("no-such-host.invalid"));
  auto local = local_address_for("127.0.0.1", 5070);
  REQUIRE(local);
  CHECK(*local == "127.0.0.1");
}

TEST_CASE("sip uri: SIP INFO DTMF bodies") {
  CHECK(dtmf_from_info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n") == '5');
  CHECK(dtmf_from_info("Application/DTMF-Relay", "signal = #\r\n") == '#');
  CHECK(dtmf_from_info("application/dtmf-relay", "Signal=10\r\n") == '*');
  CHECK(dtmf_from_info("application/dtmf", "7") == '7');
  CHECK(dtmf_from_info("application/dtmf-relay", "Duration=160") == '\0');
  CHECK(dtmf_from_info("text/plain", "Signal=5") == '\0');
}

}  // namespace gomo::sip
