// gomo flow run: one simulated call of a flow with a scripted (or interactive) callee. The call's
// script, contact and options are gathered by lib/engine (call_inputs.h).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>

#include "checks/validate.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flow_run_sip.h"
#include "cli/resources.h"
#include "contacts/csv_contact.h"
#include "contacts/phone.h"
#include "document/limits.h"
#include "engine/call_inputs.h"
#include "engine/scripted_softphone.h"
#include "report/call_report.h"
#include "report/text.h"
#include "sip/sip_softphone.h"
#include "softphone/terminal_softphone.h"

namespace gomo::cli {
namespace {

struct RunFlags {
  std::string flow;
  engine::CallInputs call;                // --script, --answer/--busy/..., --press, --contact, --attr, ...
  std::vector<std::string> answer_flags;  // which of --answer/--busy/... were given, to refuse contradictions
  std::string contact_csv;                // --contact-csv
  size_t contact_csv_row = 1;             // --row
  std::vector<std::string> maps;          // --map FIELD=COLUMN for --contact-csv
  std::string phone;
  std::string region = "MA";
  std::string trace;
  bool no_validate = false;
  bool show_keys = false;
  bool interactive = false;
  std::string audio_dir;
  std::string player;
  double speed = 1.0;
  SipRunFlags sip;  // --softphone and its flags
};

// The callee flags must agree: one of --answer/--voicemail/--busy/... (repeating one is fine), and
// none of them, nor --script or --press, with --interactive (there you are the callee).
std::string run_contradictory_callee_flags(const RunFlags& f) {
  for (const auto& flag : f.answer_flags)
    if (flag != f.answer_flags.front())
      return f.answer_flags.front() + " and " + flag + " contradict each other: the callee does one thing; choose one";
  if (f.interactive || !f.sip.softphone.empty()) {
    const std::string mode = f.interactive ? "--interactive" : "--softphone";
    if (f.interactive && !f.sip.softphone.empty())
      return "--interactive and --softphone contradict each other: the callee is at the terminal or on the SIP line";
    std::string scripted = !f.answer_flags.empty()       ? f.answer_flags.front()
                           : !f.call.script_path.empty() ? "--script"
                           : !f.call.presses.empty()     ? "--press"
                                                         : "";
    if (!scripted.empty())
      return mode + " and " + scripted + " contradict each other: with " + mode +
             (f.interactive ? " you are the callee" : " the callee on the SIP line answers and presses keys");
  }
  return "";
}

// The flow document, refused with `flow validate`'s diagnostics when it has errors (unless
// --no-validate); null after printing why, with `exit_code` set.
std::shared_ptr<const document::Document> run_load_flow(Context& ctx, const RunFlags& f, int& exit_code) {
  exit_code = kExitUsage;
  auto text = document::read_input_text(f.flow);
  if (!text) {
    // Over the input limit the error says so, positioned; else the file is missing or unreadable.
    report_error(ctx, text.error().code() == StatusCode::kInvalidArgument ? text.error().message()
                                                                          : f.flow + ": cannot read the flow file");
    return nullptr;
  }
  std::shared_ptr<const document::Document> doc;
  if (f.no_validate) {
    doc = document::read_document(f.flow, std::move(text.value()));
  } else {
    auto checked = checks::validate_text(f.flow, std::move(text.value()), {}, &doc);
    auto counts = diag::count(checked.diagnostics);
    if (checked.unreadable || counts.errors) {
      std::vector<checks::FileResult> files{checked};
      for (auto& d : files[0].diagnostics)
        if (d.severity != diag::Severity::kError) d.rule.clear();
      std::erase_if(files[0].diagnostics, [](const diag::Diagnostic& d) { return d.rule.empty(); });
      report::write_text(ctx.err, files, report::TextStyle{ctx.use_color(ctx.stderr_tty), true});
      exit_code = report_error(ctx, "the flow has errors; fix them or run with --no-validate",
                               checked.unreadable ? kExitUsage : kExitFindings);
      return nullptr;
    }
  }
  if (!doc || !doc->parsed) {
    report_error(ctx, f.flow + ": not valid YAML/JSON (run gomo flow validate)");
    return nullptr;
  }
  return doc;
}

int run_flow(Context& ctx, const RunFlags& f) {
  if (std::string contradiction = run_contradictory_callee_flags(f); !contradiction.empty())
    return report_error(ctx, contradiction);
  engine::CallInputs inputs = f.call;
  if (!f.phone.empty()) {
    // The same E.164 normalisation as contacts: the engine dials what the platform would store.
    auto normalized = contacts::normalize_phone(f.phone, f.region);
    if (!normalized.ok())
      return report_error(ctx, "--phone " + f.phone + ": " + normalized.message + " [" +
                                   contacts::phone_reason_code(normalized.reason) + "]");
    inputs.phone = normalized.e164;
  }
  if (!f.contact_csv.empty()) {
    // The reader and column mapping of `contacts upsert`; every other column is an attribute.
    contacts::MappingOptions mapping;
    mapping.attributes.kind = contacts::AttributeChoice::Kind::kAuto;
    for (const auto& m : f.maps)
      if (Status s = contacts::add_override(mapping, m); !s) return report_error(ctx, s.message());
    auto loaded = contacts::read_csv_contact(f.contact_csv, f.contact_csv_row, mapping);
    if (!loaded) return report_error(ctx, loaded.error().message());
    inputs.contact_values = engine::CallInputs::ContactValues{loaded->id, loaded->fields, loaded->attributes};
  }
  int exit_code = kExitOk;
  auto doc = run_load_flow(ctx, f, exit_code);
  if (!doc) return exit_code;
  model::Flow flow = model::build_flow(*doc);
  auto prepared = engine::prepare_call(inputs);
  if (!prepared) return report_error(ctx, prepared.error().message());
  const engine::EngineOptions& options = prepared->options;

  engine::CallReport call;
  if (f.interactive) {
    if (!isatty(STDIN_FILENO)) return report_error(ctx, "--interactive needs a terminal on standard input");
    // The live call goes to stderr, so -o json on stdout stays machine-readable.
    softphone::TerminalOptions terminal{STDIN_FILENO, f.speed, ctx.use_color(ctx.stderr_tty), f.audio_dir, ""};
    if (!f.audio_dir.empty()) {
      terminal.player = softphone::find_audio_player(f.player);
      if (terminal.player.empty())
        report_note(ctx, "no audio player found (paplay, aplay, play or ffplay): prompts are shown, not heard");
    }
    softphone::TerminalSoftphone phone(ctx.err, terminal);
    call = engine::run_call(flow, prepared->contact, phone, options);
  } else if (!f.sip.softphone.empty()) {
    auto phone = open_sip_softphone(ctx, f.sip, f.audio_dir, exit_code);
    if (!phone) return exit_code;
    call = engine::run_call(flow, prepared->contact, *phone, options);
    report_sip_call(ctx, *phone);
  } else {
    engine::ScriptedSoftphone phone(prepared->script);
    call = engine::run_call(flow, prepared->contact, phone, options);
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
  return call.reached_hangup ? kExitOk : kExitFindings;
}

}  // namespace

void add_flow_run_command(CLI::App& flow, Action& action) {
  auto f = std::make_shared<RunFlags>();
  auto* run = flow.add_subcommand("run", "Simulate one call of a flow with a scripted callee (virtual time)");
  run->add_option("flow", f->flow, "The flow file (YAML or JSON)")->required();
  run->add_option("--script", f->call.script_path,
                  "Softphone script: how the callee answers, presses, speaks, hangs up");
  auto answer_as = [&, f](const char* flag, engine::Answer answer, const char* help) {
    run->add_flag_callback(
        flag,
        [f, flag, answer] {
          f->call.answer = answer;
          f->answer_flags.push_back(flag);
        },
        help);
  };
  answer_as("--answer", engine::Answer::kHuman, "The callee answers (the default)");
  answer_as("--voicemail", engine::Answer::kMachine, "A machine answers (voicemail)");
  answer_as("--busy", engine::Answer::kBusy, "The line is busy");
  answer_as("--no-answer", engine::Answer::kNoAnswer, "Nobody answers before the ring timeout");
  answer_as("--reject", engine::Answer::kRejected, "The callee declines the call");
  answer_as("--network-error", engine::Answer::kError, "The call fails (network or system error)");
  run->add_option("--press", f->call.presses, "Keys pressed at successive prompts: 1,2 or 1,12#,- (- = silence)");
  run->add_option("--contact", f->call.contact_path,
                  "Contact file (YAML/JSON: primaryPhone, firstName, customAttributes, ...)");
  run->add_option("--contact-csv", f->contact_csv, "Take the contact from a CSV file (header row; see --row)")
      ->excludes("--contact");
  run->add_option("--row", f->contact_csv_row, "With --contact-csv: which data row (1 = the first after the header)");
  run->add_option("--map", f->maps, "With --contact-csv: take contact FIELD from COLUMN (FIELD=COLUMN, repeatable)")
      ->type_name("FIELD=COLUMN");
  run->add_option("--phone", f->phone, "The contact's phone number (E.164, or national with --region)");
  add_region_flag(run, f->region);
  run->add_option("--attr", f->call.attributes, "Custom attribute NAME=VALUE (repeatable)");
  run->add_option("--var", f->call.variables, "Flow variable NAME=VALUE set before the call (repeatable)");
  run->add_option("--trace", f->trace, "Write every event as JSON Lines to this file");
  run->add_option("--max-visits", f->call.max_node_visits,
                  "Loop guard: end the call after this many node visits (default 500)");
  run->add_flag("-i,--interactive", f->interactive,
                "You are the callee: answer, listen and press keys at the terminal, in real time");
  run->add_option("--audio-dir", f->audio_dir,
                  "With --interactive or --softphone: hear audioFile items from DIR/<audioId>.wav (or .mp3, .ogg)")
      ->type_name("DIR");
  run->add_option("--player", f->player,
                  "Audio player command (default: $GOMO_AUDIO_PLAYER, else paplay, aplay, play or ffplay)");
  run->add_option("--speed", f->speed, "With --interactive: play prompts and run timeouts this many times faster")
      ->check(CLI::Range(0.1, 100.0));
  add_sip_run_flags(run, f->sip);
  run->add_flag("--keys", f->show_keys, "Show the dictionary clip keys of number and date items");
  run->add_flag("--no-validate", f->no_validate, "Run even if the flow has validation errors");
  run->callback([f, &action] { action = [f](Context& c) { return run_flow(c, *f); }; });
}

}  // namespace gomo::cli
