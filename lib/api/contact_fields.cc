// Field tables of contacts, custom attributes, audiences, flows, users and pages
// (Gomobile docs: Pagination, Contacts to Flows). Lengths are in characters.
#include "api/resource_tables.h"

namespace gomo::api::fields {
namespace {

inline constexpr const char* kGenders[] = {"male", "female"};
inline constexpr const char* kSortOrders[] = {"asc", "desc"};

// Custom attribute values are JSON text (`30`, `"tech"`): written as JSON, read back as text.
void put_custom_attributes(const Field<ContactFields>& f, const ContactFields& c, json& out, Mode mode) {
  if (c.custom_attributes.empty() && mode == Mode::kRequest) return;
  json attrs = json::object();
  for (const auto& [k, v] : c.custom_attributes) attrs[k] = json::parse(v);
  out[f.name] = attrs;
}
void get_custom_attributes(const Field<ContactFields>& f, const json& in, ContactFields& c) {
  const json* attrs = detail::present(in, f.name);
  if (!attrs || !attrs->is_object()) return;
  for (const auto& [k, v] : attrs->items()) c.custom_attributes[k] = v.dump();
}
void read_custom_attributes(const Field<ContactFields>& f, Reader& r, ContactFields& c) {
  if (const json* attrs = r.object(f.name)) {
    for (const auto& [k, v] : attrs->items()) c.custom_attributes[k] = v.dump();
  }
}

}  // namespace

template <>
const Table<ContactFields>& table_of<ContactFields>() {
  using C = ContactFields;
  static const Table<C> table = {
      field<&C::primary_phone>("primaryPhone", {.required_on_create = true, .min_chars = 3, .max_chars = 20})
          .with_column("primary_phone"),
      field<&C::first_name>("firstName", {.min_chars = 2, .max_chars = 64}).with_column("first_name"),
      field<&C::last_name>("lastName", {.min_chars = 1, .max_chars = 64}).with_column("last_name"),
      field<&C::full_name>("fullName", {.min_chars = 3, .max_chars = 64}).with_column("full_name"),
      field<&C::primary_email>("primaryEmail", {.format = Format::kEmail}).with_column("primary_email"),
      field<&C::address>("address", {.min_chars = 3, .max_chars = 256}).with_column("address"),
      field<&C::city>("city", {.min_chars = 3, .max_chars = 64}).with_column("city"),
      field<&C::state>("state", {.min_chars = 3, .max_chars = 64}).with_column("state"),
      field<&C::zip>("zip", {.min_chars = 3, .max_chars = 64}).with_column("zip"),
      field<&C::occupation>("occupation", {.min_chars = 3, .max_chars = 64}).with_column("occupation"),
      field<&C::preferred_channel>("preferredChannel", {.min_chars = 3, .max_chars = 64})
          .with_column("preferred_channel"),
      field<&C::gender>("gender", {.one_of = kGenders}).with_column("gender"),
      field<&C::channels>("channels").with_column("channels"),  // JSON text in SQL
      custom<C>("customAttributes", put_custom_attributes, get_custom_attributes, read_custom_attributes)
          .with_column("custom_attributes")
          .with_schema(R"js({"type":"object","description":"custom attribute name -> its value (any JSON)"})js"),
  };
  return table;
}

template <>
const Table<Contact>& table_of<Contact>() {
  static const Table<Contact> table = {
      field<&Contact::id>("id").with_column("id"),
      field<&Contact::organization_id>("organizationId").with_column("organization_id"),
      flatten<&Contact::fields>(),
      field<&Contact::created_at>("createdAt").with_column("created_at"),
      field<&Contact::updated_at>("updatedAt").with_column("updated_at"),
  };
  return table;
}

template <>
const Table<NewCustomAttribute>& table_of<NewCustomAttribute>() {
  using A = NewCustomAttribute;
  static const Table<A> table = {
      field<&A::display_name>("displayName", {.required = true, .min_chars = 3, .max_chars = 64}),
      field<&A::description>("description", {.min_chars = 1, .max_chars = 256}),
      field<&A::type>("type", {.required = true, .one_of = kCustomAttributeTypes}),
  };
  return table;
}

template <>
const Table<CustomAttribute>& table_of<CustomAttribute>() {
  using A = CustomAttribute;
  static const Table<A> table = {
      field<&A::id>("id").with_column("id"),
      field<&A::organization_id>("organizationId").with_column("organization_id"),
      field<&A::name>("name").with_column("name"),
      field<&A::display_name>("displayName").with_column("display_name"),
      field<&A::description>("description").with_column("description"),
      field<&A::type>("type").with_column("type"),
      field<&A::created_at>("createdAt").with_column("created_at"),
      field<&A::updated_at>("updatedAt").with_column("updated_at"),
      deleted_at<A>(),
  };
  return table;
}

template <>
const Table<AudienceFields>& table_of<AudienceFields>() {
  static const Table<AudienceFields> table = {
      field<&AudienceFields::name>("name", {.required_on_create = true, .min_chars = 3, .max_chars = 64}),
      field<&AudienceFields::description>("description", {.max_chars = 256}),
  };
  return table;
}

template <>
const Table<Audience>& table_of<Audience>() {
  static const Table<Audience> table = {
      field<&Audience::id>("id").with_column("id"),
      field<&Audience::organization_id>("organizationId").with_column("organization_id"),
      field<&Audience::name>("name").with_column("name"),
      field<&Audience::description>("description").with_column("description"),
      field<&Audience::contact_count>("contactCount"),  // counted from audience_members
      field<&Audience::created_at>("createdAt").with_column("created_at"),
      field<&Audience::updated_at>("updatedAt").with_column("updated_at"),
      deleted_at<Audience>(),
  };
  return table;
}

template <>
const Table<FlowFields>& table_of<FlowFields>() {
  using F = FlowFields;
  // The graph travels as a JSON object and is kept as its text; a request's graph is read as it is
  // (validate_flow checks its shape).
  auto put = [](const Field<F>& f, const F& v, json& out, Mode) {
    if (v.graph_json) out[f.name] = json::parse(*v.graph_json);
  };
  auto get = [](const Field<F>& f, const json& in, F& v) {
    if (const json* g = detail::present(in, f.name)) v.graph_json = g->dump();
  };
  auto read = [](const Field<F>& f, Reader& r, F& v) {
    if (const json* g = r.find(f.name)) v.graph_json = g->dump();
  };
  static const Table<F> table = {
      field<&F::name>("name", {.required_on_create = true, .min_chars = 1, .max_chars = 255}),
      field<&F::description>("description", {.max_chars = 1000}),
      field<&F::graph_json>("graph", {.required_on_create = true})
          .with_codec(put, get, read)
          .with_schema(R"js({"type":"object","description":"the flow graph (schemas/flow.schema.json)"})js"),
  };
  return table;
}

template <>
const Table<FlowRecord>& table_of<FlowRecord>() {
  using F = FlowRecord;
  auto put = [](const Field<F>& f, const F& v, json& out, Mode) { out[f.name] = json::parse(v.graph_json); };
  auto get = [](const Field<F>& f, const json& in, F& v) {
    const json* g = detail::present(in, f.name);
    v.graph_json = g ? g->dump() : "{}";
  };
  static const Table<F> table = {
      field<&F::id>("id").with_column("id"),
      field<&F::organization_id>("organizationId").with_column("organization_id"),
      field<&F::name>("name").with_column("name"),
      field<&F::description>("description").with_column("description"),
      custom<F>("graph", put, get).with_column("graph").with_schema(R"({"type":"object"})"),
      field<&F::created_at>("createdAt").with_column("created_at"),
      field<&F::updated_at>("updatedAt").with_column("updated_at"),
  };
  return table;
}

template <>
const Table<FlowProblem>& table_of<FlowProblem>() {
  static const Table<FlowProblem> table = {
      field<&FlowProblem::code>("code"),
      field<&FlowProblem::message>("message"),
      field<&FlowProblem::node_id>("nodeId").omitted_when_unset(),
      field<&FlowProblem::path>("path").omitted_when_unset(),
  };
  return table;
}

template <>
const Table<Organization>& table_of<Organization>() {
  static const Table<Organization> table = {
      field<&Organization::id>("id"),
      field<&Organization::name>("name"),
      field<&Organization::slug>("slug"),
  };
  return table;
}

template <>
const Table<User>& table_of<User>() {
  static const Table<User> table = {
      field<&User::id>("id"),
      field<&User::email>("email"),
      field<&User::first_name>("firstName"),
      field<&User::last_name>("lastName"),
      field<&User::organization>("organization"),
  };
  return table;
}

template <>
const Table<PageMeta>& table_of<PageMeta>() {
  static const Table<PageMeta> table = {
      field<&PageMeta::page>("page"),
      field<&PageMeta::limit>("limit"),
      field<&PageMeta::total>("total"),
      field<&PageMeta::total_pages>("totalPages"),
      field<&PageMeta::has_next_page>("hasNextPage"),
      field<&PageMeta::has_previous_page>("hasPreviousPage"),
  };
  return table;
}

template <>
const Table<PageQuery>& table_of<PageQuery>() {
  static const Table<PageQuery> table = {
      field<&PageQuery::page>("page", {.min_value = 1}),
      field<&PageQuery::limit>("limit", {.min_value = 1, .max_value = 100}),
      field<&PageQuery::search>("search", {.max_chars = 100}),
      field<&PageQuery::sort_by>("sortBy"),
      field<&PageQuery::sort_order>("sortOrder", {.empty_is_unset = true, .one_of = kSortOrders}),
  };
  return table;
}

}  // namespace gomo::api::fields
