#include "ext/load_embedded.h"

#include <dlfcn.h>
#include <doctest/doctest.h>

#include <string>

#include "ext/load.h"
#include "ext/module_abi.h"

namespace gomo::ext {
namespace {

TEST_CASE("ext: release builds embed the module") {
  CHECK(module_is_embedded());
  CHECK(embedded_module_end() - embedded_module_begin() > 1000);
  CHECK(std::string(embedded_module_begin(), embedded_module_begin() + 4) ==
        "\x7f"
        "ELF");
  CHECK(std::string(embedded_module_sha256()).size() == 64);
}

TEST_CASE("ext: without a memfd, the module loads from a temporary file that is removed at once") {
  std::string error;
  void* handle = open_module_from_temp_file(error);
  REQUIRE_MESSAGE(handle != nullptr, error);
  using Entry = const gomo_ext_abi* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, "gomo_ext_abi_v6"));
  REQUIRE(static_cast<bool>(entry));
  CHECK(entry()->abi_version == GOMO_EXT_ABI_VERSION);
  CHECK(entry()->struct_size == sizeof(gomo_ext_abi));
}

}  // namespace
}  // namespace gomo::ext
