#pragma once
// The one CSV reader of gomo: RFC 4180 read one record at a time from big blocks, so memory does not
// grow with the file (only with the longest record, capped by CsvOptions::max_record_bytes and
// CsvOptions::max_fields).
// - Quoted fields with delimiters, doubled quotes ("") and newlines; CRLF, LF or lone CR line ends.
// - Bytes are kept exactly (a UTF-8 BOM at the start is dropped); each field is checked to be UTF-8.
// - The delimiter is `,` `;` or tab, detected from the header line unless given.
// - Bad records (unterminated quote, invalid UTF-8, a field count that differs from the header's, a
//   record too long, too many fields) carry a CsvProblem with row, column and line; reading goes on with the next
//   record.
// - Empty lines between records are skipped (they still count as lines).
// - From a path, gzip-compressed input is read transparently (zlib), and "-" is standard input.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace gomo::document {

// Where the reader's bytes come from. Implementations: an istream, a file descriptor through zlib.
class CsvSource {
 public:
  virtual ~CsvSource() = default;
  // Reads up to `n` bytes into `buf`: the count, 0 at the end of the input, or an IoError.
  virtual Result<size_t> read(char* buf, size_t n) = 0;
};

// What one record may hold at most, the header included. README.md lists these ("Limits", under
// Validating flows): keep the two in step.
// Bytes in one record: 8 MiB.
inline constexpr size_t kMaxCsvRecordBytes = size_t{8} << 20;
// Fields in one record: 16,384, the column limit of Excel and LibreOffice Calc. Each field costs a
// view (16 bytes) and a span (12) however short it is: without a cap an 8 MiB record of delimiters
// would be 8 million fields, ~230 MB.
inline constexpr size_t kMaxCsvFields = 16384;

// Pass as the delimiter to detect it from the header line.
inline constexpr char kDetectDelimiter = '\0';

struct CsvOptions {
  char delimiter = kDetectDelimiter;             // ',' ';' '\t' (or any byte but '"', CR, LF); default: detected
  bool check_utf8 = true;                        // report fields that are not well-formed UTF-8 (kInvalidUtf8)
  size_t max_record_bytes = kMaxCsvRecordBytes;  // a longer record is cut (kRecordTooLong or kUnterminatedQuote)
  size_t max_fields = kMaxCsvFields;             // a record with more fields is skipped (kTooManyFields)
  size_t block_bytes = 1 << 20;                  // read size; the buffer is about this big
  // Fill CsvRow::raw. Costs a copy of each record that has a quoted field (its fields are unquoted in
  // place); records without one are views. Default false.
  bool keep_raw = false;
};

enum class CsvProblemKind : uint8_t {
  kNone,
  kUnterminatedQuote,  // a quoted field never closes: the record ends with the line its quote opened on
  kInvalidUtf8,        // a field has bytes that are not well-formed UTF-8 (kept as they are)
  kRaggedRow,          // the record's field count differs from the header's
  kRecordTooLong,      // longer than max_record_bytes: the rest up to the next line end is skipped
  kTooManyFields,      // more than max_fields fields: the record is skipped (no fields, no raw bytes)
};

// The first problem of a record. Columns and lines are 1-based.
struct CsvProblem {
  CsvProblemKind kind = CsvProblemKind::kNone;
  uint32_t column = 0;  // the field where it is (kRaggedRow: the first missing or extra field;
                        // kTooManyFields: the first field past the limit)
  uint64_t line = 0;    // the line where it is (a quoted field may span lines)
  uint32_t expected_fields = 0, found_fields = 0;  // kRaggedRow; kTooManyFields: expected_fields is the limit
  uint64_t byte_offset = 0;                        // kInvalidUtf8: offset of the first bad byte inside the field
};
// A stable reason code for rejects files: "unterminated_quote", "invalid_utf8", "ragged_row",
// "record_too_long", "too_many_fields" ("" for kNone).
const char* csv_problem_code(CsvProblemKind kind);
// What is wrong, where and how to fix it, without the file name, e.g. "row 12 has 3 fields, the header has
// 4 (column 4 is missing): quote fields that contain the delimiter ';'". `row` is the data row number.
std::string describe(const CsvProblem& problem, uint64_t row, char delimiter);

// Appends `fields` to `out` as one CSV record ending in `line_end`, quoting the fields that need it
// (delimiter, quote, CR, LF, or a leading space) and doubling their quotes: what the reader reads back
// as `fields`. For rejects files and other CSV output.
void append_csv_record(std::string& out, const std::vector<std::string_view>& fields, char delimiter = ',',
                       std::string_view line_end = "\n");

// A record as views into the reader's buffer: cheap, VALID ONLY UNTIL the next call of next() or the
// reader's destruction.
struct CsvRow {
  std::vector<std::string_view> fields;
  uint64_t row = 0;   // 0 for the header (the first record), then 1, 2, ... for data rows
  uint64_t line = 0;  // 1-based line where the record starts
  CsvProblem problem;
  // With CsvOptions::keep_raw: the record's bytes exactly as read (quotes, doubled quotes, embedded
  // line ends, invalid UTF-8 and all), without its line end; valid as long as `fields`. Empty for
  // kRecordTooLong and kTooManyFields (those bytes were skipped) and without keep_raw.
  std::string_view raw;
  bool ok() const { return problem.kind == CsvProblemKind::kNone; }
};

// A record that owns its fields (the convenient form; a little slower).
struct CsvRecord {
  std::vector<std::string> fields;
  uint64_t line = 0;  // 1-based line where the record starts
  uint64_t row = 0;   // as CsvRow::row
  bool ok = true;     // false when `problem` is set
  CsvProblem problem;
};

class CsvReader {
 public:
  // REQUIRES: `in` outlives the reader. `delimiter` is ',' ';' '\t' or kDetectDelimiter.
  explicit CsvReader(std::istream& in, char delimiter = kDetectDelimiter);
  CsvReader(std::istream& in, const CsvOptions& options);
  CsvReader(std::unique_ptr<CsvSource> source, const CsvOptions& options);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Opens `path` ("-": standard input, not closed), gzip or plain. NotFound when it cannot be opened.
  static Result<std::unique_ptr<CsvReader>> open(const std::string& path, const CsvOptions& options = {});

  // Reads the header (the first record) and checks that the input looks like CSV: InvalidArgument
  // naming the problem when it is empty, binary (a NUL byte), a JSON document, has only a header or has
  // a bad header. After it, next() returns data rows only. Optional: without it, next() returns the
  // header first. REQUIRES: called before next().
  Status read_header();
  const std::vector<std::string>& header() const { return header_; }
  // The header record's bytes exactly as read (quotes and all, the UTF-8 BOM when the input starts
  // with one), without its line end: what a rejects file repeats. Empty before read_header().
  const std::string& header_raw() const { return header_raw_; }

  // Reads the next record; false at the end of the input (then see status()).
  bool next(CsvRow& row);
  bool next(CsvRecord& record);

  // The delimiter in use (detected ones are known after the first record).
  char delimiter() const { return delimiter_; }
  // OK, or the IoError that ended reading early.
  const Status& status() const { return status_; }
  // Bytes consumed so far (after decompression).
  uint64_t bytes_read() const { return consumed_ + begin_; }

 private:
  struct Span {
    uint32_t begin, end;  // offsets from the record's start in buf_
    bool quoted;          // needs its quotes removed
  };
  bool fill();  // reads more after end_; false at the end of the input
  void detect_delimiter();
  enum class Parse { kDone, kNeedMore, kEnd };
  Parse parse_record(CsvRow& row);
  size_t scan_bare(size_t p) const;
  void finish_record(CsvRow& row, size_t record_end);
  void cut_unterminated(CsvRow& row, size_t quote_at, size_t field_start);
  void cut_too_long(CsvRow& row);
  void skip_too_many_fields(CsvRow& row, uint64_t crossed_line);
  std::string_view materialize(const Span& span);
  void check_fields(CsvRow& row);

  std::unique_ptr<CsvSource> source_;
  CsvOptions options_;
  char delimiter_;
  bool table_[256] = {};  // bytes that end an unquoted field
  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0, begin_ = 0, end_ = 0;
  bool eof_ = false, started_ = false;
  uint64_t line_ = 1, next_row_ = 0;
  uint64_t consumed_ = 0;     // bytes dropped from the front of buf_
  size_t header_fields_ = 0;  // 0 until the header is read
  bool record_utf8_ = true;   // the last record's bytes are well-formed UTF-8 (or not checked)
  std::vector<Span> spans_;
  std::string raw_;  // CsvRow::raw of a record with quoted fields (keep_raw)
  std::vector<std::string> header_;
  std::string header_raw_;
  bool had_bom_ = false;  // the input started with a UTF-8 BOM (dropped from the first field)
  Status status_;
  CsvRow scratch_;  // for next(CsvRecord&)
};

}  // namespace gomo::document
