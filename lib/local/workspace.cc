// local::Workspace: store::Workspace's file and organisations in the platform's terms (names of 3 to
// 64 characters, slugs), seeded with the system dictionaries, and the organisations' platforms.
#include "local/workspace.h"

#include "api/validate.h"
#include "local/local_operations.h"
#include "local/paging.h"
#include "store/sql.h"
#include "store/workspace.h"

namespace gomo::local {

static_assert(Workspace::kSchemaVersion == store::Workspace::kSchemaVersion);

namespace {

api::Organization to_api(const store::OrganizationRow& row) { return api::Organization{row.id, row.name, row.slug}; }

Status check_name(const std::string& name) {
  if (api::char_count(name) < 3 || api::char_count(name) > 64)
    return Status::invalid_argument("organisation name must have 3 to 64 characters");
  return Status::ok();
}

// "Acme Collections" -> "acme-collections" (an attribute's slug with dashes); "org" when nothing is left.
std::string organization_slug(const std::string& name) {
  std::string slug = api::attribute_slug(name);
  for (auto& c : slug) c = c == '_' ? '-' : c;
  return slug.empty() ? "org" : slug;
}

// The shared system dictionaries, added in one transaction when missing (a new file, or one an
// older gomo made).
Status seed(store::Workspace& ws) {
  std::lock_guard<std::mutex> lock(ws.mutex());
  try {
    store::sql::Transaction tx(ws.connection());
    seed_system_dictionaries(ws.connection());
    tx.commit();
    return Status::ok();
  } catch (const std::exception& e) { return Status::io_error("workspace " + ws.path() + ": " + e.what()); }
}

Result<std::unique_ptr<Workspace>> seeded(Result<std::unique_ptr<store::Workspace>> opened,
                                          std::unique_ptr<Workspace> (*make)(std::shared_ptr<store::Workspace>)) {
  if (!opened) return opened.error();
  std::shared_ptr<store::Workspace> ws = std::move(*opened);
  if (Status s = seed(*ws); !s) return s;
  return make(std::move(ws));
}

}  // namespace

Workspace::Workspace(std::shared_ptr<store::Workspace> store)
    : store_(std::move(store)), pager_(std::make_shared<Pager>()) {}
Workspace::~Workspace() = default;

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string& path) {
  return seeded(store::Workspace::open(path), [](std::shared_ptr<store::Workspace> ws) {
    return std::unique_ptr<Workspace>(new Workspace(std::move(ws)));
  });
}

Result<std::unique_ptr<Workspace>> Workspace::open_existing(const std::string& path) {
  return seeded(store::Workspace::open_existing(path), [](std::shared_ptr<store::Workspace> ws) {
    return std::unique_ptr<Workspace>(new Workspace(std::move(ws)));
  });
}

Result<std::unique_ptr<Workspace>> Workspace::open_empty(const std::string& path) {
  return seeded(store::Workspace::open_empty(path), [](std::shared_ptr<store::Workspace> ws) {
    return std::unique_ptr<Workspace>(new Workspace(std::move(ws)));
  });
}

bool Workspace::exists(const std::string& path) { return store::Workspace::exists(path); }

const std::string& Workspace::path() const { return store_->path(); }
int Workspace::schema_version() { return store_->schema_version(); }

Result<NewOrganization> Workspace::create_organization(const std::string& name) {
  if (Status s = check_name(name); !s) return s;
  auto made = store_->create_organization(name, organization_slug(name));
  if (!made) return made.error();
  return NewOrganization{to_api(made->organization), made->api_key};
}

Result<Workspace::SoleOrganization> Workspace::sole_organization(const std::string& name) {
  if (Status s = check_name(name); !s) return s;
  auto sole = store_->sole_organization(name, organization_slug(name));
  if (!sole) return sole.error();
  return SoleOrganization{to_api(sole->organization), sole->created};
}

Result<std::string> Workspace::create_api_key(const std::string& organization_id) {
  return store_->create_api_key(organization_id);
}

std::optional<api::Organization> Workspace::organization_for_key(const std::string& api_key) {
  auto row = store_->organization_for_key(api_key);
  if (!row) return std::nullopt;
  return to_api(*row);
}

int Workspace::organization_count() { return store_->organization_count(); }
int Workspace::api_key_count() { return store_->api_key_count(); }

std::vector<api::Organization> Workspace::organizations() {
  std::vector<api::Organization> out;
  for (const auto& row : store_->organizations()) out.push_back(to_api(row));
  return out;
}

std::unique_ptr<api::Platform> Workspace::platform_for(const std::string& organization_id) {
  return make_platform(store_, organization_id, pager_);
}

std::unique_ptr<api::Platform> Workspace::platform_for_key(const std::string& api_key) {
  auto org = store_->organization_for_key(api_key);
  if (!org) return nullptr;
  return platform_for(org->id);
}

std::optional<std::pair<long long, long long>> Workspace::data_version() {
  auto v = store_->data_version();
  if (!v) return std::nullopt;
  return std::make_pair(v->others, v->own);
}

}  // namespace gomo::local
