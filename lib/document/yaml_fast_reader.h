#pragma once
// The two YAML readers behind read_yaml. Internal to document/ and its tests.
#include "document/document.h"

namespace gomo::document {

// Reads doc.text into doc.root (parsed = true, duplicate keys in doc.problems) when the whole text is in
// the block-style subset flows are written in, with exactly the tree, marks and problems libyaml's reader
// gives. Returns false, leaving doc untouched, at the first thing outside that subset.
bool read_yaml_fast(Document& doc);

// libyaml's reader: the whole of YAML, syntax errors included. Fills doc.root, doc.parsed, doc.problems.
void read_yaml_libyaml(Document& doc);

}  // namespace gomo::document
