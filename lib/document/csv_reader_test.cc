#include "document/csv_reader.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace gomo::document;

TEST_CASE("csv reader: quotes, separators, CRLF, BOM and line numbers") {
  std::istringstream in(
      "\xEF\xBB\xBFphone,name,note\r\n+212600000001,\"Amina, B.\",\"says \"\"hi\"\"\"\r\n+212600000002,Omar,\"two\nlines\"\n+212600000003,,\n");
  CsvReader r(in);
  CsvRecord rec;
  REQUIRE(r.next(rec));
  CHECK(rec.fields == std::vector<std::string>{"phone", "name", "note"});
  CHECK(rec.line == 1);
  REQUIRE(r.next(rec));
  CHECK(rec.fields == std::vector<std::string>{"+212600000001", "Amina, B.", "says \"hi\""});
  CHECK(rec.line == 2);
  REQUIRE(r.next(rec));
  CHECK(rec.fields[2] == "two\nlines");
  CHECK(rec.line == 3);
  REQUIRE(r.next(rec));
  CHECK(rec.line == 5);
  CHECK(rec.fields == std::vector<std::string>{"+212600000003", "", ""});
  CHECK_FALSE(r.next(rec));
}

TEST_CASE("csv reader: an unterminated quote is reported, semicolons work") {
  std::istringstream in("a;\"b\n");
  CsvReader r(in, ';');
  CsvRecord rec;
  REQUIRE(r.next(rec));
  CHECK_FALSE(rec.ok);
  CHECK(rec.fields[0] == "a");
}
