// Reads a CSV file with gomo's reader and nothing else (bench/csv.sh drives it): prints rows, fields,
// rows with problems, bytes and the rate. Usage: gomo_csv_bench FILE [records|rows]
// `rows` (the default) uses the views API (CsvRow), `records` the owning one (CsvRecord).
#include <chrono>
#include <cstdio>
#include <string>

#include "document/csv_reader.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gomo_csv_bench FILE [rows|records]\n");
    return 2;
  }
  std::string mode = argc > 2 ? argv[2] : "rows";
  auto start = std::chrono::steady_clock::now();
  auto reader = gomo::document::CsvReader::open(argv[1]);
  if (!reader) {
    std::fprintf(stderr, "%s\n", reader.error().message().c_str());
    return 2;
  }
  auto& r = **reader;
  if (gomo::Status s = r.read_header(); !s) {
    std::fprintf(stderr, "%s: %s\n", argv[1], s.message().c_str());
    return 2;
  }
  uint64_t rows = 0, fields = 0, bad = 0, bytes = 0;
  if (mode == "records") {
    gomo::document::CsvRecord rec;
    while (r.next(rec)) {
      ++rows;
      fields += rec.fields.size();
      bad += !rec.ok;
      bytes += rec.fields.empty() ? 0 : rec.fields[0].size();
    }
  } else {
    gomo::document::CsvRow row;
    while (r.next(row)) {
      ++rows;
      fields += row.fields.size();
      bad += !row.ok();
      bytes += row.fields.empty() ? 0 : row.fields[0].size();
    }
  }
  if (!r.status()) {
    std::fprintf(stderr, "%s\n", r.status().message().c_str());
    return 2;
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double mb = static_cast<double>(r.bytes_read()) / 1e6;
  std::printf("mode=%s rows=%llu fields=%llu bad=%llu MB=%.1f seconds=%.3f MB/s=%.0f rows/s=%.0f (checksum %llu)\n",
              mode.c_str(), static_cast<unsigned long long>(rows), static_cast<unsigned long long>(fields),
              static_cast<unsigned long long>(bad), mb, s, mb / s, static_cast<double>(rows) / s,
              static_cast<unsigned long long>(bytes));
  return 0;
}
