// The conformance suite's second half: DIDs, audio, dictionaries, programs, executions, reports,
// call requests and call reports (tests/support/conformance.h).
#include "tests/support/conformance.h"

#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "api/account_audio.h"
#include "local/local_operations.h"
#include "local/workspace.h"
#include "remote/remote_platform.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"
#include "tests/support/wav_bytes.h"

namespace gomo::test::conformance {
namespace {

using nlohmann::json;

// A PCM WAV of `seconds` at 8 kHz, mono, 16-bit (silence).
std::string wav_bytes(double seconds) { return silent_wav(8000, static_cast<int>(seconds * 8000)); }

const char* const kGoodGraph =
    R"({"startNodeId":"dial","nodes":[{"id":"dial","type":"dial","label":"Call","outputs":{"onAnswer":"bye","default":"bye"}},
        {"id":"bye","type":"hangup","label":"Bye"}]})";

}  // namespace

// `p` and `other` are two organisations of one workspace; `dialer` records calls for p's org.
void programs_suite(api::Platform& p, api::Platform& other, local::LocalOperations& dialer) {
  // (a) DIDs: three of the organisation's own plus the shared one; filters; other orgs' are hidden.
  auto dids = p.list_available_dids({});
  REQUIRE(dids);
  CHECK(dids->meta.total == 4);
  int shared = 0;
  std::string own_did, own_number;
  for (const auto& d : dids->data) {
    shared += d.is_shared;
    CHECK(d.status == "active");
    CHECK(d.country == "MA");
    if (!d.is_shared) own_did = d.id, own_number = d.number;
  }
  CHECK(shared == 1);
  api::DidQuery only_shared;
  only_shared.is_shared = true;
  CHECK(p.list_available_dids(only_shared)->meta.total == 1);
  api::DidQuery by_number;
  by_number.page.search = own_number;
  CHECK(p.list_available_dids(by_number)->meta.total == 1);
  CHECK(other.list_available_dids(by_number)->meta.total == 0);
  api::DidQuery bad_status;
  bad_status.status = "gone";
  CHECK(p.list_available_dids(bad_status).error().http_status == 400);
  api::DidQuery sorted;
  sorted.page.sort_by = "number";
  sorted.page.sort_order = "asc";
  CHECK(p.list_available_dids(sorted)->data.size() == 4);

  // (b) Audio: WAV upload with its duration; non-audio and bad metadata refused; list and filters.
  api::AudioUpload up;
  up.file_name = "greeting.wav";
  up.content_type = "audio/wav";
  up.bytes = wav_bytes(0.5);
  up.usage_type = "welcome";
  up.tags = {"greeting", "payment"};
  auto audio = p.upload_audio(up);
  REQUIRE_MESSAGE(audio, audio.error().message);
  CHECK(audio->title == "greeting");
  CHECK(audio->file.mime_type == "audio/wav");
  CHECK(audio->file.size_bytes == static_cast<long long>(up.bytes.size()));
  REQUIRE(audio->duration_seconds);
  CHECK(*audio->duration_seconds == doctest::Approx(0.5));
  api::AudioUpload not_audio = up;
  not_audio.file_name = "notes.txt";
  not_audio.bytes = "hello, not a sound";
  auto refused = p.upload_audio(not_audio);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().http_status == 400);
  CHECK(refused.error().field_errors.count("file"));
  api::AudioUpload bad_usage = up;
  bad_usage.usage_type = "jingle";
  CHECK(p.upload_audio(bad_usage).error().field_errors.count("usageType"));
  api::AudioUpload mp3;
  mp3.file_name = "bye.mp3";
  mp3.bytes = std::string("ID3\x03\x00", 5) + std::string(100, 'x');
  mp3.title = "Goodbye";
  auto second = p.upload_audio(mp3);
  REQUIRE_MESSAGE(second, second.error().message);
  CHECK(second->file.mime_type == "audio/mpeg");
  CHECK_FALSE(second->duration_seconds);
  CHECK(p.list_audio({})->meta.total == 2);
  api::AudioQuery welcome;
  welcome.usage_type = "welcome";
  CHECK(p.list_audio(welcome)->meta.total == 1);
  api::AudioQuery tagged;
  tagged.tags = {"payment"};
  CHECK(p.list_audio(tagged)->meta.total == 1);
  api::AudioQuery searched;
  searched.page.search = "Goodb";
  CHECK(p.list_audio(searched)->meta.total == 1);
  CHECK(p.get_audio(audio->id)->title == "greeting");
  CHECK(other.get_audio(audio->id).error().http_status == 404);
  // The file comes back byte for byte (binary, not JSON, over HTTP); another organisation's is a 404.
  auto downloaded = p.download_audio(second->id);
  REQUIRE_MESSAGE(downloaded, downloaded.error().message);
  CHECK(*downloaded == mp3.bytes);
  CHECK(p.download_audio(audio->id).value() == up.bytes);
  CHECK(other.download_audio(audio->id).error().http_status == 404);
  CHECK(p.download_audio("00000000-0000-4000-8000-000000000000").error().http_status == 404);
  CHECK(other.list_audio({})->meta.total == 0);

  // (c) Dictionaries: none of the organisation's own; the system ones on request.
  CHECK(p.list_dictionaries({})->meta.total == 0);
  api::DictionaryQuery with_system;
  with_system.include_system = true;
  auto dictionaries = p.list_dictionaries(with_system);
  REQUIRE(dictionaries);
  CHECK(dictionaries->meta.total == 3);
  std::set<std::string> languages;
  for (const auto& d : dictionaries->data) {
    languages.insert(d.language);
    CHECK(d.is_system);
    CHECK_FALSE(d.organization_id);
    CHECK(d.entry_count > 30);
  }
  CHECK(languages == std::set<std::string>{"ar", "en", "fr"});

  // (c2) The organisation's own dictionary: recorded clips by key; a key again gets the new audio;
  // another organisation's dictionary does not exist for it; a system dictionary is read-only (409).
  api::DictionaryFields clips_fields{std::string("Our clips"), std::nullopt, std::string("fr")};
  auto clips = p.create_dictionary(clips_fields);
  REQUIRE_MESSAGE(clips, clips.error().message);
  CHECK(clips->language == "fr");
  CHECK_FALSE(clips->is_system);
  CHECK(clips->organization_id == std::optional<std::string>(p.me()->organization.id));
  api::DictionaryFields bad_language{std::string("Our clips"), std::nullopt, std::string("de")};
  CHECK(p.create_dictionary(bad_language).error().field_errors.count("language"));
  CHECK(p.create_dictionary({}).error().field_errors.count("name"));
  // Names up to 256 characters (the reference's limit; audiences' 3-64 does not apply), "" refused.
  // (Made in the other organisation, so that this one's list stays as the checks below expect.)
  CHECK(other.create_dictionary({std::string(256, 'n'), std::nullopt, std::string("fr")}));
  CHECK(other.create_dictionary({std::string(257, 'n'), std::nullopt, std::string("fr")})
            .error()
            .field_errors.count("name"));
  CHECK(other.create_dictionary({std::string("ab"), std::nullopt, std::string("fr")}));
  CHECK(other.create_dictionary({std::string(""), std::nullopt, std::string("fr")}).error().field_errors.count("name"));
  api::AudioUpload one;
  one.file_name = "un.wav";
  one.bytes = wav_bytes(0.25);
  auto entry = p.add_dictionary_entry(clips->id, "1", one);
  REQUIRE_MESSAGE(entry, entry.error().message);
  CHECK(entry->key == "1");
  CHECK(entry->dictionary_id == clips->id);
  REQUIRE(entry->audio_id);
  CHECK(p.download_audio(*entry->audio_id).value() == one.bytes);
  api::AudioUpload louder = one;
  louder.bytes = wav_bytes(0.5);
  auto replaced = p.add_dictionary_entry(clips->id, "1", louder);
  REQUIRE_MESSAGE(replaced, replaced.error().message);
  CHECK(replaced->id == entry->id);
  CHECK(replaced->audio_id != entry->audio_id);
  REQUIRE(p.add_dictionary_entry(clips->id, "and", one));
  auto entries = p.list_dictionary_entries(clips->id, {});
  REQUIRE_MESSAGE(entries, entries.error().message);
  REQUIRE(entries->data.size() == 2);
  CHECK(entries->data[0].key == "1");
  CHECK(entries->data[0].audio_id == replaced->audio_id);
  CHECK(entries->data[1].key == "and");
  CHECK(p.list_dictionaries({})->data.at(0).entry_count == 2);
  // What renders play: the clips of the dictionary an item names, by key, read once per dictionary.
  auto recorded = api::recorded_clip_ids(p, clips->id);
  REQUIRE_MESSAGE(recorded, recorded.error().message);
  CHECK(recorded->size() == 2);
  CHECK(recorded->at("1") == *replaced->audio_id);
  std::vector<bool> opened_saying_why;
  api::AccountAudio account([&](bool say_why) {
    opened_saying_why.push_back(say_why);
    return api::AccountAudio::Opened{&p, "the account"};
  });
  CHECK(account.clip("fr", clips->id, "1").value() == louder.bytes);
  CHECK(account.clip("fr", clips->id, "and").value() == one.bytes);
  CHECK(account.clip("fr", clips->id, "2").error().code() == StatusCode::kNotFound);
  CHECK(account.dictionaries_read() == 1);
  CHECK(opened_saying_why == std::vector<bool>{false});  // opened once, quietly (a clip can do without)
  // An item without dictionaryId plays the system dictionary of its language: no recordings here.
  CHECK(account.clip("fr", "", "1").error().code() == StatusCode::kNotFound);
  CHECK(account.dictionaries_read() == 2);
  CHECK(account.clip("fr", "00000000-0000-4000-8000-00000000dead", "1").error().code() == StatusCode::kNotFound);
  CHECK(account.audio_file(*replaced->audio_id).value() == louder.bytes);
  CHECK(account.audio_file("00000000-0000-4000-8000-00000000dead").error().message() ==
        "audio file \"00000000-0000-4000-8000-00000000dead\" in the account: no such audio file; upload it (gomo "
        "audio upload) or give its folder with --audio-dir");
  // Another organisation reads none of it; an account that cannot be opened answers NotFound.
  api::AccountAudio elsewhere([&](bool) { return api::AccountAudio::Opened{&other, "another account"}; });
  CHECK(elsewhere.clip("fr", clips->id, "1").error().code() == StatusCode::kNotFound);
  // An account that could not be opened quietly (for a clip) is opened again, saying why, for an audio file.
  std::vector<bool> closed_asked;
  api::AccountAudio closed([&](bool say_why) {
    closed_asked.push_back(say_why);
    return api::AccountAudio::Opened{};
  });
  CHECK(closed.clip("fr", clips->id, "1").error().code() == StatusCode::kNotFound);
  CHECK(closed.audio_file("x").error().code() == StatusCode::kNotFound);
  CHECK(closed.audio_file("y").error().code() == StatusCode::kNotFound);
  CHECK(closed_asked == std::vector<bool>{false, true});
  CHECK(p.add_dictionary_entry(clips->id, "", one).error().field_errors.count("key"));
  api::AudioUpload not_sound = one;
  not_sound.bytes = "plain text, not a sound";
  CHECK(p.add_dictionary_entry(clips->id, "2", not_sound).error().field_errors.count("file"));
  CHECK(other.list_dictionary_entries(clips->id, {}).error().http_status == 404);
  CHECK(other.add_dictionary_entry(clips->id, "1", one).error().http_status == 404);
  const std::string system_id = dictionaries->data.at(0).id;
  auto system_entries = p.list_dictionary_entries(system_id, {});
  REQUIRE_MESSAGE(system_entries, system_entries.error().message);
  CHECK(system_entries->meta.total > 30);
  auto read_only = p.add_dictionary_entry(system_id, "1", one);
  REQUIRE_FALSE(read_only);
  CHECK(read_only.error().http_status == 409);
  CHECK(p.list_audio({})->meta.total == 5);  // two before, three clips; the refused ones stored nothing

  // (d) Programs: references checked, partial update, archive.
  std::vector<api::ContactFields> people(3);
  for (int i = 0; i < 3; ++i) people[i].primary_phone = "+21266100000" + std::to_string(i);
  auto contacts = p.upsert_contacts(people);
  REQUIRE(contacts);
  auto audience = p.create_audience({std::string("Program audience"), std::nullopt});
  auto empty_audience = p.create_audience({std::string("Nobody here"), std::nullopt});
  REQUIRE(audience);
  REQUIRE(empty_audience);
  REQUIRE(p.add_audience_contacts(audience->id,
                                  {contacts->contacts[0].id, contacts->contacts[1].id, contacts->contacts[2].id}));
  auto flow = p.create_flow({std::string("Reminder"), std::nullopt, std::string(kGoodGraph)});
  REQUIRE(flow);

  api::ProgramFields fields;
  fields.name = "March reminders";
  fields.audience_id = audience->id;
  fields.flow_id = flow->id;
  fields.did_pool = std::vector<std::string>{own_did, own_number};
  api::RetryStrategy retry;
  retry.type = "fixed_delay";
  retry.delay_ms = 30 * 60000;
  retry.max_retries = 3;
  fields.retry_strategy = retry;
  api::PauseWindows windows;
  windows.days["friday"] = {{{12, 0}, {14, 30}}};
  windows.advanced = {{"2026-12-31T18:00:00Z", "2027-01-01T12:00:00Z"}};
  fields.pause_windows = windows;
  fields.auto_pause_rules = std::vector<api::AutoPauseRule>{{"bye", 100, true}};
  auto program = p.create_program(fields);
  REQUIRE_MESSAGE(program, program.error().message);
  CHECK(program->status == "draft");
  CHECK(program->retry_strategy == retry);
  CHECK(program->pause_windows == windows);
  CHECK(program->did_pool.size() == 2);
  CHECK(program->auto_pause_rules.at(0).node_id == "bye");

  api::ProgramFields missing;
  missing.name = "No references";
  auto no_refs = p.create_program(missing);
  REQUIRE_FALSE(no_refs);
  CHECK(no_refs.error().field_errors.count("audienceId"));
  CHECK(no_refs.error().field_errors.count("flowId"));
  api::ProgramFields foreign = fields;
  foreign.audience_id = "00000000-0000-4000-8000-000000000001";
  foreign.did_pool = std::vector<std::string>{"+212999999999"};
  auto unknown = p.create_program(foreign);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().http_status == 400);
  CHECK(unknown.error().field_errors.count("audienceId"));
  CHECK(unknown.error().field_errors.count("didPool.0"));
  api::ProgramFields bad_times = fields;
  bad_times.start_at = "2026-03-01T09:00:00";  // no timezone
  bad_times.stop_at = "2026-02-01T09:00:00Z";
  CHECK(p.create_program(bad_times).error().field_errors.count("startAt"));
  CHECK(other.create_program(fields).error().http_status == 400);  // org B cannot name org A's audience

  CHECK(p.get_program(program->id)->name == "March reminders");
  CHECK(other.get_program(program->id).error().http_status == 404);
  CHECK(p.list_programs({})->meta.total == 1);
  CHECK(other.list_programs({})->meta.total == 0);
  api::ProgramFields rename;
  rename.name = "March reminders v2";
  auto renamed = p.update_program(program->id, rename);
  REQUIRE(renamed);
  CHECK(renamed->name == "March reminders v2");
  CHECK(renamed->retry_strategy == retry);  // kept
  api::ProgramFields activate;
  activate.status = "active";
  CHECK(p.update_program(program->id, activate).error().http_status == 409);

  // (e) Launch preconditions, each with its own code.
  api::ProgramFields archive;
  archive.status = "archived";
  REQUIRE(p.update_program(program->id, archive)->status == "archived");
  CHECK(p.launch_program(program->id).error().code == "PROGRAM_ARCHIVED");
  api::ProgramFields unarchive;
  unarchive.status = "draft";
  REQUIRE(p.update_program(program->id, unarchive)->status == "draft");
  auto empty_program = p.create_program({std::string("Empty"), empty_audience->id, flow->id, std::nullopt, std::nullopt,
                                         std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  REQUIRE(empty_program);
  auto empty_launch = p.launch_program(empty_program->id);
  REQUIRE_FALSE(empty_launch);
  CHECK(empty_launch.error().code == "AUDIENCE_EMPTY");
  CHECK(empty_launch.error().http_status == 400);
  auto broken_flow =
      p.create_flow({std::string("Broken"), std::nullopt,
                     std::string(R"({"startNodeId":"nowhere","nodes":[{"id":"bye","type":"hangup"}]})")});
  REQUIRE(broken_flow);
  auto broken_program =
      p.create_program({std::string("Broken flow"), audience->id, broken_flow->id, std::nullopt, std::nullopt,
                        std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  REQUIRE(broken_program);
  auto invalid = p.launch_program(broken_program->id);
  REQUIRE_FALSE(invalid);
  CHECK(invalid.error().code == "FLOW_INVALID");
  CHECK(p.launch_program("00000000-0000-4000-8000-000000000002").error().http_status == 404);
  CHECK(other.launch_program(program->id).error().http_status == 404);

  auto execution = p.launch_program(program->id);
  REQUIRE_MESSAGE(execution, execution.error().message);
  CHECK(execution->status == "running");
  CHECK(execution->program_id == program->id);
  CHECK(execution->total_contacts == 3);
  CHECK(execution->contacts_pending == 3);
  CHECK(execution->contacts_completed + execution->contacts_failed + execution->contacts_in_progress == 0);
  CHECK(execution->actual_start_at);
  CHECK(execution->auto_pause_rules.size() == 1);
  CHECK(p.get_program(program->id)->status == "active");
  auto again = p.launch_program(program->id);
  REQUIRE_FALSE(again);
  CHECK(again.error().code == "EXECUTION_ALREADY_RUNNING");
  CHECK(again.error().http_status == 409);
  auto executions = p.list_executions(program->id, {});
  REQUIRE(executions);
  CHECK(executions->meta.total == 1);
  CHECK(other.get_execution(execution->id).error().http_status == 404);
  CHECK(other.list_executions(program->id, {}).error().http_status == 404);

  // The state machine: pause, resume (rules replaced), impossible transitions are 409.
  CHECK(p.resume_execution(execution->id, std::nullopt).error().code == "INVALID_STATUS_TRANSITION");
  auto paused = p.pause_execution(execution->id);
  REQUIRE(paused);
  CHECK(paused->status == "paused");
  CHECK(p.pause_execution(execution->id).error().http_status == 409);
  auto resumed = p.resume_execution(execution->id, std::vector<api::AutoPauseRule>{{"dial", 2, false}});
  REQUIRE_MESSAGE(resumed, resumed.error().message);
  CHECK(resumed->status == "running");
  REQUIRE(resumed->auto_pause_rules.size() == 1);
  CHECK(resumed->auto_pause_rules[0].node_id == "dial");
  CHECK(p.resume_execution(execution->id, std::vector<api::AutoPauseRule>{{"", 0, false}}).error().http_status == 400);

  // (f) Reports from recorded calls; an auto-pause rule's threshold pauses the execution.
  auto report = p.execution_report(execution->id);
  REQUIRE(report);
  CHECK(report->effective_status == "running");
  CHECK(report->contacts.pending == 3);
  CHECK(report->total_calls == 0);
  local::CallAttemptRecord first;
  first.execution_id = execution->id;
  first.contact_id = contacts->contacts[0].id;
  first.attempt.call.status = "completed";
  first.attempt.call.from = own_number;
  first.attempt.call.to = "+212661000000";
  first.attempt.call.answered_at = "2026-03-01T09:00:02.000Z";
  first.attempt.call.duration_ms = 9000;
  first.attempt.outcome = "completed";
  first.attempt.outcome_reason = "hangup";
  first.contact_status = "completed";
  first.node_counts = {{"dial", 1}, {"bye", 1}};
  REQUIRE(dialer.record_call_attempt(first));
  local::CallAttemptRecord busy = first;
  busy.contact_id = contacts->contacts[1].id;
  busy.attempt.call.answered_at.reset();
  busy.attempt.call.duration_ms.reset();
  busy.attempt.outcome = "busy";
  busy.contact_status = "pendingRetry";
  busy.node_counts = {{"dial", 1}};
  REQUIRE(dialer.record_call_attempt(busy));
  auto after = p.get_execution(execution->id);
  REQUIRE(after);
  CHECK(after->status == "paused_threshold");  // "dial" ran twice: threshold 2
  CHECK(after->contacts_completed == 1);
  CHECK(after->contacts_pending == 2);
  report = p.execution_report(execution->id);
  REQUIRE(report);
  CHECK(report->contacts.completed == 1);
  CHECK(report->contacts.pending_retry == 1);
  CHECK(report->contacts.reach_rate == doctest::Approx(100.0 / 3));
  CHECK(report->total_calls == 2);
  CHECK(report->answered_calls == 1);
  CHECK(report->average_duration_ms == 9000);
  auto breakdown = p.execution_breakdown(execution->id);
  REQUIRE(breakdown);
  CHECK(breakdown->outcomes == std::map<std::string, int>{{"busy", 1}, {"completed", 1}});
  CHECK(breakdown->contact_statuses.at("pending") == 1);
  CHECK(breakdown->attempts.at("1") == 2);
  auto calls = p.execution_calls(execution->id, {});
  REQUIRE(calls);
  CHECK(calls->meta.total == 2);
  CHECK(calls->data[0].outcome == "completed");
  CHECK(calls->data[0].contact_id == contacts->contacts[0].id);
  CHECK(calls->data[0].call.duration_ms == 9000);
  CHECK(other.execution_report(execution->id).error().http_status == 404);
  // Resuming without resetting the count would pause again at once: refused; with a reset it runs.
  CHECK(p.resume_execution(execution->id, std::nullopt).error().http_status == 409);
  auto reset = p.resume_execution(execution->id, std::vector<api::AutoPauseRule>{{"dial", 2, true}});
  REQUIRE_MESSAGE(reset, reset.error().message);
  CHECK(reset->status == "running");

  REQUIRE(p.cancel_execution(execution->id));
  CHECK(p.get_execution(execution->id)->status == "cancelled");
  CHECK(p.cancel_execution(execution->id).error().code == "INVALID_STATUS_TRANSITION");
  CHECK(p.pause_execution(execution->id).error().http_status == 409);
  // A program starting later: its next execution waits, scheduled.
  api::ProgramFields later;
  later.start_at = "2099-01-01T08:00:00+01:00";
  REQUIRE(p.update_program(program->id, later));
  auto scheduled = p.launch_program(program->id);
  REQUIRE_MESSAGE(scheduled, scheduled.error().message);
  CHECK(scheduled->status == "scheduled");
  CHECK(scheduled->scheduled_start_at == "2099-01-01T08:00:00+01:00");
  CHECK_FALSE(scheduled->actual_start_at);
  CHECK(p.pause_execution(scheduled->id).error().http_status == 409);
  CHECK(p.list_executions(program->id, {})->meta.total == 2);
  REQUIRE(p.cancel_execution(scheduled->id));

  // (g) Call requests: queued, listed per contact, reported; retry in the call-request spelling.
  api::CallRequestFields call;
  call.did_id = own_did;
  call.contact_id = contacts->contacts[0].id;
  call.flow_id = flow->id;
  call.retry = retry;
  auto queued = p.request_call(call);
  REQUIRE_MESSAGE(queued, queued.error().message);
  CHECK(queued->status == "queued");
  CHECK_FALSE(queued->job_id.empty());
  api::CallRequestFields bad_call = call;
  bad_call.did_id = "00000000-0000-4000-8000-000000000003";
  CHECK(p.request_call(bad_call).error().field_errors.count("didId"));
  CHECK(other.request_call(call).error().http_status == 400);
  api::CallRequestQuery of_contact;
  of_contact.contact_id = call.contact_id;
  auto listed = p.list_call_requests(of_contact);
  REQUIRE(listed);
  REQUIRE(listed->meta.total == 1);
  CHECK(listed->data[0].fields.retry == retry);
  CHECK(other.list_call_requests({})->meta.total == 0);
  auto job = p.call_report(queued->job_id);
  REQUIRE(job);
  CHECK(job->status == "queued");
  CHECK(job->attempts.empty());
  local::CallAttemptRecord answered = first;
  answered.execution_id.reset();
  answered.call_request_id = queued->job_id;
  answered.contact_status = "completed";
  answered.attempt.flow_execution_json = R"({"flowId":"f","executionPath":[],"nodeExecutionCount":2})";
  REQUIRE(dialer.record_call_attempt(answered));
  job = p.call_report(queued->job_id);
  REQUIRE(job);
  CHECK(job->status == "completed");
  CHECK(job->final_outcome == "completed");
  REQUIRE(job->attempts.size() == 1);
  CHECK(job->attempts[0].flow_execution_json);
  CHECK(other.call_report(queued->job_id).error().http_status == 404);
}

}  // namespace gomo::test::conformance
