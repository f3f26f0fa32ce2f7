#include "sync/remote_checks.h"

#include "document/writer.h"
#include "flow/canonical.h"
#include "model/flow.h"

namespace gomo::sync {
namespace {

using document::Value;

api::ApiError unusable(const std::string& message) {
  api::ApiError e;
  e.http_status = 400;
  e.code = "INVALID_FLOW";
  e.message = message;
  return e;
}

// RFC 6901 tokens of `pointer` ("/graph/nodes/0" -> graph, nodes, 0); also accepts a dotted field
// path as class-validator names fields ("graph.nodes.0").
std::vector<std::string> tokens_of(const std::string& path) {
  std::vector<std::string> out;
  if (path.empty()) return out;
  const bool dotted = path[0] != '/';
  const char sep = dotted ? '.' : '/';
  std::string cur;
  for (size_t i = dotted ? 0 : 1; i < path.size(); ++i) {
    if (path[i] == sep) {
      out.push_back(cur);
      cur.clear();
    } else if (!dotted && path[i] == '~' && i + 1 < path.size()) {
      cur += path[++i] == '1' ? '/' : '~';
    } else {
      cur += path[i];
    }
  }
  out.push_back(cur);
  return out;
}

bool is_index(const std::string& t) {
  return !t.empty() && t.size() < 9 && t.find_first_not_of("0123456789") == std::string::npos;
}

// Follows tokens[from..] from `v` as far as the document has them and returns the deepest value
// reached; a last token naming an object or array member gives the member's key (one line, not the
// whole block).
const Value* walk(const Value* v, const std::vector<std::string>& tokens, size_t from) {
  for (size_t i = from; i < tokens.size(); ++i) {
    if (v->is_mapping()) {
      const document::Member* m = v->find_member(tokens[i]);
      if (!m) break;
      if (i + 1 == tokens.size() && !m->value.is_scalar()) return &m->key;
      v = &m->value;
    } else if (v->is_sequence() && is_index(tokens[i]) && std::stoul(tokens[i]) < v->items.size()) {
      v = &v->items[std::stoul(tokens[i])];
    } else {
      break;
    }
  }
  return v;
}

// Where in the file a platform problem belongs.
const Value* place(const model::Flow& flow, const document::Document& doc, const api::FlowProblem& p) {
  std::vector<std::string> tokens = p.path ? tokens_of(*p.path) : std::vector<std::string>{};
  const model::Node* node = p.node_id ? flow.find(*p.node_id) : nullptr;
  const bool in_nodes = tokens.size() >= 3 && tokens[0] == "graph" && tokens[1] == "nodes";
  if (!node && in_nodes && is_index(tokens[2])) {
    // The graph was sent with nodes as an array in file order.
    size_t k = std::stoul(tokens[2]);
    if (k < flow.nodes.size()) node = &flow.nodes[k];
  }
  if (node) {
    if (!in_nodes || tokens.size() == 3) return &node->anchor();
    if (tokens[3] == "id" && !node->id_value) return &node->anchor();
    const Value* at = walk(node->value, tokens, 3);
    return at == node->value ? &node->anchor() : at;
  }
  if (!tokens.empty() && tokens[0] == "graph" && flow.graph) return walk(flow.graph, tokens, 1);
  if (!tokens.empty()) {
    const Value* at = walk(&doc.root, tokens, 0);
    if (at != &doc.root) return at;
  }
  return flow.graph;
}

}  // namespace

api::Result<std::vector<diag::Diagnostic>> remote_validate(api::Platform& platform, const document::Document& doc,
                                                           const std::vector<diag::Diagnostic>& local) {
  auto canonical = flow::canonicalize(doc);
  if (!canonical) return unusable(doc.path + ": " + canonical.error().message());
  const Value* graph = &canonical->root;
  if (const Value* g = canonical->root.is_mapping() ? canonical->root.find("graph") : nullptr) graph = g;
  if (!graph->is_mapping()) return unusable(doc.path + ": no flow graph to send (graph must be an object)");
  auto graph_json = document::write_json(*graph);
  if (!graph_json) return unusable(doc.path + ": " + graph_json.error().message());

  api::FlowValidation answer;
  auto validated = platform.validate_flow(graph_json.value());
  if (validated) {
    answer = std::move(*validated);
  } else if (validated.error().http_status == 400 && !validated.error().field_errors.empty()) {
    // A platform that answers "invalid" with the error envelope: its field errors are the findings.
    answer.valid = false;
    for (const auto& [field, messages] : validated.error().field_errors) {
      std::string path = field == "graph" || field.rfind("graph.", 0) == 0 ? field : "graph." + field;
      for (const auto& m : messages) answer.errors.push_back({validated.error().code, m, std::nullopt, path});
    }
  } else {
    return validated.error();
  }

  model::Flow flow = model::build_flow(doc);
  std::vector<diag::Diagnostic> out;
  auto add = [&](const api::FlowProblem& p, diag::Severity severity) {
    diag::Diagnostic d;
    d.rule = kRemoteValidationRule;
    d.severity = severity;
    d.message = "platform: " + (p.message.empty() ? std::string("flow is invalid") : p.message);
    if (!p.code.empty()) d.message += " (" + p.code + ")";
    if (const Value* at = place(flow, doc, p)) {
      d.location = diag::locate(doc, *at);
    } else {
      d.location.file = doc.path;
    }
    for (const auto& l : local) {
      if (l.rule == p.code && l.location.pointer == d.location.pointer) return;
    }
    d.message = diag::visible(d.message);  // the platform's text, quoted values and all
    diag::set_snippet(d, doc.line_text(d.location.line));
    out.push_back(std::move(d));
  };
  for (const auto& p : answer.errors) add(p, diag::Severity::kError);
  for (const auto& p : answer.warnings) add(p, diag::Severity::kWarning);
  if (!answer.valid && answer.errors.empty()) add({}, diag::Severity::kError);
  return out;
}

namespace {

// One field of every item of a paginated list, pages of 100 until the last. Bounded: a platform
// that never says "last page" cannot loop us.
template <typename List, typename Field>
api::Result<std::set<std::string>> collect(List list, Field field) {
  std::set<std::string> out;
  api::PageQuery query;
  query.limit = 100;
  for (int page = 1; page <= 10000; ++page) {
    query.page = page;
    auto got = list(query);
    if (!got) return got.error();
    for (const auto& item : got->data) out.insert(field(item));
    if (!got->meta.has_next_page || got->data.empty()) break;
  }
  return out;
}

}  // namespace

api::Result<std::set<std::string>> account_attribute_names(api::Platform& platform) {
  return collect([&](const api::PageQuery& q) { return platform.list_custom_attributes(q); },
                 [](const api::CustomAttribute& a) { return a.name; });
}

api::Result<std::set<std::string>> account_audio_ids(api::Platform& platform) {
  return collect(
      [&](const api::PageQuery& q) {
        api::AudioQuery query;
        query.page = q;
        return platform.list_audio(query);
      },
      [](const api::Audio& a) { return a.id; });
}

}  // namespace gomo::sync
