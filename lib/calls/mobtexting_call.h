#pragma once
// `gomo call --provider mobtexting`: the same flags as a Gomobile call request, turned into mobtexting's
// outgoing-call request (remote/mobtexting.h). Mobtexting has no contacts and its flows are its own
// IVR journeys, so CONTACT is a phone number and --flow a journey id.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/programs.h"
#include "base/status.h"
#include "remote/mobtexting.h"

namespace gomo::calls {

struct MobtextingSpec {
  std::string to;  // a phone number (normalised with `region`)
  std::string region = "MA";
  std::string flow_id;                  // a mobtexting IVR journey id, or
  std::string audio;                    // a mobtexting sound id or a public http(s) audio URL
  std::string bridge;                   // --did, else the profile's bridge
  std::string webhook_id;               // optional
  api::RetryStrategy retry;             // none, or fixed_delay with a delay mobtexting offers
  std::optional<std::string> start_at;  // must be unset: mobtexting calls at once
  std::map<std::string, std::string> variables;
};

// The request, or a usage error (kInvalidArgument) naming the flag: a CONTACT that is no phone number,
// neither or both of --flow and --audio, an audio that is neither an id nor an http(s) URL, no bridge,
// --at (mobtexting calls at once), scheduled retries, a fixed delay that is not 5, 15, 30, 45 or 60
// minutes. `notes` gets what the user should know but is not an error (mobtexting decides the number
// of retries, so MAX is not sent).
Result<remote::MobtextingCall> mobtexting_call(const MobtextingSpec& spec, std::vector<std::string>& notes);

}  // namespace gomo::calls
