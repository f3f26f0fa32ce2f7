#include "model/project_config.h"

#include <filesystem>
#include <fstream>

#include "base/strings.h"
#include "document/document.h"
#include "document/limits.h"
#include "document/value_error.h"

namespace gomo::model {

namespace fs = std::filesystem;
using document::Value;

std::optional<std::string> find_project_config(const std::string& start_dir) {
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir, ec);
  if (ec) return std::nullopt;
  while (true) {
    fs::path candidate = dir / ".gomo.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (fs::exists(dir / ".git", ec) || !dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

namespace {

using document::error_at;

Status read_strings(const std::string& path, const Value& v, const std::string& key, std::vector<std::string>& out) {
  if (v.is_string()) {
    out.push_back(v.text);
    return Status::ok();
  }
  if (!v.is_sequence()) return error_at(path, v, "`" + key + "` must be a list of strings");
  for (const auto& item : v.items) {
    if (!item.is_string()) return error_at(path, item, "`" + key + "` must be a list of strings");
    out.push_back(item.text);
  }
  return Status::ok();
}

// `severity: {RULE: error|warning|info|off}` into `out`.
Status read_severity(const std::string& path, const Value& v, std::map<std::string, std::string>& out) {
  if (!v.is_mapping()) return error_at(path, v, "`severity` must map rule ids to error, warning, info or off");
  for (const auto& r : v.members) {
    if (!r.value.is_string() ||
        (r.value.text != "error" && r.value.text != "warning" && r.value.text != "info" && r.value.text != "off"))
      return error_at(path, r.value, "severity of `" + r.key.text + "` must be error, warning, info or off");
    out[r.key.text] = r.value.text;
  }
  return Status::ok();
}

// The `program:` section.
Status read_program_section(const std::string& path, const Value& section, ProgramConfig& out) {
  if (!section.is_mapping()) return error_at(path, section, "`program` must be a mapping");
  for (const auto& m : section.members) {
    const std::string& k = m.key.text;
    if (k == "strict") {
      if (m.value.kind != document::Kind::kBool) return error_at(path, m.value, "`strict` must be true or false");
      out.strict = m.value.boolean;
    } else if (k == "ignore") {
      if (Status s = read_strings(path, m.value, k, out.ignore); !s) return s;
    } else if (k == "severity") {
      if (Status s = read_severity(path, m.value, out.severity); !s) return s;
    } else {
      std::string msg = "unknown key `" + k + "`: expected one of strict, ignore, severity";
      if (std::string guess = closest_match(k, {"strict", "ignore", "severity"}); !guess.empty())
        msg += "; did you mean " + guess + "?";
      return error_at(path, m.key, msg);
    }
  }
  return Status::ok();
}

Status unknown_key(const std::string& path, const Value& key, const std::vector<std::string>& known) {
  std::string msg = "unknown key `" + key.text + "`: expected one of " + join(known, ", ");
  std::string guess = closest_match(key.text, known);
  if (!guess.empty()) msg += "; did you mean " + guess + "?";
  return error_at(path, key, msg);
}

}  // namespace

Result<ProjectConfig> load_project_config(const std::string& path) {
  auto read = document::read_document_file(path, document::Format::kYaml);
  if (!read) return Status::not_found(path + ": cannot read the config file");
  auto doc = std::move(read.value());
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) +
                                    ": " + p.message);
  }
  ProjectConfig cfg;
  cfg.path = path;
  const Value& root = doc->root;
  if (root.is_null()) return cfg;
  if (!root.is_mapping())
    return error_at(path, root, "the config file must be a mapping (e.g. `validate: {strict: true}`)");
  const fs::path base = fs::path(path).parent_path();
  auto relative = [&](const std::string& p) { return fs::path(p).is_absolute() ? p : (base / p).string(); };
  for (const auto& top : root.members) {
    if (top.key.text == "program") {
      if (Status s = read_program_section(path, top.value, cfg.program); !s) return s;
      continue;
    }
    if (top.key.text != "validate") return unknown_key(path, top.key, {"validate", "program"});
    if (!top.value.is_mapping()) return error_at(path, top.value, "`validate` must be a mapping");
    static const std::vector<std::string> kKeys = {"strict",  "target",       "ignore",    "severity",
                                                   "exclude", "audioCatalog", "attributes"};
    for (const auto& m : top.value.members) {
      const std::string& k = m.key.text;
      const Value& v = m.value;
      if (k == "strict") {
        if (v.kind != document::Kind::kBool) return error_at(path, v, "`strict` must be true or false");
        cfg.validate.strict = v.boolean;
      } else if (k == "target") {
        if (!v.is_string() || (v.text != "local" && v.text != "gomobile"))
          return error_at(path, v, "`target` must be `local` or `gomobile`");
        cfg.validate.target = v.text;
      } else if (k == "ignore") {
        if (Status s = read_strings(path, v, k, cfg.validate.ignore); !s) return s;
      } else if (k == "exclude") {
        if (Status s = read_strings(path, v, k, cfg.validate.exclude); !s) return s;
      } else if (k == "severity") {
        if (Status s = read_severity(path, v, cfg.validate.severity); !s) return s;
      } else if (k == "audioCatalog" || k == "attributes") {
        if (!v.is_string()) return error_at(path, v, "`" + k + "` must be a file path");
        (k == "audioCatalog" ? cfg.validate.audio_catalog : cfg.validate.attributes) = relative(v.text);
      } else {
        return unknown_key(path, m.key, kKeys);
      }
    }
  }
  return cfg;
}

Result<std::optional<ProjectConfig>> load_chosen_project_config(const std::string& config_path, bool no_config) {
  if (no_config) return std::optional<ProjectConfig>();
  std::optional<std::string> path = config_path.empty() ? find_project_config(".") : config_path;
  if (!path) return std::optional<ProjectConfig>();
  auto loaded = load_project_config(*path);
  if (!loaded) return loaded.error();
  return std::optional<ProjectConfig>(std::move(loaded.value()));
}

}  // namespace gomo::model
