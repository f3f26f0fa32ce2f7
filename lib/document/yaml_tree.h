#pragma once
// What both YAML readers (libyaml's events and the fast path) do the same way while building the tree:
// one implementation each, so the two readers cannot drift apart.
#include "document/document.h"

namespace gomo::document {

// YAML 1.2 core schema resolution of a plain scalar: sets kind (and boolean/integer/number) from v.text.
void resolve_plain(Value& v);

}  // namespace gomo::document
