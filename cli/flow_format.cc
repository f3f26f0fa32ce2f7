// gomo flow fmt|convert|graph: thin wrappers over lib/flow (canonical writer, drawings).
#include <CLI/CLI.hpp>
#include <memory>

#include "checks/read_input.h"
#include "checks/validate.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "flow/format.h"
#include "flow/graph.h"
#include "flow/line_diff.h"
#include "model/flow.h"
#include "model/project_config.h"
#include "report/text.h"

namespace gomo::cli {
namespace {

struct FlowFmtFlags {
  std::vector<std::string> paths;
  bool check = false;
  bool diff = false;
  bool drop_comments = false;
  std::string name;
};

struct FlowConvertFlags {
  std::string path;
  std::string to;
  std::string nodes;  // "" = keep the input's form
  std::string out;
  std::string name;
};

struct FlowGraphFlags {
  std::string path;
  std::string format = "mermaid";
  std::string out;
  std::string coverage;  // a `gomo flow test --coverage-out` report
};

// Reads one input (a file, or stdin already read by expand_inputs) into a document. On a read or
// syntax error prints the diagnostic and returns null.
std::unique_ptr<document::Document> flow_fmt_load(Context& ctx, const checks::Input& in) {
  auto read = checks::read_input(in);
  if (!read) {
    report_error(ctx, read.error());
    return nullptr;
  }
  if (read->doc->parsed) return std::move(read->doc);
  report::TextStyle style;
  style.color = ctx.use_color(ctx.stderr_tty);
  report::write_text(ctx.err, {read->problems}, style);
  report_error(ctx, in.path + " is not valid " + (read->doc->format == document::Format::kJson ? "JSON" : "YAML") +
                        "; not rewritten");
  return nullptr;
}

std::unique_ptr<document::Document> flow_fmt_load_path(Context& ctx, const std::string& path) {
  auto input = checks::expand_one_input(path);
  if (!input) {
    report_error(ctx, input.error());
    return nullptr;
  }
  return flow_fmt_load(ctx, *input);
}

// Data to stdout, or to `-O FILE` (written atomically).
int flow_fmt_emit(Context& ctx, const std::string& out_path, const std::string& data) {
  if (out_path.empty() || out_path == "-") {
    ctx.out << data;
    ctx.out.flush();
    return kExitOk;
  }
  if (Status s = flow::replace_file(out_path, data); !s) return report_error(ctx, s);
  if (ctx.verbose) report_note(ctx, "wrote " + out_path);
  return kExitOk;
}

int run_flow_fmt(Context& ctx, const FlowFmtFlags& f) {
  // Directories are walked as `flow validate` walks them: `.gomo.yaml`'s exclude patterns apply.
  checks::Exclusion exclude;
  if (auto path = model::find_project_config(".")) {
    auto loaded = model::load_project_config(*path);
    if (!loaded) return report_error(ctx, loaded.error());
    exclude = checks::project_exclusion(loaded.value());
  }
  std::vector<std::string> notes;
  auto inputs = checks::expand_inputs(f.paths, exclude, &notes);
  if (!inputs) return report_error(ctx, inputs.error());
  if (!ctx.quiet)
    for (const auto& note : notes) report_warning(ctx, note);
  int code = kExitOk;
  std::vector<std::string> changed;
  size_t failed = 0;  // files that could not be read or formatted (each said why)
  for (const auto& in : inputs.value()) {
    auto doc = flow_fmt_load(ctx, in);
    if (!doc) {
      code = kExitUsage;
      ++failed;
      continue;
    }
    flow::FormatOptions options;
    options.to = doc->format;
    options.canonical.name = f.name;
    options.drop_comments = f.drop_comments;
    auto formatted = flow::format_document(*doc, options);
    if (!formatted) {
      code = report_error(ctx, in.path + ": " + formatted.error().message());
      ++failed;
      continue;
    }
    if (!formatted->kept_map_reason.empty() && !ctx.quiet)
      report_note(ctx, in.path + ": nodes kept as a map (" + formatted->kept_map_reason + ")");
    if (formatted->comments_dropped && !ctx.quiet)
      report_note(ctx,
                  in.path + ": " + std::to_string(formatted->comments_dropped) + " comments dropped (--drop-comments)");
    if (in.from_stdin && !f.check && !f.diff) {
      ctx.out << formatted->text;
      continue;
    }
    if (formatted->text == doc->text) continue;
    changed.push_back(in.path);
    if (f.diff) ctx.out << flow::unified_diff(doc->text, formatted->text, in.path, in.path + " (formatted)");
    if (f.check || f.diff) continue;
    if (Status s = flow::replace_file(in.path, formatted->text); !s) {
      code = report_error(ctx, s.message());
      continue;
    }
    if (!ctx.quiet) ctx.err << "formatted " << in.path << "\n";
  }
  ctx.out.flush();
  if (f.check || f.diff) {
    if (f.check)
      for (const auto& path : changed) ctx.out << path << "\n";
    if (!ctx.quiet) {
      // "1 file is formatted", "all 3 files are formatted"; "1 file would be", "2 of 3 files would be".
      // A file that could not be checked is neither formatted nor to be reformatted: it is counted apart.
      const size_t n = inputs->size();
      if (changed.empty() && failed == 0)
        ctx.err << (n == 1 ? "1 file is formatted\n" : "all " + std::to_string(n) + " files are formatted\n");
      else if (changed.size() == 1 && n == 1) ctx.err << "1 file would be reformatted (run gomo flow fmt)\n";
      else if (!changed.empty())
        ctx.err << changed.size() << " of " << n << " files would be reformatted (run gomo flow fmt)\n";
      if (failed)
        ctx.err << failed << " of " << n << (n == 1 ? " file" : " files") << " could not be formatted (see above)\n";
    }
    if (!changed.empty() && code == kExitOk) code = kExitFindings;
  }
  return code;
}

int run_flow_convert(Context& ctx, const FlowConvertFlags& f) {
  auto doc = flow_fmt_load_path(ctx, f.path);
  if (!doc) return kExitUsage;
  flow::FormatOptions options;
  options.to = f.to == "json" ? document::Format::kJson : document::Format::kYaml;
  options.canonical.name = f.name;
  if (f.nodes.empty())
    options.canonical.nodes = model::build_flow(*doc).nodes_as_map ? flow::NodesForm::kMap : flow::NodesForm::kArray;
  else options.canonical.nodes = f.nodes == "map" ? flow::NodesForm::kMap : flow::NodesForm::kArray;
  options.drop_comments = true;  // converting says what it drops; JSON has no comments at all
  auto formatted = flow::format_document(*doc, options);
  if (!formatted) return report_error(ctx, f.path + ": " + formatted.error().message());
  if (!formatted->kept_map_reason.empty() && !ctx.quiet)
    report_note(ctx, f.path + ": nodes kept as a map (" + formatted->kept_map_reason + ")");
  if (formatted->comments_dropped && !ctx.quiet)
    report_note(ctx, f.path + ": " + std::to_string(formatted->comments_dropped) + " comments dropped" +
                         (options.to == document::Format::kJson ? " (JSON has no comments)" : ""));
  return flow_fmt_emit(ctx, f.out, formatted->text);
}

int run_flow_graph(Context& ctx, const FlowGraphFlags& f) {
  auto doc = flow_fmt_load_path(ctx, f.path);
  if (!doc) return kExitUsage;
  model::Flow flow = model::build_flow(*doc);
  if (!flow.graph)
    return report_error(ctx,
                        f.path + ": no flow graph found (expected graph: or startNodeId:/nodes: at the top level)");
  flow::GraphCoverage coverage;
  if (!f.coverage.empty()) {
    auto loaded = flow::load_graph_coverage(f.coverage, f.path, flow.name);
    if (!loaded) return report_error(ctx, loaded.error());
    coverage = std::move(loaded.value());
  }
  if (f.format == "mermaid") return flow_fmt_emit(ctx, f.out, flow::render_mermaid(flow, coverage));
  std::string dot = flow::render_dot(flow, coverage);
  if (f.format == "dot") return flow_fmt_emit(ctx, f.out, dot);
  if (flow::find_graphviz().empty())
    return report_error(ctx, "--format " + f.format +
                                 " needs Graphviz's dot: install graphviz (apt-get install graphviz) or use --format "
                                 "dot|mermaid");
  if (f.format == "png" && (f.out.empty() || f.out == "-") && ctx.stdout_tty)
    return report_error(ctx, "PNG is binary: write it to a file with -O graph.png");
  auto image = flow::render_with_graphviz(dot, f.format);
  if (!image) return report_error(ctx, image.error());
  return flow_fmt_emit(ctx, f.out, image.value());
}

}  // namespace

void add_flow_format_commands(CLI::App& flow, Context& ctx, Action& action) {
  if (ctx.builds("fmt")) {
    auto ff = std::make_shared<FlowFmtFlags>();
    auto* fmt =
        flow.add_subcommand("fmt", "Rewrite flows in canonical form (stable key order, 2-space YAML; comments kept)");
    fmt->add_option("paths", ff->paths, "Flow files or directories (recursive); - reads stdin and writes stdout")
        ->required();
    fmt->add_flag("--check", ff->check, "Write nothing; list files that would change and exit 1 if any (CI)");
    fmt->add_flag("--diff", ff->diff, "Write nothing; print a unified diff of the changes and exit 1 if any");
    fmt->add_flag("--drop-comments", ff->drop_comments,
                  "Rewrite even when YAML comments cannot all be kept (they are dropped)");
    fmt->add_option("--name", ff->name, "Name a bare graph, making it the API body {name, graph}");
    fmt->callback([ff, &action] { action = [ff](Context& c) { return run_flow_fmt(c, *ff); }; });
  }

  if (ctx.builds("convert")) {
    auto cf = std::make_shared<FlowConvertFlags>();
    auto* convert = flow.add_subcommand("convert", "Convert a flow between YAML and JSON, and nodes as array or map");
    convert->add_option("file", cf->path, "Flow file; - reads stdin")->required();
    convert->add_option("--to", cf->to, "Output format: json or yaml")
        ->required()
        ->check(CLI::IsMember({"json", "yaml"}));
    convert
        ->add_option("--nodes", cf->nodes,
                     "Nodes as an array (canonical) or a map keyed by id (default: as in the input)")
        ->check(CLI::IsMember({"array", "map"}));
    convert->add_option("-O,--out", cf->out, "Write to this file instead of stdout");
    convert->add_option("--name", cf->name, "Name a bare graph, making it the API body {name, graph}");
    convert->callback([cf, &action] { action = [cf](Context& c) { return run_flow_convert(c, *cf); }; });
  }

  if (ctx.builds("graph")) {
    auto gf = std::make_shared<FlowGraphFlags>();
    auto* graph = flow.add_subcommand("graph", "Draw a flow: Mermaid or DOT text, or SVG/PNG with Graphviz");
    graph->add_option("file", gf->path, "Flow file; - reads stdin")->required();
    graph->add_option("-f,--format", gf->format, "mermaid (default), dot, svg or png (svg/png need Graphviz)")
        ->check(CLI::IsMember({"mermaid", "dot", "svg", "png"}));
    graph->add_option("-O,--out", gf->out, "Write to this file instead of stdout");
    graph
        ->add_option("--coverage", gf->coverage,
                     "Colour edges by test coverage (a report from gomo flow test --coverage-out)")
        ->type_name("FILE");
    graph->callback([gf, &action] { action = [gf](Context& c) { return run_flow_graph(c, *gf); }; });
  }
}

}  // namespace gomo::cli
