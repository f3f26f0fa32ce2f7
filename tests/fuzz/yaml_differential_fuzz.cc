// The fast YAML reader against libyaml's: wherever the fast one takes a text, both must give the same
// tree (kinds, values, marks, links) and the same problems (lib/document/yaml_fast_reader.h promises it).
#include <cstddef>
#include <cstdint>

#include "document/yaml_fast_reader.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/support/tree_diff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gomo;
  document::Document fast;
  fast.text = fuzz::as_text(data, size);
  if (!document::read_yaml_fast(fast)) return 0;
  document::Document slow;
  slow.text = fast.text;
  document::read_yaml_libyaml(slow);
  if (!slow.parsed) fuzz::fail("the fast reader took a text libyaml refuses: " + slow.problems.front().message);
  for (document::Document* d : {&fast, &slow}) {
    d->link();
    document::fill_problem_pointers(*d);
  }
  if (std::string d = test::diff_values(fast.root, slow.root, ""); !d.empty()) fuzz::fail("trees differ at " + d);
  if (std::string d = test::diff_problems(fast.problems, slow.problems); !d.empty()) fuzz::fail(d);
  return 0;
}
