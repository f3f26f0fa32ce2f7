#pragma once
// The callee side of a simulated call. The engine talks only to this interface, so a scripted
// callee, a person at the terminal and (later) a real SIP phone are interchangeable. Timing, media and
// DTMF are events at this interface: every reply says how long it took, which drives the engine's
// clock (virtual for scripts, real for people).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/say.h"

namespace gomo::engine {

using Millis = int64_t;

// Views into the engine's options and contact; valid during ring() only.
struct CallSetup {
  std::string_view call_id;
  std::string_view caller;  // the number shown to the callee
  std::string_view callee;  // the contact's phone
  std::string_view callee_name;
};

enum class Answer : uint8_t { kHuman, kMachine, kBusy, kRejected, kNoAnswer, kError };
const char* answer_name(Answer a);  // "human", "machine", "busy", "rejected", "no-answer", "error"

struct RingReply {
  Answer answer = Answer::kHuman;
  Millis after_ms = 0;  // ringing time before the answer (no-answer: the engine's ring timeout)
  std::string detail;   // kError: what failed, e.g. "SIP 503 Service Unavailable" ("" = not known)
};

// One piece of a prompt, as the platform would play it.
struct PromptPart {
  enum class Kind : uint8_t { kAudio, kClips, kText, kBeep } kind = Kind::kAudio;
  std::string_view audio_id;  // kAudio (a view into the flow)
  std::vector<Clip> clips;    // kClips: number/date/word items as dictionary clips
  std::string text;           // kText: resolved tts text; kClips: the words; kAudio: empty
  std::string language;
  Millis duration_ms = 0;  // known or estimated
  // kClips: the item's dictionaryId (a view into the flow); empty (null) = the system dictionary.
  std::string_view dictionary_id;
};

struct Prompt {
  std::string_view node_id;  // views into the flow, valid during the call
  std::vector<PromptPart> parts;
  Millis duration_ms() const;
};

struct PlayReply {
  bool hung_up = false;
  bool failed = false;    // a system error (media, network): the node takes onError
  Millis elapsed_ms = 0;  // how much was heard (the whole prompt unless the callee hung up)
};

struct DigitRequest {
  std::string_view node_id;
  bool single_digit = true;
  Millis timeout_ms = 5000;  // for the first key, and between keys in multi-digit mode
  int max_digits = 1;
  char terminator = '#';  // multi-digit only; '\0' = none
  // The keys the node offers: its allowedDigits (single-digit mode), then its branch keys not among
  // them. Empty when the node names none. A simulated person may keep to these (campaign::OutcomeMix).
  std::vector<std::string> offered;
};

struct DigitReply {
  std::string digits;  // without the terminator; empty = no input before the timeout
  bool hung_up = false;
  bool failed = false;  // a system error (media, network): the node takes onError
  Millis elapsed_ms = 0;
};

struct RecordRequest {
  std::string_view node_id;
  Millis max_duration_ms = 60000;
  Millis silence_timeout_ms = 5000;
  char finish_key = '#';
  bool beep = true;
};

struct RecordReply {
  Millis spoken_ms = 0;  // 0 = the callee said nothing
  bool finished_by_key = false;
  bool hung_up = false;
  bool failed = false;  // a system error (media, network): the node takes onError
  Millis elapsed_ms = 0;
};

class Softphone {
 public:
  virtual ~Softphone() = default;
  // The engine dials; the callee answers, or not. `amd`: the platform tells machines from humans.
  virtual RingReply ring(const CallSetup& call, Millis ring_timeout_ms, bool amd) = 0;
  virtual PlayReply play(const Prompt& prompt) = 0;
  virtual DigitReply collect_digits(const DigitRequest& request) = 0;
  virtual RecordReply record(const RecordRequest& request) = 0;
  // The platform hung up (a hangup node, or the end of the flow).
  virtual void hang_up(const std::string& reason) = 0;
  // True once the caller's side ended the call by itself (gomo was interrupted: Ctrl-C during a real
  // call) and hung up: the reply that says hung_up, and every later one, mean the caller hung up, not
  // the callee; after ring() it means the call was cancelled while ringing. Default: never.
  virtual bool caller_hung_up() const { return false; }
};

}  // namespace gomo::engine
