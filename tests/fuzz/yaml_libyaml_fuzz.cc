// libyaml's reader (lib/document/yaml_reader.cc), and read_yaml as the CLI calls it: any bytes, no
// crash, and a document that did not parse has a positioned problem and a null root.
#include <cstddef>
#include <cstdint>

#include "document/yaml_fast_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gomo;
  document::Document doc;
  doc.text = fuzz::as_text(data, size);
  document::read_yaml_libyaml(doc);
  doc.link();
  document::fill_problem_pointers(doc);
  fuzz::touch(doc);

  auto read = document::read_yaml("fuzz.yaml", fuzz::as_text(data, size));
  if (!read->parsed) {
    if (read->problems.empty()) fuzz::fail("not parsed, and no problem says why");
    if (!read->root.is_null()) fuzz::fail("not parsed, but the root is not null");
    if (read->problems.front().begin.line == 0) fuzz::fail("a syntax problem without a line");
  }
  fuzz::touch(*read);
  return 0;
}
