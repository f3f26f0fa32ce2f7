#pragma once
// The one HTTP client (libcurl, in the extension module: ext/module.h): JSON requests to the platform's base URL with
// auth, a client-side rate limit, retries of throttled/unavailable answers and of idempotent requests after network
// failures, a deadline per request, and connection reuse. Not thread-safe: one client per thread.
#include <chrono>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"
#include "ext/module.h"

namespace gomo::remote {

// Inside remote, Result means api::Result (errors are ApiError), as in the Platform it implements.
using api::ApiError;
using api::Result;

struct ClientOptions {
  std::string base_url;            // e.g. "https://api.gomobile.ma/api"; paths are appended to it
  std::string api_key;             // sent as x-api-key (or Bearer); never logged
  bool bearer = false;             // send "Authorization: Bearer KEY" instead of x-api-key
  bool insecure = false;           // skip TLS verification and allow plain http to any host
  double rate_limit = 10;          // requests per second (the docs' figure); <= 0 means unlimited
  int max_attempts = 5;            // per request, the first included
  int backoff_base_ms = 250;       // wait before the first retry without Retry-After; doubles each time
  int backoff_max_ms = 8000;       // cap of that wait
  int max_retry_after_s = 120;     // a longer Retry-After ends the retries instead of waiting
  int connect_timeout_ms = 10000;  // per attempt (never beyond what is left of timeout_ms)
  // The deadline of one request: its attempts, the waits between them (backoff, Retry-After) and the
  // rate limit's after the first included. No retry starts that could not finish before it; one
  // attempt may use all of it. <= 0: none (each attempt then has kAttemptTimeoutMs).
  int timeout_ms = 60000;
};

// The limit of one attempt when ClientOptions::timeout_ms is <= 0.
inline constexpr int kAttemptTimeoutMs = 30000;

// Error codes of the client itself (besides NETWORK_ERROR and REQUEST_OUTCOME_UNKNOWN, platform.h).
// The request's deadline (ClientOptions::timeout_ms, --timeout) passed before an answer came.
inline constexpr const char* kTimeout = "TIMEOUT";
// The server's TLS certificate was refused (self-signed, expired, another host's, no CA to check it).
inline constexpr const char* kCertificateError = "TLS_CERTIFICATE_ERROR";

// Whether repeating a request can change the outcome. kUnsafe requests (creates) are retried after a
// network failure only when curl proves nothing was sent (connection refused).
enum class Idempotency { kSafe, kUnsafe };

struct HttpResponse {
  int status = 0;
  std::string body;
  // True when an earlier attempt of this request failed after it may have reached the server, so
  // the server may have applied it already (a DELETE answered 404, for instance).
  bool retried_after_ambiguous_failure = false;
};

// One part of a multipart/form-data body (file uploads).
using FormPart = ext::FormPart;

// A retry about to be made (for -v): the request, which attempt comes next, after how long, and why.
struct RetryNotice {
  std::string method;  // "POST"
  std::string path;    // "/contact", relative to the base URL, without the query string
  int attempt = 0;     // the attempt about to be made: 2 for the first retry
  int max_attempts = 0;
  double wait_seconds = 0;
  std::string reason;  // "503 Service Unavailable", "429 Too Many Requests", or the network error
};
// "retrying POST /contact in 1.2s (attempt 2/5): 503 Service Unavailable". Never holds the key.
std::string describe_retry(const RetryNotice& notice);

// Counters for tests and benchmarks.
struct ClientStats {
  int attempts = 0;          // HTTP requests started
  int throttled = 0;         // 429 answers
  int unavailable = 0;       // 503 answers
  int network_failures = 0;  // attempts that got no complete answer
};

class HttpClient {
 public:
  // Fails (http_status 0, code INSECURE_URL or BAD_URL) unless base_url is https, or http to a
  // loopback host (localhost, 127.0.0.0/8, ::1), or `insecure` is set.
  static Result<std::unique_ptr<HttpClient>> create(ClientOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends `method` to base_url + `path` ("/contact?page=2") with `body` as JSON when non-empty.
  // Any HTTP answer is a value, 4xx and 5xx included, except that 429 and 503 are retried (after
  // Retry-After, else exponential backoff with jitter) while attempts and time remain. Network
  // failures are retried for kSafe requests; they end as ApiError{0, NETWORK_ERROR} (TIMEOUT when
  // options().timeout_ms ran out), or, for a kUnsafe request that may have reached the server, at once
  // as ApiError{0, REQUEST_OUTCOME_UNKNOWN}. A refused TLS certificate is never retried:
  // ApiError{0, TLS_CERTIFICATE_ERROR}. When an attempt of a request other than GET may have been
  // applied and the request then ends without a usable answer (429/503 or a network failure), the
  // result is REQUEST_OUTCOME_UNKNOWN too, never the last attempt's 429/503.
  Result<HttpResponse> send(const std::string& method, const std::string& path, const std::string& body,
                            Idempotency idempotency);
  // POSTs `parts` as multipart/form-data (file uploads), with the same retries as send().
  Result<HttpResponse> send_form(const std::string& path, const std::vector<FormPart>& parts, Idempotency idempotency);

  const ClientOptions& options() const;
  const ClientStats& stats() const;
  // Called before each retry's wait (from the calling thread); null: say nothing.
  void on_retry(std::function<void(const RetryNotice&)> observer);

  struct Impl;

 private:
  explicit HttpClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Token bucket: `rate` tokens per second, holding at most `burst`. Not thread-safe.
class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;
  TokenBucket(double rate, double burst, Clock::time_point now);
  // Takes one token; returns how long the caller must wait before using it (zero if available).
  Clock::duration reserve(Clock::time_point now);

 private:
  double rate_, burst_, tokens_;
  Clock::time_point last_;
};

// Seconds to wait from a Retry-After value: delta-seconds ("3", "1.5") or an HTTP date, relative to
// `now`. Nothing when unparsable; negative waits become 0.
std::optional<double> parse_retry_after(const std::string& value, std::time_t now);

// True for http(s) URLs whose host is localhost, 127.0.0.0/8 or ::1.
bool is_loopback_url(const std::string& url);

// Percent-encodes `s` for a query string value (RFC 3986 unreserved characters kept).
std::string url_encode(const std::string& s);

}  // namespace gomo::remote
