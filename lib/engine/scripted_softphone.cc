#include "engine/scripted_softphone.h"

#include <algorithm>
#include <fstream>

#include "base/strings.h"
#include "document/document.h"
#include "document/limits.h"

namespace gomo::engine {

using document::Kind;

const char* answer_name(Answer a) {
  switch (a) {
    case Answer::kHuman: return "human";
    case Answer::kMachine: return "machine";
    case Answer::kBusy: return "busy";
    case Answer::kRejected: return "rejected";
    case Answer::kNoAnswer: return "no-answer";
    case Answer::kError: return "error";
  }
  return "?";
}

Millis Prompt::duration_ms() const {
  Millis total = 0;
  for (const auto& p : parts) total += p.duration_ms;
  return total;
}

namespace {

Status error_at(const std::string& path, const document::Value& v, const std::string& msg) {
  return Status::invalid_argument(path + ":" + std::to_string(v.begin.line) + ":" + std::to_string(v.begin.col) + ": " +
                                  msg);
}

bool valid_keys(const std::string& keys) {
  return !keys.empty() &&
         std::all_of(keys.begin(), keys.end(), [](char c) { return (c >= '0' && c <= '9') || c == '*' || c == '#'; });
}

Result<Millis> read_ms(const std::string& path, const document::Value& v, const char* what) {
  if (v.kind != Kind::kInt || v.integer < 0)
    return error_at(path, v, std::string("`") + what + "` must be a whole number of milliseconds (>= 0)");
  return static_cast<Millis>(v.integer);
}

}  // namespace

Result<SoftphoneScript> parse_softphone_script(const document::Value& root, const std::string& path) {
  SoftphoneScript s;
  if (!root.is_mapping())
    return error_at(path, root, "a softphone script is a mapping (answer, answerAfter, hangUpAfter, steps)");
  static const std::vector<std::string> kAnswers = {"human", "machine", "busy", "rejected", "no-answer", "error"};
  static const std::vector<std::string> kKeys = {"answer", "answerAfter", "hangUpAfter", "steps", "$schema"};
  for (const auto& m : root.members) {
    const std::string& k = m.key.text;
    const document::Value& v = m.value;
    if (k == "answer") {
      auto it = std::find(kAnswers.begin(), kAnswers.end(), v.is_string() ? v.text : "");
      if (it == kAnswers.end()) {
        std::string msg = "`answer` must be one of " + join(kAnswers, ", ");
        if (v.is_string()) {
          std::string guess = closest_match(v.text, kAnswers);
          if (!guess.empty()) msg += "; did you mean " + guess + "?";
        }
        return error_at(path, v, msg);
      }
      s.answer = static_cast<Answer>(it - kAnswers.begin());
    } else if (k == "answerAfter" || k == "hangUpAfter") {
      auto ms = read_ms(path, v, k.c_str());
      if (!ms) return ms.error();
      (k == "answerAfter" ? s.answer_after_ms : s.hang_up_after_ms) = ms.value();
    } else if (k == "steps") {
      if (!v.is_sequence()) return error_at(path, v, "`steps` must be a list");
      for (const auto& item : v.items) {
        if (!item.is_mapping() || item.members.empty())
          return error_at(path, item,
                          "a step is one of {press: KEYS}, {silence: true}, {speak: MS}, {hangUp: true}, {fail: true}");
        ScriptStep step;
        const std::string& kind = item.members.front().key.text;
        const document::Value& arg = item.members.front().value;
        if (kind == "press") {
          step.kind = ScriptStep::Kind::kPress;
          step.keys = arg.scalar_text();
          if (arg.is_null() || !valid_keys(step.keys))
            return error_at(path, arg, "`press` takes keys 0-9, * and #, e.g. \"1\" or \"12#\"");
        } else if (kind == "silence") {
          step.kind = ScriptStep::Kind::kSilence;
        } else if (kind == "speak") {
          step.kind = ScriptStep::Kind::kSpeak;
          auto ms = read_ms(path, arg, "speak");
          if (!ms) return ms.error();
          step.speak_ms = ms.value();
        } else if (kind == "hangUp") {
          step.kind = ScriptStep::Kind::kHangUp;
        } else if (kind == "fail") {
          step.kind = ScriptStep::Kind::kFail;
        } else {
          std::string msg = "unknown step `" + kind + "`: expected press, silence, speak, hangUp or fail";
          std::string guess = closest_match(kind, {"press", "silence", "speak", "hangUp", "fail"});
          if (!guess.empty()) msg += "; did you mean " + guess + "?";
          return error_at(path, item.members.front().key, msg);
        }
        for (size_t i = 1; i < item.members.size(); ++i) {
          const auto& extra = item.members[i];
          const bool aimed = step.kind == ScriptStep::Kind::kHangUp || step.kind == ScriptStep::Kind::kFail;
          if (extra.key.text == "at" && aimed) {
            const std::string where = extra.value.scalar_text();
            if (where == "prompt") step.at = ScriptStep::At::kPrompt;
            else if (where == "keypad") step.at = ScriptStep::At::kKeypad;
            else if (where == "record") step.at = ScriptStep::At::kRecord;
            else return error_at(path, extra.value, "`at` must be prompt, keypad or record");
          } else if (extra.key.text == "delay" && step.kind == ScriptStep::Kind::kPress) {
            auto ms = read_ms(path, extra.value, "delay");
            if (!ms) return ms.error();
            step.delay_ms = ms.value();
          } else {
            return error_at(path, extra.key,
                            "unexpected `" + extra.key.text + "` in a " + kind + " step" +
                                (step.kind == ScriptStep::Kind::kPress ? " (only `delay` may follow `press`)"
                                 : aimed                               ? " (only `at` may follow it)"
                                                                       : ""));
          }
        }
        s.steps.push_back(step);
      }
    } else if (k != "$schema") {
      std::string msg = "unknown field `" + k + "`: expected one of " + join(kKeys, ", ");
      std::string guess = closest_match(k, kKeys);
      if (!guess.empty()) msg += "; did you mean " + guess + "?";
      return error_at(path, m.key, msg);
    }
  }
  return s;
}

Result<SoftphoneScript> load_softphone_script(const std::string& path) {
  auto read = document::read_document_file(path);
  if (!read) return Status::not_found(path + ": cannot read the softphone script");
  auto doc = std::move(read.value());
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) +
                                    ": " + p.message);
  }
  return parse_softphone_script(doc->root, path);
}

std::vector<ScriptStep> steps_from_presses(const std::string& list) {
  std::vector<ScriptStep> steps;
  std::string item;
  auto flush = [&] {
    ScriptStep s;
    if (item.empty() || item == "-") s.kind = ScriptStep::Kind::kSilence;
    else s.keys = item;
    steps.push_back(s);
    item.clear();
  };
  for (char c : list) {
    if (c == ',' || c == ' ') flush();
    else item += c;
  }
  if (!item.empty() || (!list.empty() && (list.back() == ',' || list.back() == ' '))) flush();
  return steps;
}

const ScriptStep* ScriptedSoftphone::next_step(ScriptStep::At at) {
  if (next_ >= script_.steps.size()) return nullptr;
  const ScriptStep& step = script_.steps[next_];
  bool aimed = step.kind == ScriptStep::Kind::kHangUp || step.kind == ScriptStep::Kind::kFail;
  if (aimed && step.at != ScriptStep::At::kAny && step.at != at) return nullptr;
  return &script_.steps[next_++];
}

bool ScriptedSoftphone::time_to_hang_up(Millis more) {
  talk_ms_ += more;
  return script_.hang_up_after_ms >= 0 && talk_ms_ >= script_.hang_up_after_ms;
}

RingReply ScriptedSoftphone::ring(const CallSetup&, Millis ring_timeout_ms, bool) {
  RingReply r;
  r.answer = script_.answer;
  r.after_ms = script_.answer_after_ms;
  bool answering = r.answer == Answer::kHuman || r.answer == Answer::kMachine;
  if (r.answer == Answer::kNoAnswer || (answering && r.after_ms >= ring_timeout_ms)) {
    r.answer = Answer::kNoAnswer;
    r.after_ms = ring_timeout_ms;
  }
  return r;
}

PlayReply ScriptedSoftphone::play(const Prompt& prompt) {
  PlayReply r;
  Millis d = prompt.duration_ms();
  const ScriptStep* pending = next_ < script_.steps.size() ? &script_.steps[next_] : nullptr;
  // Only hangUp and fail steps act during a plain prompt; press/silence/speak wait for input.
  if (pending && (pending->kind == ScriptStep::Kind::kHangUp || pending->kind == ScriptStep::Kind::kFail))
    pending = next_step(ScriptStep::At::kPrompt);
  else pending = nullptr;
  if (pending && pending->kind == ScriptStep::Kind::kHangUp) {
    r.hung_up = true;
    r.elapsed_ms = std::min<Millis>(d, 1000);
  } else if (pending && pending->kind == ScriptStep::Kind::kFail) {
    r.failed = true;  // the platform could not play it
  } else if (script_.hang_up_after_ms >= 0 && talk_ms_ + d >= script_.hang_up_after_ms) {
    r.hung_up = true;
    r.elapsed_ms = std::max<Millis>(0, script_.hang_up_after_ms - talk_ms_);
  } else {
    r.elapsed_ms = d;
  }
  talk_ms_ += r.elapsed_ms;
  hung_up_ = r.hung_up;
  return r;
}

DigitReply ScriptedSoftphone::collect_digits(const DigitRequest& req) {
  DigitReply r;
  const ScriptStep* step = next_step(ScriptStep::At::kKeypad);
  if (step && step->kind == ScriptStep::Kind::kHangUp) {
    r.hung_up = true;
    r.elapsed_ms = 500;
  } else if (step && step->kind == ScriptStep::Kind::kFail) {
    r.failed = true;
  } else if (!step || step->kind != ScriptStep::Kind::kPress) {
    r.elapsed_ms = req.timeout_ms;  // silence (a speak step at a keypad prompt is silence too)
  } else if (req.single_digit) {
    r.digits = step->keys.substr(0, 1);
    r.elapsed_ms = std::min(step->delay_ms, req.timeout_ms);
    if (step->delay_ms >= req.timeout_ms) r.digits.clear();  // too slow: the prompt timed out
  } else {
    Millis t = 0;
    bool terminated = false;
    for (char c : step->keys) {
      if (step->delay_ms >= req.timeout_ms) break;
      t += step->delay_ms;
      if (req.terminator && c == req.terminator) {
        terminated = true;
        break;
      }
      r.digits += c;
      if (static_cast<int>(r.digits.size()) >= req.max_digits) {
        terminated = true;
        break;
      }
    }
    // Without a terminator (or max digits), the platform waits one more timeout for another key.
    r.elapsed_ms = t + (terminated ? 0 : req.timeout_ms);
  }
  if (!r.hung_up && time_to_hang_up(r.elapsed_ms)) {
    r.hung_up = true;
    r.digits.clear();
  }
  hung_up_ = r.hung_up;
  return r;
}

RecordReply ScriptedSoftphone::record(const RecordRequest& req) {
  RecordReply r;
  const ScriptStep* step = next_step(ScriptStep::At::kRecord);
  Millis beep = req.beep ? 500 : 0;
  if (step && step->kind == ScriptStep::Kind::kHangUp) {
    r.hung_up = true;
    r.elapsed_ms = beep;
  } else if (step && step->kind == ScriptStep::Kind::kFail) {
    r.failed = true;
  } else if (step && step->kind == ScriptStep::Kind::kSpeak) {
    r.spoken_ms = std::min(step->speak_ms, req.max_duration_ms);
    r.elapsed_ms = beep + r.spoken_ms + (r.spoken_ms < req.max_duration_ms ? req.silence_timeout_ms : 0);
  } else if (step && step->kind == ScriptStep::Kind::kPress && req.finish_key &&
             step->keys.find(req.finish_key) != std::string::npos) {
    r.finished_by_key = true;
    r.elapsed_ms = beep + step->delay_ms;
  } else {
    r.elapsed_ms = beep + req.silence_timeout_ms;
  }
  if (!r.hung_up && time_to_hang_up(r.elapsed_ms)) r.hung_up = true;
  hung_up_ = r.hung_up;
  return r;
}

void ScriptedSoftphone::hang_up(const std::string&) { hung_up_ = true; }

}  // namespace gomo::engine
