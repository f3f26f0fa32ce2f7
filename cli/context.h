#pragma once
// What every command action gets: streams, terminal facts, global flags (gh's cmdutil.Factory).
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace gomo::cli {

struct Context {
  std::ostream& out = std::cout;  // data
  std::ostream& err = std::cerr;  // messages, progress, summaries
  std::istream& in = std::cin;    // `-` inputs and confirmation answers
  bool stdout_tty = false;
  bool stderr_tty = false;
  bool stdin_tty = false;  // destructive commands ask only on a terminal (else they need --yes)

  // Global flags.
  std::string output = "text";  // -o: text|json|yaml|table (yaml/table: resource commands; others print text)
  std::string color = "auto";   // --color: auto|always|never
  bool quiet = false;
  bool verbose = false;

  // Said after a 401 or 403 (report_api_error): set by open_target when the environment's key
  // overrides a profile's, "" otherwise.
  std::string auth_note;
  // Where the command's requests go, as the end of an API error line names it ("local workspace
  // .gomo/workspace.db", "https://api.gomobile.ma/api, profile prod"): set by open_target (and config
  // init), "" before a target is chosen. Never holds a key or a URL's password.
  std::string target;
  // The key in use, only so that report_api_error masks it should a server ever echo it. Never print it.
  std::string key_to_mask;

  // Values `gomo completion` offers for an option or positional whose values CLI11 does not restrict
  // (IsMember sets are found by themselves), e.g. rule ids for --ignore. Filled while the tree is built.
  std::map<const CLI::Option*, std::vector<std::string>> completion_values;

  // The subcommand of the group the command line names (`validate` in `gomo flow validate x.yaml`), so
  // that the group builds that one alone; empty: build them all. See build_app (main.cc).
  std::string only_subcommand;
  bool builds(const char* name) const { return only_subcommand.empty() || only_subcommand == name; }

  // Colour on `tty`? Honours --color, NO_COLOR, CLICOLOR=0, CLICOLOR_FORCE=1 and TERM=dumb.
  bool use_color(bool tty) const;
};

// The width in columns of the terminal on file descriptor `fd` (STDOUT_FILENO, STDERR_FILENO); 80 when
// `fd` is not a terminal.
int terminal_width(int fd);

// The action a leaf command recorded while parsing; main runs it after parsing succeeded.
using Action = std::function<int(Context&)>;

// Exit codes (documented in `gomo help exit-codes`).
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr int kExitApiError = 3;      // the platform refused the request (4xx)
constexpr int kExitAuth = 4;          // missing, invalid or insufficient API key (401, 403)
constexpr int kExitNetwork = 5;       // network failure or server unavailable after retries
constexpr int kExitInternal = 70;     // a bug, or the network module could not be loaded (BSD EX_SOFTWARE)
constexpr int kExitSignalBase = 128;  // + the signal that stopped a SIP call: 130 SIGINT, 143 SIGTERM (the shell's)

}  // namespace gomo::cli
