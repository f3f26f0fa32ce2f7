#pragma once
// The one place where what went wrong becomes an exit code (the table is `gomo help exit-codes`),
// and where every "gomo: ..." line is printed: errors (report_*error, report_failure) and the notes
// and warnings that are not errors (report_note, report_warning). lib/ returns values (Status,
// api::ApiError, verdicts); commands hand them here and never write "gomo: " themselves.
#include <iosfwd>
#include <string_view>

#include "cli/context.h"

namespace gomo {
class Status;
}
namespace gomo::api {
struct ApiError;
}
namespace gomo::checks {
enum class Verdict;
}
namespace gomo::contacts {
struct Failure;
}
namespace gomo::flowtest {
enum class Verdict;
}

namespace gomo::cli {

// 70 for kInternal (a bug: gomo could not do what it meant to, e.g. formatted text that does not read
// back); 2 for the rest, which are about the command's input (a flag, a file, the config file).
int exit_code_for(const Status& status);
// 3 API error, 4 authentication or permission, 5 network or server unavailable.
int exit_code_for(const api::ApiError& error);
// 0 clean, 1 findings (errors, or warnings with --strict), 2 a file could not be read or parsed.
int exit_code_for(checks::Verdict verdict);
// 0 passed, 1 a case failed or coverage is below the minimum, 2 a test file could not be loaded.
int exit_code_for(flowtest::Verdict verdict);
// 2 for an argument that names nothing usable (an ambiguous name, a malformed phone), else the
// platform's answer's.
int exit_code_for(const contacts::Failure& failure);

// Prints "gomo: MESSAGE" on stderr and returns exit_code_for(status). REQUIRES: !status.ok().
int report_error(Context& ctx, const Status& status);
// Prints "gomo: MESSAGE" on stderr and returns `exit_code` (default 2, a usage error). A message may
// hold more lines (a hint such as "Run `gomo flow --help` for its flags."); the last gets the newline.
int report_error(Context& ctx, std::string_view message, int exit_code = kExitUsage);
// Prints what the platform said and where the request went ("gomo: API error 404 NOT_FOUND: ...
// (local workspace .gomo/workspace.db)", ctx.target), each field error, and for a 401 or 403
// ctx.auth_note; masks ctx.key_to_mask should the answer hold it. Returns exit_code_for(error).
int report_api_error(Context& ctx, const api::ApiError& error);
// The usage message or the platform's answer (report_api_error); returns exit_code_for(failure).
int report_failure(Context& ctx, const contacts::Failure& failure);

// Prints "gomo: internal error: MESSAGE" to `err` and returns 70 (kExitInternal): a bug, or the
// network module could not be loaded. Takes a stream, not a Context, for main's last-resort catch.
int report_internal_error(std::ostream& err, std::string_view message);

// Prints "gomo: MESSAGE" on stderr for what is no error: progress, a summary, a -v detail, a note
// on how the work went. The caller decides whether -q or -v apply.
void report_note(Context& ctx, std::string_view message);
// Prints "gomo: warning: MESSAGE" on stderr: something looks wrong, but the work goes on.
void report_warning(Context& ctx, std::string_view message);

}  // namespace gomo::cli
