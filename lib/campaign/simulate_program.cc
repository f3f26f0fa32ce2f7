#include "campaign/simulate_program.h"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <vector>

#include "campaign/clock.h"
#include "campaign/dialer.h"
#include "campaign/memory_dialing.h"
#include "contacts/column_map.h"
#include "document/csv_reader.h"
#include "schedule/calendar.h"

namespace gomo::campaign {

using schedule::Calendar;
using schedule::kNever;

namespace {

constexpr EpochMillis kMinute = 60'000;

// The phone column as `contacts upsert` finds it (phone, "Phone Number", msisdn, الهاتف, ...).
Result<size_t> phone_column(const std::string& path, const std::vector<std::string>& header) {
  auto map = contacts::map_columns(header, {});
  if (!map) {
    // The forecast takes no --map: the header alone decides, so say to rename the column.
    return Status::invalid_argument(path + ": " + map.error().message() +
                                    " (the forecast reads the header only: rename the phone column in the file)");
  }
  return map->find("primaryPhone")->column;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The bucket width: the smallest round width that gives at most kMaxForecastBuckets over `span`.
EpochMillis choose_bucket(EpochMillis span) {
  static const EpochMillis kWidths[] = {kMinute,       5 * kMinute,    15 * kMinute,      30 * kMinute,
                                        60 * kMinute,  120 * kMinute,  180 * kMinute,     360 * kMinute,
                                        720 * kMinute, 1440 * kMinute, 7 * 1440 * kMinute};
  for (EpochMillis w : kWidths)
    if ((span + w - 1) / w <= static_cast<EpochMillis>(kMaxForecastBuckets)) return w;
  const EpochMillis week = 7 * 1440 * kMinute;
  return ((span / static_cast<EpochMillis>(kMaxForecastBuckets)) / week + 1) * week;
}

// What the observer keeps while the dialer runs: per minute of the run from `origin`, busy line-ms and
// completions; per outcome and per attempt count, contacts. Flat in the number of contacts.
struct Tally {
  EpochMillis origin = 0;
  std::vector<uint64_t> busy_ms;    // by minute
  std::vector<uint64_t> completed;  // by minute of the call's end
  std::map<std::string, uint64_t> outcomes;
  std::map<int, uint64_t> ended_after;   // attempts -> contacts completed or failed after that many
  std::map<int, int64_t> waiting_after;  // attempts -> contacts waiting for a retry after that many
  EpochMillis last_end = 0;

  static size_t grow(std::vector<uint64_t>& v, EpochMillis minute) {
    const size_t i = static_cast<size_t>(std::max<EpochMillis>(minute, 0));
    if (i >= v.size()) v.resize(std::max(i + 1, v.size() * 2));
    return i;
  }

  void add(const AttemptEvent& e) {
    for (EpochMillis t = std::max(e.start, origin); t < e.end;) {
      const EpochMillis minute = (t - origin) / kMinute;
      const EpochMillis minute_end = origin + (minute + 1) * kMinute;
      const EpochMillis until = std::min(e.end, minute_end);
      busy_ms[grow(busy_ms, minute)] += static_cast<uint64_t>(until - t);
      t = until;
    }
    if (e.contact_status == "completed") ++completed[grow(completed, (e.end - origin) / kMinute)];
    ++outcomes[e.outcome];
    if (e.contact_status == "pending") ++waiting_after[e.attempt];
    else ++ended_after[e.attempt];
    if (e.attempt > 1) --waiting_after[e.attempt - 1];
    last_end = std::max(last_end, e.end);
  }
};

// The pause spans the run meets in [from, to): scanned minute by minute (windows are whole minutes of
// the wall clock), a start found between minutes by bisection (advanced ranges may start anywhere).
std::vector<TimeSpan> pauses_between(const Calendar& calendar, EpochMillis from, EpochMillis to) {
  std::vector<TimeSpan> spans;
  EpochMillis t = from;
  while (t < to) {
    if (calendar.paused_at(t)) {
      const EpochMillis end = calendar.next_allowed(t);
      spans.push_back({t, std::min(end, to)});
      if (end == kNever) break;
      t = end;
      continue;
    }
    const EpochMillis next = (t / kMinute + 1) * kMinute;
    if (next >= to) break;
    if (calendar.paused_at(next)) {
      EpochMillis lo = t, hi = next;  // lo allowed, hi paused
      while (hi - lo > 1) {
        const EpochMillis mid = lo + (hi - lo) / 2;
        (calendar.paused_at(mid) ? hi : lo) = mid;
      }
      t = hi;
    } else {
      t = next;
    }
  }
  return spans;
}

}  // namespace

Result<AudienceCount> count_audience(const std::string& path, const OutcomeMix& mix) {
  auto opened = document::CsvReader::open(path);
  if (!opened) return Status::not_found(path + ": cannot read the audience file (" + opened.error().message() + ")");
  document::CsvReader& reader = *opened.value();
  if (Status s = reader.read_header(); !s) return Status::invalid_argument(path + ": " + s.message());
  auto phone_at = phone_column(path, reader.header());
  if (!phone_at) return phone_at.error();
  const size_t column = phone_at.value();
  AudienceCount count;
  document::CsvRow row;
  while (reader.next(row)) {
    const std::string_view phone = column < row.fields.size() ? trimmed(row.fields[column]) : std::string_view();
    if (phone.empty()) {
      ++count.skipped;
      continue;
    }
    if (!mix.scripts.empty()) {
      std::string key(phone);
      if (mix.scripts.count(key)) count.scripted.emplace(count.contacts, std::move(key));
    }
    ++count.contacts;
  }
  if (!reader.status()) return Status::io_error(path + ": " + reader.status().message());
  if (count.contacts == 0)
    return Status::invalid_argument(path + ": no contact to call: no row has a phone in column `" +
                                    reader.header()[column] + "`; give an audience with a phone column");
  return count;
}

Result<Forecast> simulate_program(const std::string& program_name, const api::DialingPlan& plan,
                                  const std::string& audience_path, const OutcomeMix& mix,
                                  const SimulateOptions& options) {
  const auto wall_start = std::chrono::steady_clock::now();
  auto audience = count_audience(audience_path, mix);
  if (!audience) return audience.error();
  const std::string zone = plan.time_zone.empty() ? api::kDefaultTimeZone : plan.time_zone;
  auto calendar = Calendar::make(plan.pause_windows, zone);
  if (!calendar) return Status::invalid_argument(calendar.error().message());

  EpochMillis clock_start = 0;
  if (plan.start_at) {
    clock_start = *plan.start_at;
  } else if (options.start_when_unset) {
    clock_start = *options.start_when_unset;
  } else {
    const EpochMillis now = system_now_ms();
    clock_start = (now + kMinute - 1) / kMinute * kMinute;
  }
  const EpochMillis origin = calendar->next_allowed(clock_start);
  if (origin == kNever)
    return Status::invalid_argument("the pause windows cover every hour of the week: no call could ever start");

  std::function<std::string(uint64_t)> phone_of;
  if (!audience->scripted.empty()) {
    phone_of = [&scripted = audience->scripted](uint64_t i) {
      auto it = scripted.find(i);
      return it != scripted.end() ? it->second : MemoryDialing::default_phone(i);
    };
  }
  MemoryDialing dialing(plan, audience->contacts, "scheduled", std::move(phone_of));
  Tally tally;
  tally.origin = origin;
  DialerOptions dialer_options;
  dialer_options.record_flow_execution = false;
  std::optional<EpochMillis> auto_paused_at;  // the end of the call after which a rule paused the run
  dialer_options.on_attempt = [&tally, &dialing, &auto_paused_at](const AttemptEvent& e) {
    tally.add(e);
    if (!auto_paused_at && dialing.paused_by()) auto_paused_at = e.end;
  };
  VirtualClock clock(clock_start);
  auto summary = run_execution(dialing, plan.execution_id, clock, mix, dialer_options);
  if (!summary) return Status::invalid_argument(summary.error().message());

  Forecast f;
  f.program_name = program_name;
  f.time_zone = zone;
  f.contacts = audience->contacts;
  f.lines = static_cast<int>(plan.caller_numbers.size());
  f.started_at = origin;
  f.stop_at = plan.stop_at;
  const MemoryCounters& c = dialing.counters();
  f.completed = c.completed;
  f.failed = c.failed;
  f.not_reached = c.pending + c.in_progress;
  f.attempts = summary->attempts;
  f.stopped_by_stop_at = summary->status == "stopped" && f.not_reached > 0 && plan.stop_at.has_value();
  if (summary->status == "paused_threshold" && dialing.paused_by())
    f.auto_paused =
        AutoPaused{dialing.paused_by()->node_id, dialing.paused_by()->threshold, auto_paused_at.value_or(0)};
  f.ended_at = f.stopped_by_stop_at ? *plan.stop_at : summary->attempts ? tally.last_end : origin;
  f.outcomes = std::move(tally.outcomes);

  uint64_t called = 0;
  for (const auto& [attempts, n] : tally.ended_after) f.contacts_by_attempts[attempts] += n;
  for (const auto& [attempts, n] : tally.waiting_after)
    if (n > 0) f.contacts_by_attempts[attempts] += static_cast<uint64_t>(n);
  for (const auto& [attempts, n] : f.contacts_by_attempts) called += n;
  if (f.contacts > called) f.contacts_by_attempts[0] = f.contacts - called;

  const EpochMillis span = std::max<EpochMillis>(f.ended_at - origin, 0);
  f.bucket_ms =
      options.bucket_ms > 0 ? std::max<EpochMillis>(options.bucket_ms / kMinute, 1) * kMinute : choose_bucket(span);
  const size_t buckets = static_cast<size_t>((span + f.bucket_ms - 1) / f.bucket_ms);
  const size_t per_bucket = static_cast<size_t>(f.bucket_ms / kMinute);
  f.line_use.assign(buckets, 0.0);
  f.completed_by_bucket.assign(buckets, 0);
  for (size_t m = 0; m < tally.busy_ms.size() && buckets; ++m) {
    const size_t b = std::min(m / per_bucket, buckets - 1);
    f.line_use[b] += static_cast<double>(tally.busy_ms[m]);
  }
  for (size_t b = 0; b < buckets && f.lines > 0; ++b) {
    const EpochMillis width = std::min<EpochMillis>(f.bucket_ms, span - static_cast<EpochMillis>(b) * f.bucket_ms);
    f.line_use[b] = std::min(1.0, f.line_use[b] / (static_cast<double>(width) * f.lines));
  }
  for (size_t m = 0; m < tally.completed.size() && buckets; ++m)
    f.completed_by_bucket[std::min(m / per_bucket, buckets - 1)] += tally.completed[m];

  f.pauses = pauses_between(calendar.value(), origin, f.ended_at);
  EpochMillis paused = 0;
  for (const auto& p : f.pauses) paused += p.to - p.from;
  f.paused_share = span > 0 ? static_cast<double>(paused) / static_cast<double>(span) : 0.0;
  f.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return f;
}

}  // namespace gomo::campaign
