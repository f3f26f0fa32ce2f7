#pragma once
// The routes of programs, executions, execution reports, call requests, call reports, DIDs, audio
// and dictionaries (Gomobile docs: Programs to DIDs), for Router::handle. Internal to lib/serve.
#include <initializer_list>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "serve/router.h"

namespace gomo::serve {

// The answer when `parts` (the path after /api, split) names one of these routes; nothing
// otherwise. `body` is the parsed JSON body (an empty object for GET/DELETE and multipart).
std::optional<Response> route_programs(const Request& request, const std::vector<std::string>& parts,
                                       const nlohmann::json& body, api::Platform& platform);

// The paging parameters page/limit/search/sortBy/sortOrder plus the route's own parameters (`extra`,
// returned by name in `extras`); any other parameter is refused like an undocumented property
// (router.cc).
api::Result<api::PageQuery> page_query(const Request& req, std::initializer_list<const char*> extra = {},
                                       std::map<std::string, std::string>* extras = nullptr);

}  // namespace gomo::serve
