#pragma once
// The local workspace as the platform sees it: the SQLite file of lib/store, its organisations as
// api::Organization, and `platform_for`, an organisation's api::Platform over it with the same
// operations, rules and errors as the real platform. As api::Tenants it authenticates gomo serve's
// requests by API key.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "api/tenants.h"
#include "base/status.h"

namespace gomo::store {
class Workspace;
}

namespace gomo::local {

class Pager;

// Where `gomo` keeps the workspace unless told otherwise (relative to the current directory).
inline constexpr const char* kDefaultWorkspacePath = ".gomo/workspace.db";

struct NewOrganization {
  api::Organization organization;
  std::string api_key;  // the only copy: the workspace keeps its digest
};

class Workspace final : public api::Tenants {
 public:
  // Opens `path`, creating it when missing (store::Workspace::open: WAL mode, migrations, mode 0600
  // in 0700 folders), and seeds the shared system dictionaries when they are missing.
  static Result<std::unique_ptr<Workspace>> open(const std::string& path);
  // As open(), but only an existing file: kNotFound when `path` does not exist, and nothing is created.
  static Result<std::unique_ptr<Workspace>> open_existing(const std::string& path);
  // An empty workspace in memory, named `path` in messages: no organisation, nothing on disk. What a
  // read of a workspace that does not exist yet sees (the shared DIDs and dictionaries only).
  static Result<std::unique_ptr<Workspace>> open_empty(const std::string& path);
  // Whether something exists at `path`.
  static bool exists(const std::string& path);
  static constexpr int kSchemaVersion = 4;  // store::Workspace::kSchemaVersion
  ~Workspace() override;
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::string& path() const;
  // The highest migration applied; kSchemaVersion after open().
  int schema_version();

  // A new organisation with one owner user and one fresh API key ("gomo_" + 40 hex digits). Its
  // name has 3 to 64 characters (kInvalidArgument otherwise); its slug is made from the name.
  Result<NewOrganization> create_organization(const std::string& name);
  // The workspace's only organisation, created (named `name`, without an API key: none is needed
  // locally) when it has none, in one transaction so that two processes making their first change at
  // once create one organisation, not two. Fails (kInvalidArgument) when it has several.
  struct SoleOrganization {
    api::Organization organization;
    bool created = false;
  };
  Result<SoleOrganization> sole_organization(const std::string& name);
  // A new API key for organisation `organization_id`, which keeps its other keys; only the digest
  // is stored. kNotFound for an unknown organisation.
  Result<std::string> create_api_key(const std::string& organization_id);
  // The organisation the key belongs to, if any.
  std::optional<api::Organization> organization_for_key(const std::string& api_key);
  int organization_count();
  // How many API keys the workspace's organisations have, together (0: gomo serve answers 401 to all).
  int api_key_count();
  // Every organisation, oldest first.
  std::vector<api::Organization> organizations();

  // The platform as organisation `organization_id` sees it ("": no organisation, only the shared
  // rows). It shares the connection, so it may outlive this Workspace. Thread-safe: the workspace
  // serialises its single connection with a mutex.
  std::unique_ptr<api::Platform> platform_for(const std::string& organization_id);

  // api::Tenants: platform_for the key's organisation.
  std::unique_ptr<api::Platform> platform_for_key(const std::string& api_key) override;
  std::optional<std::pair<long long, long long>> data_version() override;

 private:
  explicit Workspace(std::shared_ptr<store::Workspace> store);
  std::shared_ptr<store::Workspace> store_;
  std::shared_ptr<Pager> pager_;  // the paging cursors of every platform_for (local/paging.h)
};

}  // namespace gomo::local
