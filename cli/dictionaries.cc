// `gomo dictionaries list|create|entries|add-clip`: the account's dictionaries of recorded clips (Gomobile
// docs: Dictionaries). A recorded clip is heard for its key when flows are rendered (flow render, run).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/audio_file.h"
#include "api/list_all.h"
#include "api/platform.h"
#include "api/wire_programs.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "cli/resources.h"
#include "cli/target.h"
#include "contacts/resolve.h"
#include "engine/say.h"

namespace gomo::cli {
namespace {

struct DictionariesListOptions {
  ListOptions list;
  bool system = false;
};

struct DictionariesCreateOptions {
  TargetOptions target;
  std::string name, language, description;
};

struct DictionariesEntriesOptions {
  ListOptions list;
  std::string dictionary;
};

struct DictionariesAddClipOptions {
  TargetOptions target;
  std::string dictionary, key, file;
};

std::vector<report::ResourceColumn> dictionaries_columns() {
  return {{"ID", "id"},           {"NAME", "name"},          {"LANGUAGE", "language"},
          {"SYSTEM", "isSystem"}, {"ENTRIES", "entryCount"}, {"DESCRIPTION", "description"}};
}

std::vector<report::ResourceColumn> dictionaries_entry_columns() {
  return {{"ID", "id"}, {"KEY", "key"}, {"AUDIO", "audioId"}};
}

int dictionaries_list(Context& ctx, const DictionariesListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.list.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  api::DictionaryQuery query{o.list.query, o.system};
  auto list = [&](const api::PageQuery& q) { return opened->platform->list_dictionaries({q, o.system}); };
  auto listed = api::page_or_all<api::Dictionary>(list, query.page, o.list.all);
  if (!listed) return report_api_error(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& d : listed->items) records.push_back(api::wire::encode(d));
  print_list(ctx, records, dictionaries_columns(), listed->meta ? &*listed->meta : nullptr, "dictionaries");
  return kExitOk;
}

int dictionaries_create(Context& ctx, const DictionariesCreateOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kWrite);
  if (!opened) return exit_code;
  api::DictionaryFields fields{o.name, std::nullopt, o.language};
  if (!o.description.empty()) fields.description = o.description;
  auto created = opened->platform->create_dictionary(fields);
  if (!created) return report_api_error(ctx, created.error());
  print_target_summary(ctx, *opened, "created dictionary " + created->id + " \"" + created->name + "\"");
  print_records(ctx, nlohmann::json::array({api::wire::encode(*created)}), dictionaries_columns());
  return kExitOk;
}

int dictionaries_entries(Context& ctx, const DictionariesEntriesOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.list.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto dictionary = contacts::find_dictionary(*opened->platform, o.dictionary);
  if (!dictionary) return report_failure(ctx, dictionary.error());
  auto list = [&](const api::PageQuery& q) { return opened->platform->list_dictionary_entries(dictionary->id, q); };
  auto listed = api::page_or_all<api::DictionaryEntry>(list, o.list.query, o.list.all);
  if (!listed) return report_api_error(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& e : listed->items) records.push_back(api::wire::encode(e));
  print_list(ctx, records, dictionaries_entry_columns(), listed->meta ? &*listed->meta : nullptr, "entries");
  return kExitOk;
}

int dictionaries_add_clip(Context& ctx, const DictionariesAddClipOptions& o) {
  // The file is checked as `audio upload` checks it, before anything is sent.
  auto file = api::read_audio_file(o.file);
  if (!file) return report_error(ctx, file.error().message() + "; nothing added");
  const api::AudioUpload& u = file->upload;
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kWrite);
  if (!opened) return exit_code;
  auto dictionary = contacts::find_dictionary(*opened->platform, o.dictionary);
  if (!dictionary) return report_failure(ctx, dictionary.error());
  auto entry = opened->platform->add_dictionary_entry(dictionary->id, o.key, u);
  if (!entry) return report_api_error(ctx, entry.error());
  // Stored either way (word items may say any key); a key no number or date uses is most often a slip.
  if (std::string note = engine::unspoken_key_note(dictionary->language, o.key); !note.empty() && !ctx.quiet)
    report_note(ctx, "note: " + note);
  print_target_summary(ctx, *opened,
                       "recorded clip \"" + entry->key + "\" in dictionary \"" + dictionary->name + "\" (audio " +
                           entry->audio_id.value_or("") + ")");
  print_records(ctx, nlohmann::json::array({api::wire::encode(*entry)}), dictionaries_entry_columns());
  return kExitOk;
}

}  // namespace

void add_dictionaries_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("dictionaries", "Dictionaries of recorded clips (numbers, dates, words)");
  group->require_subcommand(1);
  const std::string exits =
      "Exit codes: 0 ok, 2 usage (a file that is not audio, a name several dictionaries have),\n"
      "3 API error (an unknown dictionary), 4 authentication, 5 network or server unavailable.";

  auto list = std::make_shared<DictionariesListOptions>();
  auto* cmd = group->add_subcommand("list", "List the account's dictionaries (one page, or --all)");
  cmd->footer(exits);
  add_list_flags(cmd, list->list, "Search names and descriptions", {"name", "createdAt", "updatedAt"});
  cmd->add_flag("--system", list->system, "The shared read-only system dictionaries too");
  cmd->callback([list, &action] { action = [list](Context& c) { return dictionaries_list(c, *list); }; });

  auto create = std::make_shared<DictionariesCreateOptions>();
  cmd = group->add_subcommand("create", "Create a dictionary for the account's recorded clips");
  cmd->footer(exits);
  cmd->add_option("NAME", create->name, "Its name (up to 256 characters)")->required();
  cmd->add_option("--language", create->language, "ar or fr")->required()->check(CLI::IsMember({"ar", "fr"}));
  cmd->add_option("--description", create->description, "Description (up to 256 characters)");
  add_target_flags(cmd, create->target);
  cmd->callback([create, &action] { action = [create](Context& c) { return dictionaries_create(c, *create); }; });

  auto entries = std::make_shared<DictionariesEntriesOptions>();
  cmd = group->add_subcommand("entries", "List a dictionary's clips by key");
  cmd->footer(exits);
  cmd->add_option("DICT", entries->dictionary, "The dictionary's id or name")->required();
  add_list_flags(cmd, entries->list, "Not used: entries are listed by key", {"key"});
  cmd->callback([entries, &action] { action = [entries](Context& c) { return dictionaries_entries(c, *entries); }; });

  auto add_clip = std::make_shared<DictionariesAddClipOptions>();
  cmd = group->add_subcommand("add-clip", "Record the clip of a key (uploads FILE; a key already there is replaced)");
  cmd->footer(
      "KEY is a clip key as `gomo flow run --keys` shows them (\"1\", \"and\", \"mon-2\"). FILE is checked first\n"
      "(readable, WAV/MP3/OGG by content, at most 10 MB). System dictionaries are read-only.\n" +
      exits);
  cmd->add_option("DICT", add_clip->dictionary, "The dictionary's id or name")->required();
  cmd->add_option("KEY", add_clip->key, "The clip key")->required();
  cmd->add_option("FILE", add_clip->file, "The recording")->required()->check(CLI::ExistingFile);
  add_target_flags(cmd, add_clip->target);
  cmd->callback(
      [add_clip, &action] { action = [add_clip](Context& c) { return dictionaries_add_clip(c, *add_clip); }; });
  (void)ctx;
}

}  // namespace gomo::cli
