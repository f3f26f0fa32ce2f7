#include "sync/flow_sync.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "api/create_checked.h"
#include "api/validate.h"
#include "api/validate_programs.h"
#include "base/unicode.h"
#include "diag/diagnostic.h"
#include "document/limits.h"
#include "document/writer.h"
#include "flow/canonical.h"
#include "flow/line_diff.h"

namespace gomo::sync {
namespace {

using document::Kind;
using document::Value;
using nlohmann::json;

const Value* member_value(const Value& v, std::string_view key) { return v.is_mapping() ? v.find(key) : nullptr; }

// Canonical YAML of an API body given as JSON. Both sides of every comparison come through here:
// the platform keeps a graph as JSON (key order and number spelling are its own), so the file's
// body takes the same road (JSON, then gomo's canonical order) before the two are compared.
Result<std::string> body_yaml(const json& body) {
  auto doc = document::read_json("body.json", body.dump());
  if (!doc->parsed) return Status::internal("the flow body does not read back as JSON");
  auto canonical = flow::canonicalize(*doc);
  if (!canonical) return canonical.error();
  return document::write_yaml(canonical->root);
}

api::ApiError bad_flow(const std::string& message) {
  api::ApiError e;
  e.http_status = 502;
  e.code = "BAD_RESPONSE";
  e.message = message;
  return e;
}

// gomo-only keys never go to the platform, which rejects undocumented properties: `x-gomo-*` (e.g. a
// node's x-gomo-ignore) and the editors' `$schema`, at any depth.
void strip_gomo_extensions(json& value) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end();) {
      if (it.key() == "$schema" || it.key().rfind("x-gomo-", 0) == 0) {
        it = value.erase(it);
      } else {
        strip_gomo_extensions(*it);
        ++it;
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value) strip_gomo_extensions(item);
  }
}

bool is_not_found(const api::ApiError& e) { return e.http_status == 404 || e.http_status == 400; }

// How many times push looks for a flow whose create answer was lost (and sends it again when absent).
constexpr int kCreateChecks = 3;

api::ApiError ambiguous_after_create(const std::vector<api::FlowRecord>& flows) {
  api::ApiError e;
  e.code = "AMBIGUOUS_NAME";
  e.message = std::to_string(flows.size()) + " flows now have this name (";
  for (size_t i = 0; i < flows.size(); ++i) e.message += (i ? ", " : "") + flows[i].id;
  e.message += ")";
  return e;
}

}  // namespace

Result<LocalFlow> read_local_flow(const document::Document& doc, const std::string& name) {
  flow::CanonicalOptions options;
  options.name = name;
  auto canonical = flow::canonicalize(doc, options);
  if (!canonical) return canonical.error();
  const Value& root = canonical->root;
  if (!root.is_mapping()) return Status::invalid_argument(doc.path + ": not a flow (expected an object)");
  LocalFlow local;
  local.path = doc.path;
  const Value* graph = member_value(root, "graph");
  if (!graph) {
    return Status::invalid_argument(doc.path +
                                    ": a bare graph has no name: give it one with --name (or add name: and graph:)");
  }
  if (!graph->is_mapping()) return Status::invalid_argument(doc.path + ": graph must be an object");
  const Value* own_name = member_value(root, "name");
  if (!own_name || !own_name->is_string() || own_name->text.empty())
    return Status::invalid_argument(doc.path + ": the flow has no name (name: must be a non-empty string)");
  if (!name.empty() && own_name->text != name)
    return Status::invalid_argument(doc.path + ": --name \"" + name + "\" differs from the flow's own name \"" +
                                    own_name->text + "\"; --name only names a bare graph");
  local.name = own_name->text;
  if (const Value* d = member_value(root, "description"); d && d->is_string()) local.description = d->text;
  auto graph_text = document::write_json(*graph);
  if (!graph_text) return graph_text.error();
  json body = {{"name", local.name}, {"graph", json::parse(graph_text.value(), nullptr, false)}};
  if (body["graph"].is_discarded()) return Status::internal(doc.path + ": the graph does not read back as JSON");
  strip_gomo_extensions(body["graph"]);
  local.graph_json = body["graph"].dump();
  if (local.description) body["description"] = *local.description;
  auto yaml = body_yaml(body);
  if (!yaml) return yaml.error();
  local.canonical_yaml = std::move(yaml.value());
  return local;
}

Result<std::string> platform_flow_yaml(const api::FlowRecord& flow, bool with_description) {
  json graph = json::parse(flow.graph_json, nullptr, false);
  if (graph.is_discarded()) return Status::invalid_argument("the platform's graph of flow " + flow.id + " is not JSON");
  json body = {{"name", flow.name}, {"graph", graph}};
  if (with_description && flow.description) body["description"] = *flow.description;
  return body_yaml(body);
}

api::Result<std::vector<api::FlowRecord>> find_flows_by_name(api::Platform& platform, const std::string& name) {
  api::PageQuery query;
  // A search narrows the list where the platform supports it; names it cannot search for, and a
  // platform that refuses the parameter, get the whole list.
  if (api::char_count(name) <= 100) query.search = name;
  auto all = api::list_all_flows(platform, query);
  if (!all && !query.search.empty() && all.error().http_status == 400) {
    query.search.clear();
    all = api::list_all_flows(platform, query);
  }
  if (!all) return all.error();
  std::vector<api::FlowRecord> out;
  for (auto& f : *all)
    if (f.name == name) out.push_back(std::move(f));
  return out;
}

api::Result<std::vector<api::FlowRecord>> find_flow(api::Platform& platform, const std::string& key) {
  auto by_id = [&]() -> api::Result<std::vector<api::FlowRecord>> {
    auto got = platform.get_flow(key);
    if (got) return std::vector<api::FlowRecord>{std::move(*got)};
    if (is_not_found(got.error())) return std::vector<api::FlowRecord>{};
    return got.error();
  };
  const bool uuid = api::is_uuid(key);
  auto first = uuid ? by_id() : find_flows_by_name(platform, key);
  if (!first || !first->empty()) return first;
  return uuid ? find_flows_by_name(platform, key) : by_id();
}

std::string flow_file_name(const api::FlowRecord& flow) {
  const std::string name = slug(flow.name, '-');
  return (name.empty() ? flow.id : name) + ".yaml";
}

const char* push_status_name(PushStatus s) {
  switch (s) {
    case PushStatus::kCreated: return "created";
    case PushStatus::kUpdated: return "updated";
    case PushStatus::kUnchanged: return "unchanged";
    case PushStatus::kWouldCreate: return "would-create";
    case PushStatus::kWouldUpdate: return "would-update";
    case PushStatus::kInvalid: return "invalid";
    case PushStatus::kAmbiguous: return "ambiguous";
    case PushStatus::kUnreadable: return "unreadable";
    case PushStatus::kApiError: return "api-error";
  }
  return "?";
}

PushOutcome push_flow(api::Platform& platform, const checks::Input& input, const PushOptions& options) {
  PushOutcome out;
  out.path = input.path;
  auto fail = [&](PushStatus status, std::string message) {
    out.status = status;
    out.message = std::move(message);
    return out;
  };
  auto api_fail = [&](const api::ApiError& e) {
    out.status = PushStatus::kApiError;
    out.error = e;
    return out;
  };

  std::string text = input.text;
  if (!input.from_stdin) {
    auto read = document::read_input_text(input.path);
    if (!read && read.error().code() == StatusCode::kInvalidArgument)  // over the input limit
      return fail(PushStatus::kUnreadable, read.error().message());
    if (!read) return fail(PushStatus::kUnreadable, input.path + ": cannot read: " + read.error().message());
    text = std::move(read.value());
  }
  if (options.check) {
    out.checked = checks::validate_text(input.path, text, options.validate);
    if (out.checked.unreadable) return fail(PushStatus::kUnreadable, input.path + ": not valid YAML/JSON");
  }
  auto doc = document::read_document(input.path, std::move(text));
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return fail(PushStatus::kUnreadable,
                input.path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) + ": " + p.message);
  }
  auto local = read_local_flow(*doc, options.name);
  if (!local) return fail(PushStatus::kUnreadable, local.error().message());
  out.name = local->name;
  if (options.check && !options.force && diag::count(out.checked.diagnostics).errors > 0) {
    out.status = PushStatus::kInvalid;
    return out;
  }

  std::optional<api::FlowRecord> current;
  if (!options.id.empty()) {
    auto got = platform.get_flow(options.id);
    if (!got) return api_fail(got.error());
    current = std::move(*got);
  } else {
    auto found = find_flows_by_name(platform, local->name);
    if (!found) return api_fail(found.error());
    if (found->size() > 1) {
      out.candidates = std::move(*found);
      out.status = PushStatus::kAmbiguous;
      return out;
    }
    if (found->size() == 1) current = std::move(found->front());
  }

  std::string before;
  std::string before_name = "platform: no flow named \"" + local->name + "\"";
  if (current) {
    // A file without a description leaves the platform's alone, so it is no difference either.
    auto yaml = platform_flow_yaml(*current, local->description.has_value());
    if (!yaml) return api_fail(bad_flow(yaml.error().message()));
    before = std::move(yaml.value());
    before_name = "platform: " + current->name + " (" + current->id + ")";
  }
  out.flow = current;
  out.diff = flow::unified_diff(before, local->canonical_yaml, before_name, input.path);
  if (current && out.diff.empty()) {
    out.status = PushStatus::kUnchanged;
    return out;
  }
  if (options.dry_run) {
    out.status = current ? PushStatus::kWouldUpdate : PushStatus::kWouldCreate;
    return out;
  }
  api::FlowFields fields{local->name, local->description, local->graph_json};
  // No flow had this name a moment ago: after a lost answer, one flow of that name is the one we
  // created (api/create_checked.h); none means the create was not applied, and it is sent again.
  auto find_created = [&]() -> api::Result<std::optional<api::FlowRecord>> {
    auto found = find_flows_by_name(platform, local->name);
    if (!found) return found.error();
    if (found->size() > 1) return ambiguous_after_create(*found);
    if (found->empty()) return std::optional<api::FlowRecord>();
    return std::optional<api::FlowRecord>(std::move(found->front()));
  };
  auto sent = current ? platform.update_flow(current->id, fields)
                      : api::create_checked<api::FlowRecord>(
                            kCreateChecks, "looking the flow up by name", [&] { return platform.create_flow(fields); },
                            find_created);
  if (!sent) return api_fail(sent.error());
  out.flow = std::move(*sent);
  out.status = current ? PushStatus::kUpdated : PushStatus::kCreated;
  return out;
}

}  // namespace gomo::sync
