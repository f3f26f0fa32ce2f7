#pragma once
// The local workspace file: an embedded SQLite database holding organisations, their API keys (as
// SHA-256 digests only) and every platform object, each row owned by one organisation. This class
// owns the file, its schema migrations and its organisations; the platform's rules over the rows
// are lib/local's (local::Workspace, local::LocalPlatform), which run their statements on
// connection() with store/sql.h.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

struct sqlite3;

namespace gomo::store {

// One row of the organizations table.
struct OrganizationRow {
  std::string id;
  std::string name;
  std::string slug;
};

struct NewOrganization {
  OrganizationRow organization;
  std::string api_key;  // the only copy: the workspace keeps its digest
};

class Workspace {
 public:
  // Opens `path`, creating it when missing, in WAL mode, and applies the schema migrations it lacks
  // (each in one transaction). Fails on a file of a newer schema. A file it creates is mode 0600
  // (SQLite gives its -wal and -shm files the same mode), and the folders it creates are 0700; an
  // existing file of the user's that others may read (an older gomo made them 0644) is made 0600 too.
  static Result<std::unique_ptr<Workspace>> open(const std::string& path);
  // As open(), but only an existing file: kNotFound when `path` does not exist, and nothing is created.
  static Result<std::unique_ptr<Workspace>> open_existing(const std::string& path);
  // An empty workspace in memory, named `path` in messages: migrated, no organisation, nothing on disk.
  static Result<std::unique_ptr<Workspace>> open_empty(const std::string& path);
  // Whether something exists at `path`.
  static bool exists(const std::string& path);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::string& path() const;
  // The highest migration applied; kSchemaVersion after open().
  int schema_version();
  static constexpr int kSchemaVersion = 4;

  // A new organisation (`name`, `slug` as given: the caller checks them) with one owner user, three
  // DIDs and one fresh API key ("gomo_" + 40 hex digits).
  Result<NewOrganization> create_organization(const std::string& name, const std::string& slug);
  // The workspace's only organisation, created (as create_organization, without an API key) when it
  // has none, in one transaction so that two processes making their first change at once create one
  // organisation, not two. Fails (kInvalidArgument) when it has several.
  struct SoleOrganization {
    OrganizationRow organization;
    bool created = false;
  };
  Result<SoleOrganization> sole_organization(const std::string& name, const std::string& slug);
  // A new API key ("gomo_" + 40 hex digits) for organisation `organization_id`, which keeps its other
  // keys; only the digest is stored. kNotFound for an unknown organisation.
  Result<std::string> create_api_key(const std::string& organization_id);
  // The organisation the key belongs to, if any. Compares digests; the key itself is never stored.
  std::optional<OrganizationRow> organization_for_key(const std::string& api_key);
  int organization_count();
  // How many API keys the workspace's organisations have, together.
  int api_key_count();
  // Every organisation, oldest first.
  std::vector<OrganizationRow> organizations();
  // Changes whenever the file's content may have changed: a commit by this connection (SQLite's
  // total_changes) or by any other, in this process or another (PRAGMA data_version). Equal tokens:
  // nothing was committed in between, so an answer read at one is still true at the other. nullopt
  // when SQLite could not say.
  struct DataVersion {
    long long others = 0, own = 0;
    bool operator==(const DataVersion&) const = default;
  };
  std::optional<DataVersion> data_version();

  // The one connection, for statements (store/sql.h). REQUIRES: mutex() held while using it; the
  // pointer lives as long as this Workspace.
  sqlite3* connection();
  std::mutex& mutex();

  struct Impl;

 private:
  explicit Workspace(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gomo::store
