#include "programs/program_file.h"

#include <doctest/doctest.h>

#include "base/files.h"
#include "programs/validate_program.h"

namespace gomo::programs {

TEST_CASE("load_program_file: fields with their positions, the API forms of retry, windows and rules") {
  auto loaded = load_program_file("p.yaml",
                                  "name: March\n"
                                  "flow: Reminder\n"
                                  "audience: Debtors\n"
                                  "dids: ['+212800000000']\n"
                                  "retry: {type: fixed_delay, delayMinutes: 30, maxRetries: 3}\n"
                                  "pauseWindows:\n"
                                  "  monday: [{startAt: '20:00', endAt: '09:00'}]\n"
                                  "  advanced: [{startAt: '2026-03-20T00:00:00Z', endAt: '2026-03-21T00:00:00Z'}]\n"
                                  "autoPauseRules: [{nodeId: agent, threshold: 5}]\n");
  CHECK(loaded.diagnostics.empty());
  const ProgramFile& f = loaded.file;
  CHECK(f.name.text == "March");
  REQUIRE(f.flow.present());
  CHECK(f.flow.at->begin.line == 2);
  CHECK(f.flow.at->begin.col == 7);
  REQUIRE(f.dids.size() == 1);
  CHECK(f.dids[0].at->begin.line == 4);
  auto retry = file_retry(f);
  REQUIRE(retry);
  CHECK(retry->type == "fixed_delay");
  CHECK(retry->delay_ms == 30 * 60000);
  CHECK(retry->max_retries == 3);
  auto windows = file_pause_windows(f);
  REQUIRE(windows);
  REQUIRE(windows->days["monday"].size() == 1);
  CHECK(windows->days["monday"][0] == api::PauseWindow{{20, 0}, {9, 0}});
  REQUIRE(windows->advanced.size() == 1);
  auto rules = file_auto_pause_rules(f);
  REQUIRE(rules);
  CHECK(rules->at(0).node_id == "agent");
  CHECK(rules->at(0).threshold == 5);
  CHECK_FALSE(f.timezone.present());
}

TEST_CASE("load_program_file: schema findings are positioned; syntax errors make the file unreadable") {
  auto loaded = load_program_file("p.yaml", "name: March\nflow: Reminder\naudiance: Debtors\n");
  REQUIRE_FALSE(loaded.diagnostics.empty());
  bool unknown_field = false, missing = false;
  for (const auto& d : loaded.diagnostics) {
    CHECK(d.rule == "schema");
    if (d.location.line == 3 && d.message.find("audience") != std::string::npos) unknown_field = true;
    if (d.message.find("audience") != std::string::npos) missing = true;
  }
  CHECK(unknown_field);
  CHECK(missing);
  auto broken = load_program_file("p.json", "{\"name\": \"x\",}");
  CHECK(broken.unreadable);
  REQUIRE_FALSE(broken.diagnostics.empty());
  CHECK(broken.diagnostics[0].rule == "syntax");
}

TEST_CASE("parse_time_of_day: HH:MM on the 24-hour clock only") {
  CHECK(parse_time_of_day("09:30") == api::TimeOfDay{9, 30});
  CHECK(parse_time_of_day("23:59") == api::TimeOfDay{23, 59});
  CHECK_FALSE(parse_time_of_day("24:00"));
  CHECK_FALSE(parse_time_of_day("9:30"));
  CHECK_FALSE(parse_time_of_day("09h30"));
}

TEST_CASE("the sample program file is clean") {
  auto text = read_file(std::string(GOMO_SOURCE_DIR) + "/samples/programs/march-reminders.program.yaml");
  REQUIRE(text);
  auto result = validate_program_text("march-reminders.program.yaml", *text, nullptr);
  for (const auto& d : result.diagnostics) INFO(d.rule << ": " << d.message);
  CHECK(result.diagnostics.empty());
  CHECK_FALSE(result.unreadable);
}

}  // namespace gomo::programs
