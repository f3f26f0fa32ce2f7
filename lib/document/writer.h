#pragma once
// Writes a document tree as YAML (yaml-cpp's emitter: 2-space indent, block style, `[]`/`{}` only
// for empty collections) or JSON (2-space indent). Both end with a newline and keep every scalar's
// type: strings that would read back as numbers, booleans or null are quoted.
#include <string>
#include <vector>

#include "base/status.h"
#include "document/document.h"

namespace gomo::document {

// A YAML comment found in a source document, attached to the value it belongs to.
struct Comment {
  Mark at;                // where the `#` is
  std::string text;       // after the `#`, as written (leading space kept, trailing space dropped)
  bool trailing = false;  // written after code on the same line
};

// Finds the comments of a parsed YAML document; `#` inside scalars (quoted, plain or block) is
// content, not a comment. REQUIRES: doc.parsed.
std::vector<Comment> find_comments(const Document& doc);

// YAML text of `root`. When `comments_from` is given (the document `root` was made from, whose
// values keep their source marks), its comments are re-attached: full-line comments go above the
// key or item that followed them, trailing comments after the value on their line, comments before
// the first value stay at the top. Fails only for an emitter error.
Result<std::string> write_yaml(const Value& root, const Document* comments_from = nullptr);

// JSON text of `root`. Fails on values JSON cannot hold (.inf, .nan).
Result<std::string> write_json(const Value& root);

// Would this string read back as something other than a string in YAML (1.2 core schema, or 1.1
// words like yes/no/on/off that older readers still resolve)? Then it must be quoted.
bool yaml_needs_quotes(std::string_view text);

}  // namespace gomo::document
