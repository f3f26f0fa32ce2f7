#pragma once
// One add_<group>_commands per command group file.
#include "cli/context.h"

namespace CLI {
class App;
}

namespace gomo::cli {

void add_flow_commands(CLI::App& app, Context& ctx, Action& action);
void add_help_commands(CLI::App& app, Context& ctx, Action& action);
void add_completion_commands(CLI::App& app, Context& ctx, Action& action);

// Builds the whole command tree (used by main and by `gomo completion`).
void build_app(CLI::App& app, Context& ctx, Action& action);

}  // namespace gomo::cli
