#pragma once
// `gomo flow fmt` and `gomo flow convert` as library calls: canonicalise a parsed document, write it
// as YAML or JSON (keeping YAML comments where it can), and prove before returning that the text
// reads back to the same data.
#include <string>

#include "base/status.h"
#include "document/document.h"
#include "flow/canonical.h"

namespace gomo::flow {

struct FormatOptions {
  document::Format to = document::Format::kYaml;
  CanonicalOptions canonical;
  // Comments that cannot be placed: false = fail (fmt's default), true = write without them.
  bool drop_comments = false;
};

struct Formatted {
  std::string text;
  size_t comments_kept = 0;
  size_t comments_dropped = 0;  // only when drop_comments (or the output is JSON)
  std::string kept_map_reason;  // nodes left as a map (see Canonical)
};

// REQUIRES: doc.parsed. Fails (kInvalidArgument) when a conversion would lose data, when comments
// would be lost without drop_comments, or (kInternal) when the written text does not read back to
// the same data; nothing is returned to write then.
Result<Formatted> format_document(const document::Document& doc, const FormatOptions& options);

// Replaces `path` with `text` atomically: a temp file in the same directory, flushed, then renamed
// over it, so a reader sees the old or the new file, never half of one. Keeps the permission bits
// of an existing file; a new file gets 0666 minus the umask.
Status replace_file(const std::string& path, const std::string& text);

}  // namespace gomo::flow
