#pragma once
// One flow input read and parsed for commands that rewrite or draw it (flow fmt, convert, graph),
// without running the rules: the document, or what keeps it from being one.
#include <memory>
#include <string>

#include "base/status.h"
#include "checks/validate.h"
#include "document/document.h"

namespace gomo::checks {

struct ReadInput {
  // Never null. When !doc->parsed the file is not valid YAML/JSON: `problems` says where.
  std::unique_ptr<document::Document> doc;
  // The syntax problems (unreadable set, snippets filled) for report::write_text; empty when parsed.
  FileResult problems;
};

// Reads `input` (its text when from stdin) and parses it. Fails (kInvalidArgument, "cannot read
// PATH: why", the path's control characters escaped) only when the file cannot be read.
Result<ReadInput> read_input(const Input& input);

// The one input `path` names (a file, "-", or a directory holding exactly one flow file). Fails with
// expand_inputs' error, or "expected one flow file, PATH holds N".
Result<Input> expand_one_input(const std::string& path);

}  // namespace gomo::checks
