#include "report/completion.h"

#include <doctest/doctest.h>

namespace gomo::report {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

OptionSpec option(std::vector<std::string> shorts, std::vector<std::string> longs, std::string description,
                  ValueKind value = ValueKind::kNone, std::vector<std::string> choices = {}) {
  OptionSpec o;
  o.short_names = std::move(shorts);
  o.long_names = std::move(longs);
  o.description = std::move(description);
  o.value = value;
  o.choices = std::move(choices);
  return o;
}

// tool [-h] [--version] [-o text|json] {flow {validate [-f ...] [--config F] [-j N] [--ignore R]... PATH...} | help
// [TOPIC]}
CommandSpec sample_tree() {
  CommandSpec root;
  root.name = "tool";
  root.description = "A tool";
  root.options.push_back(option({"h"}, {"help"}, "Show help"));
  root.options.push_back(option({}, {"version"}, "Print the version"));
  auto output = option({"o"}, {"output"}, "Machine output", ValueKind::kChoice, {"text", "json"});
  output.global = true;
  root.options.push_back(output);

  CommandSpec validate;
  validate.name = "validate";
  validate.description = "Check [flows]: it's fast";
  validate.options.push_back(option({"h"}, {"help"}, "Show help"));
  validate.options.push_back(option({"f"}, {"format"}, "Output [format]", ValueKind::kChoice, {"text", "sarif"}));
  validate.options.push_back(option({}, {"config"}, "Config file", ValueKind::kFile));
  validate.options.push_back(option({"j"}, {"jobs"}, "Threads", ValueKind::kText));
  auto ignore = option({}, {"ignore"}, "Rule it's not", ValueKind::kChoice, {"rule-a", "rule b"});
  ignore.repeatable = true;
  validate.options.push_back(ignore);
  validate.positionals.push_back({"paths", "Files", ValueKind::kFile, {}, true});

  CommandSpec flow;
  flow.name = "flow";
  flow.description = "Flows";
  flow.options.push_back(option({"h"}, {"help"}, "Show help"));
  flow.subcommands.push_back(validate);

  CommandSpec help;
  help.name = "help";
  help.description = "Help";
  help.positionals.push_back({"topic", "A topic", ValueKind::kChoice, {"exit-codes", "rules"}, false});

  root.subcommands.push_back(flow);
  root.subcommands.push_back(help);
  return root;
}

TEST_CASE("bash completion: per-command tables with global options, values and positionals") {
  std::string s = bash_completion(sample_tree());
  CHECK(contains(s, "complete -F _tool tool\n"));
  CHECK(contains(s,
                 "    \"tool\")\n      subcommands='flow help'\n      options='-h --help --version -o --output'\n"
                 "      value_options='-o --output'\n"));
  // Global options are accepted (and take their value) after subcommands too.
  CHECK(contains(s,
                 "    \"tool flow validate\")\n      subcommands=''\n"
                 "      options='-h --help -f --format --config -j --jobs --ignore -o --output'\n"
                 "      value_options='-f --format --config -j --jobs --ignore -o --output'\n"
                 "      positional_slots=1 positional_variadic=1\n"));
  CHECK(contains(s, "    *\"|-o\"|*\"|--output\") _tool_words 'text json' \"$3\" ;;\n"));
  CHECK(contains(
      s, "    \"tool flow validate|-f\"|\"tool flow validate|--format\") _tool_words 'text sarif' \"$3\" ;;\n"));
  CHECK(contains(s, "    \"tool flow validate|--config\") _tool_files \"$3\" ;;\n"));
  CHECK(contains(s, "    \"tool flow validate|-j\"|\"tool flow validate|--jobs\") COMPREPLY=() ;;\n"));
  CHECK(contains(s, "    \"tool flow validate|#0\") _tool_files \"$3\" ;;\n"));
  CHECK(contains(s, "    \"tool help|#0\") _tool_words 'exit-codes rules' \"$3\" ;;\n"));
  // A global option's value case appears once, not once per command.
  CHECK(s.find("\"|--output\")") == s.rfind("\"|--output\")"));
}

TEST_CASE("zsh completion: _arguments specs, escaping and registration") {
  std::string s = zsh_completion(sample_tree());
  CHECK(s.rfind("#compdef tool\n", 0) == 0);
  CHECK(contains(s, "'(-f --format)-f+[Output \\[format\\]]:format:(text sarif)'"));
  CHECK(contains(s, "'(-f --format)--format=[Output \\[format\\]]:format:(text sarif)'"));
  CHECK(contains(s, "'--config=[Config file]:config:_files'"));
  CHECK(contains(s, "'(-j --jobs)--jobs=[Threads]:jobs: '"));
  // Repeatable: no exclusion list; a single quote in a description closes and reopens the quoting.
  CHECK(contains(s, "'*--ignore=[Rule it'\\''s not]:ignore:(rule-a rule\\ b)'"));
  CHECK(contains(s, "'*:paths:_files'"));
  CHECK(contains(s, "'1:topic:(exit-codes rules)'"));
  // Global options in a subcommand; --version (not global) only at the root.
  auto validate_fn = s.find("\n_tool_flow_validate() {");
  REQUIRE(validate_fn != std::string::npos);
  std::string validate_body = s.substr(validate_fn, s.find("\n}\n", validate_fn) - validate_fn);
  CHECK(contains(validate_body, "'(-o --output)--output=[Machine output]:output:(text json)'"));
  CHECK(!contains(validate_body, "--version"));
  CHECK(contains(s, "        'validate:Check [flows]: it'\\''s fast'\n"));
  CHECK(contains(s, "        (validate) _tool_flow_validate && ret=0 ;;\n"));
  // A level with subcommands leaves the words after its subcommand to it (-A), a leaf takes them all.
  CHECK(
      contains(s,
               "_tool_flow() {\n  local curcontext=\"$curcontext\" state state_descr line ret=1\n  local -A opt_args\n"
               "  # -A: options after the subcommand are the subcommand's, even global ones this level knows too.\n"
               "  _arguments -C -s -S -A '-*' \\\n"));
  CHECK(contains(s, "_tool_flow_validate() {\n  _arguments -s -S \\\n"));
  CHECK(contains(s, "if [[ $funcstack[1] == _tool ]]; then\n  _tool \"$@\"\nelse\n  compdef _tool tool\nfi\n"));
}

TEST_CASE("fish completion: conditions on the command path, values and file arguments") {
  std::string s = fish_completion(sample_tree());
  CHECK(contains(s, "complete -c tool -f\n"));
  CHECK(contains(s, "        case 'tool flow'\n            printf '%s\\n' validate\n"));
  CHECK(contains(
      s,
      "        case 'tool flow validate'\n            printf '%s\\n' -f --format --config -j --jobs --ignore -o --output\n"));
  // Global: no condition.
  CHECK(contains(s, "complete -c tool -s 'o' -l 'output' -d 'Machine output' -x -a 'text json'\n"));
  CHECK(contains(s, "complete -c tool -n '__tool_at \"tool\"' -l 'version' -d 'Print the version'\n"));
  CHECK(contains(s, "complete -c tool -n '__tool_at \"tool\"' -a 'flow' -d 'Flows'\n"));
  CHECK(contains(
      s,
      "complete -c tool -n '__tool_at \"tool flow validate\"' -s 'f' -l 'format' -d 'Output [format]' -x -a 'text sarif'\n"));
  CHECK(contains(s, "-l 'config' -d 'Config file' -r -F\n"));
  CHECK(contains(s, "-l 'jobs' -d 'Threads' -x\n"));
  CHECK(contains(s, "-l 'ignore' -d 'Rule it\\'s not' -x -a 'rule-a \\'rule b\\''\n"));
  CHECK(contains(s, "complete -c tool -n '__tool_at \"tool flow validate\"' -F\n"));
  CHECK(contains(s, "complete -c tool -n '__tool_at \"tool help\"' -a 'exit-codes rules'\n"));
}

TEST_CASE("completion scripts are deterministic and put descriptions on one line") {
  CommandSpec root = sample_tree();
  root.subcommands[0].description = "two\nlines";
  CHECK(bash_completion(root) == bash_completion(root));
  CHECK(contains(zsh_completion(root), "'flow:two lines'"));
  CHECK(contains(fish_completion(root), "-a 'flow' -d 'two lines'"));
}

}  // namespace
}  // namespace gomo::report
