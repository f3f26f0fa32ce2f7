// The workspace file (workspace.h): its schema migrations, opening and creating it (mode 0600 in
// folders gomo creates 0700), and its organisations and their API keys, stored as SHA-256 digests
// only (the key itself is returned once, to the caller that made it). The platform's rules over the
// rows are lib/local's.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <stdexcept>
#include <thread>

#include "base/private_files.h"
#include "base/sha256.h"
#include "store/sql.h"
#include "store/workspace_impl.h"

namespace gomo::store {

using namespace sql;  // NOLINT: written in terms of the workspace's SQL helpers

namespace {

// Each migration runs once, in order, in its own transaction; never edit one that has shipped.
const char* const kMigrations[] = {
    R"sql(
CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE api_keys (key_sha256 TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id),
                       created_at TEXT NOT NULL);
CREATE TABLE users (id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id),
                    email TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL);
CREATE TABLE contacts (
  id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id), primary_phone TEXT NOT NULL,
  first_name TEXT, last_name TEXT, full_name TEXT, primary_email TEXT, address TEXT, city TEXT, state TEXT,
  zip TEXT, occupation TEXT, preferred_channel TEXT, gender TEXT, channels TEXT, custom_attributes TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (organization_id, primary_phone));
CREATE TABLE custom_attributes (
  id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id), name TEXT NOT NULL,
  display_name TEXT NOT NULL, description TEXT, type TEXT NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, UNIQUE (organization_id, name));
CREATE TABLE audiences (
  id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id), name TEXT NOT NULL,
  description TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE audience_members (
  audience_id TEXT NOT NULL REFERENCES audiences(id), contact_id TEXT NOT NULL REFERENCES contacts(id),
  added_at TEXT NOT NULL, PRIMARY KEY (audience_id, contact_id));
CREATE INDEX audience_members_by_contact ON audience_members(contact_id);
CREATE TABLE flows (
  id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id), name TEXT NOT NULL,
  description TEXT, graph TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX contacts_by_org_created ON contacts(organization_id, created_at);
CREATE INDEX audiences_by_org_created ON audiences(organization_id, created_at);
CREATE INDEX flows_by_org_created ON flows(organization_id, created_at);
)sql",
    // 2: DIDs, audio, dictionaries, programs, executions, call requests and call attempts
    // (local_operations.h). No foreign keys to contacts, audiences or flows: those can be deleted
    // while executions and call reports keep their snapshot.
    R"sql(
ALTER TABLE organizations ADD COLUMN timezone TEXT NOT NULL DEFAULT 'Africa/Casablanca';
CREATE TABLE dids (
  id TEXT PRIMARY KEY, organization_id TEXT REFERENCES organizations(id), number TEXT NOT NULL,
  country TEXT NOT NULL, description TEXT, is_shared INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX dids_by_org ON dids(organization_id, created_at);
CREATE TABLE audio (
  id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id), title TEXT NOT NULL,
  description TEXT, usage_type TEXT, tags TEXT NOT NULL, duration_seconds REAL, file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL, size_bytes INTEGER NOT NULL, playable INTEGER NOT NULL, downloadable INTEGER NOT NULL,
  bytes BLOB NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX audio_by_org_created ON audio(organization_id, created_at);
CREATE TABLE dictionaries (
  id TEXT PRIMARY KEY, organization_id TEXT REFERENCES organizations(id), name TEXT NOT NULL, description TEXT,
  language TEXT NOT NULL, is_system INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE dictionary_entries (
  id TEXT PRIMARY KEY, dictionary_id TEXT NOT NULL REFERENCES dictionaries(id), key TEXT NOT NULL,
  text TEXT NOT NULL, audio_id TEXT, UNIQUE (dictionary_id, key));
CREATE TABLE programs (
  id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id), name TEXT NOT NULL,
  audience_id TEXT NOT NULL, flow_id TEXT NOT NULL, start_at TEXT, stop_at TEXT, did_pool TEXT NOT NULL,
  retry_strategy TEXT NOT NULL, pause_windows TEXT NOT NULL, auto_pause_rules TEXT NOT NULL,
  status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX programs_by_org_created ON programs(organization_id, created_at);
CREATE TABLE executions (
  id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id),
  program_id TEXT NOT NULL REFERENCES programs(id), audience_id TEXT NOT NULL, flow_id TEXT NOT NULL,
  status TEXT NOT NULL, scheduled_start_at TEXT NOT NULL, scheduled_stop_at TEXT, actual_start_at TEXT,
  actual_end_at TEXT, auto_pause_rules TEXT NOT NULL, retry_strategy TEXT NOT NULL, pause_windows TEXT NOT NULL,
  did_pool TEXT NOT NULL, flow_graph TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX executions_by_program ON executions(program_id, created_at);
CREATE TABLE execution_contacts (
  execution_id TEXT NOT NULL REFERENCES executions(id), contact_id TEXT NOT NULL, phone TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT,
  last_outcome TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (execution_id, contact_id));
CREATE TABLE execution_node_counts (
  execution_id TEXT NOT NULL REFERENCES executions(id), node_id TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (execution_id, node_id));
CREATE TABLE call_requests (
  id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id), did_id TEXT NOT NULL,
  contact_id TEXT NOT NULL, phone TEXT NOT NULL, flow_id TEXT NOT NULL, retry_strategy TEXT NOT NULL,
  start_at TEXT, status TEXT NOT NULL, final_outcome TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX call_requests_by_contact ON call_requests(organization_id, contact_id, created_at);
CREATE TABLE call_attempts (
  id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id), execution_id TEXT,
  call_request_id TEXT, contact_id TEXT NOT NULL, attempt INTEGER NOT NULL, status TEXT NOT NULL,
  direction TEXT NOT NULL, from_number TEXT NOT NULL, to_number TEXT NOT NULL, created_at TEXT NOT NULL,
  dialed_at TEXT, answered_at TEXT, terminated_at TEXT, duration_ms INTEGER, outcome TEXT NOT NULL,
  outcome_reason TEXT NOT NULL, flow_execution TEXT, events TEXT NOT NULL);
CREATE INDEX call_attempts_by_execution ON call_attempts(execution_id, created_at);
CREATE INDEX call_attempts_by_request ON call_attempts(call_request_id, attempt);
-- Existing organisations get the DIDs a new one is created with (seed_organization).
INSERT INTO dids (id, organization_id, number, country, description, is_shared, status, created_at, updated_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' ||
             substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       o.id, '+21252' || printf('%05d', o.rowid % 100000) || printf('%02d', k.n), 'MA',
       'Local caller ID ' || k.n, 0, 'active', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM organizations o, (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) k;
INSERT INTO dids VALUES ('00000000-0000-4000-8000-00000000d1d0', NULL, '+212800000000', 'MA',
                         'Shared local caller ID', 1, 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
)sql",
    // 3: gomo's own dialer (api/dialing.h, lib/local/dialing.cc) claims an execution's due contacts:
    // never-called ones in audience order (rowid, which the index carries), then retries by due time
    // (next_attempt_at, ISO 8601 UTC with milliseconds, which sorts as it reads). Also serves the
    // counters' GROUP BY status and "is anything left" without reading the table. Its periodic scans
    // of active executions and open call requests seek by (organization_id, status).
    R"sql(
CREATE INDEX execution_contacts_due ON execution_contacts(execution_id, status, next_attempt_at);
CREATE INDEX executions_by_org_status ON executions(organization_id, status, created_at);
CREATE INDEX call_requests_by_org_status ON call_requests(organization_id, status, created_at);
)sql",
    // 4: an active call request's next attempt time (the dialer's clock, ISO 8601 UTC with
    // milliseconds; NULL when none is due), so that a restarted dialer waits for it instead of calling
    // at once (api::CallJob::next_attempt_at). (The dialer now claims due retries before first calls,
    // api/dialing.h; execution_contacts_due serves both orders.)
    R"sql(
ALTER TABLE call_requests ADD COLUMN next_attempt_at TEXT;
)sql",
};
constexpr int kMigrationCount = static_cast<int>(std::size(kMigrations));
static_assert(kMigrationCount == Workspace::kSchemaVersion);

// A workspace an older gomo made 0644 (or that was copied so) holds contact data: make it and its
// -wal and -shm files 0600 when they are the user's own. Failures are ignored (not ours to fix).
void tighten_mode(const std::string& path) {
  for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & 077))
      (void)::chmod(file.c_str(), st.st_mode & 0700);
  }
}

struct TooNew : std::runtime_error {
  using std::runtime_error::runtime_error;
};
void migrate(sqlite3* db, const std::string& path);
constexpr int kOpenAttempts = 20;  // about 2 s of waiting in all

// Opens `filename` for `impl` with SQLite `flags`, then applies the migrations the file lacks.
Result<std::unique_ptr<Workspace::Impl>> open_and_migrate(std::unique_ptr<Workspace::Impl> impl,
                                                          const std::string& filename, int flags) {
  const std::string& path = impl->path;
  if (sqlite3_open_v2(filename.c_str(), &impl->db, flags | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = impl->db ? sqlite3_errmsg(impl->db) : "out of memory";
    return Status::io_error("cannot open workspace " + path + ": " + msg);
  }
  keep_statements(impl->db);
  sqlite3_busy_timeout(impl->db, 5000);  // other gomo processes on the same file wait, not fail
  // Switching a new file to WAL while another process does the same can answer SQLITE_BUSY without
  // waiting (SQLite does not call the busy handler there): that is a moment to wait, not a failure.
  for (int attempt = 1;; ++attempt) {
    try {
      migrate(impl->db, path);
      break;
    } catch (const SqlError& e) {
      if ((sqlite3_errcode(impl->db) & 0xff) != SQLITE_BUSY || attempt == kOpenAttempts)
        return Status::io_error("workspace " + path + ": " + e.what());
      std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt));
    } catch (const TooNew& e) { return Status::invalid_argument(e.what()); }
  }
  // A file's WAL is checkpointed off the committing thread (store/checkpointer.h).
  if (!(flags & SQLITE_OPEN_MEMORY)) impl->checkpointer = std::make_unique<Checkpointer>(impl->db, filename);
  return Result<std::unique_ptr<Workspace::Impl>>(std::move(impl));
}

// The schema of `db` brought up to date. Throws SqlError, or TooNew for a file from a newer gomo.
void migrate(sqlite3* db, const std::string& path) {
  {
    // WAL with synchronous=NORMAL: a committed transaction survives the process being killed (kill -9):
    // it is in the WAL file, in the OS's cache; only a power loss may take the last ones back. A 16 MiB
    // page cache (SQLite's default is 2 MiB; the cache grows only as pages are used) keeps the pages
    // of the contacts' indexes that a batch of upserts touches in memory, instead of re-reading them.
    exec(db,
         "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
         "PRAGMA cache_size = -16384;");
    exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    for (;;) {
      Transaction tx(db);  // IMMEDIATE: two processes opening a new file migrate one after the other
      Stmt current(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      current.step();
      int version = static_cast<int>(current.integer(0));
      if (version > kMigrationCount) {
        throw TooNew("workspace " + path + " has schema version " + std::to_string(version) +
                     ", newer than this gomo knows (" + std::to_string(kMigrationCount) + "); upgrade gomo");
      }
      if (version == kMigrationCount) {
        tx.commit();
        break;
      }
      exec(db, kMigrations[version]);
      Stmt(db, "INSERT INTO schema_migrations VALUES (?, ?)").bind(1, version + 1LL).bind(2, now_iso()).step();
      tx.commit();
    }
  }
}

}  // namespace

bool Workspace::exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string& path) {
  // The workspace holds contact data: folders gomo makes are 0700, a new file 0600. SQLite gives the
  // -wal and -shm files the database file's mode.
  if (Status s = make_private_dirs(std::filesystem::path(path).parent_path().string()); !s) return s;
  if (Status s = create_private_file(path); !s)
    return Status::io_error("cannot create workspace " + path + ": " + s.message());
  tighten_mode(path);
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  auto opened = open_and_migrate(std::move(impl), path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!opened) return opened.error();
  return std::unique_ptr<Workspace>(new Workspace(std::move(*opened)));
}

Result<std::unique_ptr<Workspace>> Workspace::open_existing(const std::string& path) {
  if (!exists(path)) return Status::not_found("no workspace at " + path);
  tighten_mode(path);
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  auto opened = open_and_migrate(std::move(impl), path, SQLITE_OPEN_READWRITE);
  if (!opened) return opened.error();
  return std::unique_ptr<Workspace>(new Workspace(std::move(*opened)));
}

Result<std::unique_ptr<Workspace>> Workspace::open_empty(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  auto opened = open_and_migrate(std::move(impl), ":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY);
  if (!opened) return opened.error();
  return std::unique_ptr<Workspace>(new Workspace(std::move(*opened)));
}

int Workspace::schema_version() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    Stmt s(impl_->db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    s.step();
    return static_cast<int>(s.integer(0));
  } catch (const SqlError&) { return 0; }
}

namespace {

OrganizationRow read_organization(Stmt& s) { return OrganizationRow{s.text(0), s.text(1), s.text(2)}; }

// Inserts an organisation, its owner user and its DIDs; runs inside the caller's transaction.
OrganizationRow insert_organization(sqlite3* db, const std::string& name, const std::string& slug,
                                    const std::string& now) {
  OrganizationRow org{new_uuid(), name, slug};
  Stmt(db, "INSERT INTO organizations (id, name, slug, created_at) VALUES (?, ?, ?, ?)")
      .bind(1, org.id)
      .bind(2, name)
      .bind(3, org.slug)
      .bind(4, now)
      .step();
  Stmt(db, "INSERT INTO users VALUES (?, ?, ?, ?, ?)")
      .bind(1, new_uuid())
      .bind(2, org.id)
      .bind(3, "owner@" + org.slug + ".local")
      .bind(4, std::string("Local"))
      .bind(5, std::string("Owner"))
      .step();
  seed_organization(db, org.id, now);
  return org;
}

// A new key for `organization_id`, its digest stored; runs inside the caller's transaction.
std::string insert_api_key(sqlite3* db, const std::string& organization_id, const std::string& now) {
  std::string key = "gomo_" + random_hex(40);
  Stmt(db, "INSERT INTO api_keys VALUES (?, ?, ?)")
      .bind(1, sha256_hex(key))
      .bind(2, organization_id)
      .bind(3, now)
      .step();
  return key;
}

}  // namespace

void seed_organization(sqlite3* db, const std::string& org, const std::string& now) {
  Stmt seq(db, "SELECT rowid FROM organizations WHERE id = ?");
  seq.bind(1, org);
  long long rowid = seq.step() ? seq.integer(0) : 0;
  for (int n = 1; n <= 3; ++n) {
    char number[24];
    std::snprintf(number, sizeof number, "+21252%05lld%02d", rowid % 100000, n);
    Stmt(db,
         "INSERT INTO dids (id, number, country, description, is_shared, organization_id, status, created_at, "
         "updated_at) VALUES (?, ?, ?, ?, 0, ?, 'active', ?, ?)")
        .bind(1, new_uuid())
        .bind(2, std::string(number))
        .bind(3, "MA")
        .bind(4, "Local caller ID " + std::to_string(n))
        .bind(5, org)
        .bind(6, now)
        .bind(7, now)
        .step();
  }
}

Result<NewOrganization> Workspace::create_organization(const std::string& name, const std::string& slug) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    NewOrganization out;
    std::string now = now_iso();
    Transaction tx(impl_->db);
    out.organization = insert_organization(impl_->db, name, slug, now);
    out.api_key = insert_api_key(impl_->db, out.organization.id, now);
    tx.commit();
    return out;
  } catch (const SqlError& e) { return Status::io_error(std::string("cannot create organisation: ") + e.what()); }
}

Result<Workspace::SoleOrganization> Workspace::sole_organization(const std::string& name, const std::string& slug) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    // IMMEDIATE: two processes making their first change at once create one organisation, not two.
    Transaction tx(impl_->db);
    std::vector<OrganizationRow> orgs;
    Stmt s(impl_->db, "SELECT id, name, slug FROM organizations ORDER BY rowid LIMIT 2");
    while (s.step()) orgs.push_back(read_organization(s));
    if (orgs.size() > 1) return Status::invalid_argument(impl_->path + " has several organisations");
    SoleOrganization out;
    if (orgs.empty()) {
      out.organization = insert_organization(impl_->db, name, slug, now_iso());
      out.created = true;
    } else {
      out.organization = orgs[0];
    }
    tx.commit();
    return out;
  } catch (const SqlError& e) { return Status::io_error(std::string("cannot create organisation: ") + e.what()); }
}

Result<std::string> Workspace::create_api_key(const std::string& organization_id) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    Transaction tx(impl_->db);
    Stmt s(impl_->db, "SELECT 1 FROM organizations WHERE id = ?");
    s.bind(1, organization_id);
    if (!s.step()) return Status::not_found("no organisation " + organization_id + " in " + impl_->path);
    std::string key = insert_api_key(impl_->db, organization_id, now_iso());
    tx.commit();
    return key;
  } catch (const SqlError& e) { return Status::io_error(std::string("cannot create an API key: ") + e.what()); }
}

std::optional<OrganizationRow> Workspace::organization_for_key(const std::string& api_key) {
  if (api_key.empty()) return std::nullopt;
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    Stmt s(impl_->db,
           "SELECT o.id, o.name, o.slug FROM api_keys k JOIN organizations o ON o.id = k.organization_id "
           "WHERE k.key_sha256 = ?");
    s.bind(1, sha256_hex(api_key));
    if (!s.step()) return std::nullopt;
    return read_organization(s);
  } catch (const SqlError&) { return std::nullopt; }
}

std::optional<Workspace::DataVersion> Workspace::data_version() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    Stmt s(impl_->db, "PRAGMA data_version");
    if (!s.step()) return std::nullopt;
    return DataVersion{s.integer(0), static_cast<long long>(sqlite3_total_changes64(impl_->db))};
  } catch (const SqlError&) { return std::nullopt; }
}

int Workspace::organization_count() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    Stmt s(impl_->db, "SELECT COUNT(*) FROM organizations");
    s.step();
    return static_cast<int>(s.integer(0));
  } catch (const SqlError&) { return 0; }
}

int Workspace::api_key_count() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    Stmt s(impl_->db, "SELECT COUNT(*) FROM api_keys");
    s.step();
    return static_cast<int>(s.integer(0));
  } catch (const SqlError&) { return 0; }
}

std::vector<OrganizationRow> Workspace::organizations() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::vector<OrganizationRow> out;
  try {
    Stmt s(impl_->db, "SELECT id, name, slug FROM organizations ORDER BY rowid");
    while (s.step()) out.push_back(read_organization(s));
  } catch (const SqlError&) {}
  return out;
}

Workspace::Impl::~Impl() {
  checkpointer.reset();
  forget_statements(db);  // finalized, or the close would fail
  if (db) sqlite3_close(db);
}

Workspace::Workspace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workspace::~Workspace() = default;

const std::string& Workspace::path() const { return impl_->path; }
sqlite3* Workspace::connection() { return impl_->db; }
std::mutex& Workspace::mutex() { return impl_->mutex; }

}  // namespace gomo::store
