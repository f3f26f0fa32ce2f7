// The module's phone number parsing: libphonenumber (module_abi.h). contacts/phone.cc words the results.
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstring>
#include <set>
#include <string>
#include <string_view>

#include "ext/module_parts.h"
#include "ext/phone_fast.h"

namespace gomo::ext::inside {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

void refused(gomo_ext_phone_parse* out, int stage, const char* reason, int country_code = 0) {
  out->stage = stage;
  out->reason = reason;
  out->country_code = country_code;
}

std::string_view view(gomo_ext_str s) { return {s.data, s.size}; }

int type_code(PhoneNumberUtil::PhoneNumberType type) {
  switch (type) {
    case PhoneNumberUtil::FIXED_LINE: return GOMO_EXT_PHONE_TYPE_FIXED_LINE;
    case PhoneNumberUtil::MOBILE: return GOMO_EXT_PHONE_TYPE_MOBILE;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return GOMO_EXT_PHONE_TYPE_FIXED_LINE_OR_MOBILE;
    case PhoneNumberUtil::TOLL_FREE: return GOMO_EXT_PHONE_TYPE_TOLL_FREE;
    case PhoneNumberUtil::PREMIUM_RATE: return GOMO_EXT_PHONE_TYPE_PREMIUM_RATE;
    case PhoneNumberUtil::SHARED_COST: return GOMO_EXT_PHONE_TYPE_SHARED_COST;
    case PhoneNumberUtil::VOIP: return GOMO_EXT_PHONE_TYPE_VOIP;
    case PhoneNumberUtil::PERSONAL_NUMBER: return GOMO_EXT_PHONE_TYPE_PERSONAL_NUMBER;
    case PhoneNumberUtil::PAGER: return GOMO_EXT_PHONE_TYPE_PAGER;
    case PhoneNumberUtil::UAN: return GOMO_EXT_PHONE_TYPE_UAN;
    case PhoneNumberUtil::VOICEMAIL: return GOMO_EXT_PHONE_TYPE_VOICEMAIL;
    case PhoneNumberUtil::UNKNOWN: break;
  }
  return GOMO_EXT_PHONE_TYPE_UNKNOWN;
}

void parse_with_libphonenumber(std::string_view input, std::string_view default_region, gomo_ext_phone_parse* out) {
  *out = gomo_ext_phone_parse{};
  out->reason = "";
  out->type = GOMO_EXT_PHONE_TYPE_UNKNOWN;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  switch (util.Parse(std::string(input), std::string(default_region), &number)) {
    case PhoneNumberUtil::NO_PARSING_ERROR: break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return refused(out, 1, "invalid_country_code");
    case PhoneNumberUtil::NOT_A_NUMBER: return refused(out, 1, "not_a_number");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN: return refused(out, 1, "too_short");
    case PhoneNumberUtil::TOO_LONG_NSN: return refused(out, 1, "too_long");
  }
  const int country = number.country_code();
  switch (util.IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::IS_POSSIBLE:
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY: break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE: return refused(out, 2, "invalid_country_code", country);
    case PhoneNumberUtil::TOO_SHORT: return refused(out, 2, "too_short", country);
    case PhoneNumberUtil::TOO_LONG: return refused(out, 2, "too_long", country);
    case PhoneNumberUtil::INVALID_LENGTH: return refused(out, 2, "invalid_length", country);
  }
  if (!util.IsValidNumber(number)) return refused(out, 3, "invalid_number", country);
  out->country_code = country;
  out->type = type_code(util.GetNumberType(number));
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  // E.164 has at most 15 digits after the +: the buffer always holds it.
  std::strncpy(out->e164, e164.c_str(), sizeof out->e164 - 1);
}

void parse_phone(gomo_ext_str input, gomo_ext_str default_region, int reader, gomo_ext_phone_parse* out) {
  if (reader != GOMO_EXT_PHONE_LIBPHONENUMBER && parse_phone_fast(view(input), view(default_region), out)) return;
  if (reader == GOMO_EXT_PHONE_FAST_ONLY) {
    *out = gomo_ext_phone_parse{};
    out->stage = -1;
    out->reason = "";
    out->type = GOMO_EXT_PHONE_TYPE_UNKNOWN;
    return;
  }
  parse_with_libphonenumber(view(input), view(default_region), out);
}

void parse_phones(const gomo_ext_str* inputs, size_t count, gomo_ext_str default_region, int reader,
                  gomo_ext_phone_parse* outs) {
  for (size_t i = 0; i < count; ++i) parse_phone(inputs[i], default_region, reader, &outs[i]);
}

int is_known_region(gomo_ext_str region) {
  static const std::set<std::string, std::less<>> regions = [] {
    std::set<std::string, std::less<>> r;
    std::set<std::string> supported;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&supported);
    r.insert(supported.begin(), supported.end());
    return r;
  }();
  return regions.count(view(region)) > 0;
}

}  // namespace

void add_phone_numbers(gomo_ext_abi& abi) {
  abi.parse_phone = parse_phone;
  abi.parse_phones = parse_phones;
  abi.is_known_region = is_known_region;
}

// Debian's headers carry no version macro, nor a pkg-config file: CMake takes it from the package
// (GOMO_PHONENUMBER_VERSION, lib/ext/CMakeLists.txt).
std::string phonenumber_library() { return std::string("libphonenumber ") + GOMO_PHONENUMBER_VERSION; }

}  // namespace gomo::ext::inside
