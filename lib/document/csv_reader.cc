#include "document/csv_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include "base/utf8.h"

namespace gomo::document {
namespace {

class IstreamSource : public CsvSource {
 public:
  explicit IstreamSource(std::istream& in) : in_(in) {}
  Result<size_t> read(char* buf, size_t n) override {
    in_.read(buf, static_cast<std::streamsize>(n));
    if (in_.bad()) return Status::io_error("cannot read the CSV input");
    return static_cast<size_t>(in_.gcount());
  }

 private:
  std::istream& in_;
};

// zlib reads gzip and, transparently, plain files: one source for both.
class GzSource : public CsvSource {
 public:
  GzSource(gzFile file, std::string name) : file_(file), name_(std::move(name)) {}
  ~GzSource() override { gzclose(file_); }
  Result<size_t> read(char* buf, size_t n) override {
    int got = gzread(file_, buf, static_cast<unsigned>(std::min<size_t>(n, INT_MAX)));
    if (got < 0) {
      int code = 0;
      const char* why = gzerror(file_, &code);
      return Status::io_error(name_ + ": cannot read: " + (code == Z_ERRNO ? std::strerror(errno) : why));
    }
    return static_cast<size_t>(got);
  }

 private:
  gzFile file_;
  std::string name_;
};

// True when `s` is well-formed UTF-8: ASCII eight bytes at a time, the rest through decode_utf8.
bool valid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Two-byte sequences (accented Latin, Arabic) inline: lead C2..DF, then a continuation byte.
    if (lead >= 0xC2 && lead <= 0xDF && i + 1 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    uint32_t cp;
    size_t len = decode_utf8(s, i, &cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
// Bytes of `word` equal to the byte repeated in `pattern` have their high bit set; the lowest set one is
// exact (a borrow can only mark bytes above a real match).
inline uint64_t bytes_equal(uint64_t word, uint64_t pattern) {
  uint64_t x = word ^ pattern;
  return (x - kOnes) & ~x & kHighs;
}

// 16384 -> "16,384".
std::string with_commas(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

const char* csv_problem_code(CsvProblemKind kind) {
  switch (kind) {
    case CsvProblemKind::kNone: return "";
    case CsvProblemKind::kUnterminatedQuote: return "unterminated_quote";
    case CsvProblemKind::kInvalidUtf8: return "invalid_utf8";
    case CsvProblemKind::kRaggedRow: return "ragged_row";
    case CsvProblemKind::kRecordTooLong: return "record_too_long";
    case CsvProblemKind::kTooManyFields: return "too_many_fields";
  }
  return "";
}

std::string describe(const CsvProblem& p, uint64_t row, char delimiter) {
  std::string where = row == 0 ? "the header" : "row " + std::to_string(row);
  where += " (line " + std::to_string(p.line) + ")";
  std::string col = ", column " + std::to_string(p.column);
  std::string delim = delimiter == '\t' ? "tab" : std::string("'") + delimiter + "'";
  switch (p.kind) {
    case CsvProblemKind::kNone: return "";
    case CsvProblemKind::kUnterminatedQuote:
      return where + col +
             ": a quoted field is never closed; the record was cut at the end of that line (close the quote, "
             "and double quotes inside a quoted field: \"\")";
    case CsvProblemKind::kInvalidUtf8:
      return where + col + ": the field is not UTF-8 text (bad byte at offset " + std::to_string(p.byte_offset) +
             "); save the file as CSV UTF-8";
    case CsvProblemKind::kRaggedRow:
      return where + " has " + std::to_string(p.found_fields) + " fields, the header has " +
             std::to_string(p.expected_fields) + " (column " + std::to_string(p.column) +
             (p.found_fields < p.expected_fields ? " is missing" : " is extra") +
             "); quote fields that contain the delimiter " + delim;
    case CsvProblemKind::kRecordTooLong:
      return where + " is too long for one record; it was skipped up to the next line end (a stray quote?)";
    case CsvProblemKind::kTooManyFields:
      return where + col + ": more than " + with_commas(p.expected_fields) +
             " fields in one record, the limit; the record was skipped (check that the delimiter is " + delim +
             ", quote fields that contain it, or split the file into fewer columns)";
  }
  return "";
}

void append_csv_record(std::string& out, const std::vector<std::string_view>& fields, char delimiter,
                       std::string_view line_end) {
  const char specials[] = {delimiter, '"', '\r', '\n', '\0'};
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += delimiter;
    std::string_view f = fields[i];
    // One empty field alone would be an empty line, which readers skip: quote it.
    bool quote = f.find_first_of(std::string_view(specials, 4)) != std::string_view::npos ||
                 (!f.empty() && f.front() == ' ') || (fields.size() == 1 && f.empty());
    if (!quote) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += line_end;
}

static CsvOptions with_delimiter(char delimiter) {
  CsvOptions options;
  options.delimiter = delimiter;
  return options;
}

CsvReader::CsvReader(std::istream& in, char delimiter)
    : CsvReader(std::make_unique<IstreamSource>(in), with_delimiter(delimiter)) {}

CsvReader::CsvReader(std::istream& in, const CsvOptions& options)
    : CsvReader(std::make_unique<IstreamSource>(in), options) {}

CsvReader::CsvReader(std::unique_ptr<CsvSource> source, const CsvOptions& options)
    : source_(std::move(source)), options_(options), delimiter_(options.delimiter) {
  options_.block_bytes = std::max<size_t>(options_.block_bytes, 64);
  options_.max_record_bytes = std::max<size_t>(options_.max_record_bytes, 16);
  options_.max_fields = std::clamp<size_t>(options_.max_fields, 1, UINT32_MAX - 1);
  capacity_ = options_.block_bytes;
  buf_ = std::make_unique<char[]>(capacity_);
}

CsvReader::~CsvReader() = default;

Result<std::unique_ptr<CsvReader>> CsvReader::open(const std::string& path, const CsvOptions& options) {
  int fd = path == "-" ? dup(STDIN_FILENO) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  std::string name = path == "-" ? "<stdin>" : path;
  if (fd < 0) return Status::not_found(name + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    return Status::not_found(name + ": is a directory, not a CSV file");
  }
  gzFile file = gzdopen(fd, "rb");
  if (!file) {
    close(fd);
    return Status::io_error(name + ": cannot open");
  }
  gzbuffer(file, 256 << 10);
  return std::make_unique<CsvReader>(std::make_unique<GzSource>(file, name), options);
}

bool CsvReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // keep only the unfinished record
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    consumed_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {  // one record fills the buffer: grow it
    size_t bigger = capacity_ * 2;
    auto grown = std::make_unique<char[]>(bigger);
    std::memcpy(grown.get(), buf_.get(), end_);
    buf_ = std::move(grown);
    capacity_ = bigger;
  }
  auto got = source_->read(buf_.get() + end_, capacity_ - end_);
  if (!got) {
    status_ = got.error();
    eof_ = true;
    return false;
  }
  if (*got == 0) {
    eof_ = true;
    return false;
  }
  end_ += *got;
  return true;
}

// The delimiter that occurs most often outside quotes in the first line: ',' on ties or when none does.
void CsvReader::detect_delimiter() {
  size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (size_t i = begin_; i < end_; ++i) {
    char c = buf_[i];
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '\n' || c == '\r') break;
    else if (c == ',') ++commas;
    else if (c == ';') ++semicolons;
    else if (c == '\t') ++tabs;
  }
  delimiter_ = ',';
  if (semicolons > commas && semicolons >= tabs) delimiter_ = ';';
  else if (tabs > commas && tabs > semicolons) delimiter_ = '\t';
}

// Before the first record: the first block, the BOM, the delimiter and the table of field ends.
static constexpr std::string_view kBom = "\xEF\xBB\xBF";

Status CsvReader::read_header() {
  if (started_) return Status::internal("CsvReader::read_header after next()");
  CsvRow row;
  // The header's bytes are kept whatever keep_raw says: one record, and rejects files repeat it exactly.
  const bool keep_raw = options_.keep_raw;
  options_.keep_raw = true;
  bool any = next(row);
  options_.keep_raw = keep_raw;
  if (!status_) return status_;
  if (!any) return Status::invalid_argument("the file is empty: expected a header row (column names) and data rows");
  // Checked on the first block only: enough to tell a binary or JSON file from CSV.
  std::string_view head(buf_.get(), end_);
  if (const void* nul = std::memchr(head.data(), '\0', head.size()))
    return Status::invalid_argument(
        "this is not CSV text: it has a NUL byte at offset " +
        std::to_string(consumed_ + (static_cast<const char*>(nul) - head.data())) +
        " (a binary file, a spreadsheet such as .xlsx, or UTF-16 text?); export or save it as CSV UTF-8");
  std::string_view first = row.fields.empty() ? std::string_view() : row.fields.front();
  size_t lead = first.find_first_not_of(" \t");
  if (lead != std::string_view::npos && (first[lead] == '{' || first[lead] == '['))
    return Status::invalid_argument(
        "this looks like a JSON document, not CSV: expected a header row of column names (phone,firstName,...)");
  if (!row.ok()) return Status::invalid_argument(describe(row.problem, 0, delimiter_));
  header_.assign(row.fields.begin(), row.fields.end());
  header_raw_.assign(had_bom_ ? kBom : std::string_view());
  header_raw_.append(row.raw);
  // Header only? Skip blank lines and see whether anything is left.
  for (;;) {
    while (begin_ < end_ && (buf_[begin_] == '\n' || buf_[begin_] == '\r')) {
      if (buf_[begin_] == '\n' || begin_ + 1 >= end_ || buf_[begin_ + 1] != '\n') ++line_;
      ++begin_;
    }
    if (begin_ < end_) break;
    if (!fill()) {
      if (!status_) return status_;
      return Status::invalid_argument("the file has a header row but no data rows");
    }
  }
  return Status::ok();
}

CsvReader::Parse CsvReader::parse_record(CsvRow& row) {
  const char* base = buf_.get();
  // Empty lines between records are not records.
  while (begin_ < end_ && (base[begin_] == '\n' || base[begin_] == '\r')) {
    if (base[begin_] == '\r') {
      if (begin_ + 1 == end_ && !eof_) return Parse::kNeedMore;
      if (begin_ + 1 < end_ && base[begin_ + 1] == '\n') ++begin_;
    }
    ++begin_;
    ++line_;
  }
  if (begin_ == end_) return eof_ ? Parse::kEnd : Parse::kNeedMore;
  const size_t start = begin_;
  const size_t limit = options_.max_record_bytes;
  size_t p = start;
  uint64_t newlines = 0;  // inside quoted fields of this record
  spans_.clear();
  // Past max_fields the fields are still scanned (quotes decide where the record ends) but not kept.
  bool too_many = false;
  uint64_t crossed_line = 0;
  auto add_span = [&](Span span, uint64_t field_line) {
    if (spans_.size() < options_.max_fields) {
      spans_.push_back(span);
    } else if (!too_many) {
      too_many = true;
      crossed_line = field_line;
    }
  };
  for (;;) {
    if (p < end_ && base[p] == '"') {
      const size_t quote_at = p++;
      for (;;) {
        const void* q = std::memchr(base + p, '"', end_ - p);
        if (!q) {
          if (!eof_ && end_ - start < limit) return Parse::kNeedMore;
          row.problem.line = line_ + newlines;
          cut_unterminated(row, quote_at, start);
          return Parse::kDone;
        }
        p = static_cast<const char*>(q) - base;
        if (p + 1 == end_ && !eof_) return Parse::kNeedMore;
        if (p + 1 < end_ && base[p + 1] == '"') {
          p += 2;
          continue;
        }
        ++p;
        break;
      }
      // Text after the closing quote (`"a"b`) stays in the field, as spreadsheets read it.
      p = scan_bare(p);
      const uint64_t field_line = line_ + newlines;
      newlines += std::count(base + quote_at, base + p, '\n');
      add_span({static_cast<uint32_t>(quote_at - start), static_cast<uint32_t>(p - start), true}, field_line);
    } else {
      const size_t field_start = p;
      p = scan_bare(p);
      add_span({static_cast<uint32_t>(field_start - start), static_cast<uint32_t>(p - start), false}, line_ + newlines);
    }
    if (p - start >= limit) {
      cut_too_long(row);
      return Parse::kDone;
    }
    if (p == end_) {
      if (!eof_) return Parse::kNeedMore;
      if (too_many) skip_too_many_fields(row, crossed_line);
      else finish_record(row, p);
      begin_ = p;
      line_ += newlines;
      return Parse::kDone;
    }
    const char c = base[p];
    if (c == delimiter_) {
      ++p;
      continue;
    }
    // A line end: LF, CRLF or a lone CR.
    size_t after = p + 1;
    if (c == '\r') {
      if (after == end_ && !eof_) return Parse::kNeedMore;
      if (after < end_ && base[after] == '\n') ++after;
    }
    if (too_many) skip_too_many_fields(row, crossed_line);
    else finish_record(row, p);
    begin_ = after;
    line_ += newlines + 1;
    return Parse::kDone;
  }
}

// The first byte at or after `p` that ends a bare field (delimiter, CR, LF), or end_: eight bytes at a
// time (little-endian), then byte by byte.
size_t CsvReader::scan_bare(size_t p) const {
  const char* base = buf_.get();
  const uint64_t delimiter = kOnes * static_cast<uint8_t>(delimiter_), lf = kOnes * '\n', cr = kOnes * '\r';
  while (p + 8 <= end_) {
    uint64_t word;
    std::memcpy(&word, base + p, 8);
    uint64_t hits = bytes_equal(word, delimiter) | bytes_equal(word, lf) | bytes_equal(word, cr);
    if (hits) return p + __builtin_ctzll(hits) / 8;
    p += 8;
  }
  while (p < end_ && !table_[static_cast<uint8_t>(base[p])]) ++p;
  return p;
}

// The record [begin_, record_end) is complete: its fields become views, unquoted in place.
void CsvReader::finish_record(CsvRow& row, size_t record_end) {
  char* base = buf_.get() + begin_;
  row.line = line_;
  // Checked before unquoting, on the record's bytes at once: the fields are valid when these are.
  record_utf8_ = !options_.check_utf8 || valid_utf8(std::string_view(base, record_end - begin_));
  row.raw = {};
  if (options_.keep_raw) {
    row.raw = std::string_view(base, record_end - begin_);
    // Unquoting rewrites the buffer: keep a copy of the bytes first.
    if (std::any_of(spans_.begin(), spans_.end(), [](const Span& s) { return s.quoted; })) {
      raw_.assign(row.raw);
      row.raw = raw_;
    }
  }
  row.fields.resize(spans_.size());
  for (size_t i = 0; i < spans_.size(); ++i) {
    const Span& s = spans_[i];
    if (!s.quoted) {
      row.fields[i] = std::string_view(base + s.begin, s.end - s.begin);
      continue;
    }
    // Quotes toggle quoting and "" inside quotes is one quote; the result is never longer.
    char* out = base + s.begin;
    bool inside = false;
    for (uint32_t r = s.begin; r < s.end; ++r) {
      char ch = base[r];
      if (ch != '"') {
        *out++ = ch;
      } else if (inside && r + 1 < s.end && base[r + 1] == '"') {
        *out++ = '"';
        ++r;
      } else {
        inside = !inside;
      }
    }
    row.fields[i] = std::string_view(base + s.begin, out - (base + s.begin));
  }
}

// No closing quote within the input or the record limit: the field runs to the end of the line the
// quote opened on, and the next record starts on the line after it.
void CsvReader::cut_unterminated(CsvRow& row, size_t quote_at, size_t start) {
  const char* base = buf_.get();
  size_t line_end = quote_at;
  while (line_end < end_ && base[line_end] != '\n' && base[line_end] != '\r') ++line_end;
  row.problem.kind = CsvProblemKind::kUnterminatedQuote;
  row.problem.column = static_cast<uint32_t>(spans_.size() + 1);
  uint64_t line = row.problem.line;
  spans_.push_back({static_cast<uint32_t>(quote_at + 1 - start), static_cast<uint32_t>(line_end - start), false});
  finish_record(row, line_end);
  row.line = line_;
  size_t after = line_end;
  if (after < end_) after += (base[after] == '\r' && after + 1 < end_ && base[after + 1] == '\n') ? 2 : 1;
  begin_ = after;
  line_ = line + 1;
}

// An unquoted record past the limit (a binary file, a missing line end): skip to the next line end.
void CsvReader::cut_too_long(CsvRow& row) {
  row.fields.clear();
  row.raw = {};
  row.line = line_;
  row.problem.kind = CsvProblemKind::kRecordTooLong;
  row.problem.column = 1;
  row.problem.line = line_;
  for (;;) {
    const void* nl = std::memchr(buf_.get() + begin_, '\n', end_ - begin_);
    if (nl) {
      begin_ = static_cast<const char*>(nl) - buf_.get() + 1;
      break;
    }
    begin_ = end_;
    if (!fill()) break;
  }
  ++line_;
}

// A whole record with more than max_fields fields: none of them is kept (a record of delimiters must
// not cost a view per delimiter). The caller moves past the record.
void CsvReader::skip_too_many_fields(CsvRow& row, uint64_t crossed_line) {
  row.fields.clear();
  row.raw = {};
  row.line = line_;
  row.problem.kind = CsvProblemKind::kTooManyFields;
  row.problem.column = static_cast<uint32_t>(options_.max_fields + 1);
  row.problem.line = crossed_line;
  row.problem.expected_fields = static_cast<uint32_t>(options_.max_fields);
}

void CsvReader::check_fields(CsvRow& row) {
  if (!row.ok()) return;
  if (!record_utf8_) {
    for (size_t i = 0; i < row.fields.size(); ++i) {
      std::string_view f = row.fields[i];
      unsigned char high = 0;
      for (char c : f) high |= static_cast<unsigned char>(c);
      if (high < 0x80) continue;
      size_t bad = invalid_utf8_offset(f);
      if (bad == std::string_view::npos) continue;
      row.problem.kind = CsvProblemKind::kInvalidUtf8;
      row.problem.column = static_cast<uint32_t>(i + 1);
      row.problem.byte_offset = bad;
      row.problem.line = row.line;
      for (size_t j = 0; j < i; ++j) row.problem.line += std::count(row.fields[j].begin(), row.fields[j].end(), '\n');
      row.problem.line += std::count(f.begin(), f.begin() + bad, '\n');
      return;
    }
  }
  if (header_fields_ != 0 && row.fields.size() != header_fields_) {
    row.problem.kind = CsvProblemKind::kRaggedRow;
    row.problem.expected_fields = static_cast<uint32_t>(header_fields_);
    row.problem.found_fields = static_cast<uint32_t>(row.fields.size());
    row.problem.column = static_cast<uint32_t>(std::min(row.fields.size(), header_fields_) + 1);
    row.problem.line = row.line;
  }
}

bool CsvReader::next(CsvRow& row) {
  row.problem = CsvProblem{};
  if (!started_) {
    started_ = true;
    while (end_ < kBom.size() && fill()) {}
    if (std::string_view(buf_.get(), std::min(end_, kBom.size())) == kBom) {
      begin_ = kBom.size();
      had_bom_ = true;
    }
    while (!eof_ && std::memchr(buf_.get() + begin_, '\n', end_ - begin_) == nullptr && end_ < capacity_ && fill()) {}
    if (delimiter_ == kDetectDelimiter) detect_delimiter();
    table_[static_cast<uint8_t>(delimiter_)] = table_[uint8_t{'\n'}] = table_[uint8_t{'\r'}] = true;
  }
  for (;;) {
    Parse parsed = parse_record(row);
    if (parsed == Parse::kEnd) return false;
    if (parsed == Parse::kNeedMore) {
      fill();
      continue;
    }
    row.row = next_row_++;
    check_fields(row);
    if (row.row == 0) header_fields_ = std::max<size_t>(row.fields.size(), 1);
    return true;
  }
}

bool CsvReader::next(CsvRecord& record) {
  if (!next(scratch_)) return false;
  record.fields.resize(scratch_.fields.size());
  for (size_t i = 0; i < scratch_.fields.size(); ++i) record.fields[i].assign(scratch_.fields[i]);
  record.line = scratch_.line;
  record.row = scratch_.row;
  record.problem = scratch_.problem;
  record.ok = scratch_.ok();
  return true;
}

}  // namespace gomo::document
