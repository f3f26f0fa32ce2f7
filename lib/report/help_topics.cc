#include "report/help_topics.h"

#include <sstream>

#include "checks/registry.h"

namespace gomo::report {

namespace {

const char* kExitCodes = R"(Exit codes (stable; scripts may rely on them):
  0  success: everything checked, nothing failed
  1  checks failed: errors found (or warnings, with --strict); differences found (fmt --check);
     a simulated call that did not reach a hangup (flow run); failing flow tests (flow test);
     flow diff: the files differ from the platform; flow push: local errors, nothing sent;
     execution status --watch, program launch --wait|--watch: --timeout passed before the
     execution ended (launch --wait|--watch also: it ended stopped or cancelled, not completed)
     program validate: findings in a program file; program apply: errors in the file, nothing sent
  2  usage error (an unknown command or flag: gomo names the nearest one; a bad flag value), or
     input that cannot be read or parsed (missing file, YAML/JSON syntax error; the other files
     are still checked), or no flow file at all to check: gomo never exits 0 when nothing was checked
  3  the platform refused the request (an API error, 4xx), or gomo found the same refusal before
     sending it: an unknown program or execution id (named in the message), a launch precondition
     (PROGRAM_ARCHIVED, EXECUTION_ALREADY_RUNNING, AUDIENCE_EMPTY, FLOW_INVALID, REFERENCE_NOT_FOUND),
     a transition the execution's status does not allow (INVALID_STATUS_TRANSITION: the message says
     which statuses allow it), program pause|resume|cancel with no active execution (not with --if-active)
  4  authentication or permission (401/403, no API key)
  5  network failure or server unavailable after retries; --timeout reached (TIMEOUT); a create
     whose answer was lost and could not be checked (REQUEST_OUTCOME_UNKNOWN); a TLS certificate
     that cannot be verified (TLS_CERTIFICATE_ERROR, never retried); gomo serve: cannot listen
  70 internal error (a bug in gomo: please report it), or gomo's network module could not be
     loaded (the message says why, e.g. a missing shared library)
  130, 143  flow run --softphone: Ctrl-C (SIGINT: 130) or SIGTERM (143) during the call; gomo hung
     up (CANCEL while ringing, BYE once answered) and printed the transcript so far
)";

const char* kConfig = R"(Project config: .gomo.yaml
gomo looks for .gomo.yaml in the current directory and its parents (up to the repository root).
Flags given on the command line win over it. Use --config FILE to name one, --no-config to ignore it.

  validate:
    strict: true                 # warnings fail the run
    target: gomobile             # or local (default)
    ignore: [missing-label]      # rule ids never reported
    severity:                    # per-rule severity: error, warning, info or off
      unreachable-node: error
    exclude: ["drafts/*", "*.schema.json"]   # skipped when walking directories (see below)
    audioCatalog: audio.yaml     # audio ids that exist (paths relative to this file)
    attributes: attributes.yaml  # custom attribute names that exist
  program:                       # gomo program validate and apply (rule ids: docs/program-rules.md)
    strict: true
    ignore: [did-shape]
    severity: {unknown-node: warning}

exclude: globs matched against the path relative to this file's folder when they hold a `/`
(`drafts/*`: everything under drafts/), else against each file and folder name (`*.schema.json`,
`drafts`). They apply to what flow validate, fmt, push and diff find by walking a directory (which
also skips hidden entries, node_modules and flow tests, *.test.yaml); files named on the command
line are checked anyway, unless flow validate --force-exclude (for pre-commit hooks).

Silence one rule on one node in the file itself:
  - id: old-menu               # gomo-ignore: unreachable-node
    type: play
or, in JSON and YAML alike, a node field:  "x-gomo-ignore": ["unreachable-node"]

Profiles of platforms and keys (~/.config/gomo/config.yaml) are another file: gomo help profiles.
)";

const char* kProfiles =
    R"(Profiles: which platform gomo talks to, and with which key (gomo config --help for the commands)
Config file: $GOMO_CONFIG, else $XDG_CONFIG_HOME/gomo/config.yaml (default ~/.config/gomo/config.yaml).
Written 0600; refused when others may read or write it (chmod 600 FILE).

  current: prod
  profiles:
    prod:  {baseUrl: https://api.gomobile.ma/api, apiKey: ..., auth: x-api-key, rateLimit: 10, timeout: 30s}
    dev:   {baseUrl: http://127.0.0.1:8080/api}          # a gomo serve
    scratch: {workspace: /tmp/scratch.db}                # a local workspace
    mt:    {provider: mobtexting, apiKey: ..., bridge: '918068280000'}   # gomo call --provider mobtexting

The built-in profile `local` is the local workspace (.gomo/workspace.db); it is the default until
`gomo config use NAME`. Each setting comes from, in order:
  1. a flag: --base-url, --workspace, --api-key-env NAME, --bearer, --insecure, --rate-limit, --timeout
  2. the profile named by --profile
  3. the environment: GOMO_BASE_URL (else GOMOBILE_API_URL, GOMOBILE_API_BASE_URL), GOMO_API_KEY
     (else GOMOBILE_API_KEY), GOMO_TIMEOUT; GOMO_PROFILE picks the profile
  4. the current profile (GOMO_PROFILE, else `current:` in the file, else local)
  5. the default (https://api.gomobile.ma/api for a platform profile, x-api-key, 10 requests/s, 60s)
A platform profile's key is never used on the local workspace, nor a local profile's key sent away.
gomo config show prints each setting and where it came from (and when GOMO_API_KEY overrides a
profile's apiKey); keys are only ever shown masked. A plain http baseUrl is accepted for loopback
hosts only, unless `gomo config set baseUrl URL --insecure`.
The local workspace needs no setup: the first change creates it (mode 0600) with one organisation,
and no key is needed; a read never creates it (lists are empty). With several organisations, pick one
with its key (GOMO_API_KEY or apiKey); `gomo serve --new-key [--org NAME]` prints a new key.

Every platform command names its target, on stderr. A change says what it did and where:
  created contact 01a2… +212612345678 → local workspace .gomo/workspace.db
An API error ends with the target in parentheses:
  gomo: API error 404 NOT_FOUND: execution 01a2… not found (https://api.gomobile.ma/api, profile prod)
A read (list, get, status, report, ...) prints `gomo: reading TARGET` first when stderr is a terminal
(not with -q; -v names the target on every command): pipes, files and scripts get only the data.
Keys are never shown: masked, and a user:password written in a URL left out.

Requests: at most 5 attempts; 429/503 are retried after Retry-After (else backoff), network failures
when repeating cannot apply a request twice (a create is looked up first: by phone, name, ...; when
that cannot tell, REQUEST_OUTCOME_UNKNOWN, exit 5). --timeout DURATION (30s, 500ms, 2m, seconds; 0:
none) bounds each request, retries and waits included: TIMEOUT, exit 5. -v prints each retry:
  gomo: retrying POST /contact in 1.2s (attempt 2/5): 503 Service Unavailable
A TLS certificate that cannot be verified is refused at once, never retried: TLS_CERTIFICATE_ERROR.
)";

const char* kFormats = R"(Output formats of `gomo flow validate --format`:
  text    path:line:col: severity: message [rule], the source line and a caret (default). Info
          findings are counted in the summary, printed with --verbose. A long line shows 120
          characters around the column, cut with …; past 50 findings of one rule in a file, one
          "… and N more" line stands for the rest (the other formats list every finding)
  json    {"version":1,"files":[...],"diagnostics":[{rule,severity,message,file,line,col,endLine,endCol,pointer,fix?}],"summary":{...}}
  github  ::error file=F,line=L,endLine=L2,col=C,endColumn=C2,title=RULE::message (GitHub Actions annotations;
          the default when GITHUB_ACTIONS=true). GitHub shows at most 10 errors, 10 warnings and 10 notices
          per step: gomo prints the most severe first, then one line counting the rest. When
          $GITHUB_STEP_SUMMARY is set, a Markdown table of every finding is appended to it.
  sarif   SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: rules[] with help text, 1-based
          regions, the JSON pointer, and partialFingerprints that follow a finding when lines move
  junit   JUnit XML: one testsuite per run, one testcase per file; a <failure> listing the findings of a
          file that fails the run, an <error> for a file that cannot be read or parsed
Several reports in one run: repeat --format and give one --output-file per format, in the same order
(- is stdout):
  gomo flow validate flows/ -f github -f sarif --output-file - --output-file gomo.sarif
  gomo flow validate flows/ -f json -f junit --output-file report.json --output-file report.xml
The exit code does not depend on the format. Positions are 1-based everywhere; columns count characters.
Control characters and invalid UTF-8 from a file are shown escaped in every format (\x1b, \u009b,
\xff), so none reaches a terminal or a CI log. A missing or unreadable file is one more finding
(read-error; an <error> in JUnit, a notification in SARIF): the other files are still checked, exit 2.
)";

const char* kOverview = R"(
Help topics: gomo help exit-codes | rules | config | formats | profiles
)";

}  // namespace

std::string help_topic(const std::string& name) {
  if (name == "exit-codes") return kExitCodes;
  if (name == "config") return kConfig;
  if (name == "formats") return kFormats;
  if (name == "profiles") return kProfiles;
  if (name == "overview") return kOverview;
  if (name == "rules") {
    std::ostringstream out;
    out << "Rules of `gomo flow validate` (docs/rules.md has examples):\n";
    for (const auto* r : checks::all_rules())
      out << "  " << r->id
          << std::string(r->id ? (24 > std::string(r->id).size() ? 24 - std::string(r->id).size() : 1) : 1, ' ')
          << diag::severity_name(r->severity)
          << std::string(9 - std::string(diag::severity_name(r->severity)).size(), ' ') << r->summary << "\n";
    return out.str();
  }
  return "";
}

std::string help_topic_names() { return "exit-codes, rules, config, formats, profiles"; }

}  // namespace gomo::report
