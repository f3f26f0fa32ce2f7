#pragma once
// RFC 4180 CSV, read one record at a time (memory does not grow with the file): quoted fields with
// commas, quotes ("") and newlines, CRLF or LF line ends, a UTF-8 BOM. Each record knows the line it
// starts on, so messages can say "row 12 (line 14)".
#include <istream>
#include <string>
#include <vector>

namespace gomo::document {

struct CsvRecord {
  std::vector<std::string> fields;
  uint32_t line = 0;  // 1-based line where the record starts
  bool ok = true;     // false: an unterminated quote ran to the end of the input
};

class CsvReader {
 public:
  // REQUIRES: `in` outlives the reader. `separator` is usually ',' (';' for some spreadsheets).
  explicit CsvReader(std::istream& in, char separator = ',') : in_(in), separator_(separator) {}
  // Reads the next record; false at the end of the input.
  bool next(CsvRecord& record);

 private:
  std::istream& in_;
  char separator_;
  uint32_t line_ = 1;
  bool first_ = true;
};

}  // namespace gomo::document
