// The fast YAML reader alone (lib/document/yaml_fast_reader.cc): any bytes, no crash; when it declines,
// the document is left as it was (read_yaml then hands it to libyaml).
#include <cstddef>
#include <cstdint>

#include "document/yaml_fast_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gomo;
  document::Document doc;
  doc.text = fuzz::as_text(data, size);
  if (!document::read_yaml_fast(doc)) {
    if (doc.parsed || !doc.problems.empty() || !doc.root.is_null()) fuzz::fail("declined, but changed the document");
    return 0;
  }
  doc.link();
  document::fill_problem_pointers(doc);
  fuzz::touch(doc);
  return 0;
}
