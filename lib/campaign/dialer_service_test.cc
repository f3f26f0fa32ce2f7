#include "campaign/dialer_service.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "campaign/local_run.h"
#include "local/workspace.h"
#include "tests/support/running_program.h"

namespace gomo::campaign {

TEST_CASE("dialer service: --clock values") {
  auto real = parse_clock("real");
  REQUIRE(real);
  CHECK(real->kind == ClockChoice::Kind::kReal);
  CHECK(real->factor == 1);
  auto fast = parse_clock("x1000");
  REQUIRE(fast);
  CHECK(fast->factor == 1000);
  CHECK(parse_clock("virtual")->kind == ClockChoice::Kind::kVirtual);
  for (const char* bad : {"", "x", "x0", "x-2", "fast", "x10s", "1000"}) {
    auto r = parse_clock(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().message().find("expected real, virtual, or xN") != std::string::npos);
  }
}

TEST_CASE("local run: launch --wait's run ends the execution on a virtual clock; counters add up") {
  test::RunningProgram p;
  OutcomeMix mix;
  mix.seed = 3;
  auto run = run_to_end(*p.f.platform, p.execution.id, mix);
  REQUIRE_MESSAGE(run, run.error().message());
  CHECK(run->status == "completed");
  CHECK(run->attempts >= 1);
  auto e = p.f.platform->get_execution(p.execution.id);
  REQUIRE(e);
  CHECK(e->status == "completed");
  auto report = p.f.platform->execution_report(p.execution.id);
  REQUIRE(report);
  CHECK(report->contacts.completed + report->contacts.failed == 1);
  CHECK(static_cast<uint64_t>(report->total_calls) == run->attempts);
}

TEST_CASE("dialer service: picks up a running execution and stops when asked, within a bound") {
  test::RunningProgram p;
  DialerServiceOptions options;
  options.clock.kind = ClockChoice::Kind::kVirtual;
  options.scan_ms = 20;
  local::Workspace* ws = p.f.ws.get();
  const std::string org = p.execution.organization_id;
  DialerService service([ws, org] { return std::vector<std::shared_ptr<api::Platform>>{ws->platform_for(org)}; },
                        options);
  service.start();
  std::string status;
  for (int i = 0; i < 500 && status != "completed"; ++i) {  // at most 5 s
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    status = p.f.platform->get_execution(p.execution.id)->status;
  }
  CHECK(status == "completed");
  const auto before = std::chrono::steady_clock::now();
  service.stop();
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(2));
}

}  // namespace gomo::campaign
