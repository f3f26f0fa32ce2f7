#pragma once
// `gomo flow validate`'s platform flags (cli/flow_remote.cc): --remote asks the platform to validate
// too, --catalog-from fills the audio/attribute catalogs from an account.
#include <string>
#include <vector>

#include "checks/validate.h"
#include "cli/context.h"
#include "cli/target.h"

namespace CLI {
class App;
}

namespace gomo::cli {

struct FlowRemoteFlags {
  bool remote = false;        // --remote
  std::string catalog_from;   // --catalog-from PROFILE
  TargetOptions target;       // where --remote sends the flows
};

void add_flow_remote_flags(CLI::App* validate, FlowRemoteFlags& flags);

// Before the checks: with --catalog-from, fills `options`' catalogs from that account. Returns an
// exit code, 0 when it may go on.
int flow_catalogs_from_account(Context& ctx, const FlowRemoteFlags& flags, checks::ValidateOptions& options);

// After the checks: with --remote, adds the platform's findings to `results` (same order as `inputs`).
// Returns an exit code, 0 when it may go on.
// Findings of the rule id `remote-validation` follow `options`' ignores and severities.
int flow_remote_validate(Context& ctx, const FlowRemoteFlags& flags, const checks::ValidateOptions& options,
                         const std::vector<checks::Input>& inputs, std::vector<checks::FileResult>& results);

}  // namespace gomo::cli
