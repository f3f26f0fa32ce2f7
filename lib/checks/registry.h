#pragma once
#include <string_view>
#include <vector>

#include "checks/rule.h"

namespace gomo::checks {

// Every rule in run order. Rules with a null check are reported by another one (the reader's
// syntax/duplicate-key, the schema rule's x-gomo-rule ids) but listed for docs, SARIF and config.
const std::vector<const Rule*>& all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace gomo::checks
