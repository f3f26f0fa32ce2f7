#include "engine/call_inputs.h"

#include <doctest/doctest.h>

#include "tests/support/test_support.h"

namespace gomo::engine {
namespace {

TEST_CASE("call inputs: the script's steps, then --press; the answer overrides the script's") {
  const std::string dir = test::scratch_dir();
  CallInputs inputs;
  inputs.script_path = test::write_file(dir, "callee.yaml", "answer: machine\nsteps:\n  - press: '9'\n");
  inputs.presses = "1,-";
  auto call = prepare_call(inputs);
  REQUIRE(call.has_value());
  CHECK(call->script.answer == Answer::kMachine);
  REQUIRE(call->script.steps.size() == 3);
  CHECK(call->script.steps[0].keys == "9");
  CHECK(call->script.steps[1].keys == "1");
  CHECK(call->script.steps[2].kind == ScriptStep::Kind::kSilence);

  inputs.answer = Answer::kBusy;
  auto busy = prepare_call(inputs);
  REQUIRE(busy.has_value());
  CHECK(busy->script.answer == Answer::kBusy);
}

TEST_CASE("call inputs: the contact from a file, then the CSV row, then --phone and --attr") {
  const std::string dir = test::scratch_dir();
  CallInputs inputs;
  inputs.contact_path = test::write_file(dir, "contact.yaml", "primaryPhone: '+212611111111'\nfirstName: Amina\n");
  inputs.attributes = {"plan=gold"};
  inputs.variables = {"attempt=2"};
  inputs.max_node_visits = 7;
  auto call = prepare_call(inputs);
  REQUIRE(call.has_value());
  CHECK(call->contact.phone == "+212611111111");
  CHECK(call->contact.attributes.at("plan").text() == "gold");
  CHECK(call->options.variables.at("attempt").text() == "2");
  CHECK(call->options.max_node_visits == 7);

  inputs.contact_values = CallInputs::ContactValues{
      "c-7", {{"primaryPhone", "+212633333333"}, {"firstName", "Sara"}}, {{"balance", "120"}}};
  auto from_csv = prepare_call(inputs);
  REQUIRE(from_csv.has_value());
  CHECK(from_csv->contact.id == "c-7");
  CHECK(from_csv->contact.fields.at("firstName").text() == "Sara");
  CHECK(from_csv->contact.phone == "+212633333333");
  CHECK(from_csv->contact.attributes.at("balance").text() == "120");
  CHECK(from_csv->contact.attributes.at("plan").text() == "gold");  // --attr still applies on top

  inputs.phone = "+212644444444";  // --phone wins over the file's
  CHECK(prepare_call(inputs)->contact.phone == "+212644444444");
}

TEST_CASE("call inputs: the first problem is the answer, naming the flag or the file") {
  CallInputs inputs;
  inputs.attributes = {"plan"};
  auto bad = prepare_call(inputs);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message() == "--attr expects NAME=VALUE, got \"plan\"");

  inputs.attributes.clear();
  inputs.variables = {"=1"};
  auto bad_var = prepare_call(inputs);
  REQUIRE_FALSE(bad_var.has_value());
  CHECK(bad_var.error().message() == "--var expects NAME=VALUE, got \"=1\"");

  inputs.variables.clear();
  inputs.contact_path = test::scratch_dir() + "/missing.yaml";
  auto missing = prepare_call(inputs);
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().message().find("missing.yaml") != std::string::npos);
}

}  // namespace
}  // namespace gomo::engine
