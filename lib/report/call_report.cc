#include "report/call_report.h"

#include "report/colour.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/time.h"

namespace gomo::report {

using nlohmann::ordered_json;

namespace {

std::string clock(engine::Millis ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld.%03lld", static_cast<long long>(ms / 60000),
                static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
  return buf;
}

ordered_json to_json(const engine::Value& v) {
  if (v.is_null()) return nullptr;
  if (v.is_bool()) return v.as_bool();
  if (v.is_number()) return v.as_number();
  return v.as_string();
}

ordered_json event_json(const engine::CallEvent& e, engine::Millis start) {
  ordered_json j;
  j["t"] = e.at_ms;
  j["at"] = iso_time(start + e.at_ms);
  j["kind"] = engine::event_kind_name(e.kind);
  j["node"] = e.node_id;
  j["text"] = e.text;
  if (!e.clips.empty()) {
    ordered_json clips = ordered_json::array();
    for (const auto& c : e.clips) clips.push_back({{"key", c.key}, {"text", c.text}});
    j["clips"] = std::move(clips);
  }
  return j;
}

}  // namespace

void write_transcript(std::ostream& out, const engine::CallReport& call, const TranscriptStyle& style) {
  const char* dim = paint(Paint::kDim, style.color);
  const char* bold = paint(Paint::kBold, style.color);
  const char* reset = paint(Paint::kReset, style.color);
  using K = engine::CallEvent::Kind;
  for (const auto& e : call.events) {
    if (style.outcome_only) break;
    out << dim << clock(e.at_ms) << reset << "  ";
    switch (e.kind) {
      case K::kNode: out << bold << e.node_id << reset << "  " << dim << e.text << reset; break;
      case K::kPlay:
        out << "    ♪ " << e.text;
        if (style.show_keys && !e.clips.empty()) {
          out << dim << "  [";
          for (size_t i = 0; i < e.clips.size(); ++i) out << (i ? " " : "") << e.clips[i].key;
          out << "]" << reset;
        }
        break;
      case K::kPress: out << "    ☎ " << e.text; break;
      case K::kOutput: out << "    → " << e.text; break;
      default: out << "    " << e.text; break;
    }
    out << "\n";
  }
  out << (style.outcome_only ? "" : "\n") << bold << "outcome: " << call.outcome << reset << " (" << call.outcome_reason
      << "), duration " << clock(call.duration_ms) << ", " << call.path.size()
      << (call.path.size() == 1 ? " node visit\n" : " node visits\n");
  if (!call.final_variables.empty() && !style.outcome_only) {
    out << "variables:";
    for (const auto& [k, v] : call.final_variables)
      out << " " << k << "=" << (v.is_string() ? "\"" + v.text() + "\"" : v.text());
    out << "\n";
  }
}

void write_call_json(std::ostream& out, const engine::CallReport& call, engine::Millis start) {
  ordered_json j;
  j["callId"] = call.call_id;
  j["outcome"] = call.outcome;
  j["outcomeReason"] = call.outcome_reason;
  j["reachedHangup"] = call.reached_hangup;
  j["answeredBy"] = call.answered_by;
  j["durationMs"] = call.duration_ms;
  ordered_json path = ordered_json::array();
  for (const auto& p : call.path) {
    ordered_json e;
    e["nodeId"] = std::string(p.node_id);
    e["nodeType"] = std::string(p.node_type);
    if (!p.node_label.empty()) e["nodeLabel"] = std::string(p.node_label);
    if (!p.output_path.empty()) e["outputPath"] = p.output_path;
    e["timestamp"] = iso_time(start + p.at_ms);
    path.push_back(std::move(e));
  }
  ordered_json vars = ordered_json::object();
  for (const auto& [k, v] : call.final_variables) vars[k] = to_json(v);
  j["flowExecution"] = {{"flowName", call.flow_name},        {"executionPath", std::move(path)},
                        {"finalVariables", std::move(vars)}, {"nodeExecutionCount", call.path.size()},
                        {"flowStartedAt", iso_time(start)},  {"flowCompletedAt", iso_time(start + call.duration_ms)}};
  ordered_json events = ordered_json::array();
  for (const auto& e : call.events) events.push_back(event_json(e, start));
  j["events"] = std::move(events);
  out << j.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

void write_trace(std::ostream& out, const engine::CallReport& call, engine::Millis start) {
  for (const auto& e : call.events)
    out << event_json(e, start).dump(-1, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

void write_simulation(std::ostream& out, const engine::SimulationResult& r, bool json) {
  if (json) {
    ordered_json j;
    j["calls"] = r.calls;
    j["outcomes"] = r.outcomes;
    j["nodeVisits"] = r.node_visits;
    j["averageCallMs"] = r.calls ? r.total_call_ms / static_cast<engine::Millis>(r.calls) : 0;
    j["wallSeconds"] = r.wall_seconds;
    out << j.dump(2) << "\n";
    return;
  }
  auto pct = [&](uint64_t n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%5.1f%%",
                  r.calls ? 100.0 * static_cast<double>(n) / static_cast<double>(r.calls) : 0.0);
    return std::string(buf);
  };
  out << r.calls << (r.calls == 1 ? " call, average " : " calls, average ")
      << clock(r.calls ? r.total_call_ms / static_cast<engine::Millis>(r.calls) : 0) << "\n\noutcomes\n";
  for (const auto& [name, n] : r.outcomes) out << "  " << pct(n) << "  " << name << " (" << n << ")\n";
  out << "\nnode visits (per call)\n";
  for (const auto& [node, n] : r.node_visits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%8.3f", r.calls ? static_cast<double>(n) / static_cast<double>(r.calls) : 0.0);
    out << "  " << buf << "  " << node << "\n";
  }
}

}  // namespace gomo::report
