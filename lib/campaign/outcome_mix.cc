#include "campaign/outcome_mix.h"

#include <algorithm>
#include <filesystem>

#include "base/strings.h"
#include "document/document.h"
#include "document/limits.h"
#include "document/value_error.h"

namespace gomo::campaign {

namespace {

using document::Kind;
using engine::Answer;
using engine::Millis;

using document::error_at;

Result<double> read_percent(const std::string& path, const document::Value& v, const std::string& key) {
  if (!v.is_number() || v.number < 0 || v.number > 100)
    return error_at(path, v, "`" + key + "` must be a percentage from 0 to 100");
  return v.number;
}

// A callee drawn from the mix: xorshift64* seeded per contact and attempt.
class MixSoftphone : public engine::Softphone {
 public:
  MixSoftphone(const OutcomeMix& mix, uint64_t seed) : mix_(mix), state_(seed ? seed : 0x9E3779B97F4A7C15ULL) {}

  engine::RingReply ring(const engine::CallSetup&, Millis ring_timeout_ms, bool) override {
    const double total = mix_.answer + mix_.voicemail + mix_.busy + mix_.no_answer + mix_.rejected + mix_.failed;
    double x = uniform() * (total > 0 ? total : 1) / 100.0;
    engine::RingReply r;
    if (total <= 0 || (x -= mix_.answer) < 0) r.answer = Answer::kHuman;
    else if ((x -= mix_.voicemail) < 0) r.answer = Answer::kMachine;
    else if ((x -= mix_.busy) < 0) r.answer = Answer::kBusy;
    else if ((x -= mix_.no_answer) < 0) r.answer = Answer::kNoAnswer;
    else if ((x -= mix_.rejected) < 0) r.answer = Answer::kRejected;
    else r.answer = Answer::kError;
    // Ringing: 2-14 s before a person or a machine answers, 1-4 s before busy, rejected or an error.
    const bool answers = r.answer == Answer::kHuman || r.answer == Answer::kMachine;
    r.after_ms = answers ? 2000 + static_cast<Millis>(next() % 12000) : 1000 + static_cast<Millis>(next() % 3000);
    if (r.answer == Answer::kNoAnswer || r.after_ms >= ring_timeout_ms) {
      r.answer = Answer::kNoAnswer;
      r.after_ms = ring_timeout_ms;
    }
    return r;
  }

  engine::PlayReply play(const engine::Prompt& prompt) override {
    engine::PlayReply r;
    r.elapsed_ms = prompt.duration_ms();
    if (mix_.hang_up > 0 && uniform() < mix_.hang_up) {
      r.hung_up = true;
      r.elapsed_ms = static_cast<Millis>(uniform() / 100.0 * static_cast<double>(r.elapsed_ms));
    }
    return r;
  }

  engine::DigitReply collect_digits(const engine::DigitRequest& req) override {
    engine::DigitReply r;
    auto it = mix_.dtmf.find(std::string(req.node_id));
    if (it != mix_.dtmf.end()) {
      r.digits = pick(it->second);
    } else if (uniform() >= mix_.silence) {
      // A person presses one of the keys the prompt offers (a key the node has no way on for would end
      // many calls as failed through no fault of the flow); a node that names none gets a low key.
      r.digits = req.offered.empty() ? std::string(1, static_cast<char>('1' + next() % 4))
                                     : req.offered[next() % req.offered.size()];
    }
    r.elapsed_ms = r.digits.empty() ? req.timeout_ms : 800 * static_cast<Millis>(r.digits.size());
    return r;
  }

  engine::RecordReply record(const engine::RecordRequest& req) override {
    engine::RecordReply r;
    if (uniform() >= mix_.silence) {
      Millis most = req.max_duration_ms > 0 ? req.max_duration_ms : 1;
      r.spoken_ms = std::min<Millis>(most, 1000 + static_cast<Millis>(next() % 20000));
    }
    r.elapsed_ms = r.spoken_ms + req.silence_timeout_ms;
    return r;
  }

  void hang_up(const std::string&) override {}

 private:
  uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 2685821657736338717ULL;
  }
  double uniform() { return static_cast<double>(next() >> 11) * (100.0 / 9007199254740992.0); }  // [0, 100)

  std::string pick(const std::vector<std::pair<std::string, double>>& choices) {
    double total = 0;
    for (const auto& c : choices) total += c.second;
    if (total <= 0) return "";
    double x = uniform() * total / 100.0;
    for (const auto& c : choices)
      if ((x -= c.second) < 0) return c.first;
    return choices.back().first;
  }

  const OutcomeMix& mix_;
  uint64_t state_;
};

const std::vector<std::string> kMixKeys = {"$schema", "answer",  "voicemail", "busy", "noAnswer", "rejected",
                                           "failed",  "silence", "hangUp",    "seed", "dtmf",     "scripts"};

}  // namespace

uint64_t callee_seed(uint64_t seed, const std::string& contact_id, int attempt) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : contact_id) h = (h ^ c) * 1099511628211ULL;
  h ^= seed * 0x9E3779B97F4A7C15ULL;
  h ^= static_cast<uint64_t>(attempt) * 0xC2B2AE3D27D4EB4FULL;
  // splitmix64's finaliser: neighbouring ids and attempts get unrelated streams.
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31);
}

std::unique_ptr<engine::Softphone> make_callee(const OutcomeMix& mix, const std::string& contact_id,
                                               const std::string& phone, int attempt) {
  if (!mix.scripts.empty()) {
    auto it = mix.scripts.find(phone);
    if (it != mix.scripts.end()) return std::make_unique<engine::ScriptedSoftphone>(it->second);
  }
  return std::make_unique<MixSoftphone>(mix, callee_seed(mix.seed, contact_id, attempt));
}

Result<OutcomeMix> parse_outcome_mix(const document::Value& root, const std::string& path) {
  OutcomeMix mix;
  if (!root.is_mapping())
    return error_at(path, root,
                    "an outcome mix is a mapping (answer, voicemail, busy, noAnswer, rejected, failed, dtmf, "
                    "silence, hangUp, seed, scripts)");
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  for (const auto& m : root.members) {
    const std::string& k = m.key.text;
    const document::Value& v = m.value;
    double* percent = k == "answer"      ? &mix.answer
                      : k == "voicemail" ? &mix.voicemail
                      : k == "busy"      ? &mix.busy
                      : k == "noAnswer"  ? &mix.no_answer
                      : k == "rejected"  ? &mix.rejected
                      : k == "failed"    ? &mix.failed
                      : k == "silence"   ? &mix.silence
                      : k == "hangUp"    ? &mix.hang_up
                                         : nullptr;
    if (percent) {
      auto p = read_percent(path, v, k);
      if (!p) return p.error();
      *percent = p.value();
    } else if (k == "seed") {
      if (v.kind != Kind::kInt || v.integer < 0) return error_at(path, v, "`seed` must be a whole number >= 0");
      mix.seed = static_cast<uint64_t>(v.integer);
    } else if (k == "dtmf") {
      if (!v.is_mapping())
        return error_at(path, v, "`dtmf` maps node ids to key weights, e.g. {menu: {\"1\": 60, \"2\": 30, \"\": 10}}");
      for (const auto& node : v.members) {
        if (!node.value.is_mapping() || node.value.members.empty())
          return error_at(path, node.value,
                          "keys for node `" + node.key.text + "` are a mapping of keys to weights, e.g. {\"1\": 60}");
        auto& choices = mix.dtmf[node.key.text];
        for (const auto& choice : node.value.members) {
          for (char c : choice.key.text)
            if (!((c >= '0' && c <= '9') || c == '*' || c == '#'))
              return error_at(path, choice.key,
                              "keys are 0-9, * and # (\"\" for no key), not `" + choice.key.text + "`");
          auto w = read_percent(path, choice.value, choice.key.text);
          if (!w) return w.error();
          choices.emplace_back(choice.key.text, w.value());
        }
      }
    } else if (k == "scripts") {
      if (!v.is_mapping())
        return error_at(path, v,
                        "`scripts` maps phone numbers to softphone script files, e.g. {\"+212600000001\": a.yaml}");
      for (const auto& s : v.members) {
        if (!s.value.is_string() || s.value.text.empty())
          return error_at(path, s.value, "the script of " + s.key.text + " must be a file name");
        std::filesystem::path file = s.value.text;
        if (file.is_relative() && !folder.empty()) file = folder / file;
        auto script = engine::load_softphone_script(file.string());
        if (!script) return error_at(path, s.value, "script of " + s.key.text + ": " + script.error().message());
        mix.scripts[s.key.text] = std::move(script.value());
      }
    } else if (k != "$schema") {
      std::string msg = "unknown key `" + k + "`: expected one of " + join(kMixKeys, ", ");
      std::string guess = closest_match(k, kMixKeys);
      if (!guess.empty()) msg += "; did you mean " + guess + "?";
      return error_at(path, m.key, msg);
    }
  }
  return mix;
}

Result<OutcomeMix> load_outcome_mix(const std::string& path) {
  auto read = document::read_document_file(path);
  if (!read) return Status::not_found(path + ": cannot read the outcome mix");
  auto doc = std::move(read.value());
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) +
                                    ": " + p.message);
  }
  for (const auto& p : doc->problems)
    if (p.rule == "duplicate-key")
      return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) +
                                      ": " + p.message);
  return parse_outcome_mix(doc->root, path);
}

}  // namespace gomo::campaign
