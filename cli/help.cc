// gomo help [TOPIC]: the root help, and topics (exit codes, rules, config, formats).
#include <CLI/CLI.hpp>

#include "checks/registry.h"
#include "cli/commands.h"
#include "report/help_topics.h"

namespace gomo::cli {

void add_help_commands(CLI::App& app, Context& ctx, Action& action) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto* help = app.add_subcommand("help", "Show help: gomo help [exit-codes|rules|config|formats|profiles|COMMAND...]");
  auto* topic_option = help->add_option("topic", *words, "A topic, or a command path such as `flow validate`");
  // Topics for `gomo completion` (which adds the command names): "exit-codes, rules, ..." split at ", ".
  std::string topics = report::help_topic_names();
  for (size_t start = 0; start < topics.size();) {
    size_t comma = topics.find(", ", start);
    if (comma == std::string::npos) comma = topics.size();
    ctx.completion_values[topic_option].push_back(topics.substr(start, comma - start));
    start = comma + 2;
  }
  help->callback([&app, words, &action] {
    action = [&app, words](Context& c) {
      auto topic = std::make_shared<std::string>(words->empty() ? "" : words->front());
      if (topic->empty()) {
        c.out << app.help() << "\n" << report::help_topic("overview");
        return kExitOk;
      }
      std::string text = report::help_topic(*topic);
      if (!text.empty()) {
        c.out << text;
        return kExitOk;
      }
      // A command path: show that command's help.
      CLI::App* cmd = &app;
      for (const auto& w : *words) {
        CLI::App* next = nullptr;
        for (auto* sub : cmd->get_subcommands([](CLI::App*) { return true; }))
          if (sub->get_name() == w) next = sub;
        if (!next) {
          cmd = nullptr;
          break;
        }
        cmd = next;
      }
      if (cmd) {
        c.out << cmd->help();
        return kExitOk;
      }
      c.err << "gomo: no help topic `" << *topic << "`; topics: " << report::help_topic_names() << "\n";
      return kExitUsage;
    };
  });
}

}  // namespace gomo::cli
