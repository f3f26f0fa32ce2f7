#pragma once
// Where a platform command sends its requests: the flags every such command takes, opening the
// target (local workspace or remote platform), and printing the platform's refusals with the
// documented exit codes. Profiles (gomo config) resolve here too (lib/profile), so commands never
// see them: flag > profile named by --profile > environment > current profile > default.
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "cli/context.h"
#include "cli/exit_codes.h"  // report_api_error, for every platform command

namespace gomo::api {
class Platform;
}  // namespace gomo::api
namespace gomo::report {
struct ResourceColumn;
}
namespace gomo::profile {
struct ResolvedTarget;
}

namespace gomo::cli {

// Bound to the flags by add_target_flags. Empty strings: not given on the command line.
struct TargetOptions {
  std::string base_url;                      // --base-url: a remote platform
  std::string api_key_env = "GOMO_API_KEY";  // --api-key-env: the variable holding the key
  bool bearer = false;
  bool insecure = false;
  double rate_limit = 10;         // --rate-limit, requests per second (0: none); used only when given
  std::string workspace;          // --workspace: the local workspace at this path
  std::string profile;            // --profile: a profile of the config file (gomo config)
  std::string timeout;            // --timeout: deadline of each request, retries included ("30s", "500ms", seconds)
  bool rate_limit_given = false;  // set by the --rate-limit flag
  bool prints_target = false;     // the command shows the target itself (auth status): no "reading" note
};

// The opened platform (which owns what it needs) and how it was reached.
struct OpenedTarget {
  OpenedTarget();
  OpenedTarget(OpenedTarget&&) noexcept;
  ~OpenedTarget();
  std::unique_ptr<api::Platform> platform;
  // "local workspace .gomo/workspace.db" or "https://api.gomobile.ma/api (prod)".
  std::string summary;
  // Where the target and each setting came from (never null after open_target succeeded).
  std::unique_ptr<profile::ResolvedTarget> resolved;
  // A read of a local workspace that does not exist (or has no organisation yet): an empty one in
  // memory; nothing was created.
  bool empty = false;
};

// What the command does to the target. Only the local workspace cares: kWrite (a create) makes it,
// with its organisation, when missing; kRead (a read) and kExisting (a change to objects that must
// exist: update, delete, members) never create anything, and see a missing workspace as empty.
// kLookup is a read the user did not ask for (a render looking for recorded clips): it says nothing,
// neither the notes of a read nor why the target could not be opened.
enum class TargetAccess { kRead, kExisting, kWrite, kLookup };

// Adds the target flags to a platform command: --profile, --base-url, --api-key-env, --bearer,
// --insecure, --rate-limit, --timeout, --workspace.
void add_target_flags(CLI::App* cmd, TargetOptions& options);

// Resolves where the command would go, without opening it (reads the config file). On failure
// prints why and sets `exit_code` (2: unknown profile, bad config file, conflicting flags).
std::unique_ptr<profile::ResolvedTarget> resolve_target(Context& ctx, const TargetOptions& options, int& exit_code);

// Opens the target; on failure prints why and sets `exit_code` (2 usage, 4 auth). With -v, says
// which target and where the key came from (masked), and each retry of a request (one line each). Says
// on stderr when a change created the local workspace or its organisation (not with -q), and when a
// read found no workspace (and reads it as empty: the list is empty, a get is the platform's 404).
// A read (kRead) says which target it reads, "gomo: reading local workspace .gomo/workspace.db", only
// when stderr is a terminal and neither -q nor -v (which names it already) is given: a person sees
// where the data came from, and pipes, files and scripts get nothing more (README, Global flags).
// Sets ctx.target (report_api_error names it) and ctx.auth_note when the environment's key overrides
// a profile's (report_api_error prints it).
std::optional<OpenedTarget> open_target(Context& ctx, const TargetOptions& options, int& exit_code,
                                        TargetAccess access);

// Opens more connections to the remote `target` (commands that send in parallel: upsert
// --concurrency), each with `rate_share` of the target's rate limit, so that `1 / rate_share` of them
// together keep it; each says its retries with -v. Null when the target is the local workspace (its
// one SQLite writer gains nothing from more connections). The factory may be called from any thread;
// `ctx` and `target` must outlive it.
std::function<Result<std::unique_ptr<api::Platform>>()> remote_connections(Context& ctx, const OpenedTarget& target,
                                                                           double rate_share);

// The one summary line of a mutating command, on stderr unless -q:
// "created contact c_123 → local workspace .gomo/workspace.db".
void print_target_summary(Context& ctx, const OpenedTarget& target, const std::string& what);

// Prints platform records (an array of objects or one object, as api::wire::encode makes them) in the
// format -o asks for: table (text), json or yaml; with -q only their ids (report/resources.h).
void print_records(Context& ctx, const nlohmann::json& records, const std::vector<report::ResourceColumn>& columns);

}  // namespace gomo::cli
