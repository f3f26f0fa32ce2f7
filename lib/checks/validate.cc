#include "checks/validate.h"

#include <fnmatch.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "base/strings.h"
#include "checks/registry.h"
#include "document/document.h"
#include "model/flow.h"

namespace gomo::checks {

namespace fs = std::filesystem;

namespace {

bool is_flow_file(const fs::path& p) {
  std::string ext = to_lower(p.extension().string());
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

bool excluded(const std::string& path, const std::vector<std::string>& exclude) {
  for (const auto& pattern : exclude) {
    if (fnmatch(pattern.c_str(), path.c_str(), 0) == 0) return true;
    // Patterns without a slash match the file name anywhere, like .gitignore.
    if (pattern.find('/') == std::string::npos &&
        fnmatch(pattern.c_str(), fs::path(path).filename().c_str(), 0) == 0)
      return true;
  }
  return false;
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

Result<std::vector<Input>> expand_inputs(const std::vector<std::string>& args, const std::vector<std::string>& exclude) {
  std::vector<Input> out;
  for (const auto& arg : args) {
    if (arg == "-") {
      Input in;
      in.path = "<stdin>";
      in.from_stdin = true;
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      in.text = ss.str();
      out.push_back(std::move(in));
      continue;
    }
    std::error_code ec;
    auto status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) return Status::not_found(arg + ": no such file or directory");
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) return Status::io_error(arg + ": " + ec.message());
      for (; it != end; it.increment(ec)) {
        if (ec) return Status::io_error(arg + ": " + ec.message());
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_directory() && name == "node_modules") {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && is_flow_file(it->path()) && !excluded(it->path().string(), exclude))
          found.push_back(it->path().string());
      }
      if (found.empty())
        return Status::not_found(arg + ": no flow files (*.yaml, *.yml, *.json) in this directory");
      std::sort(found.begin(), found.end());
      for (auto& f : found) out.push_back(Input{std::move(f), "", false});
    } else {
      out.push_back(Input{arg, "", false});
    }
  }
  if (out.empty()) return Status::invalid_argument("no input files");
  return out;
}

FileResult validate_text(const std::string& path, std::string text, const ValidateOptions& options) {
  FileResult result;
  result.path = path;
  auto doc = document::read_document(path, std::move(text));
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
    d.snippet = std::string(doc->line_text(d.location.line));
    result.diagnostics.push_back(std::move(d));
  }
  diag::sort_and_dedupe(result.diagnostics);
  if (options.keep_documents) keep_until_exit(std::move(doc));
  return result;
}

static FileResult validate_input(Input& in, const ValidateOptions& options) {
  if (in.from_stdin) return validate_text(in.path, std::move(in.text), options);
  std::ifstream f(in.path, std::ios::binary);
  if (!f) {
    FileResult r;
    r.path = in.path;
    r.unreadable = true;
    diag::Diagnostic d;
    d.rule = "read-error";
    d.message = "cannot read the file: " + std::string(std::strerror(errno));
    d.location.file = in.path;
    r.diagnostics.push_back(std::move(d));
    return r;
  }
  // One read of the whole file: istreambuf_iterator goes a byte at a time (7% of validate's time).
  // Pipes (<(cmd)) cannot seek: read those as a stream.
  f.seekg(0, std::ios::end);
  const std::streamoff size = f.tellg();
  std::string text;
  if (size < 0) {
    f.clear();
    text.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  } else {
    f.seekg(0, std::ios::beg);
    text.resize(static_cast<size_t>(size));
    f.read(text.data(), size);
    text.resize(static_cast<size_t>(f.gcount()));
  }
  return validate_text(in.path, std::move(text), options);
}

std::vector<FileResult> validate_inputs(std::vector<Input> inputs, const ValidateOptions& options) {
  std::vector<FileResult> results(inputs.size());
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(inputs.size()));
  if (jobs <= 1) {
    for (size_t i = 0; i < inputs.size(); ++i) results[i] = validate_input(inputs[i], options);
    return results;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < inputs.size();) results[i] = validate_input(inputs[i], options);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  return results;
}

Result<std::set<std::string>> load_catalog(const std::string& path, const std::string& field) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::not_found(path + ": cannot read the catalog file");
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  auto doc = document::read_document(path, std::move(text));
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) + ": " + p.message);
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
      return Status::invalid_argument(path + ":" + std::to_string(item.begin.line) + ":" + std::to_string(item.begin.col) +
                                      ": expected a string or an object with `" + field + "`");
  }
  return out;
}

}  // namespace gomo::checks

#include "model/project_config.h"

namespace gomo::checks {

static Status check_rule_id(const std::string& id, const std::string& where) {
  // read-error and remote-validation (`flow validate --remote`) are reported outside the rule table.
  if (id == "all" || find_rule(id) || id == "read-error" || id == "remote-validation") return Status::ok();
  std::vector<std::string> ids;
  for (const Rule* r : all_rules()) ids.push_back(r->id);
  std::string msg = where + ": unknown rule `" + id + "`";
  std::string guess = closest_match(id, ids);
  msg += guess.empty() ? "; run `gomo help rules` for the list" : "; did you mean " + guess + "?";
  return Status::invalid_argument(msg);
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
  for (const auto& id : cfg.ignore) {
    if (Status s = check_rule_id(id, cfg_name); !s) return s;
    out.options.ignored_rules.insert(id);
  }
  for (const auto& list : request.ignore) {
    std::string item;
    for (size_t i = 0; i <= list.size(); ++i) {
      if (i == list.size() || list[i] == ',') {
        if (!item.empty()) {
          if (Status s = check_rule_id(item, "--ignore"); !s) return s;
          out.options.ignored_rules.insert(item);
        }
        item.clear();
      } else if (list[i] != ' ') {
        item += list[i];
      }
    }
  }
  for (const auto& [id, sev] : cfg.severity) {
    if (Status s = check_rule_id(id, cfg_name); !s) return s;
    if (sev == "off") {
      out.options.ignored_rules.insert(id);
      continue;
    }
    diag::Severity level;
    if (!diag::parse_severity(sev, &level)) return Status::invalid_argument(cfg_name + ": bad severity `" + sev + "`");
    out.options.severity[id] = level;
  }
  out.options.exclude = cfg.exclude;
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

int validate_exit_code(const std::vector<FileResult>& files, bool strict) {
  bool failed = false;
  for (const auto& f : files) {
    if (f.unreadable) return 2;
    auto c = diag::count(f.diagnostics);
    if (c.errors || (strict && c.warnings)) failed = true;
  }
  return failed ? 1 : 0;
}

}  // namespace gomo::checks
