#pragma once
// Shell completion scripts (bash, zsh, fish) generated from a neutral description of the command tree.
// cli/ builds the CommandSpec from its CLI11 definition, so new commands and flags are picked up without
// touching the generators.
#include <string>
#include <vector>

namespace gomo::report {

// What the shell should offer for an option's value or a positional argument.
enum class ValueKind {
  kNone,       // a flag: takes no value
  kFile,       // a path to a file (directories are offered too, to walk into them)
  kDirectory,  // a path to a directory
  kChoice,     // one of `choices`
  kText,       // free text, e.g. a number: nothing to offer
};

struct OptionSpec {
  std::vector<std::string> long_names;   // without dashes: "format"
  std::vector<std::string> short_names;  // without the dash: "f"
  std::string description;
  ValueKind value = ValueKind::kNone;
  std::vector<std::string> choices;  // for kChoice
  bool repeatable = false;           // may be given more than once (e.g. --ignore A --ignore B)
  // Accepted after every subcommand too (global flags of the root command). Only root options may be global.
  bool global = false;
};

struct PositionalSpec {
  std::string name;
  std::string description;
  ValueKind kind = ValueKind::kFile;
  std::vector<std::string> choices;  // for kChoice
  bool variadic = false;             // takes any number of words
};

struct CommandSpec {
  std::string name;  // the root's name is the program name ("gomo")
  std::string description;
  std::vector<OptionSpec> options;
  std::vector<PositionalSpec> positionals;
  std::vector<CommandSpec> subcommands;
};

// Each returns a complete script for `root.name`, deterministic for a given spec (committed files are
// compared byte for byte). Descriptions may hold any characters; they are quoted for the shell.
//
// bash: defines `_<name>` and registers it with `complete -F`; works with `source <(...)` and from
// /usr/share/bash-completion/completions/<name>. Needs bash >= 4 (compopt).
std::string bash_completion(const CommandSpec& root);
// zsh: a `#compdef <name>` file for $fpath (named `_<name>`); also works when sourced after compinit.
std::string zsh_completion(const CommandSpec& root);
// fish: `complete -c <name>` lines for ~/.config/fish/completions/<name>.fish or `| source`.
std::string fish_completion(const CommandSpec& root);

}  // namespace gomo::report
