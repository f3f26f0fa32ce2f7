// The CSV reader (lib/document/csv_reader.cc) and the column mapping of `contacts upsert`
// (lib/contacts/column_map.cc). The first byte picks the reader's options (delimiter, a tiny block and
// record size so that the buffer's refills and the record cap are reached with small inputs, keep_raw);
// the rest is the file. Properties: no crash; problems carry 1-based positions; a good record written
// back with append_csv_record reads back as the same fields.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "contacts/column_map.h"
#include "document/csv_reader.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace gomo;

// Writes `fields` as one record and reads it back: it must be the same fields.
void check_round_trip(const std::vector<std::string>& fields, char delimiter) {
  // Records the reader cannot give back as written: one empty field is an empty line (skipped), and
  // a UTF-8 BOM at the start of the input is dropped.
  if (fields.size() == 1 && fields[0].empty()) return;
  if (!fields.empty() && fields[0].rfind("\xEF\xBB\xBF", 0) == 0) return;
  std::vector<std::string_view> views(fields.begin(), fields.end());
  std::string text;
  document::append_csv_record(text, views, delimiter);
  std::istringstream in(text);
  document::CsvOptions options;
  options.delimiter = delimiter;
  options.block_bytes = 4096;  // the default 1 MiB buffer, zeroed per record, would be most of the time
  document::CsvReader reader(in, options);
  document::CsvRecord record;
  if (!reader.next(record)) fuzz::fail("a written record did not read back");
  if (record.fields != fields) fuzz::fail("a written record read back as other fields: " + text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t knobs = data[0];
  static const char kDelimiters[] = {document::kDetectDelimiter, ',', ';', '\t'};
  document::CsvOptions options;
  options.block_bytes = 4096;  // inputs are small; the default 1 MiB buffer would be most of the time
  options.delimiter = kDelimiters[knobs & 3];
  options.keep_raw = knobs & 4;
  if (knobs & 8) {
    options.block_bytes = 16;
    options.max_record_bytes = 64;
    options.max_fields = 4;  // and the field limit's path
  }
  std::istringstream in(fuzz::as_text(data + 1, size - 1));
  document::CsvReader reader(in, options);
  bool with_header = (knobs & 16) == 0;
  if (with_header && !reader.read_header().ok()) return 0;

  contacts::MappingOptions mapping;
  mapping.attributes.kind = contacts::AttributeChoice::Kind::kAuto;
  document::CsvRecord record;
  size_t rows = 0;
  while (reader.next(record)) {
    if (record.line == 0) fuzz::fail("a record on line 0");
    if (!record.ok) {
      if (record.problem.line == 0) fuzz::fail("a problem on line 0");
      (void)document::describe(record.problem, record.row, reader.delimiter());
      (void)document::csv_problem_code(record.problem.kind);
      continue;
    }
    if (options.delimiter != document::kDetectDelimiter) check_round_trip(record.fields, options.delimiter);
    // The first data rows double as --map FIELD=COLUMN and --attributes values.
    if (rows++ < 2) {
      for (const auto& f : record.fields) {
        (void)contacts::add_override(mapping, f);
        (void)contacts::column_key(f);
      }
      if (!record.fields.empty()) {
        auto choice = contacts::parse_attribute_choice(record.fields[0]);
        if (choice.has_value()) mapping.attributes = choice.value();
      }
    }
  }
  if (with_header) {
    auto map = contacts::map_columns(reader.header(), mapping);
    if (map.has_value()) {
      for (const auto& f : map->fields)
        if (f.column >= reader.header().size()) fuzz::fail("a field mapped past the header");
      for (const auto& a : map->attributes)
        if (a.column >= reader.header().size()) fuzz::fail("an attribute mapped past the header");
    }
  }
  return 0;
}
