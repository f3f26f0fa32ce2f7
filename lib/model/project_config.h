#pragma once
// `.gomo.yaml`: project settings for gomo commands, found in the current directory or a parent
// (stopping at the repository root). Flags override it; see docs/config.md.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace gomo::model {

struct ValidateConfig {
  std::optional<bool> strict;
  std::optional<std::string> target;            // "local" | "gomobile"
  std::vector<std::string> ignore;              // rule ids
  std::map<std::string, std::string> severity;  // rule id -> error|warning|info|off
  std::vector<std::string> exclude;             // glob patterns
  std::optional<std::string> audio_catalog;     // paths, relative to the config file
  std::optional<std::string> attributes;
};

// `program:`: what `gomo program validate` reports (program rule ids: docs/program-rules.md).
struct ProgramConfig {
  std::optional<bool> strict;
  std::vector<std::string> ignore;              // rule ids
  std::map<std::string, std::string> severity;  // rule id -> error|warning|info|off
};

struct ProjectConfig {
  std::string path;  // "" when no file was found
  ValidateConfig validate;
  ProgramConfig program;
};

// Searches `start_dir` and its parents for .gomo.yaml (stops after a directory holding .git).
std::optional<std::string> find_project_config(const std::string& start_dir);

// Reads and checks a config file; unknown keys and wrong types are errors with file:line:col.
Result<ProjectConfig> load_project_config(const std::string& path);

// The config a command uses: the file `config_path` names (--config), else the one
// find_project_config finds from the current directory; nothing with `no_config` (--no-config) or
// when none is found. Errors: as load_project_config.
Result<std::optional<ProjectConfig>> load_chosen_project_config(const std::string& config_path, bool no_config);

}  // namespace gomo::model
