#pragma once
// Where a platform command sends its requests: the flags every such command takes, opening the
// target (local workspace or remote platform), and printing the platform's refusals with the
// documented exit codes. Profiles (gomo config) resolve here too, so commands never see them.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.h"

namespace gomo::api {
class Platform;
struct ApiError;
}  // namespace gomo::api
namespace gomo::report {
struct ResourceColumn;
}
namespace gomo::store {
class Workspace;
}

namespace gomo::cli {

struct TargetOptions {
  std::string base_url;  // empty: the local workspace
  std::string api_key_env = "GOMO_API_KEY";
  bool bearer = false;
  bool insecure = false;
  double rate_limit = 10;
  std::string workspace;  // empty: the default workspace path
};

// The platform and, for the local workspace, the Workspace it lives in (kept alive alongside).
struct OpenedTarget {
  OpenedTarget();
  OpenedTarget(OpenedTarget&&) noexcept;
  ~OpenedTarget();
  std::unique_ptr<store::Workspace> workspace;
  std::unique_ptr<api::Platform> platform;
};

// Adds the target flags to a platform command.
void add_target_flags(CLI::App* cmd, TargetOptions& options);

// Opens the target; on failure prints why and sets `exit_code` (2 usage, 4 auth).
std::optional<OpenedTarget> open_target(Context& ctx, const TargetOptions& options, int& exit_code);

// Prints what the platform said ("gomo: API error 400 VALIDATION_FAILED: ..." plus each field error)
// and returns the exit code for it: 3 API error, 4 authentication, 5 network or unavailable.
int report_api_error(Context& ctx, const api::ApiError& error);
int exit_code_for(const api::ApiError& error);

// Prints platform records (a JSON array or object in the API's field names) in the format -o asks
// for: table (text), json or yaml; with -q only their ids (report/resources.h).
void print_records(Context& ctx, const std::string& records_json, const std::vector<report::ResourceColumn>& columns);

}  // namespace gomo::cli
