#pragma once
// JSON Schema (a document::Value tree) -> schema::Node graph, and that graph -> C++ source.
// SchemaChecker compiles schemas given at run time; gomo_schema_gen (schema_gen.cc) writes the flow
// schema out at build time, so `gomo flow validate` neither parses nor indexes it at start-up.
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checks/schema_node.h"

namespace gomo::checks::schema {

// The nodes of one schema. Strings point into the schema tree, which must outlive this.
class Compiled {
 public:
  const Node& root() const { return nodes_.front(); }
  const std::deque<Node>& nodes() const { return nodes_; }
  // definitions/NAME of the root, in schema order.
  const std::vector<Definition>& definitions() const { return definitions_; }

 private:
  friend class Compiler;
  std::deque<Node> nodes_;
  std::deque<Constant> constants_;
  std::deque<std::vector<const char*>> string_lists_;
  std::deque<std::vector<Constant>> constant_lists_;
  std::deque<std::vector<Name>> name_lists_;
  std::deque<std::vector<Property>> property_lists_;
  std::deque<std::vector<Alias>> alias_lists_;
  std::deque<std::vector<const Node*>> node_lists_;
  std::vector<Definition> definitions_;
};

std::unique_ptr<Compiled> compile(const document::Value& root);

// C++ source defining, in namespace gomo::checks::generated, `const schema::Node <prefix>Nodes[]`
// (the root first) and `const schema::Definition <prefix>Definitions[]` with
// `<prefix>DefinitionCount`, all constant-initialised. Fails (returns false, `error` set) on what
// cannot be written as constants: an object or array as an `enum` or `const` value.
bool emit_cpp(const Compiled& compiled, std::string_view prefix, std::string& out, std::string& error);

}  // namespace gomo::checks::schema
