#pragma once
// Where PromptAudio finds the bytes of what a flow plays: folders (--audio-dir, --clips), and a chain
// of sources tried in order (folders first, then the account: cli/flow_call_flags.cc).
#include <string>

#include "audio/prompt_audio.h"

namespace gomo::audio {

// Sources from folders: audioFile items from `audio_dir`/<audioId>.wav, .mp3 or .ogg (the first that
// exists); recorded clips from `clips_dir`/<dictionaryId>/<key>.wav for an item naming a dictionary, then
// `clips_dir`/<language>/<key>.wav. An empty folder name leaves that source unset (audioFile items then
// fail, clips are spoken). A file that is not there is NotFound; one that cannot be read, an I/O error.
PromptAudioOptions files_from_dirs(const std::string& audio_dir, const std::string& clips_dir);

// Each source of `first`, and where it answers NotFound (or is unset), the same source of `then`.
// Another error of `first` is the answer: a file in the folder that cannot be read is not skipped.
// espeak_program is `first`'s.
PromptAudioOptions first_found(PromptAudioOptions first, PromptAudioOptions then);

}  // namespace gomo::audio
