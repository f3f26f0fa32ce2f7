// The extension module's entry table (module.h).
#include "ext/module_parts.h"

namespace gomo::ext {
namespace {

std::string libraries() { return curl_library() + ", " + httplib_library() + ", " + phonenumber_library(); }

}  // namespace
}  // namespace gomo::ext

extern "C" __attribute__((visibility("default"))) const gomo::ext::Module* gomo_ext_module_v1() {
  static const gomo::ext::Module module = [] {
    gomo::ext::Module m;
    m.libraries = gomo::ext::libraries;
    m.new_http_transport = gomo::ext::new_http_transport;
    m.new_http_server = gomo::ext::new_http_server;
    m.parse_phone = gomo::ext::parse_phone;
    m.is_known_region = gomo::ext::is_known_region;
    return m;
  }();
  return &module;
}
