// End-to-end tests of `gomo flow fmt|convert|graph` through the real binary.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "flow/graph.h"
#include "tests/support/test_support.h"

using namespace gomo;

namespace {

const char* kMessy = R"(# greeting flow
graph:
  nodes:
    hello:   # says hello
      outputs: {onComplete: bye}
      type: play
      config: {audioItems: [{audioId: "007", type: audioFile}]}

    bye: {type: hangup}
  startNodeId: hello
name: Greeting
)";

const char* kTidy = R"(# greeting flow
name: Greeting
graph:
  startNodeId: hello
  nodes:
    - id: hello  # says hello
      type: play
      config:
        audioItems:
          - type: audioFile
            audioId: "007"
      outputs:
        onComplete: bye

    - id: bye
      type: hangup
)";

}  // namespace

TEST_CASE("cli: flow fmt rewrites in place, keeps comments and permissions, and is stable") {
  std::string dir = test::scratch_dir();
  std::string path = test::write_file(dir, "greeting.yaml", kMessy);
  REQUIRE(chmod(path.c_str(), 0600) == 0);
  auto r = test::run_gomo({"flow", "fmt", path});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("formatted " + path) != std::string::npos);
  CHECK(test::read_file(path) == kTidy);
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  // Nothing left to do: a second run changes nothing, and leaves no temp files behind.
  auto again = test::run_gomo({"flow", "fmt", path});
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("formatted") == std::string::npos);
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  CHECK(files == 1);
}

TEST_CASE("cli: flow fmt --check exits 1 listing files that would change, 0 when formatted") {
  std::string dir = test::scratch_dir();
  std::string messy = test::write_file(dir, "a.yaml", kMessy);
  std::string tidy = test::write_file(dir, "b.yaml", kTidy);
  auto r = test::run_gomo({"flow", "fmt", "--check", dir});
  CHECK(r.exit_code == 1);
  CHECK(r.out == messy + "\n");
  CHECK(r.err.find("1 of 2 files would be reformatted") != std::string::npos);
  CHECK(test::read_file(messy) == kMessy);  // --check writes nothing
  auto ok = test::run_gomo({"flow", "fmt", "--check", tidy});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.empty());
}

TEST_CASE("cli: flow fmt --diff prints a unified diff and writes nothing") {
  std::string dir = test::scratch_dir();
  std::string path = test::write_file(dir, "f.yaml", "startNodeId: a\nnodes:\n  - {type: hangup, id: a}\n");
  auto r = test::run_gomo({"flow", "fmt", "--diff", path});
  CHECK(r.exit_code == 1);
  CHECK(
      r.out ==
      "--- " + path + "\n+++ " + path +
          " (formatted)\n@@ -1,3 +1,4 @@\n startNodeId: a\n nodes:\n-  - {type: hangup, id: a}\n+  - id: a\n+    type: hangup\n");
  CHECK(test::read_file(path) == "startNodeId: a\nnodes:\n  - {type: hangup, id: a}\n");
}

TEST_CASE("cli: flow fmt never rewrites a file with a syntax error") {
  std::string dir = test::scratch_dir();
  const std::string broken = "startNodeId: a\nnodes:\n  - id: a\n   type: hangup\n";
  std::string path = test::write_file(dir, "broken.yaml", broken);
  std::string good = test::write_file(dir, "good.json", R"({"nodes": [], "startNodeId": "a"})");
  auto r = test::run_gomo({"flow", "fmt", path, good});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(path + ":4:") != std::string::npos);
  CHECK(r.err.find("[syntax]") != std::string::npos);
  CHECK(test::read_file(path) == broken);
  // The other file was still formatted, and stayed JSON.
  CHECK(test::read_file(good) == "{\n  \"startNodeId\": \"a\",\n  \"nodes\": []\n}\n");
}

TEST_CASE("cli: flow fmt - reads stdin and writes stdout") {
  auto r = test::run_gomo({"flow", "fmt", "-"}, "nodes: {a: {type: hangup}}\nstartNodeId: a\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "startNodeId: a\nnodes:\n  - id: a\n    type: hangup\n");
}

TEST_CASE("cli: flow convert YAML -> JSON map -> YAML gives the same canonical text") {
  std::string dir = test::scratch_dir();
  std::string yaml = test::write_file(dir, "greeting.yaml", kTidy);
  std::string json = dir + "/greeting.json";
  auto to_json = test::run_gomo({"flow", "convert", yaml, "--to", "json", "--nodes", "map", "-O", json});
  CHECK(to_json.exit_code == 0);
  CHECK(to_json.err.find("2 comments dropped (JSON has no comments)") != std::string::npos);
  std::string json_text = test::read_file(json);
  CHECK(json_text.find("\"nodes\": {\n      \"hello\": {\n        \"type\": \"play\"") != std::string::npos);
  CHECK(json_text.find("\"audioId\": \"007\"") != std::string::npos);

  auto back = test::run_gomo({"flow", "convert", json, "--to", "yaml", "--nodes", "array"});
  CHECK(back.exit_code == 0);
  std::string tidy_without_comments =
      "name: Greeting\ngraph:\n  startNodeId: hello\n  nodes:\n    - id: hello\n      type: play\n"
      "      config:\n        audioItems:\n          - type: audioFile\n            audioId: \"007\"\n"
      "      outputs:\n        onComplete: bye\n    - id: bye\n      type: hangup\n";
  CHECK(back.out == tidy_without_comments);
  // And the JSON, formatted as YAML by fmt, is the same text too.
  auto fmt = test::run_gomo({"flow", "fmt", "-"}, back.out);
  CHECK(fmt.out == tidy_without_comments);
}

TEST_CASE("cli: flow convert refuses a map conversion that would lose nodes") {
  auto r = test::run_gomo({"flow", "convert", "-", "--to", "yaml", "--nodes", "map"},
                          "startNodeId: a\nnodes:\n  - {id: a, type: hangup}\n  - {id: a, type: play}\n");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("node id `a` is used twice") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("cli: flow graph draws mermaid and dot, marking broken parts") {
  const char* broken =
      "startNodeId: a\nnodes:\n  - {id: a, type: play, outputs: {onComplete: nowhere}}\n  - {id: lost, type: hangup}\n";
  auto mermaid = test::run_gomo({"flow", "graph", "-"}, broken);
  CHECK(mermaid.exit_code == 0);
  CHECK(mermaid.out.find("flowchart TD") != std::string::npos);
  CHECK(mermaid.out.find("missing0[\"missing: nowhere\"]:::missing") != std::string::npos);
  CHECK(mermaid.out.find("class n1 unreachable") != std::string::npos);
  auto dot = test::run_gomo({"flow", "graph", "-", "--format", "dot"}, broken);
  CHECK(dot.exit_code == 0);
  CHECK(dot.out.rfind("digraph flow {", 0) == 0);
  auto bad = test::run_gomo({"flow", "graph", "-"}, "nodes: [\n");
  CHECK(bad.exit_code == 2);
  auto not_a_flow = test::run_gomo({"flow", "graph", "-"}, "just: text\n");
  CHECK(not_a_flow.exit_code == 2);
  CHECK(not_a_flow.err.find("no flow graph found") != std::string::npos);
}

TEST_CASE("cli: flow graph --format svg renders with Graphviz, or says how to install it") {
  std::string sample = test::source_path("samples/flows/payment-reminder.json");
  if (!flow::find_graphviz().empty() || !test::skip_without("Graphviz (dot)")) {
    std::string out = test::scratch_dir() + "/flow.svg";
    auto r = test::run_gomo({"flow", "graph", sample, "--format", "svg", "-O", out});
    CHECK(r.exit_code == 0);
    std::string svg = test::read_file(out);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("Payment Reminder") != std::string::npos);
  }
  // Without dot on PATH: exit 2 and the install hint.
  auto r = test::run_gomo({"flow", "graph", sample, "--format", "png"}, "", {"PATH=/nonexistent"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("install graphviz (apt-get install graphviz) or use --format dot|mermaid") != std::string::npos);
}
