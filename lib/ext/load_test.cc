#include "ext/load.h"

#include <dlfcn.h>
#include <doctest/doctest.h>

#include <string>

#include "ext/module.h"

namespace gomo::ext {
namespace {

TEST_CASE("ext: the embedded module loads once and answers") {
  CHECK(embedded_module_end() - embedded_module_begin() > 1000);
  CHECK(std::string(embedded_module_begin(), embedded_module_begin() + 4) == "\x7f" "ELF");
  CHECK(std::string(embedded_module_sha256()).size() == 64);
  auto first = module();
  REQUIRE_MESSAGE(first.has_value(), first.error().message());
  auto second = module();
  REQUIRE(second.has_value());
  CHECK(*first == *second);
  CHECK((*first)->version == kModuleVersion);
  REQUIRE(static_cast<bool>((*first)->libraries));
  CHECK((*first)->libraries().find("libcurl ") == 0);
}

TEST_CASE("ext: without a memfd, the module loads from a temporary file that is removed at once") {
  std::string error;
  void* handle = open_module_from_temp_file(error);
  REQUIRE_MESSAGE(handle != nullptr, error);
  using Entry = const Module* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, "gomo_ext_module_v1"));
  REQUIRE(static_cast<bool>(entry));
  CHECK(entry()->version == kModuleVersion);
}

}  // namespace
}  // namespace gomo::ext
