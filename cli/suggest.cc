// Words of a command line that name nothing: the nearest command or flag ("did you mean"), computed
// only on the error path so that start-up still builds just the group the line names (main.cc).
#include <CLI/CLI.hpp>
#include <string_view>

#include "base/strings.h"
#include "cli/commands.h"

namespace gomo::cli {
namespace {

std::vector<const CLI::App*> suggest_subcommands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

const CLI::App* suggest_find_subcommand(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : suggest_subcommands_of(app))
    if (sub->check_name(word)) return sub;
  return nullptr;
}

bool suggest_takes_positionals(const CLI::App& app) {
  for (const CLI::Option* o : app.get_options())
    if (o->get_positional()) return true;
  return false;
}

// The option `flag` names ("--strict", "-o", "-ojson", "--output=json") in `app` or an app above it.
const CLI::Option* suggest_find_option(const CLI::App& app, std::string_view flag) {
  const bool is_long = starts_with(flag, "--");
  std::string name(flag.substr(is_long ? 2 : 1));
  if (is_long) name = name.substr(0, name.find('='));
  else name = name.substr(0, 1);
  for (const CLI::App* a = &app; a; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      const auto& names = is_long ? o->get_lnames() : o->get_snames();
      if (std::find(names.begin(), names.end(), name) != names.end()) return o;
    }
  }
  return nullptr;
}

// Every flag usable at `app` (its own and those of the apps above it), as written: "--strict", "-q".
std::vector<std::string> suggest_flags_of(const CLI::App& app) {
  std::vector<std::string> flags;
  for (const CLI::App* a = &app; a; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      for (const auto& n : o->get_lnames()) flags.push_back("--" + n);
      for (const auto& n : o->get_snames()) flags.push_back("-" + n);
    }
  }
  return flags;
}

// `gomo validate` -> "gomo flow validate": a command one level down with exactly that name.
std::string suggest_nested_command(const CLI::App& root, const std::string& word) {
  for (const CLI::App* group : suggest_subcommands_of(root))
    if (suggest_find_subcommand(*group, word)) return "gomo " + group->get_name() + " " + word;
  return "";
}

}  // namespace

std::string command_list(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : suggest_subcommands_of(app)) names.push_back(sub->get_name());
  return join(names, ", ");
}

std::string unknown_command_message(const CLI::App& parent, const std::string& parent_path, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* sub : suggest_subcommands_of(parent)) names.push_back(sub->get_name());
  std::string guess = closest_match(word, names);
  guess = guess.empty() ? (parent.get_parent() ? "" : suggest_nested_command(parent, word)) : parent_path + " " + guess;
  std::string msg = "unknown command `" + parent_path + " " + word + "`";
  if (!guess.empty()) msg += "; did you mean `" + guess + "`?";
  msg += "\n" + parent_path + " commands: " + command_list(parent);
  return msg;
}

CommandLineProblem explain_command_line(const CLI::App& root, int argc, const char* const* argv) {
  CommandLineProblem problem;
  const CLI::App* app = &root;
  problem.path = "gomo";
  for (int i = 1; i < argc; ++i) {
    std::string_view word = argv[i];
    if (word == "--") break;
    if (word.size() > 1 && word[0] == '-') {
      const CLI::Option* option = suggest_find_option(*app, word);
      if (!option) {
        if (problem.unknown_flag.empty()) {
          problem.unknown_flag = std::string(word.substr(0, word.find('=')));
          problem.flag_guess = closest_match(problem.unknown_flag, suggest_flags_of(*app));
        }
        continue;
      }
      // A value in the next word: `-o json`, `--output json` (not `--output=json`, `-ojson`, flags).
      const bool inline_value = starts_with(word, "--") ? word.find('=') != std::string_view::npos : word.size() > 2;
      if (option->get_type_size_max() > 0 && !inline_value) ++i;
      continue;
    }
    const std::string w(word);
    if (const CLI::App* sub = suggest_find_subcommand(*app, w)) {
      app = sub;
      problem.path += " " + sub->get_name();
      continue;
    }
    if (!suggest_subcommands_of(*app).empty() && !suggest_takes_positionals(*app)) {
      problem.unknown_command = unknown_command_message(*app, problem.path, w);
      break;
    }
    // A positional of the command (a file, a contact, ...): nothing more to learn from the words.
  }
  problem.needs_command = !suggest_subcommands_of(*app).empty() && !suggest_takes_positionals(*app);
  problem.commands = command_list(*app);
  return problem;
}

}  // namespace gomo::cli
