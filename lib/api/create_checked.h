#pragma once
// Creates whose answer may be lost: the one way gomo makes sure a create is applied once. After
// REQUEST_OUTCOME_UNKNOWN, the object the lost attempt would have made is looked for (a contact by
// phone, an attribute by name, a launch among the new executions, a call request among the
// contact's, a flow by name in `flow push`); it is sent again only when the check proves the
// attempt was not applied. Plain std and gomo types only: lib/sync uses it too.
#include <optional>
#include <string>

#include "api/platform.h"

namespace gomo::api {

// `lost` (REQUEST_OUTCOME_UNKNOWN, or a refusal the lost attempt may have caused) with why the check
// could not tell: "...; looking the contact up by phone failed too (429 RATE_LIMITED: ...)".
inline ApiError outcome_still_unknown(const ApiError& lost, const std::string& check, const ApiError& why) {
  ApiError e = lost;
  e.code = kOutcomeUnknown;
  e.http_status = 0;
  e.field_errors.clear();
  e.message += "; " + check + " failed too (" + (why.http_status ? std::to_string(why.http_status) + " " : "") +
               why.code + ": " + why.message + "), so gomo cannot tell whether it was applied";
  return e;
}

// Whether a failed request may succeed when made again soon: the network failed, or the platform was
// throttling (429) or briefly unavailable (502, 503, 504). Not a timeout (--timeout has passed) nor a
// refusal. Lookups that fail this way are worth repeating: they are safe, and without them a lost
// create stays unknown.
inline bool may_pass_when_repeated(const ApiError& e) {
  return e.code == kNetworkError || e.http_status == 429 || e.http_status == 502 || e.http_status == 503 ||
         e.http_status == 504;
}

// Sends with `send()` (-> Result<T>). While the result is REQUEST_OUTCOME_UNKNOWN, at most `rounds`
// times, `find()` (-> Result<std::optional<T>>) looks for what the lost attempt would have made:
// found, it is the result; not found, the attempt was not applied and is sent again; `find` failing
// gives REQUEST_OUTCOME_UNKNOWN (outcome_still_unknown), never find's own error, which would read as
// "not applied". `ours`, when given, names refusals a re-sent create may get because the lost attempt
// was applied after all (a duplicate, a launch already running): those are looked for too, and
// returned as they are when nothing is found. A lookup that fails in a way that may pass
// (may_pass_when_repeated) is made again, at most `rounds` times in all, before the outcome is called
// unknown. `check` says what find does, for messages ("looking the contact up by phone").
template <typename T, typename Send, typename Find>
Result<T> create_checked(int rounds, const std::string& check, Send send, Find find,
                         bool (*ours)(const ApiError&) = nullptr) {
  Result<T> result = send();
  for (int round = 0; round < rounds && !result; ++round) {
    ApiError lost = result.error();
    const bool unknown = lost.code == kOutcomeUnknown;
    if (!unknown && !(round > 0 && ours && ours(lost))) break;
    Result<std::optional<T>> found = find();
    for (int look = 1; look < rounds && !found && may_pass_when_repeated(found.error()); ++look) found = find();
    if (!found) return outcome_still_unknown(lost, check, found.error());
    if (*found) return std::move(**found);
    if (!unknown) return lost;  // nothing of ours: a real refusal
    result = send();            // not applied: sending again cannot apply it twice
  }
  return result;
}

}  // namespace gomo::api
