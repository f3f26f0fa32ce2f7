#include "report/execution_report.h"

#include <doctest/doctest.h>

#include "base/utf8.h"

#include <algorithm>
#include <sstream>

namespace gomo::report {
namespace {

api::Execution execution() {
  api::Execution e;
  e.id = "e1";
  e.program_id = "p1";
  e.status = "running";
  e.total_contacts = 10;
  e.contacts_completed = 3;
  e.contacts_failed = 1;
  e.contacts_pending = 5;
  e.contacts_in_progress = 1;
  e.scheduled_start_at = e.created_at = e.updated_at = "2026-03-01T09:00:00.000Z";
  e.actual_start_at = "2026-03-01T09:00:00.000Z";
  return e;
}

api::ExecutionReport report() {
  api::ExecutionReport r;
  r.execution_id = "e1";
  r.program_id = "p1";
  r.status = "running";
  r.effective_status = "paused_window";
  r.contacts.total_contacts = 10;
  r.contacts.completed = 3;
  r.contacts.reach_rate = 30;
  r.total_calls = 12;
  r.answered_calls = 8;
  return r;
}

}  // namespace

TEST_CASE("execution status: text, one line per change, json, and the live view") {
  std::ostringstream text;
  write_execution_status(text, execution(), report());
  CHECK(text.str() ==
        "execution e1 of program p1\n"
        "status       running (effective: paused_window)\n"
        "contacts     10 = 3 completed + 1 failed + 5 pending + 1 in progress\n"
        "reach rate   30.0%\n"
        "calls        12 placed, 8 answered\n"
        "started      2026-03-01T09:00:00.000Z\n");
  CHECK(execution_status_line(execution(), report(), 0) ==
        "1970-01-01T00:00:00.000Z running/paused_window completed=3 failed=1 pending=5 in_progress=1 total=10 "
        "reach=30.0% calls=12");
  std::ostringstream json;
  write_execution_status_data(json, execution(), report(), ExecutionFormat::kJson);
  CHECK(json.str().find("\"effectiveStatus\": \"paused_window\"") != std::string::npos);
  CHECK(json.str().find("\"reachRate\": 30") != std::string::npos);
  CHECK(json.str().find("programName") == std::string::npos);  // unknown: left out
  std::ostringstream named, named_json;
  write_execution_status(named, execution(), report(), "March reminders");
  CHECK(named.str().rfind("execution e1 of program \"March reminders\" (p1)\nstatus ", 0) == 0);
  write_execution_status_data(named_json, execution(), report(), ExecutionFormat::kJson, "March reminders");
  CHECK(named_json.str().find("\"programName\": \"March reminders\"") != std::string::npos);

  api::ExecutionBreakdown b;
  b.outcomes = {{"completed", 3}, {"no_answer", 2}};
  std::string view = execution_live_view(execution(), report(), &b, 4, 80, false);
  CHECK(std::count(view.begin(), view.end(), '\n') == kLiveViewLines);
  CHECK(view.find("40.0%  4/10 contacts done") != std::string::npos);
  CHECK(view.find("completed 3 no_answer 2") != std::string::npos);
  CHECK(view.find("4.0 calls/min") != std::string::npos);

  // The program's name on the first line; a narrow terminal cuts it between characters, never inside one.
  std::string titled = execution_live_view(execution(), report(), &b, 4, 80, false, "Relances été");
  CHECK(titled.substr(0, titled.find('\n')).find("program \"Relances été\"") != std::string::npos);
  for (int width = 40; width < 60; ++width) {
    std::string narrow =
        execution_live_view(execution(), report(), &b, 4, width, false, std::string(30, 'x') + "ééééé");
    CHECK(is_valid_utf8(narrow));
  }
}

TEST_CASE("execution live view: colour goes on after the cut, never cut itself") {
  api::Execution e = execution();
  e.id = std::string(24, 'e');  // the status then falls where narrow terminals cut
  api::ExecutionBreakdown b;
  auto strip = [](std::string s) {
    for (size_t at; (at = s.find("\x1b[")) != std::string::npos;) s.erase(at, s.find('m', at) - at + 1);
    return s;
  };
  for (int width = 40; width < 80; ++width) {
    CAPTURE(width);
    const std::string painted = execution_live_view(e, report(), &b, 4, width, true, "March reminders");
    const std::string plain = execution_live_view(e, report(), &b, 4, width, false, "March reminders");
    CHECK(strip(painted) == plain);  // the same columns as without colour
    const std::string first = painted.substr(0, painted.find('\n'));
    for (size_t at = first.find('\x1b'); at != std::string::npos; at = first.find('\x1b', at + 1))
      CHECK((first.compare(at, 4, "\x1b[1m") == 0 || first.compare(at, 4, "\x1b[0m") == 0));
    const size_t bold = first.find("\x1b[1m");
    if (bold != std::string::npos) CHECK(first.find("\x1b[0m", bold) != std::string::npos);
  }
  const std::string wide = execution_live_view(e, report(), &b, 4, 120, true);
  CHECK(wide.find("  \x1b[1mrunning (effective: paused_window)\x1b[0m\n") != std::string::npos);
}

TEST_CASE("execution report: csv rows, breakdown sections, fields quoted when needed") {
  std::ostringstream csv;
  write_execution_report(csv, report(), ExecutionFormat::kCsv);
  CHECK(csv.str().find("executionId,programId,status,effectiveStatus,totalContacts") == 0);
  CHECK(csv.str().find("\ne1,p1,running,paused_window,10,0,0,0,0,3,0,0,30.0,12,8,0,,,\n") != std::string::npos);
  std::ostringstream named_csv, named_text;
  write_execution_report(named_csv, report(), ExecutionFormat::kCsv, "March, again");
  CHECK(named_csv.str().find(",endedAt,programName\n") != std::string::npos);
  CHECK(named_csv.str().find(",0,,,\"March, again\"\n") != std::string::npos);
  write_execution_report(named_text, report(), ExecutionFormat::kText, "March");
  CHECK(named_text.str().rfind("execution    e1 of program \"March\" (p1)\n", 0) == 0);
  api::ExecutionBreakdown b;
  b.outcomes = {{"busy", 1}};
  std::ostringstream rows, sections;
  write_execution_breakdown(rows, b, ExecutionFormat::kCsv);
  CHECK(rows.str() == "kind,key,count\noutcome,busy,1\n");
  write_execution_breakdown(sections, b, ExecutionFormat::kText);
  CHECK(sections.str().find("calls by outcome\n  busy             1\n") == 0);
  CHECK(csv_field("a,\"b\"") == "\"a,\"\"b\"\"\"");
  ExecutionFormat f;
  CHECK(parse_execution_format("table", &f));
  CHECK(f == ExecutionFormat::kText);
  CHECK_FALSE(parse_execution_format("xml", &f));
}

}  // namespace gomo::report
