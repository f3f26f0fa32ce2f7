#include "flow/graph.h"

#include "base/files.h"
#include "document/document.h"
#include "document/limits.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

extern char** environ;

namespace gomo::flow {
namespace {

std::string join_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

const char* kLegendUnreachable = "dashed grey: not reachable from the start node";
const char* kLegendMissing = "red: output target that does not exist";
const char* kLegendCoverage = "green: edge taken by a test; orange dashed: edge no test takes";

// The tool's output so far; "" when the file cannot be read.
std::string read_all(const std::string& path) {
  auto text = read_file(path);
  return text ? std::move(text.value()) : std::string();
}

}  // namespace

GraphView build_graph_view(const model::Flow& flow) {
  GraphView view;
  for (const auto& n : flow.nodes) view.nodes.push_back(&n);
  view.reachable.assign(view.nodes.size(), false);
  std::map<std::string, int> missing_index;
  auto missing = [&](const std::string& id) {
    auto [it, fresh] = missing_index.emplace(id, int(view.missing_targets.size()));
    if (fresh) view.missing_targets.push_back(id);
    return it->second;
  };
  view.start = flow.start_index;
  if (flow.start_index < 0 && !flow.start_node_id.empty()) view.start_missing = missing(flow.start_node_id);
  for (size_t i = 0; i < flow.nodes.size(); ++i)
    for (const auto& e : flow.nodes[i].edges) {
      GraphView::Edge edge;
      edge.from = int(i);
      edge.to = e.target_index;
      if (e.target_index < 0) edge.missing = missing(e.target);
      edge.label = e.name == "branches" ? e.digit : e.name;
      edge.key = flow.nodes[i].id + "." + (e.name == "branches" ? "branches." + e.digit : e.name);
      view.edges.push_back(std::move(edge));
    }
  if (view.start >= 0) {
    std::deque<int> queue{view.start};
    view.reachable[view.start] = true;
    while (!queue.empty()) {
      int at = queue.front();
      queue.pop_front();
      for (const auto& e : flow.nodes[at].edges)
        if (e.target_index >= 0 && !view.reachable[e.target_index]) {
          view.reachable[e.target_index] = true;
          queue.push_back(e.target_index);
        }
    }
  }
  for (bool r : view.reachable) view.has_unreachable |= !r;
  return view;
}

std::vector<std::string> node_caption(const model::Node& node) {
  std::string type = node.type_name.empty() ? "(no type)" : node.type_name;
  std::string id = node.id.empty() ? "(no id)" : node.id;
  if (node.label.empty()) return {id, type};
  return {node.label, type + " · " + id};
}

std::string mermaid_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '#': out += "#35;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '&': out += "#amp;"; break;
      case '`': out += "#96;"; break;
      case '|': out += "#124;"; break;
      case '\r': break;
      case '\n': out += "<br/>"; break;
      default: out += c;
    }
  }
  return out;
}

std::string dot_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\r': break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_mermaid(const model::Flow& flow, const GraphCoverage& coverage) {
  GraphView view = build_graph_view(flow);
  std::string out;
  if (!flow.name.empty()) out += "---\ntitle: \"" + mermaid_escape(flow.name) + "\"\n---\n";
  out += "flowchart TD\n";
  out += "  gomo_start((\"start\")):::start\n";
  if (view.start >= 0) out += "  gomo_start --> n" + std::to_string(view.start) + "\n";
  else if (view.start_missing >= 0) out += "  gomo_start --> missing" + std::to_string(view.start_missing) + "\n";
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    const model::Node& n = *view.nodes[i];
    auto caption = node_caption(n);
    std::string text = "\"" + mermaid_escape(caption[0]) + "<br/><small>" + mermaid_escape(caption[1]) + "</small>\"";
    std::string shape;
    switch (n.type) {
      case model::NodeType::kHangup: shape = "([" + text + "])"; break;
      case model::NodeType::kCondition: shape = "{" + text + "}"; break;
      case model::NodeType::kDtmf: shape = "{{" + text + "}}"; break;
      default: shape = "(" + text + ")";
    }
    out += "  n" + std::to_string(i) + shape + "\n";
  }
  for (size_t i = 0; i < view.missing_targets.size(); ++i)
    out +=
        "  missing" + std::to_string(i) + "[\"missing: " + mermaid_escape(view.missing_targets[i]) + "\"]:::missing\n";
  // Mermaid styles links by their index in definition order; the start arrow is link 0 when drawn.
  int link = (view.start >= 0 || view.start_missing >= 0) ? 1 : 0;
  std::vector<std::string> covered_links, uncovered_links;
  for (const auto& e : view.edges) {
    std::string to = e.to >= 0 ? "n" + std::to_string(e.to) : "missing" + std::to_string(e.missing);
    const char* arrow = view.reachable[e.from] ? "-->" : "-.->";
    out += "  n" + std::to_string(e.from) + " " + arrow + "|\"" + mermaid_escape(e.label) + "\"| " + to + "\n";
    if (coverage.enabled)
      (coverage.covered_edges.count(e.key) ? covered_links : uncovered_links).push_back(std::to_string(link));
    ++link;
  }
  if (!covered_links.empty()) out += "  linkStyle " + join_ids(covered_links) + " stroke:#1a7f37,stroke-width:3px\n";
  if (!uncovered_links.empty())
    out += "  linkStyle " + join_ids(uncovered_links) + " stroke:#bc4c00,stroke-width:2px,stroke-dasharray:4 4\n";
  if (view.has_unreachable || !view.missing_targets.empty() || coverage.enabled) {
    std::string legend;
    if (view.has_unreachable) legend += kLegendUnreachable;
    if (!view.missing_targets.empty()) legend += std::string(legend.empty() ? "" : "<br/>") + kLegendMissing;
    if (coverage.enabled) legend += std::string(legend.empty() ? "" : "<br/>") + kLegendCoverage;
    out += "  gomo_legend[\"" + legend + "\"]:::legend\n";
  }
  out += "  classDef start fill:#222,stroke:#222,color:#fff\n";
  out += "  classDef unreachable fill:#f4f4f4,stroke:#999,stroke-dasharray:5 5,color:#777\n";
  out += "  classDef missing fill:#fee,stroke:#c00,stroke-width:2px,color:#c00\n";
  out += "  classDef legend fill:#fffbe6,stroke:#bbb,color:#333\n";
  if (view.start >= 0) out += "  style n" + std::to_string(view.start) + " stroke-width:3px\n";
  std::vector<std::string> unreachable;
  for (size_t i = 0; i < view.nodes.size(); ++i)
    if (!view.reachable[i]) unreachable.push_back("n" + std::to_string(i));
  if (!unreachable.empty()) out += "  class " + join_ids(unreachable) + " unreachable\n";
  return out;
}

std::string render_dot(const model::Flow& flow, const GraphCoverage& coverage) {
  GraphView view = build_graph_view(flow);
  std::string out = "digraph flow {\n";
  if (!flow.name.empty()) out += "  label=\"" + dot_escape(flow.name) + "\";\n  labelloc=t;\n  fontsize=18;\n";
  out += "  rankdir=TB;\n  fontname=\"sans-serif\";\n";
  out +=
      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#333333\", fontname=\"sans-serif\", fontsize=12];\n";
  out += "  edge [fontname=\"sans-serif\", fontsize=10, color=\"#555555\"];\n";
  out +=
      "  gomo_start [label=\"start\", shape=circle, style=filled, fillcolor=\"#222222\", fontcolor=\"#ffffff\", width=0.6, fixedsize=true];\n";
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    const model::Node& n = *view.nodes[i];
    auto caption = node_caption(n);
    std::string attrs = "label=\"" + dot_escape(caption[0]) + "\\n" + dot_escape(caption[1]) + "\"";
    switch (n.type) {
      case model::NodeType::kHangup:
        attrs += ", shape=box, style=\"rounded,filled,bold\", fillcolor=\"#eef5ff\"";
        break;
      case model::NodeType::kCondition: attrs += ", shape=diamond, style=filled"; break;
      case model::NodeType::kDtmf: attrs += ", shape=hexagon, style=filled"; break;
      default: break;
    }
    if (int(i) == view.start) attrs += ", penwidth=2.5";
    if (!view.reachable[i])
      attrs += ", style=\"rounded,dashed,filled\", fillcolor=\"#f4f4f4\", color=\"#999999\", fontcolor=\"#777777\"";
    out += "  n" + std::to_string(i) + " [" + attrs + "];\n";
  }
  for (size_t i = 0; i < view.missing_targets.size(); ++i)
    out +=
        "  missing" + std::to_string(i) + " [label=\"missing: " + dot_escape(view.missing_targets[i]) +
        "\", shape=box, style=\"filled,dashed\", fillcolor=\"#ffeeee\", color=\"#cc0000\", fontcolor=\"#cc0000\", penwidth=2];\n";
  if (view.start >= 0) out += "  gomo_start -> n" + std::to_string(view.start) + ";\n";
  else if (view.start_missing >= 0)
    out += "  gomo_start -> missing" + std::to_string(view.start_missing) + " [color=\"#cc0000\"];\n";
  for (const auto& e : view.edges) {
    std::string to = e.to >= 0 ? "n" + std::to_string(e.to) : "missing" + std::to_string(e.missing);
    std::string attrs = "label=\"" + dot_escape(e.label) + "\"";
    if (e.to < 0) attrs += ", color=\"#cc0000\", fontcolor=\"#cc0000\", penwidth=2";
    else if (coverage.enabled && coverage.covered_edges.count(e.key))
      attrs += ", color=\"#1a7f37\", fontcolor=\"#1a7f37\", penwidth=2.5";
    else if (coverage.enabled) attrs += ", style=dashed, color=\"#bc4c00\", fontcolor=\"#bc4c00\", penwidth=2";
    else if (!view.reachable[e.from]) attrs += ", style=dashed, color=\"#999999\", fontcolor=\"#777777\"";
    out += "  n" + std::to_string(e.from) + " -> " + to + " [" + attrs + "];\n";
  }
  if (view.has_unreachable || !view.missing_targets.empty() || coverage.enabled) {
    std::string legend = "Legend\\l";
    if (view.has_unreachable) legend += std::string(kLegendUnreachable) + "\\l";
    if (!view.missing_targets.empty()) legend += std::string(kLegendMissing) + "\\l";
    if (coverage.enabled) legend += std::string(kLegendCoverage) + "\\l";
    out += "  gomo_legend [label=\"" + legend +
           "\", shape=note, style=filled, fillcolor=\"#fffbe6\", color=\"#bbbbbb\", fontsize=10];\n";
  }
  out += "}\n";
  return out;
}

Result<GraphCoverage> load_graph_coverage(const std::string& report_path, const std::string& flow_path,
                                          const std::string& flow_name) {
  auto read = document::read_document_file(report_path, document::Format::kJson);
  if (!read) return Status::not_found(report_path + ": cannot read the coverage report");
  auto doc = std::move(read.value());
  if (!doc->parsed && !doc->problems.empty() && doc->text.empty())  // over the input limit
    return Status::invalid_argument(report_path + ":1:1: " + doc->problems.front().message);
  const document::Value* flows = doc->parsed ? doc->root.find("flows") : nullptr;
  if (!flows || !flows->is_sequence())
    return Status::invalid_argument(report_path +
                                    ": not a coverage report (write one with gomo flow test --coverage-out FILE)");
  const document::Value* chosen = nullptr;
  std::error_code ec;
  for (const auto& entry : flows->items) {
    std::string path(entry.string_at("flow"));
    if (!path.empty() && std::filesystem::equivalent(path, flow_path, ec)) chosen = &entry;
  }
  for (const auto& entry : flows->items)
    if (!chosen && !flow_name.empty() && entry.string_at("name") == flow_name) chosen = &entry;
  if (!chosen && flows->items.size() == 1) chosen = &flows->items.front();
  if (!chosen)
    return Status::not_found(report_path + ": has no coverage for " + flow_path +
                             " (run its tests with --coverage-out)");
  GraphCoverage coverage;
  coverage.enabled = true;
  const document::Value* edges = chosen->find("edges");
  const document::Value* covered = edges ? edges->find("coveredEdges") : nullptr;
  if (covered && covered->is_sequence())
    for (const auto& e : covered->items)
      if (e.is_string()) coverage.covered_edges.insert(e.text);
  return coverage;
}

std::string find_graphviz() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t colon = dirs.find(':', start);
    if (colon == std::string::npos) colon = dirs.size();
    std::string dir = dirs.substr(start, colon - start);
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/dot";
    if (access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) return candidate;
    start = colon + 1;
  }
  return "";
}

Result<std::string> render_with_graphviz(const std::string& dot_text, const std::string& format) {
  std::string dot = find_graphviz();
  if (dot.empty()) return Status::not_found("Graphviz's `dot` is not on PATH");
  // Input, output and errors go through temp files: no pipes to deadlock on, no shell to quote for.
  char dir_template[] = "/tmp/gomo-graph-XXXXXX";
  if (!mkdtemp(dir_template)) return Status::io_error("cannot create a temp directory for Graphviz");
  std::filesystem::path dir = dir_template;
  auto cleanup = [&] {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  };
  std::string in_path = (dir / "flow.dot").string(), out_path = (dir / "out").string(),
              err_path = (dir / "err").string();
  {
    std::ofstream in(in_path, std::ios::binary);
    in << dot_text;
    if (!in) {
      cleanup();
      return Status::io_error("cannot write " + in_path);
    }
  }
  std::string type_flag = "-T" + format;
  std::vector<char*> argv = {const_cast<char*>(dot.c_str()),      const_cast<char*>(type_flag.c_str()),
                             const_cast<char*>(in_path.c_str()),  const_cast<char*>("-o"),
                             const_cast<char*>(out_path.c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, dot.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    cleanup();
    return Status::io_error("cannot run " + dot);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  std::string output = read_all(out_path), errors = read_all(err_path);
  cleanup();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || output.empty())
    return Status::io_error("Graphviz failed (" + dot + " " + type_flag +
                            "): " + (errors.empty() ? "no output" : errors));
  return output;
}

}  // namespace gomo::flow
