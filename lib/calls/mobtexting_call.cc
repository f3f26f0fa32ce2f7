#include "calls/mobtexting_call.h"

#include <algorithm>

#include "base/strings.h"
#include "contacts/phone.h"

namespace gomo::calls {

Result<remote::MobtextingCall> mobtexting_call(const MobtextingSpec& spec, std::vector<std::string>& notes) {
  remote::MobtextingCall call;
  auto phone = contacts::normalize_phone(spec.to, spec.region);
  if (phone.e164.empty()) {
    return Status::invalid_argument("--provider mobtexting calls a phone number, and `" + spec.to +
                                    "` is none (mobtexting has no contacts): give it with its country code, "
                                    "e.g. +918867135000");
  }
  call.to = phone.e164;
  if (spec.flow_id.empty() == spec.audio.empty()) {
    return Status::invalid_argument(
        "--provider mobtexting plays either an IVR journey (--flow JOURNEY_ID) or an audio (--audio SOUND_ID|URL): "
        "give exactly one");
  }
  call.flow_id = spec.flow_id;
  if (!spec.audio.empty() && spec.audio.find("://") != std::string::npos && !starts_with(spec.audio, "https://") &&
      !starts_with(spec.audio, "http://")) {
    return Status::invalid_argument("--audio " + spec.audio +
                                    ": mobtexting fetches audio URLs over http or https only; give an http(s) URL "
                                    "or the id of a sound uploaded to mobtexting");
  }
  call.audio = spec.audio;
  if (spec.bridge.empty()) {
    return Status::invalid_argument(
        "--provider mobtexting needs a bridge number: --did NUMBER, or the profile's bridge "
        "(gomo config set bridge 918068280000 --profile PROFILE)");
  }
  call.bridge = spec.bridge;
  if (spec.start_at) {
    return Status::invalid_argument("--at: mobtexting places the call at once and cannot schedule it; leave --at out");
  }
  if (spec.retry.type == "scheduled") {
    return Status::invalid_argument(
        "--retry scheduled: mobtexting retries at an interval only: fixed_delay:DELAY:MAX with DELAY 5, 15, 30, 45 or "
        "60 minutes");
  }
  if (spec.retry.type == "fixed_delay") {
    const long long minutes = spec.retry.delay_ms / 60'000;
    const auto& allowed = remote::kMobtextingIntervals;
    if (spec.retry.delay_ms % 60'000 != 0 ||
        std::find(std::begin(allowed), std::end(allowed), minutes) == std::end(allowed)) {
      return Status::invalid_argument("--retry: mobtexting retries every 5, 15, 30, 45 or 60 minutes, not every " +
                                      std::to_string(minutes) + " minutes");
    }
    call.interval_minutes = static_cast<int>(minutes);
    notes.push_back("mobtexting retries every " + std::to_string(minutes) +
                    " minutes and decides how many times itself: the " + std::to_string(spec.retry.max_retries) +
                    " of --retry is not sent");
  }
  call.webhook_id = spec.webhook_id;
  call.variables = spec.variables;
  return call;
}

}  // namespace gomo::calls
