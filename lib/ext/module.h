#pragma once
// What the network module offers lib/, as C++: ext::module() (load.h) returns a Module whose calls
// go through the module's C table (module_abi.h; the wrappers are in client.cc). No C++ object
// crosses into the module: the binary's libstdc++ is static, the module's is the system's shared one.
// The logic (retries, rate limits, fault injection, routing) stays in the binary; the module only
// moves bytes.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ext/phone_type.h"

struct gomo_ext_abi;  // module_abi.h

namespace gomo::ext {

// One part of a multipart/form-data body: a plain field, or a file when `file_name` is set.
struct FormPart {
  std::string name, value;
  std::string file_name;     // non-empty: `value` is the file's bytes
  std::string content_type;  // of a file part; empty: application/octet-stream
};

// ---- HTTP client (libcurl) ----

struct HttpTransportOptions {
  std::string user_agent;
  std::vector<std::string> headers;  // "Name: value", sent with every request
  bool insecure = false;             // no TLS verification
  long connect_timeout_ms = 10000, timeout_ms = 30000;
};

struct HttpExchange {
  std::string method;  // GET POST PUT PATCH DELETE
  std::string url;
  std::string body;                             // JSON; ignored for GET and when `form` is set
  const std::vector<FormPart>* form = nullptr;  // multipart/form-data body (POST)
  long timeout_ms = 0;  // limit of this exchange, connecting included; 0: the transport's timeout_ms
};

struct HttpOutcome {
  bool answered = false;           // an HTTP status line came back
  bool never_sent = false;         // failed before the request could reach a server (safe to repeat)
  bool certificate_error = false;  // the server's TLS certificate was refused (or could not be checked)
  bool timed_out = false;          // the exchange's time limit ran out
  std::string error;               // when not answered: libcurl's description (its error buffer when set)
  int status = 0;
  std::string body;
  std::string retry_after;  // the Retry-After header of the answer, trimmed
};

// One connection, kept alive between exchanges. Not thread-safe.
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual HttpOutcome perform(const HttpExchange& exchange) = 0;
};

// ---- HTTP server (cpp-httplib) ----

// Limits of the server transport: a larger body is refused with 413 (read and discarded first), a
// longer request line ("GET /path?query HTTP/1.1") with 414, a longer header line with 400. README.md
// lists them ("Limits", under Validating flows, and the table under `gomo serve`): keep them in step.
inline constexpr std::size_t kServerMaxBodyBytes = 32 << 20;
inline constexpr std::size_t kServerMaxRequestLine = 8192;  // cpp-httplib's CPPHTTPLIB_REQUEST_URI_MAX_LENGTH

struct ServerRequest {
  std::string method, path;                                // path without the query string
  std::vector<std::pair<std::string, std::string>> query;  // decoded
  std::string api_key;                                     // x-api-key header
  std::string authorization;                               // Authorization header
  std::string body;
  bool multipart = false;  // multipart/form-data: the parts are in `form`
  std::vector<FormPart> form;
  // Non-zero when the transport refused the request before it could be routed (400 not HTTP, 413 body
  // too large, 414 request line too long, 416 bad Range): the handler only words the answer, and
  // method and path are empty when the request line could not be read.
  int refused_status = 0;
};

struct ServerReply {
  int status = 200;
  std::string body;  // JSON; empty: no body
  std::vector<std::pair<std::string, std::string>> headers;
  bool drop = false;  // send the headers, then close the connection before the body (fault injection)
};

// Called from the server's worker threads; must be thread-safe and must not throw.
using ServerHandler = std::function<ServerReply(const ServerRequest&)>;

class HttpServer {
 public:
  virtual ~HttpServer() = default;
  // Binds `host`:`port` (0: any free port); returns the port, or -1.
  virtual int bind(const std::string& host, int port) = 0;
  // Serves until stop(); false on a socket error.
  virtual bool listen() = 0;
  virtual bool running() const = 0;
  virtual void stop() = 0;
};

// ---- phone numbers (libphonenumber) ----

// What libphonenumber made of a number; contacts/phone.cc turns it into reasons and messages.
struct PhoneParse {
  // Where it was refused: 0 accepted; 1 Parse(); 2 IsPossibleNumberWithReason(); 3 IsValidNumber();
  // -1 only with PhoneReader::kFastOnly, when the fast reader declined. The fast reader gives the stage
  // libphonenumber would.
  int stage = 0;
  // Stage 1: invalid_country_code, not_a_number, too_short, too_long. Stage 2: invalid_country_code,
  // too_short, too_long, invalid_length. Stage 3: invalid_number. "" when accepted.
  std::string reason;
  int country_code = 0;                  // from stage 2 on
  std::string e164;                      // when accepted: "+212612345678"
  bool fast = false;                     // the fast reader decided, not libphonenumber
  PhoneType type = PhoneType::kUnknown;  // when accepted: GetNumberType's answer; else kUnknown
};

// Which reader parses: kAuto, the fast reader for the common shapes and libphonenumber for the rest (the
// same answers; lib/contacts/phone_diff_test.cc); kLibphonenumber alone; kFastOnly, the fast reader alone
// (stage -1 when it declines). kAuto is for everyone; the other two are for tests and benchmarks.
enum class PhoneReader { kAuto, kLibphonenumber, kFastOnly };

// The loaded module's entry points. Cheap to copy; valid until exit (the module is never unloaded).
class Module {
 public:
  explicit Module(const gomo_ext_abi* abi) : abi_(abi) {}
  // "name version" of each library inside: libcurl (with its TLS library), cpp-httplib, libphonenumber, RE2,
  // date-tz.
  std::vector<std::string> library_versions() const;
  // The same, joined with ", ".
  std::string libraries() const;
  // Null when libcurl cannot be initialised.
  std::unique_ptr<HttpTransport> new_http_transport(const HttpTransportOptions& options) const;
  std::unique_ptr<HttpServer> new_http_server(ServerHandler handler) const;
  // `default_region` applies to numbers without a leading + or international prefix. Thread-safe.
  PhoneParse parse_phone(std::string_view input, std::string_view default_region,
                         PhoneReader reader = PhoneReader::kAuto) const;
  // parse_phone of each input, in one call across the module boundary; `out` is resized to match.
  void parse_phones(const std::vector<std::string_view>& inputs, std::string_view default_region,
                    std::vector<PhoneParse>& out, PhoneReader reader = PhoneReader::kAuto) const;
  bool is_known_region(std::string_view region) const;
  // The C table, for the wrappers of ext/time_zone.h (time_zone.cc); lib/ calls those, not this.
  const gomo_ext_abi* abi() const { return abi_; }

 private:
  const gomo_ext_abi* abi_;
};

}  // namespace gomo::ext
