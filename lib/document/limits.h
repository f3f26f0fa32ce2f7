#pragma once
// What the document readers (YAML: fast path and libyaml; JSON) accept at most. Hostile input (a
// billion-laughs file, a merge-key bomb, a deep or huge file) must not take the machine down: past a
// limit the file gets one positioned syntax problem naming the limit and its value, it is not read
// any further, and the rest of the run goes on. README.md ("Limits", under Validating flows) lists
// these numbers: keep the two in step.
//
// For scale: the largest flows bench/gen_flows.py makes (300 nodes) are 100-200 KB and ~11,000 values
// nested 8 levels; a value costs ~100 bytes of memory (96 for the Value, more for long text), so the
// value limit keeps one document's tree under ~50 MB whatever the input: a billion-laughs file is
// refused with under 64 MiB of peak memory (issue 16; tests/cli/hostile_input_cli_test.cc).
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "base/status.h"
#include "document/document.h"

namespace gomo::document {

// One input, file or standard input: 64 MiB.
inline constexpr size_t kMaxInputBytes = size_t{64} << 20;
// Values in one document: every scalar, sequence, mapping and mapping key, where an alias counts the
// values it copies and an anchor the copy the reader keeps of its value.
inline constexpr size_t kMaxValues = 500'000;
// Text in one document's values (strings, keys, numbers as written), counting what aliases and anchors
// copy: 64 MiB. Without aliases the text is never longer than the input.
inline constexpr size_t kMaxTextBytes = size_t{64} << 20;
// Nesting: a value inside more than this many collections is refused (aliases count the depth of what
// they copy where they put it).
inline constexpr int kMaxDepth = 512;
// One scalar (a string, a number, a key), after escapes: 1 MiB.
inline constexpr size_t kMaxScalarBytes = size_t{1} << 20;

enum class Limit { kInputBytes, kValues, kTextBytes, kDepth, kScalarBytes };

// "<what>: <which limit and its value>", e.g. "alias *a9: the document would hold more than 500,000
// values, the limit (counting what aliases and anchors copy); reading stopped here". `what` may be empty.
std::string limit_message(Limit limit, std::string_view what = {});
// The syntax problem for an exceeded limit at `at`.
Problem limit_problem(Limit limit, Mark at, std::string_view what = {});

// When doc.text is longer than kMaxInputBytes: records the problem, frees the text (so that no excerpt
// prints megabytes of it) and returns false. Every reader starts with it.
bool check_input_size(Document& doc);

// Reads the file at `path` into a document (read_document) without ever holding more than
// kMaxInputBytes + 1 of its bytes: a regular file larger than the limit is not read at all (its size is
// enough: the document holds the kInputBytes problem at 1:1 and no text), and a pipe or device is read
// up to one byte past the limit. Errors: read_file's (not_found, io_error with strerror's words).
Result<std::unique_ptr<Document>> read_document_file(const std::string& path);
// The same, read as `format` whatever the file's name says (config files, reports gomo wrote).
Result<std::unique_ptr<Document>> read_document_file(const std::string& path, Format format);

// The bytes of the file at `path` for a reader that takes text (and refuses more than kMaxInputBytes
// itself), never more than kMaxInputBytes + 1 of them. A regular file larger than the limit is not
// read: the error is invalid_argument "PATH:1:1: <limit_message(kInputBytes)>", ready to print.
// Other errors: read_file's (not_found, io_error with strerror's words, without the path).
Result<std::string> read_input_text(const std::string& path);

// At most kMaxInputBytes + 1 bytes of `in` (standard input): enough for a reader to refuse a larger
// input, without holding a huge file or an endless pipe in memory first.
std::string read_bounded(std::istream& in);

}  // namespace gomo::document
