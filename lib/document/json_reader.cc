// Strict JSON (RFC 8259) into the positioned tree. Hand-written because no JSON parser in Debian
// reports value positions (nlohmann's SAX gives none); this one tracks line and character column.
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/strings.h"
#include "document/document.h"
#include "document/limits.h"
#include "document/scratch.h"
#include "document/utf8.h"

namespace gomo::document {
namespace {

// Bytes that end a run of plain ASCII string content: the closing quote, a backslash, control
// characters, and the first byte of a UTF-8 sequence (checked on its own: JSON text is UTF-8).
constexpr auto kStringStop = [] {
  std::array<bool, 256> stop{};
  for (int c = 0; c < 0x20; ++c) stop[static_cast<size_t>(c)] = true;
  for (int c = 0x80; c < 0x100; ++c) stop[static_cast<size_t>(c)] = true;
  stop['"'] = stop['\\'] = true;
  return stop;
}();

std::string hex_byte(unsigned char c) {
  static const char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[c >> 4] + kHex[c & 0xF];
}

class JsonReader {
 public:
  explicit JsonReader(Document& doc) : doc_(doc), s_(doc.text) {}

  void run() {
    if (!check_input_size(doc_)) {
      failed_ = true;
      return;
    }
    skip_bom();
    skip_ws();
    if (pos_ >= s_.size()) return fail("empty document: expected a JSON object");
    if (!parse_value(doc_.root, 0)) return;
    skip_ws();
    if (pos_ < s_.size()) return fail("unexpected content after the end of the JSON document");
    doc_.parsed = true;
  }

 private:
  Mark mark() const { return Mark{line_, col_}; }

  void advance() {
    unsigned char c = static_cast<unsigned char>(s_[pos_++]);
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      // Count characters, not bytes: continuation bytes do not move the column.
      ++col_;
    }
  }

  void fail(std::string message) { fail(std::move(message), mark()); }
  void fail(std::string message, Mark at) {
    if (failed_) return;
    failed_ = true;
    Problem p;
    p.rule = "syntax";
    p.message = std::move(message);
    p.begin = at;
    p.end = Mark{at.line, at.col + 1};
    doc_.problems.push_back(std::move(p));
    doc_.root = Value();
  }

  // One more value (or key) in the document; false past kMaxValues.
  bool count_value() {
    if (++values_ <= kMaxValues) return true;
    fail(limit_message(Limit::kValues));
    return false;
  }

  bool check_scalar_size(size_t size, Mark begin) {
    if (size <= kMaxScalarBytes) return true;
    fail(limit_message(Limit::kScalarBytes), begin);
    return false;
  }

  // Reports the byte at pos_, which starts no well-formed UTF-8 character.
  void fail_invalid_utf8() {
    fail("invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(s_[pos_])) + "): JSON text must be UTF-8");
  }

  void skip_bom() {
    if (s_.size() >= 3 && s_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }

  // Indentation is most of a pretty-printed file: move over it without going through advance().
  void skip_ws() {
    const char* p = s_.data() + pos_;
    const char* end = s_.data() + s_.size();
    while (p < end) {
      char c = *p;
      if (c == '\n') {
        ++line_;
        col_ = 1;
        ++p;
        const char* indent = p;
        while (p < end && *p == ' ') ++p;
        col_ += static_cast<uint32_t>(p - indent);
        continue;
      }
      if (c == '\r' && (p + 1 == end || p[1] != '\n')) {
        // A lone CR ends a line too (old Mac files), as Document::line_text counts lines.
        ++line_;
        col_ = 1;
        ++p;
        continue;
      }
      if (c != ' ' && c != '\t' && c != '\r') break;
      ++col_;
      ++p;
    }
    pos_ = static_cast<size_t>(p - s_.data());
  }

  std::string describe_here() const {
    if (pos_ >= s_.size()) return "end of file";
    char c = s_[pos_];
    if (c == '\'') return "'\\'' (JSON strings use double quotes)";
    if (static_cast<unsigned char>(c) < 0x20) return "a control character";
    if (static_cast<unsigned char>(c) >= 0x80) {
      uint32_t cp;
      size_t len = utf8_sequence(reinterpret_cast<const unsigned char*>(s_.data()), pos_, s_.size(), &cp);
      if (len == 0) return "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(c)) + ")";
      return "'" + s_.substr(pos_, len) + "'";
    }
    return std::string("'") + c + "'";
  }

  bool parse_value(Value& v, int depth) {
    if (depth > kMaxDepth) {
      fail(limit_message(Limit::kDepth));
      return false;
    }
    if (!count_value()) return false;
    v.begin = mark();
    if (pos_ >= s_.size()) {
      fail("unexpected end of file: expected a value");
      return false;
    }
    char c = s_[pos_];
    bool ok;
    switch (c) {
      case '{': ok = parse_object(v, depth); break;
      case '[': ok = parse_array(v, depth); break;
      case '"':
        v.kind = Kind::kString;
        ok = parse_string(v.text) && check_scalar_size(v.text.size(), v.begin);
        break;
      case 't': ok = parse_literal("true", v, Kind::kBool, true); break;
      case 'f': ok = parse_literal("false", v, Kind::kBool, false); break;
      case 'n': ok = parse_literal("null", v, Kind::kNull, false); break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) ok = parse_number(v);
        else {
          fail("unexpected " + describe_here() +
               ": expected a value (object, array, string, number, true, false or null)");
          ok = false;
        }
    }
    v.end = mark();
    return ok;
  }

  bool parse_literal(const char* word, Value& v, Kind kind, bool b) {
    size_t n = std::strlen(word);
    if (s_.compare(pos_, n, word) != 0) {
      fail("invalid literal: expected " + std::string(word));
      return false;
    }
    for (size_t i = 0; i < n; ++i) advance();
    v.kind = kind;
    v.boolean = b;
    v.text = word;
    return true;
  }

  bool parse_number(Value& v) {
    size_t start = pos_;
    bool is_float = false;
    if (s_[pos_] == '-') advance();
    if (pos_ >= s_.size() || !isdigit(s_[pos_])) {
      fail("invalid number: expected a digit after '-'");
      return false;
    }
    if (s_[pos_] == '0') {
      advance();
      if (pos_ < s_.size() && isdigit(s_[pos_])) {
        fail("invalid number: leading zeros are not allowed in JSON");
        return false;
      }
    } else {
      while (pos_ < s_.size() && isdigit(s_[pos_])) advance();
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      is_float = true;
      advance();
      if (pos_ >= s_.size() || !isdigit(s_[pos_])) {
        fail("invalid number: expected a digit after '.'");
        return false;
      }
      while (pos_ < s_.size() && isdigit(s_[pos_])) advance();
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      is_float = true;
      advance();
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) advance();
      if (pos_ >= s_.size() || !isdigit(s_[pos_])) {
        fail("invalid number: expected a digit in the exponent");
        return false;
      }
      while (pos_ < s_.size() && isdigit(s_[pos_])) advance();
    }
    if (!check_scalar_size(pos_ - start, v.begin)) return false;
    v.text.assign(s_, start, pos_ - start);
    v.number = std::strtod(v.text.c_str(), nullptr);
    if (!is_float) {
      errno = 0;
      long long n = std::strtoll(v.text.c_str(), nullptr, 10);
      if (errno == ERANGE) {
        v.kind = Kind::kFloat;
      } else {
        v.kind = Kind::kInt;
        v.integer = n;
      }
    } else {
      v.kind = Kind::kFloat;
    }
    return true;
  }

  static bool isdigit(char c) { return c >= '0' && c <= '9'; }

  int hex4() {
    int n = 0;
    for (int i = 0; i < 4; ++i) {
      if (pos_ >= s_.size()) return -1;
      char c = s_[pos_];
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return -1;
      n = n * 16 + d;
      advance();
    }
    return n;
  }

  bool parse_string(std::string& out) {
    advance();  // opening quote
    while (true) {
      if (pos_ >= s_.size()) {
        fail("unterminated string: expected a closing '\"'");
        return false;
      }
      // Copy runs of plain bytes at once: the hot loop of big JSON files. A run holds no newline
      // (control characters end it), so only the column moves: one per character, not per byte.
      // Multi-byte characters are checked here, in the run: valid UTF-8 or a syntax error.
      const auto* u = reinterpret_cast<const unsigned char*>(s_.data());
      const size_t n = s_.size();
      size_t run = pos_;
      uint32_t chars = 0;
      while (run < n) {
        if (!kStringStop[u[run]]) {
          ++run;
          ++chars;
          continue;
        }
        if (u[run] < 0x80) break;
        uint32_t cp;
        size_t len = utf8_sequence(u, run, n, &cp);
        if (len == 0) break;
        run += len;
        ++chars;
      }
      if (run > pos_) {
        out.append(s_, pos_, run - pos_);
        pos_ = run;
        col_ += chars;
        continue;
      }
      char c = s_[pos_];
      if (static_cast<unsigned char>(c) >= 0x80) {  // the run stopped at it: not UTF-8
        fail_invalid_utf8();
        return false;
      }
      if (c == '"') {
        advance();
        return true;
      }
      if (c != '\\') {
        fail(c == '\n' ? "unterminated string: newline inside a string (escape it as \\n)"
                       : "control character inside a string: escape it (e.g. \\t)");
        return false;
      }
      advance();
      if (pos_ >= s_.size()) {
        fail("unterminated string");
        return false;
      }
      char e = s_[pos_];
      advance();
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          int cp = hex4();
          if (cp < 0) {
            fail("invalid \\u escape: expected 4 hex digits");
            return false;
          }
          uint32_t code = static_cast<uint32_t>(cp);
          if (code >= 0xD800 && code <= 0xDBFF && pos_ + 1 < s_.size() && s_[pos_] == '\\' && s_[pos_ + 1] == 'u') {
            advance();
            advance();
            int lo = hex4();
            if (lo >= 0xDC00 && lo <= 0xDFFF)
              code = 0x10000 + ((code - 0xD800) << 10) + (static_cast<uint32_t>(lo) - 0xDC00);
            else {
              fail("invalid surrogate pair in \\u escape");
              return false;
            }
          } else if (code >= 0xD800 && code <= 0xDFFF) {
            // A lone surrogate is no character: it has no UTF-8 form, and gomo's text is UTF-8.
            fail("invalid \\u escape: a lone surrogate (\\u" + s_.substr(pos_ - 4, 4) + ") is not a character");
            return false;
          }
          append_utf8(out, code);
          break;
        }
        default: fail(std::string("invalid escape '\\") + e + "' in string"); return false;
      }
    }
  }

  // Children go through ScratchLevels (scratch.h): growing each collection in place left a third of a
  // document's memory unused, and memory is what a one-file run pays most for.
  bool parse_object(Value& v, int depth) {
    v.kind = Kind::kMapping;
    advance();  // {
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      advance();
      return true;
    }
    std::vector<Member>& members = member_scratch_.at(static_cast<size_t>(depth));
    while (true) {
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != '"') {
        if (pos_ < s_.size() && s_[pos_] == '}') fail("trailing comma before '}': remove the last ','");
        else fail("unexpected " + describe_here() + ": expected a property name in double quotes");
        return false;
      }
      if (!count_value()) return false;
      Member& m = members.emplace_back();
      m.key.kind = Kind::kString;
      m.key.begin = mark();
      if (!parse_string(m.key.text) || !check_scalar_size(m.key.text.size(), m.key.begin)) return false;
      m.key.end = mark();
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != ':') {
        fail("unexpected " + describe_here() + ": expected ':' after property name");
        return false;
      }
      advance();
      skip_ws();
      if (!parse_value(m.value, depth + 1)) return false;
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        advance();
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        advance();
        find_duplicate_keys(members, Format::kJson, dups_);
        v.members.take(members);
        return true;
      }
      fail("unexpected " + describe_here() + ": expected ',' or '}' in object");
      return false;
    }
  }

  bool parse_array(Value& v, int depth) {
    v.kind = Kind::kSequence;
    advance();  // [
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      advance();
      return true;
    }
    std::vector<Value>& items = item_scratch_.at(static_cast<size_t>(depth));
    while (true) {
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ']') {
        fail("trailing comma before ']': remove the last ','");
        return false;
      }
      if (!parse_value(items.emplace_back(), depth + 1)) return false;
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        advance();
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        advance();
        v.items.take(items);
        return true;
      }
      fail("unexpected " + describe_here() + ": expected ',' or ']' in array");
      return false;
    }
  }

 public:
  std::vector<Problem> dups_;  // duplicate keys; pointers are filled in once the tree is linked
  bool failed_ = false;

 private:
  Document& doc_;
  const std::string& s_;
  size_t pos_ = 0;
  uint32_t line_ = 1, col_ = 1;
  size_t values_ = 0;
  ScratchLevels<Member> member_scratch_;
  ScratchLevels<Value> item_scratch_;
};

}  // namespace

std::unique_ptr<Document> read_json(std::string path, std::string text) {
  auto doc = std::make_unique<Document>();
  doc->path = std::move(path);
  doc->text = std::move(text);
  doc->format = Format::kJson;
  JsonReader reader(*doc);
  reader.run();
  doc->link();
  if (!reader.failed_) {
    for (auto& d : reader.dups_) doc->problems.push_back(std::move(d));
    fill_problem_pointers(*doc);
  }
  return doc;
}

}  // namespace gomo::document
