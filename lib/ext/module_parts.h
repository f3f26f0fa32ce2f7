#pragma once
// Inside the module: each library's glue file fills its entries of the C table (module_abi.h);
// module.cc hands the table out. Only C types cross; C++ stays on each side.
#include <string>

#include "ext/module_abi.h"

namespace gomo::ext::inside {

void add_http_transport(gomo_ext_abi& abi);  // http_transport.cc
void add_http_server(gomo_ext_abi& abi);     // http_server.cc
void add_phone_numbers(gomo_ext_abi& abi);   // phone_numbers.cc
void add_time_zones(gomo_ext_abi& abi);      // time_zone_db.cc (date-tz)

// "name version" of each library, for gomo version --verbose.
std::string curl_library();
std::string httplib_library();
std::string phonenumber_library();
std::string re2_library();      // the fast phone reader's regular expressions (phone_fast.cc)
std::string date_tz_library();  // time zones (time_zone_db.cc)

}  // namespace gomo::ext::inside
