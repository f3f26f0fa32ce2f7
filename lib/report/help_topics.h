#pragma once
#include <string>

namespace gomo::report {

// The text of a `gomo help TOPIC` page, or "" for an unknown topic.
std::string help_topic(const std::string& name);
// "exit-codes, rules, config, formats"
std::string help_topic_names();

}  // namespace gomo::report
