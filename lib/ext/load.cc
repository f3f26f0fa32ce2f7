// ext::module(): the C table from load_embedded.cc or load_linked.cc, checked and wrapped (load.h).
#include "ext/load.h"

#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>

#include "ext/module.h"
#include "ext/module_abi.h"

namespace gomo::ext {
namespace {

LoadFailureHandler failure_handler = nullptr;

struct Loaded {
  std::optional<Module> module;
  std::string error;
};

Loaded load() {
  Loaded out;
  std::string why;
  const gomo_ext_abi* abi = nullptr;
  if (const char* forced = std::getenv("GOMO_TEST_NETWORK_MODULE_ERROR"); forced && *forced) {
    why = forced;
  } else {
    abi = open_module_abi(why);
  }
  if (abi && (abi->abi_version != GOMO_EXT_ABI_VERSION || abi->struct_size < sizeof(gomo_ext_abi))) {
    why = "it does not match this binary (module ABI " + std::to_string(abi->abi_version) + ", expected " +
          std::to_string(GOMO_EXT_ABI_VERSION) + "; rebuild gomo)";
    abi = nullptr;
  }
  if (!abi) {
    out.error = "the network module could not be loaded: " + why;
    return out;
  }
  out.module.emplace(abi);
  return out;
}

}  // namespace

void set_load_failure_handler(LoadFailureHandler handler) { failure_handler = handler; }

Result<const Module*> module() {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded.module) {
    if (failure_handler) failure_handler(loaded.error);  // outside call_once: the handler may exit
    return Status::internal(loaded.error);
  }
  return &*loaded.module;
}

}  // namespace gomo::ext
