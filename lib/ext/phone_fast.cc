// The fast phone reader (phone_fast.h). Each step names the libphonenumber 8.12 function whose answer
// it reproduces; where the answer would need more than the metadata's plain data and patterns, it
// declines and libphonenumber decides.
#include "ext/phone_fast.h"

#include "ext/module_parts.h"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <list>
#include <memory>
#include <string>
#include <vector>

// Exported by libphonenumber (its metadata.h is not installed by Debian).
namespace i18n::phonenumbers {
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace gomo::ext::inside {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMinLengthForNsn = 2;   // PhoneNumberUtil::kMinLengthForNsn
constexpr size_t kMaxLengthForNsn = 17;  // PhoneNumberUtil::kMaxLengthForNsn
constexpr size_t kMaxInputLength = 250;  // libphonenumber's kMaxInputStringLength
constexpr size_t kMaxDigits = 40;        // longer: declined (libphonenumber says too_long its own way)

// TestNumberLength's answers (PhoneNumberUtil::ValidationResult).
enum class Length { kPossible, kLocalOnly, kTooShort, kTooLong, kInvalid };

std::unique_ptr<RE2> compile(const std::string& pattern) {
  if (pattern.empty()) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) return nullptr;
  return re;
}

// One region of the metadata: plain data, read once at load and shared by every thread.
struct Region {
  size_t index = 0;  // in Metadata::regions
  std::string id;
  int country_code = 0;
  std::string code_text;  // "212"
  // national_prefix_for_parsing when it is a plain digit string and there is no transform rule.
  std::string national_prefix;
  bool prefix_modelled = true;
  std::vector<int> lengths;             // general_desc possible_length, ascending
  std::vector<int> local_only_lengths;  // general_desc possible_length_local_only
  PhoneMetadata proto;                  // the patterns, compiled by each thread that needs them
};

// One number type's description (PhoneNumberDesc), compiled: IsNumberMatchingDesc's test.
struct TypeDesc {
  int type = GOMO_EXT_PHONE_TYPE_UNKNOWN;
  std::unique_ptr<RE2> pattern;  // null when empty: RegexBasedMatcher matches nothing then
  std::vector<int> lengths;      // possible_length; empty: any length
  // Every string the pattern matches lies in [min, max] (RE2's PossibleMatchRange): most numbers of
  // other types fail this without running RE2.
  std::string min, max;
  bool range = false;
};

// A region's patterns compiled with RE2. Each thread compiles its own on first use (patterns()): RE2
// objects are thread-safe, but every match takes a reader lock on the object's DFA cache, and two
// threads sharing them spent their time passing that lock's cache line back and forth.
struct Compiled {
  explicit Compiled(const Region& region);
  const Region& data;
  bool ok = true;  // every pattern compiled
  std::unique_ptr<RE2> general, idd, leading_digits;
  std::string idd_literal;  // the IDD when it is a plain digit string ("00"): compared, not matched
  // Every string the general pattern matches lies in [general_min, general_max] (RE2's
  // PossibleMatchRange): most national numbers with their prefix fail this without running RE2.
  std::string general_min, general_max;
  bool general_range = false;
  // GetNumberTypeHelper's descriptions in its order: premium rate, toll free, shared cost, VoIP,
  // personal number, pager, UAN, voicemail (those that can match anything), then fixed line and mobile.
  std::vector<TypeDesc> special;
  TypeDesc fixed_line, mobile;
  bool same_mobile_and_fixed_line = false;
};

Compiled::Compiled(const Region& region) : data(region) {
  const PhoneMetadata& proto = region.proto;
  auto need = [&](const std::string& pattern, std::unique_ptr<RE2>& slot) {
    slot = compile(pattern);
    if (!pattern.empty() && !slot) ok = false;
  };
  need(proto.general_desc().national_number_pattern(), general);
  if (general) general_range = general->PossibleMatchRange(&general_min, &general_max, 4);
  need(proto.international_prefix(), idd);
  const std::string& idd_text = proto.international_prefix();
  if (!idd_text.empty() && idd_text.find_first_not_of("0123456789") == std::string::npos) idd_literal = idd_text;
  need(proto.leading_digits(), leading_digits);
  auto describe = [&](const PhoneNumberDesc& desc, int type) {
    TypeDesc out;
    out.type = type;
    need(desc.national_number_pattern(), out.pattern);
    out.lengths.assign(desc.possible_length().begin(), desc.possible_length().end());
    if (out.pattern) out.range = out.pattern->PossibleMatchRange(&out.min, &out.max, 4);
    return out;
  };
  const std::pair<const PhoneNumberDesc*, int> specials[] = {
      {&proto.premium_rate(), GOMO_EXT_PHONE_TYPE_PREMIUM_RATE},
      {&proto.toll_free(), GOMO_EXT_PHONE_TYPE_TOLL_FREE},
      {&proto.shared_cost(), GOMO_EXT_PHONE_TYPE_SHARED_COST},
      {&proto.voip(), GOMO_EXT_PHONE_TYPE_VOIP},
      {&proto.personal_number(), GOMO_EXT_PHONE_TYPE_PERSONAL_NUMBER},
      {&proto.pager(), GOMO_EXT_PHONE_TYPE_PAGER},
      {&proto.uan(), GOMO_EXT_PHONE_TYPE_UAN},
      {&proto.voicemail(), GOMO_EXT_PHONE_TYPE_VOICEMAIL}};
  for (const auto& [desc, type] : specials) {
    TypeDesc d = describe(*desc, type);
    // No pattern, or only the length -1 (the type does not exist here): it never matches.
    const bool never = !d.pattern || (d.lengths.size() == 1 && d.lengths[0] == -1);
    if (!never) special.push_back(std::move(d));
  }
  fixed_line = describe(proto.fixed_line(), GOMO_EXT_PHONE_TYPE_FIXED_LINE);
  mobile = describe(proto.mobile(), GOMO_EXT_PHONE_TYPE_MOBILE);
  same_mobile_and_fixed_line = proto.same_mobile_and_fixed_line_pattern();
}

// PhoneNumberUtil::TestNumberLength for the general description (type UNKNOWN).
Length test_length(size_t length, const Region& region) {
  const std::vector<int>& lengths = region.lengths;
  if (lengths.empty() || lengths.front() == -1) return Length::kInvalid;
  const int actual = static_cast<int>(length);
  for (int local : region.local_only_lengths)
    if (local == actual) return Length::kLocalOnly;
  if (lengths.front() == actual) return Length::kPossible;
  if (lengths.front() > actual) return Length::kTooShort;
  if (lengths.back() < actual) return Length::kTooLong;
  return std::find(lengths.begin() + 1, lengths.end(), actual) != lengths.end() ? Length::kPossible : Length::kInvalid;
}

bool full_match(const RE2* re, std::string_view s) { return re && RE2::FullMatch(s, *re); }

// MatchNationalNumber(number, general_desc): the general pattern full-matches.
bool general_match(const Compiled& region, std::string_view nsn) {
  if (region.general_range && (nsn < region.general_min || nsn > region.general_max)) return false;
  return full_match(region.general.get(), nsn);
}

// IsNumberMatchingDesc(nsn, desc).
bool matches(const TypeDesc& desc, std::string_view nsn) {
  if (!desc.pattern) return false;
  if (!desc.lengths.empty() &&
      std::find(desc.lengths.begin(), desc.lengths.end(), static_cast<int>(nsn.size())) == desc.lengths.end())
    return false;
  if (desc.range && (nsn < desc.min || nsn > desc.max)) return false;
  return RE2::FullMatch(nsn, *desc.pattern);
}

// GetNumberTypeHelper(nsn, metadata): GOMO_EXT_PHONE_TYPE_*, UNKNOWN when no type matches (the
// number is then not valid for the region). `general_known`: 1 when the caller already knows the
// general pattern matches, 0 when it knows it does not, -1 unknown.
int number_type(std::string_view nsn, const Compiled& region, int general_known = -1) {
  if (nsn.size() > kMaxLengthForNsn || general_known == 0) return GOMO_EXT_PHONE_TYPE_UNKNOWN;
  const std::vector<int>& lengths = region.data.lengths;
  if (std::find(lengths.begin(), lengths.end(), static_cast<int>(nsn.size())) == lengths.end())
    return GOMO_EXT_PHONE_TYPE_UNKNOWN;
  if (general_known != 1 && !general_match(region, nsn)) return GOMO_EXT_PHONE_TYPE_UNKNOWN;
  for (const TypeDesc& desc : region.special) {
    if (matches(desc, nsn)) return desc.type;
  }
  if (matches(region.fixed_line, nsn)) {
    return region.same_mobile_and_fixed_line || matches(region.mobile, nsn) ? GOMO_EXT_PHONE_TYPE_FIXED_LINE_OR_MOBILE
                                                                            : GOMO_EXT_PHONE_TYPE_FIXED_LINE;
  }
  if (!region.same_mobile_and_fixed_line && matches(region.mobile, nsn)) return GOMO_EXT_PHONE_TYPE_MOBILE;
  return GOMO_EXT_PHONE_TYPE_UNKNOWN;
}

struct Metadata {
  std::vector<std::unique_ptr<Region>> regions;
  std::array<Region*, 26 * 26> by_id{};              // "MA" -> region
  std::array<std::vector<Region*>, 1000> by_code{};  // libphonenumber's order: the main region first
  std::array<bool, 1000> code_known{};               // a region or a non-geographic entity has it
  bool loaded = false;                               // false: the metadata did not parse; decline all

  // by_id's slot of a region id, or -1 when it is not two capital letters ("001", "ma").
  static int slot(std::string_view id) {
    if (id.size() != 2 || id[0] < 'A' || id[0] > 'Z' || id[1] < 'A' || id[1] > 'Z') return -1;
    return (id[0] - 'A') * 26 + (id[1] - 'A');
  }
  Region* region(std::string_view id) const {
    const int i = slot(id);
    return i < 0 ? nullptr : by_id[i];
  }
};

const Metadata* load_metadata() {
  auto* out = new Metadata;  // lives until exit, like libphonenumber's own
  i18n::phonenumbers::PhoneMetadataCollection collection;
  if (!collection.ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size()))
    return out;  // not loaded: every number declined
  for (const PhoneMetadata& m : collection.metadata()) {
    auto r = std::make_unique<Region>();
    r->index = out->regions.size();
    r->id = m.id();
    r->country_code = m.country_code();
    r->code_text = std::to_string(r->country_code);
    if (r->country_code > 0 && r->country_code < 1000) out->code_known[r->country_code] = true;
    if (Metadata::slot(r->id) < 0) continue;  // "001": non-geographic numbers are declined
    const std::string& prefix = m.national_prefix_for_parsing();
    r->prefix_modelled =
        m.national_prefix_transform_rule().empty() && prefix.find_first_not_of("0123456789") == std::string::npos;
    r->national_prefix = prefix;
    r->lengths.assign(m.general_desc().possible_length().begin(), m.general_desc().possible_length().end());
    std::sort(r->lengths.begin(), r->lengths.end());
    r->local_only_lengths.assign(m.general_desc().possible_length_local_only().begin(),
                                 m.general_desc().possible_length_local_only().end());
    r->proto = m;
    out->by_id[Metadata::slot(r->id)] = r.get();
    out->regions.push_back(std::move(r));
  }
  out->loaded = true;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  for (int code = 1; code < 1000; ++code) {
    if (!out->code_known[code]) continue;
    std::list<std::string> ids;
    util.GetRegionCodesForCountryCallingCode(code, &ids);
    for (const std::string& id : ids) {
      Region* r = out->region(id);
      if (!r) {  // a non-geographic entity: nothing of this code is modelled
        out->by_code[code].clear();
        break;
      }
      out->by_code[code].push_back(r);
    }
  }
  return out;
}

const Metadata& metadata() {
  static const Metadata* m = load_metadata();
  return *m;
}

// This thread's compiled patterns of `region`, compiled on first use. No locks: each thread has its own.
const Compiled& patterns(const Region& region) {
  thread_local std::vector<std::unique_ptr<Compiled>> mine;
  if (mine.size() <= region.index) mine.resize(metadata().regions.size());
  std::unique_ptr<Compiled>& slot = mine[region.index];
  if (!slot) slot = std::make_unique<Compiled>(region);
  return *slot;
}

void refuse(gomo_ext_phone_parse* out, int stage, const char* reason, int country_code = 0) {
  *out = gomo_ext_phone_parse{};
  out->type = GOMO_EXT_PHONE_TYPE_UNKNOWN;
  out->stage = stage;
  out->reason = reason;
  out->country_code = country_code;
  out->fast = 1;
}

// The digits of an input in ASCII, when it holds only digits (ASCII, Arabic-Indic U+0660-0669, Extended
// U+06F0-06F9), separators (space . - ( ) and U+00A0, all of them kValidPunctuation, which Normalize
// drops) and one leading '+'.
struct Scanned {
  char digits[kMaxDigits];
  size_t count = 0;
  bool plus = false;
  bool separated = false;  // a separator or the '+' lies between the first and the last digit
};

enum class Scan { kRead, kDecline, kNoDigits };

// kNoDigits: ASCII text with neither a digit nor a '+' ("n/a", "-"), which ExtractPossibleNumber
// reduces to nothing whatever else it holds: not a number.
Scan scan(std::string_view input, Scanned& s) {
  if (input.size() > kMaxInputLength) return Scan::kDecline;
  bool other_ascii = false;
  bool started = false;  // ExtractPossibleNumber starts at the first '+' or digit
  bool pending_separator = false;
  const size_t n = input.size();
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(input[i]);
    char digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<char>(c);
    } else if (c == 0xD9 && i + 1 < n && static_cast<unsigned char>(input[i + 1]) >= 0xA0 &&
               static_cast<unsigned char>(input[i + 1]) <= 0xA9) {
      digit = static_cast<char>('0' + (static_cast<unsigned char>(input[++i]) - 0xA0));
    } else if (c == 0xDB && i + 1 < n && static_cast<unsigned char>(input[i + 1]) >= 0xB0 &&
               static_cast<unsigned char>(input[i + 1]) <= 0xB9) {
      digit = static_cast<char>('0' + (static_cast<unsigned char>(input[++i]) - 0xB0));
    } else if (c == '+') {
      if (started) return Scan::kDecline;  // a '+' after the start: libphonenumber's business
      started = true;
      s.plus = true;
      pending_separator = true;
      continue;
    } else if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')') {
      if (started) pending_separator = true;
      continue;
    } else if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(input[i + 1]) == 0xA0) {
      ++i;
      if (started) pending_separator = true;
      continue;
    } else if (c < 0x80) {
      other_ascii = true;
      continue;
    } else {
      return Scan::kDecline;  // maybe a digit of another script, a full-width '+', a letter
    }
    if (s.count == kMaxDigits) return Scan::kDecline;
    if (pending_separator && started) s.separated = true;
    pending_separator = false;
    started = true;
    s.digits[s.count++] = digit;
  }
  if (!other_ascii) return Scan::kRead;
  return s.count == 0 && !s.plus ? Scan::kNoDigits : Scan::kDecline;
}

// ExtractCountryCode: the 1-3 leading digits that are a known calling code, or 0.
int extract_country_code(std::string_view& digits, const Metadata& m) {
  if (digits.empty() || digits[0] == '0') return 0;
  int code = 0;
  for (size_t i = 0; i < 3 && i < digits.size(); ++i) {
    code = code * 10 + (digits[i] - '0');
    if (m.code_known[code]) {
      digits.remove_prefix(i + 1);
      return code;
    }
  }
  return 0;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// An anchored match of `re` at the start of `s`: its length, or -1 (RegExp::Consume).
int consume_length(const RE2* re, std::string_view s) {
  if (!re) return -1;
  re2::StringPiece piece(s.data(), s.size());
  if (!RE2::Consume(&piece, *re)) return -1;
  return static_cast<int>(s.size() - piece.size());
}

}  // namespace

bool parse_phone_fast(std::string_view input, std::string_view default_region, gomo_ext_phone_parse* out) {
  Scanned s;
  const Scan scanned = scan(input, s);
  if (scanned == Scan::kDecline) return false;
  if (scanned == Scan::kNoDigits) {
    refuse(out, 1, "not_a_number");
    return true;
  }
  // IsViablePhoneNumber: two bare digits, or three digits with anything of this alphabet around them.
  if (s.count < 2 || (s.count == 2 && (s.plus || s.separated))) {
    refuse(out, 1, "not_a_number");
    return true;
  }
  if (s.count == 2) return false;

  const Metadata& m = metadata();
  if (!m.loaded) return false;
  Region* home = m.region(default_region);
  if (!s.plus && !home) {  // CheckRegionForParsing
    refuse(out, 1, "invalid_country_code");
    return true;
  }
  std::string_view digits(s.digits, s.count);
  int code = 0;
  Region* parse_region = home;  // whose national prefix is stripped
  bool international = s.plus;
  if (!s.plus) {
    // MaybeStripInternationalPrefixAndNormalize: the default region's IDD, unless a 0 follows it.
    const Compiled& h = patterns(*home);
    if (!h.ok) return false;
    const int idd = !h.idd_literal.empty() ? (starts_with(digits, h.idd_literal) ? int(h.idd_literal.size()) : -1)
                                           : consume_length(h.idd.get(), digits);
    if (idd >= 0) {
      if (static_cast<size_t>(idd) < digits.size() && digits[idd] == '0') return false;
      digits.remove_prefix(idd);
      international = true;
    }
  }
  if (international) {
    if (digits.size() <= kMinLengthForNsn) {  // TOO_SHORT_AFTER_IDD
      refuse(out, 1, "too_short");
      return true;
    }
    std::string_view rest = digits;
    code = extract_country_code(rest, m);
    if (code == 0) {
      // After a '+', libphonenumber tries again as if there were none: the default region's IDD may
      // then start the number (declined). Its code cannot: ExtractCountryCode would have found it.
      if (s.plus && home) {
        const Compiled& h = patterns(*home);
        if (!h.ok || consume_length(h.idd.get(), digits) >= 0) return false;
      }
      refuse(out, 1, "invalid_country_code");
      return true;
    }
    digits = rest;
    if (m.by_code[code].empty()) return false;  // non-geographic
    parse_region = m.by_code[code].front();
  } else {
    code = home->country_code;
    // MaybeExtractCountryCode: digits that start with the default region's code ("212612345678" in MA)
    // lose it when that makes a number of the region's pattern, or when they are too long with it.
    if (starts_with(digits, home->code_text)) {
      const Compiled& h = patterns(*home);
      if (!h.ok || !home->prefix_modelled) return false;
      std::string_view potential = digits.substr(home->code_text.size());
      // MaybeStripNationalPrefixAndCarrierCode, without ParseHelper's length test.
      const std::string& prefix = home->national_prefix;
      if (!prefix.empty() && !potential.empty() && starts_with(potential, prefix)) {
        const std::string_view stripped = potential.substr(prefix.size());
        if (!general_match(h, potential) || general_match(h, stripped)) potential = stripped;
      }
      if ((!general_match(h, digits) && general_match(h, potential)) ||
          test_length(digits.size(), *home) == Length::kTooLong) {
        digits = potential;
        parse_region = m.by_code[code].front();  // the code's main region (US for a CA default)
      }
    }
  }
  if (digits.size() < kMinLengthForNsn) {
    refuse(out, 1, "too_short");
    return true;
  }
  const Compiled& region = patterns(*parse_region);
  if (!region.ok || !parse_region->prefix_modelled) return false;

  // MaybeStripNationalPrefixAndCarrierCode, then ParseHelper's length test of what is left.
  std::string_view nsn = digits;
  int nsn_general = -1;  // whether the general pattern matches nsn: 1 yes, 0 no, -1 not known yet
  const std::string& prefix = parse_region->national_prefix;
  if (!prefix.empty() && starts_with(nsn, prefix)) {
    const std::string_view stripped = nsn.substr(prefix.size());
    const bool viable_original = general_match(region, nsn);
    const int stripped_general = viable_original ? general_match(region, stripped) : -1;
    if (!viable_original || stripped_general == 1) {
      const Length l = test_length(stripped.size(), *parse_region);
      if (l != Length::kTooShort && l != Length::kLocalOnly && l != Length::kInvalid) {
        nsn = stripped;
        nsn_general = stripped_general;
      }
    } else {
      nsn_general = 1;  // the original stays, and it matched
    }
  }
  if (nsn.size() < kMinLengthForNsn) {
    refuse(out, 1, "too_short");
    return true;
  }
  if (nsn.size() > kMaxLengthForNsn) {
    refuse(out, 1, "too_long");
    return true;
  }

  // IsPossibleNumberWithReason: the lengths of the code's main region.
  const std::vector<Region*>& regions = m.by_code[code];
  switch (test_length(nsn.size(), *regions.front())) {
    case Length::kPossible:
    case Length::kLocalOnly: break;
    case Length::kTooShort: refuse(out, 2, "too_short", code); return true;
    case Length::kTooLong: refuse(out, 2, "too_long", code); return true;
    case Length::kInvalid: refuse(out, 2, "invalid_length", code); return true;
  }

  // IsValidNumber: GetRegionCodeForNumber, then IsValidNumberForRegion.
  const Compiled* chosen = nullptr;
  // nsn_general was computed with the parse region's pattern: it holds for the chosen one only then.
  if (regions.size() == 1) {
    chosen = &patterns(*regions.front());
    if (!chosen->ok) return false;
  } else {
    for (Region* candidate : regions) {
      const Compiled& r = patterns(*candidate);
      if (!r.ok) return false;
      if (candidate->proto.has_leading_digits()) {
        if (consume_length(r.leading_digits.get(), nsn) >= 0) {
          chosen = &r;
          break;
        }
      } else if (number_type(nsn, r) != GOMO_EXT_PHONE_TYPE_UNKNOWN) {
        chosen = &r;
        break;
      }
    }
  }
  // IsValidNumber and GetNumberType ask GetNumberTypeHelper the same question.
  const int type =
      chosen ? number_type(nsn, *chosen, chosen == &region ? nsn_general : -1) : GOMO_EXT_PHONE_TYPE_UNKNOWN;
  if (type == GOMO_EXT_PHONE_TYPE_UNKNOWN) {
    refuse(out, 3, "invalid_number", code);
    return true;
  }
  *out = gomo_ext_phone_parse{};
  out->reason = "";
  out->type = type;
  out->country_code = code;
  out->fast = 1;
  char* p = out->e164;
  *p++ = '+';
  const std::string& code_text = regions.front()->code_text;
  std::memcpy(p, code_text.data(), code_text.size());
  p += code_text.size();
  std::memcpy(p, nsn.data(), nsn.size());
  p[nsn.size()] = '\0';
  return true;
}

// Debian's re2.pc carries no version: CMake takes the package's (lib/ext/CMakeLists.txt).
std::string re2_library() { return std::string("RE2 ") + GOMO_RE2_VERSION; }

}  // namespace gomo::ext::inside
