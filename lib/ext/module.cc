// The network module's entry table (module_abi.h).
#include <string>

#include "ext/module_parts.h"

namespace gomo::ext::inside {
namespace {

void libraries(void* user, gomo_ext_text_fn each) {
  for (const std::string& library :
       {curl_library(), httplib_library(), phonenumber_library(), re2_library(), date_tz_library()})
    each(user, GOMO_EXT_LIBRARY, library.data(), library.size());
}

}  // namespace
}  // namespace gomo::ext::inside

extern "C" __attribute__((visibility("default"))) const gomo_ext_abi* gomo_ext_abi_v6(void) {
  static const gomo_ext_abi abi = [] {
    gomo_ext_abi a{};
    a.abi_version = GOMO_EXT_ABI_VERSION;
    a.struct_size = sizeof(gomo_ext_abi);
    a.libraries = gomo::ext::inside::libraries;
    gomo::ext::inside::add_http_transport(a);
    gomo::ext::inside::add_http_server(a);
    gomo::ext::inside::add_phone_numbers(a);
    gomo::ext::inside::add_time_zones(a);
    return a;
  }();
  return &abi;
}
