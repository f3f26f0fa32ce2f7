#pragma once
// Mobtexting's outgoing-call API (seed 004, DECISIONS.md "Mobtexting"): one call placed through
// `POST {endpoint}outgoing/send` with `Authorization: Bearer KEY`. A provider for `gomo call`, beside
// the Gomobile platform; it has no contacts, flows by name or call reports, only this one request.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "remote/http_client.h"

namespace gomo::remote {

// Where mobtexting's API lives when a profile names no baseUrl.
inline constexpr const char* kMobtextingEndpoint = "https://portal.mobtexting.com/api/v2/";
// The retry intervals mobtexting accepts, in minutes.
inline constexpr int kMobtextingIntervals[] = {5, 15, 30, 45, 60};

struct MobtextingOptions {
  std::string endpoint = kMobtextingEndpoint;  // API root; "outgoing/send" is appended
  std::string api_key;                         // sent as Bearer; never logged or printed
  bool insecure = false;                       // plain http to a host that is not loopback; no TLS check
  int timeout_ms = 60000;                      // the request's deadline; <= 0: none
};

// The request body's fields. Exactly one of flow_id and audio.
struct MobtextingCall {
  std::string bridge;                            // the bridge (caller) number, digits with country code
  std::string to;                                // the number called, digits with country code ("+" is dropped)
  std::string flow_id;                           // an IVR journey id of the mobtexting account
  std::string audio;                             // or a sound id, or a public http(s) URL of an audio file
  std::string name;                              // campaign name (optional)
  std::optional<int> interval_minutes;           // retry interval: one of kMobtextingIntervals
  std::string webhook_id;                        // optional
  std::map<std::string, std::string> variables;  // sent as "variables[NAME]": value
};

// One number the call was accepted for ({id, mobile, charges, submitted_at} of the answer's data).
struct MobtextingAccepted {
  std::string id, mobile, charges, submitted_at;
};

struct MobtextingResult {
  int status = 0;       // the answer's own status field (200)
  std::string message;  // "1 numbers accepted for delivery."
  std::vector<MobtextingAccepted> accepted;
};

// The JSON body of `call` (exposed for tests): to and bridge without '+', flow_id or audio, name,
// interval, webhook_id when set, then one "variables[NAME]" member per variable.
std::string mobtexting_body(const MobtextingCall& call);

class MobtextingClient {
 public:
  // Fails like HttpClient::create (https only, plain http to loopback or with `insecure`).
  static Result<std::unique_ptr<MobtextingClient>> create(const MobtextingOptions& options);
  ~MobtextingClient();

  // Sends the call once: it is not idempotent and mobtexting cannot be asked whether it was applied, so a
  // lost answer is REQUEST_OUTCOME_UNKNOWN (never re-sent); a refused connection is retried. A non-2xx
  // answer is an ApiError with mobtexting's message; a 2xx answer without data is BAD_RESPONSE.
  Result<MobtextingResult> send_call(const MobtextingCall& call);

 private:
  explicit MobtextingClient(std::unique_ptr<HttpClient> http);
  std::unique_ptr<HttpClient> http_;
};

}  // namespace gomo::remote
