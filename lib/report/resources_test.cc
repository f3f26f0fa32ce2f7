#include "report/resources.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace gomo::report {
namespace {

const char* kRecords = R"([
  {"id": "c_1", "primaryPhone": "+212612345670", "firstName": "Amina", "fullName": null,
   "channels": ["voice", "sms"], "organization": {"name": "Acme"}, "note": "a\tb"},
  {"id": "c_22", "primaryPhone": "0612", "fullName": "Youssef Alaoui", "firstName": "Youssef"}
])";

const std::vector<ResourceColumn> kColumns = {{"ID", "id"},
                                              {"PHONE", "primaryPhone"},
                                              {"NAME", "fullName|firstName"},
                                              {"ORG", "organization.name"},
                                              {"CHANNELS", "channels"},
                                              {"NOTE", "note"}};

// The records are values; the tests write them as JSON text for brevity.
nlohmann::json records_of(const std::string& text) { return nlohmann::json::parse(text); }

std::string print(const std::string& records, ResourcePrintOptions options) {
  std::ostringstream out;
  print_resources(out, records_of(records), kColumns, options);
  return out.str();
}

TEST_CASE("resources: piped tables are tab-separated with a header; alternatives, paths, arrays") {
  CHECK(print(kRecords, {}) ==
        "ID\tPHONE\tNAME\tORG\tCHANNELS\tNOTE\n"
        "c_1\t+212612345670\tAmina\tAcme\tvoice,sms\ta b\n"
        "c_22\t0612\tYoussef Alaoui\t\t\t\n");
}

TEST_CASE("resources: terminal tables align columns by characters") {
  std::string records = R"([{"id": "c_1", "fullName": "عمر"}, {"id": "c_22", "fullName": "Jo"}])";
  std::ostringstream out;
  print_resources(out, records_of(records), {{"ID", "id"}, {"NAME", "fullName"}}, {"table", true, false});
  CHECK(out.str() == "ID    NAME\nc_1   عمر\nc_22  Jo\n");
}

TEST_CASE("resources: json keeps the records; one object stays an object") {
  CHECK(print(R"({"id":"a1","n":2})", {"json", false, false}) == "{\n  \"id\": \"a1\",\n  \"n\": 2\n}\n");
  CHECK(print(R"([{"id":"a1"}])", {"json", false, false}) == "[\n  {\n    \"id\": \"a1\"\n  }\n]\n");
}

TEST_CASE("resources: yaml quotes strings that would read back as numbers or booleans") {
  std::string yaml = print(R"({"id":"a1","phone":"0612","flag":"no","n":12,"ok":true,"none":null,"tags":["x"]})",
                           {"yaml", false, false});
  CHECK(yaml.find("id: a1\n") != std::string::npos);
  CHECK(yaml.find("phone: \"0612\"\n") != std::string::npos);
  CHECK(yaml.find("flag: \"no\"\n") != std::string::npos);
  CHECK(yaml.find("n: 12\n") != std::string::npos);
  CHECK(yaml.find("ok: true\n") != std::string::npos);
  CHECK(yaml.find("none: ~\n") != std::string::npos);
  INFO(yaml);
  CHECK(yaml.find("tags:\n  - x\n") != std::string::npos);
  std::string more =
      print(R"({"at":"2026-11-23T15:50:38.996Z","t":"12:30","none":{},"list":[]})", {"yaml", false, false});
  CHECK(more.find("at: \"2026-11-23T15:50:38.996Z\"\n") != std::string::npos);
  CHECK(more.find("t: \"12:30\"\n") != std::string::npos);
  CHECK(more.find("none: {}\n") != std::string::npos);
  CHECK(more.find("list: []") != std::string::npos);
  CHECK(print(R"({"id":"7d5348c2-2bf2-4643"})", {"yaml", false, false}) == "id: 7d5348c2-2bf2-4643\n");
  CHECK(yaml.rfind("flag: \"no\"\nid: a1\n", 0) == 0);  // the record's order (nlohmann::json: by name)
}

TEST_CASE("resources: -q prints ids only, for a list or one record") {
  CHECK(print(kRecords, {"json", false, true}) == "c_1\nc_22\n");
  CHECK(print(R"({"id":"a1","n":2})", {"yaml", false, true}) == "a1\n");
  CHECK(resource_cell(records_of(R"({"a":{"b":[1,2]}})"), "a.b") == "1,2");
}

TEST_CASE("resources: one record prints as a table of one row; an empty list as the header alone") {
  CHECK(print(R"({"id":"c_9","primaryPhone":"+33612345678"})", {}) ==
        "ID\tPHONE\tNAME\tORG\tCHANNELS\tNOTE\nc_9\t+33612345678\t\t\t\t\n");
  CHECK(print("[]", {}) == "ID\tPHONE\tNAME\tORG\tCHANNELS\tNOTE\n");
  CHECK(print("[]", {"json", false, false}) == "[]\n");
}

TEST_CASE("resources: a cell may join fields (the contact's whole name)") {
  const std::string field = "fullName|firstName+lastName";
  CHECK(resource_cell({{"firstName", "Amina"}, {"lastName", "Alaoui"}}, field) == "Amina Alaoui");
  CHECK(resource_cell({{"firstName", "Amina"}}, field) == "Amina");
  CHECK(resource_cell({{"lastName", "Alaoui"}, {"firstName", ""}}, field) == "Alaoui");
  CHECK(resource_cell({{"fullName", "Dr Amina Alaoui"}, {"firstName", "Amina"}}, field) == "Dr Amina Alaoui");
  CHECK(resource_cell({{"id", "1"}}, field) == "");
}

}  // namespace
}  // namespace gomo::report
