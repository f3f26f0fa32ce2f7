#pragma once
// What every rule sees and how it reports. One rule per file (rule_<id>.cc), listed in registry.cc.
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/flow.h"

namespace gomo::checks {

using document::Value;

enum class Target : uint8_t { kLocal, kGomobile };

// Options for the checks themselves (what to report is ValidateOptions' job).
struct CheckOptions {
  Target target = Target::kLocal;  // kGomobile: warn on gomo-only extensions (tts items)
  bool has_audio_catalog = false;  // when set, audioIds outside audio_ids are errors
  std::set<std::string> audio_ids;
  bool has_attribute_catalog = false;  // when set, customAttribute names outside attribute_names are errors
  std::set<std::string> attribute_names;
};

// Facts about the graph computed once per flow.
struct GraphIndex {
  std::vector<std::vector<int>> successors;  // node index -> target node indexes (existing targets only)
  std::vector<bool> reachable;               // from the start node
};

struct CheckContext {
  const model::Flow& flow;
  const CheckOptions& options;
  GraphIndex graph;
};

class Reporter;

struct Rule {
  const char* id;  // kebab-case, names the fault
  diag::Severity severity;
  const char* summary;  // one line, for `gomo help rules`, SARIF and docs/rules.md
  bool shape;           // a shape error a JSON-Schema validator also finds (schema agreement test)
  void (*check)(const CheckContext&, Reporter&);  // null for ids reported by another check (syntax, schema's)
};

class Reporter {
 public:
  explicit Reporter(const document::Document& doc) : doc_(doc) {}
  void report(const Rule& rule, const document::Value& at, std::string message, std::string related = "",
              std::string fix = "");
  // For rules whose id comes from data (the schema's x-gomo-rule).
  void report(const std::string& rule_id, const document::Value& at, std::string message, std::string fix = "");
  std::vector<diag::Diagnostic>& diagnostics() { return diags_; }

 private:
  const document::Document& doc_;
  std::vector<diag::Diagnostic> diags_;
};

GraphIndex build_graph_index(const model::Flow& flow);

}  // namespace gomo::checks
