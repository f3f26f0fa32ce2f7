#include "engine/random_softphone.h"

namespace gomo::engine {

uint64_t RandomSoftphone::next() {
  state_ ^= state_ >> 12;
  state_ ^= state_ << 25;
  state_ ^= state_ >> 27;
  return state_ * 2685821657736338717ULL;
}

double RandomSoftphone::uniform() { return static_cast<double>(next() >> 11) * (100.0 / 9007199254740992.0); }

RingReply RandomSoftphone::ring(const CallSetup&, Millis ring_timeout_ms, bool) {
  const double total = odds_.human + odds_.machine + odds_.busy + odds_.no_answer + odds_.rejected + odds_.error;
  double x = uniform() * total / 100.0;
  RingReply r;
  r.after_ms = 1000 + static_cast<Millis>(next() % 8000);
  if ((x -= odds_.human) < 0) r.answer = Answer::kHuman;
  else if ((x -= odds_.machine) < 0) r.answer = Answer::kMachine;
  else if ((x -= odds_.busy) < 0) r.answer = Answer::kBusy;
  else if ((x -= odds_.no_answer) < 0) r.answer = Answer::kNoAnswer;
  else if ((x -= odds_.rejected) < 0) r.answer = Answer::kRejected;
  else r.answer = Answer::kError;
  if (r.answer == Answer::kNoAnswer || r.after_ms >= ring_timeout_ms) {
    r.answer = Answer::kNoAnswer;
    r.after_ms = ring_timeout_ms;
  }
  return r;
}

PlayReply RandomSoftphone::play(const Prompt& prompt) {
  PlayReply r;
  r.elapsed_ms = prompt.duration_ms();
  if (uniform() < odds_.hang_up) {
    r.hung_up = true;
    r.elapsed_ms /= 2;
  }
  return r;
}

DigitReply RandomSoftphone::collect_digits(const DigitRequest& req) {
  DigitReply r;
  if (uniform() < odds_.silence) {
    r.elapsed_ms = req.timeout_ms;
    return r;
  }
  static const char kKeys[] = "0123456789*#";
  // Callees mostly press the low keys offered in menus.
  int n = req.single_digit
              ? 1
              : 1 + static_cast<int>(next() % static_cast<uint64_t>(req.max_digits > 0 ? req.max_digits : 1));
  for (int i = 0; i < n; ++i) r.digits += kKeys[uniform() < 80 ? next() % 4 : next() % 12];
  r.elapsed_ms = 600 * n;
  return r;
}

RecordReply RandomSoftphone::record(const RecordRequest& req) {
  RecordReply r;
  if (uniform() >= odds_.silence)
    r.spoken_ms = 1000 + static_cast<Millis>(next() % 20000) % (req.max_duration_ms > 0 ? req.max_duration_ms : 1);
  r.elapsed_ms = r.spoken_ms + req.silence_timeout_ms;
  return r;
}

}  // namespace gomo::engine
