// Names by id, read once each (programs/names.h).
#include "programs/names.h"

#include <nlohmann/json.hpp>

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

void add_reference_names(Names& names, nlohmann::json& programs) {
  auto add = [&names](nlohmann::json& program) {
    if (!program.is_object()) return;
    if (const auto& flow = names.flow(string_field(program, "flowId")); !flow.empty()) program["flowName"] = flow;
    const auto& audience = names.audience(string_field(program, "audienceId"));
    if (!audience.empty()) program["audienceName"] = audience;
  };
  if (!programs.is_array()) return add(programs);
  for (auto& program : programs) add(program);
}

}  // namespace gomo::programs
