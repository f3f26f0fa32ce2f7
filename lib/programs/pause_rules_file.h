#pragma once
// `gomo execution resume --auto-pause-rules FILE`: the rules that replace an execution's, from a YAML
// or JSON file.
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "base/status.h"
#include "programs/failure.h"

namespace gomo::programs {

// Reads `text` (from `path`, for messages; the format by extension, else by content): a list of
// rules `{nodeId, threshold, resetOnResume?}`, or a mapping whose `autoPauseRules` is that list (a
// program file's key). An empty list removes every rule. Errors are kInvalidArgument, positioned:
// "rules.yaml:3:14: threshold must be an integer >= 1, got 0" (unknown keys, wrong types, a missing
// nodeId, a node given twice).
Result<std::vector<api::AutoPauseRule>> read_auto_pause_rules(const std::string& path, std::string text);

// Rules whose nodeId is no node of `execution`'s flow would never fire: a usage error naming the
// first such rule (1-based, with `path`), the nearest node id and the flow's nodes. Nothing when every
// node exists, or when the flow cannot be read (the platform has the last word).
std::optional<Failure> check_rule_nodes(api::Platform& platform, const api::Execution& execution,
                                        const std::vector<api::AutoPauseRule>& rules, const std::string& path);

}  // namespace gomo::programs
