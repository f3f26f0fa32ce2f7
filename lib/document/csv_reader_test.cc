#include "document/csv_reader.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "tests/support/test_support.h"

using namespace gomo::document;

namespace {

// All records of `text` (header included) as owned fields, read with a tiny block so that records
// cross block boundaries everywhere.
std::vector<CsvRecord> read_all(const std::string& text, CsvOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, options);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (reader.next(rec)) out.push_back(rec);
  return out;
}

CsvOptions small_blocks(size_t block) {
  CsvOptions o;
  o.block_bytes = block;
  return o;
}

}  // namespace

TEST_CASE("csv reader: quotes, separators, CRLF, BOM and line numbers") {
  std::istringstream in(
      "\xEF\xBB\xBFphone,name,note\r\n+212600000001,\"Amina, B.\",\"says \"\"hi\"\"\"\r\n+212600000002,Omar,\"two\nlines\"\n+212600000003,,\n");
  CsvReader r(in);
  CsvRecord rec;
  REQUIRE(r.next(rec));
  CHECK(rec.fields == std::vector<std::string>{"phone", "name", "note"});
  CHECK(rec.line == 1);
  CHECK(rec.row == 0);
  REQUIRE(r.next(rec));
  CHECK(rec.fields == std::vector<std::string>{"+212600000001", "Amina, B.", "says \"hi\""});
  CHECK(rec.line == 2);
  CHECK(rec.row == 1);
  REQUIRE(r.next(rec));
  CHECK(rec.fields[2] == "two\nlines");
  CHECK(rec.line == 3);
  REQUIRE(r.next(rec));
  CHECK(rec.line == 5);
  CHECK(rec.fields == std::vector<std::string>{"+212600000003", "", ""});
  CHECK(rec.ok);
  CHECK_FALSE(r.next(rec));
  CHECK(r.status().is_ok());
}

TEST_CASE("csv reader: the same records whatever the block size") {
  std::string text =
      "phone;name;note\r\n+212600000001;\"Amina; B.\";\"says \"\"hi\"\"\"\r\n\r\n+212600000002;Omar;\"two\r\nlines\"\n"
      "+212600000003;;\r\n+212600000004;\"\";x";
  auto expected = read_all(text);
  REQUIRE(expected.size() == 5);
  CHECK(expected[2].fields[2] == "two\r\nlines");
  CHECK(expected[4].fields == std::vector<std::string>{"+212600000004", "", "x"});
  CHECK(expected[4].line == 7);
  for (size_t block : {64, 65, 70, 100}) {
    auto got = read_all(text, small_blocks(block));
    REQUIRE(got.size() == expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].fields == expected[i].fields);
      CHECK(got[i].line == expected[i].line);
      CHECK(got[i].ok);
    }
  }
}

TEST_CASE("csv reader: the delimiter is detected from the header, or given") {
  std::istringstream semi("phone;first_name;\"a,b\"\n1;2;3\n");
  CsvReader r(semi);
  CsvRow row;
  REQUIRE(r.next(row));
  CHECK(r.delimiter() == ';');
  CHECK(row.fields.size() == 3);
  CHECK(row.fields[2] == "a,b");
  std::istringstream tab("phone\tname\n1\t2\n");
  CsvReader t(tab);
  REQUIRE(t.next(row));
  CHECK(t.delimiter() == '\t');
  CHECK(row.fields == std::vector<std::string_view>{"phone", "name"});
  std::istringstream one("phone\n+1\n");
  CsvReader o(one);
  REQUIRE(o.next(row));
  CHECK(o.delimiter() == ',');
  std::istringstream given("a;b,c\n1;2,3\n");
  CsvReader g(given, ',');
  REQUIRE(g.next(row));
  CHECK(row.fields == std::vector<std::string_view>{"a;b", "c"});
}

TEST_CASE("csv reader: Arabic and French bytes survive exactly, with or without BOM") {
  std::string body = "nom,prénom,الاسم\nDurand,Hélène,\"أمينة، ب\"\n";
  for (std::string text : {body, "\xEF\xBB\xBF" + body}) {
    auto recs = read_all(text);
    REQUIRE(recs.size() == 2);
    CHECK(recs[0].fields == std::vector<std::string>{"nom", "prénom", "الاسم"});
    CHECK(recs[1].fields == std::vector<std::string>{"Durand", "Hélène", "أمينة، ب"});
    CHECK(recs[1].ok);
  }
}

TEST_CASE("csv reader: invalid UTF-8 is reported with row, column and line, and reading goes on") {
  auto recs = read_all("a,b\n1,\"x\ny\xff\"\n3,4\n");
  REQUIRE(recs.size() == 3);
  CHECK_FALSE(recs[1].ok);
  CHECK(recs[1].problem.kind == CsvProblemKind::kInvalidUtf8);
  CHECK(recs[1].problem.column == 2);
  CHECK(recs[1].problem.line == 3);
  CHECK(recs[1].fields[1] == "x\ny\xff");  // kept as read
  CHECK(describe(recs[1].problem, recs[1].row, ',') ==
        "row 1 (line 3), column 2: the field is not UTF-8 text (bad byte at offset 3); save the file as CSV UTF-8");
  CHECK(csv_problem_code(recs[1].problem.kind) == std::string("invalid_utf8"));
  CHECK(recs[2].ok);
  CHECK(recs[2].fields == std::vector<std::string>{"3", "4"});
}

TEST_CASE("csv reader: ragged rows are reported, not fatal") {
  auto recs = read_all("a;b;c\n1;2\n1;2;3;4\n5;6;7\n");
  REQUIRE(recs.size() == 4);
  CHECK(recs[1].problem.kind == CsvProblemKind::kRaggedRow);
  CHECK(recs[1].problem.column == 3);
  CHECK(describe(recs[1].problem, 1, ';') ==
        "row 1 (line 2) has 2 fields, the header has 3 (column 3 is missing); quote fields that contain the delimiter "
        "';'");
  CHECK(recs[2].problem.kind == CsvProblemKind::kRaggedRow);
  CHECK(recs[2].problem.column == 4);
  CHECK(recs[2].problem.line == 3);
  CHECK(recs[3].ok);
}

TEST_CASE("csv reader: an unterminated quote cuts its record at the line end; the next rows are read") {
  for (size_t block : {64, 1 << 20}) {
    auto recs = read_all("a,b\n1,\"oops\n2,ok\n3,fine\n", small_blocks(block));
    // The quote never closes: row 1 ends with its line, rows 2 and 3 are read as usual.
    REQUIRE(recs.size() == 4);
    CHECK(recs[1].problem.kind == CsvProblemKind::kUnterminatedQuote);
    CHECK(recs[1].problem.column == 2);
    CHECK(recs[1].problem.line == 2);
    CHECK(recs[1].fields == std::vector<std::string>{"1", "oops"});
    CHECK(csv_problem_code(recs[1].problem.kind) == std::string("unterminated_quote"));
    CHECK(recs[2].fields == std::vector<std::string>{"2", "ok"});
    CHECK(recs[2].line == 3);
    CHECK(recs[3].fields == std::vector<std::string>{"3", "fine"});
    CHECK(recs[3].line == 4);
  }
  // Semicolons, at the end of the input.
  std::istringstream in("a;\"b\n");
  CsvReader r(in, ';');
  CsvRecord rec;
  REQUIRE(r.next(rec));
  CHECK_FALSE(rec.ok);
  CHECK(rec.fields[0] == "a");
}

TEST_CASE("csv reader: a quote that stays open past the record limit is cut too") {
  std::string text = "a,b\n1,\"open\n";
  for (int i = 0; i < 200; ++i) text += std::to_string(i) + ",x\n";
  CsvOptions o = small_blocks(64);
  o.max_record_bytes = 256;
  auto recs = read_all(text, o);
  REQUIRE(recs.size() == 202);
  CHECK(recs[1].problem.kind == CsvProblemKind::kUnterminatedQuote);
  CHECK(recs[2].fields == std::vector<std::string>{"0", "x"});
  CHECK(recs[201].fields == std::vector<std::string>{"199", "x"});
  CHECK(recs[201].line == 202);
}

TEST_CASE("csv reader: read_header tells files that are not CSV") {
  auto header_error = [](const std::string& text) {
    std::istringstream in(text);
    CsvReader r(in);
    gomo::Status s = r.read_header();
    return s.is_ok() ? std::string("ok") : s.message();
  };
  CHECK(header_error("") == "the file is empty: expected a header row (column names) and data rows");
  CHECK(header_error("\n\n") == "the file is empty: expected a header row (column names) and data rows");
  CHECK(header_error("phone,name\n") == "the file has a header row but no data rows");
  CHECK(header_error("phone,name\r\n\r\n") == "the file has a header row but no data rows");
  CHECK(header_error("{\n  \"phone\": \"+212600000001\"\n}\n").find("looks like a JSON document") != std::string::npos);
  CHECK(header_error("[{\"phone\": 1}]").find("looks like a JSON document") != std::string::npos);
  CHECK(header_error(std::string("PK\x03\x04\x14\0\0\0", 8) + "xl/workbook.xml").find("NUL byte at offset 5") !=
        std::string::npos);
  CHECK(header_error("phone,name\n+1,A\n") == "ok");

  std::istringstream in("phone,name\n\n+1,A\n+2,B\n");
  CsvReader r(in);
  REQUIRE(r.read_header().is_ok());
  CHECK(r.header() == std::vector<std::string>{"phone", "name"});
  CsvRow row;
  REQUIRE(r.next(row));
  CHECK(row.row == 1);
  CHECK(row.line == 3);
  CHECK(row.fields == std::vector<std::string_view>{"+1", "A"});
  REQUIRE(r.next(row));
  CHECK(row.row == 2);
  CHECK_FALSE(r.next(row));
}

TEST_CASE("csv reader: header_raw is the header's bytes as read, with or without keep_raw") {
  for (bool keep_raw : {false, true}) {
    std::istringstream in("\xEF\xBB\xBF\"phone\",\"a \"\"b\"\"\"\r\n+1,x\r\n");
    CsvOptions options;
    options.keep_raw = keep_raw;
    CsvReader r(in, options);
    REQUIRE(r.read_header().is_ok());
    CHECK(r.header() == std::vector<std::string>{"phone", "a \"b\""});
    CHECK(r.header_raw() == "\xEF\xBB\xBF\"phone\",\"a \"\"b\"\"\"");
    CsvRow row;
    REQUIRE(r.next(row));
    CHECK(row.raw == (keep_raw ? "+1,x" : ""));
  }
}

TEST_CASE("csv reader: open reads plain and gzip files alike") {
  auto dir = gomo::test::scratch_dir();
  std::string text = "phone,name\n+212600000001,Amina\n+212600000002,\"Omar\"\n";
  auto plain = gomo::test::write_file(dir, "c.csv", text);
  std::string gz_path = dir + "/c.csv.gz";
  gzFile gz = gzopen(gz_path.c_str(), "wb");
  REQUIRE(gz != nullptr);
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  for (const auto& path : {plain, gz_path}) {
    auto reader = CsvReader::open(path);
    REQUIRE(reader.has_value());
    REQUIRE((*reader)->read_header().is_ok());
    CsvRecord rec;
    REQUIRE((*reader)->next(rec));
    REQUIRE((*reader)->next(rec));
    CHECK(rec.fields == std::vector<std::string>{"+212600000002", "Omar"});
    CHECK_FALSE((*reader)->next(rec));
    CHECK((*reader)->bytes_read() == text.size());
  }
  auto missing = CsvReader::open(dir + "/missing.csv");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().message().find("missing.csv: cannot open") != std::string::npos);
  CHECK_FALSE(CsvReader::open(dir).has_value());
}

// Random well-formed files (quoted or bare fields with delimiters, quotes, CR, LF, multi-byte
// characters; LF or CRLF line ends) read back with random block sizes give the fields and lines written.
TEST_CASE("csv reader: random files read back exactly at any block size") {
  uint64_t seed = 12345;
  auto random = [&](uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % n;
  };
  const std::vector<std::string> pieces = {"a", "Z", "7", "é", "ب", " ", ",", ";", "\t", "\"", "\n", "\r", "\r\n"};
  for (int round = 0; round < 300; ++round) {
    const char delimiter = ",;\t"[random(3)];
    const size_t columns = 1 + random(4);
    std::vector<std::vector<std::string>> records(1 + random(12), std::vector<std::string>(columns));
    std::string text;
    std::vector<uint64_t> lines;
    for (auto& record : records) {
      lines.push_back(1 + std::count(text.begin(), text.end(), '\n'));
      for (size_t c = 0; c < columns; ++c) {
        std::string& field = record[c];
        for (size_t n = random(5); n > 0; --n) field += pieces[random(pieces.size())];
        bool must_quote = field.find_first_of(std::string("\"\r\n") + delimiter) != std::string::npos ||
                          (columns == 1 && field.empty());
        if (c > 0) text += delimiter;
        if (must_quote || random(4) == 0) {
          text += '"';
          for (char ch : field) text += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          text += '"';
        } else {
          text += field;
        }
      }
      text += random(2) ? "\r\n" : "\n";
    }
    if (random(3) == 0) text.resize(text.size() - (text.ends_with("\r\n") ? 2 : 1));  // no final line end
    CsvOptions options;
    options.delimiter = delimiter;
    options.block_bytes = 64 + random(200);
    std::istringstream in(text);
    CsvReader reader(in, options);
    CsvRecord rec;
    CAPTURE(text);
    CAPTURE(options.block_bytes);
    for (size_t i = 0; i < records.size(); ++i) {
      REQUIRE(reader.next(rec));
      CHECK(rec.fields == records[i]);
      CHECK(rec.line == lines[i]);
      CHECK(rec.ok);
    }
    CHECK_FALSE(reader.next(rec));
  }
}

TEST_CASE("csv reader: append_csv_record writes what the reader reads back") {
  std::string out;
  append_csv_record(out, {"+212600000001", "Amina, B.", "says \"hi\"", "two\nlines", "", " lead"});
  append_csv_record(out, {"a;b", "c"}, ';', "\r\n");
  append_csv_record(out, {""});
  CHECK(out == "+212600000001,\"Amina, B.\",\"says \"\"hi\"\"\",\"two\nlines\",,\" lead\"\n\"a;b\";c\r\n\"\"\n");
  std::istringstream in(out);
  CsvReader reader(in, ',');
  CsvRecord rec;
  REQUIRE(reader.next(rec));
  CHECK(rec.fields == std::vector<std::string>{"+212600000001", "Amina, B.", "says \"hi\"", "two\nlines", "", " lead"});
}

TEST_CASE("csv reader: UTF-8 is checked exactly: cut, overlong and surrogate sequences are invalid") {
  for (std::string bad : {"\xC3", "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "abcdefgh\xE2\x82"}) {
    auto recs = read_all("a,b\nok," + bad + "\n");
    REQUIRE(recs.size() == 2);
    CAPTURE(bad);
    CHECK(recs[1].problem.kind == CsvProblemKind::kInvalidUtf8);
    CHECK(recs[1].problem.column == 2);
  }
  auto good = read_all("a,b\n€ 12345678,😀 ب é ⵣ\n");
  REQUIRE(good.size() == 2);
  CHECK(good[1].ok);
}

TEST_CASE("csv reader: keep_raw gives each record's bytes exactly as read, at any block size") {
  const std::string text =
      "\xEF\xBB\xBFphone;name\r\n+212600000001;\"Amina; \"\"B\"\"\"\r\n+212600000002;\"two\nlines\"\n"
      "+212600000003;Omar;extra\n+212600000004;\xC3(bad\n+212600000005;\"open\nnext;row\n";
  const std::vector<std::string> raws = {"phone;name",
                                         "+212600000001;\"Amina; \"\"B\"\"\"",
                                         "+212600000002;\"two\nlines\"",
                                         "+212600000003;Omar;extra",
                                         "+212600000004;\xC3(bad",
                                         "+212600000005;\"open",
                                         "next;row"};
  for (size_t block : {64, 1 << 20}) {
    CAPTURE(block);
    CsvOptions options = small_blocks(block);
    options.keep_raw = true;
    std::istringstream in(text);
    CsvReader reader(in, options);
    CsvRow row;
    std::vector<std::string> got;
    while (reader.next(row)) got.emplace_back(row.raw);
    CHECK(got == raws);
  }
  // Without keep_raw, raw stays empty.
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRow row;
  REQUIRE(reader.next(row));
  CHECK(row.raw.empty());
}

TEST_CASE("csv reader: a record with more fields than the limit is skipped, and the others are read") {
  // A hostile row in the middle: 8 MiB less one byte of delimiters, 8 million fields without the cap.
  std::string text = "phone,name\n+1,A\n";
  text += std::string((size_t{8} << 20) - 1, ',');
  text += "\n+2,B\n";
  for (size_t block : {size_t{1} << 20, size_t{4096}}) {
    CAPTURE(block);
    auto recs = read_all(text, small_blocks(block));
    REQUIRE(recs.size() == 4);
    CHECK(recs[1].fields == std::vector<std::string>{"+1", "A"});
    CHECK_FALSE(recs[2].ok);
    CHECK(recs[2].problem.kind == CsvProblemKind::kTooManyFields);
    CHECK(csv_problem_code(recs[2].problem.kind) == std::string("too_many_fields"));
    CHECK(recs[2].fields.empty());
    CHECK(recs[2].problem.column == kMaxCsvFields + 1);
    CHECK(recs[2].problem.line == 3);
    CHECK(recs[3].fields == std::vector<std::string>{"+2", "B"});
    CHECK(recs[3].line == 4);
    CHECK(recs[3].ok);
  }
}

TEST_CASE("csv reader: the field limit counts quoted fields, and says where it was crossed") {
  CsvOptions o = small_blocks(64);
  o.max_fields = 3;
  o.keep_raw = true;
  // Row 2 crosses the limit at its 4th field, on line 4 (its 2nd field spans two lines); the quoted
  // delimiters and line break do not end the record early.
  auto recs = read_all("a,b,c\n1,2,3\n\"x,y\",\"two\nlines\",z,w,v\n4,5,6\n", o);
  REQUIRE(recs.size() == 4);
  CHECK(recs[1].ok);
  CHECK(recs[2].problem.kind == CsvProblemKind::kTooManyFields);
  CHECK(recs[2].problem.column == 4);
  CHECK(recs[2].problem.line == 4);
  CHECK(recs[2].line == 3);
  CHECK(recs[3].fields == std::vector<std::string>{"4", "5", "6"});
  CHECK(recs[3].line == 5);
  CHECK(describe(recs[2].problem, recs[2].row, ',') ==
        "row 2 (line 4), column 4: more than 3 fields in one record, the limit; the record was skipped (check that "
        "the delimiter is ',', quote fields that contain it, or split the file into fewer columns)");
  // Exactly at the limit is fine; at the end of the input without a line end too.
  recs = read_all("a,b,c\n1,2,3,4", o);
  REQUIRE(recs.size() == 2);
  CHECK(recs[1].problem.kind == CsvProblemKind::kTooManyFields);
}

TEST_CASE("csv reader: a header with more fields than the limit is an error of read_header") {
  std::string text(kMaxCsvFields + 1, ';');
  text += "\n1;2\n";
  std::istringstream in(text);
  CsvReader r(in);
  gomo::Status s = r.read_header();
  REQUIRE_FALSE(s.is_ok());
  CHECK(s.message() ==
        "the header (line 1), column 16385: more than 16,384 fields in one record, the limit; the record was skipped "
        "(check that the delimiter is ';', quote fields that contain it, or split the file into fewer columns)");
}
