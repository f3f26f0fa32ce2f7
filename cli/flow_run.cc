// gomo flow run: one simulated call of a flow with a scripted (or interactive) callee. The call's
// script, contact and options are gathered by lib/engine (call_inputs.h).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>

#include "audio/render_call.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flow_call_flags.h"
#include "cli/flow_run_sip.h"
#include "engine/scripted_softphone.h"
#include "report/call_report.h"
#include "report/text.h"
#include "sip/sip_softphone.h"
#include "softphone/terminal_softphone.h"

namespace gomo::cli {
namespace {

struct RunFlags : CallFlags {
  std::string trace;
  bool show_keys = false;
  bool interactive = false;
  bool no_sound = false;
  std::string player;
  double speed = 1.0;
  SipRunFlags sip;  // --softphone and its flags
};

// With --interactive you are the callee, and with --softphone the person on the SIP line is: none of
// --answer/--busy/..., --script or --press, and not both.
std::string run_contradictory_callee_flags(const RunFlags& f) {
  if (!f.interactive && f.sip.softphone.empty()) return "";
  if (f.interactive && !f.sip.softphone.empty())
    return "--interactive and --softphone contradict each other: the callee is at the terminal or on the SIP line";
  for (const auto& flag : f.answer_flags)
    if (flag != f.answer_flags.front()) return "";  // load_call names that contradiction
  std::string scripted = !f.answer_flags.empty()       ? f.answer_flags.front()
                         : !f.call.script_path.empty() ? "--script"
                         : !f.call.presses.empty()     ? "--press"
                                                       : "";
  if (scripted.empty()) return "";
  if (f.interactive)
    return "--interactive and " + scripted + " contradict each other: with --interactive you are the callee";
  return "--softphone and " + scripted +
         " contradict each other: with --softphone the callee on the SIP line answers and presses keys";
}

int run_flow(Context& ctx, const RunFlags& f) {
  if (std::string contradiction = run_contradictory_callee_flags(f); !contradiction.empty())
    return report_error(ctx, contradiction);
  int exit_code = kExitOk;
  auto loaded = load_call(ctx, f, exit_code);
  if (!loaded) return exit_code;
  const model::Flow& flow = loaded->flow;
  const engine::PreparedCall& prepared = loaded->prepared;
  engine::EngineOptions options = prepared.options;
  // The audio files gomo can read: heard at the terminal, and the call timed by their real lengths.
  audio::PromptAudio sound(call_audio_sources(ctx, f));
  if (!f.audio_dir.empty()) options.audio_durations = audio::audio_file_lengths(flow, sound);

  engine::CallReport call;
  int interrupted_by = 0;  // the signal that stopped a SIP call (SIGINT, SIGTERM)
  if (f.interactive) {
    if (!isatty(STDIN_FILENO)) return report_error(ctx, "--interactive needs a terminal on standard input");
    // The live call goes to stderr, so -o json on stdout stays machine-readable.
    softphone::TerminalOptions terminal{STDIN_FILENO, f.speed, ctx.use_color(ctx.stderr_tty), f.audio_dir, ""};
    // Sound whenever there is a player: each prompt rendered as the callee would hear it (--no-sound: text only).
    if (!f.no_sound) {
      terminal.player = softphone::find_audio_player(f.player);
      terminal.audio = &sound;
      if (terminal.player.empty() && !f.audio_dir.empty())
        report_note(ctx, "no audio player found (paplay, aplay, play or ffplay): prompts are shown, not heard");
    }
    softphone::TerminalSoftphone phone(ctx.err, terminal);
    call = engine::run_call(flow, prepared.contact, phone, options);
  } else if (!f.sip.softphone.empty()) {
    auto phone = open_sip_softphone(ctx, f.sip, sound, exit_code);
    if (!phone) return exit_code;
    call = engine::run_call(flow, prepared.contact, *phone, options);
    phone->close();  // BYE or CANCEL done (bounded) and Ctrl-C back to normal before printing
    interrupted_by = phone->interrupted_by();
    report_sip_call(ctx, *phone);
  } else {
    engine::ScriptedSoftphone phone(prepared.script);
    call = engine::run_call(flow, prepared.contact, phone, options);
  }
  if (!f.trace.empty()) {
    std::ofstream trace(f.trace, std::ios::binary | std::ios::trunc);
    if (!trace) return report_error(ctx, f.trace + ": cannot write the trace file");
    report::write_trace(trace, call, options.start_epoch_ms);
  }
  if (ctx.output == "json") report::write_call_json(ctx.out, call, options.start_epoch_ms);
  else
    report::write_transcript(ctx.out, call,
                             report::TranscriptStyle{ctx.use_color(ctx.stdout_tty), f.show_keys, ctx.quiet});
  if (interrupted_by) return report_sip_interrupted(ctx, interrupted_by);
  return call.reached_hangup ? kExitOk : kExitFindings;
}

}  // namespace

void add_flow_run_command(CLI::App& flow, Action& action) {
  auto f = std::make_shared<RunFlags>();
  auto* run = flow.add_subcommand(
      "run", "Simulate one call of a flow with a scripted callee (virtual time), or place it over SIP (--softphone)");
  add_call_flags(run, f);
  run->add_option("--trace", f->trace, "Write every event as JSON Lines to this file");
  run->add_flag("-i,--interactive", f->interactive,
                "You are the callee: answer, listen and press keys at the terminal, in real time");
  run->add_option("--player", f->player,
                  "Audio player command (default: $GOMO_AUDIO_PLAYER, else paplay, aplay, play or ffplay)");
  run->add_flag("--no-sound", f->no_sound, "With --interactive: show the prompts as text only, play nothing");
  run->add_option("--speed", f->speed, "With --interactive: play prompts and run timeouts this many times faster")
      ->check(CLI::Range(0.1, 100.0));
  add_sip_run_flags(run, f->sip);
  run->add_flag("--keys", f->show_keys, "Show the dictionary clip keys of number and date items");
  run->callback([f, &action] { action = [f](Context& c) { return run_flow(c, *f); }; });
}

}  // namespace gomo::cli
