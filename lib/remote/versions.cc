// remote::network_library_versions() (versions.h).
#include "remote/versions.h"

#include "ext/load.h"
#include "ext/module.h"

namespace gomo::remote {

gomo::Result<std::vector<std::string>> network_library_versions() {
  auto module = ext::module();
  if (!module) return module.error();
  return (*module)->library_versions();
}

}  // namespace gomo::remote
