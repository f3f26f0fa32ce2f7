#pragma once
// Phone numbers to E.164 with libphonenumber (which lives in this folder only). Used by every command
// that takes a phone (contacts get/update/delete, audiences add) and by the CSV upsert: one function,
// one set of reasons.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ext/phone_type.h"

namespace gomo::contacts {

// Why a number was refused. The codes are the stable reject reasons of docs/decisions.md, Phone numbers.
enum class PhoneReason {
  kOk,
  kNotANumber,          // "not_a_number": no digits to speak of, or letters where digits belong
  kInvalidCountryCode,  // "invalid_country_code": +999..., or no + and no usable default region
  kTooShort,            // "too_short": shorter than any number of its country
  kTooLong,             // "too_long": longer than any number of its country
  kInvalidNumber,       // "invalid_number": right length, but no number of its country looks like it
  kNotCallable,         // "not_callable": a valid number of a type the caller did not allow (PhoneTypes)
};

// "not_a_number", "invalid_country_code", "too_short", "too_long", "invalid_number", "not_callable";
// "" for kOk.
const char* phone_reason_code(PhoneReason reason);

// A valid number's type, as libphonenumber's GetNumberType tells it from the numbering plan (a
// number's range, not who holds it: a ported mobile keeps its type). kUnknown for invalid numbers.
using PhoneType = ext::PhoneType;

// "fixed_line", "mobile", "fixed_line_or_mobile", "toll_free", "premium_rate", "shared_cost", "voip",
// "personal_number", "pager", "uan", "voicemail", "unknown".
const char* phone_type_name(PhoneType type);

// A set of phone types: the ones a run accepts (--allow-types).
class PhoneTypes {
 public:
  constexpr PhoneTypes() = default;
  // Every type.
  static PhoneTypes all();
  // What a voice campaign calls unless told otherwise (docs/decisions.md, Callable numbers): mobile,
  // fixed_line, fixed_line_or_mobile, voip. Not toll_free, premium_rate, shared_cost, personal_number,
  // pager, uan, voicemail: numbers that cost the caller extra, or reach a company's line or no person.
  static PhoneTypes callable();
  bool has(PhoneType type) const { return (bits_ >> static_cast<int>(type)) & 1u; }
  PhoneTypes& add(PhoneType type) {
    bits_ |= 1u << static_cast<int>(type);
    return *this;
  }
  bool operator==(const PhoneTypes&) const = default;
  // The names, comma-separated, in PhoneType's order ("fixed_line,mobile"); "" for none.
  std::string names() const;

 private:
  uint32_t bits_ = 0;
};

// Parses a comma-separated list of phone_type_name names ("mobile,fixed_line"; "all" for every type;
// spaces around names are ignored). InvalidArgument naming the unknown or missing name and the
// names allowed.
Result<PhoneTypes> parse_phone_types(std::string_view list);

struct NormalizedPhone {
  PhoneReason reason = PhoneReason::kOk;
  std::string e164;                      // "+212612345678" when ok, else ""
  std::string message;                   // when not ok: what is wrong, for people ("+2126 is too short for +212")
  PhoneType type = PhoneType::kUnknown;  // when the number is valid (ok, or kNotCallable): its type
  bool ok() const { return reason == PhoneReason::kOk; }
};

// Parses `input` ("+212 6 12-34-56-78", "0612345678", "00212612345678") and returns its E.164 form.
// `default_region` (ISO 3166 alpha-2, e.g. "MA") applies only to numbers without a leading + or
// international prefix. A number must be valid for its country (libphonenumber's ranges, not only
// its length). Thread-safe.
// The common shapes (+CC…, 00CC…, the default region's national form, with separators or Arabic-Indic
// digits) are read by a fast reader over libphonenumber's own metadata, several million a second; the
// rest by libphonenumber itself (~75,000 a second). Both give the same answers, reasons and messages
// (phone_diff_test.cc, scripts/phone-diff.sh).
NormalizedPhone normalize_phone(std::string_view input, std::string_view default_region = "MA");

// Which parser normalize_phone uses: kAuto (above), or kLibphonenumber alone (tests and benchmarks).
enum class PhoneParser { kAuto, kLibphonenumber };
NormalizedPhone normalize_phone(std::string_view input, std::string_view default_region, PhoneParser parser);

// normalize_phone of each input, in one call into the module; `out` is resized to inputs.size() and
// out[i] is inputs[i]'s. Thread-safe. Measured no faster than one call each (bench/README.md): a call
// into the module costs nanoseconds; use whichever suits the caller.
void normalize_phones(const std::vector<std::string_view>& inputs, std::string_view default_region,
                      std::vector<NormalizedPhone>& out);

// normalize_phone, then refuses a valid number whose type is not in `allowed`: reason kNotCallable,
// e164 "", `type` kept, and a message naming the type and the --allow-types list that keeps it. The
// one check of callable numbers (contacts upsert's rows). Thread-safe.
NormalizedPhone normalize_callable_phone(std::string_view input, std::string_view default_region, PhoneTypes allowed);

// Turns an accepted `phone` (of `input`) whose type is not in `allowed` into the kNotCallable refusal
// normalize_callable_phone gives; leaves other results alone.
void refuse_uncallable(NormalizedPhone& phone, std::string_view input, PhoneTypes allowed);

// True when libphonenumber knows `region` (upper-case two letters: "MA", "FR").
bool is_known_region(std::string_view region);

// Whether an argument is meant as a phone number rather than an id or a name: it starts with '+' or
// holds only digits and the separators " -.()" (with at least 3 digits).
bool looks_like_phone(std::string_view arg);

}  // namespace gomo::contacts
