#pragma once
// How the simulated people of an audience behave (schemas/outcome-mix.schema.json): how calls are
// answered, which keys they press at each keypad node, how often they hang up, and a seed; plus
// per-contact softphone scripts (phone -> script file) that override the mix for those numbers.
//
// A contact's callee is made from (seed, contact id, attempt), never from a shared random stream, so a
// run repeats exactly whatever order its calls finish in.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "engine/scripted_softphone.h"
#include "engine/softphone.h"

namespace gomo::document {
struct Value;
}

namespace gomo::campaign {

struct OutcomeMix {
  // Percentages of how calls are answered; normalised, so they need not add up to 100.
  double answer = 70;     // a person answers (the engine's human)
  double voicemail = 10;  // a machine answers (voicemail when the dial node has AMD on)
  double busy = 8, no_answer = 8, rejected = 3, failed = 1;
  // Keys pressed at a keypad node, by node id: (keys, weight) pairs; keys "" = no key (the timeout).
  std::map<std::string, std::vector<std::pair<std::string, double>>> dtmf;
  double silence = 15;  // percent: at keypad nodes not in `dtmf`, and at recordings, the callee is silent
  double hang_up = 2;   // percent of prompts during which the callee hangs up
  uint64_t seed = 1;
  // Per-contact scripts by phone (E.164 as the audience has it): these callees ignore the mix.
  std::map<std::string, engine::SoftphoneScript> scripts;
};

// Reads a mix document; script paths are relative to the mix file's folder. Errors say file:line:col.
Result<OutcomeMix> parse_outcome_mix(const document::Value& root, const std::string& path);
Result<OutcomeMix> load_outcome_mix(const std::string& path);

// The callee of one attempt: the contact's script when the mix has one for `phone`, else a callee
// drawn from the mix with a random stream seeded by (mix.seed, contact_id, attempt).
// REQUIRES: `mix` outlives the softphone.
std::unique_ptr<engine::Softphone> make_callee(const OutcomeMix& mix, const std::string& contact_id,
                                               const std::string& phone, int attempt);

// The seed of that stream (FNV-1a of the contact id mixed with the seed and attempt): exposed for tests.
uint64_t callee_seed(uint64_t seed, const std::string& contact_id, int attempt);

}  // namespace gomo::campaign
