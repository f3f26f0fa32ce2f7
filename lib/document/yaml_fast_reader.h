#pragma once
// The two YAML readers behind read_yaml. Internal to document/ and its tests.
#include "document/document.h"

namespace gomo::document {

// Reads doc.text into doc.root (parsed = true, duplicate keys in doc.problems) when the whole text is in
// the block-style subset flows are written in, with exactly the tree, marks and problems libyaml's reader
// gives. Returns false, leaving doc untouched, at the first thing outside that subset. When that is a
// scalar longer than kMaxScalarBytes (limits.h) that cannot be a key, and `too_long` is given, sets
// *too_long to its start: where libyaml's reader would refuse it, after reading the whole scalar slowly.
bool read_yaml_fast(Document& doc, Mark* too_long = nullptr);

// libyaml's reader: the whole of YAML, syntax errors included. Fills doc.root, doc.parsed, doc.problems.
void read_yaml_libyaml(Document& doc);

}  // namespace gomo::document
