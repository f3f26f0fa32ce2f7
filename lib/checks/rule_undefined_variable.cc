// undefined-variable: a variable is read where no path from the start can have set it. Reads are
// `{source: variable, name: X}` anywhere in a node's config and `{X}` placeholders in tts text;
// writes are the `variable` of set_variable, dtmf and record nodes. A forward "may be set" dataflow
// over the graph (union over predecessors, to a fixpoint) decides. Dotted placeholders are
// namespaces, checked here too: {sys.<system variable>}, {contact.<contact field>},
// {contact.customAttributes.<name>} (names checked by unknown-attribute when a catalog is given).
#include <algorithm>
#include <cstdint>
#include <map>

#include "base/strings.h"
#include "checks/node_config.h"
#include "checks/rule.h"

namespace gomo::checks {
extern const Rule kRuleUndefinedVariable;

namespace {

struct Read {
  std::string name;
  const Value* at;  // the `name` value of a value source, or the tts text
  bool at_name;     // `at` is exactly the name (so a replacement fix applies)
};

// Reports a dotted tts placeholder whose namespace or name does not exist.
void check_namespace(const model::Node& n, const std::string& p, const Value& text, Reporter& out) {
  std::string where = " (tts text of node \"" + n.id + "\")";
  if (starts_with(p, "sys.")) {
    const auto& names = system_variable_names();
    if (std::find(names.begin(), names.end(), p) != names.end()) return;
    std::string guess = closest_match(p, names);
    out.report(kRuleUndefinedVariable, text,
               "placeholder {" + p + "} is not a system variable" + where + "; expected one of " + join_words(names) +
                   (guess.empty() ? "" : "; did you mean {" + guess + "}?"));
    return;
  }
  if (starts_with(p, "contact.")) {
    std::string field = p.substr(8);
    if (starts_with(field, "customAttributes.") && field.size() > 17) return;
    if (field == "customAttributes") {
      out.report(kRuleUndefinedVariable, text,
                 "placeholder {" + p + "} names no attribute" + where + "; write {contact.customAttributes.<name>}");
      return;
    }
    const auto& fields = contact_field_names();
    if (std::find(fields.begin(), fields.end(), field) != fields.end()) return;
    std::string guess = closest_match(field, fields);
    out.report(kRuleUndefinedVariable, text,
               "placeholder {" + p + "}: \"" + field + "\" is not a contact field" + where + "; expected one of " +
                   join_words(fields) + " (or customAttributes.<name>)" +
                   (guess.empty() ? "" : "; did you mean {contact." + guess + "}?"));
    return;
  }
  out.report(kRuleUndefinedVariable, text,
             "placeholder {" + p + "} uses an unknown namespace \"" + p.substr(0, p.find('.')) + "\"" + where +
                 "; placeholders are {variable}, {sys.<name>}, {contact.<field>} or {contact.customAttributes.<name>}");
}

// The variable reads of one node, in document order. Reports misplaced sys./contact. names at once.
std::vector<Read> reads_of(const model::Node& n, Reporter& out) {
  std::vector<Read> reads;
  if (!n.config) return reads;
  for_each_value_source(*n.config, "variable", [&](const Value& vs) {
    const Value* name = vs.find("name");
    if (!name || !name->is_string() || name->text.empty()) return;
    if (starts_with(name->text, "sys.")) {
      out.report(kRuleUndefinedVariable, *name,
                 "`" + name->text + "` is a system variable, not one the flow sets (node \"" + n.id +
                     "\"); read it with {source: system, name: " + name->text + "}");
      return;
    }
    if (starts_with(name->text, "contact.")) {
      out.report(kRuleUndefinedVariable, *name,
                 "`" + name->text + "` is a contact field, not a variable (node \"" + n.id +
                     "\"); read it with {source: contactField, field: " + name->text.substr(8) + "}");
      return;
    }
    reads.push_back(Read{name->text, name, true});
  });
  for_each_audio_item(n, [&](const Value& item) {
    const Value* text = item.find("text");
    if (item.string_at("type") != "tts" || !text || !text->is_string()) return;
    std::vector<std::string> seen;
    for (const auto& p : placeholders(text->text)) {
      if (std::find(seen.begin(), seen.end(), p) != seen.end()) continue;
      seen.push_back(p);
      if (p.find('.') != std::string::npos) check_namespace(n, p, *text, out);
      else reads.push_back(Read{p, text, false});
    }
  });
  return reads;
}

// Whether `to` can be reached from `from` by following outputs (a node reaches itself).
bool leads_to(const GraphIndex& g, int from, int to) {
  std::vector<bool> seen(g.successors.size(), false);
  std::vector<int> stack = {from};
  seen[from] = true;
  while (!stack.empty()) {
    int v = stack.back();
    stack.pop_back();
    if (v == to) return true;
    for (int w : g.successors[v])
      if (!seen[w]) {
        seen[w] = true;
        stack.push_back(w);
      }
  }
  return false;
}

void check(const CheckContext& ctx, Reporter& out) {
  const auto& f = ctx.flow;
  const size_t n = f.nodes.size();
  std::vector<std::vector<Read>> reads(n);
  for (size_t i = 0; i < n; ++i) reads[i] = reads_of(f.nodes[i], out);
  if (f.start_index < 0) return;  // no start, no paths

  // Variables written anywhere, and by which nodes.
  std::map<std::string, size_t> var_index;
  std::vector<std::string> var_names;
  std::vector<std::vector<int>> setters;
  std::vector<int> writes(n, -1);
  for (size_t i = 0; i < n; ++i) {
    const auto& node = f.nodes[i];
    if (node.type != model::NodeType::kSetVariable && node.type != model::NodeType::kDtmf &&
        node.type != model::NodeType::kRecord)
      continue;
    const Value* v = node.config_at("variable");
    if (!v || !v->is_string() || v->text.empty() || starts_with(v->text, "sys."))
      continue;  // sys.: system-variable-write
    auto [it, added] = var_index.emplace(v->text, var_names.size());
    if (added) {
      var_names.push_back(v->text);
      setters.emplace_back();
    }
    writes[i] = static_cast<int>(it->second);
    setters[it->second].push_back(static_cast<int>(i));
  }

  // may_in: bit v of node i's row is set when some path from the start to node i sets variable v
  // first. Rows of 64-bit words in one flat array, unioned in rounds until nothing grows (nodes are
  // mostly listed in flow order, so two or three rounds suffice; vector<vector<bool>> rows copied per
  // node were 6% of validate's time).
  const size_t vars = var_names.size();
  const size_t words = (vars + 63) / 64;
  std::vector<uint64_t> may_in(n * words, 0);
  auto may_be_set = [&](size_t node, size_t var) { return (may_in[node * words + var / 64] >> (var % 64)) & 1u; };
  std::vector<uint64_t> set_after(words);
  for (bool changed = vars > 0; changed;) {
    changed = false;
    for (size_t i = 0; i < n; ++i) {
      if (!ctx.graph.reachable[i]) continue;
      std::copy_n(may_in.begin() + i * words, words, set_after.begin());
      if (writes[i] >= 0) set_after[writes[i] / 64] |= uint64_t{1} << (writes[i] % 64);
      for (int succ : ctx.graph.successors[i]) {
        uint64_t* row = may_in.data() + succ * words;
        for (size_t w = 0; w < words; ++w) {
          const uint64_t merged = row[w] | set_after[w];
          changed = changed || merged != row[w];
          row[w] = merged;
        }
      }
    }
  }

  for (size_t i = 0; i < n; ++i) {
    if (!ctx.graph.reachable[i]) continue;  // unreachable-node's finding
    const auto& node = f.nodes[i];
    for (const auto& r : reads[i]) {
      auto it = var_index.find(r.name);
      if (it != var_index.end() && may_be_set(i, it->second)) continue;
      std::string msg = "variable `" + r.name + "` is read by node \"" + node.id + "\" but ";
      std::string fix;
      if (it == var_index.end()) {
        msg += "no node sets it; set it first (a set_variable, dtmf or record node with `variable: " + r.name + "`)";
        std::string guess = closest_match(r.name, var_names);
        if (!guess.empty()) {
          msg += ", or did you mean `" + guess + "`?";
          if (r.at_name) fix = guess;
        }
      } else {
        std::vector<std::string> why;
        for (int s : setters[it->second]) {
          std::string who = "\"" + f.nodes[s].id + "\"";
          if (s == static_cast<int>(i)) who += " (this node: it reads the variable before setting it)";
          else if (!ctx.graph.reachable[s]) who += " (never reached from the start)";
          else if (leads_to(ctx.graph, static_cast<int>(i), s)) who += " (which runs after this node)";
          else who += " (on another path: no path from the start passes it before this node)";
          why.push_back(who);
        }
        msg += "may be unset there: it is set only by " + join_words(why, " and ") +
               "; set it on every path before this node (e.g. a set_variable with a default value near the start)";
      }
      out.report(kRuleUndefinedVariable, *r.at, msg, "", fix);
    }
  }
}

}  // namespace

const Rule kRuleUndefinedVariable = {
    "undefined-variable", diag::Severity::kWarning,
    "A variable (or tts {placeholder}) is read where no path from the start has set it.", false, check};

}  // namespace gomo::checks
