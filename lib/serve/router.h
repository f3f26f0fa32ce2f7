#pragma once
// The local platform's HTTP surface without the HTTP: the real API's paths under /api, auth by API
// key, JSON bodies checked against the documented fields, status codes and the error envelope.
// server.h puts it on a socket; tests call it directly.
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/platform.h"
#include "api/tenants.h"
#include "ext/module.h"

namespace gomo::serve {

// One part of a multipart/form-data request (file uploads).
using FormPart = ext::FormPart;

struct Request {
  std::string method;  // GET POST PUT PATCH DELETE; HEAD answers as GET (without the body, on the wire)
  std::string path;    // "/api/contact/123", without the query string
  std::map<std::string, std::string> query;  // decoded query parameters
  std::string api_key;                       // from x-api-key or "Authorization: Bearer"; may be empty
  std::string body;                          // raw request body
  bool multipart = false;                    // multipart/form-data: the parts are in `form`
  std::vector<FormPart> form = {};
};

struct Response {
  int status = 200;
  // JSON text (always valid UTF-8); empty for 204; a file's bytes when `headers` name its Content-Type.
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers = {};  // e.g. Allow with a 405
};

// What `gomo serve` answers besides its routes, in the error envelope like everything else:
// 400 INVALID_UTF8 for a path, query parameter or form field that is not UTF-8 (checked before the
// key); 405 METHOD_NOT_ALLOWED with `Allow` for OPTIONS, TRACE, CONNECT and other methods; 404 for
// paths with an empty segment (`/api//contact`, `/api/contact/`), which are not the route's path;
// GET /api/openapi.json, the API's contract (openapi.h), without a key.
inline constexpr const char* kAllowedMethods = "GET, HEAD, POST, PUT, PATCH, DELETE";

class AnswerCache;

class Router {
 public:
  // `tenants` must outlive the router. Thread-safe when `tenants` and its platforms are (the local
  // workspace serialises its connection).
  // `answer_cache`: false answers every read from `tenants` (to measure, or to rule the cache out).
  explicit Router(api::Tenants& tenants, bool answer_cache = true);
  ~Router();
  // Never throws for any request bytes (a failure inside is a 500 in the envelope). Reads of a few
  // paths are answered again from memory while the data is unchanged (answer_cache.h).
  Response handle(const Request& request);
  // How many answers handle() gave from the answer cache (0 without it), for tests.
  size_t answers_from_memory() const;

 private:
  Response route(const Request& request);
  api::Tenants& tenants_;
  std::unique_ptr<AnswerCache> answers_;
};

// The error envelope for `error` at `path`, stamped now. Bytes that are not UTF-8 (in `path`, or in
// a message quoting a stored value) are replaced by U+FFFD. Does not throw.
Response error_response(const api::ApiError& error, const std::string& path);

// The envelope for a request the HTTP transport refused before routing (ext::ServerRequest's
// refused_status: 400, 413, 414, ...); `method` and `path` may be empty. A 400 for a request line
// whose method the transport does not know ("FOO / HTTP/1.1") becomes 405 with Allow, like TRACE.
Response refusal_response(int status, const std::string& method, const std::string& path);

}  // namespace gomo::serve
