// The program file loader and its offline rules (lib/programs: load_program_file, the schema, the
// rules of `gomo program validate`), then the API forms `program apply` would send: no crash, every
// finding on a real line.
#include <cstddef>
#include <cstdint>

#include "programs/program_file.h"
#include "programs/validate_program.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gomo;
  programs::LoadedProgram loaded;
  auto result = programs::validate_program_text("fuzz.program.yaml", fuzz::as_text(data, size), nullptr, &loaded);
  for (const auto& d : result.diagnostics)
    if (d.location.line == 0 && d.rule != "read-error") fuzz::fail("finding without a line: " + d.message);
  if (!loaded.unreadable && loaded.file.doc) {
    (void)programs::file_retry(loaded.file);
    (void)programs::file_pause_windows(loaded.file);
    (void)programs::file_auto_pause_rules(loaded.file);
  }
  return 0;
}
