// The gomo binary: global flags, one add_<group>_commands per command group, parse, run the action.
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <exception>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "ext/load.h"
#include "version.h"

namespace gomo::cli {

constexpr const char* kAppDescription = "gomo: the command-line toolkit for Gomobile voice campaigns";

bool Context::use_color(bool tty) const {
  if (color == "always") return true;
  if (color == "never") return false;
  auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
  };
  if (!env("NO_COLOR").empty()) return false;
  if (env("CLICOLOR_FORCE") == "1") return true;
  if (env("CLICOLOR") == "0" || env("TERM") == "dumb") return false;
  return tty;
}

int terminal_width(int fd) {
  winsize ws{};
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

// A repeatable option takes one value per occurrence (`--ignore a --ignore b`), so that the words after
// it are positionals again: CLI11 2.1 otherwise lets `--ignore a FILE` swallow FILE.
// Also lists subcommands under "Commands:" in every help (CLI11 says "Subcommands").
void one_value_per_option(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->nonpositional()) option->allow_extra_args(false);
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group() == "Subcommands") sub->group("Commands");
    one_value_per_option(*sub);
  }
}

void build_app(CLI::App& app, Context& ctx, Action& action, const std::string& only_group) {
  app.set_version_flag("--version", version_string());
  app.set_help_flag("-h,--help", "Show help for a command");
  app.get_formatter()->label("SUBCOMMAND", "COMMAND");  // gomo's word, in every usage line
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 checks failed, 2 usage error or unreadable input, 3 API error, 4 auth, 5 network\n"
      "(gomo help exit-codes).\n"
      "Help topics: gomo help exit-codes | rules | config | formats | profiles; gomo help COMMAND... for a command.");
  app.fallthrough();  // global flags may follow the subcommand
  app.add_option("-o,--output", ctx.output,
                 "Output on stdout: text, json, or for platform resources also yaml and table (= text)")
      ->check(CLI::IsMember({"text", "json", "yaml", "table"}))
      ->option_text("text|json|yaml|table");
  app.add_option("--color", ctx.color, "Colour: auto (only on a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->option_text("auto|always|never");
  app.add_flag("-q,--quiet", ctx.quiet, "Print only findings and errors");
  app.add_flag("-v,--verbose", ctx.verbose, "Say more about what gomo is doing");
  for (const auto& group : command_groups()) {
    if (only_group.empty() || only_group == group.name) group.add(app, ctx, action);
  }
  if (only_group.empty()) {
    add_help_commands(app, ctx, action);
    add_completion_commands(app, ctx, action);  // last: it describes the whole tree
  }
  one_value_per_option(app);
}

const std::vector<CommandGroup>& command_groups() {
  static const std::vector<CommandGroup> kGroups = {
      {"flow", add_flow_commands},           {"serve", add_serve_commands},
      {"contacts", add_contacts_commands},   {"attributes", add_attributes_commands},
      {"audiences", add_audiences_commands}, {"dids", add_dids_commands},
      {"audio", add_audio_commands},         {"dictionaries", add_dictionaries_commands},
      {"program", add_program_commands},     {"execution", add_execution_commands},
      {"call", add_call_commands},           {"config", add_config_commands},
      {"auth", add_auth_commands},           {"version", add_version_commands},
  };
  return kGroups;
}

namespace {

// The words of the command line that are neither global flags nor their values (-o, --color take one).
std::vector<std::string_view> command_words(int argc, char** argv, size_t max) {
  std::vector<std::string_view> words;
  for (int i = 1; i < argc && words.size() < max; ++i) {
    std::string_view a = argv[i];
    if (a == "-o" || a == "--output" || a == "--color") {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] == '-') {
      if (!words.empty()) break;  // a flag of the group: the group has to be whole (`gomo flow --help`)
      continue;
    }
    words.push_back(a);
  }
  return words;
}

bool has_subcommand(CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->get_name() == name) return true;
  return false;
}

// CLI11's refusals (and help requests) in gomo's words: the nearest command or flag for a typo, the
// commands of a group named alone, else CLI11's message and where to read the usage. Exit 2, or 0 for
// --help and --version (CLI11 would exit 100-127).
int report_parse_error(Context& ctx, CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  const CommandLineProblem problem = explain_command_line(app, argc, argv);
  // `gomo programs --help` is not the root's help: the word before --help names nothing.
  if (e.get_exit_code() == 0 && problem.unknown_command.empty()) return app.exit(e);
  if (!problem.unknown_command.empty()) return report_error(ctx, problem.unknown_command);
  if (!problem.unknown_flag.empty()) {
    return report_error(ctx, "unknown flag `" + problem.unknown_flag + "` for `" + problem.path + "`" +
                                 (problem.flag_guess.empty() ? "" : "; did you mean `" + problem.flag_guess + "`?") +
                                 "\nRun `" + problem.path + " --help` for its flags.");
  }
  if (problem.needs_command) {
    return report_error(ctx, "`" + problem.path + "` needs a command: " + problem.commands + "\nRun `" + problem.path +
                                 " --help` for what each does.");
  }
  return report_error(ctx, std::string(e.what()) + "\nRun `" + problem.path + " --help` for usage.");
}

}  // namespace

std::string command_group_of(int argc, char** argv) {
  auto words = command_words(argc, argv, 1);
  if (words.empty()) return "";
  for (const auto& group : command_groups())
    if (words[0] == group.name) return group.name;
  return "";
}

std::string subcommand_of(int argc, char** argv) {
  auto words = command_words(argc, argv, 2);
  return words.size() == 2 && !command_group_of(argc, argv).empty() ? std::string(words[1]) : "";
}

// The network module could not be loaded (ext/load.h): whichever command needed it (HTTP, phone
// numbers, serve) cannot go on, and its callers must not word it as a network error or as invalid
// phone numbers. An internal error, exit 70.
[[noreturn]] void network_module_failed(const std::string& message) {
  report_internal_error(std::cerr, message);
  std::cout.flush();  // what the command printed so far; no destructors run (other threads may be busy)
  std::cerr.flush();
  std::_Exit(kExitInternal);
}

int run(int argc, char** argv) {
  ext::set_load_failure_handler(network_module_failed);
  Context ctx;
  ctx.stdout_tty = isatty(STDOUT_FILENO);
  ctx.stderr_tty = isatty(STDERR_FILENO);
  ctx.stdin_tty = isatty(STDIN_FILENO);
  Action action;
  // Building only the command the line names keeps start-up short: the whole tree was ~20% of
  // `gomo flow validate FILE`'s instructions, the flow group alone 7%. Help, completion and mistakes get
  // the whole tree (a word that is no subcommand of the group, e.g. a typo, rebuilds it whole).
  const std::string group = command_group_of(argc, argv);
  ctx.only_subcommand = subcommand_of(argc, argv);
  auto app = std::make_unique<CLI::App>(kAppDescription, "gomo");
  build_app(*app, ctx, action, group);
  if (!ctx.only_subcommand.empty() && !has_subcommand(*app->get_subcommand(group), ctx.only_subcommand)) {
    ctx.only_subcommand.clear();
    ctx.completion_values.clear();
    app = std::make_unique<CLI::App>(kAppDescription, "gomo");
    build_app(*app, ctx, action, group);
  }
  if (argc <= 1) {  // `gomo` alone: what it can do
    ctx.out << root_help(*app);
    return kExitOk;
  }
  try {
    app->parse(argc, argv);
  } catch (const CLI::ParseError& e) { return report_parse_error(ctx, *app, e, argc, argv); }
  if (!action) {
    std::cerr << app->help();
    return kExitUsage;
  }
  return action(ctx);
}

}  // namespace gomo::cli

int main(int argc, char** argv) {
  try {
    return gomo::cli::run(argc, argv);
  } catch (const std::exception& e) {
    return gomo::cli::report_internal_error(std::cerr,
                                            std::string(e.what()) + "\nPlease report this with the command you ran.");
  }
}
