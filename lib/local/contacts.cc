// The local platform's users/me, contacts, custom attributes, audiences and flows (the rest is in
// media.cc, programs.cc and calls.cc), and make_platform.
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "api/validate.h"
#include "checks/validate.h"
#include "local/local_operations.h"
#include "local/query.h"
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

const std::vector<SortSpec> kContactSorts = {{"firstName", "first_name"},
                                             {"lastName", "last_name"},
                                             {"primaryPhone", "primary_phone"},
                                             {"primaryEmail", "primary_email"},
                                             {"createdAt", "created_at"}};
const std::vector<SortSpec> kNamedSorts = {{"name", "name"}, {"createdAt", "created_at"}, {"updatedAt", "updated_at"}};

constexpr const char* kContactColumns =
    "id, organization_id, primary_phone, first_name, last_name, full_name, primary_email, address, city, state, "
    "zip, occupation, preferred_channel, gender, channels, custom_attributes, created_at, updated_at";

Contact read_contact(Stmt& s, int base = 0) {
  Contact c;
  c.id = s.text(base + 0);
  c.organization_id = s.text(base + 1);
  auto& f = c.fields;
  f.primary_phone = s.text(base + 2);
  f.first_name = s.opt_text(base + 3);
  f.last_name = s.opt_text(base + 4);
  f.full_name = s.opt_text(base + 5);
  f.primary_email = s.opt_text(base + 6);
  f.address = s.opt_text(base + 7);
  f.city = s.opt_text(base + 8);
  f.state = s.opt_text(base + 9);
  f.zip = s.opt_text(base + 10);
  f.occupation = s.opt_text(base + 11);
  f.preferred_channel = s.opt_text(base + 12);
  f.gender = s.opt_text(base + 13);
  if (auto channels = s.opt_text(base + 14)) f.channels = json::parse(*channels).get<std::vector<std::string>>();
  json attributes = json::parse(s.text(base + 15));  // named: items() of a temporary would dangle
  for (const auto& [name, value] : attributes.items()) f.custom_attributes[name] = value.dump();
  c.created_at = s.text(base + 16);
  c.updated_at = s.text(base + 17);
  return c;
}

// `base` with every field `change` sets replaced; custom attributes merge key by key.
ContactFields merge(ContactFields base, const ContactFields& change) {
  auto take = [](std::optional<std::string>& to, const std::optional<std::string>& from) {
    if (from) to = from;
  };
  take(base.primary_phone, change.primary_phone);
  take(base.first_name, change.first_name);
  take(base.last_name, change.last_name);
  take(base.full_name, change.full_name);
  take(base.primary_email, change.primary_email);
  take(base.address, change.address);
  take(base.city, change.city);
  take(base.state, change.state);
  take(base.zip, change.zip);
  take(base.occupation, change.occupation);
  take(base.preferred_channel, change.preferred_channel);
  take(base.gender, change.gender);
  if (change.channels) base.channels = change.channels;
  for (const auto& [k, v] : change.custom_attributes) base.custom_attributes[k] = v;
  return base;
}

std::string attributes_text(const ContactFields& f) {
  json obj = json::object();
  for (const auto& [k, v] : f.custom_attributes) obj[k] = json::parse(v);
  return obj.dump();
}

std::optional<std::string> channels_text(const ContactFields& f) {
  if (!f.channels) return std::nullopt;
  return json(*f.channels).dump();
}

// Binds the 16 contact columns after id and organization_id, starting at parameter `i`.
int bind_contact_fields(Stmt& s, int i, const ContactFields& f) {
  s.bind(i++, *f.primary_phone);
  for (const auto* v : {&f.first_name, &f.last_name, &f.full_name, &f.primary_email, &f.address, &f.city, &f.state,
                        &f.zip, &f.occupation, &f.preferred_channel, &f.gender}) {
    s.bind(i++, *v);
  }
  s.bind(i++, channels_text(f));
  s.bind(i++, attributes_text(f));
  return i;
}

}  // namespace

namespace {

// An organisation's view; every statement filters on organization_id, so other organisations'
// objects answer 404 exactly like objects that do not exist.
class LocalPlatform final : public LocalOperations {
 public:
  LocalPlatform(std::shared_ptr<store::Workspace> ws, std::string org)
      : LocalOperations(std::move(ws), org), org_(std::move(org)) {}

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
      if (auto e = check_attributes(fields, "customAttributes.")) return *e;
      if (contact_id_by_phone(*fields.primary_phone)) return duplicate_phone(*fields.primary_phone);
      Transaction tx(ops_db_);
      Contact c = insert_contact(fields);
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
      return page_of<Contact>(
          std::string("SELECT ") + kContactColumns + " FROM contacts" + where + order_clause(q, kContactSorts, ""),
          "SELECT COUNT(*) FROM contacts" + where, q, org_, [](Stmt& s) { return read_contact(s); });
    });
  }

  api::Result<Contact> update_contact(const std::string& id, const ContactFields& fields) override {
    if (auto e = api::validate_contact(fields, false)) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<Contact> {
      auto current = load_contact(id);
      if (!current) return api::not_found_error("Contact");
      if (auto e = check_attributes(fields, "customAttributes.")) return *e;
      if (fields.primary_phone && *fields.primary_phone != *current->fields.primary_phone &&
          contact_id_by_phone(*fields.primary_phone)) {
        return duplicate_phone(*fields.primary_phone);
      }
      Transaction tx(ops_db_);
      Contact c = update_row(*current, fields);
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
      for (size_t i = 0; i < contacts.size(); ++i) {
        if (auto e = check_attributes(contacts[i], "data." + std::to_string(i) + ".customAttributes.")) return *e;
      }
      // All or nothing: one transaction for the batch.
      Transaction tx(ops_db_);
      api::UpsertResult result;
      for (const auto& fields : contacts) {
        if (auto id = contact_id_by_phone(*fields.primary_phone)) {
          result.contacts.push_back(update_row(*load_contact(*id), fields));
          ++result.updated;
        } else {
          result.contacts.push_back(insert_contact(fields));
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
      return page_of<api::CustomAttribute>(
          "SELECT id, organization_id, name, display_name, description, type, created_at, updated_at "
          "FROM custom_attributes" +
              where + order_clause(q, sorts, ""),
          "SELECT COUNT(*) FROM custom_attributes" + where, q, org_, [](Stmt& s) {
            return api::CustomAttribute{s.text(0),     s.text(1), s.text(2), s.text(3),
                                        s.opt_text(4), s.text(5), s.text(6), s.text(7)};
          });
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
      Stmt(ops_db_, "INSERT INTO custom_attributes VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(1, out.id)
          .bind(2, org_)
          .bind(3, name)
          .bind(4, out.display_name)
          .bind(5, out.description)
          .bind(6, out.type)
          .bind(7, out.created_at)
          .bind(8, out.updated_at)
          .step();
      return out;
    });
  }

  api::Result<api::Audience> create_audience(const api::AudienceFields& f) override {
    if (auto e = api::validate_audience(f, true)) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::Audience> {
      std::string id = new_uuid(), now = now_iso();
      Stmt(ops_db_, "INSERT INTO audiences VALUES (?, ?, ?, ?, ?, ?)")
          .bind(1, id)
          .bind(2, org_)
          .bind(3, *f.name)
          .bind(4, f.description)
          .bind(5, now)
          .bind(6, now)
          .step();
      return *load_audience(id);
    });
  }

  api::Result<api::Page<api::Audience>> list_audiences(const PageQuery& q) override {
    if (auto e = api::validate_page_query(q, api_names(kNamedSorts))) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::Audience>> {
      std::string where =
          " WHERE organization_id = ?1 AND (?2 = '' OR name LIKE ?3 ESCAPE '\\' OR description LIKE ?3 ESCAPE "
          "'\\')";
      return page_of<api::Audience>(std::string(kAudienceSelect) + where + order_clause(q, kNamedSorts, ""),
                                    "SELECT COUNT(*) FROM audiences a" + where, q, org_, read_audience);
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
      std::string columns;
      for (std::string rest = kContactColumns; !rest.empty();) {
        auto comma = rest.find(", ");
        columns += (columns.empty() ? "c." : ", c.") + rest.substr(0, comma);
        rest = comma == std::string::npos ? "" : rest.substr(comma + 2);
      }
      return page_of<Contact>(
          "SELECT " + columns + where + order_clause(q, sorts, "c."), "SELECT COUNT(*)" + where, q, org_,
          [](Stmt& s) { return read_contact(s); }, id);
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
      Stmt(ops_db_, "INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, ?)")
          .bind(1, id)
          .bind(2, org_)
          .bind(3, *f.name)
          .bind(4, f.description)
          .bind(5, json::parse(*f.graph_json).dump())
          .bind(6, now)
          .bind(7, now)
          .step();
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
      return page_of<api::FlowRecord>(std::string(kFlowSelect) + where + order_clause(q, kNamedSorts, ""),
                                      "SELECT COUNT(*) FROM flows" + where, q, org_, read_flow);
    });
  }

  api::Result<api::FlowRecord> update_flow(const std::string& id, const api::FlowFields& f) override {
    if (auto e = api::validate_flow(f, false)) return *e;
    return guarded(ops_mutex_, [&]() -> api::Result<api::FlowRecord> {
      auto current = load_flow(id);
      if (!current) return api::not_found_error("Flow");
      Stmt(ops_db_, "UPDATE flows SET name = ?, description = ?, graph = ?, updated_at = ? WHERE id = ?")
          .bind(1, f.name ? *f.name : current->name)
          .bind(2, f.description ? f.description : current->description)
          .bind(3, f.graph_json ? json::parse(*f.graph_json).dump() : current->graph_json)
          .bind(4, now_iso())
          .bind(5, id)
          .step();
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
  static constexpr const char* kAudienceSelect =
      "SELECT a.id, a.organization_id, a.name, a.description, "
      "(SELECT COUNT(*) FROM audience_members m WHERE m.audience_id = a.id), a.created_at, a.updated_at "
      "FROM audiences a";
  static constexpr const char* kFlowSelect =
      "SELECT id, organization_id, name, description, graph, created_at, updated_at FROM flows";

  static api::Audience read_audience(Stmt& s) {
    return api::Audience{s.text(0), s.text(1), s.text(2), s.opt_text(3), static_cast<int>(s.integer(4)),
                         s.text(5), s.text(6)};
  }
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

  static api::FlowRecord read_flow(Stmt& s) {
    return api::FlowRecord{s.text(0), s.text(1), s.text(2), s.opt_text(3), s.text(4), s.text(5), s.text(6)};
  }

  // One page plus the total. Parameters: ?1 organisation, ?2 search, ?3 its LIKE pattern, ?4 `extra`;
  // then LIMIT and OFFSET.
  template <typename T, typename Read>
  api::Page<T> page_of(const std::string& select, const std::string& count, const PageQuery& q, const std::string& org,
                       Read read, const std::string& extra = "") {
    auto bind_common = [&](Stmt& s) {
      s.bind(1, org).bind(2, q.search).bind(3, like_pattern(q.search));
      if (!extra.empty()) s.bind(4, extra);
    };
    Stmt counter(ops_db_, count);
    bind_common(counter);
    counter.step();
    api::Page<T> page;
    page.meta = page_meta(q, counter.integer(0));
    int limit_index = extra.empty() ? 4 : 5;
    Stmt rows(ops_db_,
              select + " LIMIT ?" + std::to_string(limit_index) + " OFFSET ?" + std::to_string(limit_index + 1));
    bind_common(rows);
    rows.bind(limit_index, static_cast<long long>(q.limit))
        .bind(limit_index + 1, static_cast<long long>(q.page - 1) * q.limit);
    while (rows.step()) page.data.push_back(read(rows));
    return page;
  }

  std::optional<std::string> contact_id_by_phone(const std::string& phone) {
    Stmt s(ops_db_, "SELECT id FROM contacts WHERE organization_id = ? AND primary_phone = ?");
    s.bind(1, org_).bind(2, phone);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  std::optional<Contact> load_contact(const std::string& id) {
    Stmt s(ops_db_, std::string("SELECT ") + kContactColumns + " FROM contacts WHERE id = ? AND organization_id = ?");
    s.bind(1, id).bind(2, org_);
    if (!s.step()) return std::nullopt;
    return read_contact(s);
  }

  std::optional<api::Audience> load_audience(const std::string& id) {
    Stmt s(ops_db_, std::string(kAudienceSelect) + " WHERE a.id = ? AND a.organization_id = ?");
    s.bind(1, id).bind(2, org_);
    if (!s.step()) return std::nullopt;
    return read_audience(s);
  }

  std::optional<api::FlowRecord> load_flow(const std::string& id) {
    Stmt s(ops_db_, std::string(kFlowSelect) + " WHERE id = ? AND organization_id = ?");
    s.bind(1, id).bind(2, org_);
    if (!s.step()) return std::nullopt;
    return read_flow(s);
  }

  static ApiError duplicate_phone(const std::string& phone) {
    return api::conflict_error("Contact with primaryPhone " + phone + " already exists");
  }

  // Values may only name attributes the organisation defined, with a JSON type fitting the attribute's.
  std::optional<ApiError> check_attributes(const ContactFields& f, const std::string& prefix) {
    std::map<std::string, std::vector<std::string>> errors;
    for (const auto& [name, value_text] : f.custom_attributes) {
      Stmt s(ops_db_, "SELECT type FROM custom_attributes WHERE organization_id = ? AND name = ?");
      s.bind(1, org_).bind(2, name);
      if (!s.step()) {
        errors[prefix + name].push_back(name + " is not a custom attribute of this organization");
        continue;
      }
      std::string type = s.text(0);
      json value = json::parse(value_text);
      bool fits = value.is_null() || (type == "number"    ? value.is_number()
                                      : type == "boolean" ? value.is_boolean()
                                                          : value.is_string());
      if (!fits) errors[prefix + name].push_back(name + " must be a " + type + " value");
    }
    if (errors.empty()) return std::nullopt;
    return api::validation_error(std::move(errors));
  }

  Contact insert_contact(const ContactFields& fields) {
    std::string id = new_uuid(), now = now_iso();
    Stmt s(ops_db_, "INSERT INTO contacts (" + std::string(kContactColumns) +
                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, id).bind(2, org_);
    int i = bind_contact_fields(s, 3, fields);
    s.bind(i, now).bind(i + 1, now);
    s.step();
    return *load_contact(id);
  }

  Contact update_row(const Contact& current, const ContactFields& change) {
    ContactFields merged = merge(current.fields, change);
    Stmt s(ops_db_,
           "UPDATE contacts SET primary_phone = ?, first_name = ?, last_name = ?, full_name = ?, primary_email = ?, "
           "address = ?, city = ?, state = ?, zip = ?, occupation = ?, preferred_channel = ?, gender = ?, "
           "channels = ?, custom_attributes = ?, updated_at = ? WHERE id = ?");
    int i = bind_contact_fields(s, 1, merged);
    s.bind(i, now_iso()).bind(i + 1, current.id);
    s.step();
    return *load_contact(current.id);
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

std::unique_ptr<api::Platform> make_platform(std::shared_ptr<store::Workspace> workspace, std::string organization_id) {
  return std::make_unique<LocalPlatform>(std::move(workspace), std::move(organization_id));
}

}  // namespace gomo::local
