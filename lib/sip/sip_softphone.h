#pragma once
// A real phone call as the engine's callee: gomo is the SIP user agent that places the call (UDP,
// libre 1.x), sends the rendered prompts as G.711 RTP in real time, and hears the callee's keys (RFC
// 4733 events, SIP INFO) and voice (recorded to WAV). One call per object; everything runs on the
// calling thread: each engine step runs libre's event loop until that step is done.
//
// How the SIP answer maps to the engine's (documented in docs/simulation.md):
//   2xx -> kHuman (no AMD over SIP); 486 Busy Here, 600 Busy Everywhere -> kBusy;
//   603 Decline, 480 Temporarily Unavailable, 403 Forbidden -> kRejected;
//   408 Request Timeout, 487 (after our CANCEL) and no final answer within the ring timeout (gomo
//   sends CANCEL) -> kNoAnswer; no response at all within it (nothing listens there) and any other
//   failure -> kError, what happened in RingReply::detail.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "audio/samples.h"
#include "base/status.h"
#include "engine/softphone.h"

namespace gomo::sip {

// What the callee hears for a prompt: 8 kHz mono 16-bit samples (audio::PromptAudio::render).
using PromptRenderer = std::function<Result<audio::Samples>(const engine::Prompt&)>;

struct SipOptions {
  std::string target;  // "sip:USER@HOST[:PORT]" (port default 5060); names resolved with getaddrinfo
  std::string proxy;   // outbound proxy "sip:HOST[:PORT]"; "" = send to the target directly
  // Digest authentication (401/407 challenges); empty user: challenges fail the call.
  std::string auth_user;
  std::string auth_password;       // NEVER printed
  std::string record_dir;          // record nodes write DIR/<node>-<visit>.wav; "" = recordings are not kept
  PromptRenderer render;           // REQUIRED
  std::string from_user = "gomo";  // the caller's user part when the call has no caller number
  std::string user_agent = "gomo";
};

class SipSoftphone : public engine::Softphone {
 public:
  // Nothing is sent until ring(). Errors in the options (a bad URI, an unresolvable host) are
  // returned by create().
  static Result<std::unique_ptr<SipSoftphone>> create(SipOptions options);
  ~SipSoftphone() override;  // hangs up if the call is still up and lets libre finish its transactions
  SipSoftphone(const SipSoftphone&) = delete;
  SipSoftphone& operator=(const SipSoftphone&) = delete;

  engine::RingReply ring(const engine::CallSetup& call, engine::Millis ring_timeout_ms, bool amd) override;
  engine::PlayReply play(const engine::Prompt& prompt) override;
  engine::DigitReply collect_digits(const engine::DigitRequest& request) override;
  engine::RecordReply record(const engine::RecordRequest& request) override;
  void hang_up(const std::string& reason) override;
  // Ends the call: hangs up if it is still up, waits for libre to finish BYE or CANCEL (up to 3 s; 2 s
  // after Ctrl-C) and restores the signal handlers. The destructor does it when not called; no other
  // call but interrupted_by(), last_problem() and recordings() may follow it.
  void close();
  // True once gomo hung up because of SIGINT or SIGTERM (see interrupted_by).
  bool caller_hung_up() const override;

  // Ctrl-C: from create() until close(), SIGINT and SIGTERM do not kill gomo; the step that is
  // running (or the next) hangs up (CANCEL while ringing, BYE once answered) and reports hung_up
  // with caller_hung_up(); close() waits up to 2 s for that transaction, then restores the
  // previous handlers. A second signal exits at once (128 + the signal). Returns the first signal
  // (SIGINT, SIGTERM), 0 when none came; after close(), also one that came while it waited.
  // REQUIRES: one SipSoftphone alive at a time in the process.
  int interrupted_by() const;

  // What went wrong last (a SIP status, a socket error), "" when nothing did: for the CLI's notes.
  const std::string& last_problem() const;
  // The WAV files record() wrote, in order.
  const std::vector<std::string>& recordings() const;

 private:
  struct Call;
  explicit SipSoftphone(std::unique_ptr<Call> call);
  std::unique_ptr<Call> call_;
};

}  // namespace gomo::sip
