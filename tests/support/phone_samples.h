#pragma once
// Generated phone numbers for the differential test of the fast phone reader against libphonenumber
// (lib/contacts/phone_diff_test.cc, scripts/phone-diff.sh) and for bench/phone.sh. Deterministic: the
// same seed gives the same numbers.
#include <cstdint>
#include <string>
#include <vector>

namespace gomo::test {

struct PhoneSample {
  std::string input;
  std::string region;  // the default region it is parsed with
};

class PhoneSampleGenerator {
 public:
  explicit PhoneSampleGenerator(uint64_t seed) : state_(seed) {}
  // Every shape of MA, FR, US, GB, DZ, TN, SN, CI, ES, DE, BE, CA, EG, SA, AE numbers: valid and invalid,
  // too short, too long, wrong country codes, national with and without prefix, 00 and 011 prefixes,
  // separators, brackets, Arabic-Indic digits, and garbage. Default regions mostly MA and FR.
  PhoneSample next();
  // A CRM export's phone column, default region MA: mostly Moroccan mobiles written every usual way,
  // some French and other international numbers, a few bad ones.
  std::string next_realistic();

 private:
  uint64_t random();
  int below(int n) { return static_cast<int>(random() % static_cast<uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  std::string digits(int count);
  std::string dress(const std::string& plain);  // separators, brackets, Arabic-Indic digits

  uint64_t state_;
};

// One difference between the fast reader and libphonenumber.
struct PhoneDifference {
  PhoneSample sample;
  std::string fast, libphonenumber;  // "stage reason country e164 type"
};

struct PhoneDiffReport {
  uint64_t numbers = 0;
  uint64_t fast = 0;  // decided by the fast reader (the rest it declined)
  uint64_t differences = 0;
  std::vector<PhoneDifference> examples;  // the first few
};

// Parses `count` generated numbers (seed `seed`) with the fast reader alone and with libphonenumber
// alone, and compares stage, reason, country code, E.164 and number type wherever the fast reader decided.
PhoneDiffReport phone_diff(uint64_t count, uint64_t seed, size_t max_examples = 20);

}  // namespace gomo::test
