// The conformance suite's first half: users/me, contacts, custom attributes, audiences, flows
// (tests/support/conformance.h).
#include "tests/support/conformance.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "local/workspace.h"
#include "remote/remote_platform.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test::conformance {
namespace {

using nlohmann::json;

api::ContactFields contact(const std::string& phone) {
  api::ContactFields f;
  f.primary_phone = phone;
  return f;
}

}  // namespace

void conformance_suite(api::Platform& p, api::Platform& other) {
  // users/me names the key's organisation.
  auto me = p.me();
  REQUIRE(me);
  CHECK_FALSE(me->organization.id.empty());
  CHECK(me->organization.id != other.me()->organization.id);

  // Create: echoed fields, ids, timestamps; 409 on a known phone; 400 naming each bad field.
  api::ContactFields amina = contact("+212612345678");
  amina.first_name = "Amina";
  amina.last_name = "Alaoui";
  amina.city = "Casablanca";
  amina.gender = "female";
  amina.channels = std::vector<std::string>{"voice"};
  auto created = p.create_contact(amina);
  REQUIRE(created);
  CHECK_FALSE(created->id.empty());
  CHECK(created->organization_id == me->organization.id);
  CHECK(created->fields.first_name == "Amina");
  CHECK(created->fields.channels == std::vector<std::string>{"voice"});
  CHECK_FALSE(created->fields.primary_email);
  CHECK(created->created_at.back() == 'Z');
  auto dup = p.create_contact(contact("+212612345678"));
  REQUIRE_FALSE(dup);
  CHECK(dup.error().http_status == 409);
  CHECK(dup.error().code == "CONFLICT");

  api::ContactFields bad = contact("12");
  bad.gender = "x";
  bad.primary_email = "nope";
  auto refused = p.create_contact(bad);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().http_status == 400);
  CHECK(refused.error().code == "VALIDATION_FAILED");
  CHECK(refused.error().field_errors.size() == 3);
  CHECK(refused.error().field_errors.at("gender").at(0) == "gender must be one of the following values: male, female");
  auto missing = p.create_contact(api::ContactFields{});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().field_errors.count("primaryPhone"));

  // Get; unknown ids and other organisations' objects are 404 alike.
  auto got = p.get_contact(created->id);
  REQUIRE(got);
  CHECK(got->fields.city == "Casablanca");
  CHECK(p.get_contact("00000000-0000-4000-8000-000000000000").error().http_status == 404);
  CHECK(other.get_contact(created->id).error().http_status == 404);
  CHECK(other.update_contact(created->id, contact("+212699999999")).error().http_status == 404);

  // Update is partial.
  api::ContactFields change;
  change.city = "Rabat";
  auto updated = p.update_contact(created->id, change);
  REQUIRE(updated);
  CHECK(updated->fields.city == "Rabat");
  CHECK(updated->fields.first_name == "Amina");
  api::ContactFields short_name;
  short_name.first_name = "A";
  CHECK(p.update_contact(created->id, short_name).error().http_status == 400);

  // Pagination envelope and search.
  std::vector<api::ContactFields> batch;
  for (int i = 0; i < 24; ++i) batch.push_back(contact("+2126000000" + std::to_string(10 + i)));
  batch[0].first_name = "Youssef";
  auto upserted = p.upsert_contacts(batch);
  REQUIRE(upserted);
  CHECK(upserted->created == 24);
  CHECK(upserted->contacts.size() == 24);
  api::PageQuery q;
  q.limit = 10;
  auto page1 = p.list_contacts(q);
  REQUIRE(page1);
  CHECK(page1->data.size() == 10);
  CHECK(page1->meta.total == 25);
  CHECK(page1->meta.total_pages == 3);
  CHECK(page1->meta.has_next_page);
  CHECK_FALSE(page1->meta.has_previous_page);
  q.page = 3;
  auto page3 = p.list_contacts(q);
  REQUIRE(page3);
  CHECK(page3->data.size() == 5);
  CHECK_FALSE(page3->meta.has_next_page);
  CHECK(page3->meta.has_previous_page);
  auto all = api::list_all_contacts(p, {});
  REQUIRE(all);
  CHECK(all->size() == 25);
  std::set<std::string> ids;
  for (const auto& c : *all) ids.insert(c.id);
  CHECK(ids.size() == 25);  // no item twice across pages
  api::PageQuery search;
  search.search = "youss";
  auto found = p.list_contacts(search);
  REQUIRE(found);
  REQUIRE(found->data.size() == 1);
  CHECK(found->data[0].fields.primary_phone == "+212600000010");
  api::PageQuery sorted;
  sorted.sort_by = "primaryPhone";
  sorted.sort_order = "asc";
  sorted.limit = 2;
  CHECK(p.list_contacts(sorted)->data[0].fields.primary_phone == "+212600000010");
  sorted.limit = 101;
  CHECK(p.list_contacts(sorted).error().http_status == 400);
  CHECK(other.list_contacts({})->meta.total == 0);

  // Upsert matches on primaryPhone: known phones update, unknown create; over 1000 is refused.
  std::vector<api::ContactFields> again = {contact("+212600000010"), contact("+212600000099")};
  again[0].last_name = "Benali";
  auto mixed = p.upsert_contacts(again);
  REQUIRE(mixed);
  CHECK(mixed->created == 1);
  CHECK(mixed->updated == 1);
  CHECK(mixed->contacts[0].fields.first_name == "Youssef");  // kept
  CHECK(mixed->contacts[0].fields.last_name == "Benali");
  std::vector<api::ContactFields> huge(1001, contact("+212600000000"));
  auto too_many = p.upsert_contacts(huge);
  REQUIRE_FALSE(too_many);
  CHECK(too_many.error().http_status == 400);
  CHECK(too_many.error().field_errors.count("data"));

  // Custom attributes: the name is the slug of displayName; type enum; 409 on a second one.
  auto attr = p.create_custom_attribute({"Last payment date", std::string("When they last paid"), "date"});
  REQUIRE(attr);
  CHECK(attr->name == "last_payment_date");
  CHECK(attr->type == "date");
  CHECK(p.create_custom_attribute({"Last payment date", std::nullopt, "date"}).error().http_status == 409);
  CHECK(p.create_custom_attribute({"Amount", std::nullopt, "money"}).error().http_status == 400);
  REQUIRE(p.create_custom_attribute({"Amount due", std::nullopt, "number"}));
  auto attrs = p.list_custom_attributes({});
  REQUIRE(attrs);
  CHECK(attrs->meta.total == 2);
  CHECK(other.list_custom_attributes({})->meta.total == 0);
  api::ContactFields with_attrs;
  with_attrs.custom_attributes["last_payment_date"] = R"("2026-01-31")";
  with_attrs.custom_attributes["amount_due"] = "1250.5";
  auto attributed = p.update_contact(created->id, with_attrs);
  REQUIRE(attributed);
  CHECK(attributed->fields.custom_attributes.at("amount_due") == "1250.5");
  CHECK(attributed->fields.custom_attributes.at("last_payment_date") == R"("2026-01-31")");
  api::ContactFields unknown_attr;
  unknown_attr.custom_attributes["favourite_colour"] = R"("blue")";
  CHECK(p.update_contact(created->id, unknown_attr).error().http_status == 400);
  api::ContactFields wrong_type;
  wrong_type.custom_attributes["amount_due"] = R"("a lot")";
  CHECK(p.update_contact(created->id, wrong_type).error().http_status == 400);

  // Audiences: create, get, members, add and remove; other organisations' contacts are 404.
  auto audience = p.create_audience({std::string("Overdue in Rabat"), std::string("Two months late")});
  REQUIRE(audience);
  CHECK(audience->contact_count == 0);
  CHECK(p.create_audience({std::string("ab"), std::nullopt}).error().http_status == 400);
  std::vector<std::string> members = {(*all)[0].id, (*all)[1].id, (*all)[2].id};
  auto added = p.add_audience_contacts(audience->id, members);
  REQUIRE(added);
  CHECK(added->contact_count == 3);
  CHECK(p.add_audience_contacts(audience->id, members)->contact_count == 3);  // idempotent
  auto removed = p.remove_audience_contacts(audience->id, {members[0]});
  REQUIRE(removed);
  CHECK(removed->contact_count == 2);
  auto listed_members = p.audience_members(audience->id, {});
  REQUIRE(listed_members);
  CHECK(listed_members->meta.total == 2);
  CHECK(p.get_audience(audience->id)->name == "Overdue in Rabat");
  CHECK(p.list_audiences({})->meta.total == 1);
  CHECK(other.get_audience(audience->id).error().http_status == 404);
  auto foreign = other.create_contact(contact("+212611111111"));
  REQUIRE(foreign);
  CHECK(p.add_audience_contacts(audience->id, {foreign->id}).error().http_status == 404);
  CHECK(other.add_audience_contacts(audience->id, {foreign->id}).error().http_status == 404);

  // Deleting a contact removes it from its audiences.
  REQUIRE(p.delete_contact(members[1]));
  CHECK(p.get_contact(members[1]).error().http_status == 404);
  CHECK(p.get_audience(audience->id)->contact_count == 1);
  CHECK(p.delete_contact(members[1]).error().http_status == 404);

  // Flows: create, get, list, update, delete.
  std::string graph = R"({"startNodeId":"hello","nodes":[{"id":"hello","type":"hangup"}]})";
  auto flow = p.create_flow({std::string("Greeting"), std::nullopt, graph});
  REQUIRE(flow);
  CHECK(json::parse(flow->graph_json) == json::parse(graph));
  CHECK(p.create_flow({std::string("No graph"), std::nullopt, std::nullopt}).error().http_status == 400);
  CHECK(p.create_flow({std::string("Bad graph"), std::nullopt, std::string("[]")}).error().http_status == 400);
  CHECK(p.get_flow(flow->id)->name == "Greeting");
  CHECK(other.get_flow(flow->id).error().http_status == 404);
  auto renamed = p.update_flow(flow->id, {std::string("Greeting v2"), std::string("second"), std::nullopt});
  REQUIRE(renamed);
  CHECK(renamed->name == "Greeting v2");
  CHECK(json::parse(renamed->graph_json) == json::parse(graph));
  CHECK(api::list_all_flows(p, {})->size() == 1);
  REQUIRE(p.delete_flow(flow->id));
  CHECK(p.get_flow(flow->id).error().http_status == 404);

  // Flow validation: problems are the answer (placed by node id and pointer), a non-object graph a 400.
  auto checked = p.validate_flow(R"({"startNodeId":"hi","nodes":[{"id":"hi","type":"play","outputs":{"onEnd":"x"}}]})");
  REQUIRE(checked);
  CHECK_FALSE(checked->valid);
  auto unknown = std::find_if(checked->errors.begin(), checked->errors.end(),
                              [](const api::FlowProblem& e) { return e.code == "unknown-output"; });
  REQUIRE(unknown != checked->errors.end());
  CHECK(unknown->node_id == "hi");
  CHECK(unknown->path == "/graph/nodes/0/outputs/onEnd");
  auto clean = p.validate_flow(graph);
  REQUIRE(clean);
  CHECK(clean->valid);
  CHECK(clean->errors.empty());
  CHECK(p.validate_flow("[1]").error().http_status == 400);
  CHECK(api::list_all_flows(p, {})->empty());  // nothing saved
}

TwoOrgs two_orgs(const std::string& path) {
  auto ws = local::Workspace::open(path);
  REQUIRE(ws);
  auto a = (*ws)->create_organization("Org A");
  auto b = (*ws)->create_organization("Org B");
  REQUIRE(a);
  REQUIRE(b);
  return {std::move(*ws), *a, *b};
}

std::unique_ptr<remote::RemotePlatform> remote(const std::string& base_url, const std::string& key) {
  auto r = remote::RemotePlatform::create(test_client_options(base_url, key));
  REQUIRE(r);
  return std::move(*r);
}

}  // namespace gomo::test::conformance
