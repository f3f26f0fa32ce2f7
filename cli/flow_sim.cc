// gomo flow run (one simulated call with a scripted callee) and gomo flow test (flow unit tests).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>

#include "base/files.h"
#include "checks/validate.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/resources.h"
#include "contacts/csv_contact.h"
#include "contacts/phone.h"
#include "engine/contact.h"
#include "engine/scripted_softphone.h"
#include "engine/simulate.h"
#include "flowtest/flowtest.h"
#include "report/call_report.h"
#include "report/flowtest_report.h"
#include "report/text.h"
#include "softphone/terminal_softphone.h"

#include <unistd.h>

namespace gomo::cli {
namespace {

struct RunFlags {
  std::string flow;
  std::string script;
  std::string answer;                     // --answer/--busy/... set this
  std::vector<std::string> answer_flags;  // which of them were given, to refuse contradictions
  std::string press;
  std::string contact;
  std::string contact_csv;
  size_t row = 1;
  std::vector<std::string> maps;  // --map FIELD=COLUMN for --contact-csv
  std::string phone;
  std::string region = "MA";
  std::vector<std::string> attrs;
  std::vector<std::string> vars;
  std::string trace;
  bool no_validate = false;
  bool show_keys = false;
  bool interactive = false;
  std::string audio_dir;
  std::string player;
  double speed = 1.0;
  int max_visits = 500;
};

int fail_usage(Context& ctx, const std::string& msg) { return report_error(ctx, msg); }

// The callee flags must agree: one of --answer/--voicemail/--busy/... (repeating one is fine), and
// none of them, nor --script or --press, with --interactive (there you are the callee).
std::string contradictory_callee_flags(const RunFlags& f) {
  for (const auto& flag : f.answer_flags)
    if (flag != f.answer_flags.front())
      return f.answer_flags.front() + " and " + flag + " contradict each other: the callee does one thing; choose one";
  if (f.interactive) {
    std::string scripted = !f.answer_flags.empty() ? f.answer_flags.front()
                           : !f.script.empty()     ? "--script"
                           : !f.press.empty()      ? "--press"
                                                   : "";
    if (!scripted.empty())
      return "--interactive and " + scripted + " contradict each other: with --interactive you are the callee";
  }
  return "";
}

int run_flow(Context& ctx, const RunFlags& f) {
  if (std::string contradiction = contradictory_callee_flags(f); !contradiction.empty())
    return fail_usage(ctx, contradiction);
  std::string phone;
  if (!f.phone.empty()) {
    // The same E.164 normalisation as contacts: the engine dials what the platform would store.
    auto normalized = contacts::normalize_phone(f.phone, f.region);
    if (!normalized.ok())
      return fail_usage(ctx, "--phone " + f.phone + ": " + normalized.message + " [" +
                                 contacts::phone_reason_code(normalized.reason) + "]");
    phone = normalized.e164;
  }
  auto text = read_file(f.flow);
  if (!text) return fail_usage(ctx, f.flow + ": cannot read the flow file");
  std::shared_ptr<const document::Document> doc;
  // Refuse a flow the platform would reject, with the same diagnostics as `flow validate`.
  if (!f.no_validate) {
    auto checked = checks::validate_text(f.flow, std::move(text.value()), {}, &doc);
    auto counts = diag::count(checked.diagnostics);
    if (checked.unreadable || counts.errors) {
      std::vector<checks::FileResult> files{checked};
      for (auto& d : files[0].diagnostics)
        if (d.severity != diag::Severity::kError) d.rule.clear();
      std::erase_if(files[0].diagnostics, [](const diag::Diagnostic& d) { return d.rule.empty(); });
      report::write_text(ctx.err, files, report::TextStyle{ctx.use_color(ctx.stderr_tty), true});
      ctx.err << "gomo: the flow has errors; fix them or run with --no-validate\n";
      return checked.unreadable ? kExitUsage : kExitFindings;
    }
  }
  if (f.no_validate) doc = document::read_document(f.flow, std::move(text.value()));
  if (!doc || !doc->parsed) return fail_usage(ctx, f.flow + ": not valid YAML/JSON (run gomo flow validate)");
  model::Flow flow = model::build_flow(*doc);

  engine::SoftphoneScript script;
  if (!f.script.empty()) {
    auto loaded = engine::load_softphone_script(f.script);
    if (!loaded) return fail_usage(ctx, loaded.error().message());
    script = std::move(loaded.value());
  }
  if (!f.answer.empty()) {
    static const std::map<std::string, engine::Answer> kAnswers = {
        {"human", engine::Answer::kHuman},        {"machine", engine::Answer::kMachine},
        {"busy", engine::Answer::kBusy},          {"rejected", engine::Answer::kRejected},
        {"no-answer", engine::Answer::kNoAnswer}, {"error", engine::Answer::kError}};
    script.answer = kAnswers.at(f.answer);
  }
  if (!f.press.empty()) {
    auto steps = engine::steps_from_presses(f.press);
    script.steps.insert(script.steps.end(), steps.begin(), steps.end());
  }
  engine::Contact contact;
  if (!f.contact.empty()) {
    auto loaded = engine::load_contact(f.contact);
    if (!loaded) return fail_usage(ctx, loaded.error().message());
    contact = std::move(loaded.value());
  }
  if (!f.contact_csv.empty()) {
    // The reader and column mapping of `contacts upsert`; every other column is an attribute.
    contacts::MappingOptions mapping;
    mapping.attributes.kind = contacts::AttributeChoice::Kind::kAuto;
    for (const auto& m : f.maps)
      if (Status s = contacts::add_override(mapping, m); !s) return fail_usage(ctx, s.message());
    auto loaded = contacts::read_csv_contact(f.contact_csv, f.row, mapping);
    if (!loaded) return fail_usage(ctx, loaded.error().message());
    if (!loaded->id.empty()) contact.id = loaded->id;
    for (const auto& [field, value] : loaded->fields)
      if (field == "primaryPhone") contact.phone = value;
      else contact.fields[field] = engine::Value(value);
    for (const auto& [name, value] : loaded->attributes) contact.attributes[name] = engine::Value(value);
  }
  if (!phone.empty()) contact.phone = phone;
  engine::EngineOptions options;
  options.max_node_visits = f.max_visits;
  for (const auto& a : f.attrs)
    if (Status s = engine::apply_assignment(a, "--attr", contact.attributes); !s) return fail_usage(ctx, s.message());
  for (const auto& v : f.vars)
    if (Status s = engine::apply_assignment(v, "--var", options.variables); !s) return fail_usage(ctx, s.message());

  engine::CallReport call;
  if (f.interactive) {
    if (!isatty(STDIN_FILENO)) return fail_usage(ctx, "--interactive needs a terminal on standard input");
    // The live call goes to stderr, so -o json on stdout stays machine-readable.
    softphone::TerminalOptions terminal{STDIN_FILENO, f.speed, ctx.use_color(ctx.stderr_tty), f.audio_dir, ""};
    if (!f.audio_dir.empty()) {
      terminal.player = softphone::find_audio_player(f.player);
      if (terminal.player.empty())
        ctx.err << "gomo: no audio player found (paplay, aplay, play or ffplay): prompts are shown, not heard\n";
    }
    softphone::TerminalSoftphone phone(ctx.err, terminal);
    call = engine::run_call(flow, contact, phone, options);
  } else {
    engine::ScriptedSoftphone phone(script);
    call = engine::run_call(flow, contact, phone, options);
  }
  if (!f.trace.empty()) {
    std::ofstream trace(f.trace, std::ios::binary | std::ios::trunc);
    if (!trace) return fail_usage(ctx, f.trace + ": cannot write the trace file");
    report::write_trace(trace, call, options.start_epoch_ms);
  }
  if (ctx.output == "json") report::write_call_json(ctx.out, call, options.start_epoch_ms);
  else
    report::write_transcript(ctx.out, call,
                             report::TranscriptStyle{ctx.use_color(ctx.stdout_tty), f.show_keys, ctx.quiet});
  return call.reached_hangup ? kExitOk : kExitFindings;
}

struct TestFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  double min_coverage = 0;
  std::string coverage_out;
};

int test_flows(Context& ctx, const TestFlags& f) {
  auto files = flowtest::find_test_files(f.paths);
  if (!files) return fail_usage(ctx, files.error().message());
  auto result = flowtest::run_tests(files.value());
  std::string format = ctx.output == "json" && f.format == "text" ? "json" : f.format;
  bool color = ctx.use_color(ctx.stdout_tty);
  if (format == "json") report::write_test_json(ctx.out, result);
  else if (format == "junit") report::write_test_junit(ctx.out, result);
  else {
    report::write_test_text(ctx.out, result, color, ctx.quiet);
    if (!ctx.quiet) report::write_coverage_text(ctx.out, result, color);
  }
  if (!f.coverage_out.empty()) {
    std::ofstream cov(f.coverage_out, std::ios::binary | std::ios::trunc);
    if (!cov) return fail_usage(ctx, f.coverage_out + ": cannot write the coverage report");
    report::write_coverage_json(cov, result);
  }
  auto verdict = flowtest::verdict(result, f.min_coverage);
  if (verdict == flowtest::Verdict::kCoverageBelowMinimum)
    ctx.err << "gomo: edge coverage is below --min-coverage " << f.min_coverage << "%\n";
  return exit_code_for(verdict);
}

struct SimulateFlags {
  std::string flow;
  uint64_t calls = 10000;
  uint64_t seed = 1;
};

int simulate_flow(Context& ctx, const SimulateFlags& f) {
  auto text = read_file(f.flow);
  if (!text) return fail_usage(ctx, f.flow + ": cannot read the flow file");
  auto doc = document::read_document(f.flow, std::move(text.value()));
  if (!doc->parsed) return fail_usage(ctx, f.flow + ": not valid YAML/JSON (run gomo flow validate)");
  model::Flow flow = model::build_flow(*doc);
  auto r = engine::simulate(flow, f.calls, f.seed);
  report::write_simulation(ctx.out, r, ctx.output == "json");
  if (!ctx.quiet) {
    // Wall-clock time, to a sensible precision: "in 6.4 ms", "in 1.25 s" (not "in 0.00642414 s").
    char took[32];
    if (r.wall_seconds < 1) std::snprintf(took, sizeof took, "%.1f ms", r.wall_seconds * 1000);
    else std::snprintf(took, sizeof took, "%.2f s", r.wall_seconds);
    ctx.err << "gomo: " << r.calls << (r.calls == 1 ? " call in " : " calls in ") << took << " ("
            << static_cast<uint64_t>(static_cast<double>(r.calls) / std::max(r.wall_seconds, 1e-9)) << " calls/s)\n";
  }
  return kExitOk;
}

void add_flow_simulate_command(CLI::App& flow, Action& action) {
  auto f = std::make_shared<SimulateFlags>();
  auto* sim = flow.add_subcommand("simulate", "Run many calls against random callees: outcomes and node visit counts");
  sim->add_option("flow", f->flow, "The flow file (YAML or JSON)")->required();
  sim->add_option("-n,--calls", f->calls, "Number of calls (default 10000)");
  sim->add_option("--seed", f->seed, "Random seed: the same seed gives the same results (default 1)");
  sim->callback([f, &action] { action = [f](Context& c) { return simulate_flow(c, *f); }; });
}

void add_flow_test_command(CLI::App& flow, Action& action) {
  auto f = std::make_shared<TestFlags>();
  auto* test = flow.add_subcommand("test", "Run flow unit tests (*.test.yaml) and report node and edge coverage");
  test->add_option("paths", f->paths, "Test files (*.test.yaml) or directories holding them")->required();
  test->add_option("-f,--format", f->format, "text, json or junit")->check(CLI::IsMember({"text", "json", "junit"}));
  test->add_option("--min-coverage", f->min_coverage,
                   "Fail (exit 1) when a flow's edge coverage is below this percentage")
      ->check(CLI::Range(0.0, 100.0));
  test->add_option("--coverage-out", f->coverage_out,
                   "Write the coverage report as JSON (input of `gomo flow graph --coverage`)");
  test->callback([f, &action] { action = [f](Context& c) { return test_flows(c, *f); }; });
}

void add_flow_run_command(CLI::App& flow, Context& ctx, Action& action) {
  (void)ctx;
  auto f = std::make_shared<RunFlags>();
  auto* run = flow.add_subcommand("run", "Simulate one call of a flow with a scripted callee (virtual time)");
  run->add_option("flow", f->flow, "The flow file (YAML or JSON)")->required();
  run->add_option("--script", f->script, "Softphone script: how the callee answers, presses, speaks, hangs up");
  auto answer_as = [&, f](const char* flag, const char* value, const char* help) {
    run->add_flag_callback(
        flag,
        [f, flag, value] {
          f->answer = value;
          f->answer_flags.push_back(flag);
        },
        help);
  };
  answer_as("--answer", "human", "The callee answers (the default)");
  answer_as("--voicemail", "machine", "A machine answers (voicemail)");
  answer_as("--busy", "busy", "The line is busy");
  answer_as("--no-answer", "no-answer", "Nobody answers before the ring timeout");
  answer_as("--reject", "rejected", "The callee declines the call");
  answer_as("--network-error", "error", "The call fails (network or system error)");
  run->add_option("--press", f->press, "Keys pressed at successive prompts: 1,2 or 1,12#,- (- = silence)");
  run->add_option("--contact", f->contact, "Contact file (YAML/JSON: primaryPhone, firstName, customAttributes, ...)");
  run->add_option("--contact-csv", f->contact_csv, "Take the contact from a CSV file (header row; see --row)")
      ->excludes("--contact");
  run->add_option("--row", f->row, "With --contact-csv: which data row (1 = the first after the header)");
  run->add_option("--map", f->maps, "With --contact-csv: take contact FIELD from COLUMN (FIELD=COLUMN, repeatable)")
      ->type_name("FIELD=COLUMN");
  run->add_option("--phone", f->phone, "The contact's phone number (E.164, or national with --region)");
  add_region_flag(run, f->region);
  run->add_option("--attr", f->attrs, "Custom attribute NAME=VALUE (repeatable)");
  run->add_option("--var", f->vars, "Flow variable NAME=VALUE set before the call (repeatable)");
  run->add_option("--trace", f->trace, "Write every event as JSON Lines to this file");
  run->add_option("--max-visits", f->max_visits, "Loop guard: end the call after this many node visits (default 500)");
  run->add_flag("-i,--interactive", f->interactive,
                "You are the callee: answer, listen and press keys at the terminal, in real time");
  run->add_option("--audio-dir", f->audio_dir,
                  "With --interactive: hear audioFile items from DIR/<audioId>.wav (or .mp3, .ogg)")
      ->type_name("DIR");
  run->add_option("--player", f->player,
                  "Audio player command (default: $GOMO_AUDIO_PLAYER, else paplay, aplay, play or ffplay)");
  run->add_option("--speed", f->speed, "With --interactive: play prompts and run timeouts this many times faster")
      ->check(CLI::Range(0.1, 100.0));
  run->add_flag("--keys", f->show_keys, "Show the dictionary clip keys of number and date items");
  run->add_flag("--no-validate", f->no_validate, "Run even if the flow has validation errors");
  run->callback([f, &action] { action = [f](Context& c) { return run_flow(c, *f); }; });
}

}  // namespace
}  // namespace gomo::cli

namespace gomo::cli {

void add_flow_sim_commands(CLI::App& flow, Context& ctx, Action& action) {
  if (ctx.builds("run")) add_flow_run_command(flow, ctx, action);
  if (ctx.builds("test")) add_flow_test_command(flow, action);
  if (ctx.builds("simulate")) add_flow_simulate_command(flow, action);
}

}  // namespace gomo::cli
