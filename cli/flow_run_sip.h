#pragma once
// `gomo flow run --softphone sip:...`: the SIP flags of flow run and the softphone they make.
#include <memory>
#include <string>

#include "cli/context.h"

namespace gomo::sip {
class SipSoftphone;
}

namespace gomo::cli {

struct SipRunFlags {
  std::string softphone;   // --softphone sip:USER@HOST[:PORT]
  std::string proxy;       // --sip-proxy
  std::string user;        // --sip-user (the password: $GOMO_SIP_PASSWORD)
  std::string record_dir;  // --record-dir
};

void add_sip_run_flags(CLI::App* run, SipRunFlags& flags);

// The SIP softphone for `flags`, rendering prompts with espeak-ng and audioFile items from
// `audio_dir`; null after printing why, with `exit_code` set (2: a bad flag, 5: no network).
std::unique_ptr<sip::SipSoftphone> open_sip_softphone(Context& ctx, const SipRunFlags& flags,
                                                      const std::string& audio_dir, int& exit_code);

// After the call: what went wrong on the line (a SIP status, a renderer error) and the recordings.
void report_sip_call(Context& ctx, const sip::SipSoftphone& phone);

}  // namespace gomo::cli
