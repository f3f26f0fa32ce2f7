// Exit codes and error lines (cli/exit_codes.h).
#include "cli/exit_codes.h"

#include <ostream>
#include <string>

#include "api/platform.h"
#include "base/status.h"
#include "checks/validate.h"
#include "contacts/resolve.h"
#include "flowtest/flowtest.h"
#include "profile/resolve.h"

namespace gomo::cli {

int exit_code_for(const Status& status) { return status.code() == StatusCode::kInternal ? kExitInternal : kExitUsage; }

int exit_code_for(const api::ApiError& e) {
  if (e.is_auth()) return kExitAuth;
  if (e.is_unavailable()) return kExitNetwork;
  return kExitApiError;
}

int exit_code_for(checks::Verdict verdict) {
  switch (verdict) {
    case checks::Verdict::kClean: return kExitOk;
    case checks::Verdict::kFindings: return kExitFindings;
    case checks::Verdict::kUnreadable: return kExitUsage;
  }
  return kExitUsage;
}

int exit_code_for(flowtest::Verdict verdict) {
  switch (verdict) {
    case flowtest::Verdict::kPassed: return kExitOk;
    case flowtest::Verdict::kFailed:
    case flowtest::Verdict::kCoverageBelowMinimum: return kExitFindings;
    case flowtest::Verdict::kUnloadable: return kExitUsage;
  }
  return kExitUsage;
}

int exit_code_for(const contacts::Failure& failure) { return failure.usage ? kExitUsage : exit_code_for(failure.api); }

int report_error(Context& ctx, const Status& status) {
  ctx.err << "gomo: " << status.message() << "\n";
  return exit_code_for(status);
}

int report_error(Context& ctx, std::string_view message, int exit_code) {
  ctx.err << "gomo: " << message << "\n";
  return exit_code;
}

namespace {
// `line` with the key in use masked, should the platform's answer hold it. Keys under 8 characters
// (test keys) are left alone: replacing them would garble ordinary words.
std::string masked(const Context& ctx, std::string line) {
  const std::string& key = ctx.key_to_mask;
  if (key.size() < 8) return line;
  const std::string mask = profile::mask_key(key);
  for (size_t at = line.find(key); at != std::string::npos; at = line.find(key, at + mask.size())) {
    line.replace(at, key.size(), mask);
  }
  return line;
}
}  // namespace

int report_api_error(Context& ctx, const api::ApiError& e) {
  // gh's habit: the answer, then where it came from in parentheses, on one line a log can be grepped for.
  std::string line = "gomo: ";
  if (e.http_status) line += "API error " + std::to_string(e.http_status) + " ";
  line += e.code + ": " + e.message;
  // A message that ends in its own parentheses gets "; on TARGET", not a second pair back to back.
  if (!ctx.target.empty())
    line += !e.message.empty() && e.message.back() == ')' ? "; on " + ctx.target : " (" + ctx.target + ")";
  ctx.err << masked(ctx, line) << "\n";
  for (const auto& [field, messages] : e.field_errors) {
    for (const auto& m : messages) ctx.err << masked(ctx, "  " + field + ": " + m) << "\n";
  }
  if (e.is_auth() && !ctx.auth_note.empty()) ctx.err << "gomo: " << ctx.auth_note << "\n";
  return exit_code_for(e);
}

int report_failure(Context& ctx, const contacts::Failure& failure) {
  if (!failure.usage) return report_api_error(ctx, failure.api);
  return report_error(ctx, failure.message);
}

int report_internal_error(std::ostream& err, std::string_view message) {
  err << "gomo: internal error: " << message << "\n";
  return kExitInternal;
}

void report_note(Context& ctx, std::string_view message) { ctx.err << "gomo: " << message << "\n"; }

void report_warning(Context& ctx, std::string_view message) { ctx.err << "gomo: warning: " << message << "\n"; }

}  // namespace gomo::cli
