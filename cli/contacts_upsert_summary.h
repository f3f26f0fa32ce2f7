#pragma once
// The summary of `gomo contacts upsert`: text on stderr, or one JSON object on stdout with -o json.
#include <string>

#include "cli/context.h"
#include "contacts/upsert.h"

namespace gomo::cli {

// Prints `s`: the attributes created (or that a dry run would create) with their types, the counts,
// the reject reasons and where the rejects file is. Text is silent with -q; JSON is not.
void print_upsert_summary(Context& ctx, const contacts::UpsertSummary& s, const std::string& rejects_path);

}  // namespace gomo::cli
