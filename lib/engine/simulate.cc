#include "engine/simulate.h"

#include <chrono>

namespace gomo::engine {

SimulationResult simulate(const model::Flow& flow, uint64_t calls, uint64_t seed, const RandomCalleeOdds& odds) {
  SimulationResult result;
  EngineOptions options;
  options.record_events = false;  // transcripts are not needed, and cost most of the time
  Contact contact;
  std::vector<uint64_t> visits(flow.nodes.size(), 0);
  auto start = std::chrono::steady_clock::now();
  for (uint64_t i = 0; i < calls; ++i) {
    RandomSoftphone phone(seed + i, odds);
    CallReport call = run_call(flow, contact, phone, options);
    result.outcomes[call.outcome]++;
    for (size_t n = 0; n < visits.size(); ++n) visits[n] += static_cast<uint64_t>(call.node_visits[n]);
    result.total_call_ms += call.duration_ms;
  }
  for (size_t n = 0; n < visits.size(); ++n)
    if (visits[n]) result.node_visits[flow.nodes[n].id] += visits[n];
  result.calls = calls;
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace gomo::engine
