#include "contacts/upsert_keys.h"

#include <doctest/doctest.h>

#include <fstream>

#include "tests/support/test_support.h"

namespace gomo::contacts {

TEST_CASE("phone_key and e164_of are inverses") {
  char buf[24];
  CHECK(phone_key("+212612345678") == 212612345678ULL);
  CHECK(e164_of(212612345678ULL, buf) == "+212612345678");
  CHECK(e164_of(phone_key("+33612345678"), buf) == "+33612345678");
}

TEST_CASE("phone_keys_of: one key per data row in file order, the same on one thread or three") {
  // 10,000 rows (more than two chunks): valid national numbers, a bad number every 7th row, a ragged
  // row every 11th.
  std::string path = test::scratch_dir() + "/keys.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "phone,first_name\n";
    for (int i = 0; i < 10000; ++i) {
      if (i % 11 == 5) {
        out << "0612" << 100000 + i << "\n";
      } else if (i % 7 == 3) {
        out << "12,Bad\n";
      } else {
        out << "0612" << 100000 + i << ",\"Name, " << i << "\"\n";
      }
    }
  }
  ColumnMap map;
  std::vector<std::string> header = {"phone", "first_name"};
  auto mapped = map_columns(header, {});
  REQUIRE(mapped);
  map = *mapped;
  RowRules rules;
  rules.header = &header;
  rules.map = &map;
  rules.bind();
  std::vector<std::vector<uint64_t>> results;
  for (unsigned threads : {1u, 3u}) {
    auto reader = document::CsvReader::open(path);
    REQUIRE(reader);
    REQUIRE((*reader)->read_header().is_ok());
    size_t last_progress = 0;
    auto keys = phone_keys_of(**reader, rules, threads, [&](size_t rows) { last_progress = rows; });
    REQUIRE(keys);
    CHECK(last_progress > 0);
    results.push_back(*keys);
  }
  REQUIRE(results[0].size() == 10000);
  CHECK(results[0] == results[1]);
  CHECK(results[0][0] == 212612100000ULL);
  CHECK(results[0][3] == 0);  // bad number
  CHECK(results[0][5] == 0);  // ragged
  CHECK(results[0][9998] == 212612109998ULL);
}

}  // namespace gomo::contacts
