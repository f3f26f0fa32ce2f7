// gomo_phone_bench: phone normalisation speed (bench/phone.sh) and the long differential run against
// libphonenumber (scripts/phone-diff.sh). Built with the tests.
//   gomo_phone_bench gen N FILE                      N realistic numbers (region MA), one a line
//   gomo_phone_bench run FILE auto|auto-2threads|libphonenumber|batch|fast-only [REGION]
//                                                    normalises each line; numbers/s, peak RSS on stdout
//   gomo_phone_bench diff N [SEED]                   fast reader vs libphonenumber on N generated numbers
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "contacts/phone.h"
#include "ext/load.h"
#include "ext/module.h"
#include "tests/support/phone_samples.h"

namespace {

using gomo::contacts::NormalizedPhone;

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

long current_rss_kib() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * 4;
}

int usage() {
  std::cerr
      << "usage: gomo_phone_bench gen N FILE | run FILE auto|auto-2threads|libphonenumber|batch|fast-only [REGION] | diff N [SEED]\n";
  return 2;
}

int gen(uint64_t count, const std::string& path) {
  std::ofstream out(path);
  gomo::test::PhoneSampleGenerator generator(42);
  for (uint64_t i = 0; i < count; ++i) out << generator.next_realistic() << '\n';
  return out ? 0 : 1;
}

int run(const std::string& path, const std::string& mode, const std::string& region) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "gomo_phone_bench: cannot read " << path << "\n";
    return 2;
  }
  // The whole file in one buffer, and a view of each line: the input costs its size, not a string each.
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string_view> views;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    views.emplace_back(text.data() + start, end - start);
    start = end + 1;
  }
  const long rss_input = current_rss_kib();
  // Load the module, libphonenumber and the fast reader's metadata before the clock starts, timing each
  // first call: start-up is reported, not mixed into numbers/s.
  using Clock = std::chrono::steady_clock;
  const auto ms_since = [](Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  };
  auto t0 = Clock::now();
  (void)gomo::contacts::normalize_phone("0612345678", region, gomo::contacts::PhoneParser::kLibphonenumber);
  const double first_lib_ms = ms_since(t0);
  const long rss_lib = current_rss_kib();
  t0 = Clock::now();
  (void)gomo::contacts::normalize_phone("0612345678", region);
  const double first_fast_ms = ms_since(t0);
  const long rss_before = current_rss_kib();
  if (mode == "auto")
    std::printf(
        "start-up: module + libphonenumber %.1f ms (+%ld KiB), then the fast reader's metadata and %s "
        "patterns %.1f ms (+%ld KiB)\n",
        first_lib_ms, rss_lib - rss_input, region.c_str(), first_fast_ms, rss_before - rss_lib);
  uint64_t ok = 0;
  const auto start = std::chrono::steady_clock::now();
  if (mode == "batch") {
    std::vector<NormalizedPhone> out;
    constexpr size_t kBatch = 1000;
    for (size_t i = 0; i < views.size(); i += kBatch) {
      const std::vector<std::string_view> batch(views.begin() + i, views.begin() + std::min(views.size(), i + kBatch));
      gomo::contacts::normalize_phones(batch, region, out);
      for (const NormalizedPhone& p : out) ok += p.ok();
    }
  } else if (mode == "auto-2threads") {  // two threads, half the file each: do they get in each other's way?
    std::atomic<uint64_t> valid{0};
    std::vector<std::thread> threads;
    for (size_t t = 0; t < 2; ++t) {
      threads.emplace_back([&, t] {
        uint64_t mine = 0;
        for (size_t i = t; i < views.size(); i += 2) mine += gomo::contacts::normalize_phone(views[i], region).ok();
        valid += mine;
      });
    }
    for (std::thread& t : threads) t.join();
    ok = valid;
  } else if (mode == "fast-only") {  // the fast reader alone, through the module: how much it reads
    const gomo::ext::Module& module = **gomo::ext::module();
    uint64_t declined = 0;
    for (std::string_view v : views) {
      const gomo::ext::PhoneParse p = module.parse_phone(v, region, gomo::ext::PhoneReader::kFastOnly);
      ok += p.stage == 0;
      declined += p.stage == -1;
    }
    std::printf("fast-only: declined %llu of %zu\n", static_cast<unsigned long long>(declined), views.size());
  } else {
    const auto parser =
        mode == "auto" ? gomo::contacts::PhoneParser::kAuto : gomo::contacts::PhoneParser::kLibphonenumber;
    if (mode != "auto" && mode != "libphonenumber") return usage();
    for (std::string_view v : views) ok += gomo::contacts::normalize_phone(v, region, parser).ok();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "%-14s %zu numbers in %.3f s: %9.0f numbers/s, %llu valid; peak RSS %ld KiB (input %ld KiB, module "
      "loaded %ld KiB, after the run %ld KiB)\n",
      (mode + ":").c_str(), views.size(), seconds, static_cast<double>(views.size()) / seconds,
      static_cast<unsigned long long>(ok), peak_rss_kib(), rss_input, rss_before, current_rss_kib());
  return 0;
}

int diff(uint64_t count, uint64_t seed) {
  const auto start = std::chrono::steady_clock::now();
  const gomo::test::PhoneDiffReport report = gomo::test::phone_diff(count, seed, 50);
  for (const auto& d : report.examples) {
    std::printf("DIFF input \"%s\" region \"%s\": fast %s, libphonenumber %s\n", d.sample.input.c_str(),
                d.sample.region.c_str(), d.fast.c_str(), d.libphonenumber.c_str());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%llu numbers (seed %llu), %llu read by the fast reader (%.1f%%), %llu differences, %.1f s\n",
              static_cast<unsigned long long>(report.numbers), static_cast<unsigned long long>(seed),
              static_cast<unsigned long long>(report.fast), 100.0 * report.fast / std::max<uint64_t>(1, report.numbers),
              static_cast<unsigned long long>(report.differences), seconds);
  return report.differences == 0 && report.numbers == count ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 3 && args[0] == "gen") return gen(std::strtoull(args[1].c_str(), nullptr, 10), args[2]);
  if ((args.size() == 3 || args.size() == 4) && args[0] == "run")
    return run(args[1], args[2], args.size() == 4 ? args[3] : "MA");
  if ((args.size() == 2 || args.size() == 3) && args[0] == "diff")
    return diff(std::strtoull(args[1].c_str(), nullptr, 10),
                args.size() == 3 ? std::strtoull(args[2].c_str(), nullptr, 10) : 1);
  return usage();
}
