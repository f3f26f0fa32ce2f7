// The softphone-script loader (lib/engine/scripted_softphone.cc): any YAML/JSON text, no crash; an
// error names file:line:col; a script that loads plays a whole call of a sample flow (the engine's loop
// guard bounds it).
#include <cstddef>
#include <cstdint>

#include "engine/engine.h"
#include "engine/scripted_softphone.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/sample_flow.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gomo;
  const model::Flow& flow = fuzz::sample_flow("multi-level-menu.yaml");
  auto doc = document::read_document("script.yaml", fuzz::as_text(data, size));
  if (!doc->parsed) return 0;
  auto script = engine::parse_softphone_script(doc->root, "script.yaml");
  if (!script) {
    if (script.error().message().rfind("script.yaml:", 0) != 0) fuzz::fail("an error without its file");
    return 0;
  }
  engine::ScriptedSoftphone phone(script.value());
  engine::EngineOptions options;
  auto report = engine::run_call(flow, engine::Contact{}, phone, options);
  (void)report;
  return 0;
}
