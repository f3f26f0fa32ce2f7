#pragma once
// One of the bundled sample flows, loaded once per fuzz process, for the targets that play the call a
// fuzzed script or test case describes. GOMO_SOURCE_DIR is the repository (tests/fuzz/CMakeLists.txt).
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/files.h"
#include "document/document.h"
#include "model/flow.h"

namespace gomo::fuzz {

// samples/flows/<name>, parsed; aborts when it cannot be read (a broken checkout, not a finding).
inline const model::Flow& sample_flow(const std::string& name) {
  struct Loaded {
    std::unique_ptr<document::Document> doc;
    model::Flow flow;
  };
  static Loaded* loaded = [&] {
    std::string path = std::string(GOMO_SOURCE_DIR) + "/samples/flows/" + name;
    auto text = read_file(path);
    if (!text) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      std::abort();
    }
    auto* l = new Loaded{document::read_document(path, std::move(text.value())), {}};
    l->flow = model::build_flow(*l->doc);
    return l;
  }();
  return loaded->flow;
}

}  // namespace gomo::fuzz
