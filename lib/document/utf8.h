#pragma once
// UTF-8 and line breaks as the readers see them. Internal to document/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "document/document.h"

namespace gomo::document {

// Length (2..4) of the well-formed multi-byte UTF-8 character at u[i], with its code point in *cp;
// 0 for an ASCII byte, a stray continuation byte, an overlong form, a surrogate, a code point past
// U+10FFFF or a sequence cut short by n.
inline size_t utf8_sequence(const unsigned char* u, size_t i, size_t n, uint32_t* cp) {
  const unsigned c = u[i];
  uint32_t code;
  size_t len;
  if (c >= 0xC2 && c <= 0xDF) len = 2, code = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, code = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, code = c & 0x07;
  else return 0;
  if (i + len > n) return 0;
  for (size_t k = 1; k < len; ++k) {
    const unsigned d = u[i + k];
    if ((d & 0xC0) != 0x80) return 0;
    code = (code << 6) | (d & 0x3F);
  }
  if ((len == 3 && code < 0x800) || (len == 4 && (code < 0x10000 || code > 0x10FFFF))) return 0;  // overlong
  if (code >= 0xD800 && code <= 0xDFFF) return 0;
  *cp = code;
  return len;
}

// Length of the line break at t[i] (2 for CR LF, 1 for LF or a lone CR; in YAML also NEL, LS and PS,
// which libyaml counts as line breaks too), else 0. Every reader's marks and Document::line_text use
// these breaks, so positions and excerpts agree on files with old Mac (CR-only) line ends.
inline size_t line_break_at(std::string_view t, size_t i, Format format) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '\n') return 1;
  if (c == '\r') return i + 1 < t.size() && t[i + 1] == '\n' ? 2 : 1;
  if (format != Format::kYaml || (c != 0xC2 && c != 0xE2)) return 0;
  if (c == 0xC2) return i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x85 ? 2 : 0;
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(t[i + 2]) == 0xA8 || static_cast<unsigned char>(t[i + 2]) == 0xA9))
    return 3;
  return 0;
}

// The 1-based line and column (in characters) of byte `offset` of `t`, with line_break_at's breaks.
// A leading byte order mark is not a column (libyaml skips it).
inline Mark mark_at_offset(std::string_view t, size_t offset, Format format) {
  Mark m{1, 1};
  size_t i = t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  if (offset > t.size()) offset = t.size();
  while (i < offset) {
    if (size_t br = line_break_at(t, i, format)) {
      i += br;
      ++m.line;
      m.col = 1;
      continue;
    }
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) ++m.col;
    ++i;
  }
  return m;
}

}  // namespace gomo::document
