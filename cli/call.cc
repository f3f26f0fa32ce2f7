// `gomo call CONTACT --flow F`: one-off call requests (Gomobile docs: Ad-hoc calls), `gomo call report
// JOB_ID` and `gomo call list`. The lookups and checks are in lib/calls; this file reads flags and prints.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/wire_programs.h"
#include "calls/call_list.h"
#include "calls/call_options.h"
#include "calls/call_request.h"
#include "calls/mobtexting_call.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/resources.h"
#include "cli/target.h"
#include "contacts/resolve.h"
#include "profile/mobtexting.h"
#include "profile/resolve.h"
#include "remote/mobtexting.h"
#include "report/call_job.h"

namespace gomo::cli {
namespace {

struct CallOptions {
  TargetOptions target;
  std::string contact, flow, did, retry = "none", at;
  std::vector<std::string> vars;
  std::string provider = "gomobile", audio, webhook;  // audio and webhook: mobtexting only
  std::string region = "MA";
};

struct CallReportOptions {
  TargetOptions target;
  std::string job_id;
};

struct CallListOptions {
  ListOptions list;
  std::string contact;
  std::string region = "MA";
};

std::vector<report::ResourceColumn> call_columns() {
  return {{"ID", "id"},     {"STATUS", "status"}, {"CONTACT", "contactId"}, {"FLOW", "flowId"},
          {"DID", "didId"}, {"START", "startAt"}, {"CREATED", "createdAt"}};
}

// --provider mobtexting: the same flags as one outgoing-call request from a mobtexting profile.
int call_mobtexting(Context& ctx, const CallOptions& o, const api::RetryStrategy& retry,
                    const std::optional<std::string>& start_at, const std::map<std::string, std::string>& vars) {
  auto config = profile::load_config(profile::process_env());
  if (!config) return report_error(ctx, config.error());
  auto target = profile::resolve_mobtexting(o.target.profile, profile::process_env(), *config);
  if (!target) return report_error(ctx, target.error());
  calls::MobtextingSpec spec{o.contact, o.region, o.flow,   o.audio, o.did.empty() ? target->bridge : o.did,
                             o.webhook, retry,    start_at, vars};
  std::vector<std::string> notes;
  auto request = calls::mobtexting_call(spec, notes);
  if (!request) return report_error(ctx, request.error());
  if (ctx.verbose)
    report_note(ctx, "mobtexting key from " + target->key_from + ": " + profile::mask_key(target->api_key));
  ctx.target = "mobtexting " + profile::url_for_people(target->endpoint) + ", profile " + target->profile;
  ctx.key_to_mask = target->api_key;  // report_api_error names the target and masks the key
  remote::MobtextingOptions options;
  options.endpoint = target->endpoint;
  options.api_key = target->api_key;
  options.insecure = target->insecure || o.target.insecure;
  options.timeout_ms = static_cast<int>(target->timeout_ms);
  auto client = remote::MobtextingClient::create(options);
  if (!client) return report_api_error(ctx, client.error());
  auto sent = (*client)->send_call(*request);
  if (!sent) return report_api_error(ctx, sent.error());
  const std::string id = sent->accepted.front().id;
  if (ctx.output == "text" || ctx.output == "table") {
    ctx.out << id << "\n";
  } else {
    nlohmann::json accepted = nlohmann::json::array();
    for (const auto& a : sent->accepted)
      accepted.push_back({{"id", a.id}, {"mobile", a.mobile}, {"charges", a.charges}, {"submittedAt", a.submitted_at}});
    nlohmann::json record = {{"id", id},
                             {"provider", "mobtexting"},
                             {"to", request->to},
                             {"bridge", request->bridge},
                             {"message", sent->message},
                             {"accepted", accepted}};
    print_records(ctx, record, {});
  }
  if (!ctx.quiet) {
    for (const auto& n : notes) report_note(ctx, "note: " + n);
    ctx.err << "mobtexting accepted call " << id << " to " << request->to << " from bridge " << request->bridge
            << " \xE2\x86\x92 " << target->summary() << "\n";
  }
  return kExitOk;
}

int call_request(Context& ctx, const CallOptions& o) {
  if (o.contact.empty())
    return report_error(
        ctx, "`gomo call` needs a contact: gomo call CONTACT --flow FLOW\nRun `gomo call --help` for its flags.");
  if (o.flow.empty() && o.provider != "mobtexting")
    return report_error(ctx, "`gomo call` needs --flow NAME|ID: the flow the call runs");
  auto read = calls::read_call_flags(o.retry, o.at, o.vars, calls::now_ms());
  if (!read) return report_error(ctx, read.error());
  const calls::CallSpec spec{o.contact, o.flow, o.did, o.region, read->retry, read->start_at};
  const std::map<std::string, std::string>& vars = read->vars;
  if (o.provider == "mobtexting") return call_mobtexting(ctx, o, spec.retry, spec.start_at, vars);
  if (!o.audio.empty() || !o.webhook.empty())
    return report_error(ctx, "--audio and --webhook are for --provider mobtexting; a Gomobile call runs --flow");
  if (!vars.empty()) {
    return report_error(ctx,
                        "--var: the Gomobile call-request API takes no variables (didId, contactId, flowId, retry, "
                        "startAt); flow variables travel with --provider mobtexting");
  }
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kExisting);
  if (!opened) return exit_code;
  auto placed = calls::request_call(*opened->platform, spec);
  if (!placed) return report_failure(ctx, placed.error());
  if (ctx.output == "text" || ctx.output == "table") {
    ctx.out << placed->result.job_id << "\n";
  } else {
    print_records(ctx, calls::placed_call_json(*placed), call_columns());
  }
  print_target_summary(ctx, *opened,
                       "queued call " + placed->result.job_id + " to " +
                           placed->contact.fields.primary_phone.value_or(placed->contact.id) + ", flow \"" +
                           placed->flow.name + "\", from " + placed->did.number +
                           (spec.start_at ? " at " + *spec.start_at : std::string()));
  return kExitOk;
}

int call_report(Context& ctx, const CallReportOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto report = calls::call_report(*opened->platform, o.job_id);
  if (!report) return report_api_error(ctx, report.error());
  if (ctx.output == "text" || ctx.output == "table") {
    report::write_call_job(ctx.out, *report, ctx.stdout_tty);
  } else {
    Context plain = ctx;  // -q prints the whole report: the id is what was asked for
    plain.quiet = false;
    print_records(plain, api::wire::encode(*report), {});
  }
  return kExitOk;
}

int call_list(Context& ctx, const CallListOptions& o) {
  int exit_code = kExitOk;
  auto opened = open_target(ctx, o.list.target, exit_code, TargetAccess::kRead);
  if (!opened) return exit_code;
  auto listed = calls::list_calls(*opened->platform, o.contact, o.region, o.list.query, o.list.all);
  if (!listed) return report_failure(ctx, listed.error());
  nlohmann::json records = nlohmann::json::array();
  for (const auto& r : listed->requests) records.push_back(api::wire::encode(r));
  auto columns = call_columns();
  columns.push_back({"NEXT ATTEMPT", "nextAttemptAt"});  // while a retry is pending
  print_list(ctx, records, columns, listed->meta ? &*listed->meta : nullptr, "call requests");
  return kExitOk;
}

}  // namespace

void add_call_commands(CLI::App& app, Context& ctx, Action& action) {
  const std::string footer =
      "Exit codes: 0 ok, 2 usage (a bad flag value, an ambiguous name), 3 API error (also: not found),\n"
      "4 authentication, 5 network or server unavailable (a request whose answer was lost is looked up, never "
      "sent twice).";
  auto* group =
      app.add_subcommand("call", "Request one call: a contact, a flow, a caller id (gomo call CONTACT --flow F)");
  auto call = std::make_shared<CallOptions>();
  group->footer(
      "CONTACT is a contact id or phone (a phone no contact has: create it with gomo contacts create --phone).\n"
      "--retry none | fixed_delay:DELAY:MAX (DELAY 1m-24h as 30 or 30m or 2h, MAX 0-10 retries) |\n"
      "        scheduled:DATE[,DATE...] (1-10 future ISO 8601 times with a timezone, ascending).\n"
      "--at    an ISO 8601 time with a timezone (2026-12-01T09:00:00+01:00) or from now: +90s, +10m, +2h, +1d.\n"
      "Prints the job id (-o json|yaml: the request); `gomo call report JOB_ID` follows it.\n"
      "--provider mobtexting: CONTACT is a phone, --flow a mobtexting journey id (or --audio), --did the bridge\n"
      "(default: the profile's); the profile has provider: mobtexting, apiKey (or GOMO_MOBTEXTING_API_KEY), bridge.\n" +
      footer);
  group->add_option("contact", call->contact, "Contact id or phone number (E.164, or national with --region)");
  group->add_option("--flow", call->flow, "The flow to run: its id or exact name");
  group->add_option("--did", call->did, "Caller id: a DID number or id (default: the account's first own active DID)");
  group->add_option("--var", call->vars, "NAME=VALUE for the flow's {NAME} placeholders (repeatable; mobtexting)");
  group->add_option("--retry", call->retry, "none (default), fixed_delay:DELAY:MAX or scheduled:DATE,DATE");
  group->add_option("--at", call->at, "When to call: ISO 8601 with a timezone, or +10m (default: now)");
  group->add_option("--provider", call->provider, "gomobile (default: the target platform) or mobtexting (a profile)")
      ->check(CLI::IsMember({"gomobile", "mobtexting"}));
  group->add_option("--audio", call->audio, "mobtexting: a sound id or http(s) URL to play instead of --flow");
  group->add_option("--webhook", call->webhook, "mobtexting: the webhook_id to notify");
  add_target_flags(group, call->target);
  add_region_flag(group, call->region);
  group->callback([group, call, &action] {
    if (!group->get_subcommands().empty()) return;  // `call report` or `call list` chose their own action
    action = [call](Context& c) { return call_request(c, *call); };
  });

  if (ctx.builds("report")) {
    auto report = std::make_shared<CallReportOptions>();
    auto* cmd = group->add_subcommand("report", "Show a call request's status, outcome and attempts");
    cmd->footer(footer);
    cmd->add_option("job_id", report->job_id, "The job id `gomo call` printed")->required();
    add_target_flags(cmd, report->target);
    cmd->callback([report, &action] { action = [report](Context& c) { return call_report(c, *report); }; });
  }
  if (ctx.builds("list")) {
    auto list = std::make_shared<CallListOptions>();
    auto* cmd = group->add_subcommand("list", "List call requests, newest first (one page, or --all)");
    cmd->footer(footer);
    add_target_flags(cmd, list->list.target);
    cmd->add_option("--contact", list->contact, "Only this contact's requests: an id or phone");
    cmd->add_option("--page", list->list.query.page, "Page number, from 1")->check(CLI::PositiveNumber);
    cmd->add_option("--limit", list->list.query.limit, "Items per page (1-100)")->check(CLI::Range(1, 100));
    cmd->add_flag("--all", list->list.all, "Follow the pages to the end");
    add_region_flag(cmd, list->region);
    cmd->callback([list, &action] { action = [list](Context& c) { return call_list(c, *list); }; });
  }
}

}  // namespace gomo::cli
