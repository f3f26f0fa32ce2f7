#pragma once
// Inside the module: each library's glue file defines its entries; module.cc puts them in the table.
#include "ext/module.h"

namespace gomo::ext {

std::unique_ptr<HttpTransport> new_http_transport(const HttpTransportOptions& options);  // http_transport.cc
std::string curl_library();
std::unique_ptr<HttpServer> new_http_server(ServerHandler handler);  // http_server.cc
std::string httplib_library();
PhoneParse parse_phone(std::string_view input, std::string_view default_region);  // phone_numbers.cc
bool is_known_region(std::string_view region);
std::string phonenumber_library();

}  // namespace gomo::ext
