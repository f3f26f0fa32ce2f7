// The fast phone reader against libphonenumber: on generated numbers of every shape (bounded here;
// scripts/phone-diff.sh N runs millions), and on the shapes users write, with the words compared too.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "contacts/phone.h"
#include "ext/load.h"
#include "ext/module.h"
#include "tests/support/phone_samples.h"

namespace gomo::contacts {
namespace {

uint64_t env_or(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

}  // namespace

TEST_CASE("phone fast reader: the same answers as libphonenumber on generated numbers") {
  // GOMO_PHONE_DIFF_N and GOMO_PHONE_DIFF_SEED: scripts/phone-diff.sh sets them for long runs.
  const uint64_t count = env_or("GOMO_PHONE_DIFF_N", 200000);
  const uint64_t seed = env_or("GOMO_PHONE_DIFF_SEED", 1);
  const test::PhoneDiffReport report = test::phone_diff(count, seed);
  for (const test::PhoneDifference& d : report.examples) {
    INFO("input \"" << d.sample.input << "\" region \"" << d.sample.region << "\": fast " << d.fast
                    << ", libphonenumber " << d.libphonenumber);
    CHECK(d.fast == d.libphonenumber);
  }
  MESSAGE("phone diff: " << report.numbers << " numbers, " << report.fast << " read by the fast reader, "
                         << report.differences << " differences (seed " << seed << ")");
  CHECK(report.numbers == count);
  CHECK(report.differences == 0);
  CHECK(report.fast * 2 > report.numbers);  // most generated shapes are ones it reads
}

TEST_CASE("phone fast reader: the common shapes are read fast, with libphonenumber's words") {
  auto module = ext::module();
  REQUIRE(module);
  struct Case {
    const char* input;
    const char* region;
  };
  for (const Case& c : {Case{"+212 6 12-34-56-78", "MA"}, Case{"0612345678", "MA"}, Case{"00212612345678", "MA"},
                        Case{"(06) 12.34.56.78", "MA"},
                        Case{"06\xC2\xA0"
                             "12 34 56 78",
                             "FR"},
                        Case{"\xD9\xA0\xD9\xA6\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xA6\xD9\xA7\xD9\xA8", "MA"},
                        Case{"\xDB\xB0\xDB\xB6\xDB\xB1\xDB\xB2\xDB\xB3\xDB\xB4\xDB\xB5\xDB\xB6\xDB\xB7\xDB\xB8", "MA"},
                        Case{"+33 (0)6 12 34 56 78", "MA"}, Case{"+1 212-555-0123", "MA"}, Case{"0612", "MA"},
                        Case{"+2126", "MA"}, Case{"06123456789", "MA"}, Case{"+212912345678", "MA"},
                        Case{"0612345678", "ZZ"}, Case{"+999123456789", "ZZ"}, Case{"1", "MA"}, Case{"", "MA"}}) {
    INFO(c.input << " " << c.region);
    CHECK((*module)->parse_phone(c.input, c.region, ext::PhoneReader::kFastOnly).stage != -1);
    const NormalizedPhone fast = normalize_phone(c.input, c.region, PhoneParser::kAuto);
    const NormalizedPhone slow = normalize_phone(c.input, c.region, PhoneParser::kLibphonenumber);
    CHECK(fast.reason == slow.reason);
    CHECK(fast.e164 == slow.e164);
    CHECK(fast.message == slow.message);
  }
  CHECK(normalize_phone("\xD9\xA0\xD9\xA6\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xA6\xD9\xA7\xD9\xA8").e164 ==
        "+212612345678");
  // Shapes it leaves to libphonenumber.
  for (const char* other : {"+212 6 12 34 56 78 ext. 12", "0800-FLOWERS", "tel:+212612345678", "+800 1234 5678"}) {
    CHECK_MESSAGE((*module)->parse_phone(other, "MA", ext::PhoneReader::kFastOnly).stage == -1, other);
  }
}

TEST_CASE("normalize_phones: a batch gives what each call gives") {
  test::PhoneSampleGenerator generator(7);
  std::vector<std::string> inputs;
  for (int i = 0; i < 500; ++i) inputs.push_back(generator.next_realistic());
  const std::vector<std::string_view> views(inputs.begin(), inputs.end());
  std::vector<NormalizedPhone> batch;
  normalize_phones(views, "MA", batch);
  REQUIRE(batch.size() == inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    const NormalizedPhone one = normalize_phone(inputs[i], "MA");
    CHECK(batch[i].reason == one.reason);
    CHECK(batch[i].e164 == one.e164);
    CHECK(batch[i].message == one.message);
  }
}

}  // namespace gomo::contacts

namespace gomo::contacts {

TEST_CASE("normalize_phone: threads share the fast reader") {
  // Regions are compiled on first use, under a lock; run alone (-tc), both threads race to compile these.
  std::vector<std::string> inputs;
  for (const char* p : {"+221 77 123 45 67", "+225 07 12 34 56 78", "+216 20 123 456", "+966 50 123 4567",
                        "+971 50 123 4567", "+20 10 1234 5678", "+32 470 12 34 56", "+34 612 34 56 78"})
    for (int i = 0; i < 500; ++i) inputs.push_back(p);
  std::vector<std::string> results[2];
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (const std::string& input : inputs) results[t].push_back(normalize_phone(input, "MA").e164);
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(results[0] == results[1]);
  for (size_t i = 0; i < inputs.size(); i += 500) {
    CHECK_MESSAGE(results[0][i] == normalize_phone(inputs[i], "MA", PhoneParser::kLibphonenumber).e164, inputs[i]);
  }
}

}  // namespace gomo::contacts
