#pragma once
// `gomo flow run --softphone sip:...`: the SIP flags of flow run and the softphone they make.
#include <memory>
#include <string>

#include "cli/context.h"

namespace gomo::audio {
class PromptAudio;
}
namespace gomo::sip {
class SipSoftphone;
}

namespace gomo::cli {

struct SipRunFlags {
  std::string softphone;   // --softphone sip:USER@HOST[:PORT]
  std::string proxy;       // --sip-proxy
  std::string user;        // --sip-user (the password: $GOMO_SIP_PASSWORD)
  std::string record_dir;  // --record-dir
  std::string account;     // --sip-account PROFILE: sipUser, sipPassword, sipProxy of that profile
};

void add_sip_run_flags(CLI::App* run, SipRunFlags& flags);

// The SIP softphone for `flags`, playing prompts as `sound` renders them; null after printing why,
// with `exit_code` set (2: a bad flag, 5: no network). REQUIRES: `sound` outlives the softphone.
std::unique_ptr<sip::SipSoftphone> open_sip_softphone(Context& ctx, const SipRunFlags& flags, audio::PromptAudio& sound,
                                                      int& exit_code);

// After the call: what went wrong on the line (a SIP status, a renderer error) and the recordings.
void report_sip_call(Context& ctx, const sip::SipSoftphone& phone);

// After the transcript of a call stopped by `signal` (SIGINT, SIGTERM; gomo hung up): prints
// "gomo: interrupted; hung up" and returns 128 + signal (130, 143: the shell's convention).
int report_sip_interrupted(Context& ctx, int signal);

}  // namespace gomo::cli
