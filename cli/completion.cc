// gomo completion bash|zsh|fish: the CLI11 command tree turned into a neutral CommandSpec, then a script.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/commands.h"
#include "report/completion.h"

namespace gomo::cli {
namespace {

std::vector<std::string> completion_split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text) {
    if (c == sep) {
      out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  out.push_back(item);
  return out;
}

// CLI11 keeps an IsMember set only inside its validator's description, "{a,b,c}", which
// get_type_name() appends to the type ("TEXT:{a,b,c}").
std::vector<std::string> completion_member_choices(const std::string& type_name) {
  std::vector<std::string> out;
  for (const auto& part : completion_split(type_name, ':')) {
    if (part.size() < 2 || part.front() != '{' || part.back() != '}') continue;
    for (auto& word : completion_split(part.substr(1, part.size() - 2), ','))
      if (!word.empty()) out.push_back(word);
  }
  return out;
}

// A value's kind from its type name: FILE/PATH/DIR (from ->type_name() or CLI11's Existing* checks),
// numbers and other typed values offer nothing, and plain text is a path (as in cobra), which is what
// gomo's open-ended arguments are.
report::ValueKind completion_kind(const std::string& type_name) {
  auto parts = completion_split(type_name, ':');
  for (const auto& part : parts) {
    if (part == "FILE" || part == "PATH") return report::ValueKind::kFile;
    if (part == "DIR") return report::ValueKind::kDirectory;
  }
  return parts.front() == "TEXT" ? report::ValueKind::kFile : report::ValueKind::kText;
}

void completion_values_of(const CLI::Option& opt, const Context& ctx, report::ValueKind* kind,
                          std::vector<std::string>* choices) {
  std::string type_name = opt.get_type_name();
  *choices = completion_member_choices(type_name);
  if (auto it = ctx.completion_values.find(&opt); it != ctx.completion_values.end())
    choices->insert(choices->end(), it->second.begin(), it->second.end());
  *kind = choices->empty() ? completion_kind(type_name) : report::ValueKind::kChoice;
}

report::CommandSpec completion_spec(CLI::App& app, const Context& ctx) {
  const bool is_root = app.get_parent() == nullptr;
  report::CommandSpec spec;
  spec.name = app.get_name();
  spec.description = app.get_description();
  for (CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // CLI11's way of hiding an option
    report::ValueKind kind;
    std::vector<std::string> choices;
    completion_values_of(*opt, ctx, &kind, &choices);
    if (opt->get_lnames().empty() && opt->get_snames().empty()) {
      report::PositionalSpec p;
      p.name = opt->get_name();
      p.description = opt->get_description();
      p.kind = kind;
      p.choices = choices;
      p.variadic = opt->get_items_expected_max() > 1;
      spec.positionals.push_back(std::move(p));
      continue;
    }
    report::OptionSpec o;
    o.long_names = opt->get_lnames();
    o.short_names = opt->get_snames();
    o.description = opt->get_description();
    if (opt->get_items_expected_max() > 0) {  // flags expect no items
      o.value = kind;
      o.choices = choices;
      o.repeatable = opt->get_expected_max() > 1;
    }
    // Root flags fall through to the subcommands (main.cc sets fallthrough); help and version do not
    // need to: every command has its own help, and --version only makes sense alone.
    o.global = is_root && app.get_fallthrough() && opt != app.get_help_ptr() && opt != app.get_version_ptr();
    spec.options.push_back(std::move(o));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App* a) { return !a->get_group().empty(); }))
    spec.subcommands.push_back(completion_spec(*sub, ctx));
  // `gomo help COMMAND...` shows a command's help, so the help topic completes command names as well.
  if (is_root)
    for (auto& sub : spec.subcommands)
      if (sub.name == "help" && !sub.positionals.empty() && sub.positionals[0].kind == report::ValueKind::kChoice)
        for (const auto& command : spec.subcommands) sub.positionals[0].choices.push_back(command.name);
  return spec;
}

}  // namespace

void add_completion_commands(CLI::App& app, Context& ctx, Action& action) {
  (void)ctx;
  auto shell = std::make_shared<std::string>();
  auto* completion = app.add_subcommand(
      "completion", "Print the shell completion script for bash, zsh or fish, e.g. source <(gomo completion bash)");
  completion->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->callback([&app, shell, &action] {
    action = [&app, shell](Context& c) {
      report::CommandSpec spec = completion_spec(app, c);
      if (*shell == "bash") c.out << report::bash_completion(spec);
      else if (*shell == "zsh") c.out << report::zsh_completion(spec);
      else c.out << report::fish_completion(spec);
      return kExitOk;
    };
  });
}

}  // namespace gomo::cli
