#include "sync/remote_checks.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "api/wire.h"
#include "local/workspace.h"
#include "tests/support/test_support.h"

namespace gomo::sync {
namespace {

// Line 14 holds the play node's `onEnd` output (unknown-output).
const char* const kMapFlow = R"(name: Greeting
graph:
  startNodeId: dial
  nodes:
    dial:
      type: dial
      config: {timeout: 30000, enableAMD: false}
      outputs: {onAnswer: hello, default: bye}
    hello:
      type: play
      config:
        audioItems: [{type: audioFile, audioId: welcome}]
      outputs:
        onEnd: bye
    bye:
      type: hangup
)";

struct Local {
  std::unique_ptr<local::Workspace> ws;
  std::unique_ptr<api::Platform> platform;
  Local() {
    auto opened = local::Workspace::open(test::scratch_dir() + "/ws.db");
    REQUIRE(opened);
    ws = std::move(*opened);
    auto org = ws->create_organization("Acme");
    REQUIRE(org);
    platform = ws->platform_for(org->organization.id);
  }
};

}  // namespace

TEST_CASE("local platform validate_flow: gomo's checks in the platform's answer shape") {
  Local l;
  std::string graph = R"({"startNodeId":"dial","nodes":[
    {"id":"dial","type":"dial","config":{"enableAMD":false},"outputs":{"onAnswer":"hello","default":"bye"}},
    {"id":"hello","type":"play","config":{"audioItems":[{"type":"audioFile","audioId":"a"}]},"outputs":{"onEnd":"bye"}},
    {"id":"bye","type":"hangup"}]})";
  auto v = l.platform->validate_flow(graph);
  REQUIRE(v);
  CHECK_FALSE(v->valid);
  auto it = std::find_if(v->errors.begin(), v->errors.end(),
                         [](const api::FlowProblem& p) { return p.code == "unknown-output"; });
  REQUIRE(it != v->errors.end());
  CHECK(it->node_id == "hello");
  CHECK(it->path == "/graph/nodes/1/outputs/onEnd");
  CHECK(it->message.find("onComplete") != std::string::npos);

  auto empty = l.platform->validate_flow(R"({"nodes":[]})");
  REQUIRE(empty);  // a graph without a start node or nodes: problems, not a refusal
  CHECK_FALSE(empty->valid);
  CHECK_FALSE(empty->errors.empty());
  auto refused = l.platform->validate_flow("[]");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().http_status == 400);
  CHECK(refused.error().field_errors.at("graph").at(0) == "graph must be an object");
}

TEST_CASE("remote_validate: findings placed in the file by node id and pointer; local duplicates left out") {
  Local l;
  auto doc = document::read_document("greeting.yaml", kMapFlow);
  REQUIRE(doc->parsed);
  auto found = remote_validate(*l.platform, *doc);
  REQUIRE(found);
  auto it = std::find_if(found->begin(), found->end(), [](const diag::Diagnostic& d) {
    return d.message.find("(unknown-output)") != std::string::npos;
  });
  REQUIRE(it != found->end());
  CHECK(it->rule == kRemoteValidationRule);
  CHECK(it->severity == diag::Severity::kError);
  CHECK(it->message.rfind("platform: ", 0) == 0);
  CHECK(it->location.file == "greeting.yaml");
  CHECK(it->location.line == 14);
  CHECK(it->location.pointer == "/graph/nodes/hello/outputs/onEnd");
  CHECK(it->snippet == "        onEnd: bye");

  // What gomo's own checks already said at the same place is not repeated.
  auto local = checks::validate_text("greeting.yaml", kMapFlow, {});
  auto again = remote_validate(*l.platform, *doc, local.diagnostics);
  REQUIRE(again);
  CHECK(again->size() < found->size());
  for (const auto& d : *again) CHECK(d.message.find("(unknown-output)") == std::string::npos);
}

TEST_CASE("validate answer: encoded and decoded; tolerant of other shapes") {
  api::FlowValidation v;
  v.valid = false;
  v.errors.push_back(
      {"unknown-target", "no node x", std::string("menu"), std::string("/graph/nodes/0/outputs/default")});
  v.warnings.push_back({"missing-label", "no label", std::nullopt, std::nullopt});
  auto j = api::wire::encode(v);
  CHECK(j["valid"] == false);
  CHECK(j["errors"][0]["nodeId"] == "menu");
  auto back = api::wire::decode_flow_validation(j);
  CHECK_FALSE(back.valid);
  REQUIRE(back.errors.size() == 1);
  CHECK(back.errors[0].path == "/graph/nodes/0/outputs/default");
  CHECK(back.warnings.size() == 1);
  auto other = api::wire::decode_flow_validation(
      nlohmann::json::parse(R"({"isValid":false,"errors":["Missing node connection"]})"));
  CHECK_FALSE(other.valid);
  CHECK(other.errors.at(0).message == "Missing node connection");
  CHECK(api::wire::decode_flow_validation(nlohmann::json::parse(R"({"valid":true})")).valid);
  auto body = api::wire::parse_flow_validate(nlohmann::json::parse(R"({"graph":{"nodes":[]},"name":"x"})"));
  REQUIRE_FALSE(body);
  CHECK(body.error().field_errors.at("name").at(0) == "property name should not exist");
}

TEST_CASE("account_attribute_names: every page") {
  Local l;
  for (int i = 0; i < 105; ++i)
    REQUIRE(l.platform->create_custom_attribute({"Attribute " + std::to_string(i), std::nullopt, "text"}));
  auto names = account_attribute_names(*l.platform);
  REQUIRE(names);
  CHECK(names->size() == 105);  // two pages of at most 100
  CHECK(names->count("attribute_104"));
}

}  // namespace gomo::sync
