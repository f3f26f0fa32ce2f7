#pragma once
// A callee that behaves at random, with realistic odds (mostly answers; sometimes busy, absent,
// a machine), for Monte Carlo runs of a flow (`gomo flow simulate`) and the engine benchmark.
#include <cstdint>

#include "engine/softphone.h"

namespace gomo::engine {

struct RandomCalleeOdds {
  // Percentages of how calls are answered; they need not add up to 100 (normalised).
  double human = 70, machine = 10, busy = 8, no_answer = 8, rejected = 3, error = 1;
  double silence = 15;  // percent of keypad prompts and recordings the callee lets time out
  double hang_up = 2;   // percent of prompts during which the callee hangs up
};

class RandomSoftphone : public Softphone {
 public:
  RandomSoftphone(uint64_t seed, RandomCalleeOdds odds = {}) : state_(seed * 0x9E3779B97F4A7C15ULL + 1), odds_(odds) {}
  RingReply ring(const CallSetup& call, Millis ring_timeout_ms, bool amd) override;
  PlayReply play(const Prompt& prompt) override;
  DigitReply collect_digits(const DigitRequest& request) override;
  RecordReply record(const RecordRequest& request) override;
  void hang_up(const std::string&) override {}

 private:
  double uniform();  // [0, 100)
  uint64_t next();
  uint64_t state_;  // xorshift64*: fast and reproducible for a seed
  RandomCalleeOdds odds_;
};

}  // namespace gomo::engine
