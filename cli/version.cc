// `gomo version [-v]`: gomo's version (as --version), and with --verbose the version of each library
// inside, run-time values where the library offers them, for bug reports and security scans.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "document/libyaml_version.h"
#include "remote/versions.h"
#include "store/sqlite_version.h"
#include "version.h"

namespace gomo::cli {
namespace {

int version_run(Context& ctx) {
  ctx.out << version_string() << "\n";
  if (!ctx.verbose) return kExitOk;
  ctx.out << "libyaml " << document::libyaml_version() << "\n";
  ctx.out << "SQLite " << store::sqlite_version() << "\n";
  // The network module's libraries; a module that cannot load is an internal error (exit 70, main.cc).
  auto network = remote::network_library_versions();
  if (!network) return report_internal_error(ctx.err, network.error().message());
  for (const auto& library : *network) ctx.out << library << "\n";
  return kExitOk;
}

}  // namespace

void add_version_commands(CLI::App& app, Context&, Action& action) {
  CLI::App* version = app.add_subcommand("version", "Print gomo's version; with -v, the libraries inside");
  version->footer(
      "With -v/--verbose: libyaml, SQLite, libcurl and its TLS library, cpp-httplib, libphonenumber and RE2.");
  version->callback([&action] { action = version_run; });
}

}  // namespace gomo::cli
