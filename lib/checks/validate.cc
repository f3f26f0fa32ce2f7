#include "checks/validate.h"

#include <fnmatch.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "base/files.h"
#include "base/strings.h"
#include "checks/registry.h"
#include "checks/rule_selection.h"
#include "document/document.h"
#include "document/limits.h"
#include "model/flow.h"

namespace gomo::checks {

namespace fs = std::filesystem;

namespace {

bool is_flow_file(const fs::path& p) {
  std::string ext = to_lower(p.extension().string());
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// Program files (`gomo program validate`) by the naming convention *.program.yaml, and outcome mixes
// (`gomo program simulate --mix`) by *.mix.yaml: not flows.
bool is_program_file(const std::string& name) {
  for (const char* kind : {".program.", ".mix."}) {
    for (const char* ext : {"yaml", "yml", "json"})
      if (ends_with(name, std::string(kind) + ext)) return true;
  }
  return false;
}

bool is_flow_test(const std::string& name) {
  return ends_with(name, ".test.yaml") || ends_with(name, ".test.yml") || ends_with(name, ".test.json");
}

bool suppressed_by_node(const model::Flow& flow, const diag::Diagnostic& d) {
  for (const auto& n : flow.nodes) {
    if (n.ignored_rules.empty() || d.location.line < n.first_line || d.location.line > n.last_line) continue;
    for (const auto& r : n.ignored_rules)
      if (r == d.rule || r == "all") return true;
  }
  return false;
}

// ValidateOptions::keep_documents: reachable from a global that is never destroyed.
void keep_until_exit(std::unique_ptr<document::Document> doc) {
  static std::mutex mutex;
  static auto* kept = new std::vector<std::unique_ptr<document::Document>>();
  std::lock_guard<std::mutex> lock(mutex);
  kept->push_back(std::move(doc));
}

}  // namespace

bool Exclusion::matches(const std::string& path, bool is_directory) const {
  if (patterns.empty()) return false;
  const fs::path p(path);
  const std::string name = p.filename().string();
  std::string relative;  // to base, with `/`; "" when outside it
  bool have_relative = false;
  for (const auto& raw : patterns) {
    std::string pattern = raw;
    if (ends_with(pattern, "/")) {
      if (!is_directory) continue;
      pattern.pop_back();
    }
    if (pattern.find('/') == std::string::npos) {
      if (fnmatch(pattern.c_str(), name.c_str(), 0) == 0) return true;
      continue;
    }
    while (starts_with(pattern, "./")) pattern.erase(0, 2);
    if (!have_relative) {
      have_relative = true;
      std::error_code ec;
      fs::path absolute = p.is_absolute() ? p : fs::absolute(p, ec);
      fs::path from = base.empty() ? fs::current_path(ec) : fs::path(base);
      fs::path rel = absolute.lexically_normal().lexically_relative(from.lexically_normal());
      relative = rel.generic_string();
      if (relative.empty() || starts_with(relative, "..")) relative.clear();
    }
    if (!relative.empty() && fnmatch(pattern.c_str(), relative.c_str(), 0) == 0) return true;
  }
  return false;
}

Result<std::vector<Input>> expand_inputs(const std::vector<std::string>& args, const Exclusion& exclude,
                                         std::vector<std::string>* notes) {
  std::vector<Input> out;
  std::vector<std::string> said;
  for (const auto& arg : args) {
    if (arg == "-") {
      Input in;
      in.path = "<stdin>";
      in.from_stdin = true;
      in.text = document::read_bounded(std::cin);
      out.push_back(std::move(in));
      continue;
    }
    std::error_code ec;
    auto status = fs::status(arg, ec);
    if (!fs::is_directory(status)) {
      // Missing or unreadable files are read (and reported) like any other: one bad path must not
      // cost the other files their results.
      if (exclude.force && exclude.matches(arg, false)) {
        said.push_back(arg + ": skipped (matches `exclude` in the project config, and --force-exclude)");
        continue;
      }
      out.push_back(Input{arg, "", false});
      continue;
    }
    if (exclude.force && exclude.matches(arg, true)) {
      said.push_back(arg + ": skipped (matches `exclude` in the project config, and --force-exclude)");
      continue;
    }
    std::vector<std::string> found;
    size_t excluded = 0, tests = 0;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) return Status::io_error(arg + ": " + ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) return Status::io_error(arg + ": " + ec.message());
      const auto name = it->path().filename().string();
      const bool is_dir = it->is_directory(ec);
      if ((!name.empty() && name[0] == '.') || (is_dir && name == "node_modules")) {
        if (is_dir) it.disable_recursion_pending();
        continue;
      }
      if (is_dir) {
        if (exclude.matches(it->path().string(), true)) {
          it.disable_recursion_pending();
          ++excluded;
        }
        continue;
      }
      if (!it->is_regular_file(ec) || !is_flow_file(it->path())) continue;
      if (is_flow_test(name)) {
        ++tests;
        continue;
      }
      if (is_program_file(name)) continue;
      if (exclude.matches(it->path().string(), false)) {
        ++excluded;
        continue;
      }
      found.push_back(it->path().string());
    }
    if (found.empty()) {
      std::string why = arg + ": no flow files (*.yaml, *.yml, *.json) to check in this directory";
      if (excluded || tests) {
        std::vector<std::string> parts;
        if (excluded) parts.push_back(std::to_string(excluded) + " excluded by `exclude` in the project config");
        if (tests) parts.push_back(std::to_string(tests) + " flow test" + (tests == 1 ? "" : "s") + " (*.test.yaml)");
        why += " (" + join(parts, ", ") + ")";
      }
      said.push_back(std::move(why));
      continue;
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) out.push_back(Input{std::move(f), "", false});
  }
  if (out.empty()) {
    if (said.empty()) return Status::invalid_argument("no input files");
    return Status::not_found(said.size() == 1 ? said[0] : "no flow files to check: " + join(said, "; "));
  }
  if (notes) notes->insert(notes->end(), said.begin(), said.end());
  return out;
}

// Checks one document read from `path`; with `keep`, a document that parsed is handed back there
// instead of freed.
static FileResult check_document(const std::string& path, std::unique_ptr<document::Document> doc,
                                 const ValidateOptions& options, std::shared_ptr<const document::Document>* keep) {
  FileResult result;
  result.path = path;
  std::vector<diag::Diagnostic> diags;
  for (const auto& p : doc->problems) diags.push_back(diag::from_problem(*doc, p));
  model::Flow flow;
  if (!doc->parsed) {
    result.unreadable = true;
  } else {
    flow = model::build_flow(*doc);
    CheckContext ctx{flow, options.check, build_graph_index(flow)};
    Reporter reporter(*doc);
    for (const Rule* rule : all_rules())
      if (rule->check) rule->check(ctx, reporter);
    for (auto& d : reporter.diagnostics()) diags.push_back(std::move(d));
  }
  for (auto& d : diags) {
    if (options.ignored_rules.count(d.rule)) continue;
    if (doc->parsed && suppressed_by_node(flow, d)) continue;
    if (auto it = options.severity.find(d.rule); it != options.severity.end()) d.severity = it->second;
    // Messages quote ids and values from the file: every format shows their control characters
    // escaped (\x1b), so none reaches a terminal or a CI log.
    d.message = diag::visible(d.message);
    d.related = diag::visible(d.related);
    result.diagnostics.push_back(std::move(d));
  }
  diag::sort_and_dedupe(result.diagnostics);
  diag::SnippetCursor cursor;  // in (line, col) order now: one walk per long line
  for (auto& d : result.diagnostics) diag::set_snippet(d, doc->line_text(d.location.line), &cursor);
  if (keep && doc->parsed) *keep = std::move(doc);
  else if (options.keep_documents) keep_until_exit(std::move(doc));
  return result;
}

// validate_text; with `keep`, as check_document.
static FileResult check_text(const std::string& path, std::string text, const ValidateOptions& options,
                             std::shared_ptr<const document::Document>* keep) {
  return check_document(path, document::read_document(path, std::move(text)), options, keep);
}

FileResult validate_text(const std::string& path, std::string text, const ValidateOptions& options) {
  return check_text(path, std::move(text), options, nullptr);
}

FileResult validate_text(const std::string& path, std::string text, const ValidateOptions& options,
                         std::shared_ptr<const document::Document>* document) {
  document->reset();
  return check_text(path, std::move(text), options, document);
}

namespace {

FileResult failed_file(const std::string& path, const char* rule, std::string message) {
  FileResult r;
  r.path = path;
  r.unreadable = true;
  diag::Diagnostic d;
  d.rule = rule;
  d.message = diag::visible(message);
  d.location.file = path;
  r.diagnostics.push_back(std::move(d));
  return r;
}

// One file, whatever happens: an exception is that file's finding, never the end of the run.
template <typename Check>
FileResult check_guarded(const std::string path, Check&& check) {  // a copy: `check` may move the input
  try {
    return check();
  } catch (const std::bad_alloc&) {
    return failed_file(path, "read-error", "out of memory while checking this file; it was not checked");
  } catch (const std::length_error&) {
    return failed_file(path, "read-error", "the file is too large to check; it was not checked");
  } catch (const std::exception& e) {
    return failed_file(path, "internal-error",
                       std::string("internal error while checking this file (") + e.what() + "); please report it");
  } catch (...) {
    return failed_file(path, "internal-error", "internal error while checking this file; please report it");
  }
}

}  // namespace

// Reads and checks one input; with `keep`, as check_text.
static FileResult check_input(Input& in, const ValidateOptions& options,
                              std::shared_ptr<const document::Document>* keep) {
  if (in.from_stdin) return check_text(in.path, std::move(in.text), options, keep);
  // Past the readers' limit, its size (or its first bytes, from a pipe) is enough to refuse it.
  auto doc = document::read_document_file(in.path);
  if (!doc) {
    if (doc.error().code() == StatusCode::kNotFound)
      return failed_file(in.path, "read-error", "no such file or directory");
    return failed_file(in.path, "read-error", "cannot read the file: " + doc.error().message());
  }
  return check_document(in.path, std::move(doc.value()), options, keep);
}

static FileResult validate_input(Input& in, const ValidateOptions& options) {
  return check_input(in, options, nullptr);
}

// Calls check(i) for i in [0, count), `jobs` at a time (0: one per core); results in index order.
template <typename Check>
static std::vector<FileResult> check_all(size_t count, unsigned jobs, Check check) {
  std::vector<FileResult> results(count);
  jobs = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(count));
  if (jobs <= 1) {
    for (size_t i = 0; i < count; ++i) results[i] = check(i);
    return results;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < count;) results[i] = check(i);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  return results;
}

std::vector<FileResult> validate_inputs(std::vector<Input> inputs, const ValidateOptions& options) {
  return validate_inputs(std::move(inputs), options, validate_input);
}

std::vector<FileResult> validate_inputs(std::vector<Input> inputs, const ValidateOptions& options, FileCheck check) {
  return check_all(inputs.size(), options.jobs,
                   [&](size_t i) { return check_guarded(inputs[i].path, [&] { return check(inputs[i], options); }); });
}

std::vector<FileResult> validate_inputs(std::vector<Input> inputs, const ValidateOptions& options,
                                        std::vector<std::shared_ptr<const document::Document>>* documents) {
  documents->assign(inputs.size(), nullptr);
  return check_all(inputs.size(), options.jobs, [&](size_t i) {
    return check_guarded(inputs[i].path, [&] { return check_input(inputs[i], options, &(*documents)[i]); });
  });
}

Result<std::set<std::string>> load_catalog(const std::string& path, const std::string& field) {
  auto read = document::read_document_file(path);
  if (!read) return Status::not_found(path + ": cannot read the catalog file");
  std::unique_ptr<document::Document> doc = std::move(read.value());
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) +
                                    ": " + p.message);
  }
  const document::Value* list = &doc->root;
  if (list->is_mapping()) list = list->find("data");
  if (!list || !list->is_sequence())
    return Status::invalid_argument(path + ": expected a list of " + field + "s (or an object with a `data` list)");
  std::set<std::string> out;
  for (const auto& item : list->items) {
    if (item.is_string()) out.insert(item.text);
    else if (const document::Value* v = item.find(field); v && v->is_scalar()) out.insert(v->scalar_text());
    else
      return Status::invalid_argument(path + ":" + std::to_string(item.begin.line) + ":" +
                                      std::to_string(item.begin.col) + ": expected a string or an object with `" +
                                      field + "`");
  }
  return out;
}

}  // namespace gomo::checks

#include "model/project_config.h"

namespace gomo::checks {

// The ids `flow validate` accepts: its rules, and the ids reported outside the rule table (read-error,
// internal-error, remote-validation: `flow validate --remote`) and "all" (inline suppressions).
static KnownRules flow_rule_ids() {
  KnownRules known;
  for (const Rule* r : all_rules()) known.ids.push_back(r->id);
  known.also = {"all", "read-error", "internal-error", "remote-validation"};
  known.list_hint = "run `gomo help rules` for the list";
  return known;
}

Exclusion project_exclusion(const model::ProjectConfig& config) {
  Exclusion out;
  out.patterns = config.validate.exclude;
  if (!config.path.empty()) {
    std::error_code ec;
    out.base = fs::absolute(fs::path(config.path), ec).parent_path().lexically_normal().string();
  }
  return out;
}

Result<ResolvedValidate> resolve_validate(const ValidateRequest& request, const model::ProjectConfig* config) {
  ResolvedValidate out;
  const model::ValidateConfig empty;
  const model::ValidateConfig& cfg = config ? config->validate : empty;
  const std::string cfg_name = config ? config->path : "";
  out.strict = request.strict.value_or(cfg.strict.value_or(false));
  std::string target = request.target.value_or(cfg.target.value_or("local"));
  if (target != "local" && target != "gomobile")
    return Status::invalid_argument("--target must be local or gomobile, not `" + target + "`");
  out.options.check.target = target == "gomobile" ? Target::kGomobile : Target::kLocal;
  auto rules = select_rules(request.ignore, cfg.ignore, cfg.severity, cfg_name, flow_rule_ids());
  if (!rules) return rules.error();
  out.options.ignored_rules = std::move(rules->ignored);
  out.options.severity = std::move(rules->severity);
  if (config) out.options.exclude = project_exclusion(*config);
  out.options.exclude.force = request.force_exclude;
  out.options.jobs = request.jobs;
  if (auto path = request.audio_catalog ? request.audio_catalog : cfg.audio_catalog) {
    auto ids = load_catalog(*path, "id");
    if (!ids) return ids.error();
    out.options.check.has_audio_catalog = true;
    out.options.check.audio_ids = std::move(ids.value());
  }
  if (auto path = request.attributes ? request.attributes : cfg.attributes) {
    auto names = load_catalog(*path, "name");
    if (!names) return names.error();
    out.options.check.has_attribute_catalog = true;
    out.options.check.attribute_names = std::move(names.value());
  }
  return out;
}

Verdict validate_verdict(const std::vector<FileResult>& files, bool strict) {
  bool failed = false;
  for (const auto& f : files) {
    if (f.unreadable) return Verdict::kUnreadable;
    auto c = diag::count(f.diagnostics);
    if (c.errors || (strict && c.warnings)) failed = true;
  }
  return failed ? Verdict::kFindings : Verdict::kClean;
}

}  // namespace gomo::checks
