#include "ext/load.h"

#include <doctest/doctest.h>

#include <string>

#include "ext/module.h"

namespace gomo::ext {
namespace {

TEST_CASE("ext: the network module loads once and answers through its C table") {
  auto first = module();
  REQUIRE_MESSAGE(first.has_value(), first.error().message());
  auto second = module();
  REQUIRE(second.has_value());
  CHECK(*first == *second);
  CHECK((*first)->libraries().find("libcurl ") == 0);
  auto versions = (*first)->library_versions();
  REQUIRE(versions.size() == 5);
  CHECK(versions[1].find("cpp-httplib 0.") == 0);
  CHECK(versions[2].find("libphonenumber 8.") == 0);
  CHECK(versions[3].find("RE2 ") == 0);
  CHECK(versions[4].find("date-tz 3.") == 0);
  // Text crosses the boundary both ways.
  auto phone = (*first)->parse_phone("0612345678", "MA");
  CHECK(phone.stage == 0);
  CHECK(phone.e164 == "+212612345678");
  CHECK(phone.fast);  // the common shapes go through the fast reader
  auto slow = (*first)->parse_phone("0612345678", "MA", PhoneReader::kLibphonenumber);
  CHECK(slow.e164 == "+212612345678");
  CHECK_FALSE(slow.fast);
  // The batch call: one crossing for many numbers, the same answers.
  std::vector<PhoneParse> batch;
  (*first)->parse_phones({"0612345678", "12", "+33 6 12 34 56 78"}, "MA", batch);
  REQUIRE(batch.size() == 3);
  CHECK(batch[0].e164 == "+212612345678");
  CHECK(batch[1].stage == (*first)->parse_phone("12", "MA").stage);
  CHECK(batch[2].e164 == "+33612345678");
  auto refused = (*first)->parse_phone("12", "MA");
  CHECK(refused.stage != 0);
  CHECK_FALSE(refused.reason.empty());
  CHECK((*first)->is_known_region("MA"));
  CHECK_FALSE((*first)->is_known_region("XX"));
}

}  // namespace
}  // namespace gomo::ext
