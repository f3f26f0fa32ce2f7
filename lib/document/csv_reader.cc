#include "document/csv_reader.h"

namespace gomo::document {

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.ok = true;
  record.line = line_;
  if (first_) {
    first_ = false;
    if (in_.peek() == 0xEF) {
      char bom[3];
      in_.read(bom, 3);
      if (!(bom[0] == '\xEF' && bom[1] == '\xBB' && bom[2] == '\xBF')) {
        in_.clear();
        in_.seekg(0);
      }
    }
  }
  int c = in_.get();
  if (c == EOF) return false;
  std::string field;
  bool quoted = false, was_quoted = false;
  while (true) {
    if (c == EOF) {
      if (quoted) record.ok = false;
      record.fields.push_back(std::move(field));
      return true;
    }
    char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        if (in_.peek() == '"') {
          field += '"';
          in_.get();
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line_;
        field += ch;
      }
    } else if (ch == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (ch == separator_) {
      record.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (ch == '\r' && in_.peek() == '\n') {
      // CRLF: the \n ends the record below.
    } else if (ch == '\n') {
      ++line_;
      record.fields.push_back(std::move(field));
      return true;
    } else {
      field += ch;
    }
    c = in_.get();
  }
}

}  // namespace gomo::document
