// Names by id, read once each (programs/names.h).
#include "programs/names.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/list_all.h"
#include "api/platform.h"

namespace gomo::programs {
namespace {
const std::string kUnknown;

std::string string_field(const nlohmann::json& record, const char* name) {
  auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

template <typename Get>
const std::string& Names::lookup(std::map<std::string, std::string>& known, const std::string& id, Get get) {
  if (id.empty()) return kUnknown;
  auto it = known.find(id);
  if (it != known.end()) return it->second;
  auto read = get();
  // A failed read is remembered too: a list of 500 rows pointing at a deleted flow asks once.
  return known.emplace(id, read ? read->name : std::string()).first->second;
}

const std::string& Names::program(const std::string& id) {
  return lookup(programs_, id, [&] { return platform_.get_program(id); });
}

const std::string& Names::flow(const std::string& id) {
  return lookup(flows_, id, [&] { return platform_.get_flow(id); });
}

const std::string& Names::audience(const std::string& id) {
  return lookup(audiences_, id, [&] { return platform_.get_audience(id); });
}

namespace {
// Remembers the listed names of `ids`, and "" for the ids the listing lacks.
template <typename Record>
void remember(std::map<std::string, std::string>& known, const std::vector<std::string>& ids,
              const std::vector<Record>& listed) {
  std::map<std::string, std::string> by_id;
  for (const auto& r : listed) by_id[r.id] = r.name;
  for (const auto& id : ids) {
    if (id.empty()) continue;
    auto it = by_id.find(id);
    known.emplace(id, it != by_id.end() ? it->second : std::string());
  }
}

std::vector<std::string> distinct_ids(const nlohmann::json& programs, const char* field) {
  std::vector<std::string> ids;
  for (const auto& program : programs) {
    std::string id = program.is_object() ? string_field(program, field) : std::string();
    if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
  }
  return ids;
}
}  // namespace

void Names::learn_flows(const std::vector<std::string>& ids) {
  if (auto listed = api::list_all_flows(platform_, {})) remember(flows_, ids, *listed);
}

void Names::learn_audiences(const std::vector<std::string>& ids) {
  auto listed =
      api::collect_all<api::Audience>([&](const api::PageQuery& q) { return platform_.list_audiences(q); }, {});
  if (listed) remember(audiences_, ids, *listed);
}

void add_reference_names(Names& names, nlohmann::json& programs) {
  auto add = [&names](nlohmann::json& program) {
    if (!program.is_object()) return;
    if (const auto& flow = names.flow(string_field(program, "flowId")); !flow.empty()) program["flowName"] = flow;
    const auto& audience = names.audience(string_field(program, "audienceId"));
    if (!audience.empty()) program["audienceName"] = audience;
  };
  if (!programs.is_array()) return add(programs);
  if (auto flows = distinct_ids(programs, "flowId"); flows.size() > kFewNames) names.learn_flows(flows);
  if (auto audiences = distinct_ids(programs, "audienceId"); audiences.size() > kFewNames)
    names.learn_audiences(audiences);
  for (auto& program : programs) add(program);
}

}  // namespace gomo::programs
