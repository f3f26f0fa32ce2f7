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
    case PhoneReason::kNotCallable: return "not_callable";
  }
  return "invalid_number";
}

const char* phone_type_name(PhoneType type) {
  switch (type) {
    case PhoneType::kFixedLine: return "fixed_line";
    case PhoneType::kMobile: return "mobile";
    case PhoneType::kFixedLineOrMobile: return "fixed_line_or_mobile";
    case PhoneType::kTollFree: return "toll_free";
    case PhoneType::kPremiumRate: return "premium_rate";
    case PhoneType::kSharedCost: return "shared_cost";
    case PhoneType::kVoip: return "voip";
    case PhoneType::kPersonalNumber: return "personal_number";
    case PhoneType::kPager: return "pager";
    case PhoneType::kUan: return "uan";
    case PhoneType::kVoicemail: return "voicemail";
    case PhoneType::kUnknown: break;
  }
  return "unknown";
}

PhoneTypes PhoneTypes::all() {
  PhoneTypes out;
  for (int t = 0; t < ext::kPhoneTypeCount; ++t) out.add(static_cast<PhoneType>(t));
  return out;
}

PhoneTypes PhoneTypes::callable() {
  return PhoneTypes()
      .add(PhoneType::kMobile)
      .add(PhoneType::kFixedLine)
      .add(PhoneType::kFixedLineOrMobile)
      .add(PhoneType::kVoip);
}

std::string PhoneTypes::names() const {
  std::string out;
  for (int t = 0; t < ext::kPhoneTypeCount; ++t) {
    if (!has(static_cast<PhoneType>(t))) continue;
    if (!out.empty()) out += ',';
    out += phone_type_name(static_cast<PhoneType>(t));
  }
  return out;
}

Result<PhoneTypes> parse_phone_types(std::string_view list) {
  const std::string known = PhoneTypes::all().names() + " or all";
  PhoneTypes out;
  size_t start = 0;
  while (true) {
    const size_t comma = list.find(',', start);
    std::string_view name =
        list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) {
      return Status::invalid_argument("\"" + std::string(list) + "\" has an empty phone type; expected names from " +
                                      known + ", separated by commas");
    }
    if (name == "all") {
      out = PhoneTypes::all();
    } else {
      bool found = false;
      for (int t = 0; t < ext::kPhoneTypeCount && !found; ++t) {
        if (name == phone_type_name(static_cast<PhoneType>(t))) {
          out.add(static_cast<PhoneType>(t));
          found = true;
        }
      }
      if (!found) {
        return Status::invalid_argument("unknown phone type \"" + std::string(name) + "\"; expected " + known);
      }
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

namespace {

// libphonenumber's verdict (ext::PhoneParse), in words.
NormalizedPhone worded(const ext::PhoneParse& p, std::string_view input, std::string_view default_region) {
  if (p.stage == 0) {
    NormalizedPhone out;
    out.e164 = p.e164;
    out.type = p.type;
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

void refuse_uncallable(NormalizedPhone& phone, std::string_view input, PhoneTypes allowed) {
  if (!phone.ok() || allowed.has(phone.type)) return;
  const std::string type = phone_type_name(phone.type);
  phone.reason = PhoneReason::kNotCallable;
  PhoneTypes with = allowed;
  with.add(phone.type);
  phone.message = quoted(input) + " (" + phone.e164 + ") is a " + type +
                  " number, not one of the phone types allowed (" + allowed.names() + "); pass --allow-types " +
                  with.names() + " to keep it";
  phone.e164.clear();
}

NormalizedPhone normalize_callable_phone(std::string_view input, std::string_view default_region, PhoneTypes allowed) {
  NormalizedPhone phone = normalize_phone(input, default_region);
  refuse_uncallable(phone, input, allowed);
  return phone;
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
