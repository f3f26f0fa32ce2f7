#include "api/wire.h"
#include "api/wire_text.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

namespace gomo::api::wire {

TEST_CASE("wire: request bodies carry only set fields, in the API's names") {
  ContactFields f;
  f.primary_phone = "+212612345678";
  f.first_name = "Amina";
  f.custom_attributes["age"] = "30";
  auto j = contact_body(f);
  CHECK(j.dump() == R"({"customAttributes":{"age":30},"firstName":"Amina","primaryPhone":"+212612345678"})");
  CHECK(contact_ids_body({"a", "b"}).dump() == R"({"contacts":["a","b"]})");
  CHECK(upsert_body({f}).at("data").size() == 1);
}

TEST_CASE("wire: parse_* reject undocumented properties and wrong types, naming each") {
  auto r = parse_contact(json::parse(R"({"primaryPhone":"+2126","mobile":"x","firstName":7})"));
  REQUIRE_FALSE(r);
  CHECK(r.error().http_status == 400);
  CHECK(r.error().field_errors.at("mobile").at(0) == "property mobile should not exist");
  CHECK(r.error().field_errors.at("firstName").at(0) == "firstName must be a string");

  auto up = parse_upsert(json::parse(R"({"data":[{"primaryPhone":"+2126"},{"primaryPhone":"1","extra":1}]})"));
  REQUIRE_FALSE(up);
  CHECK(up.error().field_errors.at("data.1.extra").at(0) == "property extra should not exist");

  auto ids = parse_contact_ids(json::parse(R"({"contactIds":["a"]})"));
  REQUIRE_FALSE(ids);
  CHECK(ids.error().field_errors.count("contactIds"));
  CHECK(ids.error().field_errors.count("contacts"));

  auto ok =
      parse_contact(json::parse(R"({"primaryPhone":"+212612345678","channels":["voice"],"customAttributes":{"n":1}})"));
  REQUIRE(ok);
  CHECK(ok->channels->at(0) == "voice");
  CHECK(ok->custom_attributes.at("n") == "1");
  CHECK_FALSE(parse_contact(json::parse("[]")));
}

TEST_CASE("wire: responses round-trip through encode and decode") {
  Contact c{"id1", "org1", {}, "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"};
  c.fields.primary_phone = "+212612345678";
  c.fields.city = "Casablanca";
  c.fields.custom_attributes["tags"] = R"(["a","b"])";
  Contact back = decode_contact(encode(c));
  CHECK(back.id == "id1");
  CHECK(back.fields.city == "Casablanca");
  CHECK_FALSE(back.fields.first_name);
  CHECK(back.fields.custom_attributes.at("tags") == R"(["a","b"])");

  FlowRecord f{"f1", "org1", "Greeting", std::nullopt, R"({"nodes":[],"startNodeId":"a"})", "t", "t"};
  CHECK(decode_flow(encode(f)).graph_json == f.graph_json);
  PageMeta m{2, 10, 25, 3, true, true};
  auto m2 = decode_meta(encode_meta(m));
  CHECK(m2.total_pages == 3);
  CHECK(m2.has_previous_page);
}

TEST_CASE("wire: the error envelope and back") {
  ApiError e = validation_error({{"primaryPhone", {"primaryPhone should not be empty"}}});
  auto env = error_envelope(e, "/api/contact", "2026-01-01T00:00:00.000Z");
  CHECK(env.at("code") == "VALIDATION_FAILED");
  CHECK(env.at("statusCode") == 400);
  CHECK(env.at("error") == "BAD_REQUEST");
  CHECK(env.at("path") == "/api/contact");
  CHECK(env.at("fieldDetails").contains("primaryPhone"));
  ApiError back = error_from_response(400, env.dump());
  CHECK(back.code == "VALIDATION_FAILED");
  CHECK(back.field_errors.at("primaryPhone").at(0) == "primaryPhone should not be empty");

  ApiError plain = error_from_response(502, "<html>bad gateway</html>");
  CHECK(plain.code == "HTTP_502");
  CHECK(plain.is_unavailable());
  CHECK(error_from_response(403, "{}").is_auth());
}

}  // namespace gomo::api::wire

namespace gomo::api {

TEST_CASE("wire: upsert_result_text is encode(result).dump(), byte for byte") {
  UpsertResult r;
  r.created = 2;
  r.updated = 1;
  Contact bare;  // every optional unset: nulls
  bare.id = "0190a1b2-0000-7000-8000-000000000001";
  bare.organization_id = "org";
  bare.fields.primary_phone = "+212600000001";
  bare.created_at = bare.updated_at = "2026-01-02T03:04:05.000Z";
  Contact full = bare;
  full.fields.first_name = "أمينة \"Mina\"";
  full.fields.last_name = "Back\\slash\ttab\nline\x01\x1f";
  full.fields.full_name = "Zoé El Amrani";
  full.fields.primary_email = "a@b.ma";
  full.fields.city = "";  // set, empty
  full.fields.gender = "female";
  full.fields.channels = std::vector<std::string>{"phone", "sms"};
  full.fields.custom_attributes = {{"solde", "12.5"}, {"date_echeance", "\"2026-01-01\""}};  // JSON texts
  Contact bad_bytes = bare;
  bad_bytes.fields.first_name = std::string("caf\xe9");  // Latin-1, not UTF-8: U+FFFD
  r.contacts = {bare, full, bad_bytes};
  CHECK(wire::upsert_result_text(r) == wire::encode(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  // The client's reader without a DOM gives what the DOM path gives.
  std::string text = wire::upsert_result_text(r);
  auto read = wire::read_upsert_result_text(text);
  REQUIRE(read);
  CHECK(read->created == 2);
  CHECK(read->updated == 1);
  CHECK(wire::upsert_result_text(*read) ==
        wire::upsert_result_text(wire::decode_upsert_result(nlohmann::json::parse(text))));
  CHECK(read->contacts[1].fields.custom_attributes == full.fields.custom_attributes);
  CHECK(read->contacts[1].fields.channels == full.fields.channels);
  CHECK(read->contacts[1].fields.last_name == full.fields.last_name);
  CHECK_FALSE(read->contacts[0].fields.first_name);
  // A page of the same contacts as gomo serve answers it, against the DOM it replaced.
  Page<Contact> page;
  page.data = r.contacts;
  page.meta = {2, 3, 7, 3, true, true};
  auto dom = [](const Page<Contact>& p) {
    nlohmann::json data = nlohmann::json::array();
    for (const auto& c : p.data) data.push_back(wire::encode(c));
    return nlohmann::json{{"data", data}, {"meta", wire::encode_meta(p.meta)}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  CHECK(wire::contact_page_text(page) == dom(page));
  // A stored attribute that is not JSON fails both ways alike (the router answers 500).
  page.data.back().fields.custom_attributes = {{"bad", std::string("\"caf\xe9\"")}};
  CHECK_THROWS(dom(page));
  CHECK_THROWS(wire::contact_page_text(page));
  page.data.clear();
  CHECK(wire::contact_page_text(page) == dom(page));
  r.contacts.clear();
  CHECK(wire::upsert_result_text(r) == wire::encode(r).dump());
}

TEST_CASE("wire: read_upsert_result_text skips members it does not know and refuses other shapes") {
  auto read = wire::read_upsert_result_text(
      R"({"message":"ok","meta":{"a":[1,{"b":null}]},"created":1,"updated":0,"data":[{"id":"c1","primaryPhone":"+212600000001",)"
      R"("extra":{"x":[1.5,true]},"customAttributes":{"n":1.25,"l":[1,"a"]},"channels":["sms"],"city":null}]})");
  REQUIRE(read);
  REQUIRE(read->contacts.size() == 1);
  CHECK(read->contacts[0].id == "c1");
  CHECK(read->contacts[0].fields.primary_phone == "+212600000001");
  CHECK(read->contacts[0].fields.custom_attributes.at("n") == "1.25");
  CHECK(read->contacts[0].fields.custom_attributes.at("l") == R"([1,"a"])");
  CHECK(read->contacts[0].fields.channels == std::vector<std::string>{"sms"});
  // Members of another type, broken JSON: nothing (the DOM path then says what is wrong).
  CHECK_FALSE(wire::read_upsert_result_text(R"({"created":1,"data":[{"primaryPhone":12}]})"));
  CHECK_FALSE(wire::read_upsert_result_text(R"({"created":"1","data":[]})"));
  CHECK_FALSE(wire::read_upsert_result_text(R"({"data":[{"primaryPhone":"+2126")"));
  CHECK_FALSE(wire::read_upsert_result_text(R"([])"));
}

}  // namespace gomo::api
