#include "api/field_table.h"

#include <doctest/doctest.h>

#include "api/resource_tables.h"

namespace gomo::api::fields {
namespace {

// encode -> decode -> encode gives the same JSON: every field of the table survives the trip.
template <typename T>
void check_round_trip(const T& value) {
  json once = encode_object(value);
  json twice = encode_object(decode_object<T>(once));
  CHECK(once == twice);
}

// A request body written by the client reads back, unrefused, to the same body.
template <typename T>
void check_request_round_trip(const T& value) {
  json body = encode_object(value, Mode::kRequest);
  FieldErrors errors;
  T back = read_object<T>(body, "", errors);
  CHECK(errors.empty());
  CHECK(encode_object(back, Mode::kRequest) == body);
}

FieldErrors read_errors_of_contact(const char* text) {
  FieldErrors errors;
  (void)read_object<ContactFields>(json::parse(text), "", errors);
  return errors;
}

const char* kUuid = "00000000-0000-4000-8000-000000000000";

TEST_CASE("field tables: every response resource round-trips through encode and decode") {
  Contact contact{"c1", "o1", {}, "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z"};
  contact.fields.primary_phone = "+212612345678";
  contact.fields.gender = "female";
  contact.fields.channels = std::vector<std::string>{"voice"};
  contact.fields.custom_attributes["age"] = "30";
  check_round_trip(contact);
  check_round_trip(CustomAttribute{"a1", "o1", "due", "Due", "when", "date", "t1", "t2"});
  check_round_trip(Audience{"au1", "o1", "VIP", std::nullopt, 3, "t1", "t2"});
  check_round_trip(FlowRecord{"f1", "o1", "Greeting", "hi", R"({"nodes":[],"startNodeId":"a"})", "t1", "t2"});
  check_round_trip(User{"u1", "a@b.ma", "A", "B", {"o1", "Org", "org"}});
  check_round_trip(PageMeta{2, 10, 25, 3, true, true});

  Program program;
  program.id = "p1";
  program.did_pool = {"+212520000101"};
  program.retry_strategy = {"fixed_delay", 5 * 60000, 2, {}};
  program.pause_windows.days["monday"] = {{{18, 0}, {9, 30}}};
  program.pause_windows.advanced = {{"2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"}};
  program.auto_pause_rules = {{"n1", 3, true}};
  check_round_trip(program);
  Execution execution;
  execution.id = "e1";
  execution.total_contacts = 4;
  execution.actual_start_at = "t";
  execution.auto_pause_rules = {{"n1", 2, false}};
  check_round_trip(execution);
  ExecutionReport report;
  report.contacts.completed = 2;
  report.contacts.reach_rate = 50;
  report.average_duration_ms = 1200;
  check_round_trip(report);
  check_round_trip(ExecutionBreakdown{"e1", {{"completed", 2}}, {{"pending", 1}}, {{"1", 3}}});
  CallAttempt attempt;
  attempt.call_id = "k1";
  attempt.contact_id = "c1";
  attempt.call.duration_ms = 900;
  attempt.flow_execution_json = R"({"flowId":"f1"})";
  attempt.events_json = R"([{"type":"dial"}])";
  check_round_trip(attempt);
  check_round_trip(CallReport{"j1", "active", std::nullopt, "2026-03-02T10:00:00.000Z", {attempt}});
  check_round_trip(CallRequestResult{"j1", "queued"});
  CallRequest request{"j1",
                      "o1",
                      {kUuid, "c1", "f1", {"scheduled", 0, 0, {"2026-03-02T09:00:00Z"}}, "t"},
                      "active",
                      "t1",
                      "t2",
                      "2026-03-02T10:00:00.000Z"};
  check_round_trip(request);
  check_round_trip(Did{"d1", "+212520000101", "MA", std::nullopt, true, std::nullopt, "active", "t1", "t2"});
  Audio audio;
  audio.tags = {"a"};
  audio.duration_seconds = 1.5;
  audio.file = {"hi.wav", "audio/wav", 10, true, false};
  check_round_trip(audio);
  check_round_trip(Dictionary{"x1", "Numbers", std::nullopt, "ar", std::nullopt, true, 120, "t1", "t2"});
}

TEST_CASE("field tables: request bodies round-trip through encode and read") {
  ContactFields contact;
  contact.primary_phone = "+212612345678";
  contact.channels = std::vector<std::string>{"voice", "sms"};
  contact.custom_attributes["tags"] = R"(["a","b"])";
  check_request_round_trip(contact);
  check_request_round_trip(NewCustomAttribute{"Due date", std::nullopt, "date"});
  check_request_round_trip(AudienceFields{"VIP", "best"});
  check_request_round_trip(FlowFields{"F", std::nullopt, R"({"nodes":[],"startNodeId":"a"})"});
  ProgramFields program;
  program.name = "P";
  program.did_pool = std::vector<std::string>{"+212520000101"};
  program.retry_strategy = RetryStrategy{"scheduled", 0, 0, {"2026-03-02T09:00:00Z"}};
  program.pause_windows = PauseWindows{{{"friday", {{{12, 0}, {14, 0}}}}}, {}};
  program.auto_pause_rules = std::vector<AutoPauseRule>{{"n1", 1, false}};
  check_request_round_trip(program);
  check_request_round_trip(CallRequestFields{kUuid, "c1", "f1", {"fixed_delay", 60000, 2, {}}, "2026-03-02T09:00:00Z"});
}

TEST_CASE("field tables: unset optionals are null in responses and absent from requests") {
  Audience a{"au1", "o1", "VIP", std::nullopt, 0, "t1", "t2"};
  CHECK(encode_object(a).at("description").is_null());
  CHECK(encode_object(a).at("deletedAt").is_null());
  CHECK_FALSE(encode_object(AudienceFields{"VIP", std::nullopt}, Mode::kRequest).contains("description"));
  CallAttempt attempt;
  CHECK_FALSE(encode_object(attempt).contains("contactId"));  // omitted_when_unset
  // Missing members decode to the type's zero, not the struct's default.
  CHECK(decode_object<Program>(json::object()).status.empty());
  CHECK(decode_object<Execution>(json{{"executionId", "e9"}}).id == "e9");  // alias
}

TEST_CASE("field tables: request reading refuses each kind of bad member, by path") {
  auto e = read_errors_of_contact(R"({"mobile":1,"firstName":7,"channels":"voice","customAttributes":[]})");
  CHECK(e.at("mobile").at(0) == "property mobile should not exist");
  CHECK(e.at("firstName").at(0) == "firstName must be a string");
  CHECK(e.at("channels").at(0) == "channels must be an array of strings");  // list_says_array = false
  CHECK(e.at("customAttributes").at(0) == "customAttributes must be an object");
  CHECK(read_errors_of_contact("[1]").at("body").at(0) == "must be a JSON object");

  FieldErrors p;
  (void)read_object<ProgramFields>(json::parse(R"({"didPool":"x","autoPauseRules":[{"threshold":"3","resetOnResume":1}],
                      "pauseWindows":{"monday":[{"startAt":{"minute":5},"endAt":7}]}})"),
                                   "", p);
  CHECK(p.at("didPool").at(0) == "didPool must be an array");                    // list_says_array = true
  CHECK(p.at("autoPauseRules.0.nodeId").at(0) == "nodeId should not be empty");  // required
  CHECK(p.at("autoPauseRules.0.threshold").at(0) == "threshold must be an integer number");
  CHECK(p.at("autoPauseRules.0.resetOnResume").at(0) == "resetOnResume must be a boolean value");
  CHECK(p.at("pauseWindows.monday.0.startAt.hour").at(0) == "hour should not be empty");
  CHECK(p.at("pauseWindows.monday.0.endAt").at(0) == "endAt must be an object");

  FieldErrors c;
  (void)read_object<CallRequestFields>(json::parse(R"({"didId":"d","retry":[]})"), "", c);
  CHECK(c.at("contactId").at(0) == "contactId should not be empty");
  CHECK(c.at("retry").at(0) == "retry must be an object");
  CHECK(c.at("retry").size() == 1);
}

TEST_CASE("field tables: each constraint kind names its field, as class-validator does") {
  FieldErrors e;
  check_object(ContactFields{}, true, e);  // required_on_create
  CHECK(e.at("primaryPhone").at(0) == "primaryPhone should not be empty");
  CHECK(e.size() == 1);
  e.clear();
  check_object(ContactFields{}, false, e);
  CHECK(e.empty());

  ContactFields c;
  c.primary_phone = "+2";             // min_chars
  c.address = std::string(257, 'a');  // max_chars
  c.gender = "other";                 // one_of
  c.primary_email = "not-an-email";   // format: email
  check_object(c, false, e);
  CHECK(e.at("primaryPhone").at(0) == "primaryPhone must be longer than or equal to 3 characters");
  CHECK(e.at("address").at(0) == "address must be shorter than or equal to 256 characters");
  CHECK(e.at("gender").at(0) == "gender must be one of the following values: male, female");
  CHECK(e.at("primaryEmail").at(0) == "primaryEmail must be an email");

  e.clear();
  ProgramFields p;
  p.name = "";                // not_empty
  p.audience_id = "x";        // format: uuid
  p.start_at = "2026-03-01";  // format: ISO instant
  check_object(p, true, e);
  CHECK(e.at("name").at(0) == "name should not be empty");
  CHECK(e.at("audienceId").at(0) == "audienceId must be a UUID");
  CHECK(e.at("flowId").at(0) == "flowId should not be empty");
  CHECK(e.at("startAt").at(0) == "startAt must be a valid ISO 8601 date string with a timezone or Z");

  e.clear();
  check_object(AutoPauseRule{"", 0, false}, true, e, "autoPauseRules.0.");  // empty_is_unset, min_value
  CHECK(e.at("autoPauseRules.0.nodeId").at(0) == "nodeId should not be empty");
  CHECK(e.at("autoPauseRules.0.threshold").at(0) == "threshold must not be less than 1");

  e.clear();
  PageQuery q;
  q.limit = 101;  // max_value
  q.sort_order = "up";
  check_object(q, true, e);
  CHECK(e.at("limit").at(0) == "limit must not be greater than 100");
  CHECK(e.at("sortOrder").at(0) == "sortOrder must be one of the following values: asc, desc");
  CHECK(e.size() == 2);
}

TEST_CASE("field tables: documented request members are the table's names, in order") {
  CHECK(table_of<AudienceFields>().names == std::vector<std::string>{"name", "description"});
  CHECK(table_of<CallRequestFields>().names ==
        std::vector<std::string>{"didId", "contactId", "flowId", "retry", "startAt"});
  CHECK(table_of<PauseWindows>().names.size() == 8);  // seven weekdays and advanced
  CHECK(std::string(table_of<ContactFields>().fields.front().column) == "primary_phone");
}

}  // namespace
}  // namespace gomo::api::fields
