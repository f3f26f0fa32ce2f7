#include "flowtest/flowtest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "base/strings.h"
#include "document/document.h"
#include "document/limits.h"
#include "engine/contact.h"
#include "engine/scripted_softphone.h"
#include "model/flow.h"

namespace gomo::flowtest {

namespace fs = std::filesystem;
using document::Kind;
using document::Value;

namespace {

std::string where(const std::string& path, const Value& v) {
  return path + ":" + std::to_string(v.begin.line) + ":" + std::to_string(v.begin.col) + ": ";
}

Status error_at(const std::string& path, const Value& v, const std::string& msg) {
  return Status::invalid_argument(where(path, v) + msg);
}

Status unknown_key(const std::string& path, const Value& key, const std::vector<std::string>& known, const char* in) {
  std::string msg = "unknown field `" + key.text + "` in " + in + ": expected one of " + join(known, ", ");
  std::string guess = closest_match(key.text, known);
  if (!guess.empty()) msg += "; did you mean " + guess + "?";
  return error_at(path, key, msg);
}

Result<std::vector<std::string>> strings(const std::string& path, const Value& v, const char* what) {
  std::vector<std::string> out;
  if (v.is_string()) return std::vector<std::string>{v.text};
  if (!v.is_sequence()) return error_at(path, v, std::string("`") + what + "` must be a list of node ids");
  for (const auto& item : v.items) {
    if (!item.is_scalar() || item.is_null())
      return error_at(path, item, std::string("`") + what + "` must be a list of node ids");
    out.push_back(item.scalar_text());
  }
  return out;
}

// `${name}` in strings becomes the table row's value; a string that is exactly `${name}` takes the
// value with its type (a number stays a number).
void substitute(Value& v, const Value& row) {
  if (v.is_string()) {
    if (v.text.size() > 3 && starts_with(v.text, "${") && v.text.back() == '}' &&
        v.text.find('}') == v.text.size() - 1) {
      if (const Value* p = row.find(v.text.substr(2, v.text.size() - 3))) {
        auto begin = v.begin, end = v.end;
        v = *p;
        v.begin = begin;
        v.end = end;
        return;
      }
    }
    std::string out;
    for (size_t i = 0; i < v.text.size(); ++i) {
      size_t close;
      if (v.text.compare(i, 2, "${") == 0 && (close = v.text.find('}', i)) != std::string::npos) {
        if (const Value* p = row.find(v.text.substr(i + 2, close - i - 2))) {
          out += p->scalar_text();
          i = close;
          continue;
        }
      }
      out += v.text[i];
    }
    v.text = std::move(out);
  }
  for (auto& item : v.items) substitute(item, row);
  for (auto& m : v.members) substitute(m.value, row);
}

Status parse_expect(const std::string& path, const Value& e, Expectations& out) {
  if (!e.is_mapping()) return error_at(path, e, "`expect` must be a mapping");
  static const std::vector<std::string> kKeys = {"path",    "visits",    "notVisits", "endsAt",
                                                 "outputs", "variables", "outcome",   "maxDurationMs"};
  for (const auto& m : e.members) {
    const std::string& k = m.key.text;
    const Value& v = m.value;
    if (k == "path" || k == "visits" || k == "notVisits" || k == "outputs") {
      auto list = strings(path, v, k.c_str());
      if (!list) return list.error();
      if (k == "path") out.path = list.value();
      else (k == "visits" ? out.visits : k == "notVisits" ? out.not_visits : out.outputs) = list.value();
    } else if (k == "endsAt" || k == "outcome") {
      if (!v.is_string()) return error_at(path, v, "`" + k + "` must be text");
      (k == "endsAt" ? out.ends_at : out.outcome) = v.text;
      static const std::vector<std::string> kOutcomes = {"completed", "no_answer", "busy",
                                                         "rejected",  "voicemail", "failed"};
      if (k == "outcome" && std::find(kOutcomes.begin(), kOutcomes.end(), v.text) == kOutcomes.end())
        return error_at(path, v, "`outcome` must be one of " + join(kOutcomes, ", "));
    } else if (k == "variables") {
      if (!v.is_mapping()) return error_at(path, v, "`variables` must map names to values");
      for (const auto& var : v.members)
        out.variables.emplace_back(var.key.text, engine::Value::from_document(var.value));
    } else if (k == "maxDurationMs") {
      if (v.kind != Kind::kInt || v.integer < 0)
        return error_at(path, v, "`maxDurationMs` must be a whole number of milliseconds");
      out.max_duration_ms = v.integer;
    } else {
      return unknown_key(path, m.key, kKeys, "expect");
    }
  }
  return Status::ok();
}

Result<TestCase> parse_case(const std::string& path, const Value& c, const Value* default_contact) {
  TestCase tc;
  tc.line = c.begin.line;
  if (!c.is_mapping()) return error_at(path, c, "a case is a mapping with name, softphone/press, contact and expect");
  if (default_contact) {
    auto contact = engine::parse_contact(*default_contact, path);
    if (!contact) return contact.error();
    tc.contact = contact.value();
  }
  static const std::vector<std::string> kKeys = {"name",    "softphone", "script", "answer", "press",
                                                 "contact", "variables", "expect", "each"};
  for (const auto& m : c.members) {
    const std::string& k = m.key.text;
    const Value& v = m.value;
    if (k == "name") {
      tc.name = v.scalar_text();
    } else if (k == "softphone") {
      auto s = engine::parse_softphone_script(v, path);
      if (!s) return s.error();
      tc.script = s.value();
    } else if (k == "script") {
      if (!v.is_string()) return error_at(path, v, "`script` is the path of a softphone script");
      fs::path p = fs::path(v.text).is_absolute() ? fs::path(v.text) : fs::path(path).parent_path() / v.text;
      auto s = engine::load_softphone_script(p.string());
      if (!s) return s.error();
      tc.script = s.value();
    } else if (k == "answer") {
      Value wrapper;
      wrapper.kind = Kind::kMapping;
      wrapper.members.push_back({m.key, v});
      auto s = engine::parse_softphone_script(wrapper, path);
      if (!s) return s.error();
      tc.script.answer = s->answer;
    } else if (k == "press") {
      auto steps = engine::steps_from_presses(v.scalar_text());
      tc.script.steps.insert(tc.script.steps.end(), steps.begin(), steps.end());
    } else if (k == "contact") {
      if (!v.is_mapping()) return error_at(path, v, "`contact` must be a mapping");
      auto contact = engine::parse_contact(v, path);
      if (!contact) return contact.error();
      // Fields given here override the file's default contact.
      for (auto& [name, value] : contact->fields) tc.contact.fields[name] = value;
      for (auto& [name, value] : contact->attributes) tc.contact.attributes[name] = value;
      if (v.find("primaryPhone")) tc.contact.phone = contact->phone;
      if (v.find("id")) tc.contact.id = contact->id;
    } else if (k == "variables") {
      if (!v.is_mapping()) return error_at(path, v, "`variables` must map names to values");
      for (const auto& var : v.members) tc.variables[var.key.text] = engine::Value::from_document(var.value);
    } else if (k == "expect") {
      if (Status s = parse_expect(path, v, tc.expect); !s) return s;
    } else if (k != "each") {
      return unknown_key(path, m.key, kKeys, "a case");
    }
  }
  if (tc.name.empty()) return error_at(path, c, "every case needs a `name`");
  if (!c.find("expect"))
    return error_at(path, c, "case \"" + tc.name + "\" has no `expect`: a test that checks nothing cannot fail");
  return tc;
}

}  // namespace

Result<TestFile> load_test_file(const std::string& path) {
  auto text = document::read_input_text(path);
  if (!text && text.error().code() == StatusCode::kInvalidArgument) return text.error();  // over the input limit
  if (!text) return Status::not_found(path + ": cannot read the test file");
  return parse_test_file(path, std::move(text.value()));
}

Result<TestFile> parse_test_file(const std::string& path, std::string text) {
  auto doc = document::read_document(path, std::move(text));
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) +
                                    ": " + p.message);
  }
  const Value& root = doc->root;
  if (!root.is_mapping()) return error_at(path, root, "a test file is a mapping with `flow` and `cases`");
  TestFile tf;
  tf.path = path;
  static const std::vector<std::string> kKeys = {"flow", "contact", "cases", "$schema"};
  for (const auto& m : root.members)
    if (std::find(kKeys.begin(), kKeys.end(), m.key.text) == kKeys.end())
      return unknown_key(path, m.key, kKeys, "a test file");
  const Value* flow = root.find("flow");
  if (!flow || !flow->is_string())
    return error_at(path, flow ? *flow : root, "`flow` must name the flow file to test (relative to this file)");
  tf.flow_path = fs::path(flow->text).is_absolute()
                     ? flow->text
                     : (fs::path(path).parent_path() / flow->text).lexically_normal().string();
  const Value* contact = root.find("contact");
  const Value* cases = root.find("cases");
  if (!cases || !cases->is_sequence() || cases->items.empty())
    return error_at(path, cases ? *cases : root, "`cases` must be a non-empty list");
  for (const auto& c : cases->items) {
    const Value* each = c.find("each");
    if (!each) {
      auto tc = parse_case(path, c, contact);
      if (!tc) return tc.error();
      tf.cases.push_back(std::move(tc.value()));
      continue;
    }
    if (!each->is_sequence() || each->items.empty())
      return error_at(path, *each, "`each` must be a non-empty list of parameter maps");
    for (const auto& row : each->items) {
      if (!row.is_mapping()) return error_at(path, row, "each row of `each` maps parameter names to values");
      Value copy = c;
      substitute(copy, row);
      auto tc = parse_case(path, copy, contact);
      if (!tc) return tc.error();
      tc->line = row.begin.line;
      tf.cases.push_back(std::move(tc.value()));
    }
  }
  return tf;
}

Result<std::vector<std::string>> find_test_files(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  auto is_test = [](const std::string& name) {
    return ends_with(name, ".test.yaml") || ends_with(name, ".test.yml") || ends_with(name, ".test.json");
  };
  for (const auto& arg : args) {
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(arg, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file() && is_test(it->path().filename().string())) found.push_back(it->path().string());
      if (found.empty())
        return Status::not_found(arg + ": no test files (*.test.yaml, *.test.yml, *.test.json) in this directory");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(arg, ec)) {
      out.push_back(arg);
    } else {
      return Status::not_found(arg + ": no such file or directory");
    }
  }
  if (out.empty()) return Status::invalid_argument("no test files given");
  return out;
}

namespace {

std::string edge_name(const model::Edge& e) { return e.name == "branches" ? "branches." + e.digit : e.name; }

void check_case(const TestCase& tc, const model::Flow& flow, CaseResult& r) {
  const auto& call = r.call;
  auto fail = [&](std::string msg) {
    r.passed = false;
    r.failures.push_back(std::move(msg));
  };
  auto known = [&](const std::string& id, const char* what) {
    if (flow.find(id)) return true;
    std::vector<std::string> ids;
    for (const auto& n : flow.nodes) ids.push_back(n.id);
    std::string guess = closest_match(id, ids);
    fail(std::string(what) + ": the flow has no node \"" + id + "\"" +
         (guess.empty() ? "" : "; did you mean \"" + guess + "\"?"));
    return false;
  };
  std::vector<std::string> actual;
  for (const auto& p : call.path) actual.emplace_back(p.node_id);
  const Expectations& e = tc.expect;
  if (e.path && *e.path != actual) {
    fail("path differs");
    r.expected_path = *e.path;
    r.actual_path = actual;
  }
  for (const auto& id : e.visits)
    if (known(id, "visits") && !call.visits_of(id))
      fail("expected a visit to " + id + ", but the call never reached it");
  for (const auto& id : e.not_visits)
    if (known(id, "notVisits") && call.visits_of(id)) fail("expected no visit to " + id + ", but the call went there");
  if (e.ends_at && known(*e.ends_at, "endsAt") && (actual.empty() || actual.back() != *e.ends_at))
    fail("expected the call to end at " + *e.ends_at + ", but it ended at " +
         (actual.empty() ? "<nothing>" : actual.back()) + " (" + call.outcome_reason + ")");
  std::set<std::string> taken;
  for (const auto& [node, output] : call.edges_taken) taken.insert(flow.nodes[node].id + "." + output);
  for (const auto& o : e.outputs)
    if (!taken.count(o))
      fail("expected output " + o +
           " to be taken; taken: " + join(std::vector<std::string>(taken.begin(), taken.end()), ", "));
  for (const auto& [name, value] : e.variables) {
    auto it = call.final_variables.find(name);
    if (it == call.final_variables.end())
      fail("expected variable " + name + " = \"" + value.text() + "\", but it was never set");
    else if (it->second.text() != value.text())
      fail("expected variable " + name + " = \"" + value.text() + "\", got \"" + it->second.text() + "\"");
  }
  if (e.outcome && *e.outcome != call.outcome)
    fail("expected outcome " + *e.outcome + ", got " + call.outcome + " (" + call.outcome_reason + ")");
  if (e.max_duration_ms && call.duration_ms > *e.max_duration_ms)
    fail("the call took " + std::to_string(call.duration_ms) + " ms, more than maxDurationMs " +
         std::to_string(*e.max_duration_ms));
}

}  // namespace

RunResult run_tests(const std::vector<std::string>& files) {
  RunResult result;
  auto& flows = result.flows;  // loaded once per flow file
  for (const auto& path : files) {
    FileResult fr;
    fr.path = path;
    auto tf = load_test_file(path);
    if (!tf) {
      fr.error = tf.error().message();
      result.files.push_back(std::move(fr));
      continue;
    }
    if (!flows.count(tf->flow_path)) {
      auto read = document::read_document_file(tf->flow_path);
      if (!read) {
        fr.error = path + ": cannot read the flow " + tf->flow_path;
        result.files.push_back(std::move(fr));
        continue;
      }
      auto doc = std::move(read.value());
      if (!doc->parsed) {
        const auto& p = doc->problems.front();
        fr.error = tf->flow_path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) + ": " +
                   p.message + " (run gomo flow validate)";
        result.files.push_back(std::move(fr));
        continue;
      }
      auto flow = std::make_unique<model::Flow>(model::build_flow(*doc));
      Coverage cov;
      cov.flow_path = tf->flow_path;
      cov.flow_name = flow->name;
      for (const auto& n : flow->nodes) {
        cov.nodes.push_back(n.id);
        for (const auto& e : n.edges) cov.edges.push_back(n.id + "." + edge_name(e));
      }
      result.coverage[tf->flow_path] = std::move(cov);
      flows.emplace(tf->flow_path, std::move(flow));
      result.documents.push_back(std::move(doc));
    }
    const model::Flow& flow = *flows.at(tf->flow_path);
    Coverage& cov = result.coverage[tf->flow_path];
    for (const auto& tc : tf->cases) {
      CaseResult cr;
      cr.name = tc.name;
      cr.line = tc.line;
      engine::EngineOptions options;
      options.variables = tc.variables;
      engine::ScriptedSoftphone phone(tc.script);
      cr.call = engine::run_call(flow, tc.contact, phone, options);
      check_case(tc, flow, cr);
      for (const auto& p : cr.call.path) cov.covered_nodes.emplace(p.node_id);
      for (const auto& [node, output] : cr.call.edges_taken)
        cov.covered_edges.insert(flow.nodes[node].id + "." + output);
      (cr.passed ? result.passed : result.failed)++;
      fr.cases.push_back(std::move(cr));
    }
    result.files.push_back(std::move(fr));
  }
  return result;
}

Verdict verdict(const RunResult& result, double min_coverage) {
  for (const auto& f : result.files)
    if (!f.error.empty()) return Verdict::kUnloadable;
  if (result.failed) return Verdict::kFailed;
  for (const auto& [path, cov] : result.coverage)
    if (cov.edge_percent() + 1e-9 < min_coverage) return Verdict::kCoverageBelowMinimum;
  return Verdict::kPassed;
}

}  // namespace gomo::flowtest
