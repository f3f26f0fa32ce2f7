// `gomo audio list|upload|download`: the account's audio files (Gomobile docs: Audio management). Uploads are checked
// locally first (readable, WAV/MP3/OGG by content, size), all of them before the first is sent.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "api/audio_file.h"
#include "api/list_all.h"
#include "api/platform.h"
#include "api/wire_programs.h"
#include "base/files.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "cli/resources.h"
#include "cli/target.h"

namespace gomo::cli {
namespace {

struct AudioListOptions {
  ListOptions list;
  std::string usage_type;
  std::vector<std::string> tags;
};

struct AudioUploadOptions {
  TargetOptions target;
  std::vector<std::string> files;
  std::string name, description, usage_type;
  std::vector<std::string> tags;
};

std::vector<report::ResourceColumn> audio_columns() {
  return {{"ID", "id"},
          {"TITLE", "title"},
          {"USAGE", "usageType"},
          {"SECONDS", "durationSeconds"},
          {"BYTES", "file.sizeBytes"},
          {"TAGS", "tags"}};
}

int audio_list(Context& ctx, const AudioListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.list.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  api::AudioQuery query{o.list.query, o.usage_type, o.tags};
  auto listed = api::page_or_all<api::Audio>(
      [&](const api::PageQuery& q) {
        api::AudioQuery page_query = query;
        page_query.page = q;
        return opened->platform->list_audio(page_query);
      },
      query.page, o.list.all);
  if (!listed) return report_api_error(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& a : listed->items) records.push_back(api::wire::encode(a));
  print_list(ctx, records, audio_columns(), listed->meta ? &*listed->meta : nullptr, "audio files");
  return kExitOk;
}

int audio_upload(Context& ctx, const AudioUploadOptions& o) {
  if (!o.name.empty() && o.files.size() > 1)
    return report_error(ctx,
                        "--name names one file; upload the files one by one, or leave --name out (titles default "
                        "to the file names)");
  // Every file is read and checked before anything is sent.
  std::vector<api::AudioUpload> uploads;
  for (const auto& path : o.files) {
    auto file = api::read_audio_file(path);
    if (!file) return report_error(ctx, file.error().message() + "; nothing uploaded");
    const auto& p = file->probe;
    if (p.format == "wav" && !ctx.quiet &&
        (p.sample_rate != 8000 || p.channels != 1 || p.bits_per_sample != 16 || !p.pcm)) {
      ctx.err << "note: " << path << " is " << p.sample_rate << " Hz, " << p.channels << " channel(s), "
              << p.bits_per_sample << "-bit" << (p.pcm ? "" : " non-PCM")
              << "; telephony plays 8 kHz 16-bit mono PCM (the platform converts the rest)\n";
    }
    api::AudioUpload u = std::move(file->upload);
    if (!o.name.empty()) u.title = o.name;
    if (!o.description.empty()) u.description = o.description;
    if (!o.usage_type.empty()) u.usage_type = o.usage_type;
    u.tags = o.tags;
    uploads.push_back(std::move(u));
  }
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kWrite);
  if (!opened) return exit_code;
  nlohmann::json records = nlohmann::json::array();
  int failed_code = kExitOk;
  for (const auto& u : uploads) {
    auto uploaded = opened->platform->upload_audio(u);
    if (!uploaded) {
      report_error(ctx, u.file_name + ": upload failed");
      failed_code = report_api_error(ctx, uploaded.error());
      break;  // the platform refused or went away: the rest would fare no better
    }
    records.push_back(api::wire::encode(*uploaded));
    print_target_summary(ctx, *opened, "uploaded audio " + uploaded->id + " \"" + uploaded->title + "\"");
  }
  if (!records.empty()) print_records(ctx, records, audio_columns());
  return failed_code;
}

struct AudioDownloadOptions {
  TargetOptions target;
  std::string id;
  std::string output;  // "" = the file's own name in the current folder; "-" = stdout
  bool clobber = false;
};

int audio_download(Context& ctx, const AudioDownloadOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto audio = opened->platform->get_audio(o.id);
  if (!audio) return report_api_error(ctx, audio.error());
  // Only the name's last component: a stored name never picks a folder.
  std::string path = o.output.empty() ? std::filesystem::path(audio->file.name).filename().string() : o.output;
  if (path.empty() || path == "." || path == "..") path = "audio-" + audio->id;
  if (path != "-" && !o.clobber && std::filesystem::exists(path))
    return report_error(ctx, path + " exists; pass --clobber to overwrite it, or -O to name another file");
  auto bytes = opened->platform->download_audio(o.id);
  if (!bytes) return report_api_error(ctx, bytes.error());
  if (path == "-") {
    ctx.out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    return kExitOk;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out.write(bytes->data(), static_cast<std::streamsize>(bytes->size())) || !out.flush())
    return report_error(ctx, path + ": cannot write the file");
  print_target_summary(ctx, *opened,
                       "downloaded audio " + audio->id + " \"" + audio->title + "\" to " + path + " (" +
                           std::to_string(bytes->size()) + " bytes)");
  return kExitOk;
}

}  // namespace

void add_audio_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* group = app.add_subcommand("audio", "Audio files of the account (prompts, greetings, music)");
  group->require_subcommand(1);
  const std::string exits =
      "Exit codes: 0 ok, 2 usage or a file that is not audio, 3 API error, 4 authentication,\n"
      "5 network or server unavailable.";
  std::vector<std::string> usage_types(std::begin(api::kAudioUsageTypes), std::end(api::kAudioUsageTypes));

  auto list = std::make_shared<AudioListOptions>();
  auto* cmd = group->add_subcommand("list", "List audio files (one page, or --all)");
  cmd->footer(exits);
  add_list_flags(cmd, list->list, "Search titles, descriptions and tags", {"createdAt", "title", "durationSeconds"});
  cmd->add_option("--usage-type", list->usage_type,
                  "Only this usage: " + std::string("welcome, goodbye, question, "
                                                    "prompt, hold_music, notification or other"))
      ->check(CLI::IsMember(usage_types));
  cmd->add_option("--tag", list->tags, "Only files with this tag (repeatable: any of them)");
  cmd->callback([list, &action] { action = [list](Context& c) { return audio_list(c, *list); }; });

  auto upload = std::make_shared<AudioUploadOptions>();
  cmd = group->add_subcommand("upload", "Upload audio files (WAV recommended; MP3 and OGG accepted)");
  cmd->footer(
      "Each file is checked first (readable, WAV/MP3/OGG by content, at most 10 MB); WAV files that are\n"
      "not 8 kHz 16-bit mono get a note. The ids printed go in flows' audioFile items.\n" +
      exits);
  cmd->add_option("FILE", upload->files, "Audio files")->required()->check(CLI::ExistingFile);
  cmd->add_option("--name", upload->name, "Title (one file only; default: the file name without extension)");
  cmd->add_option("--description", upload->description, "Description (up to 500 characters)");
  cmd->add_option("--usage-type", upload->usage_type,
                  "welcome, goodbye, question, prompt, hold_music, notification or other")
      ->check(CLI::IsMember(usage_types));
  cmd->add_option("--tag", upload->tags, "A tag (repeatable)");
  add_target_flags(cmd, upload->target);
  cmd->callback([upload, &action] { action = [upload](Context& c) { return audio_upload(c, *upload); }; });

  auto download = std::make_shared<AudioDownloadOptions>();
  cmd = group->add_subcommand("download", "Download an audio file's bytes, as uploaded");
  cmd->footer("Writes the file under its own name in the current folder, or -O FILE (- for standard output).\n" +
              exits);
  cmd->add_option("ID", download->id, "The audio file's id (gomo audio list)")->required();
  cmd->add_option("-O,--output", download->output, "Write to FILE (- = standard output)")->type_name("FILE");
  cmd->add_flag("--clobber", download->clobber, "Overwrite FILE if it exists");
  add_target_flags(cmd, download->target);
  cmd->callback([download, &action] { action = [download](Context& c) { return audio_download(c, *download); }; });
  (void)ctx;
}

}  // namespace gomo::cli
