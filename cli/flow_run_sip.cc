// The SIP backend of `gomo flow run` (issue 17): flags, opening the softphone, the notes after the call.
#include "cli/flow_run_sip.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>

#include "audio/prompt_audio.h"
#include "cli/exit_codes.h"
#include "profile/config_file.h"
#include "sip/sip_softphone.h"

namespace gomo::cli {
void add_sip_run_flags(CLI::App* run, SipRunFlags& f) {
  run->add_option("--softphone", f.softphone,
                  "Place a real call: dial sip:USER@HOST[:PORT] over SIP (UDP), play the prompts as audio, "
                  "hear the callee's keys (RFC 4733, SIP INFO), in real time")
      ->type_name("SIP-URI");
  run->add_option("--sip-proxy", f.proxy,
                  "With --softphone: send the call through this outbound proxy (sip:HOST[:PORT])")
      ->type_name("SIP-URI");
  run->add_option("--sip-user", f.user,
                  "With --softphone: answer digest challenges as USER (password: $GOMO_SIP_PASSWORD)")
      ->type_name("USER");
  run->add_option("--sip-account", f.account,
                  "With --softphone: the SIP account of this profile (gomo config set sipUser|sipPassword|sipProxy "
                  "--profile NAME); --sip-user, --sip-proxy and $GOMO_SIP_PASSWORD override it")
      ->type_name("PROFILE");
  run->add_option("--record-dir", f.record_dir,
                  "With --softphone: write what the callee says at record nodes to DIR/<node>-<visit>.wav")
      ->type_name("DIR");
}

std::unique_ptr<sip::SipSoftphone> open_sip_softphone(Context& ctx, const SipRunFlags& f, audio::PromptAudio& sound,
                                                      int& exit_code) {
  exit_code = kExitUsage;
  sip::SipOptions options;
  options.target = f.softphone;
  if (!f.account.empty()) {
    // The account's values; the flags and the environment override them.
    auto config = profile::load_config(profile::process_env());
    if (!config) {
      report_error(ctx, config.error());
      return nullptr;
    }
    const profile::Profile* account = config->find(f.account);
    if (!account) {
      report_error(ctx, "--sip-account " + f.account + ": no such profile in " + config->path() +
                            " (gomo config set sipUser USER --profile " + f.account + " creates it)");
      return nullptr;
    }
    options.auth_user = account->sip_user.value_or("");
    options.auth_password = account->sip_password.value_or("");
    options.proxy = account->sip_proxy.value_or("");
  }
  if (!f.proxy.empty()) options.proxy = f.proxy;
  if (!f.user.empty()) options.auth_user = f.user;
  if (const char* password = std::getenv("GOMO_SIP_PASSWORD"); password && *password) options.auth_password = password;
  if (!options.auth_user.empty() && options.auth_password.empty()) {
    report_error(ctx, "the SIP user " + options.auth_user +
                          " has no password: set $GOMO_SIP_PASSWORD (or sipPassword in the --sip-account profile)");
    return nullptr;
  }
  if (!f.record_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(f.record_dir, ec);
    if (ec) {
      report_error(ctx, "--record-dir " + f.record_dir + ": cannot create the folder: " + ec.message());
      return nullptr;
    }
  }
  options.record_dir = f.record_dir;
  options.render = [&sound](const engine::Prompt& prompt) { return sound.render(prompt); };
  auto phone = sip::SipSoftphone::create(std::move(options));
  if (!phone) {
    exit_code = phone.error().code() == StatusCode::kIoError ? kExitNetwork : exit_code_for(phone.error());
    report_error(ctx, phone.error().message(), exit_code);
    return nullptr;
  }
  return std::move(*phone);
}

void report_sip_call(Context& ctx, const sip::SipSoftphone& phone) {
  if (!phone.last_problem().empty()) report_note(ctx, "SIP: " + phone.last_problem());
  if (!ctx.quiet)
    for (const auto& path : phone.recordings()) report_note(ctx, "recorded " + path);
}

int report_sip_interrupted(Context& ctx, int signal) {
  return report_error(ctx, "interrupted; hung up", kExitSignalBase + signal);
}

}  // namespace gomo::cli
