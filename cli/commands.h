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
// run under `gomo flow` (cli/flow_run.cc); called by add_flow_sim_commands.
void add_flow_run_command(CLI::App& flow, Action& action);
// render under `gomo flow` (cli/flow_render.cc): a simulated call as sound; called by add_flow_sim_commands.
void add_flow_render_command(CLI::App& flow, Action& action);
// push, pull and diff under `gomo flow` (cli/flow_sync.cc); called by add_flow_commands.
void add_flow_sync_commands(CLI::App& flow, Context& ctx, Action& action);
void add_help_commands(CLI::App& app, Context& ctx, Action& action);
void add_serve_commands(CLI::App& app, Context& ctx, Action& action);
void add_contacts_commands(CLI::App& app, Context& ctx, Action& action);
// create, update and delete under `gomo contacts` (cli/contacts_edit.cc); called by add_contacts_commands.
void add_contacts_edit_commands(CLI::App& contacts, Context& ctx, Action& action);
// upsert under `gomo contacts` (cli/contacts_upsert.cc); called by add_contacts_commands.
void add_contacts_upsert_command(CLI::App& contacts, Context& ctx, Action& action);
void add_attributes_commands(CLI::App& app, Context& ctx, Action& action);
void add_audiences_commands(CLI::App& app, Context& ctx, Action& action);
void add_dids_commands(CLI::App& app, Context& ctx, Action& action);
// `gomo call`, `call report`, `call list` (cli/call.cc).
void add_call_commands(CLI::App& app, Context& ctx, Action& action);
void add_audio_commands(CLI::App& app, Context& ctx, Action& action);
void add_dictionaries_commands(CLI::App& app, Context& ctx, Action& action);
// `gomo config` (cli/config.cc).
void add_config_commands(CLI::App& app, Context& ctx, Action& action);
// init under `gomo config` (cli/config_init.cc); called by add_config_commands.
void add_config_init_command(CLI::App& config, Action& action);
void add_auth_commands(CLI::App& app, Context& ctx, Action& action);
// `gomo program` (cli/program.cc): creates the group and calls add_program_file_commands. Launch and
// execution control add theirs to the same group with their own add_program_*_commands(program, ...).
void add_program_commands(CLI::App& app, Context& ctx, Action& action);
// validate, apply, list, get and archive under `gomo program` (cli/program.cc).
void add_program_file_commands(CLI::App& program, Context& ctx, Action& action);
// apply under `gomo program` (cli/program_apply.cc); called by add_program_file_commands.
void add_program_apply_command(CLI::App& program, Context& ctx, Action& action);
// launch, pause, resume and cancel under `gomo program` (cli/program_run.cc); called by add_program_commands.
void add_program_run_commands(CLI::App& program, Context& ctx, Action& action);
// simulate under `gomo program` (cli/program_simulate.cc): the forecast; called by add_program_commands.
void add_program_simulate_command(CLI::App& program, Context& ctx, Action& action);
// `gomo execution` (cli/execution.cc): pause, resume, cancel, status, report, list.
void add_execution_commands(CLI::App& app, Context& ctx, Action& action);
void add_completion_commands(CLI::App& app, Context& ctx, Action& action);
// `gomo version` (cli/version.cc).
void add_version_commands(CLI::App& app, Context& ctx, Action& action);

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

// What `gomo help` and `gomo` alone print: the root help, then the overview topic.
std::string root_help(const CLI::App& root);

// What a command line names, walked word by word over the tree `root` (cli/suggest.cc). Used on the
// error and help paths only: suggestions cost nothing when the line is right.
struct CommandLineProblem {
  std::string path = "gomo";  // the deepest command named: "gomo flow validate"
  // "unknown command `gomo flwo`; did you mean `gomo flow`?\ngomo commands: flow, serve, ..." or "".
  std::string unknown_command;
  std::string unknown_flag;    // the first flag no command on the path has ("--strcit"), or ""
  std::string flag_guess;      // the nearest flag there ("--strict"), or ""
  bool needs_command = false;  // `path` is a group and no command of it was named
  std::string commands;        // the commands of `path` ("validate, fmt, ..."), when it has some
};
CommandLineProblem explain_command_line(const CLI::App& root, int argc, const char* const* argv);
// "unknown command `PATH WORD`", the nearest command of `parent` when one is close, and the list of
// its commands. `parent_path` is e.g. "gomo flow".
std::string unknown_command_message(const CLI::App& parent, const std::string& parent_path, const std::string& word);
// The names of the commands of `app`: "validate, fmt, convert".
std::string command_list(const CLI::App& app);

}  // namespace gomo::cli
