#include <doctest/doctest.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("undefined-variable: a read before the only node that sets it") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: check
nodes:
  - id: check
    type: condition
    config: {left: {source: variable, name: choice}, operator: equals, right: "1"}
    outputs: {onTrue: ask, onFalse: ask}
  - id: ask
    type: dtmf
    config: {variable: choice}
    outputs: {default: bye}
  - {id: bye, type: hangup}
)"),
                          "undefined-variable");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == diag::Severity::kWarning);
  CHECK(d[0].location.line == 5);
  CHECK(d[0].location.col == 45);
  CHECK(d[0].location.pointer == "/nodes/0/config/left/name");
  CHECK(
      d[0].message.find(
          "variable `choice` is read by node \"check\" but may be unset there: it is set only by \"ask\" (which runs after this node)") ==
      0);
}

TEST_CASE("undefined-variable: set on one path only, never set, typos, tts placeholders") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: ask
nodes:
  - id: ask
    type: dtmf
    config: {variable: pin}
    outputs: {branches: {"1": remember}, default: speak}
  - id: remember
    type: set_variable
    config: {variable: amount, value: "100"}
    outputs: {onSuccess: bye}
  - id: speak
    type: play
    config:
      audioItems:
        - {type: tts, text: "You owe {amount}, pin {pn}, call {sys.callId} for {contact.firstName}"}
        - {type: number, value: {source: variable, name: total}, language: fr}
    outputs: {onComplete: bye}
  - {id: bye, type: hangup}
)"),
                          "undefined-variable");
  REQUIRE(d.size() == 3);
  CHECK(d[0].location.line == 15);
  CHECK(d[0].location.col == 29);
  CHECK(
      d[0].message.find(
          "variable `amount` is read by node \"speak\" but may be unset there: it is set only by \"remember\" (on another path") ==
      0);
  CHECK(d[1].message.find("variable `pn` is read by node \"speak\" but no node sets it") == 0);
  CHECK(d[1].message.find("did you mean `pin`?") != std::string::npos);
  CHECK(d[2].location.line == 16);
  CHECK(d[2].message.find("variable `total` is read by node \"speak\" but no node sets it") == 0);
}

TEST_CASE("undefined-variable: unknown sys. and contact. placeholders, and system names read as variables") {
  auto d = test::diags_of(test::check_flow(R"(startNodeId: speak
nodes:
  - id: speak
    type: play
    config:
      audioItems:
        - {type: tts, text: "{sys.callID} {contact.phone} {contact.customAttributes.plan} {account.id}"}
        - {type: word, value: {source: variable, name: sys.contactName}}
    outputs: {onComplete: bye}
  - {id: bye, type: hangup}
)"),
                          "undefined-variable");
  REQUIRE(d.size() == 4);
  // The three placeholders share the text's position, so they sort by message.
  CHECK(d[0].location.line == 7);
  CHECK(d[0].message.find("placeholder {account.id} uses an unknown namespace \"account\"") == 0);
  CHECK(d[1].message.find("placeholder {contact.phone}: \"phone\" is not a contact field") == 0);
  CHECK(d[2].message.find("placeholder {sys.callID} is not a system variable") == 0);
  CHECK(d[2].message.find("did you mean {sys.callId}?") != std::string::npos);
  CHECK(d[3].location.line == 8);
  CHECK(d[3].message.find("read it with {source: system, name: sys.contactName}") != std::string::npos);
}

TEST_CASE("undefined-variable: variables some path sets (including around a loop) pass") {
  // "May be set" semantics: one path through the setter is enough.
  CHECK(test::diags_of(test::check_loaded_flow(R"(startNodeId: ask
nodes:
  - {id: ask, type: dtmf, config: {variable: pin}, outputs: {branches: {"1": remember}, default: speak}}
  - {id: remember, type: set_variable, config: {variable: amount, value: "100"}, outputs: {onSuccess: speak}}
  - {id: speak, type: play, config: {audioItems: [{type: tts, text: "You owe {amount}"}]}, outputs: {onComplete: bye}}
  - {id: bye, type: hangup}
)"),
                       "undefined-variable")
            .empty());
  CHECK(test::diags_of(test::check_loaded_flow(R"(startNodeId: init
nodes:
  - {id: init, type: set_variable, config: {variable: tries, value: "0"}, outputs: {onSuccess: ask}}
  - {id: ask, type: dtmf, config: {variable: choice}, outputs: {branches: {"1": check}, default: ask}}
  - id: check
    type: condition
    config: {any: [{left: {source: variable, name: choice}, operator: equals, right: "1"}, {left: {source: variable, name: tries}, operator: gt, right: 3}]}
    outputs: {onTrue: speak, onFalse: ask}
  - id: speak
    type: play
    config: {audioItems: [{type: tts, text: "You chose {choice}, {contact.firstName}; call {sys.callId}, {contact.customAttributes.balance}"}]}
    outputs: {onComplete: bye}
  - {id: bye, type: hangup}
)"),
                       "undefined-variable")
            .empty());
}
