// The JSON reader (lib/document/json_reader.cc): any bytes, no crash; a refused text has a positioned
// problem; an accepted one writes back as JSON and YAML (lib/document/writer.h) and the JSON reads
// back to a parsed document.
#include <cstddef>
#include <cstdint>

#include "document/writer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gomo;
  auto doc = document::read_json("fuzz.json", fuzz::as_text(data, size));
  fuzz::touch(*doc);
  if (!doc->parsed) {
    if (doc->problems.empty() || doc->problems.front().begin.line == 0) fuzz::fail("refused without a position");
    return 0;
  }
  auto json = document::write_json(doc->root);
  if (json.has_value()) {
    auto again = document::read_json("again.json", std::move(json.value()));
    if (!again->parsed) fuzz::fail("write_json wrote what read_json refuses: " + again->problems.front().message);
  }
  (void)document::write_yaml(doc->root, doc.get());
  return 0;
}
