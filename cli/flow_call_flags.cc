// The flags and inputs of one simulated call (flow run, flow render): see flow_call_flags.h.
#include "cli/flow_call_flags.h"

#include <CLI/CLI.hpp>

#include "api/account_audio.h"
#include "api/platform.h"
#include "audio/sources.h"
#include "checks/validate.h"
#include "cli/exit_codes.h"
#include "cli/resources.h"
#include "contacts/csv_contact.h"
#include "contacts/phone.h"
#include "document/limits.h"
#include "report/text.h"

namespace gomo::cli {
namespace {

// The flow document, refused with `flow validate`'s diagnostics when it has errors (unless
// --no-validate); null after printing why, with `exit_code` set.
std::shared_ptr<const document::Document> call_flags_load_flow(Context& ctx, const CallFlags& f, int& exit_code) {
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

}  // namespace

void add_call_flags(CLI::App* cmd, const std::shared_ptr<CallFlags>& f) {
  cmd->add_option("flow", f->flow, "The flow file (YAML or JSON)")->required();
  cmd->add_option("--script", f->call.script_path,
                  "Softphone script: how the callee answers, presses, speaks, hangs up");
  auto answer_as = [cmd, f](const char* flag, engine::Answer answer, const char* help) {
    cmd->add_flag_callback(
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
  cmd->add_option("--press", f->call.presses, "Keys pressed at successive prompts: 1,2 or 1,12#,- (- = silence)");
  cmd->add_option("--contact", f->call.contact_path,
                  "Contact file (YAML/JSON: primaryPhone, firstName, customAttributes, ...)");
  cmd->add_option("--contact-csv", f->contact_csv, "Take the contact from a CSV file (header row; see --row)")
      ->excludes("--contact");
  cmd->add_option("--row", f->contact_csv_row, "With --contact-csv: which data row (1 = the first after the header)");
  cmd->add_option("--map", f->maps, "With --contact-csv: take contact FIELD from COLUMN (FIELD=COLUMN, repeatable)")
      ->type_name("FIELD=COLUMN");
  cmd->add_option("--phone", f->phone, "The contact's phone number (E.164, or national with --region)");
  add_region_flag(cmd, f->region);
  cmd->add_option("--attr", f->call.attributes, "Custom attribute NAME=VALUE (repeatable)");
  cmd->add_option("--var", f->call.variables, "Flow variable NAME=VALUE set before the call (repeatable)");
  cmd->add_option("--max-visits", f->call.max_node_visits,
                  "Loop guard: end the call after this many node visits (default 500)");
  cmd->add_flag("--no-validate", f->no_validate, "Run even if the flow has validation errors");
  cmd->add_option("--audio-dir", f->audio_dir,
                  "audioFile items from DIR/<audioId>.wav (or .mp3, .ogg): heard, and timed by their length")
      ->type_name("DIR");
  cmd->add_option("--clips", f->clips_dir,
                  "Recorded clips from DIR/<dictionaryId>/<key>.wav, then DIR/<language>/<key>.wav (before the "
                  "account's; the others are spoken by espeak-ng)")
      ->type_name("DIR");
  add_target_flags(cmd, f->target);
}

audio::PromptAudioOptions call_audio_sources(Context& ctx, const CallFlags& f) {
  // The target holds the account open for the command's lifetime (the sources outlive this call).
  auto target = std::make_shared<std::unique_ptr<OpenedTarget>>();
  auto account = std::make_shared<api::AccountAudio>([&ctx, options = f.target, target](bool say_why) {
    int exit_code = kExitOk;
    auto opened = open_target(ctx, options, exit_code, say_why ? TargetAccess::kRead : TargetAccess::kLookup);
    if (!opened) return api::AccountAudio::Opened{};
    *target = std::make_unique<OpenedTarget>(std::move(*opened));
    return api::AccountAudio::Opened{(*target)->platform.get(), (*target)->summary};
  });
  audio::PromptAudioOptions from_account;
  from_account.audio_bytes = [account](const std::string& id) { return account->audio_file(id); };
  from_account.clip_bytes = [account](const std::string& language, const std::string& dictionary_id,
                                      const std::string& key) { return account->clip(language, dictionary_id, key); };
  return audio::first_found(audio::files_from_dirs(f.audio_dir, f.clips_dir), std::move(from_account));
}

std::unique_ptr<LoadedCall> load_call(Context& ctx, const CallFlags& f, int& exit_code) {
  exit_code = kExitUsage;
  // The callee does one thing: one of --answer/--voicemail/--busy/... (repeating one is fine).
  for (const auto& flag : f.answer_flags)
    if (flag != f.answer_flags.front()) {
      report_error(ctx, f.answer_flags.front() + " and " + flag +
                            " contradict each other: the callee does one thing; choose one");
      return nullptr;
    }
  engine::CallInputs inputs = f.call;
  if (!f.phone.empty()) {
    // The same E.164 normalisation as contacts: the engine dials what the platform would store.
    auto normalized = contacts::normalize_phone(f.phone, f.region);
    if (!normalized.ok()) {
      report_error(ctx, "--phone " + f.phone + ": " + normalized.message + " [" +
                            contacts::phone_reason_code(normalized.reason) + "]");
      return nullptr;
    }
    inputs.phone = normalized.e164;
  }
  if (!f.contact_csv.empty()) {
    // The reader and column mapping of `contacts upsert`; every other column is an attribute.
    contacts::MappingOptions mapping;
    mapping.attributes.kind = contacts::AttributeChoice::Kind::kAuto;
    for (const auto& m : f.maps)
      if (Status s = contacts::add_override(mapping, m); !s) {
        report_error(ctx, s.message());
        return nullptr;
      }
    auto loaded = contacts::read_csv_contact(f.contact_csv, f.contact_csv_row, mapping);
    if (!loaded) {
      report_error(ctx, loaded.error().message());
      return nullptr;
    }
    inputs.contact_values = engine::CallInputs::ContactValues{loaded->id, loaded->fields, loaded->attributes};
  }
  auto call = std::make_unique<LoadedCall>();
  call->doc = call_flags_load_flow(ctx, f, exit_code);
  if (!call->doc) return nullptr;
  call->flow = model::build_flow(*call->doc);
  auto prepared = engine::prepare_call(inputs);
  if (!prepared) {
    exit_code = report_error(ctx, prepared.error().message());
    return nullptr;
  }
  call->prepared = std::move(prepared.value());
  exit_code = kExitOk;
  return call;
}

}  // namespace gomo::cli
