// The upsert body written and read without the DOM, held against the DOM path (wire.cc).
#include "api/wire_text.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "api/wire.h"

namespace gomo::api::wire {
namespace {

using nlohmann::json;

// What the server makes of `body` through the DOM: the contacts as canonical text, or the error's
// field paths (the fast reader must never accept what this refuses).
std::string through_dom(const std::string& body) {
  json j = json::parse(body.empty() ? std::string("{}") : body, nullptr, false);
  if (j.is_discarded()) return "INVALID_JSON";
  auto r = parse_upsert(j);
  if (!r) {
    std::string out = "ERROR";
    for (const auto& [field, messages] : r.error().field_errors) out += " " + field;
    return out;
  }
  return upsert_body(*r).dump();
}

// The fast reader agrees with the DOM whenever it answers; `plain` says it must answer.
void check_same(const std::string& body, bool plain) {
  CAPTURE(body.substr(0, 200));
  auto fast = read_upsert_body_text(body);
  if (plain) REQUIRE(fast);
  if (fast) CHECK(upsert_body(*fast).dump() == through_dom(body));
}

}  // namespace

TEST_CASE("wire_text: read_upsert_body_text reads plain bodies as the DOM path does") {
  check_same(R"({"data":[]})", true);
  check_same(R"({"data":[{}]})", true);
  check_same(R"({"data":[{"primaryPhone":"+212612345678","firstName":"Amina","lastName":"El Idrissi"}]})", true);
  check_same(R"( { "data" : [ { "primaryPhone" : "+33612345678" , "city" : null } , {"zip":"20000"} ] } )", true);
  check_same(R"({"data":[{"firstName":"\u0623\u0645\u064a\u0646\u0629","lastName":"a\"b\\c\n\t\u0001"}]})", true);
  check_same(R"({"data":[{"fullName":"أمينة العلوي","primaryEmail":"a@b.ma","gender":"female"}]})", true);
  check_same(R"({"data":[{"primaryPhone":""}]})", true);  // checks come later (validate_contact)
  check_same(R"({"data":[{"gender":"other","address":"x"}]})", true);
  std::string huge(1 << 20, 'x');
  check_same(R"({"data":[{"address":")" + huge + R"("}]})", true);
}

TEST_CASE("wire_text: read_upsert_body_text declines every other shape (the DOM path reads or words it)") {
  const char* declined[] = {
      "",
      "{}",
      "[]",
      "null",
      "\"data\"",
      R"({"data":null})",
      R"({"data":{}})",
      R"({"data":"x"})",
      R"({"data":[null]})",
      R"({"data":["x"]})",
      R"({"data":[[]]})",
      R"({"data":[],"extra":1})",
      R"({"extra":1,"data":[]})",
      R"({"data":[],"data":[]})",
      R"({"data":[{"primaryPhone":12}]})",
      R"({"data":[{"primaryPhone":true}]})",
      R"({"data":[{"primaryPhone":1.5}]})",
      R"({"data":[{"primaryPhone":{}}]})",
      R"({"data":[{"primaryPhone":["a"]}]})",
      R"({"data":[{"mobile":"x"}]})",
      R"({"data":[{"firstName":"ab","firstName":"cd"}]})",
      R"({"data":[{"channels":["sms"]}]})",
      R"({"data":[{"customAttributes":{"age":30}}]})",
      R"({"data":[{"channels":null}]})",
      R"({"data":[{"primaryPhone":"+2126"}]} x)",
      R"({"data":[{"primaryPhone":"+2126"},]})",
      "{\"data\":[{\"firstName\":\"\xff\xfe\"}]}",      // not UTF-8
      "{\"data\":[{\"firstName\":\"\xc3\"}]}",          // truncated sequence
      "{\"data\":[{\"firstName\":\"\xed\xa0\x80\"}]}",  // a surrogate
      R"({"data":[{"firstName":"\ud800"}]})",           // a lone escaped surrogate
      "{\"data\":[{\"firstName\":\"a\nb\"}]}",          // a raw control character
      R"({"data":[{"firstName":"ab"})",                 // truncated
  };
  for (const char* body : declined) {
    CAPTURE(body);
    CHECK_FALSE(read_upsert_body_text(body));
  }
  // Deep nesting: refused at the first bracket too deep, not recursed into.
  std::string deep = R"({"data":[{"firstName":)" + std::string(100000, '[') + std::string(100000, ']') + "}]}";
  CHECK_FALSE(read_upsert_body_text(deep));
  std::string deep_objects(50000, '{');
  CHECK_FALSE(read_upsert_body_text(deep_objects));
}

TEST_CASE("wire_text: read_upsert_body_text agrees with the DOM on mangled bodies") {
  const std::string base =
      R"({"data":[{"primaryPhone":"+212612345678","firstName":"Amina","lastName":"العلوي","city":null},)"
      R"({"primaryPhone":"+33612345678","primaryEmail":"x@y.fr","zip":"75001","gender":"male"}]})";
  check_same(base, true);
  std::mt19937 rng(13);
  const std::string alphabet = "{}[]\":,\\nul0123 truefalse\xff\xc3\xa9x";
  for (int i = 0; i < 20000; ++i) {
    std::string body = base;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      size_t at = rng() % body.size();
      switch (rng() % 3) {
        case 0: body[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: body.erase(at, 1 + rng() % 8); break;
        default: body.insert(at, 1, alphabet[rng() % alphabet.size()]);
      }
    }
    check_same(body, false);
  }
}

TEST_CASE("wire_text: upsert_body_text is upsert_body(contacts).dump(), byte for byte") {
  std::vector<ContactFields> contacts(4);
  contacts[0].primary_phone = "+212612345678";
  contacts[0].first_name = "Amina";
  contacts[1].primary_phone = "+33612345678";
  contacts[1].last_name = "a\"b\\c\n\r\t\b\f\x01\x1f";
  contacts[1].full_name = "أمينة العلوي";
  contacts[1].primary_email = "x@y.fr";
  contacts[1].address = "1 rue de l'Église";
  contacts[1].city = contacts[1].state = contacts[1].zip = contacts[1].occupation = "abc";
  contacts[1].preferred_channel = "sms";
  contacts[1].gender = "female";
  contacts[3].zip = "";
  CHECK(upsert_body_text(contacts) == upsert_body(contacts).dump());
  CHECK(upsert_body_text({}) == upsert_body({}).dump());
  // Read back, the text gives the same contacts.
  auto read = read_upsert_body_text(upsert_body_text(contacts));
  REQUIRE(read);
  CHECK(upsert_body(*read).dump() == upsert_body(contacts).dump());

  contacts[2].channels = std::vector<std::string>{"sms", "voice"};
  contacts[2].custom_attributes["age"] = "30";
  CHECK(upsert_body_text(contacts) == upsert_body(contacts).dump());

  contacts[2] = {};
  contacts[2].first_name = "\xff";  // not UTF-8: both throw nlohmann's type_error
  CHECK_THROWS_AS(upsert_body(contacts).dump(), json::type_error);
  CHECK_THROWS_AS(upsert_body_text(contacts), json::type_error);
}

}  // namespace gomo::api::wire
