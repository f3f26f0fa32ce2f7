#pragma once
// A JSON Schema compiled for checking (schema_compile.h): one Node per schema object, keywords found,
// $refs linked, tagged unions indexed. Plain aggregates of pointers and counts, so that the flow
// schema can be written out as constant data (gomo_schema_gen) and cost nothing at start-up: parsing
// and indexing schemas/flow.schema.json at every start was a tenth of a one-file `gomo flow validate`.
#include <cstdint>

#include "document/document.h"

namespace gomo::checks::schema {

struct Node;

// An `enum` or `const` value.
struct Constant {
  document::Kind kind = document::Kind::kNull;
  bool boolean = false;
  int64_t integer = 0;
  double number = 0;     // set for integers too
  const char* text = "";  // strings: the value; other scalars: as written (for messages)
  uint32_t length = 0;    // of text
  // Objects and arrays (run-time compiled schemas only; the generator refuses them).
  const document::Value* composite = nullptr;
};

// A numeric keyword (minimum, maxLength, ...), with its text for messages.
struct Bound {
  bool set = false;
  double value = 0;
  const char* text = "";
};

struct Name {
  const char* text = "";
  uint32_t length = 0;
};

struct Property {
  Name name{};
  const Node* schema = nullptr;
};

// x-gomo-aliases: a field name people reach for by meaning, and the one meant.
struct Alias {
  Name from{};
  const char* to = "";
};

template <typename T>
struct List {
  const T* data = nullptr;
  uint32_t size = 0;
  const T* begin() const { return data; }
  const T* end() const { return data + size; }
  bool empty() const { return size == 0; }
};

struct Node {
  // `true` / `false` as a schema. Anything that is neither a boolean nor an object accepts all.
  bool is_boolean = false;
  bool boolean = false;
  // draft-07: a $ref's siblings are ignored. has_ref with a null ref: unresolvable, accepts all.
  bool has_ref = false;
  const Node* ref = nullptr;

  bool has_type = false;
  uint8_t type_mask = 0;  // a bit per document::Kind
  bool integer_type = false;  // "integer": integral floats pass too
  List<const char*> type_names{};

  bool has_enum = false;
  List<Constant> enum_values{};
  const Constant* const_value = nullptr;

  Bound min_length{}, max_length{}, minimum{}, maximum{}, min_items{}, max_items{}, min_properties{}, max_properties{};
  const Node* items = nullptr;  // a schema for every item (tuple `items` are not supported)
  bool has_required = false;
  List<Name> required{};
  bool has_properties = false;
  List<Property> properties{};  // in schema order
  const Node* additional = nullptr;
  const Node* property_names = nullptr;
  bool has_all_of = false, has_any_of = false, has_one_of = false;
  List<const Node*> all_of{}, any_of{}, one_of{};
  const Node *not_schema = nullptr, *if_schema = nullptr, *then_schema = nullptr, *else_schema = nullptr;

  // gomo's annotations (ignored by other validators).
  const char* noun = nullptr;  // x-gomo-noun
  const char* rule = nullptr;  // x-gomo-rule
  List<Alias> aliases{};       // x-gomo-aliases

  // An allOf made only of `{if: {properties: {P: {const: "c"}}, required: [P]}, then: S}` items with
  // one P (a tagged union: node type, audio item type, value source): one lookup of v[P] instead of
  // evaluating every `if`. Same result for objects; other instances take allOf.
  Name dispatch_property{};
  List<Property> dispatch{};  // name = the tag, schema = its `then`
};

// A definition by name (definitions/NAME), for checks that read the schema's lists.
struct Definition {
  const char* name = "";
  const Node* node = nullptr;
};

}  // namespace gomo::checks::schema
