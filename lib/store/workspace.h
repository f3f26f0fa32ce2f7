#pragma once
// The local workspace: an embedded SQLite file holding organisations, their API keys (as SHA-256
// digests only) and every platform object, each row owned by one organisation. `platform_for` gives an
// organisation's api::Platform over it: the same operations, rules and errors as the real platform.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "base/status.h"

namespace gomo::store {

// Where `gomo` keeps the workspace unless told otherwise (relative to the current directory).
inline constexpr const char* kDefaultWorkspacePath = ".gomo/workspace.db";

struct NewOrganization {
  api::Organization organization;
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
  // What a read of a workspace that does not exist yet sees (the shared DIDs and dictionaries only).
  static Result<std::unique_ptr<Workspace>> open_empty(const std::string& path);
  // Whether something exists at `path`.
  static bool exists(const std::string& path);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::string& path() const;
  // The highest migration applied; kSchemaVersion after open().
  int schema_version();
  static constexpr int kSchemaVersion = 2;

  // A new organisation with one owner user and one fresh API key ("gomo_" + 40 hex digits).
  Result<NewOrganization> create_organization(const std::string& name);
  // The workspace's only organisation, created (named `name`, without an API key: none is needed
  // locally) when it has none, in one transaction so that two processes making their first change at
  // once create one organisation, not two. Fails (kInvalidArgument) when it has several.
  struct SoleOrganization {
    api::Organization organization;
    bool created = false;
  };
  Result<SoleOrganization> sole_organization(const std::string& name);
  // A new API key ("gomo_" + 40 hex digits) for organisation `organization_id`, which keeps its other
  // keys; only the digest is stored. kNotFound for an unknown organisation.
  Result<std::string> create_api_key(const std::string& organization_id);
  // The organisation the key belongs to, if any. Compares digests; the key itself is never stored.
  std::optional<api::Organization> organization_for_key(const std::string& api_key);
  int organization_count();
  // How many API keys the workspace's organisations have, together (0: gomo serve answers 401 to all).
  int api_key_count();
  // Every organisation, oldest first.
  std::vector<api::Organization> organizations();

  // The platform as organisation `organization_id` sees it. The Workspace must outlive it.
  // Thread-safe: the workspace serialises its single connection with a mutex.
  std::unique_ptr<api::Platform> platform_for(const std::string& organization_id);

  struct Impl;

 private:
  explicit Workspace(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gomo::store
