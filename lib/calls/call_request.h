#pragma once
// One-off calls on a platform (Gomobile docs: Ad-hoc calls): the contact, flow and DID named on the
// command line found on the platform, then one POST /call-requests. Over api::Platform only, so the
// local workspace, `gomo serve` and the real platform behave alike.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "api/platform.h"
#include "contacts/resolve.h"

namespace gomo::calls {

struct CallSpec {
  std::string contact;                  // a contact id or phone (normalised with `region`)
  std::string flow;                     // a flow id or exact name
  std::string did;                      // a DID id or number; "": see find_did
  std::string region = "MA";            // of a phone written without +
  api::RetryStrategy retry;             // program spelling (calls/call_options.h parse_retry); default none
  std::optional<std::string> start_at;  // ISO 8601 with timezone; unset: now
};

// What was asked, with the objects the names resolved to.
struct PlacedCall {
  api::CallRequestResult result;  // {jobId, status}
  api::Contact contact;
  api::FlowRecord flow;
  api::Did did;
  api::CallRequestFields fields;  // what was sent
};

// The DID `arg` names among the active DIDs available to the account: by id, or by number (with or
// without the leading +). "" picks the first of the account's own active DIDs the platform lists, else
// the first shared one. Usage failures: no match (listing the numbers), no active DID at all.
contacts::Outcome<api::Did> find_did(api::Platform& platform, const std::string& arg);

// Finds the contact (a phone no contact has is a 404 that says how to create it), the flow (an
// ambiguous name is a usage failure listing the ids; none, a 404) and the DID, then requests the call.
// Sends nothing when a name cannot be resolved. The platform checks the rest (a 400 lists the fields).
contacts::Outcome<PlacedCall> request_call(api::Platform& platform, const CallSpec& spec);

// A call request's record for `-o json|yaml`: {id, jobId, status, contactId, phone, flowId, flowName,
// didId, didNumber, retry (program spelling), startAt}.
nlohmann::json placed_call_json(const PlacedCall& call);

}  // namespace gomo::calls
