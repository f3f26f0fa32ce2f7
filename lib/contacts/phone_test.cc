#include "contacts/phone.h"

#include <doctest/doctest.h>

namespace gomo::contacts {

TEST_CASE("normalize_phone: E.164 from international and national forms") {
  for (const char* input : {"+212612345678", "+212 6 12-34-56-78", "0612345678", "06 12 34 56 78",
                            "00212 6 12 34 56 78", "(06) 12.34.56.78"}) {
    auto p = normalize_phone(input, "MA");
    CHECK_MESSAGE(p.ok(), input);
    CHECK(p.e164 == "+212612345678");
    CHECK(p.message.empty());
  }
  CHECK(normalize_phone("+212 5 22 12 34 56").e164 == "+212522123456");  // fixed line; MA by default
  // The region applies only to numbers without +.
  CHECK(normalize_phone("0612345678", "FR").e164 == "+33612345678");
  CHECK(normalize_phone("+212612345678", "FR").e164 == "+212612345678");
}

TEST_CASE("normalize_phone: reasons are the stable reject codes") {
  struct Case {
    const char* input;
    const char* region;
    PhoneReason reason;
    const char* code;
  };
  for (const Case& c :
       {Case{"abc", "MA", PhoneReason::kNotANumber, "not_a_number"},
        Case{"", "MA", PhoneReason::kNotANumber, "not_a_number"},
        Case{"1", "MA", PhoneReason::kNotANumber, "not_a_number"},
        Case{"12", "MA", PhoneReason::kTooShort, "too_short"}, Case{"+2126", "MA", PhoneReason::kTooShort, "too_short"},
        Case{"+21261234567890123", "MA", PhoneReason::kTooLong, "too_long"},
        Case{"06123456789", "MA", PhoneReason::kTooLong, "too_long"},
        Case{"+999123456789", "MA", PhoneReason::kInvalidCountryCode, "invalid_country_code"},
        Case{"612345678", "ZZ", PhoneReason::kInvalidCountryCode, "invalid_country_code"},
        Case{"+212912345678", "MA", PhoneReason::kInvalidNumber, "invalid_number"}}) {
    auto p = normalize_phone(c.input, c.region);
    CHECK_MESSAGE(p.reason == c.reason, c.input);
    CHECK(std::string(phone_reason_code(p.reason)) == c.code);
    CHECK(p.e164.empty());
    CHECK(p.message.find(std::string("\"") + c.input + "\"") == 0);
  }
  CHECK(normalize_phone("612345678", "ZZ").message.find("--region") != std::string::npos);
  CHECK(std::string(phone_reason_code(PhoneReason::kOk)).empty());
}

TEST_CASE("is_known_region and looks_like_phone") {
  CHECK(is_known_region("MA"));
  CHECK(is_known_region("FR"));
  CHECK_FALSE(is_known_region("ma"));
  CHECK_FALSE(is_known_region("XX"));

  for (const char* phone : {"+212612345678", "+", "0612345678", "06 12 34 56 78", "(06) 12-34", "123"}) {
    CHECK_MESSAGE(looks_like_phone(phone), phone);
  }
  for (const char* other : {"", "12", "VIP customers", "3f2b1c4e-0000-4000-8000-000000000000", "abc123", "c_1"}) {
    CHECK_FALSE_MESSAGE(looks_like_phone(other), other);
  }
}

}  // namespace gomo::contacts
