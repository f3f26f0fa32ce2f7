#pragma once
// A JSON Schema compiled for checking (schema_compile.h): one Node per schema object, keywords found,
// $refs linked, tagged unions indexed. Nodes refer to each other and to their lists and strings by
// index into flat tables, never by pointer, so that the flow schema written out as constants
// (gomo_schema_gen) is read-only data the loader does not relocate: parsing and indexing
// schemas/flow.schema.json at every start was a tenth of a one-file `gomo flow validate`, and
// pointer-filled tables cost a copied page each at start-up.
#include <cstdint>
#include <string_view>

#include "document/document.h"

namespace gomo::checks::schema {

using Index = uint32_t;
inline constexpr Index kNone = 0xFFFFFFFFu;

// Text in Tables::strings.
struct Str {
  uint32_t offset = 0;
  uint32_t length = 0;
};

// `size` entries of a table from `begin`.
struct Span {
  uint32_t begin = 0;
  uint32_t size = 0;
};

// An `enum` or `const` value.
struct Constant {
  document::Kind kind = document::Kind::kNull;
  bool boolean = false;
  int64_t integer = 0;
  double number = 0;  // set for integers too
  Str text;           // strings: the value; other scalars: as written (for messages)
  // Objects and arrays: an index into Tables::composites (run-time compiled schemas only; the
  // generator refuses them).
  Index composite = kNone;
};

// A numeric keyword (minimum, maxLength, ...), with its text for messages.
struct Bound {
  bool set = false;
  double value = 0;
  Str text;
};

struct Bounds {
  Bound min_length, max_length, minimum, maximum, min_items, max_items, min_properties, max_properties;
};

struct Property {
  Str name;
  Index schema = kNone;
};

// x-gomo-aliases: a field name people reach for by meaning, and the one meant.
struct Alias {
  Str from, to;
};

struct Node {
  // `true` / `false` as a schema. Anything that is neither a boolean nor an object accepts all.
  bool is_boolean = false;
  bool boolean = false;
  // draft-07: a $ref's siblings are ignored. has_ref with ref == kNone: unresolvable, accepts all.
  bool has_ref = false;
  bool has_type = false;
  bool integer_type = false;  // "integer": integral floats pass too
  bool has_enum = false;
  bool has_required = false;
  bool has_properties = false;
  bool has_all_of = false, has_any_of = false, has_one_of = false;
  bool has_noun = false;
  uint8_t type_mask = 0;  // a bit per document::Kind
  Index ref = kNone;
  Span type_names;            // Tables::strs
  Span enum_values;           // Tables::constants
  Index const_value = kNone;  // Tables::constants
  Index bounds = kNone;       // Tables::bounds
  Index items = kNone;        // a schema for every item (tuple `items` are not supported)
  Span required;              // Tables::strs
  Span properties;            // Tables::properties, in schema order
  Index additional = kNone, property_names = kNone;
  Span all_of, any_of, one_of;  // Tables::node_lists
  Index not_schema = kNone, if_schema = kNone, then_schema = kNone, else_schema = kNone;
  // gomo's annotations (ignored by other validators).
  Str noun;      // x-gomo-noun (when has_noun)
  Str rule;      // x-gomo-rule (empty: "schema")
  Span aliases;  // x-gomo-aliases: Tables::aliases
  // An allOf made only of `{if: {properties: {P: {const: "c"}}, required: [P]}, then: S}` items with
  // one P (a tagged union: node type, audio item type, value source): one lookup of v[P] instead of
  // evaluating every `if`. Same result for objects; other instances take allOf.
  Str dispatch_property;
  Span dispatch;  // Tables::properties: name = the tag, schema = its `then`
};

// definitions/NAME, for checks that read the schema's lists.
struct Definition {
  Str name;
  Index node = kNone;
};

// One compiled schema; nodes[0] is the root.
struct Tables {
  const Node* nodes = nullptr;
  const char* strings = nullptr;
  const Str* strs = nullptr;
  const Constant* constants = nullptr;
  const Bounds* bounds = nullptr;
  const Property* properties = nullptr;
  const Index* node_lists = nullptr;
  const Alias* aliases = nullptr;
  const Definition* definitions = nullptr;
  uint32_t definition_count = 0;
  const document::Value* const* composites = nullptr;

  std::string_view str(Str s) const { return {strings + s.offset, s.length}; }
  const Node& node(Index i) const { return nodes[i]; }
  // definitions/NAME, or nullptr.
  const Node* definition(std::string_view name) const {
    for (uint32_t i = 0; i < definition_count; ++i)
      if (str(definitions[i].name) == name) return &node(definitions[i].node);
    return nullptr;
  }
};

}  // namespace gomo::checks::schema
