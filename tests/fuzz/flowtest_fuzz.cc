// The flow-test loader (lib/flowtest: parse_test_file, with `each:` tables expanded): any YAML/JSON
// text, no crash; errors name file:line:col; the cases of a file that loads are played against a
// sample flow (at most kMaxCases: `each:` tables multiply them).
#include <cstddef>
#include <cstdint>

#include "engine/engine.h"
#include "flowtest/flowtest.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/sample_flow.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gomo;
  constexpr size_t kMaxCases = 8;
  const model::Flow& flow = fuzz::sample_flow("multi-level-menu.yaml");
  auto file = flowtest::parse_test_file("tests/fuzz.test.yaml", fuzz::as_text(data, size));
  if (!file) {
    if (file.error().message().rfind("tests/fuzz.test.yaml", 0) != 0) fuzz::fail("an error without its file");
    return 0;
  }
  for (size_t i = 0; i < file->cases.size() && i < kMaxCases; ++i) {
    const flowtest::TestCase& tc = file->cases[i];
    engine::EngineOptions options;
    options.variables = tc.variables;
    engine::ScriptedSoftphone phone(tc.script);
    (void)engine::run_call(flow, tc.contact, phone, options);
  }
  return 0;
}
