#pragma once
// `gomo config init` as one call: a profile for a platform, its key checked with users/me, written
// to the config file and made current.
#include <functional>
#include <optional>
#include <string>

#include "api/platform.h"
#include "base/status.h"
#include "profile/config_file.h"

namespace gomo::profile {

struct InitRequest {
  std::string name = "default";
  std::string base_url = kDefaultBaseUrl;
  std::string api_key;    // REQUIRES: not empty
  bool bearer = false;    // send the key as Authorization: Bearer (else x-api-key)
  bool insecure = false;  // skip TLS verification; allows a plain http URL
  bool verify = true;     // call users/me with the key before saving anything
};

// Why nothing was saved: the request or the config file (a bad name or URL, an unreadable or
// unwritable file, a platform that cannot be opened), or the platform's answer to users/me.
struct InitFailure {
  Status status;                         // set when `refused` is not
  std::optional<api::ApiError> refused;  // users/me failed
};

struct InitDone {
  std::string config_path;            // the file written
  std::optional<api::User> verified;  // whose key it is (request.verify)
};

// Sets the profile's settings in the config file at config_path(env), checks the key (request.verify)
// and writes the file. `on_verified`, when set, is called once users/me answered, before the file is
// written (so that a user reads whose key it is even when the file cannot be written).
Result<InitDone, InitFailure> init_profile(const InitRequest& request, const Env& env,
                                           const std::function<void(const api::User&)>& on_verified = {});

}  // namespace gomo::profile
