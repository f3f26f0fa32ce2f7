#pragma once
// `gomo call list` and `gomo call report`: call requests read back from a platform, the contact named
// as users name it (id or phone). Over api::Platform only.
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "contacts/resolve.h"

namespace gomo::calls {

struct CallList {
  std::vector<api::CallRequest> requests;  // newest first
  std::optional<api::PageMeta> meta;       // the page's; unset when every page was read
};

// The call requests of page `page` (its number, size and order), or with `all` every page from there
// on. `contact` (an id or phone; `region` for a phone written without +; "" for every contact's) keeps
// one contact's. Failures: the contact cannot be found (as contacts::find_contact), the platform's refusal.
contacts::Outcome<CallList> list_calls(api::Platform& platform, const std::string& contact, const std::string& region,
                                       const api::PageQuery& page, bool all);

// The report of call request `job_id`. An unknown id is the platform's 404 with a message that names
// it and says where the ids are (gomo call list).
api::Result<api::CallReport> call_report(api::Platform& platform, const std::string& job_id);

}  // namespace gomo::calls
