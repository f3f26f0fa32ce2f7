#pragma once
// `gomo execution resume --auto-pause-rules FILE`: the rules that replace an execution's, from a YAML
// or JSON file.
#include <string>
#include <vector>

#include "api/platform.h"
#include "base/status.h"

namespace gomo::programs {

// Reads `text` (from `path`, for messages; the format by extension, else by content): a list of
// rules `{nodeId, threshold, resetOnResume?}`, or a mapping whose `autoPauseRules` is that list (a
// program file's key). An empty list removes every rule. Errors are kInvalidArgument, positioned:
// "rules.yaml:3:14: threshold must be an integer >= 1, got 0" (unknown keys, wrong types, a missing
// nodeId, a node given twice).
Result<std::vector<api::AutoPauseRule>> read_auto_pause_rules(const std::string& path, std::string text);

}  // namespace gomo::programs
