#pragma once
// What both YAML readers (libyaml's events and the fast path) do the same way while building the tree:
// one implementation each, so the two readers cannot drift apart.
#include <span>
#include <vector>

#include "document/document.h"

namespace gomo::document {

// YAML 1.2 core schema resolution of a plain scalar: sets kind (and boolean/integer/number) from v.text.
void resolve_plain(Value& v);

// Records a duplicate-key problem when `key` repeats one of `earlier` (the mapping's previous members).
void check_duplicate_key(std::span<const Member> earlier, const Value& key, std::vector<Problem>& out);

}  // namespace gomo::document
