#include "contacts/upsert.h"
#include "contacts/resolve.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "contacts/upsert_journal.h"
#include "tests/support/test_support.h"
#include "tests/support/workspace_fixture.h"

namespace gomo::contacts {
namespace {

std::string write_csv(const std::string& text) {
  std::string path = test::scratch_dir() + "/in.csv";
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("upsert_csv: valid rows sent, bad rows rejected with codes, duplicates counted; counts add up") {
  test::WorkspaceFixture fx;
  UpsertRequest request;
  request.path = write_csv(
      "phone;first_name;email\n"
      "0612345678;أمينة;amina@example.ma\n"
      "+33612345678;Élodie;\n"
      "12;Bad;\n"
      "0612345679;Omar;not-an-email\n"
      "0612345680;Ragged\n"
      "06 12 34 56 78;Amina2;\n");
  request.rejects_path = test::scratch_dir() + "/rejects.csv";
  auto r = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(r);
  CHECK(r->rows_read == 6);
  CHECK(r->sent == 2);
  CHECK(r->created == 2);
  CHECK(r->duplicates == 1);
  CHECK(r->rejected == 3);
  CHECK(r->rows_read == r->sent + r->duplicates + r->rejected);
  CHECK(r->over_max_rejects);  // default: any reject fails the run
  CHECK(r->reject_reasons["invalid_email"] == 1);
  CHECK(r->reject_reasons["ragged_row"] == 1);
  std::string rejects = slurp(request.rejects_path);
  CHECK(rejects.find("phone;first_name;email;gomo_row;gomo_column;gomo_reason;gomo_message\r\n") == 0);
  CHECK(rejects.find("0612345679;Omar;not-an-email;4;email;invalid_email;") != std::string::npos);
  auto all = api::list_all_contacts(*fx.platform, {});
  REQUIRE(all);
  REQUIRE(all->size() == 2);
  for (const auto& c : *all) {
    if (*c.fields.primary_phone == "+212612345678") CHECK(*c.fields.first_name == "Amina2");  // last wins
  }

  // Again: every contact is known; the first of Amina's rows changes her name, Élodie's is as stored.
  request.on_duplicate = OnDuplicate::kFirst;
  request.max_rejects_percent = 50;
  auto again = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(again);
  CHECK(again->created == 0);
  CHECK(again->updated == 1);
  CHECK(again->unchanged == 1);
  CHECK_FALSE(again->over_max_rejects);
}

TEST_CASE("upsert_csv: rejected rows are in the rejects file byte for byte as read, then the gomo_* columns") {
  test::WorkspaceFixture fx;
  UpsertRequest request;
  const std::string quoted = "0612345679,\"Omar \"\"O\"\"\",\"not an\nemail\"";  // quotes and a line end
  const std::string bad_utf8 = "0612345670,Bad\xC3(,";
  const std::string ragged = "0612345671,  spaced ,a@b.ma,extra";
  const std::string open_quote = "0612345672,\"Never closed,";
  request.path = write_csv("phone,first_name,email\r\n0612345678,Amina,\r\n" + quoted + "\r\n" + bad_utf8 + "\n" +
                           ragged + "\n" + open_quote + "\n");
  request.rejects_path = test::scratch_dir() + "/rejects.csv";
  request.max_rejects = 10;
  request.dry_run = true;
  auto r = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(r);
  CHECK(r->rows_read == 5);
  CHECK(r->rejected == 4);
  std::string rejects = slurp(request.rejects_path);
  CHECK(rejects.find("phone,first_name,email,gomo_row,gomo_column,gomo_reason,gomo_message\r\n") == 0);
  CHECK(rejects.find("\r\n" + quoted + ",2,email,invalid_email,") != std::string::npos);
  CHECK(rejects.find("\r\n" + bad_utf8 + ",3,first_name,invalid_utf8,") != std::string::npos);
  CHECK(rejects.find("\r\n" + ragged + ",4,,ragged_row,") != std::string::npos);
  // An unterminated quote would swallow the columns after it: that row is written re-quoted.
  CHECK(rejects.find("\r\n0612345672,\"Never closed,\",5,") != std::string::npos);
}

TEST_CASE("upsert_csv: the rejects file's header is the input's header byte for byte (BOM, quotes)") {
  test::WorkspaceFixture fx;
  UpsertRequest request;
  const std::string header = "\xEF\xBB\xBF\"phone\";\"Pr\xC3\xA9nom \"\"usuel\"\"\";email";
  request.path = write_csv(header + "\r\n0612345678;Amina;not-an-email\r\n");
  request.rejects_path = test::scratch_dir() + "/rejects.csv";
  request.max_rejects = 10;
  request.dry_run = true;
  REQUIRE(upsert_csv(*fx.platform, request, nullptr));
  CHECK(slurp(request.rejects_path).find(header + ";gomo_row;gomo_column;gomo_reason;gomo_message\r\n") == 0);
}

TEST_CASE("upsert_csv: a dry run without a rejects file counts from the first pass what the second would") {
  test::WorkspaceFixture fx;
  UpsertRequest request;
  request.path = write_csv(
      "phone;first_name;email\n0612345678;Amina;\n0612345678;Amina2;\n12;Bad;\n0612345679;Omar;nope\n"
      "0612345680;Ragged\n06 12 34 56 78;Amina3;\n0612345681;\xC3(;\n0612345682;Sara;\n");
  request.dry_run = true;
  request.max_rejects = 100;
  for (auto mode : {OnDuplicate::kLast, OnDuplicate::kReject, OnDuplicate::kMerge}) {
    CAPTURE(static_cast<int>(mode));
    request.on_duplicate = mode;
    request.rejects_path.clear();
    auto counted = upsert_csv(*fx.platform, request, nullptr);
    request.rejects_path = test::scratch_dir() + "/dry_rejects.csv";
    auto read_twice = upsert_csv(*fx.platform, request, nullptr);
    REQUIRE(counted);
    REQUIRE(read_twice);
    CHECK(counted->rows_read == 8);
    CHECK(counted->rows_read == read_twice->rows_read);
    CHECK(counted->valid == read_twice->valid);
    CHECK(counted->sent == read_twice->sent);
    CHECK(counted->duplicates == read_twice->duplicates);
    CHECK(counted->rejected == read_twice->rejected);
    CHECK(counted->reject_reasons == read_twice->reject_reasons);
    CHECK(counted->rows_read == counted->sent + counted->duplicates + counted->rejected);
  }
}

TEST_CASE("upsert_csv: --on-duplicate reject and merge; dry run sends nothing") {
  test::WorkspaceFixture fx;
  UpsertRequest request;
  request.path = write_csv("phone,firstName,city\n0612345678,Amina,\n0612345678,,Rabat\n0612345670,Omar,Fes\n");
  request.on_duplicate = OnDuplicate::kReject;
  request.dry_run = true;
  auto r = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(r);
  CHECK(r->rejected == 2);
  CHECK(r->sent == 1);
  CHECK(fx.platform->list_contacts({})->meta.total == 0);

  request.on_duplicate = OnDuplicate::kMerge;
  request.dry_run = false;
  r = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(r);
  CHECK(r->sent == 2);
  CHECK(r->duplicates == 1);
  auto amina = api::find_contact_by_phone(*fx.platform, "+212612345678");
  REQUIRE(amina);
  REQUIRE(amina->has_value());
  CHECK((*amina)->fields.first_name == "Amina");
  CHECK((*amina)->fields.city == "Rabat");
}

TEST_CASE("upsert_csv: files that are not CSV, and a header without a phone, are usage failures") {
  test::WorkspaceFixture fx;
  UpsertRequest request;
  // The last one holds a NUL byte (a binary file): built with its length, not from a C string.
  const std::vector<std::string> texts = {"", "{\"a\": 1}\n", "phone\n", "name,city\nA,B\n", std::string("a\0b\n", 4)};
  for (const std::string& text : texts) {
    request.path = write_csv(text);
    auto r = upsert_csv(*fx.platform, request, nullptr);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == UpsertFailure::Kind::kUsage);
  }
}

TEST_CASE("upsert_csv: attribute columns are typed by the account's definitions; --audience joins contacts") {
  test::WorkspaceFixture fx;
  REQUIRE(fx.platform->create_custom_attribute({"Balance", std::nullopt, "number"}));
  UpsertRequest request;
  request.path = write_csv("phone,Balance\n0612345678,12.5\n0612345679,lots\n");
  request.mapping.attributes.kind = AttributeChoice::Kind::kAuto;
  request.audience = "Upserted";
  request.create_audience = true;
  auto r = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE(r);
  CHECK(r->sent == 1);
  CHECK(r->reject_reasons["attribute_type"] == 1);
  REQUIRE_FALSE(r->audience_id.empty());
  CHECK(fx.platform->get_audience(r->audience_id)->contact_count == 1);

  request.path = write_csv("phone,Unknown Column\n0612345678,x\n");
  auto unknown = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message.find("--create-attributes") != std::string::npos);
  request.create_attributes = true;
  CHECK(upsert_csv(*fx.platform, request, nullptr));
}

TEST_CASE("upsert_csv: --attribute-type gives created attributes their type; a bad one is a usage failure") {
  test::WorkspaceFixture fx;
  UpsertRequest request;
  request.path = write_csv("phone,Date échéance,Solde\n0612345678,2026-01-31,12.5\n0612345679,tomorrow,x\n");
  request.mapping.attributes.kind = AttributeChoice::Kind::kAuto;
  request.create_attributes = true;
  request.max_rejects_percent = 100;
  request.attribute_types = {{"Date échéance", "date"}, {"solde", "number"}};  // by header, or by name
  auto r = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE_MESSAGE(r, r.error().message);
  CHECK(r->sent == 1);
  CHECK(r->reject_reasons["attribute_type"] == 1);  // "tomorrow" is no date
  auto attributes = list_all_custom_attributes(*fx.platform, {});
  REQUIRE(attributes);
  std::map<std::string, std::string> types;
  for (const auto& a : *attributes) types[a.name] = a.type;
  CHECK(types["date_echeance"] == "date");
  CHECK(types["solde"] == "number");

  request.attribute_types = {{"Solde", "money"}};
  auto bad_type = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE_FALSE(bad_type);
  CHECK(bad_type.error().kind == UpsertFailure::Kind::kUsage);
  CHECK(bad_type.error().message.find("text, number, boolean, date") != std::string::npos);

  request.attribute_types = {{"Nowhere", "number"}};
  auto bad_column = upsert_csv(*fx.platform, request, nullptr);
  REQUIRE_FALSE(bad_column);
  CHECK(bad_column.error().message.find("no attribute column") != std::string::npos);
}

TEST_CASE("parse_max_rejects") {
  UpsertRequest r;
  CHECK(parse_max_rejects("10", r));
  CHECK(r.max_rejects == 10);
  CHECK(parse_max_rejects("5%", r));
  CHECK(r.max_rejects_percent == 5);
  CHECK_FALSE(parse_max_rejects("x", r));
  CHECK_FALSE(parse_max_rejects("-1", r));
}

}  // namespace gomo::contacts

namespace gomo::contacts {

TEST_CASE("UpsertJournal: records batches, ignores a line cut short, another identity starts afresh") {
  std::string dir = test::scratch_dir() + "/journals";
  {
    auto j = UpsertJournal::open(dir, "file|1|2");
    REQUIRE(j);
    CHECK(j->earlier().empty());
    CHECK(j->record(0, {100, 60, 40, {}}).is_ok());
    CHECK(j->record(1, {99, 99, 0, {7, 9}}).is_ok());
    std::ofstream(j->path(), std::ios::app) << "ack 2 100 1";  // a crash mid-write
  }
  auto again = UpsertJournal::open(dir, "file|1|2");
  REQUIRE(again);
  REQUIRE(again->earlier().size() == 2);
  CHECK(again->earlier().at(1).rejected_rows == std::vector<uint32_t>{7, 9});
  CHECK(again->record(2, {5, 5, 0, {}}).is_ok());
  auto third = UpsertJournal::open(dir, "file|1|2");
  REQUIRE(third);
  CHECK(third->earlier().size() == 3);
  CHECK(third->earlier().at(2).sent == 5);
  third->finish();
  auto other = UpsertJournal::open(dir, "file|1|3");
  REQUIRE(other);
  CHECK(other->earlier().empty());
}

TEST_CASE("UpsertJournal: batches acknowledged out of order are recorded by index; gaps stay to send") {
  std::string dir = test::scratch_dir() + "/journals";
  {
    auto j = UpsertJournal::open(dir, "file|ooo");
    REQUIRE(j);
    // --concurrency 3: batch 2 answers first, then 0; batch 1 was in flight when the run died.
    CHECK(j->record(2, {10, 10, 0, {}}).is_ok());
    CHECK(j->record(0, {9, 4, 5, {3}}).is_ok());
    CHECK(j->record(3, {10, 0, 10, {}}).is_ok());
  }
  auto again = UpsertJournal::open(dir, "file|ooo");
  REQUIRE(again);
  const auto& done = again->earlier();
  REQUIRE(done.size() == 3);
  CHECK(done.count(0) == 1);
  CHECK(done.count(1) == 0);  // never recorded: sent again
  CHECK(done.at(0).rejected_rows == std::vector<uint32_t>{3});
  CHECK(done.at(2).created == 10);
  CHECK(done.at(3).updated == 10);
  // Journals of earlier versions ("batch" lines, one per batch in order) still read, as indexes 0, 1, ...
  std::string old_dir = test::scratch_dir() + "/old-journals";
  auto old = UpsertJournal::open(old_dir, "file|old");
  REQUIRE(old);
  std::string path = old->path();
  std::ofstream(path, std::ios::app) << "batch 5 5 0\nbatch 4 0 4 17\n";
  auto reread = UpsertJournal::open(old_dir, "file|old");
  REQUIRE(reread);
  REQUIRE(reread->earlier().size() == 2);
  CHECK(reread->earlier().at(1).rejected_rows == std::vector<uint32_t>{17});
}

}  // namespace gomo::contacts
