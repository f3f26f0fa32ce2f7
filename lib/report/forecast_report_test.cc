#include "report/forecast_report.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "tests/support/test_support.h"

namespace gomo::report {
namespace {

using campaign::EpochMillis;
using campaign::Forecast;

constexpr EpochMillis kHour = 3600000;

// 2026-MM-DDTHH:MMZ in milliseconds.
EpochMillis utc_ms(int month, int day, int hour, int minute = 0) {
  using namespace std::chrono;
  auto t = sys_days{year{2026} / month / day} + hours(hour) + minutes(minute);
  return duration_cast<milliseconds>(t.time_since_epoch()).count();
}

// A small day: 1,000 contacts on 4 lines, 09:00 to 17:00 UTC, two of the eight hours paused.
Forecast small_forecast() {
  Forecast f;
  f.program_name = "Relance mars";
  f.time_zone = "UTC";
  f.contacts = 1000;
  f.lines = 4;
  f.started_at = utc_ms(3, 2, 9);
  f.ended_at = utc_ms(3, 2, 17);
  f.stop_at = utc_ms(3, 2, 22, 30);
  f.completed = 800;
  f.failed = 200;
  f.attempts = 1500;
  f.contacts_by_attempts = {{1, 600}, {2, 300}, {3, 100}};
  f.outcomes = {{"busy", 300}, {"completed", 800}, {"no_answer", 400}};
  f.bucket_ms = kHour;
  f.line_use = {1.0, 1.0, 0.75, 0, 0, 0.5, 0.25, 0.1};
  f.completed_by_bucket = {200, 180, 150, 0, 0, 120, 100, 50};
  f.paused_share = 0.25;
  f.pauses = {{utc_ms(3, 2, 12), utc_ms(3, 2, 14)}};
  f.wall_seconds = 0.42;
  return f;
}

std::string text_of(const Forecast& f, ForecastStyle style = {}) {
  std::ostringstream out;
  print_forecast(out, f, style);
  return out.str();
}

std::string svg_of(const Forecast& f) {
  std::ostringstream out;
  write_forecast_svg(out, f);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A small well-formedness check: tags nest and close, attribute values are quoted, every '&' starts
// one of XML's five entities or a character reference. Returns "" or what is wrong.
std::string xml_problem(const std::string& xml) {
  std::vector<std::string> open;
  for (size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] == '&') {
      size_t semi = xml.find(';', i);
      if (semi == std::string::npos) return "& without ; at " + std::to_string(i);
      std::string entity = xml.substr(i + 1, semi - i - 1);
      if (entity != "amp" && entity != "lt" && entity != "gt" && entity != "quot" && entity != "apos" &&
          (entity.empty() || entity[0] != '#'))
        return "unknown entity &" + entity + "; at " + std::to_string(i);
    }
    if (xml[i] != '<') continue;
    size_t end = xml.find('>', i);
    if (end == std::string::npos) return "< without > at " + std::to_string(i);
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end;
    if (tag.empty()) return "empty tag";
    if (tag[0] == '?' || tag[0] == '!') continue;
    size_t quotes = 0;
    for (char c : tag) quotes += c == '"';
    if (quotes % 2) return "unbalanced quotes in <" + tag + ">";
    if (tag.find('<') != std::string::npos) return "< inside a tag: <" + tag + ">";
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return "unexpected </" + tag.substr(1) + ">";
      open.pop_back();
      continue;
    }
    std::string name = tag.substr(0, tag.find_first_of(" \n/"));
    if (tag.back() != '/') open.push_back(name);
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

// xmllint --noout over the document when xmllint is installed; "" when it is absent or content.
std::string xmllint_problem(const std::string& xml) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
    MESSAGE("xmllint is not installed: the chart's XML is checked by the test's own checker only");
    return "";
  }
  std::string path = test::write_file(test::scratch_dir(), "forecast.svg", xml);
  std::string command = "xmllint --noout '" + path + "' 2>&1";
  std::string output;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[512];
    while (fgets(buf, sizeof buf, p)) output += buf;
    if (pclose(p) != 0 && output.empty()) output = "xmllint failed";
  }
  return output;
}

TEST_CASE("forecast text: the summary of a small day (golden)") {
  const std::string expected =
      "program      Relance mars (times in UTC)\n"
      "contacts     1,000 on 4 lines\n"
      "starts       Mon 2026-03-02 09:00\n"
      "ends         Mon 2026-03-02 17:00, after 8 h\n"
      "stopAt       Mon 2026-03-02 22:30 (ends 5 h 30 min before stopAt)\n"
      "completed    800   80.0%\n"
      "failed       200   20.0%\n"
      "not reached    0    0.0%\n"
      "attempts     1,500, 1.50 per contact\n"
      "per contact  1× 600 (60.0%), 2× 300 (30.0%), 3× 100 (10.0%)\n"
      "outcomes     completed 800 (53.3%), no_answer 400 (26.7%), busy 300 (20.0%)\n"
      "paused       25.0% of the run (2 h, in pause windows)\n"
      "line use     ██▆  ▄▂▁  mean 45%, peak 100% of 4 lines\n"
      "completions  ██▆  ▅▄▂  peak 200 in 1 h\n"
      "             one mark: 1 h, from Mon 2026-03-02 09:00\n"
      "             simulated in 0.4 s\n";
  CHECK(text_of(small_forecast()) == expected);
}

TEST_CASE("forecast text: local times in the organisation's zone, UTC when the zone is unknown") {
  CHECK(forecast_local_time("Europe/Paris", utc_ms(7, 15, 12)) == "Wed 2026-07-15 14:00");
  CHECK(forecast_local_time("Asia/Kolkata", utc_ms(1, 1, 0)) == "Thu 2026-01-01 05:30");
  CHECK(forecast_local_time("Mars/Olympus", utc_ms(7, 15, 12)) == "Wed 2026-07-15 12:00");
  CHECK(forecast_local_time("", utc_ms(7, 15, 12)) == "Wed 2026-07-15 12:00");
  Forecast f = small_forecast();
  f.time_zone = "Mars/Olympus";
  CHECK(text_of(f).find("(times in UTC, unknown time zone Mars/Olympus)") != std::string::npos);
  f.time_zone = "Africa/Casablanca";
  CHECK(text_of(f).find("(times in Africa/Casablanca)") != std::string::npos);
}

TEST_CASE("forecast text: durations and counts") {
  CHECK(forecast_duration(0) == "0 s");
  CHECK(forecast_duration(-5000) == "0 s");
  CHECK(forecast_duration(40 * 1000) == "40 s");
  CHECK(forecast_duration(12 * 60 * 1000 + 59 * 1000) == "12 min");
  CHECK(forecast_duration(5 * kHour + 20 * 60 * 1000) == "5 h 20 min");
  CHECK(forecast_duration(51 * kHour) == "2 d 3 h");
  CHECK(forecast_duration(48 * kHour) == "2 d");
  CHECK(grouped_count(0) == "0");
  CHECK(grouped_count(999) == "999");
  CHECK(grouped_count(12345) == "12,345");
  CHECK(grouped_count(1000000) == "1,000,000");
}

TEST_CASE("forecast text: sparklines scale, merge buckets and leave pauses blank") {
  CHECK(sparkline({0, 0.5, 1}, 1, 1, true) == " ▄█");
  CHECK(sparkline({0, 0.5, 1}, 1, 1, false) == " -#");
  CHECK(sparkline({0.01}, 1, 5, true) == "▁");              // above zero shows; the last mark takes what is left
  CHECK(sparkline({1, 1, 0, 0, 1}, 1, 2, false) == "# #");  // two buckets a mark, averaged
  CHECK(sparkline({1, 0.5, 0.5}, 1, 2, false) == "=-");     // (1 + 0.5) / 2, then 0.5 alone
  CHECK(sparkline({2, 4}, 0, 1, false) == "-#");            // max 0: scaled to the largest mark
  CHECK(sparkline({0, 0}, 0, 1, true) == "  ");             // nothing to scale: blank, no division by zero
  CHECK(sparkline({}, 1, 10, true).empty());
  CHECK(sparkline({1}, 1, 0, true) == "█");  // 0 buckets a mark counts as 1
}

TEST_CASE("forecast text: every line fits the terminal's width") {
  Forecast f = small_forecast();
  f.line_use.assign(500, 0.6);
  f.completed_by_bucket.assign(500, 2);
  f.contacts_by_attempts = {{1, 100}, {2, 100}, {3, 100}, {4, 100}, {5, 100}, {6, 100}, {7, 100}, {8, 100}};
  f.outcomes = {{"completed", 800}, {"no_answer", 400}, {"busy", 300},
                {"rejected", 20},   {"voicemail", 70},  {"failed", 3}};
  for (size_t width : {60, 80, 132, 300}) {
    CAPTURE(width);
    ForecastStyle style;
    style.width = width;
    auto lines = lines_of(text_of(f, style));
    for (const std::string& line : lines) {
      CAPTURE(line);
      CHECK(utf8_length(line) <= width);
    }
  }
  // Wide terminals use the room: the sparkline grows with the width.
  auto spark_cells = [&](size_t width) {
    ForecastStyle style;
    style.width = width;
    for (const std::string& line : lines_of(text_of(f, style)))
      if (starts_with(line, "line use")) return utf8_length(line);
    return size_t{0};
  };
  CHECK(spark_cells(132) > 120);
  CHECK(spark_cells(300) > 280);
  ForecastStyle narrow;
  narrow.width = 10;  // below the minimum: laid out for kMinForecastWidth
  for (const std::string& line : lines_of(text_of(f, narrow))) CHECK(utf8_length(line) <= kMinForecastWidth);
}

TEST_CASE("forecast text: ASCII on terminals that are not UTF-8") {
  ForecastStyle style;
  style.unicode = false;
  std::string text = text_of(small_forecast(), style);
  for (unsigned char c : text) CHECK(c < 0x80);
  CHECK(text.find("line use     ##=  -._  mean 45%") != std::string::npos);
  CHECK(text.find("1x 600 (60.0%)") != std::string::npos);
}

TEST_CASE("forecast text: stopAt cuts the run") {
  Forecast f = small_forecast();
  f.stopped_by_stop_at = true;
  f.stop_at = f.ended_at;
  f.contacts = 20000;
  f.not_reached = 12345;
  f.contacts_by_attempts[0] = 12345;
  std::string text = text_of(f);
  CHECK(text.find("stopAt       Mon 2026-03-02 17:00 (stopAt cuts it: 12,345 contacts not reached)\n") !=
        std::string::npos);
  CHECK(text.find("not reached  12,345   61.7%\n") != std::string::npos);
  CHECK(text.find("0× 12,345 (61.7%)") != std::string::npos);

  ForecastStyle colour;
  colour.color = true;
  std::string painted = text_of(f, colour);
  CHECK(painted.find("\033[31m(stopAt cuts it: 12,345 contacts not reached)\033[0m") != std::string::npos);
  CHECK(text_of(f).find('\033') == std::string::npos);

  f.stop_at.reset();
  f.stopped_by_stop_at = false;
  CHECK(text_of(f).find("stopAt       none: the run goes on until every contact is done\n") != std::string::npos);
}

TEST_CASE("forecast: an auto-pause rule that ended the run is told in text, data and chart") {
  Forecast f = small_forecast();
  f.contacts = 4000;
  f.not_reached = 3000;
  f.auto_paused = campaign::AutoPaused{"transfer", 50, utc_ms(3, 2, 16, 45)};
  std::string text = text_of(f);
  CHECK(text.find("auto-pause   rule on node transfer (50 visits) pauses it at Mon 2026-03-02 16:45:\n"
                  "             3,000 contacts not reached unless someone resumes it\n") != std::string::npos);
  ForecastStyle colour;
  colour.color = true;
  CHECK(text_of(f, colour).find("\033[31m3,000 contacts not reached unless someone resumes it\033[0m") !=
        std::string::npos);
  CHECK(text_of(small_forecast()).find("auto-pause") == std::string::npos);

  ForecastStyle style;
  style.format = ForecastFormat::kJson;
  auto j = nlohmann::json::parse(text_of(f, style));
  CHECK(j["autoPaused"]["nodeId"] == "transfer");
  CHECK(j["autoPaused"]["threshold"] == 50);
  CHECK(j["autoPaused"]["at"] == "2026-03-02T16:45:00.000Z");
  CHECK(nlohmann::json::parse(text_of(small_forecast(), style))["autoPaused"].is_null());

  std::string svg = svg_of(f);
  CHECK(xml_problem(svg) == "");
  CHECK(svg.find("3,000 not reached; auto-pause on node transfer (50 visits) at Mon 2026-03-02 16:45<") !=
        std::string::npos);
}

TEST_CASE("forecast chart: one or two completions label the right axis in whole contacts") {
  for (uint64_t done : {1, 2}) {
    Forecast f = small_forecast();
    f.completed = done;
    f.completed_by_bucket.assign(f.line_use.size(), 0);
    f.completed_by_bucket[1] = done;
    std::string svg = svg_of(f);
    std::vector<std::string> labels;  // the right axis: x = kRight + 8 = 888
    for (size_t at = svg.find("<text x=\"888.0\""); at != std::string::npos;
         at = svg.find("<text x=\"888.0\"", at + 1)) {
      size_t from = svg.find('>', at) + 1;
      labels.push_back(svg.substr(from, svg.find('<', from) - from));
    }
    CHECK(labels == (done == 1 ? std::vector<std::string>{"0", "1"} : std::vector<std::string>{"0", "1", "2"}));
  }
}

TEST_CASE("forecast: nothing to call, one bucket, no lines: no crash, no division by zero") {
  Forecast empty;
  std::string text = text_of(empty);
  CHECK(text.find("contacts     0 on 0 lines\n") != std::string::npos);
  CHECK(text.find("completed    0       -\n") != std::string::npos);
  CHECK(text.find("attempts     0, - per contact\n") != std::string::npos);
  CHECK(text.find("outcomes     none (no call was placed)\n") != std::string::npos);
  CHECK(text.find("line use     (no calls)\n") != std::string::npos);
  CHECK(text.find("nan") == std::string::npos);
  CHECK(text.find("inf") == std::string::npos);
  std::string svg = svg_of(empty);
  CHECK(xml_problem(svg) == "");
  CHECK(svg.find("no calls in this forecast") != std::string::npos);
  CHECK(svg.find("nan") == std::string::npos);

  Forecast one = small_forecast();
  one.line_use = {0.5};
  one.completed_by_bucket = {3};
  one.ended_at = one.started_at;  // a run that ends as it starts
  one.lines = 1;
  text = text_of(one);
  CHECK(text.find("line use     ▄  mean 50%, peak 50% of 1 line\n") != std::string::npos);
  CHECK(text.find("completions  █  peak 3 in 1 h\n") != std::string::npos);
  svg = svg_of(one);
  CHECK(xml_problem(svg) == "");
  CHECK(svg.find("nan") == std::string::npos);
  CHECK(xmllint_problem(svg) == "");

  Forecast zero_bucket = small_forecast();
  zero_bucket.bucket_ms = 0;
  CHECK(xml_problem(svg_of(zero_bucket)) == "");
  CHECK_FALSE(text_of(zero_bucket).empty());
}

TEST_CASE("forecast data: json and yaml carry the same figures") {
  ForecastStyle style;
  style.format = ForecastFormat::kJson;
  auto j = nlohmann::json::parse(text_of(small_forecast(), style));
  CHECK(j["program"] == "Relance mars");
  CHECK(j["contacts"] == 1000);
  CHECK(j["startedAt"] == "2026-03-02T09:00:00.000Z");
  CHECK(j["stopAt"] == "2026-03-02T22:30:00.000Z");
  CHECK(j["endsBeforeStopAtSeconds"] == 5 * 3600 + 1800);
  CHECK(j["durationSeconds"] == 8 * 3600);
  CHECK(j["notReached"] == 0);
  CHECK(j["attemptsPerContact"] == doctest::Approx(1.5));
  CHECK(j["contactsByAttempts"]["2"] == 300);
  CHECK(j["outcomes"]["no_answer"] == 400);
  CHECK(j["lineUse"].size() == 8);
  CHECK(j["completedByBucket"][0] == 200);
  CHECK(j["pauses"][0]["from"] == "2026-03-02T12:00:00.000Z");
  CHECK(j["bucketSeconds"] == 3600);

  Forecast empty;
  auto e = nlohmann::json::parse(text_of(empty, style));
  CHECK(e["stopAt"].is_null());
  CHECK(e["attemptsPerContact"] == 0);

  style.format = ForecastFormat::kYaml;
  std::string yaml = text_of(small_forecast(), style);
  CHECK(yaml.find("notReached: 0\n") != std::string::npos);
  CHECK(yaml.find("program: Relance mars\n") != std::string::npos);

  ForecastFormat format = ForecastFormat::kText;
  CHECK(parse_forecast_format("yaml", &format));
  CHECK(format == ForecastFormat::kYaml);
  CHECK(parse_forecast_format("table", &format));
  CHECK(format == ForecastFormat::kText);
  CHECK_FALSE(parse_forecast_format("csv", &format));
}

TEST_CASE("forecast chart: a valid SVG with the run, its pauses and stopAt") {
  Forecast f = small_forecast();
  std::string svg = svg_of(f);
  CHECK(xml_problem(svg) == "");
  CHECK(xmllint_problem(svg) == "");
  CHECK(starts_with(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(svg.find("Forecast: Relance mars") != std::string::npos);
  CHECK(svg.find("stopAt Mon 2026-03-02 22:30") != std::string::npos);  // within the chart: marked
  CHECK(svg.find("stroke-dasharray") != std::string::npos);
  CHECK(svg.find(">pause window<") != std::string::npos);
  CHECK(svg.find(">12:00<") != std::string::npos);  // hour ticks in local time
  CHECK(svg.find(">Mon 2 Mar<") != std::string::npos);

  // Paris in summer: the ticks follow the wall clock (09:00Z is 11:00 there).
  f.time_zone = "Europe/Paris";
  f.started_at = utc_ms(7, 6, 9);
  f.ended_at = f.started_at + 8 * kHour;
  f.stop_at = f.started_at + 30 * 24 * kHour;  // a month later: noted, not drawn
  f.pauses.clear();
  svg = svg_of(f);
  CHECK(xml_problem(svg) == "");
  CHECK(svg.find(">11:00<") != std::string::npos);
  CHECK(svg.find(">Mon 6 Jul<") != std::string::npos);
  CHECK(svg.find("(stopAt Wed 2026-08-05 11:00)") != std::string::npos);
  CHECK(svg.find(">pause window<") == std::string::npos);

  // Several days: day ticks at local midnight.
  f.ended_at = f.started_at + 5 * 24 * kHour;
  f.line_use.assign(5 * 24, 0.5);
  f.completed_by_bucket.assign(5 * 24, 7);
  svg = svg_of(f);
  CHECK(xml_problem(svg) == "");
  CHECK(svg.find(">Tue 7 Jul<") != std::string::npos);
}

TEST_CASE("forecast chart: program names are escaped") {
  Forecast f = small_forecast();
  f.program_name = "Promo <été> & \"soldes\" 'J-3'\x01";
  std::string svg = svg_of(f);
  CHECK(xml_problem(svg) == "");
  CHECK(xmllint_problem(svg) == "");
  CHECK(svg.find("Promo &lt;été&gt; &amp; &quot;soldes&quot; &apos;J-3&apos;") != std::string::npos);
  CHECK(svg.find("<été>") == std::string::npos);
  CHECK(svg.find('\x01') == std::string::npos);
}

}  // namespace
}  // namespace gomo::report
