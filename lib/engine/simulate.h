#pragma once
// Many calls of one flow against random callees (Monte Carlo): how calls end, how often each node
// runs (the counts auto-pause rules watch), and the engine's throughput.
#include <cstdint>
#include <map>
#include <string>

#include "engine/engine.h"
#include "engine/random_softphone.h"

namespace gomo::engine {

struct SimulationResult {
  uint64_t calls = 0;
  std::map<std::string, uint64_t> outcomes;     // completed, busy, ...
  std::map<std::string, uint64_t> node_visits;  // by node id, across all calls
  Millis total_call_ms = 0;                     // virtual time of all calls
  double wall_seconds = 0;                      // real time the simulation took
};

// Runs `calls` calls; call i uses a callee seeded with `seed + i`, so results are reproducible.
SimulationResult simulate(const model::Flow& flow, uint64_t calls, uint64_t seed, const RandomCalleeOdds& odds = {});

}  // namespace gomo::engine
