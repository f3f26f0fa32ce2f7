// E.164 normalisation (contacts/phone.h): libphonenumber, in the extension module (ext/module.h),
// parses; this file words the outcome.
#include "contacts/phone.h"

#include "ext/load.h"
#include "ext/module.h"

namespace gomo::contacts {

namespace {

NormalizedPhone refused(PhoneReason reason, std::string message) {
  NormalizedPhone out;
  out.reason = reason;
  out.message = std::move(message);
  return out;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

const char* phone_reason_code(PhoneReason reason) {
  switch (reason) {
    case PhoneReason::kOk: return "";
    case PhoneReason::kNotANumber: return "not_a_number";
    case PhoneReason::kInvalidCountryCode: return "invalid_country_code";
    case PhoneReason::kTooShort: return "too_short";
    case PhoneReason::kTooLong: return "too_long";
    case PhoneReason::kInvalidNumber: return "invalid_number";
  }
  return "invalid_number";
}

namespace {

// libphonenumber's verdict (ext::PhoneParse), in words.
NormalizedPhone worded(const ext::PhoneParse& p, std::string_view input, std::string_view default_region) {
  if (p.stage == 0) {
    NormalizedPhone out;
    out.e164 = p.e164;
    return out;
  }
  const std::string country = "+" + std::to_string(p.country_code);
  if (p.stage == 1) {
    if (p.reason == "invalid_country_code") {
      if (input.find('+') != std::string_view::npos) {
        return refused(PhoneReason::kInvalidCountryCode, quoted(input) + " has no known country code");
      }
      return refused(PhoneReason::kInvalidCountryCode,
                     quoted(input) + " has no country code and " + quoted(default_region) +
                         " is no known region (write it as +<country code><number>, or pass --region)");
    }
    if (p.reason == "not_a_number") return refused(PhoneReason::kNotANumber, quoted(input) + " is not a phone number");
    if (p.reason == "too_short")
      return refused(PhoneReason::kTooShort, quoted(input) + " is too short to be a phone number");
    return refused(PhoneReason::kTooLong, quoted(input) + " is too long to be a phone number");
  }
  if (p.stage == 2) {
    if (p.reason == "invalid_country_code")
      return refused(PhoneReason::kInvalidCountryCode, quoted(input) + ": " + country + " is not a country code");
    if (p.reason == "too_short")
      return refused(PhoneReason::kTooShort, quoted(input) + " is too short for a " + country + " number");
    if (p.reason == "too_long")
      return refused(PhoneReason::kTooLong, quoted(input) + " is too long for a " + country + " number");
    return refused(PhoneReason::kInvalidNumber, quoted(input) + " has no valid length for a " + country + " number");
  }
  return refused(PhoneReason::kInvalidNumber, quoted(input) + " is not a valid " + country + " number");
}

}  // namespace

NormalizedPhone normalize_phone(std::string_view input, std::string_view default_region) {
  return normalize_phone(input, default_region, PhoneParser::kAuto);
}

NormalizedPhone normalize_phone(std::string_view input, std::string_view default_region, PhoneParser parser) {
  auto module = ext::module();
  if (!module) return refused(PhoneReason::kInvalidNumber, module.error().message());
  const auto reader = parser == PhoneParser::kAuto ? ext::PhoneReader::kAuto : ext::PhoneReader::kLibphonenumber;
  return worded((*module)->parse_phone(input, default_region, reader), input, default_region);
}

void normalize_phones(const std::vector<std::string_view>& inputs, std::string_view default_region,
                      std::vector<NormalizedPhone>& out) {
  out.resize(inputs.size());
  auto module = ext::module();
  if (!module) {
    for (NormalizedPhone& p : out) p = refused(PhoneReason::kInvalidNumber, module.error().message());
    return;
  }
  std::vector<ext::PhoneParse> parsed;
  (*module)->parse_phones(inputs, default_region, parsed);
  for (size_t i = 0; i < inputs.size(); ++i) out[i] = worded(parsed[i], inputs[i], default_region);
}

bool is_known_region(std::string_view region) {
  auto module = ext::module();
  return module && (*module)->is_known_region(region);
}

bool looks_like_phone(std::string_view arg) {
  if (arg.empty()) return false;
  if (arg[0] == '+') return true;
  int digits = 0;
  for (char c : arg) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 3;
}

}  // namespace gomo::contacts
