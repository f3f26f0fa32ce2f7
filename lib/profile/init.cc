#include "profile/init.h"

#include "profile/open.h"
#include "profile/resolve.h"

namespace gomo::profile {
namespace {

InitFailure failure(Status status) { return InitFailure{std::move(status), std::nullopt}; }

}  // namespace

Result<InitDone, InitFailure> init_profile(const InitRequest& request, const Env& env,
                                           const std::function<void(const api::User&)>& on_verified) {
  const std::string& name = request.name;
  if (name == kLocalProfile)
    return failure(Status::invalid_argument("`local` is the built-in local workspace profile; choose another name"));
  auto path = config_path(env);
  auto cfg = path ? ConfigFile::load(*path) : Result<ConfigFile>(path.error());
  Status s = cfg ? Status::ok() : cfg.error();
  if (s && request.insecure) s = cfg->set(name, "insecure", "true");  // first: it allows a plain http URL
  if (s) s = cfg->set(name, "baseUrl", request.base_url);             // checks the name and the URL before any request
  if (s) s = cfg->set(name, "apiKey", request.api_key);
  if (s && (request.bearer || cfg->find(name)->where.count("auth")))
    s = cfg->set(name, "auth", request.bearer ? "bearer" : "x-api-key");
  if (s) s = cfg->use(name);
  if (!s) return failure(std::move(s));
  InitDone done;
  if (request.verify) {
    ResolvedTarget t;
    t.remote = true;
    t.base_url = request.base_url;
    t.api_key = request.api_key;
    t.bearer = request.bearer;
    t.insecure = request.insecure;
    auto opened = open_platform(t, Access::kRead);
    if (!opened) return failure(Status::invalid_argument(opened.error().message));
    auto me = opened->platform->me();
    if (!me) return InitFailure{Status::ok(), me.error()};
    if (on_verified) on_verified(*me);
    done.verified = std::move(*me);
  }
  if (s = cfg->save(); !s) return failure(std::move(s));
  done.config_path = cfg->path();
  return done;
}

}  // namespace gomo::profile
