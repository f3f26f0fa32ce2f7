#include "local/table_sql.h"

#include <doctest/doctest.h>

#include "store/workspace.h"
#include "tests/support/test_support.h"

namespace gomo {

// A resource of every column kind, for a table of its own.
struct Gauge {
  std::string id;
  std::optional<std::string> label;
  int count = 0;
  bool enabled = false;
  std::optional<double> level;
  std::vector<std::string> tags;
  std::string created_at, updated_at;
};

template <>
const api::fields::Table<Gauge>& api::fields::table_of<Gauge>() {
  static const Table<Gauge> table = {
      field<&Gauge::id>("id").with_column("id"),
      field<&Gauge::label>("label").with_column("label"),
      field<&Gauge::count>("count").with_column("count"),
      field<&Gauge::enabled>("enabled").with_column("enabled"),
      field<&Gauge::level>("level").with_column("level"),
      field<&Gauge::tags>("tags").with_column("tags"),
      field<&Gauge::created_at>("createdAt").with_column("created_at"),
      field<&Gauge::updated_at>("updatedAt").with_column("updated_at"),
  };
  return table;
}

namespace local {

using store::sql::Stmt;

namespace {

// A migrated workspace file with one organisation.
struct Scratch {
  std::unique_ptr<store::Workspace> ws;
  std::string org;
  explicit Scratch(const std::string& name) {
    auto opened = store::Workspace::open(test::scratch_dir() + "/table_sql_" + name + ".db");
    REQUIRE(opened);
    ws = std::move(*opened);
    auto made = ws->create_organization("Acme", "acme");
    REQUIRE(made);
    org = made->organization.id;
  }
  sqlite3* db() { return ws->connection(); }
};

}  // namespace

TEST_CASE("table_sql: the contact table's column lists are the contacts columns, in table order") {
  SqlTable<api::Contact> contacts("contacts");
  const std::string columns =
      "id, organization_id, primary_phone, first_name, last_name, full_name, primary_email, address, city, state, "
      "zip, occupation, preferred_channel, gender, channels, custom_attributes, created_at, updated_at";
  CHECK(contacts.list() == columns);
  CHECK(contacts.select() == "SELECT " + columns + " FROM contacts");
  CHECK(contacts.list("c.").rfind("c.id, c.organization_id, c.primary_phone, ", 0) == 0);

  SqlColumns flows("flows", api::fields::columns_of<api::FlowRecord>());
  CHECK(flows.insert() ==
        "INSERT INTO flows (id, organization_id, name, description, graph, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
  // id, organization_id and created_at are kept for life.
  CHECK(flows.update() == "UPDATE flows SET name = ?, description = ?, graph = ?, updated_at = ? WHERE id = ?");
}

TEST_CASE("table_sql: a computed column is selected last, read into its member and never written") {
  Scratch scratch("computed");
  auto audiences = SqlTable<api::Audience>("audiences", "a").computed("contactCount", "(SELECT 7)");
  CHECK(audiences.select() ==
        "SELECT a.id, a.organization_id, a.name, a.description, a.created_at, a.updated_at, (SELECT 7) "
        "FROM audiences a");
  audiences.insert(scratch.db(), api::Audience{"a1", scratch.org, "Late payers", std::nullopt, 3, "t0", "t0"});
  Stmt s(scratch.db(), audiences.select());
  REQUIRE(s.step());
  api::Audience back = audiences.read(s);
  CHECK(back.name == "Late payers");
  CHECK_FALSE(back.description);
  CHECK(back.contact_count == 7);
}

TEST_CASE("table_sql: a contact round-trips through a real workspace file, unset fields as NULL") {
  Scratch scratch("contact");
  SqlTable<api::Contact> contacts("contacts");
  api::Contact c;
  c.id = "c1";
  c.organization_id = scratch.org;
  c.fields.primary_phone = "+212612345678";
  c.fields.first_name = "Amina";
  c.fields.gender = "female";
  c.fields.channels = std::vector<std::string>{"voice", "sms"};
  c.fields.custom_attributes = {{"age", "30"}, {"segment", "\"tech\""}};
  c.created_at = c.updated_at = "2026-01-01T00:00:00.000Z";
  contacts.insert(scratch.db(), c);

  Stmt raw(scratch.db(), "SELECT last_name IS NULL, channels, custom_attributes FROM contacts WHERE id = 'c1'");
  REQUIRE(raw.step());
  CHECK(raw.integer(0) == 1);
  CHECK(raw.text(1) == R"(["voice","sms"])");
  CHECK(raw.text(2) == R"({"age":30,"segment":"tech"})");

  auto read_back = [&] {
    Stmt s(scratch.db(), contacts.select() + " WHERE id = 'c1'");
    REQUIRE(s.step());
    return contacts.read(s);
  };
  api::Contact back = read_back();
  CHECK(back.id == "c1");
  CHECK(back.organization_id == scratch.org);
  CHECK(back.fields.primary_phone == c.fields.primary_phone);
  CHECK(back.fields.first_name == "Amina");
  CHECK_FALSE(back.fields.last_name);
  CHECK(back.fields.gender == "female");
  CHECK(back.fields.channels == c.fields.channels);
  CHECK(back.fields.custom_attributes == c.fields.custom_attributes);
  CHECK(back.created_at == c.created_at);

  // An update rewrites the fields but keeps created_at.
  back.fields.first_name.reset();
  back.fields.channels.reset();
  back.created_at = "changed";
  back.updated_at = "2026-02-01T00:00:00.000Z";
  contacts.update(scratch.db(), back);
  api::Contact updated = read_back();
  CHECK_FALSE(updated.fields.first_name);
  CHECK_FALSE(updated.fields.channels);
  CHECK(updated.created_at == "2026-01-01T00:00:00.000Z");
  CHECK(updated.updated_at == "2026-02-01T00:00:00.000Z");
}

TEST_CASE("table_sql: a program's lists and nested objects are stored as their JSON text") {
  Scratch scratch("program");
  SqlTable<api::Program> programs("programs");
  api::Program p;
  p.id = "p1";
  p.organization_id = scratch.org;
  p.name = "Reminders";
  p.audience_id = "a1";
  p.flow_id = "f1";
  p.stop_at = "2026-03-01T00:00:00.000Z";
  p.did_pool = {"+212800000000"};
  p.retry_strategy.type = "fixed_delay";
  p.retry_strategy.delay_ms = 5 * 60000;
  p.retry_strategy.max_retries = 2;
  p.auto_pause_rules = {api::AutoPauseRule{"menu", 3, true}};
  p.created_at = p.updated_at = "2026-01-01T00:00:00.000Z";
  programs.insert(scratch.db(), p);

  Stmt raw(scratch.db(), "SELECT start_at IS NULL, did_pool, retry_strategy FROM programs WHERE id = 'p1'");
  REQUIRE(raw.step());
  CHECK(raw.integer(0) == 1);
  CHECK(raw.text(1) == R"(["+212800000000"])");
  CHECK(raw.text(2) == R"({"delayMinutes":5,"maxRetries":2,"type":"fixed_delay"})");

  Stmt s(scratch.db(), programs.select() + " WHERE id = 'p1'");
  REQUIRE(s.step());
  api::Program back = programs.read(s);
  CHECK(api::fields::encode_object(back) == api::fields::encode_object(p));
}

TEST_CASE("table_sql: integer, boolean and real columns keep their SQL types") {
  Scratch scratch("gauge");
  store::sql::exec(scratch.db(),
                   "CREATE TABLE gauges (id TEXT PRIMARY KEY, label TEXT, count INTEGER NOT NULL, enabled INTEGER NOT "
                   "NULL, level REAL, tags TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)");
  SqlTable<Gauge> gauges("gauges");
  Gauge g{"g1", std::nullopt, 42, true, 0.25, {"a", "b"}, "t0", "t0"};
  gauges.insert(scratch.db(), g);

  Stmt types(scratch.db(), "SELECT typeof(label), typeof(count), typeof(enabled), enabled, typeof(level) FROM gauges");
  REQUIRE(types.step());
  CHECK(types.text(0) == "null");
  CHECK(types.text(1) == "integer");
  CHECK(types.text(2) == "integer");
  CHECK(types.integer(3) == 1);
  CHECK(types.text(4) == "real");

  Stmt s(scratch.db(), gauges.select());
  REQUIRE(s.step());
  Gauge back = gauges.read(s);
  CHECK_FALSE(back.label);
  CHECK(back.count == 42);
  CHECK(back.enabled);
  CHECK(back.level == 0.25);
  CHECK(back.tags == g.tags);
  CHECK_FALSE(s.step());
}

TEST_CASE("table_sql: the shared DID reads back with no organisation, as a boolean isShared") {
  Scratch scratch("did");
  SqlTable<api::Did> dids("dids");
  Stmt s(scratch.db(), dids.select() + " WHERE is_shared = 1");
  REQUIRE(s.step());
  api::Did shared = dids.read(s);
  CHECK(shared.number == "+212800000000");
  CHECK(shared.is_shared);
  CHECK_FALSE(shared.organization_id);
  CHECK(shared.status == "active");
}

}  // namespace local
}  // namespace gomo
