#pragma once
// The flags and inputs of one simulated call, shared by `gomo flow run` and `gomo flow render`: the
// flow, the callee (--script, --answer/--busy/..., --press) and the contact (--contact, --contact-csv,
// --phone, --attr, --var). One definition, so the two commands accept the same calls.
#include <memory>
#include <string>
#include <vector>

#include "audio/prompt_audio.h"
#include "cli/context.h"
#include "cli/target.h"
#include "engine/call_inputs.h"
#include "model/flow.h"

namespace gomo::document {
struct Document;
}

namespace gomo::cli {

struct CallFlags {
  std::string flow;
  engine::CallInputs call;                // --script, --answer/--busy/..., --press, --contact, --attr, ...
  std::vector<std::string> answer_flags;  // which of --answer/--busy/... were given, to refuse contradictions
  std::string contact_csv;                // --contact-csv
  size_t contact_csv_row = 1;             // --row
  std::vector<std::string> maps;          // --map FIELD=COLUMN for --contact-csv
  std::string phone;
  std::string region = "MA";
  bool no_validate = false;
  std::string audio_dir;  // --audio-dir: audioFile items from DIR/<audioId>.wav|.mp3|.ogg
  std::string clips_dir;  // --clips: recorded clips from DIR/<language>/<key>.wav
  TargetOptions target;   // where audioFile items not in --audio-dir come from (gomo audio upload)
};

// Adds the flow positional, the callee and contact flags and where the audio is, bound to `f`.
void add_call_flags(CLI::App* cmd, const std::shared_ptr<CallFlags>& f);

// Where the call's sound comes from: audioFile items from --audio-dir first, then the target's audio
// files (gomo audio upload); recorded clips from --clips, then the target's dictionaries as the platform
// plays them (api::AccountAudio). The target is opened on the first item that needs it, so a flow without
// audio files or clips opens nothing. The functions refer to `ctx`, which must outlive them.
audio::PromptAudioOptions call_audio_sources(Context& ctx, const CallFlags& f);

// A call ready to run: the flow (validated unless --no-validate) and the engine's inputs.
struct LoadedCall {
  std::shared_ptr<const document::Document> doc;  // the flow's views point into it
  model::Flow flow;
  engine::PreparedCall prepared;
};

// Checks the flags, reads the flow and the contact. On a problem prints why (the flow's diagnostics,
// a bad phone, ...) and returns null with `exit_code` set (2 usage, 1 a flow with errors).
std::unique_ptr<LoadedCall> load_call(Context& ctx, const CallFlags& f, int& exit_code);

}  // namespace gomo::cli
