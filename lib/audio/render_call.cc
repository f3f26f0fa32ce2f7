#include "audio/render_call.h"

#include <cctype>
#include <filesystem>

#include "base/files.h"

namespace gomo::audio {

std::map<std::string, engine::Millis> audio_file_lengths(const model::Flow& flow, PromptAudio& audio) {
  std::map<std::string, engine::Millis> lengths;
  auto add = [&](std::string_view id) {
    if (id.empty() || lengths.count(std::string(id))) return;
    engine::PromptPart part;
    part.kind = engine::PromptPart::Kind::kAudio;
    part.audio_id = id;
    if (auto samples = audio.render_part(part)) lengths[std::string(id)] = millis_of(samples->size());
  };
  for (const auto& node : flow.nodes) {
    // Where the engine finds prompts: audioItems (play), promptAudioItems (dtmf), the legacy audioId.
    for (const char* key : {"audioItems", "promptAudioItems"})
      if (const document::Value* items = node.config_at(key); items && items->is_sequence())
        for (const auto& item : items->items)
          if (item.string_at("type") == "audioFile") add(item.string_at("audioId"));
    if (const document::Value* id = node.config_at("audioId"); id && id->kind == document::Kind::kString) add(id->text);
  }
  return lengths;
}

Result<RenderedCall> render_call(const model::Flow& flow, const engine::Contact& contact,
                                 const engine::SoftphoneScript& script, const engine::EngineOptions& options,
                                 PromptAudio& audio) {
  engine::ScriptedSoftphone callee(script);
  CallAudio phone(callee, audio);
  RenderedCall out;
  out.report = engine::run_call(flow, contact, phone, options);
  if (!phone.error()) return phone.error();
  out.answered = phone.answered();
  out.answered_at_ms = phone.answered_at_ms();
  out.visits = split_by_visit(phone, out.report);
  out.timeline = phone.timeline();
  out.prompts = phone.prompts();
  out.espeak_runs = audio.espeak_runs();
  return out;
}

Result<std::vector<std::string>> write_rendered(const RenderedCall& call, const std::string& wav,
                                                const std::string& split_dir) {
  if (Status s = write_wav(wav, call.timeline); !s) return s;
  std::vector<std::string> files;
  if (split_dir.empty()) return files;
  std::error_code ec;
  std::filesystem::create_directories(split_dir, ec);
  if (ec) return Status::io_error(split_dir + ": cannot create the folder for --split (" + ec.message() + ")");
  for (size_t i = 0; i < call.visits.size(); ++i) {
    std::string number = (i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
    std::string name = call.visits[i].node_id;  // a node id is any string: keep it a file name
    for (char& c : name)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) c = '_';
    std::string path = (std::filesystem::path(split_dir) / (number + "-" + name + ".wav")).string();
    if (Status s = write_wav(path, call.visits[i].samples); !s) return s;
    files.push_back(std::move(path));
  }
  return files;
}

}  // namespace gomo::audio
