#pragma once
// One add_<group>_commands per command group file.
#include <string>
#include <vector>

#include "cli/context.h"

namespace CLI {
class App;
}

namespace gomo::cli {

void add_flow_commands(CLI::App& app, Context& ctx, Action& action);
// fmt, convert and graph under `gomo flow` (cli/flow_format.cc); called by add_flow_commands.
void add_flow_format_commands(CLI::App& flow, Context& ctx, Action& action);
// run, test and simulate under `gomo flow` (cli/flow_sim.cc); called by add_flow_commands.
void add_flow_sim_commands(CLI::App& flow, Context& ctx, Action& action);
// push, pull and diff under `gomo flow` (cli/flow_sync.cc); called by add_flow_commands.
void add_flow_sync_commands(CLI::App& flow, Context& ctx, Action& action);
void add_help_commands(CLI::App& app, Context& ctx, Action& action);
void add_serve_commands(CLI::App& app, Context& ctx, Action& action);
void add_contacts_commands(CLI::App& app, Context& ctx, Action& action);
// create, update and delete under `gomo contacts` (cli/contacts_edit.cc); called by add_contacts_commands.
void add_contacts_edit_commands(CLI::App& contacts, Context& ctx, Action& action);
void add_attributes_commands(CLI::App& app, Context& ctx, Action& action);
void add_audiences_commands(CLI::App& app, Context& ctx, Action& action);
void add_dids_commands(CLI::App& app, Context& ctx, Action& action);
void add_audio_commands(CLI::App& app, Context& ctx, Action& action);
// `gomo config` (cli/config.cc); its `init` is in cli/auth.cc with `gomo auth`.
void add_config_commands(CLI::App& app, Context& ctx, Action& action);
void add_config_init_command(CLI::App& config, Context& ctx, Action& action);
void add_auth_commands(CLI::App& app, Context& ctx, Action& action);
void add_completion_commands(CLI::App& app, Context& ctx, Action& action);

// Builds the command tree (used by main and by `gomo completion`): the whole tree, or with
// `only_group` ("flow", "contacts", ...) the global flags and that group alone.
void build_app(CLI::App& app, Context& ctx, Action& action, const std::string& only_group = "");

struct CommandGroup {
  const char* name;
  void (*add)(CLI::App& app, Context& ctx, Action& action);
};
// The command groups, in help order.
const std::vector<CommandGroup>& command_groups();
// The group a command line names ("flow" for `gomo -o json flow validate x`), or "" for none.
std::string command_group_of(int argc, char** argv);
// The word after the group ("validate" there), or "" when the group is followed by a flag or nothing.
std::string subcommand_of(int argc, char** argv);

}  // namespace gomo::cli
