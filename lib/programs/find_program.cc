// Programs by id or name (programs/find_program.h).
#include "programs/find_program.h"

#include "api/list_all.h"
#include "api/validate.h"
#include "api/validate_programs.h"

namespace gomo::programs {
namespace {

// An id the platform does not know: 404, or 400 from a platform that checks the id's shape first.
bool is_not_found(const api::ApiError& e) { return e.http_status == 404 || e.http_status == 400; }

api::Result<std::vector<api::Program>> list_programs(api::Platform& platform, const api::PageQuery& query) {
  return api::collect_all<api::Program>([&](const api::PageQuery& q) { return platform.list_programs(q); }, query);
}

}  // namespace

api::Result<std::vector<api::Program>> find_programs_by_name(api::Platform& platform, const std::string& name) {
  api::PageQuery query;
  if (api::char_count(name) <= 100) query.search = name;
  auto all = list_programs(platform, query);
  if (!all && !query.search.empty() && all.error().http_status == 400) {
    query.search.clear();
    all = list_programs(platform, query);
  }
  if (!all) return all.error();
  std::vector<api::Program> out;
  for (auto& p : *all)
    if (p.name == name) out.push_back(std::move(p));
  return out;
}

api::Result<std::vector<api::Program>> find_program(api::Platform& platform, const std::string& key) {
  auto by_id = [&]() -> api::Result<std::vector<api::Program>> {
    auto got = platform.get_program(key);
    if (got) return std::vector<api::Program>{std::move(*got)};
    if (is_not_found(got.error())) return std::vector<api::Program>{};
    return got.error();
  };
  const bool uuid = api::is_uuid(key);
  auto first = uuid ? by_id() : find_programs_by_name(platform, key);
  if (!first || !first->empty()) return first;
  return uuid ? find_programs_by_name(platform, key) : by_id();
}

}  // namespace gomo::programs
