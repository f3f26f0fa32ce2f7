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

namespace gomo::contacts {

TEST_CASE("normalize_phone: the number's type, the same from the fast reader and from libphonenumber") {
  struct Case {
    const char* input;
    PhoneType type;
  };
  for (const Case& c :
       {Case{"0612345678", PhoneType::kMobile}, Case{"0522123456", PhoneType::kFixedLine},
        Case{"0800123456", PhoneType::kTollFree}, Case{"0890123456", PhoneType::kPremiumRate},
        Case{"0592412345", PhoneType::kVoip}, Case{"+33 8 10 12 34 56", PhoneType::kSharedCost},
        Case{"+1 650 253 0000", PhoneType::kFixedLineOrMobile}, Case{"+44 70 1234 5678", PhoneType::kPersonalNumber},
        Case{"+44 7640 123456", PhoneType::kPager}, Case{"+44 300 123 4567", PhoneType::kUan}}) {
    INFO(c.input);
    const NormalizedPhone fast = normalize_phone(c.input, "MA", PhoneParser::kAuto);
    const NormalizedPhone slow = normalize_phone(c.input, "MA", PhoneParser::kLibphonenumber);
    CHECK(fast.ok());
    CHECK(fast.type == c.type);
    CHECK(slow.type == c.type);
  }
  // Refused numbers have no type.
  CHECK(normalize_phone("+212912345678").type == PhoneType::kUnknown);
  CHECK(normalize_phone("12").type == PhoneType::kUnknown);
  CHECK(std::string(phone_type_name(PhoneType::kFixedLineOrMobile)) == "fixed_line_or_mobile");
  CHECK(std::string(phone_type_name(PhoneType::kUnknown)) == "unknown");
}

TEST_CASE("parse_phone_types and the callable default") {
  CHECK(PhoneTypes::callable().names() == "fixed_line,mobile,fixed_line_or_mobile,voip");
  auto two = parse_phone_types("mobile, toll_free");
  REQUIRE(two);
  CHECK(two->has(PhoneType::kMobile));
  CHECK(two->has(PhoneType::kTollFree));
  CHECK_FALSE(two->has(PhoneType::kFixedLine));
  auto all = parse_phone_types("all");
  REQUIRE(all);
  CHECK(*all == PhoneTypes::all());
  auto bad = parse_phone_types("mobile,landline");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message().find("unknown phone type \"landline\"; expected fixed_line,mobile,") == 0);
  CHECK_FALSE(parse_phone_types("mobile,,voip"));
  CHECK_FALSE(parse_phone_types(""));
}

TEST_CASE("normalize_callable_phone: valid numbers of other types are not_callable") {
  const NormalizedPhone mobile = normalize_callable_phone("0612345678", "MA", PhoneTypes::callable());
  CHECK(mobile.ok());
  CHECK(mobile.e164 == "+212612345678");
  const NormalizedPhone free = normalize_callable_phone("0800123456", "MA", PhoneTypes::callable());
  CHECK(free.reason == PhoneReason::kNotCallable);
  CHECK(std::string(phone_reason_code(free.reason)) == "not_callable");
  CHECK(free.e164.empty());
  CHECK(free.type == PhoneType::kTollFree);
  CHECK(free.message ==
        "\"0800123456\" (+212800123456) is a toll_free number, not one of the phone types allowed "
        "(fixed_line,mobile,fixed_line_or_mobile,voip); pass --allow-types "
        "fixed_line,mobile,fixed_line_or_mobile,toll_free,voip to keep it");
  CHECK(normalize_callable_phone("0800123456", "MA", *parse_phone_types("toll_free")).ok());
  CHECK_FALSE(normalize_callable_phone("0612345678", "MA", *parse_phone_types("toll_free")).ok());
  // Invalid numbers keep their own reason.
  CHECK(normalize_callable_phone("+212912345678", "MA", PhoneTypes::callable()).reason == PhoneReason::kInvalidNumber);
}

}  // namespace gomo::contacts
