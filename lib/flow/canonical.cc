#include "flow/canonical.h"

#include <algorithm>
#include <set>

#include "checks/schema_check.h"
#include "checks/schema_compile.h"

namespace gomo::flow {
namespace {

using document::Kind;
using document::Member;
using document::Value;

// ---- Which schema objects apply to an instance -------------------------------------------------

const Value* resolve_ref(const Value& schema) { return checks::schema::resolve_ref(checks::flow_schema(), schema); }

// The `if` schemas of flow.schema.json hold no $ref, so a checker rooted at the `if` schema decides it.
bool matches(const Value& instance, const Value& schema) {
  std::vector<checks::SchemaViolation> out;
  checks::SchemaChecker(schema).check(instance, out);
  return out.empty();
}

// Flattens `schema` into the schema objects that apply to `instance`: $ref followed, allOf
// expanded, if/then/else decided, and anyOf/oneOf branches kept when they match.
void applicable(const Value& instance, const Value& schema_in, std::vector<const Value*>& out, int depth = 0) {
  if (depth > 32 || !schema_in.is_mapping()) return;
  const Value* resolved = resolve_ref(schema_in);
  if (!resolved || !resolved->is_mapping()) return;
  const Value& schema = *resolved;
  out.push_back(&schema);
  if (const Value* all = schema.find("allOf"); all && all->is_sequence())
    for (const Value& s : all->items) applicable(instance, s, out, depth + 1);
  for (const char* key : {"anyOf", "oneOf"})
    if (const Value* any = schema.find(key); any && any->is_sequence())
      for (const Value& s : any->items)
        if (matches(instance, *resolve_ref(s))) applicable(instance, s, out, depth + 1);
  if (const Value* cond = schema.find("if")) {
    const Value* branch = schema.find(matches(instance, *cond) ? "then" : "else");
    if (branch) applicable(instance, *branch, out, depth + 1);
  }
}

// ---- Reordering ---------------------------------------------------------------------------------

Value ordered(const Value& v, const std::vector<const Value*>& schemas);

std::vector<const Value*> child_schemas(const std::vector<const Value*>& schemas, const std::string& key) {
  std::vector<const Value*> out;
  for (const Value* s : schemas) {
    const Value* props = s->find("properties");
    if (const Value* p = props ? props->find(key) : nullptr) out.push_back(p);
    else if (const Value* extra = s->find("additionalProperties"); extra && extra->is_mapping()) out.push_back(extra);
  }
  return out;
}

Value ordered_mapping(const Value& v, const std::vector<const Value*>& schemas) {
  std::vector<const Value*> flat;
  for (const Value* s : schemas) applicable(v, *s, flat);
  // Known keys in the order the schema names them.
  std::vector<std::string> known;
  for (const Value* s : flat)
    if (const Value* props = s->find("properties"); props && props->is_mapping())
      for (const Member& m : props->members)
        if (std::find(known.begin(), known.end(), m.key.text) == known.end()) known.push_back(m.key.text);

  Value out = v;
  out.members.clear();
  std::vector<bool> used(v.members.size(), false);
  auto take = [&](size_t i) {
    used[i] = true;
    const Member& m = v.members[i];
    out.members.push_back(Member{m.key, ordered(m.value, child_schemas(flat, m.key.text))});
  };
  for (const std::string& key : known)
    for (size_t i = 0; i < v.members.size(); ++i)
      if (!used[i] && v.members[i].key.text == key) take(i);
  for (size_t i = 0; i < v.members.size(); ++i)
    if (!used[i]) take(i);
  return out;
}

Value ordered(const Value& v, const std::vector<const Value*>& schemas) {
  if (v.is_mapping()) return ordered_mapping(v, schemas);
  if (!v.is_sequence()) return v;
  std::vector<const Value*> flat;
  for (const Value* s : schemas) applicable(v, *s, flat);
  std::vector<const Value*> item_schemas;
  for (const Value* s : flat)
    if (const Value* items = s->find("items"); items && items->is_mapping()) item_schemas.push_back(items);
  Value out = v;
  out.items.clear();
  for (const Value& item : v.items) out.items.push_back(ordered(item, item_schemas));
  return out;
}

// ---- Nodes as map <-> array ---------------------------------------------------------------------

bool is_flow_body(const Value& root) { return root.is_mapping() && root.find("graph") != nullptr; }

Value* graph_of(Value& root) {
  if (!root.is_mapping()) return nullptr;
  if (is_flow_body(root)) {
    for (Member& m : root.members)
      if (m.key.text == "graph") return m.value.is_mapping() ? &m.value : nullptr;
  }
  return &root;
}

Value* nodes_of(Value& root) {
  Value* graph = graph_of(root);
  if (!graph) return nullptr;
  for (Member& m : graph->members)
    if (m.key.text == "nodes") return &m.value;
  return nullptr;
}

// Map -> array, when no data would be lost. Returns "" on success, else why the map was kept.
std::string nodes_map_to_array(Value& nodes) {
  if (!nodes.is_mapping()) return "";
  std::set<std::string> keys;
  for (const Member& m : nodes.members) {
    if (!m.value.is_mapping()) return "node `" + m.key.text + "` is not an object";
    if (!keys.insert(m.key.text).second) return "node key `" + m.key.text + "` appears twice";
    const Value* id = m.value.find("id");
    if (id && (!id->is_string() || id->text != m.key.text))
      return "node `" + m.key.text + "` has a different id (`" + id->scalar_text() + "`)";
  }
  Value array;
  array.kind = Kind::kSequence;
  array.begin = nodes.begin;
  array.end = nodes.end;
  for (const Member& m : nodes.members) {
    Value node = m.value;
    if (!node.find("id")) {
      // The id takes the key's place (and its marks, so comments on the key follow it).
      Member id;
      id.key.kind = Kind::kString;
      id.key.text = "id";
      id.key.begin = m.key.begin;
      id.key.end = m.key.end;
      id.key.is_key = true;
      id.value = m.key;
      id.value.kind = Kind::kString;
      id.value.text = m.key.text;
      id.value.is_key = false;
      node.members.insert(node.members.begin(), std::move(id));
    }
    array.items.push_back(std::move(node));
  }
  nodes = std::move(array);
  return "";
}

Status nodes_array_to_map(Value& nodes) {
  if (!nodes.is_sequence()) return Status::ok();
  std::set<std::string> ids;
  for (size_t i = 0; i < nodes.items.size(); ++i) {
    const Value& node = nodes.items[i];
    const Value* id = node.is_mapping() ? node.find("id") : nullptr;
    if (!id || !id->is_string() || id->text.empty())
      return Status::invalid_argument("node " + std::to_string(i) + " (line " + std::to_string(node.begin.line) +
                                      ") has no string id: give it one before converting nodes to a map");
    if (!ids.insert(id->text).second)
      return Status::invalid_argument("node id `" + id->text + "` is used twice (line " +
                                      std::to_string(id->begin.line) + "): a map cannot hold both; rename one first");
    size_t id_count =
        std::count_if(node.members.begin(), node.members.end(), [](const Member& m) { return m.key.text == "id"; });
    if (id_count > 1)
      return Status::invalid_argument("node `" + id->text + "` has two id fields: remove one before converting");
  }
  Value map;
  map.kind = Kind::kMapping;
  map.begin = nodes.begin;
  map.end = nodes.end;
  for (Value& node : nodes.items) {
    Member m;
    auto it =
        std::find_if(node.members.begin(), node.members.end(), [](const Member& x) { return x.key.text == "id"; });
    m.key = it->value;
    m.key.is_key = true;
    node.members.erase(it);  // redundant: the key is the id
    m.value = std::move(node);
    map.members.push_back(std::move(m));
  }
  nodes = std::move(map);
  return Status::ok();
}

Value normalized_nodes(const Value& root) {
  Value copy = root;
  if (Value* nodes = nodes_of(copy)) (void)nodes_map_to_array(*nodes);
  return copy;
}

std::string scalar_identity(const Value& v) {
  switch (v.kind) {
    case Kind::kNull: return "null";
    case Kind::kBool: return v.boolean ? "true" : "false";
    case Kind::kInt: return std::to_string(v.integer);
    case Kind::kFloat: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", v.number);
      return buf;
    }
    default: return v.text;
  }
}

bool same_data_at(const Value& a, const Value& b, const std::string& at, std::string* where) {
  auto differ = [&] {
    if (where) *where = at;
    return false;
  };
  if (a.kind != b.kind) return differ();
  if (a.is_sequence()) {
    if (a.items.size() != b.items.size()) return differ();
    for (size_t i = 0; i < a.items.size(); ++i)
      if (!same_data_at(a.items[i], b.items[i], at + "/" + std::to_string(i), where)) return false;
    return true;
  }
  if (a.is_mapping()) {
    if (a.members.size() != b.members.size()) return differ();
    std::vector<bool> used(b.members.size(), false);
    for (const Member& m : a.members) {
      // Same key, same occurrence: the n-th `k` of a matches the n-th `k` of b.
      bool found = false;
      for (size_t j = 0; j < b.members.size() && !found; ++j) {
        if (used[j] || b.members[j].key.text != m.key.text) continue;
        used[j] = found = true;
        if (!same_data_at(m.value, b.members[j].value, at + "/" + document::escape_pointer_token(m.key.text), where))
          return false;
      }
      if (!found) {
        if (where) *where = at + "/" + document::escape_pointer_token(m.key.text);
        return false;
      }
    }
    return true;
  }
  if (scalar_identity(a) != scalar_identity(b)) return differ();
  return true;
}

}  // namespace

Result<Canonical> canonicalize(const document::Document& doc, const CanonicalOptions& options) {
  Canonical result;
  Value root = doc.root;
  if (!options.name.empty() && root.is_mapping() && !is_flow_body(root)) {
    // A bare graph given a name becomes the API body; `$schema` belongs to the outer object.
    Value body;
    body.kind = Kind::kMapping;
    body.begin = root.begin;
    body.end = root.end;
    auto schema =
        std::find_if(root.members.begin(), root.members.end(), [](const Member& m) { return m.key.text == "$schema"; });
    if (schema != root.members.end()) {
      body.members.push_back(*schema);
      root.members.erase(schema);
    }
    Member name;
    name.key.kind = Kind::kString;
    name.key.text = "name";
    name.value.kind = Kind::kString;
    name.value.text = options.name;
    body.members.push_back(std::move(name));
    Member graph;
    graph.key.kind = Kind::kString;
    graph.key.text = "graph";
    graph.value = std::move(root);
    body.members.push_back(std::move(graph));
    root = std::move(body);
  }
  if (Value* nodes = nodes_of(root)) {
    if (options.nodes == NodesForm::kArray) {
      result.kept_map_reason = nodes_map_to_array(*nodes);
    } else {
      // Order nodes as an array (ids first), then key them.
      result.kept_map_reason = nodes_map_to_array(*nodes);
      if (!result.kept_map_reason.empty())
        return Status::invalid_argument("cannot rewrite the nodes: " + result.kept_map_reason);
    }
  }
  result.root = ordered(root, {&checks::flow_schema()});
  if (options.nodes == NodesForm::kMap) {
    if (Value* nodes = nodes_of(result.root)) {
      Status s = nodes_array_to_map(*nodes);
      if (!s) return s;
    }
  }
  return result;
}

bool same_data(const Value& a, const Value& b, std::string* where) { return same_data_at(a, b, "", where); }

bool same_flow_data(const Value& a, const Value& b, std::string* where) {
  return same_data(normalized_nodes(a), normalized_nodes(b), where);
}

}  // namespace gomo::flow
