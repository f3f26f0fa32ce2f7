// The local platform's users/me, contacts, custom attributes, audiences and flows (the rest is in
// media.cc, programs.cc and calls.cc), and make_platform.
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "api/validate.h"
#include "checks/validate.h"
#include "local/local_operations.h"
#include "local/paging.h"
#include "local/query.h"
#include "local/table_sql.h"
#include "store/sql.h"
#include "store/workspace.h"

namespace gomo::local {

using api::ApiError;
using api::Contact;
using api::ContactFields;
using api::PageQuery;
using nlohmann::json;
using namespace store::sql;  // NOLINT: the platform is written in terms of the workspace's SQL helpers

namespace {

const std::vector<SortSpec> kContactSorts = {{"firstName", "first_name", true},
                                             {"lastName", "last_name", true},
                                             {"primaryPhone", "primary_phone"},
                                             {"primaryEmail", "primary_email", true},
                                             {"createdAt", "created_at"}};
const std::vector<SortSpec> kNamedSorts = {{"name", "name"}, {"createdAt", "created_at"}, {"updatedAt", "updated_at"}};

// The resources stored one field per column (table_sql.h). An audience's contactCount is counted
// from audience_members; users/me joins two tables and stays hand-written.
const SqlTable<Contact>& contacts_table() {
  static const SqlTable<Contact> table("contacts");
  return table;
}
const SqlTable<api::CustomAttribute>& attributes_table() {
  static const SqlTable<api::CustomAttribute> table("custom_attributes");
  return table;
}
const SqlTable<api::Audience>& audiences_table() {
  static const SqlTable<api::Audience> table =
      SqlTable<api::Audience>("audiences", "a")
          .computed("contactCount", "(SELECT COUNT(*) FROM audience_members m WHERE m.audience_id = a.id)");
  return table;
}
const SqlTable<api::FlowRecord>& flows_table() {
  static const SqlTable<api::FlowRecord> table("flows");
  return table;
}

Contact read_contact(Stmt& s) { return contacts_table().read(s); }

// `base` with every field `change` sets replaced, through the table's JSON form (a request leaves
// unset fields out); custom attributes merge key by key.
ContactFields merge(const ContactFields& base, const ContactFields& change) {
  json merged = api::fields::encode_object(base);
  json given = api::fields::encode_object(change, api::fields::Mode::kRequest);  // named: items() must not dangle
  for (const auto& [name, value] : given.items()) {
    if (name != "customAttributes") {
      merged[name] = value;
      continue;
    }
    for (const auto& [key, attribute] : value.items()) merged[name][key] = attribute;
  }
  return api::fields::decode_object<ContactFields>(merged);
}

// True when upserting `change` over `base` would store what is stored: every field `change` sets
// already holds that value (compared as JSON, so 30 and 30.0 are the same number).
bool changes_nothing(const ContactFields& base, const ContactFields& change) {
  return api::fields::encode_object(merge(base, change)) == api::fields::encode_object(base);
}

// The custom attributes an organisation defined: name -> type.
using AttributeTypes = std::map<std::string, std::string>;

// The statements that write contacts, prepared once per request and run once per contact: for a
// batch of 1,000 contacts, preparing three statements per contact cost more than running them.
// Used under the workspace's mutex, like the connection.
class ContactWrites {
 public:
  ContactWrites(sqlite3* db, std::string org)
      : org_(std::move(org)),
        by_phone_(db, contacts_table().select() + " WHERE organization_id = ? AND primary_phone = ?"),
        insert_(db, contacts_table().insert_sql()),
        insert_new_(db, "INSERT OR IGNORE" + contacts_table().insert_sql().substr(6)),
        update_(db, contacts_table().update_sql()) {}

  std::optional<Contact> find_by_phone(const std::string& phone) { return find(by_phone_, org_, phone); }

  // A new contact stamped `now`, as stored. Not read back: every column round-trips exactly (the
  // conformance tests compare the answer with a later read), and reading back 1,000 rows a batch
  // was a tenth of an upsert's time.
  Contact insert(const ContactFields& fields, const std::string& now) {
    Contact c{new_uuid(), org_, fields, now, now};
    contacts_table().insert(insert_, c);
    return c;
  }

  // The same as insert() when no contact has the phone yet, in one statement; nothing (and nothing
  // written) when one has. Cheaper than find_by_phone() then insert() for a contact that is new.
  // OR IGNORE, not ON CONFLICT DO NOTHING RETURNING: that one made SQLite keep a statement journal,
  // which cost more than the lookup saved. IGNORE also skips a row breaking another constraint (an
  // id taken, a NULL): the caller's lookup then finds nothing and insert() reports it.
  std::optional<Contact> insert_if_new(const ContactFields& fields, const std::string& now) {
    Contact c{new_uuid(), org_, fields, now, now};
    contacts_table().insert(insert_new_, c);
    if (insert_new_.changes() == 0) return std::nullopt;
    return c;
  }

  // `current` with every field `change` sets replaced, stamped `now`, as stored.
  Contact update(const Contact& current, const ContactFields& change, const std::string& now) {
    Contact changed = current;
    changed.fields = merge(current.fields, change);
    changed.updated_at = now;
    contacts_table().update(update_, changed);
    return changed;
  }

 private:
  static std::optional<Contact> find(Stmt& s, const std::string& first, const std::string& second) {
    s.reset();
    s.bind(1, first).bind(2, second);
    if (!s.step()) return std::nullopt;
    return read_contact(s);
  }
  std::string org_;
  Stmt by_phone_, insert_, insert_new_, update_;
};

}  // namespace

namespace {

// An organisation's view; every statement filters on organization_id, so other organisations'
// objects answer 404 exactly like objects that do not exist.
class LocalPlatform final : public LocalOperations {
 public:
  LocalPlatform(std::shared_ptr<store::Workspace> ws, std::string org, std::shared_ptr<Pager> pager)
      : LocalOperations(std::move(ws), org, std::move(pager)), org_(std::move(org)) {}

  std::string target() const override { return "local workspace " + ops_store_->path(); }

  api::Result<api::User> me() override {
    return guarded(ops_mutex_, [&]() -> api::Result<api::User> {
      Stmt s(ops_db_,
             "SELECT u.id, u.email, u.first_name, u.last_name, o.id, o.name, o.slug FROM users u "
             "JOIN organizations o ON o.id = u.organization_id WHERE o.id = ? ORDER BY u.rowid LIMIT 1");
      s.bind(1, org_);
      if (!s.step()) return api::not_found_error("User");
      return api::User{s.text(0), s.text(1), s.text(2), s.text(3), {s.text(4), s.text(5), s.text(6)}};
    });
  }

  api::Result<Contact> create_contact(const ContactFields& fields) override {
    if (auto e = api::validate_contact(fields, true)) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<Contact> {
      if (auto e = check_attributes(fields, "customAttributes.", attribute_types(fields))) return *e;
      ContactWrites writes(ops_db_, org_);
      if (writes.find_by_phone(*fields.primary_phone)) return duplicate_phone(*fields.primary_phone);
      Transaction tx(ops_db_);
      Contact c = writes.insert(fields, now_iso());
      tx.commit();
      return c;
    });
  }

  api::Result<Contact> get_contact(const std::string& id) override {
    return guarded(ops_mutex_, [&]() -> api::Result<Contact> {
      auto c = load_contact(id);
      if (!c) return api::not_found_error("Contact");
      return *c;
    });
  }

  api::Result<api::Page<Contact>> list_contacts(const PageQuery& q) override {
    if (auto e = api::validate_page_query(q, api_names(kContactSorts))) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::Page<Contact>> {
      std::string where =
          " WHERE organization_id = ?1 AND (?2 = '' OR first_name LIKE ?3 ESCAPE '\\' OR last_name LIKE ?3 "
          "ESCAPE '\\' OR full_name LIKE ?3 ESCAPE '\\' OR primary_phone LIKE ?3 ESCAPE '\\' OR primary_email "
          "LIKE ?3 ESCAPE '\\')";
      ListQuery list{"SELECT " + contacts_table().list(), " FROM contacts" + where, search_params(q),
                     sort_column(q, kContactSorts, "")};
      return ops_pager_->page<Contact>(ops_db_, list, q, read_contact);
    });
  }

  api::Result<Contact> update_contact(const std::string& id, const ContactFields& fields) override {
    if (auto e = api::validate_contact(fields, false)) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<Contact> {
      auto current = load_contact(id);
      if (!current) return api::not_found_error("Contact");
      if (auto e = check_attributes(fields, "customAttributes.", attribute_types(fields))) return *e;
      ContactWrites writes(ops_db_, org_);
      if (fields.primary_phone && *fields.primary_phone != *current->fields.primary_phone &&
          writes.find_by_phone(*fields.primary_phone)) {
        return duplicate_phone(*fields.primary_phone);
      }
      Transaction tx(ops_db_);
      Contact c = writes.update(*current, fields, now_iso());
      tx.commit();
      return c;
    });
  }

  api::Result<api::Done> delete_contact(const std::string& id) override {
    return guarded(ops_mutex_, [&]() -> api::Result<api::Done> {
      if (!load_contact(id)) return api::not_found_error("Contact");
      Transaction tx(ops_db_);
      Stmt(ops_db_, "DELETE FROM audience_members WHERE contact_id = ?").bind(1, id).step();
      Stmt(ops_db_, "DELETE FROM contacts WHERE id = ? AND organization_id = ?").bind(1, id).bind(2, org_).step();
      tx.commit();
      return api::Done{};
    });
  }

  api::Result<api::UpsertResult> upsert_contacts(const std::vector<ContactFields>& contacts) override {
    if (contacts.empty()) return api::validation_error({{"data", {"data should not be empty"}}});
    if (contacts.size() > static_cast<size_t>(api::kMaxUpsertBatch)) {
      return api::validation_error(
          {{"data", {"data must contain no more than " + std::to_string(api::kMaxUpsertBatch) + " elements"}}});
    }
    std::map<std::string, std::vector<std::string>> errors;
    for (size_t i = 0; i < contacts.size(); ++i) {
      if (auto e = api::validate_contact(contacts[i], true)) {
        for (auto& [field, messages] : e->field_errors) {
          errors["data." + std::to_string(i) + "." + field] = messages;
        }
      }
    }
    if (!errors.empty()) return api::validation_error(std::move(errors));
    return guarded(ops_mutex_, [&]() -> api::Result<api::UpsertResult> {
      // The attribute definitions are read once for the batch, not once per value.
      std::optional<AttributeTypes> types;
      for (size_t i = 0; i < contacts.size(); ++i) {
        if (contacts[i].custom_attributes.empty()) continue;
        if (!types) types = attribute_types();
        if (auto e = check_attributes(contacts[i], "data." + std::to_string(i) + ".customAttributes.", *types))
          return *e;
      }
      // All or nothing: one transaction for the batch, its statements prepared once, one time stamp.
      Transaction tx(ops_db_);
      ContactWrites writes(ops_db_, org_);
      std::string now = now_iso();
      api::UpsertResult result;
      result.contacts.reserve(contacts.size());
      // A batch is mostly new contacts (a first import) or mostly known ones (a nightly re-import):
      // each contact is first tried the way the one before it went, insert or look up.
      bool expect_new = true;
      for (const auto& fields : contacts) {
        if (expect_new) {
          if (auto created = writes.insert_if_new(fields, now)) {
            result.contacts.push_back(std::move(*created));
            ++result.created;
            continue;
          }
        }
        if (auto current = writes.find_by_phone(*fields.primary_phone)) {
          expect_new = false;
          // Not rewritten (updatedAt stays): a nightly re-import of the same export changes nothing.
          if (changes_nothing(current->fields, fields)) {
            result.contacts.push_back(std::move(*current));
            ++result.unchanged;
            continue;
          }
          result.contacts.push_back(writes.update(*current, fields, now));
          ++result.updated;
        } else {
          expect_new = true;
          result.contacts.push_back(writes.insert(fields, now));
          ++result.created;
        }
      }
      tx.commit();
      return result;
    });
  }

  api::Result<api::Page<api::CustomAttribute>> list_custom_attributes(const PageQuery& q) override {
    std::vector<SortSpec> sorts = {{"name", "name"}, {"displayName", "display_name"}, {"createdAt", "created_at"}};
    if (auto e = api::validate_page_query(q, api_names(sorts))) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::CustomAttribute>> {
      std::string where =
          " WHERE organization_id = ?1 AND (?2 = '' OR name LIKE ?3 ESCAPE '\\' OR display_name LIKE ?3 "
          "ESCAPE '\\' OR description LIKE ?3 ESCAPE '\\')";
      ListQuery list{"SELECT " + attributes_table().list(), " FROM custom_attributes" + where, search_params(q),
                     sort_column(q, sorts, "")};
      return ops_pager_->page<api::CustomAttribute>(ops_db_, list, q,
                                                    [](Stmt& s) { return attributes_table().read(s); });
    });
  }

  api::Result<api::CustomAttribute> create_custom_attribute(const api::NewCustomAttribute& a) override {
    if (auto e = api::validate_new_custom_attribute(a)) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::CustomAttribute> {
      std::string name = api::attribute_slug(a.display_name);
      Stmt find(ops_db_, "SELECT 1 FROM custom_attributes WHERE organization_id = ? AND name = ?");
      find.bind(1, org_).bind(2, name);
      if (find.step()) return api::conflict_error("Custom attribute with name " + name + " already exists");
      api::CustomAttribute out{new_uuid(), org_, name, a.display_name, a.description, a.type, now_iso(), ""};
      out.updated_at = out.created_at;
      attributes_table().insert(ops_db_, out);
      return out;
    });
  }

  api::Result<api::Audience> create_audience(const api::AudienceFields& f) override {
    if (auto e = api::validate_audience(f, true)) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::Audience> {
      std::string id = new_uuid(), now = now_iso();
      audiences_table().insert(ops_db_, api::Audience{id, org_, *f.name, f.description, 0, now, now});
      return *load_audience(id);
    });
  }

  api::Result<api::Page<api::Audience>> list_audiences(const PageQuery& q) override {
    if (auto e = api::validate_page_query(q, api_names(kNamedSorts))) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::Audience>> {
      std::string where =
          " WHERE organization_id = ?1 AND (?2 = '' OR name LIKE ?3 ESCAPE '\\' OR description LIKE ?3 ESCAPE "
          "'\\')";
      ListQuery list{"SELECT " + audiences_table().list("a."), " FROM audiences a" + where, search_params(q),
                     sort_column(q, kNamedSorts, "")};
      return ops_pager_->page<api::Audience>(ops_db_, list, q, [](Stmt& s) { return audiences_table().read(s); });
    });
  }

  api::Result<api::Audience> get_audience(const std::string& id) override {
    return guarded(ops_mutex_, [&]() -> api::Result<api::Audience> {
      auto a = load_audience(id);
      if (!a) return api::not_found_error("Audience");
      return *a;
    });
  }

  api::Result<api::Page<Contact>> audience_members(const std::string& id, const PageQuery& q) override {
    std::vector<SortSpec> sorts(kContactSorts.begin(), kContactSorts.end());
    sorts.erase(sorts.begin() + 3);  // members sort by firstName, lastName, primaryPhone, createdAt
    if (auto e = api::validate_page_query(q, api_names(sorts))) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::Page<Contact>> {
      if (!load_audience(id)) return api::not_found_error("Audience");
      std::string where =
          " FROM contacts c JOIN audience_members m ON m.contact_id = c.id WHERE c.organization_id = ?1 AND "
          "m.audience_id = ?4 AND (?2 = '' OR c.first_name LIKE ?3 ESCAPE '\\' OR c.last_name LIKE ?3 ESCAPE "
          "'\\' OR c.primary_phone LIKE ?3 ESCAPE '\\')";
      std::vector<Value> params = search_params(q);
      params.emplace_back(id);
      ListQuery list{"SELECT " + contacts_table().list("c."), where, std::move(params), sort_column(q, sorts, "c.")};
      return ops_pager_->page<Contact>(ops_db_, list, q, read_contact);
    });
  }

  api::Result<api::Audience> add_audience_contacts(const std::string& id,
                                                   const std::vector<std::string>& ids) override {
    return change_members(id, ids, true);
  }
  api::Result<api::Audience> remove_audience_contacts(const std::string& id,
                                                      const std::vector<std::string>& ids) override {
    return change_members(id, ids, false);
  }

  api::Result<api::FlowRecord> create_flow(const api::FlowFields& f) override {
    if (auto e = api::validate_flow(f, true)) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::FlowRecord> {
      std::string id = new_uuid(), now = now_iso();
      flows_table().insert(ops_db_, api::FlowRecord{id, org_, *f.name, f.description, *f.graph_json, now, now});
      return *load_flow(id);
    });
  }

  api::Result<api::FlowRecord> get_flow(const std::string& id) override {
    return guarded(ops_mutex_, [&]() -> api::Result<api::FlowRecord> {
      auto f = load_flow(id);
      if (!f) return api::not_found_error("Flow");
      return *f;
    });
  }

  api::Result<api::Page<api::FlowRecord>> list_flows(const PageQuery& q) override {
    if (auto e = api::validate_page_query(q, api_names(kNamedSorts))) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::FlowRecord>> {
      std::string where =
          " WHERE organization_id = ?1 AND (?2 = '' OR name LIKE ?3 ESCAPE '\\' OR description LIKE ?3 ESCAPE "
          "'\\')";
      ListQuery list{"SELECT " + flows_table().list(), " FROM flows" + where, search_params(q),
                     sort_column(q, kNamedSorts, "")};
      return ops_pager_->page<api::FlowRecord>(ops_db_, list, q, [](Stmt& s) { return flows_table().read(s); });
    });
  }

  api::Result<api::FlowRecord> update_flow(const std::string& id, const api::FlowFields& f) override {
    if (auto e = api::validate_flow(f, false)) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::FlowRecord> {
      auto current = load_flow(id);
      if (!current) return api::not_found_error("Flow");
      api::FlowRecord changed = *current;
      if (f.name) changed.name = *f.name;
      if (f.description) changed.description = f.description;
      if (f.graph_json) changed.graph_json = *f.graph_json;
      changed.updated_at = now_iso();
      flows_table().update(ops_db_, changed);
      return *load_flow(id);
    });
  }

  api::Result<api::Done> delete_flow(const std::string& id) override {
    return guarded(ops_mutex_, [&]() -> api::Result<api::Done> {
      if (!load_flow(id)) return api::not_found_error("Flow");
      Stmt(ops_db_, "DELETE FROM flows WHERE id = ? AND organization_id = ?").bind(1, id).bind(2, org_).step();
      return api::Done{};
    });
  }

  // gomo's own checks stand in for the platform's: the graph is checked as a bare graph, so its
  // pointers get the body's "/graph" prefix. Needs no database.
  api::Result<api::FlowValidation> validate_flow(const std::string& graph_json) override {
    if (auto e = api::validate_flow_graph_request(graph_json)) return *e;
    json graph = json::parse(graph_json);
    checks::FileResult checked = checks::validate_text("graph.json", graph.dump(2), {});
    api::FlowValidation out;
    for (const auto& d : checked.diagnostics) {
      api::FlowProblem p{d.rule, d.message, node_id_at(graph, d.location.pointer), std::nullopt};
      if (!d.location.pointer.empty()) p.path = "/graph" + d.location.pointer;
      (d.severity == diag::Severity::kError ? out.errors : out.warnings).push_back(std::move(p));
    }
    out.valid = out.errors.empty();
    return out;
  }

 private:
  // The id of the node a pointer into a graph lies in ("/nodes/2/outputs" or "/nodes/menu/..."), if any.
  static std::optional<std::string> node_id_at(const json& graph, const std::string& pointer) {
    const std::string prefix = "/nodes/";
    if (pointer.rfind(prefix, 0) != 0 || !graph.contains("nodes")) return std::nullopt;
    std::string token = pointer.substr(prefix.size(), pointer.find('/', prefix.size()) - prefix.size());
    const json& nodes = graph.at("nodes");
    if (nodes.is_object()) {
      // Unescape the RFC 6901 token ("~1" is "/", "~0" is "~").
      std::string id;
      for (size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) id += token[++i] == '1' ? '/' : '~';
        else id += token[i];
      }
      return nodes.contains(id) ? std::optional<std::string>(id) : std::nullopt;
    }
    if (!nodes.is_array() || token.empty() || token.find_first_not_of("0123456789") != std::string::npos ||
        token.size() > 9)
      return std::nullopt;
    size_t index = std::stoul(token);
    if (index >= nodes.size() || !nodes[index].is_object()) return std::nullopt;
    auto id = nodes[index].find("id");
    if (id == nodes[index].end() || !id->is_string()) return std::nullopt;
    return id->get<std::string>();
  }

  // ?1 organisation, ?2 search, ?3 its LIKE pattern: the parameters every list here starts with.
  std::vector<Value> search_params(const PageQuery& q) const { return {org_, q.search, like_pattern(q.search)}; }

  std::optional<Contact> load_contact(const std::string& id) {
    Stmt s(ops_db_, contacts_table().select() + " WHERE id = ? AND organization_id = ?");
    s.bind(1, id).bind(2, org_);
    if (!s.step()) return std::nullopt;
    return read_contact(s);
  }

  std::optional<api::Audience> load_audience(const std::string& id) {
    Stmt s(ops_db_, audiences_table().select() + " WHERE a.id = ? AND a.organization_id = ?");
    s.bind(1, id).bind(2, org_);
    if (!s.step()) return std::nullopt;
    return audiences_table().read(s);
  }

  std::optional<api::FlowRecord> load_flow(const std::string& id) {
    Stmt s(ops_db_, flows_table().select() + " WHERE id = ? AND organization_id = ?");
    s.bind(1, id).bind(2, org_);
    if (!s.step()) return std::nullopt;
    return flows_table().read(s);
  }

  static ApiError duplicate_phone(const std::string& phone) {
    return api::conflict_error("Contact with primaryPhone " + phone + " already exists");
  }

  // The organisation's custom attributes; none are read when `f` sets none.
  AttributeTypes attribute_types(const ContactFields& f) {
    return f.custom_attributes.empty() ? AttributeTypes{} : attribute_types();
  }
  AttributeTypes attribute_types() {
    AttributeTypes types;
    Stmt s(ops_db_, "SELECT name, type FROM custom_attributes WHERE organization_id = ?");
    s.bind(1, org_);
    while (s.step()) types.emplace(s.text(0), s.text(1));
    return types;
  }

  // Values may only name attributes the organisation defined (`types`), with a JSON type fitting the
  // attribute's.
  static std::optional<ApiError> check_attributes(const ContactFields& f, const std::string& prefix,
                                                  const AttributeTypes& types) {
    std::map<std::string, std::vector<std::string>> errors;
    for (const auto& [name, value_text] : f.custom_attributes) {
      auto found = types.find(name);
      if (found == types.end()) {
        errors[prefix + name].push_back(name + " is not a custom attribute of this organization");
        continue;
      }
      const std::string& type = found->second;
      json value = json::parse(value_text);
      bool fits = value.is_null() || (type == "number"    ? value.is_number()
                                      : type == "boolean" ? value.is_boolean()
                                                          : value.is_string());
      if (!fits) errors[prefix + name].push_back(name + " must be a " + type + " value");
    }
    if (errors.empty()) return std::nullopt;
    return api::validation_error(std::move(errors));
  }

  api::Result<api::Audience> change_members(const std::string& id, const std::vector<std::string>& ids, bool add) {
    if (ids.empty()) return api::validation_error({{"contacts", {"contacts should not be empty"}}});
    return guarded(ops_mutex_, [&]() -> api::Result<api::Audience> {
      if (!load_audience(id)) return api::not_found_error("Audience");
      for (const auto& contact : ids) {
        if (!load_contact(contact)) return api::not_found_error("Contact " + contact);
      }
      Transaction tx(ops_db_);
      std::string now = now_iso();
      for (const auto& contact : ids) {
        if (add) {
          Stmt(ops_db_, "INSERT OR IGNORE INTO audience_members VALUES (?, ?, ?)")
              .bind(1, id)
              .bind(2, contact)
              .bind(3, now)
              .step();
        } else {
          Stmt(ops_db_, "DELETE FROM audience_members WHERE audience_id = ? AND contact_id = ?")
              .bind(1, id)
              .bind(2, contact)
              .step();
        }
      }
      Stmt(ops_db_, "UPDATE audiences SET updated_at = ? WHERE id = ?").bind(1, now).bind(2, id).step();
      tx.commit();
      return *load_audience(id);
    });
  }

  std::string org_;
};

}  // namespace

std::unique_ptr<api::Platform> make_platform(std::shared_ptr<store::Workspace> workspace, std::string organization_id,
                                             std::shared_ptr<Pager> pager) {
  if (!pager) pager = std::make_shared<Pager>();
  return std::make_unique<LocalPlatform>(std::move(workspace), std::move(organization_id), std::move(pager));
}

}  // namespace gomo::local
