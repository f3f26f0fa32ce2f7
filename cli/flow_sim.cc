// gomo flow test (flow unit tests) and gomo flow simulate (many random calls); gomo flow run is in
// cli/flow_run.cc.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "document/document.h"
#include "document/limits.h"
#include "engine/simulate.h"
#include "flowtest/flowtest.h"
#include "model/flow.h"
#include "report/call_report.h"
#include "report/flowtest_report.h"

namespace gomo::cli {
namespace {

struct TestFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  double min_coverage = 0;
  std::string coverage_out;
};

int test_flows(Context& ctx, const TestFlags& f) {
  auto files = flowtest::find_test_files(f.paths);
  if (!files) return report_error(ctx, files.error().message());
  auto result = flowtest::run_tests(files.value());
  std::string format = ctx.output == "json" && f.format == "text" ? "json" : f.format;
  bool color = ctx.use_color(ctx.stdout_tty);
  if (format == "json") report::write_test_json(ctx.out, result);
  else if (format == "junit") report::write_test_junit(ctx.out, result);
  else {
    report::write_test_text(ctx.out, result, color, ctx.quiet);
    if (!ctx.quiet) report::write_coverage_text(ctx.out, result, color);
  }
  if (!f.coverage_out.empty()) {
    std::ofstream cov(f.coverage_out, std::ios::binary | std::ios::trunc);
    if (!cov) return report_error(ctx, f.coverage_out + ": cannot write the coverage report");
    report::write_coverage_json(cov, result);
  }
  auto verdict = flowtest::verdict(result, f.min_coverage);
  if (verdict == flowtest::Verdict::kCoverageBelowMinimum) {
    std::ostringstream minimum;  // as the flag was given: 80, 62.5
    minimum << f.min_coverage;
    return report_error(ctx, "edge coverage is below --min-coverage " + minimum.str() + "%", exit_code_for(verdict));
  }
  return exit_code_for(verdict);
}

struct SimulateFlags {
  std::string flow;
  uint64_t calls = 10000;
  uint64_t seed = 1;
};

int simulate_flow(Context& ctx, const SimulateFlags& f) {
  auto read = document::read_document_file(f.flow);
  if (!read) return report_error(ctx, f.flow + ": cannot read the flow file");
  auto doc = std::move(read.value());
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    return report_error(ctx, f.flow + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) + ": " +
                                 p.message + " (run gomo flow validate)");
  }
  model::Flow flow = model::build_flow(*doc);
  auto r = engine::simulate(flow, f.calls, f.seed);
  report::write_simulation(ctx.out, r, ctx.output == "json");
  if (!ctx.quiet) {
    // Wall-clock time, to a sensible precision: "in 6.4 ms", "in 1.25 s" (not "in 0.00642414 s").
    char took[32];
    if (r.wall_seconds < 1) std::snprintf(took, sizeof took, "%.1f ms", r.wall_seconds * 1000);
    else std::snprintf(took, sizeof took, "%.2f s", r.wall_seconds);
    const auto per_second = static_cast<uint64_t>(static_cast<double>(r.calls) / std::max(r.wall_seconds, 1e-9));
    report_note(ctx, std::to_string(r.calls) + (r.calls == 1 ? " call in " : " calls in ") + took + " (" +
                         std::to_string(per_second) + " calls/s)");
  }
  return kExitOk;
}

void add_flow_simulate_command(CLI::App& flow, Action& action) {
  auto f = std::make_shared<SimulateFlags>();
  auto* sim = flow.add_subcommand("simulate", "Run many calls against random callees: outcomes and node visit counts");
  sim->add_option("flow", f->flow, "The flow file (YAML or JSON)")->required();
  sim->add_option("-n,--calls", f->calls, "Number of calls (default 10000)");
  sim->add_option("--seed", f->seed, "Random seed: the same seed gives the same results (default 1)");
  sim->callback([f, &action] { action = [f](Context& c) { return simulate_flow(c, *f); }; });
}

void add_flow_test_command(CLI::App& flow, Action& action) {
  auto f = std::make_shared<TestFlags>();
  auto* test = flow.add_subcommand("test", "Run flow unit tests (*.test.yaml) and report node and edge coverage");
  test->add_option("paths", f->paths, "Test files (*.test.yaml) or directories holding them")->required();
  test->add_option("-f,--format", f->format, "text, json or junit")->check(CLI::IsMember({"text", "json", "junit"}));
  test->add_option("--min-coverage", f->min_coverage,
                   "Fail (exit 1) when a flow's edge coverage is below this percentage")
      ->check(CLI::Range(0.0, 100.0));
  test->add_option("--coverage-out", f->coverage_out,
                   "Write the coverage report as JSON (input of `gomo flow graph --coverage`)");
  test->callback([f, &action] { action = [f](Context& c) { return test_flows(c, *f); }; });
}

}  // namespace
}  // namespace gomo::cli

namespace gomo::cli {

void add_flow_sim_commands(CLI::App& flow, Context& ctx, Action& action) {
  if (ctx.builds("run")) add_flow_run_command(flow, action);
  if (ctx.builds("render")) add_flow_render_command(flow, action);
  if (ctx.builds("test")) add_flow_test_command(flow, action);
  if (ctx.builds("simulate")) add_flow_simulate_command(flow, action);
}

}  // namespace gomo::cli
