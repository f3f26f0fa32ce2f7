// `gomo program`: the group. (Minimal: launch, pause, resume and cancel come from
// cli/program_run.cc; validate, apply, list, get and archive join it here.)
#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace gomo::cli {

void add_program_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("program", "Programs (a flow over an audience): launch, pause, resume, cancel");
  group->require_subcommand(1);
  add_program_run_commands(*group, ctx, action);
}

}  // namespace gomo::cli
