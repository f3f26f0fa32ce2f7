// `gomo serve`: the local workspace over HTTP with the real API's paths (lib/serve).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <mutex>

#include "campaign/dialer_service.h"
#include "campaign/local_run.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "local/workspace.h"
#include "serve/listen.h"
#include "serve/openapi.h"
#include "serve/server.h"

namespace gomo::cli {
namespace {

struct ServeCliOptions {
  std::string listen = "127.0.0.1:8080";
  std::string workspace = local::kDefaultWorkspacePath;
  bool init = false;
  bool add_org = false;  // --init on a workspace that has organisations already
  bool no_answer_cache = false;
  bool new_key = false;
  bool print_openapi = false;  // print the API's OpenAPI document and exit
  std::string org;             // --org: the organisation --new-key makes a key for (id, slug or name)
  std::string org_name = "Local organization";
  bool allow_remote = false;
  double fail_rate = 0;
  std::string rate_limit;
  int latency_ms = 0;
  double drop_rate = 0;
  std::uint64_t seed = 0;
  std::string clock = "real";  // the dialer's: real, virtual or xN
  std::string mix;             // the dialer's simulated callees (an outcome mix file)
};

// " --workspace PATH" unless PATH is the default workspace.
std::string serve_workspace_flag(const std::string& path) {
  return path == local::kDefaultWorkspacePath ? "" : " --workspace " + path;
}

// "\"Acme\" (acme), \"Beta\" (beta)".
std::string serve_org_names(const std::vector<api::Organization>& orgs) {
  std::string out;
  for (const auto& org : orgs) out += (out.empty() ? "\"" : ", \"") + org.name + "\" (" + org.slug + ")";
  return out;
}

int serve_init(Context& ctx, local::Workspace& ws, const ServeCliOptions& o) {
  // A second organisation makes every keyless command ambiguous: only on request.
  if (auto orgs = ws.organizations(); !orgs.empty() && !o.add_org) {
    std::string where = serve_workspace_flag(ws.path());
    ctx.err << "gomo serve: " << ws.path() << " already has "
            << (orgs.size() == 1 ? "organisation " : std::to_string(orgs.size()) + " organisations: ")
            << serve_org_names(orgs) << "; nothing created.\n"
            << "  A new API key for " << (orgs.size() == 1 ? "it" : "one of them") << ": gomo serve --new-key"
            << (orgs.size() == 1 ? "" : " --org NAME") << where << "\n"
            << "  Another organisation (keyless commands then need a key to pick one): gomo serve --init --add-org "
               "--org-name NAME"
            << where << "\n";
    return kExitUsage;
  }
  auto org = ws.create_organization(o.org_name);
  if (!org) {
    ctx.err << "gomo serve: " << org.error().message() << "\n";
    return kExitUsage;
  }
  // The key goes to stdout alone so `KEY=$(gomo serve --init)` works; it is not kept anywhere.
  ctx.out << org->api_key << "\n";
  ctx.out.flush();
  ctx.err << "gomo serve: created organisation \"" << org->organization.name << "\" (" << org->organization.id
          << ") in " << ws.path() << "\n"
          << "The API key above is shown only this once; the workspace stores only its SHA-256 digest.\n";
  return kExitOk;
}

// The organisation --org names (id, slug or name), or the workspace's only one.
const api::Organization* serve_pick_org(Context& ctx, const std::vector<api::Organization>& orgs,
                                        const ServeCliOptions& o) {
  std::string where = serve_workspace_flag(o.workspace);
  if (o.org.empty()) {
    if (orgs.size() == 1) return &orgs[0];
    if (orgs.empty()) {
      ctx.err << "gomo serve: " << o.workspace << " has no organisation yet: create one with gomo serve --init" << where
              << "\n";
    } else {
      ctx.err << "gomo serve: " << o.workspace << " has " << orgs.size() << " organisations: " << serve_org_names(orgs)
              << "; say which with --org NAME\n";
    }
    return nullptr;
  }
  for (const auto& org : orgs)
    if (org.id == o.org || org.slug == o.org || org.name == o.org) return &org;
  ctx.err << "gomo serve: no organisation `" << o.org << "` in " << o.workspace
          << "; organisations: " << (orgs.empty() ? "none" : serve_org_names(orgs)) << "\n";
  return nullptr;
}

int serve_new_key(Context& ctx, const ServeCliOptions& o) {
  auto ws = local::Workspace::open_existing(o.workspace);
  if (!ws) {
    ctx.err << "gomo serve: " << ws.error().message();
    if (ws.error().code() == StatusCode::kNotFound)
      ctx.err << " (create it with gomo serve --init" << serve_workspace_flag(o.workspace) << ")";
    ctx.err << "\n";
    return kExitUsage;
  }
  auto orgs = (*ws)->organizations();
  const api::Organization* org = serve_pick_org(ctx, orgs, o);
  if (!org) return kExitUsage;
  auto key = (*ws)->create_api_key(org->id);
  if (!key) {
    ctx.err << "gomo serve: " << key.error().message() << "\n";
    return kExitUsage;
  }
  ctx.out << *key << "\n";  // alone on stdout, as with --init
  ctx.out.flush();
  ctx.err << "gomo serve: new API key for organisation \"" << org->name << "\" (" << org->id << ") in " << (*ws)->path()
          << "; its other keys still work.\n"
          << "The API key above is shown only this once; the workspace stores only its SHA-256 digest.\n";
  return kExitOk;
}

int serve_run(Context& ctx, const ServeCliOptions& o) {
  if (o.print_openapi) {
    ctx.out << serve::openapi_document();
    return kExitOk;
  }
  if (o.new_key) return serve_new_key(ctx, o);
  serve::ServeOptions options;
  if (Status st = serve::configure_listen(o.listen, o.rate_limit, o.allow_remote, options); !st) {
    ctx.err << "gomo serve: " << st.message() << "\n";
    return kExitUsage;
  }
  options.faults.fail_rate = o.fail_rate;
  options.faults.latency_ms = o.latency_ms;
  options.faults.drop_rate = o.drop_rate;
  options.faults.seed = o.seed;
  options.answer_cache = !o.no_answer_cache;

  auto ws = local::Workspace::open(o.workspace);
  if (!ws) {
    ctx.err << "gomo serve: " << ws.error().message() << "\n";
    return kExitUsage;
  }
  if (o.init) return serve_init(ctx, **ws, o);

  const bool dial = o.clock != "none";  // none: executions stay as launched (tests of clients)
  auto clock = campaign::parse_clock(dial ? o.clock : "real");
  if (!clock) {
    ctx.err << "gomo serve: --clock: " << clock.error().message() << "\n";
    return kExitUsage;
  }
  auto callees = campaign::load_callees({o.mix, std::nullopt});
  if (!callees) {
    ctx.err << "gomo serve: --mix: " << callees.error().message() << "\n";
    return kExitUsage;
  }
  std::mutex log_mutex;
  campaign::DialerServiceOptions dialer_options;
  dialer_options.clock = clock.value();
  dialer_options.callees = std::move(callees.value());
  if (ctx.verbose) {
    dialer_options.log = [&](const std::string& line) {
      std::lock_guard<std::mutex> lock(log_mutex);
      ctx.err << line << "\n";
    };
  }
  if (ctx.verbose) {
    options.on_request = [&](const serve::RequestRecord& r) {
      std::lock_guard<std::mutex> lock(log_mutex);
      ctx.err << serve::log_line(r) << "\n";
    };
  }
  local::Workspace& ws_ref = **ws;
  // Every organisation's executions are dialed here; the workspace's platforms are thread-safe.
  campaign::DialerService dialer(
      [&ws_ref] {
        std::vector<std::shared_ptr<api::Platform>> platforms;
        for (const auto& org : ws_ref.organizations()) platforms.push_back(ws_ref.platform_for(org.id));
        return platforms;
      },
      std::move(dialer_options));
  Status st = serve::serve_until_signal(ws_ref, options, [&](int port) {
    std::string shown_host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
    ctx.err << "gomo serve: listening on http://" << shown_host << ":" << port << "/api (workspace " << ws_ref.path()
            << ")\n";
    if (ws_ref.organization_count() == 0) {
      ctx.err << "gomo serve: the workspace has no organisation yet, so every request gets 401; "
                 "create one with: gomo serve --init --workspace "
              << ws_ref.path() << "\n";
    } else if (ws_ref.api_key_count() == 0) {
      ctx.err << "gomo serve: no organisation of the workspace has an API key yet, so every request gets 401; "
                 "make one with: gomo serve --new-key"
              << serve_workspace_flag(ws_ref.path()) << "\n";
    }
    ctx.err.flush();
    if (dial) dialer.start();  // here: its threads inherit the mask that keeps SIGTERM for the waiting thread
  });
  dialer.stop();  // bounded: each execution's thread returns within a poll, its calls in flight released
  if (!st) {
    ctx.err << "gomo serve: " << st.message() << "\n";
    return kExitNetwork;
  }
  ctx.err << "gomo serve: stopped\n";
  return kExitOk;
}

}  // namespace

void add_serve_commands(CLI::App& app, Context& ctx, Action& action) {
  auto opts = std::make_shared<ServeCliOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the local workspace over HTTP with the Gomobile API's paths");
  cmd->footer(
      "Create an organisation and print its API key (once): gomo serve --init\n"
      "A key for the organisation the first local change created (or a new one for any): gomo serve --new-key\n"
      "Then: gomo serve --listen 127.0.0.1:8080 and call http://127.0.0.1:8080/api with x-api-key.\n"
      "The API's contract: GET /api/openapi.json (no key needed), or gomo serve --print-openapi.\n"
      "Every error answer is the platform's JSON error envelope; -v logs each request (never the key).\n"
      "A dialer places the calls of every running execution (simulated callees, --mix) on\n"
      "--clock; pause, resume and cancel take effect at once; a restart resumes where it stopped.\n"
      "Exit codes: 0 stopped cleanly, 2 usage, 5 cannot listen.");
  cmd->add_option("--listen", opts->listen, "HOST:PORT to listen on; port 0 picks a free one")->capture_default_str();
  cmd->add_option("--workspace", opts->workspace, "The workspace database")->capture_default_str();
  auto* init = cmd->add_flag("--init", opts->init, "Create an organisation, print its new API key on stdout and exit");
  cmd->add_flag("--add-org", opts->add_org, "With --init: add another organisation to a workspace that has some")
      ->needs(init);
  auto* new_key = cmd->add_flag("--new-key", opts->new_key, "Print a new API key for an existing organisation and exit")
                      ->excludes(init);
  cmd->add_flag("--print-openapi", opts->print_openapi,
                "Print the OpenAPI 3.1 document of the API gomo serve answers and exit (schemas/openapi.json)")
      ->excludes(init)
      ->excludes(new_key);
  cmd->add_option("--org", opts->org, "With --new-key: the organisation (id, slug or name; default: the only one)")
      ->needs(new_key);
  cmd->add_option("--org-name", opts->org_name, "Name of the organisation --init creates")->capture_default_str();
  cmd->add_flag("--allow-remote", opts->allow_remote, "Allow listening on a non-loopback address");
  cmd->add_option("--fail-rate", opts->fail_rate, "Answer this fraction of requests 503 (fault injection)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--rate-limit", opts->rate_limit, "Answer 429 + Retry-After beyond N/s (or N/min)")
      ->option_text("N/s");
  cmd->add_option("--latency", opts->latency_ms, "Add this many milliseconds to every request")
      ->check(CLI::Range(0, 600000));
  cmd->add_option("--drop-connections", opts->drop_rate, "Close this fraction of connections before the answer")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--seed", opts->seed, "Seed of the fault dice (default: random)");
  cmd->add_flag("--no-answer-cache", opts->no_answer_cache,
                "Read every answer from the workspace (by default reads of /users/me and contacts are answered\n"
                "again from memory until the next commit: to measure, or to rule that out)");
  cmd->add_option("--clock", opts->clock,
                  "The dialer's clock: real, virtual (each execution as fast as it computes), xN (N times faster), or\n"
                  "none (no dialer: executions stay as launched)")
      ->capture_default_str();
  cmd->add_option("--mix", opts->mix, "How the dialer's simulated callees behave (an outcome mix file)")
      ->check(CLI::ExistingFile);
  cmd->callback([opts, &action] { action = [opts](Context& c) { return serve_run(c, *opts); }; });
  (void)ctx;
}

}  // namespace gomo::cli
