// A fast path for read_yaml. Flows are written in a small block-style subset of YAML, and reading that
// subset directly costs a fraction of libyaml's scanner, parser and event copies. Anything outside the
// subset, and every syntax error, is left to libyaml (read_yaml falls back), so this reader only has to
// be exact on what it accepts: the same tree, kinds, text and marks as YamlReader (libyaml's marks,
// 1-based, columns in characters). yaml_fast_reader_test.cc compares the two readers.
//
// The subset: block mappings and sequences indented with spaces (compact `- key: value` entries and
// indentless sequences under a key included), one-line plain, 'single' and "double" quoted scalars,
// one-line flow collections ([a, b], {a: 1}), comments, blank lines, one optional leading `---`.
#include "document/yaml_fast_reader.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "base/strings.h"
#include "document/limits.h"
#include "document/scratch.h"
#include "document/utf8.h"
#include "document/yaml_tree.h"

namespace gomo::document {
namespace {

// Past these the fast path declines, and libyaml's reader reports the limit (limits.h) or reads on.
constexpr int kMaxFastDepth = 200;     // kMaxDepth is 512; no flow nests this deep
constexpr size_t kMaxKeyBytes = 1000;  // libyaml rejects simple keys longer than 1024 characters

// Length of the UTF-8 character at u[i] when it is well-formed and one libyaml reads as ordinary text
// (U+00A0..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF), else 0. Also 0 for the characters libyaml
// treats specially: NEL, U+2028 and U+2029 are line breaks, U+FEFF is a byte order mark.
size_t utf8_char(const unsigned char* u, size_t i, size_t n) {
  uint32_t cp;
  size_t len = utf8_sequence(u, i, n, &cp);
  if (len == 0 || cp < 0xA0) return 0;
  if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) return 0;
  return len;
}

// Byte classes for the two hot loops, built once.
constexpr std::array<bool, 256> make_table(bool (*in)(unsigned)) {
  std::array<bool, 256> t{};
  for (unsigned c = 0; c < 256; ++c) t[c] = in(c);
  return t;
}
constexpr auto kPrintableAscii = make_table([](unsigned c) { return c >= 0x20 && c < 0x7F; });
// Where a plain scalar may end: a space (before '#' or after the text), ':', the line end.
constexpr auto kBlockStops = make_table([](unsigned c) { return c == ' ' || c == ':' || c == '\n' || c == 0; });
constexpr auto kFlowStops = make_table([](unsigned c) {
  return c == ' ' || c == ':' || c == '\n' || c == 0 || c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
});

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class FastReader {
 public:
  FastReader(const std::string& text, std::vector<Problem>& dups) : s_(text.c_str()), n_(text.size()), dups_(dups) {}

  bool read(Value& root) {
    if (n_ == 0) return false;
    if (!load_line() || !seek_content()) return false;
    if (eof_) return false;  // empty document: libyaml's reader words that problem
    bool ok = is_seq_entry(pos_) ? parse_block_seq(root, indent_, false, 0) : parse_block_map(root, indent_, pos_, 0);
    return ok && eof_;  // a line indented less than the root: libyaml reports it
  }

 private:
  // Finds the end of the line at line_start_ and checks every byte: printable ASCII or an accepted
  // UTF-8 character. Tabs, CR, other control characters and invalid UTF-8 go to libyaml.
  bool load_line() {
    const auto* u = reinterpret_cast<const unsigned char*>(s_);
    size_t i = line_start_;
    bool ascii = true;
    while (true) {
      // Eight bytes at a time while all are printable ASCII (0x20..0x7E): no byte below 0x20, none above 0x7E.
      constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
      for (uint64_t x; i + 8 <= n_; i += 8) {
        std::memcpy(&x, u + i, 8);
        if ((((x - kOnes * 0x20) & ~x) | ((x + kOnes) | x)) & kHigh) break;
      }
      while (kPrintableAscii[u[i]]) ++i;  // the final '\0' is not printable
      unsigned char c = u[i];
      if (c == '\n' || i >= n_) break;
      if (c < 0x80) return false;
      size_t len = utf8_char(u, i, n_);
      if (len == 0) return false;
      ascii = false;
      i += len;
    }
    line_end_ = i;
    line_ascii_ = ascii;
    col_pos_ = line_start_;
    col_ = 1;
    return true;
  }

  // Moves to the next line. Past the last one, sets eof_ and libyaml's stream-end mark: the start of
  // the line after the last character; and where libyaml last looked for a token (eof_last_), the end
  // of a last line without a line break.
  bool next_line() {
    if (line_end_ >= n_) {
      eof_ = true;
      eos_ = Mark{line_ + 1, 1};
      eof_last_ = mark(line_end_);
      return true;
    }
    line_start_ = line_end_ + 1;
    ++line_;
    if (line_start_ >= n_) {
      eof_ = true;
      eos_ = eof_last_ = Mark{line_, 1};
      return true;
    }
    return load_line();
  }

  // From the current line on, skips blank and comment lines: sets indent_ and pos_ (the first
  // character) of the next line with content, or eof_.
  bool seek_content() {
    while (!eof_) {
      size_t p = skip_spaces(line_start_);
      if (p < line_end_ && s_[p] != '#') {
        indent_ = static_cast<int>(p - line_start_);
        pos_ = p;
        if (indent_ == 0 && is_document_marker(p)) {
          // Only a first `---` with nothing after it; other markers mean more documents or a `...` end.
          if (!first_content_ || s_[p] != '-' || !rest_is_blank(p + 3)) return false;
          first_content_ = false;
          if (!next_line()) return false;
          continue;
        }
        first_content_ = false;
        return true;
      }
      if (!next_line()) return false;
    }
    return true;
  }

  // `n` more values in the document (an entry, or a key and its value); false past kMaxValues.
  bool count_values(size_t n) {
    values_ += n;
    return values_ <= kMaxValues;
  }

  bool is_document_marker(size_t p) const {
    if (p + 3 > line_end_) return false;
    char c = s_[p];
    if ((c != '-' && c != '.') || s_[p + 1] != c || s_[p + 2] != c) return false;
    return p + 3 == line_end_ || s_[p + 3] == ' ';
  }

  // Only spaces and perhaps a comment (a '#' after a space) from p to the end of the line.
  bool rest_is_blank(size_t p) const {
    size_t r = skip_spaces(p);
    return r == line_end_ || (s_[r] == '#' && r > p);
  }

  size_t skip_spaces(size_t p) const {
    while (p < line_end_ && s_[p] == ' ') ++p;
    return p;
  }

  // `-` followed by a space or the end of the line. s_[line_end_] is '\n' or the final '\0'.
  bool is_seq_entry(size_t p) const { return s_[p] == '-' && (p + 1 == line_end_ || s_[p + 1] == ' '); }
  bool is_value_indicator(size_t p) const { return s_[p] == ':' && (p + 1 == line_end_ || s_[p + 1] == ' '); }

  // 1-based column of byte p on the current line, in characters. Marks on a line are asked for left to
  // right, so non-ASCII lines count on from the last answer.
  uint32_t col(size_t p) {
    if (line_ascii_) return static_cast<uint32_t>(p - line_start_ + 1);
    if (p < col_pos_) col_pos_ = line_start_, col_ = 1;
    for (; col_pos_ < p; ++col_pos_) col_ += (static_cast<unsigned char>(s_[col_pos_]) & 0xC0) != 0x80;
    return col_;
  }
  Mark mark(size_t p) { return Mark{line_, col(p)}; }

  // Where libyaml ends a block collection at column `ind` (0-based): the start of the next token (the
  // next content line's first character), or the stream end. At the end of the input libyaml closes
  // the collections deeper than the column it stopped at where it stopped (eof_last_: a last line of
  // spaces or a comment without a line break, shallower than the collection), and the others at the
  // stream end.
  Mark next_token_mark(int ind) const {
    if (!eof_) return Mark{line_, static_cast<uint32_t>(indent_ + 1)};
    return static_cast<uint32_t>(ind) + 1 > eof_last_.col ? eof_last_ : eos_;
  }

  // A block mapping at column `ind` whose first key starts at p on the current line.
  bool parse_block_map(Value& v, int ind, size_t p, int depth) {
    if (depth > kMaxFastDepth) return false;
    v.kind = Kind::kMapping;
    v.begin = mark(p);
    std::vector<Member>& members = member_scratch_.at(static_cast<size_t>(depth));
    members.clear();
    while (true) {
      if (!count_values(2)) return false;
      Member& m = members.emplace_back();
      size_t key_start = p;
      if (!scan_scalar(m.key, p, false)) return false;
      p = skip_spaces(p);
      if (!is_value_indicator(p) || p - key_start > kMaxKeyBytes) return false;
      m.key.kind = Kind::kString;  // keys are compared as text, whatever they resolve to (`1:` in branches)
      if (!parse_value(m.value, p + 1, ind, true, depth + 1)) return false;
      if (eof_ || indent_ < ind) break;
      if (indent_ > ind) return false;  // a deeper line after a value: a multi-line scalar, or an error
      p = pos_;
    }
    v.end = next_token_mark(ind);
    find_duplicate_keys(members, Format::kYaml, dups_);
    v.members.take(members);
    return true;
  }

  // A block sequence whose first `-` is pos_, at column `ind`. An indentless sequence (the value of a
  // key, at the key's column) ends at the first line there that is not an entry.
  bool parse_block_seq(Value& v, int ind, bool indentless, int depth) {
    if (depth > kMaxFastDepth) return false;
    v.kind = Kind::kSequence;
    v.begin = mark(pos_);
    std::vector<Value>& items = item_scratch_.at(static_cast<size_t>(depth));
    items.clear();
    while (true) {
      if (!count_values(1) || !parse_value(items.emplace_back(), pos_ + 1, ind, false, depth + 1)) return false;
      if (eof_ || indent_ < ind) break;
      if (indent_ > ind) return false;
      if (!is_seq_entry(pos_)) {
        if (indentless) break;
        return false;
      }
    }
    v.end = next_token_mark(ind);
    v.items.take(items);
    return true;
  }

  // A block node starting at pos_, the first character of a line deeper than its parent.
  bool parse_block_node(Value& v, int depth) {
    if (is_seq_entry(pos_)) return parse_block_seq(v, indent_, false, depth);
    return parse_block_map(v, indent_, pos_, depth);
  }

  // The value after a key's ':' or an entry's '-' (p just after it) in a block collection at column
  // `ind`. Leaves the reader on the next content line.
  bool parse_value(Value& v, size_t p, int ind, bool in_mapping, int depth) {
    size_t q = skip_spaces(p);
    if (q == line_end_ || s_[q] == '#') {
      // Nothing more on this line: a block collection on the next lines, or an empty value (null),
      // which libyaml marks just after the indicator.
      Mark after = mark(p);
      if (!next_line() || !seek_content()) return false;
      if (!eof_ && indent_ > ind) return parse_block_node(v, depth);
      if (in_mapping && !eof_ && indent_ == ind && is_seq_entry(pos_)) return parse_block_seq(v, ind, true, depth);
      v.begin = v.end = after;
      resolve_plain(v);
      return true;
    }
    if (s_[q] == '[' || s_[q] == '{') {
      if (!parse_flow(v, q, depth)) return false;
    } else {
      size_t start = q;
      if (!scan_scalar(v, q, false)) return false;
      if (is_value_indicator(skip_spaces(q))) {
        // `- key: value` opens a mapping at the key's column; after a key, libyaml rejects it.
        if (in_mapping) return false;
        v = Value();
        return parse_block_map(v, static_cast<int>(start - line_start_), start, depth);
      }
    }
    if (!rest_is_blank(q)) return false;
    return next_line() && seek_content();
  }

  // A flow collection on one line, p at its '[' or '{'; moves p past the closing bracket.
  bool parse_flow(Value& v, size_t& p, int depth) {
    if (depth > kMaxFastDepth) return false;
    const bool seq = s_[p] == '[';
    const char close = seq ? ']' : '}';
    v.kind = seq ? Kind::kSequence : Kind::kMapping;
    v.begin = mark(p);
    std::vector<Value>& items = item_scratch_.at(static_cast<size_t>(depth));
    std::vector<Member>& members = member_scratch_.at(static_cast<size_t>(depth));
    items.clear();
    members.clear();
    p = skip_spaces(p + 1);
    while (s_[p] != close) {
      if (seq) {
        if (!count_values(1) || !parse_flow_node(items.emplace_back(), p, depth + 1)) return false;
      } else {
        if (!count_values(2)) return false;
        Member& m = members.emplace_back();
        if (!scan_scalar(m.key, p, true)) return false;
        p = skip_spaces(p);
        if (s_[p] != ':' || s_[p + 1] != ' ') return false;  // `{"a":1}` and `{a}`: leave them to libyaml
        m.key.kind = Kind::kString;
        p = skip_spaces(p + 1);
        if (!parse_flow_node(m.value, p, depth + 1)) return false;
      }
      p = skip_spaces(p);
      if (s_[p] == close) break;
      if (s_[p] != ',') return false;  // also a line end: the collection goes on over lines
      p = skip_spaces(p + 1);
      if (s_[p] == close || s_[p] == ',') return false;  // trailing or doubled comma
    }
    ++p;
    v.end = mark(p);
    if (!seq) find_duplicate_keys(members, Format::kYaml, dups_);
    v.items.take(items);
    v.members.take(members);
    return true;
  }

  bool parse_flow_node(Value& v, size_t& p, int depth) {
    if (s_[p] == '[' || s_[p] == '{') return parse_flow(v, p, depth);
    return scan_scalar(v, p, true);
  }

  // Whether a plain scalar may start at p. Indicators, anchors, aliases, tags and block scalars are
  // left to libyaml, and so are `?` and `:` starts.
  bool plain_can_start(size_t p, bool flow) const {
    switch (s_[p]) {
      case '-': {
        if (p + 1 >= line_end_) return false;
        char next = s_[p + 1];
        return next != ' ' && !(flow && (next == ',' || next == '[' || next == ']' || next == '{' || next == '}'));
      }
      case ' ':
      case '\n':
      case '\0':
      case '?':
      case ':':
      case ',':
      case '[':
      case ']':
      case '{':
      case '}':
      case '#':
      case '&':
      case '*':
      case '!':
      case '|':
      case '>':
      case '\'':
      case '"':
      case '%':
      case '@':
      case '`': return false;
      default: return true;
    }
  }

  // A scalar on one line starting at p: plain, 'single' or "double" quoted. Sets text, kind and marks,
  // and moves p past it.
  bool scan_scalar(Value& v, size_t& p, bool flow) {
    const size_t start = p;
    v.begin = mark(start);
    if (s_[p] == '"') {
      if (!scan_double(v.text, p)) return false;
      v.kind = Kind::kString;
    } else if (s_[p] == '\'') {
      if (!scan_single(v.text, p)) return false;
      v.kind = Kind::kString;
    } else {
      if (!plain_can_start(p, flow)) return false;
      const bool* stops = flow ? kFlowStops.data() : kBlockStops.data();
      const auto* u = reinterpret_cast<const unsigned char*>(s_);
      size_t i = p, end = p;  // end: after the last non-space character
      while (true) {
        size_t j = i;
        while (!stops[u[j]]) ++j;  // s_[line_end_] ('\n' or the final '\0') stops it
        if (j > i) end = j;
        i = j;
        const char c = s_[i];
        if (c == ' ') {
          if (s_[i + 1] == '#') break;  // a comment
          ++i;
        } else if (c == ':') {
          if (i + 1 == line_end_ || s_[i + 1] == ' ') break;
          if (flow) return false;  // `a:b` in a flow collection: libyaml versions disagree
          end = ++i;
        } else {
          break;  // the line end, or a flow indicator
        }
      }
      if (end - p > kMaxScalarBytes) scalar_over_ = true;  // not copied: it is refused below
      else v.text.assign(s_ + p, end - p);
      p = end;
      if (!scalar_over_) resolve_plain(v);
    }
    v.end = mark(p);
    if (!scalar_over_ && v.text.size() <= kMaxScalarBytes) return true;
    // Past the limit. libyaml's reader refuses it at the same mark, having read the same text before
    // it, unless it may be a key (then libyaml says the key is too long): leave that one to libyaml.
    if (s_[skip_spaces(p)] != ':') too_long_at_ = v.begin;
    return false;
  }

  // Appends a run of a quoted scalar, unless that makes it longer than kMaxScalarBytes: then it sets
  // scalar_over_ and keeps nothing more (a 60 MB string is not copied only to be refused).
  void append_run(std::string& out, size_t from, size_t n) {
    if (scalar_over_ || out.size() + n > kMaxScalarBytes) {
      scalar_over_ = true;
      return;
    }
    out.append(s_ + from, n);
  }

  // A double-quoted scalar with libyaml's escapes; false for an escaped or unescaped line break.
  bool scan_double(std::string& out, size_t& p) {
    size_t i = p + 1, run = i;
    while (true) {
      if (i >= line_end_) return false;
      char c = s_[i];
      if (c == '"') break;
      if (c != '\\') {
        ++i;
        continue;
      }
      append_run(out, run, i - run);
      if (i + 1 >= line_end_) return false;
      char e = s_[i + 1];
      i += 2;
      switch (e) {
        case '0': out += '\0'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'v': out += '\v'; break;
        case 'f': out += '\f'; break;
        case 'r': out += '\r'; break;
        case 'e': out += '\x1B'; break;
        case ' ': out += ' '; break;
        case '"': out += '"'; break;
        case '/': out += '/'; break;
        case '\\': out += '\\'; break;
        case 'N': out += "\xC2\x85"; break;
        case '_': out += "\xC2\xA0"; break;
        case 'L': out += "\xE2\x80\xA8"; break;
        case 'P': out += "\xE2\x80\xA9"; break;
        case 'x':
        case 'u':
        case 'U': {
          size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits > line_end_) return false;
          uint32_t cp = 0;
          for (size_t k = 0; k < digits; ++k) {
            int h = hex_value(s_[i + k]);
            if (h < 0) return false;
            cp = cp << 4 | static_cast<uint32_t>(h);
          }
          if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;  // libyaml: an error
          append_utf8(out, cp);
          i += digits;
          break;
        }
        default: return false;  // unknown escape (libyaml 0.2.5 has no \'): a syntax error
      }
      run = i;
    }
    append_run(out, run, i - run);
    p = i + 1;
    return true;
  }

  bool scan_single(std::string& out, size_t& p) {
    size_t i = p + 1, run = i;
    while (true) {
      if (i >= line_end_) return false;
      if (s_[i] == '\'') {
        if (s_[i + 1] != '\'') break;
        append_run(out, run, i + 1 - run);  // '' is one quote
        i += 2;
        run = i;
        continue;
      }
      ++i;
    }
    append_run(out, run, i - run);
    p = i + 1;
    return true;
  }

  const char* s_;  // NUL-terminated, so s_[line_end_] is always readable
  size_t n_;
  std::vector<Problem>& dups_;
  // Children of the collections being read, one buffer per depth (nesting adds one to the depth).
  ScratchLevels<Member> member_scratch_;
  ScratchLevels<Value> item_scratch_;

  size_t line_start_ = 0, line_end_ = 0;
  uint32_t line_ = 1;
  bool line_ascii_ = true;
  size_t col_pos_ = 0;  // col() cache on non-ASCII lines
  uint32_t col_ = 1;

  size_t pos_ = 0;  // first character of the current content line
  int indent_ = 0;
  bool eof_ = false;
  Mark eos_, eof_last_;
  bool first_content_ = true;
  size_t values_ = 1;         // the root
  bool scalar_over_ = false;  // the scalar being scanned is longer than kMaxScalarBytes
  Mark too_long_at_;          // where read() stopped at such a scalar ({0, 0}: it did not)

 public:
  Mark too_long_at() const { return too_long_at_; }
};

}  // namespace

bool read_yaml_fast(Document& doc, Mark* too_long) {
  Value root;
  std::vector<Problem> dups;
  FastReader reader(doc.text, dups);
  if (!reader.read(root)) {
    if (too_long) *too_long = reader.too_long_at();
    return false;
  }
  doc.root = std::move(root);
  for (auto& d : dups) doc.problems.push_back(std::move(d));
  doc.parsed = true;
  return true;
}

}  // namespace gomo::document
