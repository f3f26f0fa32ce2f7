#pragma once
// Runs one call of a flow, node by node, as the platform would (docs/decisions.md, How a call runs), against
// a Softphone. Time is whatever the softphone's replies say: virtual for scripts (a two-minute call
// runs in microseconds), real for a person at the terminal.
#include <map>
#include <string>
#include <vector>

#include "engine/softphone.h"
#include "engine/value.h"
#include "model/flow.h"

namespace gomo::engine {

struct Contact {
  std::string id = "contact-1";
  std::string phone = "+212600000000";
  Variables fields;          // contact fields: firstName, lastName, fullName, primaryEmail, city, ...
  Variables attributes;      // custom attributes by name (slug)
  std::string name() const;  // fullName, else "firstName lastName"
};

struct EngineOptions {
  std::string call_id = "call-1";
  std::string caller = "+212500000000";  // caller id shown to the callee
  std::string organization_id = "local";
  std::string program_id;
  Millis start_epoch_ms = 1767261600000;          // 2026-01-01T10:00:00Z: fixed, so reports are reproducible
  int max_node_visits = 500;                      // loop guard
  bool record_events = true;                      // false: no transcript events (Monte Carlo runs)
  Variables variables;                            // flow variables set before the call (--var NAME=VALUE)
  std::map<std::string, Millis> audio_durations;  // known audio lengths by id; others are estimated
};

// One step of executionPath (the platform's NodeExecutionPathEntry). The views point into the flow,
// which must outlive the report.
struct PathEntry {
  std::string_view node_id, node_type, node_label;
  std::string output_path;  // the output taken ("onAnswer", "branches.1"), "" for the last node
  Millis at_ms = 0;         // since the start of the call
};

// What happened, for transcripts and traces.
struct CallEvent {
  enum class Kind : uint8_t {
    kNode,
    kRing,
    kAnswer,
    kPlay,
    kPress,
    kTimeout,
    kRecord,
    kSet,
    kCondition,
    kOutput,
    kHangUp,
    kNote
  };
  Kind kind = Kind::kNote;
  Millis at_ms = 0;
  std::string node_id;
  std::string text;         // human description
  std::vector<Clip> clips;  // kPlay: clips of number/date/word items
};
// The kind's name in traces ("node", "play", ...). Inline: part of the type, so that report/ prints
// events without calling into the engine.
inline const char* event_kind_name(CallEvent::Kind k) {
  switch (k) {
    case CallEvent::Kind::kNode: return "node";
    case CallEvent::Kind::kRing: return "ring";
    case CallEvent::Kind::kAnswer: return "answer";
    case CallEvent::Kind::kPlay: return "play";
    case CallEvent::Kind::kPress: return "press";
    case CallEvent::Kind::kTimeout: return "timeout";
    case CallEvent::Kind::kRecord: return "record";
    case CallEvent::Kind::kSet: return "set";
    case CallEvent::Kind::kCondition: return "condition";
    case CallEvent::Kind::kOutput: return "output";
    case CallEvent::Kind::kHangUp: return "hangup";
    case CallEvent::Kind::kNote: return "note";
  }
  return "?";
}

struct CallReport {
  std::string call_id;
  std::string_view flow_name;  // a view into the flow
  std::string outcome;         // completed, no_answer, busy, rejected, voicemail, failed
  std::string outcome_reason;  // e.g. "hangup: completed", "flow ended without hangup at play-1"
  bool reached_hangup = false;
  bool answered = false;
  std::string answered_by;  // human, machine, unknown
  Millis duration_ms = 0;
  std::vector<PathEntry> path;
  const model::Flow* flow = nullptr;                     // the flow that ran (outlives the report)
  std::vector<int> node_visits;                          // visits per node, by index in flow->nodes
  std::vector<std::pair<int, std::string>> edges_taken;  // (node index, output) in order
  int visits_of(std::string_view node_id) const;         // 0 for unknown ids
  Variables final_variables;                             // flow variables (not sys.*)
  std::vector<CallEvent> events;
};

// REQUIRES: `flow` is a validated flow (the engine copes with missing configs by using defaults).
CallReport run_call(const model::Flow& flow, const Contact& contact, Softphone& phone, const EngineOptions& options);

}  // namespace gomo::engine
