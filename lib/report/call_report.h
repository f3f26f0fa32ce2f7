#pragma once
// A simulated call for people (a transcript) and for machines (the platform's call-report shape,
// and JSON Lines trace events).
#include <ostream>

#include "engine/engine.h"
#include "engine/simulate.h"

namespace gomo::report {

struct TranscriptStyle {
  bool color = false;
  bool show_keys = false;     // also print dictionary clip keys of number/date items
  bool outcome_only = false;  // -q: the outcome line alone, no events and no variables
};

void write_transcript(std::ostream& out, const engine::CallReport& call, const TranscriptStyle& style);

// {callId, outcome, outcomeReason, durationMs, answeredBy, flowExecution: {flowName, executionPath:
// [{nodeId, nodeType, nodeLabel, outputPath, timestamp}], finalVariables, nodeExecutionCount,
// flowStartedAt, flowCompletedAt}, events: [...]}. Timestamps are ISO 8601 from `start_epoch_ms`.
void write_call_json(std::ostream& out, const engine::CallReport& call, engine::Millis start_epoch_ms);

// One JSON object per line per event: {"t": ms, "at": ISO, "kind", "node", "text", "clips"?}.
void write_trace(std::ostream& out, const engine::CallReport& call, engine::Millis start_epoch_ms);

// Outcome shares and node visit counts of a Monte Carlo run, as a table or JSON.
void write_simulation(std::ostream& out, const engine::SimulationResult& result, bool json);

}  // namespace gomo::report
