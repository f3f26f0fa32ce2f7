// SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read it.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "checks/registry.h"
#include "report/diagnostics.h"

namespace gomo::report {

using nlohmann::ordered_json;

namespace {

const char* level_of(diag::Severity s) {
  switch (s) {
    case diag::Severity::kError: return "error";
    case diag::Severity::kWarning: return "warning";
    case diag::Severity::kInfo: return "note";
  }
  return "error";
}

// "./a/b.yaml" and "a/b.yaml" are the same artifact.
std::string normalized_path(const std::string& path) {
  std::string p = path;
  while (starts_with(p, "./")) p.erase(0, 2);
  return p;
}

ordered_json rule_descriptor(const std::string& id, const checks::Rule* rule) {
  std::string summary = rule ? rule->summary : id;
  std::string docs = "docs/rules.md#" + id;
  ordered_json r;
  r["id"] = id;
  r["shortDescription"] = {{"text", summary}};
  r["fullDescription"] = {{"text", summary + ". Reported by `gomo flow validate`; see " + docs + " for examples."}};
  std::string silence = "Silence it on one node with a `# gomo-ignore: " + id + "` comment or an `x-gomo-ignore: [" +
                        id + "]` field, or for a project with `validate.ignore` in .gomo.yaml.";
  r["help"] = {{"text", summary + ". See " + docs + ". " + silence},
               {"markdown", "**" + summary + "**\n\nSee [" + docs + "](" + docs + ").\n\n" + silence}};
  r["defaultConfiguration"] = {{"level", level_of(rule ? rule->severity : diag::Severity::kError)}};
  return r;
}

ordered_json region_of(const diag::Location& l) {
  ordered_json region;
  region["startLine"] = l.line;
  if (l.col) region["startColumn"] = l.col;
  if (l.end_line >= l.line && l.end_line) {
    region["endLine"] = l.end_line;
    if (l.end_col && l.col && (l.end_line > l.line || l.end_col > l.col)) region["endColumn"] = l.end_col;
  }
  return region;
}

}  // namespace

std::string sarif_uri(const std::string& path) {
  std::string p = normalized_path(path);
  std::string prefix;
  if (starts_with(p, "/")) prefix = "file://";
  static const char* kHex = "0123456789ABCDEF";
  std::string r = prefix;
  for (unsigned char c : p) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      r += static_cast<char>(c);
    } else {
      r += '%';
      r += kHex[c >> 4];
      r += kHex[c & 15];
    }
  }
  return r;
}

std::string sarif_fingerprint(const diag::Diagnostic& d) {
  // FNV-1a, 64 bits: stable across runs and platforms, unlike std::hash. The line is left out on
  // purpose so a finding keeps its identity when lines above it move.
  uint64_t h = 14695981039346656037ull;
  auto mix = [&h](const std::string& s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;  // field separator: ("ab","c") and ("a","bc") differ
    h *= 1099511628211ull;
  };
  mix(d.rule);
  mix(normalized_path(d.location.file));
  mix(d.location.pointer);
  mix(d.message);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void write_sarif(std::ostream& out, const std::vector<checks::FileResult>& files, const RunInfo& run) {
  ordered_json rules = ordered_json::array();
  std::map<std::string, size_t> rule_index;
  for (const checks::Rule* r : checks::all_rules()) {
    rule_index[r->id] = rules.size();
    rules.push_back(rule_descriptor(r->id, r));
  }
  ordered_json results = ordered_json::array();
  bool all_readable = true;
  for (const auto& f : files) {
    all_readable = all_readable && !f.unreadable;
    for (const auto& d : f.diagnostics) {
      auto [it, added] = rule_index.emplace(d.rule, rules.size());
      if (added) rules.push_back(rule_descriptor(d.rule, checks::find_rule(d.rule)));
      const auto& l = d.location;
      ordered_json physical;
      physical["artifactLocation"] = {{"uri", sarif_uri(l.file)}};
      if (l.line) physical["region"] = region_of(l);
      ordered_json location;
      location["physicalLocation"] = physical;
      if (!l.pointer.empty()) location["logicalLocations"] = ordered_json::array({{{"fullyQualifiedName", l.pointer}}});

      ordered_json result;
      result["ruleId"] = d.rule;
      result["ruleIndex"] = it->second;
      result["level"] = level_of(d.severity);
      result["message"] = {{"text", d.related.empty() ? d.message : d.message + " (" + d.related + ")"}};
      result["locations"] = ordered_json::array({location});
      result["partialFingerprints"] = {{"gomoFindingHash/v1", sarif_fingerprint(d)}};
      if (!d.fix.empty() && l.line) {
        ordered_json replacement = {{"deletedRegion", region_of(l)}, {"insertedContent", {{"text", d.fix}}}};
        ordered_json change = {{"artifactLocation", {{"uri", sarif_uri(l.file)}}},
                               {"replacements", ordered_json::array({replacement})}};
        result["fixes"] = ordered_json::array({{{"description", {{"text", "Replace with " + d.fix}}},
                                                {"artifactChanges", ordered_json::array({change})}}});
      }
      result["properties"] = {{"jsonPointer", l.pointer}};
      results.push_back(std::move(result));
    }
  }
  ordered_json driver;
  driver["name"] = "gomo";
  driver["version"] = run.tool_version;
  driver["semanticVersion"] = run.tool_version;
  driver["rules"] = std::move(rules);

  ordered_json sarif_run;
  sarif_run["tool"] = {{"driver", std::move(driver)}};
  int exit_code = run.exit_code;
  ordered_json invocation = {{"executionSuccessful", all_readable}, {"exitCode", exit_code}};
  // A file that could not be read or checked is a fault of the run as well as a result: say so where
  // SARIF viewers look for those.
  ordered_json notifications = ordered_json::array();
  for (const auto& f : files) {
    if (!f.unreadable) continue;
    ordered_json n;
    n["level"] = "error";
    n["message"] = {{"text", f.diagnostics.empty() ? "cannot be read" : f.diagnostics.front().message}};
    n["locations"] =
        ordered_json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", sarif_uri(f.path)}}}}}}});
    notifications.push_back(std::move(n));
  }
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  sarif_run["invocations"] = ordered_json::array({std::move(invocation)});
  sarif_run["columnKind"] = "unicodeCodePoints";  // gomo's columns count characters, not UTF-16 units
  sarif_run["results"] = std::move(results);

  ordered_json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = ordered_json::array({std::move(sarif_run)});
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace gomo::report
