#include "checks/node_config.h"

#include <doctest/doctest.h>

using namespace gomo;

TEST_CASE("node_config: tts placeholders") {
  using V = std::vector<std::string>;
  CHECK(checks::placeholders("Hello {contact.firstName}, you owe {amount}.") == V{"contact.firstName", "amount"});
  CHECK(checks::placeholders("{a}{b-c}{sys.callId}") == V{"a", "b-c", "sys.callId"});
  CHECK(checks::placeholders("no {} {with space} {unclosed") == V{});
  CHECK(checks::placeholders("رصيدك {contact.customAttributes.الرصيد} درهم {«}") ==
        V{"contact.customAttributes.الرصيد"});
}

TEST_CASE("node_config: system variables and contact fields come from the schema") {
  const auto& sys = checks::system_variable_names();
  CHECK(sys.size() == 9);
  CHECK(sys.front() == "sys.callId");
  const auto& fields = checks::contact_field_names();
  CHECK(std::find(fields.begin(), fields.end(), "firstName") != fields.end());
  CHECK(std::find(fields.begin(), fields.end(), "name") == fields.end());
}
