#pragma once
// JSON Schema (a document::Value tree) -> schema tables (schema_node.h), and those tables -> C++
// source. SchemaChecker compiles schemas given at run time; gomo_schema_gen (schema_gen.cc) writes the
// flow schema out at build time, so `gomo flow validate` neither parses nor indexes it at start-up.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/schema_node.h"

namespace gomo::checks::schema {

// The tables of one schema, owned. `composites` point into the schema tree, which must outlive this.
struct Compiled {
  std::vector<Node> nodes;
  std::string strings;
  std::vector<Str> strs;
  std::vector<Constant> constants;
  std::vector<Bounds> bounds;
  std::vector<Property> properties;
  std::vector<Index> node_lists;
  std::vector<Alias> aliases;
  std::vector<Definition> definitions;
  std::vector<const document::Value*> composites;
  Tables tables;  // views of the vectors above
};

std::unique_ptr<Compiled> compile(const document::Value& root);

// The schema a local `$ref` ("#/definitions/x") in `schema` names within `root`, its own $refs followed;
// `schema` itself when it has no $ref; null when unresolvable.
const document::Value* resolve_ref(const document::Value& root, const document::Value& schema);

// C++ source defining, in namespace gomo::checks::generated, `const schema::Tables <name>` and the
// read-only arrays behind it, all constant-initialised. Fails (returns false, `error` set) on what
// cannot be written as constants: an object or array as an `enum` or `const` value.
bool emit_cpp(const Compiled& compiled, std::string_view name, std::string& out, std::string& error);

}  // namespace gomo::checks::schema
