// Call requests read back (calls/call_list.h).
#include "calls/call_list.h"

#include "api/list_all.h"

namespace gomo::calls {

contacts::Outcome<CallList> list_calls(api::Platform& platform, const std::string& contact, const std::string& region,
                                       const api::PageQuery& page, bool all) {
  api::CallRequestQuery query;
  query.page = page;
  if (!contact.empty()) {
    auto found = contacts::find_contact(platform, contact, region);
    if (!found) return found.error();
    query.contact_id = found->id;
  }
  CallList out;
  if (all) {
    auto every = api::collect_all<api::CallRequest>(
        [&](const api::PageQuery& q) {
          api::CallRequestQuery one = query;
          one.page = q;
          return platform.list_call_requests(one);
        },
        query.page);
    if (!every) return contacts::Failure::api_error(every.error());
    out.requests = std::move(*every);
    return out;
  }
  auto one = platform.list_call_requests(query);
  if (!one) return contacts::Failure::api_error(one.error());
  out.requests = std::move(one->data);
  out.meta = one->meta;
  return out;
}

api::Result<api::CallReport> call_report(api::Platform& platform, const std::string& job_id) {
  auto report = platform.call_report(job_id);
  if (report || report.error().http_status != 404) return report;
  api::ApiError e = report.error();
  e.message = "no call request with job id " + job_id + " (gomo call list shows them)";
  return e;
}

}  // namespace gomo::calls
