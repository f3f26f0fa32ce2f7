// Program files applied to the platform (programs/apply.h).
#include "programs/apply.h"

#include <nlohmann/json.hpp>

#include "api/validate_programs.h"
#include "api/wire_programs.h"
#include "programs/find_program.h"
#include "programs/validate_program.h"

namespace gomo::programs {
namespace {

std::string resolved_id(const std::vector<Reference>& refs, const std::string& key) {
  auto found = resolve_reference(refs, key);
  return found.size() == 1 ? found.front()->id : key;
}

// The platform may list every weekday, empty or not; a file lists the days it pauses on.
api::PauseWindows without_empty_days(api::PauseWindows w) {
  std::erase_if(w.days, [](const auto& day) { return day.second.empty(); });
  return w;
}

bool same_instant(const std::optional<std::string>& a, const std::string& b) {
  if (!a) return false;
  auto x = api::parse_iso_instant_ms(*a), y = api::parse_iso_instant_ms(b);
  return x && y ? *x == *y : *a == b;
}

// The JSON of one field of `fields` as the API spells it, compact; "" when unset.
std::string field_text(const api::ProgramFields& fields, const char* name) {
  nlohmann::json body = api::wire::program_body(fields);
  auto it = body.find(name);
  return it == body.end() ? "" : it->dump();
}

api::ProgramFields fields_of(const api::Program& p) {
  api::ProgramFields f;
  f.name = p.name;
  f.audience_id = p.audience_id;
  f.flow_id = p.flow_id;
  f.start_at = p.start_at;
  f.stop_at = p.stop_at;
  f.did_pool = p.did_pool;
  f.retry_strategy = p.retry_strategy;
  f.pause_windows = p.pause_windows;
  f.auto_pause_rules = p.auto_pause_rules;
  return f;
}

}  // namespace

const char* apply_status_name(ApplyStatus status) {
  switch (status) {
    case ApplyStatus::kCreated: return "created";
    case ApplyStatus::kUpdated: return "updated";
    case ApplyStatus::kUnchanged: return "unchanged";
    case ApplyStatus::kWouldCreate: return "would-create";
    case ApplyStatus::kWouldUpdate: return "would-update";
    case ApplyStatus::kInvalid: return "invalid";
    case ApplyStatus::kUnreadable: return "unreadable";
    case ApplyStatus::kAmbiguous: return "ambiguous";
    case ApplyStatus::kApiError: return "api-error";
  }
  return "?";
}

ApplyPlan plan_apply(const ProgramFile& file, const ProgramCatalog& catalog, const api::Program* existing) {
  api::ProgramFields want;
  want.name = file.name.text;
  want.flow_id = resolved_id(catalog.flows, file.flow.text);
  want.audience_id = resolved_id(catalog.audiences, file.audience.text);
  if (file.start_at.present()) want.start_at = file.start_at.text;
  if (file.stop_at.present()) want.stop_at = file.stop_at.text;
  if (!file.dids.empty() || file.doc->root.find("dids")) {
    std::vector<std::string> pool;
    for (const auto& d : file.dids) pool.push_back(resolved_id(catalog.dids, d.text));
    want.did_pool = pool;
  }
  want.retry_strategy = file_retry(file);
  if (auto windows = file_pause_windows(file)) want.pause_windows = without_empty_days(*windows);
  want.auto_pause_rules = file_auto_pause_rules(file);

  ApplyPlan plan;
  api::ProgramFields before;
  if (existing) {
    before = fields_of(*existing);
    api::ProgramFields& send = plan.fields;
    if (want.flow_id != existing->flow_id) send.flow_id = want.flow_id;
    if (want.audience_id != existing->audience_id) send.audience_id = want.audience_id;
    if (want.start_at && !same_instant(existing->start_at, *want.start_at)) send.start_at = want.start_at;
    if (want.stop_at && !same_instant(existing->stop_at, *want.stop_at)) send.stop_at = want.stop_at;
    if (want.did_pool && *want.did_pool != existing->did_pool) send.did_pool = want.did_pool;
    if (want.retry_strategy && *want.retry_strategy != existing->retry_strategy)
      send.retry_strategy = want.retry_strategy;
    if (want.pause_windows && *want.pause_windows != without_empty_days(existing->pause_windows))
      send.pause_windows = want.pause_windows;
    if (want.auto_pause_rules && *want.auto_pause_rules != existing->auto_pause_rules)
      send.auto_pause_rules = want.auto_pause_rules;
  } else {
    plan.fields = want;
  }
  for (const char* name : {"name", "flowId", "audienceId", "startAt", "stopAt", "didPool", "retryStrategy",
                           "pauseWindows", "autoPauseRules"}) {
    std::string after = field_text(plan.fields, name);
    if (after.empty()) continue;
    plan.changes.push_back({name, existing ? field_text(before, name) : "", after});
  }
  return plan;
}

std::string format_changes(const std::vector<FieldChange>& changes) {
  std::string out;
  for (const auto& c : changes) {
    out += "  " + c.field + ": ";
    out += c.before.empty() ? c.after : c.before + " -> " + c.after;
    out += "\n";
  }
  return out;
}

ApplyOutcome apply_program_file(api::Platform& platform, const std::string& path, std::string text, bool dry_run,
                                const ProgramRuleChoice* choice) {
  ApplyOutcome o;
  o.path = path;
  auto catalog = read_catalog(platform);
  if (!catalog) {
    o.status = ApplyStatus::kApiError;
    o.error = catalog.error();
    return o;
  }
  LoadedProgram loaded;
  o.checked = validate_program_text(path, std::move(text), &*catalog, &loaded, choice ? &choice->rules : nullptr);
  o.name = loaded.file.name.text;
  if (o.checked.unreadable) {
    o.status = ApplyStatus::kUnreadable;
    return o;
  }
  const diag::Counts found_counts = diag::count(o.checked.diagnostics);
  if (found_counts.errors || (choice && choice->strict && found_counts.warnings)) {
    o.status = ApplyStatus::kInvalid;
    return o;
  }
  auto found = find_programs_by_name(platform, o.name);
  if (!found) {
    o.status = ApplyStatus::kApiError;
    o.error = found.error();
    return o;
  }
  if (found->size() > 1) {
    o.status = ApplyStatus::kAmbiguous;
    o.candidates = std::move(*found);
    return o;
  }
  const api::Program* existing = found->empty() ? nullptr : &found->front();
  ApplyPlan plan = plan_apply(loaded.file, *catalog, existing);
  o.changes = plan.changes;
  if (existing) o.program = *existing;
  if (existing && plan.changes.empty()) {
    o.status = ApplyStatus::kUnchanged;
    return o;
  }
  if (dry_run) {
    o.status = existing ? ApplyStatus::kWouldUpdate : ApplyStatus::kWouldCreate;
    return o;
  }
  auto sent = existing ? platform.update_program(existing->id, plan.fields) : platform.create_program(plan.fields);
  if (!sent) {
    o.status = ApplyStatus::kApiError;
    o.error = sent.error();
    return o;
  }
  o.program = std::move(*sent);
  o.status = existing ? ApplyStatus::kUpdated : ApplyStatus::kCreated;
  return o;
}

}  // namespace gomo::programs
