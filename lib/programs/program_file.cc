// Program files: read, checked against the embedded schema, fields located (programs/program_file.h).
#include "programs/program_file.h"

#include <cstdio>
#include <cstdlib>

#include "checks/schema_check.h"

namespace gomo::programs {

const char* program_schema_source();  // generated from schemas/program.schema.json

namespace {

const checks::SchemaChecker& program_schema_checker() {
  // Parsed and compiled once (thread-safe static initialisation); never freed, as nothing runs after exit.
  // The document is kept in a static of its own: the checker points into it (and the leak checker
  // must see it reachable).
  static const document::Document* const doc = [] {
    auto d = document::read_json("schemas/program.schema.json", program_schema_text());
    if (!d->parsed) {
      std::fprintf(stderr, "gomo: internal error: the embedded program schema does not parse\n");
      std::abort();
    }
    return d.release();
  }();
  static const checks::SchemaChecker* const checker = new checks::SchemaChecker(doc->root);
  return *checker;
}

Located located_string(const document::Value& root, std::string_view key) {
  const document::Value* v = root.find(key);
  if (!v || !v->is_string()) return {};
  return {v->text, v};
}

const document::Value* of_kind(const document::Value& root, std::string_view key, document::Kind kind) {
  const document::Value* v = root.find(key);
  return v && v->kind == kind ? v : nullptr;
}

}  // namespace

const std::string& program_schema_text() {
  static const std::string text = program_schema_source();
  return text;
}

LoadedProgram load_program_file(std::string path, std::string text) {
  LoadedProgram out;
  std::shared_ptr<const document::Document> doc = document::read_document(std::move(path), std::move(text));
  out.file.doc = doc;
  for (const auto& p : doc->problems) out.diagnostics.push_back(diag::from_problem(*doc, p));
  if (!doc->parsed) {
    out.unreadable = true;
    return out;
  }
  std::vector<checks::SchemaViolation> violations;
  program_schema_checker().check(doc->root, violations);
  for (auto& v : violations) {
    diag::Diagnostic d;
    d.rule = v.rule;
    d.message = std::move(v.message);
    d.location = diag::locate(*doc, *v.at);
    d.fix = std::move(v.fix);
    out.diagnostics.push_back(std::move(d));
  }
  const document::Value& root = doc->root;
  if (!root.is_mapping()) return out;
  ProgramFile& f = out.file;
  f.name = located_string(root, "name");
  f.description = located_string(root, "description");
  f.flow = located_string(root, "flow");
  f.audience = located_string(root, "audience");
  f.start_at = located_string(root, "startAt");
  f.stop_at = located_string(root, "stopAt");
  f.timezone = located_string(root, "timezone");
  if (const auto* dids = of_kind(root, "dids", document::Kind::kSequence)) {
    for (const auto& item : dids->items)
      if (item.is_string()) f.dids.push_back({item.text, &item});
  }
  f.retry = of_kind(root, "retry", document::Kind::kMapping);
  f.pause_windows = of_kind(root, "pauseWindows", document::Kind::kMapping);
  f.auto_pause_rules = of_kind(root, "autoPauseRules", document::Kind::kSequence);
  return out;
}

std::optional<api::TimeOfDay> parse_time_of_day(std::string_view text) {
  auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
  api::TimeOfDay t{(text[0] - '0') * 10 + (text[1] - '0'), (text[3] - '0') * 10 + (text[4] - '0')};
  if (t.hour > 23 || t.minute > 59) return std::nullopt;
  return t;
}

std::optional<api::RetryStrategy> file_retry(const ProgramFile& file) {
  if (!file.retry) return std::nullopt;
  api::RetryStrategy r;
  const document::Value& v = *file.retry;
  r.type = std::string(v.string_at("type"));
  if (r.type.empty()) r.type = "none";
  if (const auto* delay = v.find("delayMinutes"); delay && delay->kind == document::Kind::kInt)
    r.delay_ms = delay->integer * 60000;
  if (const auto* retries = v.find("maxRetries"); retries && retries->kind == document::Kind::kInt)
    r.max_retries = static_cast<int>(retries->integer);
  if (const auto* dates = v.find("retryDates"); dates && dates->is_sequence()) {
    for (const auto& d : dates->items)
      if (d.is_string()) r.dates.push_back(d.text);
  }
  if (r.type == "none") r = api::RetryStrategy{};
  return r;
}

std::optional<api::PauseWindows> file_pause_windows(const ProgramFile& file) {
  if (!file.pause_windows) return std::nullopt;
  api::PauseWindows w;
  for (const auto& m : file.pause_windows->members) {
    if (!m.value.is_sequence()) continue;
    for (const auto& item : m.value.items) {
      auto start = parse_time_of_day(item.string_at("startAt"));
      auto end = parse_time_of_day(item.string_at("endAt"));
      if (m.key.text == "advanced") {
        w.advanced.push_back({std::string(item.string_at("startAt")), std::string(item.string_at("endAt"))});
      } else if (start && end) {
        w.days[m.key.text].push_back({*start, *end});
      }
    }
  }
  return w;
}

std::optional<std::vector<api::AutoPauseRule>> file_auto_pause_rules(const ProgramFile& file) {
  if (!file.auto_pause_rules) return std::nullopt;
  std::vector<api::AutoPauseRule> rules;
  for (const auto& item : file.auto_pause_rules->items) {
    api::AutoPauseRule r;
    r.node_id = std::string(item.string_at("nodeId"));
    if (const auto* t = item.find("threshold"); t && t->kind == document::Kind::kInt)
      r.threshold = static_cast<int>(t->integer);
    if (const auto* reset = item.find("resetOnResume"); reset && reset->kind == document::Kind::kBool)
      r.reset_on_resume = reset->boolean;
    rules.push_back(std::move(r));
  }
  return rules;
}

}  // namespace gomo::programs
