#pragma once
// The canonical form of a flow document: the API body {name, description?, graph: {startNodeId,
// nodes: [...]}} with a stable key order read from schemas/flow.schema.json (properties in schema
// order, unknown keys after the known ones in their original order). Canonicalising never drops data:
// the result holds exactly the values of the input (see same_data).
#include <string>

#include "base/status.h"
#include "document/document.h"

namespace gomo::flow {

enum class NodesForm : uint8_t { kArray, kMap };

struct CanonicalOptions {
  // Nodes as an array (canonical) or as a map keyed by id. A conversion that would lose data
  // (missing or duplicate ids, a node that is not an object) fails for kMap; for kArray the nodes
  // stay a map and `kept_map_reason` says why.
  NodesForm nodes = NodesForm::kArray;
  // When non-empty and the document is a bare graph, wrap it into {name, graph} (the API body).
  std::string name;
};

struct Canonical {
  // The reordered tree. Values keep their source marks (comments are placed by them); parent links
  // are not set.
  document::Value root;
  std::string kept_map_reason;  // why nodes stayed a map although an array was asked for; "" if not
};

// REQUIRES: `doc.parsed`. Fails only for NodesForm::kMap conversions that would lose data.
Result<Canonical> canonicalize(const document::Document& doc, const CanonicalOptions& options = {});

// True when `a` and `b` hold the same data: mappings compared as sets of (key text, value) (order
// ignored, duplicates kept), sequences in order, scalars by kind and value. When false, `where`
// (if given) receives a JSON pointer to the first difference.
bool same_data(const document::Value& a, const document::Value& b, std::string* where = nullptr);

// Same data once nodes given as a map (keyed by id) are seen as an array of nodes with those ids:
// the check fmt and convert run on every output before writing it.
bool same_flow_data(const document::Value& a, const document::Value& b, std::string* where = nullptr);

}  // namespace gomo::flow
