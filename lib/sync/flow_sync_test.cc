#include "sync/flow_sync.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "local/workspace.h"
#include "tests/support/test_support.h"

namespace gomo::sync {
namespace {

const char* const kGreeting = R"(# a comment fmt keeps and push ignores
$schema: ../schemas/flow.schema.json
name: Greeting
description: Says hello
graph:
  startNodeId: dial
  nodes:
    - id: dial
      type: dial
      config: {timeout: 30000, enableAMD: false}
      outputs: {onAnswer: hello, default: bye}
    - id: hello
      type: play
      config:
        audioItems: [{type: audioFile, audioId: welcome}]
      outputs: {onComplete: bye, onError: bye}
    - id: bye
      type: hangup
      config: {reason: done, hangupType: normal}
)";

struct Fixture {
  std::string dir = test::scratch_dir();
  std::unique_ptr<local::Workspace> ws;
  std::unique_ptr<api::Platform> platform;
  Fixture() {
    auto opened = local::Workspace::open(dir + "/ws.db");
    REQUIRE(opened);
    ws = std::move(*opened);
    auto org = ws->create_organization("Acme");
    REQUIRE(org);
    platform = ws->platform_for(org->organization.id);
  }
  PushOutcome push(const std::string& name, const std::string& text, PushOptions options = {}) {
    return push_flow(*platform, checks::Input{test::write_file(dir, name, text), "", false}, options);
  }
};

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("read_local_flow: the API body, canonical; a bare graph needs a name") {
  auto doc = document::read_document("greeting.yaml", kGreeting);
  auto local = read_local_flow(*doc);
  REQUIRE(local);
  CHECK(local->name == "Greeting");
  CHECK(local->description == "Says hello");
  auto graph = nlohmann::json::parse(local->graph_json);
  CHECK(graph["startNodeId"] == "dial");
  CHECK(graph["nodes"].size() == 3);
  CHECK(local->canonical_yaml.rfind("name: Greeting\ndescription: Says hello\ngraph:\n  startNodeId: dial\n", 0) == 0);
  CHECK(local->canonical_yaml.find("$schema") == std::string::npos);
  CHECK(local->canonical_yaml.find("comment") == std::string::npos);

  auto bare = document::read_document("bare.yaml", "startNodeId: bye\nnodes:\n  - {id: bye, type: hangup}\n");
  auto unnamed = read_local_flow(*bare);
  REQUIRE_FALSE(unnamed);
  CHECK(unnamed.error().message().find("--name") != std::string::npos);
  auto named = read_local_flow(*bare, "Short");
  REQUIRE(named);
  CHECK(named->name == "Short");
  CHECK_FALSE(named->description);

  auto clash = read_local_flow(*doc, "Other");
  REQUIRE_FALSE(clash);
  CHECK(clash.error().message().find("differs from the flow's own name \"Greeting\"") != std::string::npos);
}

TEST_CASE("read_local_flow: gomo-only keys (x-gomo-*, $schema) never go to the platform") {
  std::string text = replace(kGreeting, "    - id: hello\n      type: play\n",
                             "    - id: hello\n      type: play\n      x-gomo-ignore: [missing-label]\n");
  text = replace(text, "  startNodeId: dial\n", "  startNodeId: dial\n  $schema: ../flow.schema.json\n");
  auto doc = document::read_document("greeting.yaml", text);
  auto local = read_local_flow(*doc);
  REQUIRE(local);
  CHECK(local->graph_json.find("x-gomo") == std::string::npos);
  CHECK(local->graph_json.find("$schema") == std::string::npos);
  CHECK(local->canonical_yaml.find("x-gomo-ignore") == std::string::npos);
  auto plain = read_local_flow(*document::read_document("greeting.yaml", kGreeting));
  REQUIRE(plain);
  CHECK(local->graph_json == plain->graph_json);  // so a pulled flow compares equal (no diff)
}

TEST_CASE("push_flow: create, unchanged, dry run, update; the pulled form pushes back as unchanged") {
  Fixture f;
  auto created = f.push("greeting.yaml", kGreeting);
  REQUIRE(created.status == PushStatus::kCreated);
  REQUIRE(created.flow);
  CHECK(created.flow->name == "Greeting");
  CHECK(created.diff.find("+name: Greeting") != std::string::npos);
  CHECK(created.diff.find("--- platform: no flow named \"Greeting\"") != std::string::npos);

  auto again = f.push("greeting.yaml", kGreeting);
  CHECK(again.status == PushStatus::kUnchanged);
  CHECK(again.diff.empty());
  CHECK(again.flow->id == created.flow->id);
  CHECK(again.flow->updated_at == created.flow->updated_at);  // nothing was sent

  std::string changed = replace(kGreeting, "audioId: welcome", "audioId: welcome-v2");
  PushOptions dry;
  dry.dry_run = true;
  auto planned = f.push("greeting.yaml", changed, dry);
  CHECK(planned.status == PushStatus::kWouldUpdate);
  CHECK(planned.diff.find("-            audioId: welcome\n+            audioId: welcome-v2\n") != std::string::npos);
  CHECK(f.platform->get_flow(created.flow->id)->graph_json.find("welcome-v2") == std::string::npos);

  auto updated = f.push("greeting.yaml", changed);
  REQUIRE(updated.status == PushStatus::kUpdated);
  CHECK(updated.flow->id == created.flow->id);
  CHECK(f.platform->get_flow(created.flow->id)->graph_json.find("welcome-v2") != std::string::npos);
  CHECK(api::list_all_flows(*f.platform, {})->size() == 1);

  // Pull's text, pushed back, is the same flow.
  auto pulled = platform_flow_yaml(*f.platform->get_flow(created.flow->id));
  REQUIRE(pulled);
  CHECK(pulled.value() == read_local_flow(*document::read_document("x.yaml", changed))->canonical_yaml);
  CHECK(f.push("pulled.yaml", pulled.value()).status == PushStatus::kUnchanged);
}

TEST_CASE("push_flow: nodes as a map, JSON files and key order are no difference") {
  Fixture f;
  std::string map_form = test::read_file(test::source_path("samples/shapes/nodes-as-map.yaml"));
  REQUIRE(f.push("map.yaml", map_form).status == PushStatus::kCreated);
  auto pulled = platform_flow_yaml(find_flows_by_name(*f.platform, "Rappel de rendez-vous")->at(0));
  REQUIRE(pulled);
  CHECK(f.push("pulled.yaml", pulled.value()).status == PushStatus::kUnchanged);
  // The same flow as JSON with keys in another order.
  auto doc = document::read_document("p.yaml", pulled.value());
  auto local = read_local_flow(*doc);
  REQUIRE(local);
  nlohmann::json body = {{"graph", nlohmann::json::parse(local->graph_json)}, {"name", local->name}};
  body["description"] = *local->description;
  CHECK(f.push("same.json", body.dump()).status == PushStatus::kUnchanged);
}

TEST_CASE("push_flow: local errors refuse the push unless forced; the description is left alone when absent") {
  Fixture f;
  std::string broken = replace(kGreeting, "onComplete: bye", "onEnd: bye");
  auto refused = f.push("broken.yaml", broken);
  CHECK(refused.status == PushStatus::kInvalid);
  CHECK(diag::count(refused.checked.diagnostics).errors >= 1);
  CHECK(api::list_all_flows(*f.platform, {})->empty());
  PushOptions force;
  force.force = true;
  CHECK(f.push("broken.yaml", broken, force).status == PushStatus::kCreated);

  // No description in the file: the platform's stays, and is no difference.
  std::string plain = replace(kGreeting, "description: Says hello\n", "");
  auto updated = f.push("plain.yaml", plain);  // its graph is not the forced one's
  REQUIRE(updated.status == PushStatus::kUpdated);
  CHECK(updated.flow->description == "Says hello");
  CHECK(f.push("plain.yaml", plain).status == PushStatus::kUnchanged);
  CHECK(f.push("plain.yaml", "{not: [yaml").status == PushStatus::kUnreadable);
  auto bare = f.push("bare.yaml", "startNodeId: bye\nnodes:\n  - {id: bye, type: hangup}\n");
  CHECK(bare.status == PushStatus::kUnreadable);
  CHECK(bare.message.find("--name") != std::string::npos);
}

TEST_CASE("push_flow: two platform flows of one name are ambiguous; --id picks one") {
  Fixture f;
  std::string graph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup"}]})";
  auto first = f.platform->create_flow({std::string("Greeting"), std::nullopt, graph});
  auto second = f.platform->create_flow({std::string("Greeting"), std::nullopt, graph});
  REQUIRE(first);
  REQUIRE(second);
  auto ambiguous = f.push("greeting.yaml", kGreeting);
  CHECK(ambiguous.status == PushStatus::kAmbiguous);
  CHECK(ambiguous.candidates.size() == 2);
  PushOptions pick;
  pick.id = second->id;
  auto updated = f.push("greeting.yaml", kGreeting, pick);
  REQUIRE(updated.status == PushStatus::kUpdated);
  CHECK(updated.flow->id == second->id);
  CHECK(f.platform->get_flow(first->id)->graph_json == nlohmann::json::parse(graph).dump());
  pick.id = "00000000-0000-4000-8000-000000000000";
  auto missing = f.push("greeting.yaml", kGreeting, pick);
  REQUIRE(missing.status == PushStatus::kApiError);
  CHECK(missing.error->http_status == 404);
}

TEST_CASE("find_flow: by id or exact name; file names from names") {
  Fixture f;
  std::string graph = R"({"startNodeId":"bye","nodes":[{"id":"bye","type":"hangup"}]})";
  auto flow = f.platform->create_flow({std::string("Payment reminder"), std::nullopt, graph});
  REQUIRE(flow);
  REQUIRE(f.platform->create_flow({std::string("Payment reminder v2"), std::nullopt, graph}));
  CHECK(find_flow(*f.platform, flow->id)->at(0).name == "Payment reminder");
  auto by_name = find_flow(*f.platform, "Payment reminder");
  REQUIRE(by_name);
  REQUIRE(by_name->size() == 1);  // exact, not a search match
  CHECK(by_name->at(0).id == flow->id);
  CHECK(find_flow(*f.platform, "payment")->empty());
  CHECK(find_flow(*f.platform, "00000000-0000-4000-8000-000000000000")->empty());
  CHECK(flow_file_name(*flow) == "payment-reminder.yaml");
  api::FlowRecord odd;
  odd.id = "f_12";
  odd.name = "!!!";
  CHECK(flow_file_name(odd) == "f_12.yaml");
  odd.name = "Rappel: date d'échéance";  // the slug attribute names get, with dashes
  CHECK(flow_file_name(odd) == "rappel-date-d-echeance.yaml");
  odd.name = "تذكير الدفع";
  CHECK(flow_file_name(odd) == "تذكير-الدفع.yaml");
}

}  // namespace gomo::sync
