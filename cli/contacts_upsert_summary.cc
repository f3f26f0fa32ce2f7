// The summary of `gomo contacts upsert` (cli/contacts_upsert_summary.h).
#include "cli/contacts_upsert_summary.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"

namespace gomo::cli {
namespace {

// "1,000": counts of values read best grouped.
std::string upsert_grouped(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// "created attribute Solde (number, inferred from 1,000 values)".
std::string upsert_attribute_line(const contacts::CreatedAttribute& a, bool dry_run) {
  std::string line = std::string(dry_run ? "would create" : "created") + " attribute " + a.column;
  line += " (" + a.type;
  if (!a.inferred) return line + ", from --attribute-type)";
  if (a.values == 0) return line + ": the column has no values to infer a type from)";
  return line + ", inferred from " + upsert_grouped(a.values) + (a.values == 1 ? " value)" : " values)");
}

nlohmann::json upsert_summary_json(const contacts::UpsertSummary& s) {
  // A dry run that could not read the target does not know these: null, not 0.
  const bool known = s.unknown_outcome.empty();
  auto count = [known](size_t n) { return known ? nlohmann::json(n) : nlohmann::json(nullptr); };
  nlohmann::json attributes = nlohmann::json::array();
  for (const auto& a : s.attributes_created) {
    attributes.push_back({{"column", a.column},
                          {"name", a.name},
                          {"type", a.type},
                          {"inferredFrom", a.inferred ? nlohmann::json(a.values) : nlohmann::json(nullptr)}});
  }
  nlohmann::json j = {{"rowsRead", s.rows_read},
                      {"valid", s.valid},
                      {"sent", s.sent},
                      {"created", count(s.created)},
                      {"updated", count(s.updated)},
                      {"unchanged", count(s.unchanged)},
                      {"duplicates", s.duplicates},
                      {"rejected", s.rejected},
                      {"rejectReasons", s.reject_reasons},
                      {"batches", s.batches},
                      {"seconds", s.seconds},
                      {"dryRun", s.dry_run},
                      {"overMaxRejects", s.over_max_rejects},
                      {"audienceId", s.audience_id},
                      {"target", s.target},
                      {"resumedBatches", s.resumed_batches},
                      {"attributesCreated", attributes}};
  if (!known) j["unknownOutcome"] = s.unknown_outcome;
  return j;
}

}  // namespace

void print_upsert_summary(Context& ctx, const contacts::UpsertSummary& s, const std::string& rejects_path) {
  if (ctx.output == "json") {
    ctx.out << upsert_summary_json(s).dump(2) << "\n";
    return;
  }
  if (ctx.quiet) return;
  for (const auto& a : s.attributes_created) report_note(ctx, upsert_attribute_line(a, s.dry_run));
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", s.seconds);  // "0.03 s", not "0.0322653 s"
  ctx.err << (s.dry_run ? "dry run (nothing sent): " : "") << s.rows_read << " rows read, " << s.valid << " valid, "
          << s.sent << (s.dry_run ? " would be sent" : " sent") << " (";
  if (!s.unknown_outcome.empty()) {
    ctx.err << "created/updated unknown";
  } else {
    ctx.err << s.created << (s.dry_run ? " would be created, " : " created, ") << s.updated << " updated, "
            << s.unchanged << " unchanged";
  }
  ctx.err << "), " << s.duplicates << (s.duplicates == 1 ? " duplicate, " : " duplicates, ") << s.rejected
          << " rejected in " << seconds << " s → " << s.target << "\n";
  for (const auto& [code, n] : s.reject_reasons) ctx.err << "  " << code << ": " << n << "\n";
  if (s.rejected && !rejects_path.empty()) ctx.err << "rejected rows with their reasons: " << rejects_path << "\n";
  if (!s.unknown_outcome.empty())
    report_note(ctx, "which contacts would be created or updated is unknown: " + s.unknown_outcome);
}

}  // namespace gomo::cli
