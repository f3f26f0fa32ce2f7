#include "report/progress.h"

#include <doctest/doctest.h>

namespace gomo::report {
namespace {

ProgressSnapshot at(size_t done, size_t total, double elapsed_s) {
  ProgressSnapshot p;
  p.label = "sending";
  p.done = done;
  p.total = total;
  p.elapsed_s = elapsed_s;
  return p;
}

}  // namespace

TEST_CASE("progress: rate and ETA maths") {
  CHECK(progress_rate(at(40000, 100000, 2)) == doctest::Approx(20000));
  CHECK(eta_seconds(at(40000, 100000, 2)) == 3);
  CHECK(eta_seconds(at(1, 3, 1)) == 2);
  CHECK(eta_seconds(at(2, 3, 1)) == 1);  // 0.5 s left: rounded up, never "ETA 0 s" before the end
  // At 0 s, or with nothing done, there is no rate to speak of.
  CHECK_FALSE(progress_rate(at(5000, 100000, 0)));
  CHECK_FALSE(progress_rate(at(0, 100000, 3)));
  CHECK_FALSE(eta_seconds(at(5000, 100000, 0)));
  // Unknown total, or the total reached (or passed: a file that grew): no ETA.
  CHECK_FALSE(eta_seconds(at(5000, 0, 1)));
  CHECK_FALSE(eta_seconds(at(100, 100, 1)));
  CHECK_FALSE(eta_seconds(at(120, 100, 1)));
}

TEST_CASE("progress: durations") {
  CHECK(format_duration(-4) == "0 s");
  CHECK(format_duration(0) == "0 s");
  CHECK(format_duration(42) == "42 s");
  CHECK(format_duration(185) == "3 min 05 s");
  CHECK(format_duration(7620) == "2 h 07 min");
}

TEST_CASE("progress: the line, with unknown totals and within a width") {
  CHECK(format_progress_line(at(40000, 100000, 2)) == "sending 40000/100000 rows, 20000 rows/s, ETA 3 s");
  CHECK(format_progress_line(at(40000, 100000, 0)) == "sending 40000/100000 rows");
  CHECK(format_progress_line(at(4096, 0, 0.5)) == "sending 4096 rows, 8192 rows/s");
  CHECK(format_progress_line(at(100000, 100000, 5)) == "sending 100000/100000 rows, 20000 rows/s");
  ProgressSnapshot checking = at(10, 0, 0);
  checking.label = "checking";
  checking.unit = "lines";
  CHECK(format_progress_line(checking) == "checking 10 lines");

  const std::string full = "sending 40000/100000 rows, 20000 rows/s, ETA 3 s";
  CHECK(format_progress_line(at(40000, 100000, 2), full.size()) == full);
  CHECK(format_progress_line(at(40000, 100000, 2), full.size() - 1) == "sending 40000/100000 rows, 20000 rows/s");
  CHECK(format_progress_line(at(40000, 100000, 2), 30) == "sending 40000/100000 rows");
  CHECK(format_progress_line(at(40000, 100000, 2), 10) == "sending 40");
  CHECK(format_progress_line(at(40000, 100000, 2), 0) == full);  // 0: no limit
}

TEST_CASE("progress: redraws at most every interval, always a pass's first and last report") {
  // Readings that are exact in binary, so that the intervals compare exactly.
  ProgressLine line(/*start_s=*/10, /*min_interval_s=*/0.1);
  CHECK_FALSE(line.drawn());
  auto first = line.update("checking", 4096, 0, 10.5);
  REQUIRE(first);
  CHECK(*first == "checking 4096 rows, 8192 rows/s");  // timed from the start of the work
  CHECK(line.drawn());
  CHECK_FALSE(line.update("checking", 8192, 0, 10.5625));  // too soon
  CHECK(line.update("checking", 12288, 0, 10.75));

  // A new pass is drawn at once and timed from its first report.
  auto sending = line.update("sending", 0, 20000, 10.75);
  REQUIRE(sending);
  CHECK(*sending == "sending 0/20000 rows");
  CHECK_FALSE(line.update("sending", 4096, 20000, 10.8125));
  auto later = line.update("sending", 10000, 20000, 11.75);
  REQUIRE(later);
  CHECK(*later == "sending 10000/20000 rows, 10000 rows/s, ETA 1 s");
  CHECK(line.update("sending", 20000, 20000, 11.8125));  // the end is drawn however soon

  ProgressLine every(0, 0);  // interval 0: every report
  CHECK(every.update("sending", 1, 0, 0));
  CHECK(every.update("sending", 2, 0, 0));
}

}  // namespace gomo::report
