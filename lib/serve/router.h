#pragma once
// The local platform's HTTP surface without the HTTP: the real API's paths under /api, auth by API
// key, JSON bodies checked against the documented fields, status codes and the error envelope.
// server.h puts it on a socket; tests call it directly.
#include <map>
#include <string>
#include <vector>

#include "ext/module.h"
#include "store/workspace.h"

namespace gomo::serve {

// One part of a multipart/form-data request (file uploads).
using FormPart = ext::FormPart;

struct Request {
  std::string method;  // GET POST PUT PATCH DELETE
  std::string path;    // "/api/contact/123", without the query string
  std::map<std::string, std::string> query;  // decoded query parameters
  std::string api_key;                       // from x-api-key or "Authorization: Bearer"; may be empty
  std::string body;                          // raw request body
  bool multipart = false;                    // multipart/form-data: the parts are in `form`
  std::vector<FormPart> form = {};
};

struct Response {
  int status = 200;
  std::string body;  // JSON text; empty for 204
};

class Router {
 public:
  // `workspace` must outlive the router. Thread-safe (the workspace serialises its connection).
  explicit Router(store::Workspace& workspace) : workspace_(workspace) {}
  Response handle(const Request& request);

 private:
  store::Workspace& workspace_;
};

// The error envelope for `error` at `path`, stamped now.
Response error_response(const api::ApiError& error, const std::string& path);

}  // namespace gomo::serve
