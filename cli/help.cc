// gomo help [TOPIC]: the root help, and topics (exit codes, rules, config, formats).
#include <CLI/CLI.hpp>

#include "base/strings.h"
#include "checks/registry.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "report/help_topics.h"

namespace gomo::cli {
namespace {

// The topics of `gomo help`: "exit-codes, rules, ..." split at ", ".
std::vector<std::string> help_topic_list() {
  std::vector<std::string> list;
  std::string topics = report::help_topic_names();
  for (size_t start = 0; start < topics.size();) {
    size_t comma = topics.find(", ", start);
    if (comma == std::string::npos) comma = topics.size();
    list.push_back(topics.substr(start, comma - start));
    start = comma + 2;
  }
  return list;
}

}  // namespace

void add_help_commands(CLI::App& app, Context& ctx, Action& action) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto* help = app.add_subcommand("help", "Show help: gomo help [exit-codes|rules|config|formats|profiles|COMMAND...]");
  auto* topic_option = help->add_option("topic", *words, "A topic, or a command path such as `flow validate`");
  // Topics for `gomo completion` (which adds the command names).
  for (const auto& t : help_topic_list()) ctx.completion_values[topic_option].push_back(t);
  help->callback([&app, words, &action] {
    action = [&app, words](Context& c) {
      const std::string topic = words->empty() ? "" : words->front();
      if (topic.empty()) {
        c.out << root_help(app);
        return kExitOk;
      }
      std::string text = report::help_topic(topic);
      if (!text.empty()) {
        c.out << text;
        return kExitOk;
      }
      // A command path: show that command's help, its usage line naming the whole path.
      const CLI::App* cmd = &app;
      std::string path = "gomo";
      for (const auto& w : *words) {
        const CLI::App* next = nullptr;
        for (const auto* sub : cmd->get_subcommands([](const CLI::App*) { return true; }))
          if (sub->check_name(w)) next = sub;
        if (!next) {
          if (cmd == &app) {
            // The first word may be a topic or a command: suggest the nearest of either.
            std::vector<std::string> names = help_topic_list();
            for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
              names.push_back(sub->get_name());
            std::string guess = closest_match(w, names);
            std::string message = "no help topic or command `" + w + "`";
            if (!guess.empty()) {
              for (size_t i = 1; i < words->size(); ++i) guess += " " + (*words)[i];
              message += "; did you mean `gomo help " + guess + "`?";
            }
            return report_error(
                c, message + "\ntopics: " + report::help_topic_names() + "\ncommands: " + command_list(app));
          }
          return report_error(c, unknown_command_message(*cmd, path, w));
        }
        cmd = next;
        path += " " + next->get_name();
      }
      c.out << cmd->help(path.substr(0, path.rfind(' ')));
      return kExitOk;
    };
  });
}

std::string root_help(const CLI::App& root) {
  // Not root.help(): once `help` is parsed, that would describe the selected subcommand (`help` itself).
  return root.get_formatter()->make_help(&root, "gomo", CLI::AppFormatMode::Normal) + "\n" +
         report::help_topic("overview");
}

}  // namespace gomo::cli
