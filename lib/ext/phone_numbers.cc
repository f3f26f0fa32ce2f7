// The module's phone number parsing: libphonenumber (module.h). contacts/phone.cc words the results.
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <set>

#include "ext/module_parts.h"

namespace gomo::ext {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneParse refused(int stage, const char* reason, int country_code = 0) {
  PhoneParse out;
  out.stage = stage;
  out.reason = reason;
  out.country_code = country_code;
  return out;
}

}  // namespace

PhoneParse parse_phone(std::string_view input, std::string_view default_region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  switch (util.Parse(std::string(input), std::string(default_region), &number)) {
    case PhoneNumberUtil::NO_PARSING_ERROR: break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return refused(1, "invalid_country_code");
    case PhoneNumberUtil::NOT_A_NUMBER: return refused(1, "not_a_number");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN: return refused(1, "too_short");
    case PhoneNumberUtil::TOO_LONG_NSN: return refused(1, "too_long");
  }
  const int country = number.country_code();
  switch (util.IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::IS_POSSIBLE:
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY: break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE: return refused(2, "invalid_country_code", country);
    case PhoneNumberUtil::TOO_SHORT: return refused(2, "too_short", country);
    case PhoneNumberUtil::TOO_LONG: return refused(2, "too_long", country);
    case PhoneNumberUtil::INVALID_LENGTH: return refused(2, "invalid_length", country);
  }
  if (!util.IsValidNumber(number)) return refused(3, "invalid_number", country);
  PhoneParse out;
  out.country_code = country;
  util.Format(number, PhoneNumberUtil::E164, &out.e164);
  return out;
}

bool is_known_region(std::string_view region) {
  static const std::set<std::string> regions = [] {
    std::set<std::string> r;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&r);
    return r;
  }();
  return regions.count(std::string(region)) > 0;
}

std::string phonenumber_library() { return "libphonenumber"; }

}  // namespace gomo::ext
