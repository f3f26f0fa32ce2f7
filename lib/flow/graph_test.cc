#include "flow/graph.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/support/test_support.h"

using namespace gomo;

namespace {

struct Drawn {
  std::unique_ptr<document::Document> doc;
  model::Flow flow;
};

Drawn load(const std::string& text, const std::string& name = "f.yaml") {
  Drawn d;
  d.doc = document::read_document(name, text);
  d.flow = model::build_flow(*d.doc);
  return d;
}

// Compares with tests/golden/graph/<name>; GOMO_UPDATE_GOLDEN=1 rewrites the file instead.
void check_golden(const std::string& name, const std::string& actual) {
  std::string path = test::source_path("tests/golden/graph/" + name);
  if (const char* update = std::getenv("GOMO_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << actual;
  }
  CHECK_MESSAGE(test::read_file(path) == actual,
                "golden " << path << " differs; rerun with GOMO_UPDATE_GOLDEN=1 if intended");
}

const char* kBroken = R"(startNodeId: a
nodes:
  - {id: a, type: dtmf, label: "Say \"hi\" #1", outputs: {branches: {"1": b, "#": gone}, onTimeout: b}}
  - {id: b, type: hangup}
  - {id: lost, type: play, label: "مرحبا\nثانٍ", outputs: {onComplete: b}}
)";

}  // namespace

TEST_CASE("graph: escaping of labels for mermaid and dot") {
  CHECK(flow::mermaid_escape("a \"b\" #c <d> & e|f\ng") == "a #quot;b#quot; #35;c #lt;d#gt; #amp; e#124;f<br/>g");
  CHECK(flow::dot_escape("a \"b\" \\c\nd") == "a \\\"b\\\" \\\\c\\nd");
  CHECK(flow::dot_escape("مرحبا") == "مرحبا");
}

TEST_CASE("graph: unreachable nodes and dangling edges are marked") {
  auto d = load(kBroken);
  auto view = flow::build_graph_view(d.flow);
  REQUIRE(view.nodes.size() == 3);
  CHECK(view.reachable == std::vector<bool>{true, true, false});
  CHECK(view.missing_targets == std::vector<std::string>{"gone"});
  CHECK(view.start == 0);

  std::string mermaid = flow::render_mermaid(d.flow);
  CHECK(mermaid.find("n0{{\"Say #quot;hi#quot; #35;1<br/><small>dtmf · a</small>\"}}") != std::string::npos);
  CHECK(mermaid.find("n0 -->|\"#35;\"| missing0") != std::string::npos);
  CHECK(mermaid.find("missing0[\"missing: gone\"]:::missing") != std::string::npos);
  CHECK(mermaid.find("n2 -.->|\"onComplete\"| n1") != std::string::npos);
  CHECK(mermaid.find("class n2 unreachable") != std::string::npos);
  CHECK(mermaid.find("مرحبا<br/>ثانٍ") != std::string::npos);
  CHECK(mermaid.find("gomo_legend") != std::string::npos);

  std::string dot = flow::render_dot(d.flow);
  CHECK(dot.find("n0 [label=\"Say \\\"hi\\\" #1\\ndtmf · a\", shape=hexagon") != std::string::npos);
  CHECK(dot.find("missing0 [label=\"missing: gone\"") != std::string::npos);
  CHECK(dot.find("n0 -> missing0 [label=\"#\", color=\"#cc0000\"") != std::string::npos);
  CHECK(dot.find("n2 [label=\"مرحبا\\nثانٍ\\nplay · lost\"") != std::string::npos);
  CHECK(dot.find("style=\"rounded,dashed,filled\"") != std::string::npos);
  CHECK(dot.find("gomo_legend [label=\"Legend\\l") != std::string::npos);
}

TEST_CASE("graph: a missing start node points at a placeholder; a clean flow has no legend") {
  auto d = load("startNodeId: nowhere\nnodes:\n  - {id: a, type: hangup}\n");
  std::string mermaid = flow::render_mermaid(d.flow);
  CHECK(mermaid.find("gomo_start --> missing0") != std::string::npos);
  CHECK(mermaid.find("class n0 unreachable") != std::string::npos);
  auto clean = load("startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n");
  CHECK(flow::render_dot(clean.flow).find("legend") == std::string::npos);
  CHECK(flow::render_mermaid(clean.flow).find("gomo_legend[") == std::string::npos);
}

TEST_CASE("graph: golden mermaid and dot of the payment reminder sample") {
  std::string path = test::source_path("samples/flows/payment-reminder.json");
  auto d = load(test::read_file(path), path);
  REQUIRE(d.doc->parsed);
  check_golden("payment-reminder.mmd", flow::render_mermaid(d.flow));
  check_golden("payment-reminder.dot", flow::render_dot(d.flow));
}

TEST_CASE("graph: Graphviz renders SVG when installed") {
  // The CLI test checks the "install graphviz" message path too.
  if (flow::find_graphviz().empty() && test::skip_without("Graphviz (dot)")) return;
  auto d = load(kBroken);
  auto svg = flow::render_with_graphviz(flow::render_dot(d.flow), "svg");
  REQUIRE_MESSAGE(svg.has_value(), svg.error().message());
  CHECK(svg->find("<svg") != std::string::npos);
  CHECK(svg->find("missing: gone") != std::string::npos);
}
