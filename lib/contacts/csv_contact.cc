#include "contacts/csv_contact.h"

#include <algorithm>

#include "document/csv_reader.h"

namespace gomo::contacts {

Result<CsvContact> read_csv_contact(const std::string& path, size_t row, const MappingOptions& options,
                                    char delimiter) {
  if (row == 0) return Status::invalid_argument("--row counts data rows from 1 (the header is not a row)");
  document::CsvOptions csv;
  csv.delimiter = delimiter;
  auto opened = document::CsvReader::open(path, csv);
  if (!opened) return opened.error();
  document::CsvReader& reader = **opened;
  if (Status s = reader.read_header(); !s) return Status::invalid_argument(path + ": " + s.message());

  // The id column is gomo's (simulated calls have a contact id), not a contact field or attribute.
  std::vector<std::string> header = reader.header();
  size_t id_column = header.size();
  for (size_t i = 0; i < header.size(); ++i) {
    std::string lower = header[i];
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "id") id_column = i;
  }
  if (id_column < header.size()) header[id_column] = "";  // no field, no attribute
  auto map = map_columns(header, options);
  if (!map) return Status::invalid_argument(path + ": line 1: " + map.error().message());

  document::CsvRow record;
  uint64_t rows = 0;
  while (reader.next(record)) {
    rows = record.row;
    if (record.row < row) continue;
    if (!record.ok())
      return Status::invalid_argument(path + ":" + std::to_string(record.problem.line) + ": " +
                                      document::describe(record.problem, record.row, reader.delimiter()));
    CsvContact contact;
    if (id_column < record.fields.size()) contact.id = record.fields[id_column];
    for (const auto& f : map->fields) contact.fields[f.field] = std::string(record.fields[f.column]);
    for (const auto& a : map->attributes)
      if (!record.fields[a.column].empty()) contact.attributes[a.name] = std::string(record.fields[a.column]);
    return contact;
  }
  if (!reader.status()) return reader.status();
  return Status::invalid_argument(path + ": there is no data row " + std::to_string(row) + " (the file has " +
                                  std::to_string(rows) + ")");
}

}  // namespace gomo::contacts
