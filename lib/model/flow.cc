#include "model/flow.h"

#include <algorithm>

namespace gomo::model {

namespace {
const std::vector<std::string> kTypeNames = {"dial",   "answer",    "play",         "dtmf",
                                             "record", "condition", "set_variable", "hangup"};
}

const char* node_type_name(NodeType type) {
  size_t i = static_cast<size_t>(type);
  return i < kTypeNames.size() ? kTypeNames[i].c_str() : "";
}

NodeType parse_node_type(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i)
    if (kTypeNames[i] == name) return static_cast<NodeType>(i);
  return NodeType::kUnknown;
}

const std::vector<std::string>& node_type_names() { return kTypeNames; }

const std::vector<std::string>& allowed_outputs(NodeType type) {
  static const std::vector<std::string> kDial = {"onAnswer",   "onVoicemail", "onNoAnswer", "onBusy",
                                                 "onRejected", "onError",     "default"};
  static const std::vector<std::string> kAnswer = {"onSuccess", "onError", "default"};
  static const std::vector<std::string> kPlay = {"onComplete", "onError", "default"};
  static const std::vector<std::string> kDtmf = {"branches",     "onSuccess", "onTimeout", "onInvalid",
                                                 "onMaxRetries", "onError",   "default"};
  static const std::vector<std::string> kRecord = {"onComplete", "onTimeout", "onError", "default"};
  static const std::vector<std::string> kCondition = {"onTrue", "onFalse", "onError"};
  static const std::vector<std::string> kSetVariable = {"onSuccess", "onError", "default"};
  static const std::vector<std::string> kNone = {};
  switch (type) {
    case NodeType::kDial: return kDial;
    case NodeType::kAnswer: return kAnswer;
    case NodeType::kPlay: return kPlay;
    case NodeType::kDtmf: return kDtmf;
    case NodeType::kRecord: return kRecord;
    case NodeType::kCondition: return kCondition;
    case NodeType::kSetVariable: return kSetVariable;
    case NodeType::kHangup: return kNone;
    case NodeType::kUnknown: return kNone;
  }
  return kNone;
}

bool Node::has_output(std::string_view name) const {
  return std::any_of(edges.begin(), edges.end(), [&](const Edge& e) { return e.name == name; });
}

const Node* Flow::find(std::string_view id) const {
  auto it = index_by_id.find(std::string(id));
  return it == index_by_id.end() ? nullptr : &nodes[it->second];
}

static void read_ignore_list(const Value* v, std::vector<std::string>& out) {
  if (!v) return;
  if (v->is_string()) out.push_back(v->text);
  else if (v->is_sequence())
    for (const auto& item : v->items)
      if (item.is_string()) out.push_back(item.text);
}

static Node build_node(const Value& v, const Value* map_key) {
  Node n;
  n.value = &v;
  n.map_key = map_key;
  n.first_line = map_key ? map_key->begin.line : v.begin.line;
  n.last_line = std::max(v.end.line, n.first_line);
  if (!v.is_mapping()) return n;
  n.id_value = v.find("id");
  if (n.id_value && n.id_value->is_scalar() && !n.id_value->is_null()) n.id = n.id_value->scalar_text();
  else if (map_key) n.id = map_key->text;
  n.type_value = v.find("type");
  if (n.type_value && n.type_value->is_string()) {
    n.type_name = n.type_value->text;
    n.type = parse_node_type(n.type_name);
  }
  n.label = std::string(v.string_at("label"));
  if (const Value* c = v.find("config"); c && c->is_mapping()) n.config = c;
  read_ignore_list(v.find("x-gomo-ignore"), n.ignored_rules);
  if (const Value* o = v.find("outputs"); o && o->is_mapping()) {
    n.outputs = o;
    n.edges.reserve(o->members.size());
    for (const auto& m : o->members) {
      if (m.key.text == "branches" && m.value.is_mapping()) {
        for (const auto& b : m.value.members) {
          if (!b.value.is_string()) continue;
          n.edges.push_back(Edge{"branches", b.key.text, b.value.text, &b.key, &b.value, -1});
        }
      } else if (m.value.is_string()) {
        n.edges.push_back(Edge{m.key.text, "", m.value.text, &m.key, &m.value, -1});
      }
    }
  }
  return n;
}

Flow build_flow(const document::Document& doc) {
  Flow f;
  f.doc = &doc;
  const Value& root = doc.root;
  if (!root.is_mapping()) return f;
  const Value* graph = root.find("graph");
  if (graph && graph->is_mapping()) {
    f.graph = graph;
  } else if (!graph && (root.find("nodes") || root.find("startNodeId"))) {
    f.graph = &root;
    f.bare_graph = true;
  }
  f.name = std::string(root.string_at("name"));
  if (!f.graph) return f;
  f.start_value = f.graph->find("startNodeId");
  if (f.start_value && f.start_value->is_string()) f.start_node_id = f.start_value->text;
  f.nodes_value = f.graph->find("nodes");
  if (f.nodes_value && f.nodes_value->is_sequence()) {
    f.nodes.reserve(f.nodes_value->items.size());
    for (const auto& item : f.nodes_value->items) f.nodes.push_back(build_node(item, nullptr));
  } else if (f.nodes_value && f.nodes_value->is_mapping()) {
    f.nodes_as_map = true;
    f.nodes.reserve(f.nodes_value->members.size());
    for (const auto& m : f.nodes_value->members) f.nodes.push_back(build_node(m.value, &m.key));
  }
  for (size_t i = 0; i < f.nodes.size(); ++i)
    if (!f.nodes[i].id.empty()) f.index_by_id.emplace(f.nodes[i].id, static_cast<int>(i));
  for (auto& n : f.nodes)
    for (auto& e : n.edges) {
      auto it = f.index_by_id.find(e.target);
      if (it != f.index_by_id.end()) e.target_index = it->second;
    }
  if (auto it = f.index_by_id.find(f.start_node_id); it != f.index_by_id.end()) f.start_index = it->second;
  // Comment suppressions apply to the node whose lines hold the comment, or that starts on the next line.
  for (const auto& c : doc.ignore_comments) {
    for (auto& n : f.nodes) {
      if ((c.line >= n.first_line && c.line <= n.last_line) || c.line + 1 == n.first_line) {
        n.ignored_rules.insert(n.ignored_rules.end(), c.rules.begin(), c.rules.end());
        break;
      }
    }
  }
  return f;
}

}  // namespace gomo::model
