#pragma once
// You are the callee, at the terminal: the terminal rings (caller and number shown), you answer or
// reject with a key, see each prompt as it plays (in real time), press digits on the keyboard with
// the platform's real timeouts, and hang up with a key.
#include <chrono>
#include <ostream>
#include <string>

#include "engine/softphone.h"

namespace gomo::audio {
class PromptAudio;
}

namespace gomo::softphone {

struct TerminalOptions {
  int input_fd = 0;    // a terminal; keys are read unbuffered
  double speed = 1.0;  // > 1 plays prompts and runs timeouts faster (tests, impatient people)
  bool color = false;
  // Audio: `audio_dir/<audioId>.wav` (or .mp3/.ogg) is played with `player` ("" = none found) when it
  // exists; prompts without a file are shown as text and timed by their estimated length.
  std::string audio_dir;
  std::string player;
  // Sound: with a player, each prompt is rendered (audio files, espeak-ng, clips) to a temporary WAV and
  // played whole, timed by its length; a prompt that cannot be rendered falls back to the above and says
  // why once. Null: no rendering. Not owned; must outlive the softphone.
  audio::PromptAudio* audio = nullptr;
};

// The audio player to use: `requested` if given, else $GOMO_AUDIO_PLAYER, else the first of paplay,
// aplay, play (sox) and ffplay on PATH; "" when there is none.
std::string find_audio_player(const std::string& requested);

class TerminalSoftphone : public engine::Softphone {
 public:
  // REQUIRES: `out` outlives this object. Puts the terminal in raw mode until destroyed.
  TerminalSoftphone(std::ostream& out, TerminalOptions options);
  ~TerminalSoftphone() override;
  TerminalSoftphone(const TerminalSoftphone&) = delete;
  TerminalSoftphone& operator=(const TerminalSoftphone&) = delete;

  engine::RingReply ring(const engine::CallSetup& call, engine::Millis ring_timeout_ms, bool amd) override;
  engine::PlayReply play(const engine::Prompt& prompt) override;
  engine::DigitReply collect_digits(const engine::DigitRequest& request) override;
  engine::RecordReply record(const engine::RecordRequest& request) override;
  void hang_up(const std::string& reason) override;

 private:
  // The next key within `timeout_ms` (scaled by speed), or 0 on timeout.
  char read_key(engine::Millis timeout_ms);
  // The audio file of an audioFile item, or "" when there is none to play.
  std::string audio_file(std::string_view audio_id) const;
  // The prompt rendered to the temporary WAV (its path, and its length in `length_ms`), or "" when
  // there is no sound to play.
  std::string rendered_sound(const engine::Prompt& prompt, engine::Millis& length_ms);
  // Plays `file` with the player until it ends or [h] is pressed; true when the callee hung up.
  bool play_file(const std::string& file);
  engine::Millis scaled(engine::Millis ms) const;
  // A wait in call time as the callee should read it: "30 s", or at another --speed "30 s [6 s real
  // at --speed 5]".
  std::string seconds(engine::Millis call_ms) const;
  engine::Millis elapsed_since(std::chrono::steady_clock::time_point start) const;  // in call time

  std::ostream& out_;
  TerminalOptions options_;
  bool raw_ = false;
  struct Saved;
  Saved* saved_ = nullptr;   // the terminal settings to restore
  std::string sound_file_;   // the temporary WAV of the prompt playing (removed when destroyed)
  bool sound_note_ = false;  // said once why a prompt had no sound
};

}  // namespace gomo::softphone
