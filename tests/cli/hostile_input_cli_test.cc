// End-to-end: what hostile or odd input does to `gomo flow validate|fmt|convert` (issue 11). Bombs run
// with gomo's memory capped, so that a reader that expands them again fails here (out of memory, or
// killed at the timeout) instead of taking the machine down.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/measured_run.h"
#include "tests/support/test_support.h"

using namespace gomo;

namespace {

#if defined(__SANITIZE_ADDRESS__)
#define GOMO_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GOMO_TEST_ASAN 1
#endif
#endif

constexpr size_t kCapMiB = 1024;

// Runs gomo with at most ~1 GiB of memory. Under ASan, whose shadow memory does not fit an address-space
// limit, ASan's own RSS limit; else RLIMIT_AS, set around the fork (the child inherits it) and restored.
test::RunResult run_capped(const std::vector<std::string>& args, const std::string& input = "") {
#ifdef GOMO_TEST_ASAN
  std::string options = std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "";
  // detect_leaks=0: the RSS limit runs a thread of ASan's own, and a capped run may stop mid-way; every
  // other test still checks leaks.
  options +=
      (options.empty() ? "" : ":") + std::string("hard_rss_limit_mb=") + std::to_string(kCapMiB) + ":detect_leaks=0";
  return test::run_gomo(args, input, {"ASAN_OPTIONS=" + options}, "", 120);
#else
  // The cap is on address space, of which this test process already holds some: add ours to it.
  size_t pages = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%zu", &pages) != 1) pages = 0;
    std::fclose(f);
  }
  rlimit saved{};
  REQUIRE(getrlimit(RLIMIT_AS, &saved) == 0);
  rlimit capped = saved;
  const rlim_t cap = static_cast<rlim_t>(pages * 4096 + (kCapMiB << 20));
  if (saved.rlim_max == RLIM_INFINITY || cap < saved.rlim_max) capped.rlim_cur = cap;
  REQUIRE(setrlimit(RLIMIT_AS, &capped) == 0);
  auto r = test::run_gomo(args, input, {}, "", 120);
  REQUIRE(setrlimit(RLIMIT_AS, &saved) == 0);
  return r;
#endif
}

// Ten levels of nine aliases: 9^10 = 3.5 billion strings from 550 bytes.
std::string billion_laughs() {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) text += (k ? ", " : "") + prev;
    text += "]\n";
  }
  return text;
}

// Eleven levels, each merging the one below (`<<: *m`) nine times: 9^11 mappings.
std::string merge_key_bomb() {
  std::string text = "m0: &m0 {k0: 1, k1: 2, k2: 3, k3: 4, k4: 5, k5: 6, k6: 7, k7: 8, k8: 9}\n";
  for (int i = 1; i < 12; ++i) {
    text += "m" + std::to_string(i) + ": &m" + std::to_string(i) + "\n";
    for (int k = 0; k < 9; ++k) text += "  x" + std::to_string(k) + ": {<<: *m" + std::to_string(i - 1) + "}\n";
  }
  return text;
}

const char* kGood = "name: Greeting\ngraph:\n  startNodeId: bye\n  nodes:\n    - id: bye\n      type: hangup\n";

}  // namespace

TEST_CASE("cli: a billion-laughs file gets a positioned error, and the run goes on") {
  std::string dir = test::scratch_dir();
  std::string laughs = test::write_file(dir, "laughs.yaml", billion_laughs());
  std::string good = test::write_file(dir, "good.yaml", kGood);
  auto r = run_capped({"flow", "validate", laughs, good, "-o", "json"});
  CHECK(r.exit_code == 2);
  // Where the 500,001st value would be copied (the 6th alias *a4 on line 6), naming the limit.
  CHECK(r.out.find("\"file\": \"" + laughs + "\"") != std::string::npos);
  CHECK(r.out.find("the document would hold more than 500,000 values") != std::string::npos);
  CHECK(r.out.find("\"line\": 1,") == std::string::npos);
  CHECK(r.out.find("\"file\": \"" + good + "\",\n      \"valid\": true") != std::string::npos);  // checked, and clean
  auto text = run_capped({"flow", "validate", laughs});
  CHECK(text.exit_code == 2);
  CHECK(text.out.find(laughs + ":6:") != std::string::npos);
  CHECK(text.out.find("alias *a4: the document would hold more than 500,000 values") != std::string::npos);
}

TEST_CASE("cli: a merge-key bomb: fmt --check and convert refuse it with a positioned error") {
  std::string dir = test::scratch_dir();
  std::string bomb = test::write_file(dir, "merge.yaml", merge_key_bomb());
  std::string good = test::write_file(dir, "good.yaml", kGood);
  auto r = run_capped({"flow", "fmt", "--check", bomb, good});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(bomb + ":") != std::string::npos);
  CHECK(r.err.find("500,000 values") != std::string::npos);
  CHECK(r.err.find("all 2 files are formatted") == std::string::npos);
  CHECK(r.err.find("1 of 2 files could not be formatted") != std::string::npos);
  auto convert = run_capped({"flow", "convert", bomb, "--to", "json"});
  CHECK(convert.exit_code == 2);
  CHECK(convert.err.find("500,000 values") != std::string::npos);
  CHECK(convert.out.empty());
}

TEST_CASE("cli: JSON with invalid UTF-8 is a syntax error at its line, for validate, fmt and convert") {
  std::string dir = test::scratch_dir();
  const std::string bad =
      "{\n  \"name\": \"Caf\xe9\",\n  \"graph\": {\"startNodeId\": \"a\", \"nodes\": [{\"id\": \"a\", \"type\": \"hangup\"}]}\n}\n";
  std::string path = test::write_file(dir, "latin1.json", bad);
  auto v = test::run_gomo({"flow", "validate", path});
  CHECK(v.exit_code == 2);
  CHECK(v.out.find(path + ":2:15") != std::string::npos);
  CHECK(v.out.find("invalid UTF-8 (byte 0xE9)") != std::string::npos);
  auto convert = test::run_gomo({"flow", "convert", path, "--to", "yaml"});
  CHECK(convert.exit_code == 2);
  CHECK(convert.err.find("invalid UTF-8") != std::string::npos);
  CHECK(convert.err.find("does not read back") == std::string::npos);
  auto fmt = test::run_gomo({"flow", "fmt", path});
  CHECK(fmt.exit_code == 2);
  CHECK(test::read_file(path) == bad);
}

TEST_CASE("cli: a YAML file with CR-only line breaks and comments is formatted, not refused") {
  std::string dir = test::scratch_dir();
  const std::string mac =
      "# greeting\rname: Greeting  # the name\rgraph:\r  startNodeId: bye\r  nodes:\r    - id: bye\r"
      "      type: hangup\r";
  std::string path = test::write_file(dir, "mac.yaml", mac);
  auto check = test::run_gomo({"flow", "fmt", "--check", path});
  CHECK(check.exit_code == 1);
  CHECK(check.err.find("does not read back") == std::string::npos);
  CHECK(check.err.find("1 file would be reformatted") != std::string::npos);
  CHECK(check.err.find("are formatted") == std::string::npos);
  auto fmt = test::run_gomo({"flow", "fmt", path});
  CHECK(fmt.exit_code == 0);
  CHECK(test::read_file(path) ==
        "# greeting\nname: Greeting  # the name\ngraph:\n  startNodeId: bye\n  nodes:\n"
        "    - id: bye\n      type: hangup\n");
  // Diagnostics on such a file point at the right line, with its text.
  std::string broken = test::write_file(
      dir, "broken.yaml", "name: x\rgraph:\r  startNodeId: a\r  nodes:\r    - id: b\r      type: hangup\r");
  auto v = test::run_gomo({"flow", "validate", broken});
  CHECK(v.exit_code == 1);
  CHECK(v.out.find(broken + ":3:") != std::string::npos);
  CHECK(v.out.find("startNodeId: a") != std::string::npos);
}

TEST_CASE("cli: more than 64 MiB on standard input is refused with the limit, and other files are checked") {
  std::string dir = test::scratch_dir();
  std::string good = test::write_file(dir, "good.yaml", kGood);
  std::string huge(size_t{64} << 20, ' ');
  huge += "{}";
  auto r = run_capped({"flow", "validate", "-", good}, huge);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("<stdin>:1:1: error: the input is larger than 64 MiB, the limit for one file or standard input") !=
        std::string::npos);
  CHECK(r.err.find("in 2 files (2 checked)") != std::string::npos);
}

TEST_CASE("cli: an endless standard input is refused at the limit, not read to its end first") {
  // Before, gomo read all of standard input before the reader looked at its size: `yes | gomo flow
  // validate -` grew until it was killed. Memory is capped here as for the bombs above.
#ifdef GOMO_TEST_ASAN
  const std::string cap = "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=" + std::to_string(kCapMiB) +
                          ":detect_leaks=0\" ";
#else
  const std::string cap = "ulimit -v " + std::to_string(kCapMiB * 1024) + "; ";
#endif
  const std::string script =
      cap + "yes 'key: value' | timeout 60 " GOMO_BINARY " flow validate - 2>&1; echo \"exit=${PIPESTATUS[1]}\"";
  const std::string cmd = "bash -c '" + [&] {
    std::string quoted;
    for (char c : script) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted;
  }() + "'";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  INFO(out);
  CHECK(out.find("<stdin>:1:1: error: the input is larger than 64 MiB") != std::string::npos);
  CHECK(out.find("exit=2") != std::string::npos);
}

namespace {

// `head`, then `n` bytes of 'x', then `tail`, written in pieces (the test holds no 100 MB string).
std::string write_long_scalar(const std::string& dir, const std::string& name, const std::string& head, size_t n,
                              const std::string& tail) {
  const std::string path = dir + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out << head;
  const std::string chunk(1 << 20, 'x');
  for (size_t left = n; left > 0; left -= std::min(left, chunk.size()))
    out.write(chunk.data(), static_cast<std::streamsize>(std::min(left, chunk.size())));
  out << tail;
  return path;
}

// Issue 16: hostile input ends with an error in under a second and under 64 MiB. Under ASan (shadow
// memory, ~2-3x slower) the two numbers are not checked; the exit code and the error are.
void check_cheap_refusal(const test::MeasuredRun& run, const std::string& error) {
  INFO(run.result.out << run.result.err);
  CHECK(run.result.exit_code == 2);
  CHECK(run.result.out.find(error) != std::string::npos);
  MESSAGE("peak RSS " << run.max_rss_kib << " KiB, " << run.seconds << " s");
#ifndef GOMO_TEST_ASAN
  CHECK(run.max_rss_kib < 64 * 1024);
  CHECK(run.seconds < 1.0);
#endif
}

}  // namespace

TEST_CASE("cli: a billion-laughs file and a 100 MB value end with an error in under a second and 64 MiB") {
  std::string dir = test::scratch_dir();
  std::string laughs = test::write_file(dir, "laughs.yaml", billion_laughs());
  auto run = test::run_gomo_measured({"flow", "validate", laughs});
  check_cheap_refusal(run, "alias *a4: the document would hold more than 500,000 values");
  CHECK(run.result.out.find(laughs + ":6:35:") != std::string::npos);

  // One 100 MB string: refused by the file's size, before a byte of it is read.
  const size_t n = 100'000'000;
  const std::string too_large =
      ":1:1: error: the input is larger than 64 MiB, the limit for one file or standard input";
  std::string yaml = write_long_scalar(dir, "long.yaml", "name: \"", n, "\"\ngraph: {}\n");
  check_cheap_refusal(test::run_gomo_measured({"flow", "validate", yaml}), yaml + too_large);
  std::string json = write_long_scalar(dir, "long.json", "{\"name\": \"", n, "\", \"graph\": {}}\n");
  check_cheap_refusal(test::run_gomo_measured({"flow", "validate", json}), json + too_large);
  // fmt and convert read their files the same way.
  auto fmt = test::run_gomo_measured({"flow", "fmt", "--check", yaml});
  CHECK(fmt.result.exit_code == 2);
  CHECK(fmt.result.err.find(yaml + too_large) != std::string::npos);
#ifndef GOMO_TEST_ASAN
  CHECK(fmt.max_rss_kib < 64 * 1024);
#endif
}

namespace {

// A file of `bytes` zeros that costs no disk (ftruncate makes it sparse), mode 0600 (config files).
std::string write_sparse(const std::string& dir, const std::string& name, size_t bytes) {
  const std::string path = dir + "/" + name;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE(fd >= 0);
  REQUIRE(::ftruncate(fd, static_cast<off_t>(bytes)) == 0);
  ::close(fd);
  return path;
}

std::vector<std::string> hostile_env(const std::string& dir) {
  return {"HOME=" + dir,       "XDG_CONFIG_HOME=" + dir + "/config",
          "GOMO_PROFILE=",     "GOMO_CONFIG=",
          "GOMO_API_KEY=",     "GOMO_BASE_URL=",
          "GOMOBILE_API_KEY=", "GOMOBILE_API_URL="};
}

}  // namespace

TEST_CASE("cli: every command that reads a document file refuses one over 64 MiB by its size (issue 16)") {
  const std::string dir = test::scratch_dir(), ws = dir + "/ws.db";
  const size_t kBig = size_t{65} << 20;
  const std::string flow = test::write_file(dir, "flow.yaml", kGood);
  const std::string program = test::write_file(dir, "good.program.yaml",
                                               "name: Reminders\nflow: flow.yaml\naudience: Debtors\n"
                                               "dids: [\"+212800000000\"]\nretry: {type: none}\n"
                                               "timezone: Africa/Casablanca\n");
  const std::string audience = test::write_file(dir, "audience.csv", "phone\n+212612345678\n");
  const std::string contacts = test::write_file(dir, "contacts.csv", "phone\n0612345678\n");
  auto big = [&](const std::string& name) { return write_sparse(dir, name, kBig); };
  struct Case {
    std::string what;
    std::vector<std::string> args;
    std::string file;  // the file the error must name
    std::vector<std::string> env = {};
  };
  std::vector<Case> cases;
  auto add = [&](const char* what, std::string file, std::vector<std::string> args, std::vector<std::string> env = {}) {
    cases.push_back({what, std::move(args), std::move(file), std::move(env)});
  };
  std::string f;
  f = big("big.program.yaml");
  add("program validate", f, {"program", "validate", f, "--no-config"});
  add("program apply", f, {"program", "apply", "-f", f, "--dry-run", "--no-config", "--workspace", ws});
  add("program simulate", f, {"program", "simulate", f, "--audience", audience, "--no-config"});
  f = big("big.mix.yaml");
  add("program simulate --mix", f, {"program", "simulate", program, "--audience", audience, "--mix", f, "--no-config"});
  f = big("big.gomo.yaml");
  add("program validate --config", f, {"program", "validate", program, "--config", f});
  f = big("big.test.yaml");
  add("flow test", f, {"flow", "test", f});
  f = big("big-flow.yaml");
  add("flow run", f, {"flow", "run", f});
  add("flow simulate", f, {"flow", "simulate", f});
  add("flow push", f, {"flow", "push", f, "--workspace", ws});
  f = big("script.yaml");
  add("flow run --script", f, {"flow", "run", flow, "--script", f});
  f = big("contact.yaml");
  add("flow run --contact", f, {"flow", "run", flow, "--contact", f});
  add("contacts create -f", f, {"contacts", "create", "-f", f, "--workspace", ws});
  f = big("coverage.json");
  add("flow graph --coverage", f, {"flow", "graph", flow, "--coverage", f});
  f = big("mapping.yaml");
  add("contacts upsert --mapping", f, {"contacts", "upsert", contacts, "--mapping", f, "--dry-run", "--workspace", ws});
  f = big("rules.yaml");
  add("execution resume --auto-pause-rules", f,
      {"execution", "resume", "00000000-0000-4000-8000-000000000000", "--auto-pause-rules", f, "--workspace", ws});
  f = big("config.yaml");
  add("the config file (GOMO_CONFIG)", f, {"config", "list"}, {"GOMO_CONFIG=" + f});

  const std::string limit = ":1:1: ";
  const std::string message = "the input is larger than 64 MiB, the limit for one file or standard input";
  for (const auto& c : cases) {
    CAPTURE(c.what);
    auto env = hostile_env(dir);
    env.insert(env.end(), c.env.begin(), c.env.end());
    auto run = test::run_gomo_measured(c.args, env);
    const auto& r = run.result;
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    const std::string all = r.out + r.err;
    const size_t at = all.find(c.file + limit);
    CHECK(at != std::string::npos);
    CHECK(all.find(message, at == std::string::npos ? 0 : at) != std::string::npos);
#ifndef GOMO_TEST_ASAN
    CHECK(run.max_rss_kib < 64 * 1024);  // never read
#endif
  }
}

TEST_CASE("cli: a CSV header of 20,000 columns: flow run --contact-csv and program simulate --audience refuse it") {
  const std::string dir = test::scratch_dir();
  const std::string flow = test::write_file(dir, "flow.yaml", kGood);
  const std::string program = test::write_file(dir, "good.program.yaml",
                                               "name: Reminders\nflow: flow.yaml\naudience: Debtors\n"
                                               "dids: [\"+212800000000\"]\nretry: {type: none}\n"
                                               "timezone: Africa/Casablanca\n");
  const std::string wide = test::write_file(dir, "wide.csv", "phone" + std::string(20000, ',') + "\n+212612345678\n");
  const std::string fields = "column 16385: more than 16,384 fields in one record";
  auto run = test::run_gomo({"flow", "run", flow, "--contact-csv", wide}, "", hostile_env(dir), dir);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(wide) != std::string::npos);
  CHECK(run.err.find(fields) != std::string::npos);
  auto sim =
      test::run_gomo({"program", "simulate", program, "--audience", wide, "--no-config"}, "", hostile_env(dir), dir);
  INFO(sim.out << sim.err);
  CHECK(sim.exit_code == 2);
  CHECK(sim.err.find(wide) != std::string::npos);
  CHECK(sim.err.find(fields) != std::string::npos);
}
