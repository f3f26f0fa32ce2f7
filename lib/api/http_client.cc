#include "api/http_client.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <mutex>
#include <random>
#include <thread>

#include "api/wire.h"
#include "version.h"

namespace gomo::api {
namespace {

std::once_flag curl_init_once;

size_t collect_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// Keeps the Retry-After header of the last response (headers of earlier responses are reset per attempt).
size_t collect_header(char* data, size_t size, size_t count, void* user) {
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (name == "retry-after") {
      std::string value = line.substr(colon + 1);
      auto b = value.find_first_not_of(" \t");
      auto e = value.find_last_not_of(" \t\r\n");
      *static_cast<std::string*>(user) = b == std::string::npos ? "" : value.substr(b, e - b + 1);
    }
  }
  return size * count;
}

std::string host_of(const std::string& url, std::string* scheme) {
  auto sep = url.find("://");
  if (sep == std::string::npos) return "";
  *scheme = url.substr(0, sep);
  std::transform(scheme->begin(), scheme->end(), scheme->begin(), [](unsigned char c) { return std::tolower(c); });
  std::string rest = url.substr(sep + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest[0] == '[') return rest.substr(1, rest.find(']') - 1);
  return rest.substr(0, rest.find(':'));
}

ApiError transport_error(const char* code, std::string message) {
  ApiError e;
  e.code = code;
  e.message = std::move(message);
  return e;
}

// curl failed before the request could have reached a server: safe to send again.
bool never_sent(CURLcode rc) {
  return rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_RESOLVE_PROXY ||
         rc == CURLE_SSL_CONNECT_ERROR;
}

}  // namespace

TokenBucket::TokenBucket(double rate, double burst, Clock::time_point now)
    : rate_(rate), burst_(std::max(1.0, burst)), tokens_(burst_), last_(now) {}

TokenBucket::Clock::duration TokenBucket::reserve(Clock::time_point now) {
  if (rate_ <= 0) return Clock::duration::zero();
  if (now > last_) {
    tokens_ = std::min(burst_, tokens_ + std::chrono::duration<double>(now - last_).count() * rate_);
    last_ = now;
  }
  tokens_ -= 1;  // may go negative: the debt is the wait
  if (tokens_ >= 0) return Clock::duration::zero();
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(-tokens_ / rate_));
}

std::optional<double> parse_retry_after(const std::string& value, std::time_t now) {
  if (value.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(value[0]))) {
    char* end = nullptr;
    double seconds = std::strtod(value.c_str(), &end);
    if (end && *end == '\0' && std::isfinite(seconds)) return std::max(0.0, seconds);
    return std::nullopt;
  }
  std::time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return std::max(0.0, std::difftime(when, now));
}

bool is_loopback_url(const std::string& url) {
  std::string scheme;
  std::string host = host_of(url, &scheme);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  if (host == "localhost" || host == "::1") return true;
  // Only a numeric 127.0.0.0/8 address: a name like "127.example.com" may resolve anywhere.
  in_addr addr{};
  return inet_pton(AF_INET, host.c_str(), &addr) == 1 && (ntohl(addr.s_addr) >> 24) == 127;
}

std::string url_encode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

struct HttpClient::Impl {
  ClientOptions options;
  CURL* curl = nullptr;  // one handle: curl keeps its connections alive between requests
  curl_slist* headers = nullptr;
  TokenBucket bucket{0, 1, TokenBucket::Clock::now()};
  std::mt19937_64 rng{std::random_device{}()};
  ClientStats stats;

  ~Impl() {
    if (headers) curl_slist_free_all(headers);
    if (curl) curl_easy_cleanup(curl);
  }

  std::chrono::milliseconds backoff(int retry) {
    double cap = std::min<double>(options.backoff_max_ms, options.backoff_base_ms * std::pow(2.0, retry));
    // Half fixed, half random ("equal jitter"): spreads clients out without waiting ~0.
    std::uniform_real_distribution<double> jitter(0, cap / 2);
    return std::chrono::milliseconds(static_cast<long long>(cap / 2 + jitter(rng)));
  }
};

HttpClient::HttpClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpClient::~HttpClient() = default;
const ClientOptions& HttpClient::options() const { return impl_->options; }
const ClientStats& HttpClient::stats() const { return impl_->stats; }

Result<std::unique_ptr<HttpClient>> HttpClient::create(ClientOptions options) {
  std::string scheme;
  std::string host = host_of(options.base_url, &scheme);
  if (host.empty() || (scheme != "http" && scheme != "https")) {
    return transport_error("BAD_URL", "base URL must look like https://host/api, got '" + options.base_url + "'");
  }
  if (scheme == "http" && !is_loopback_url(options.base_url) && !options.insecure) {
    return transport_error("INSECURE_URL", "refusing plain http to " + host +
                                               ": the API key would travel in clear; use https, or --insecure");
  }
  while (!options.base_url.empty() && options.base_url.back() == '/') options.base_url.pop_back();
  std::call_once(curl_init_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  auto impl = std::make_unique<Impl>();
  impl->curl = curl_easy_init();
  if (!impl->curl) return transport_error(kNetworkError, "cannot initialise libcurl");
  impl->bucket = TokenBucket(options.rate_limit, std::max(1.0, options.rate_limit), TokenBucket::Clock::now());
  std::string auth = options.bearer ? "Authorization: Bearer " + options.api_key : "x-api-key: " + options.api_key;
  for (const std::string& h : {std::string("Content-Type: application/json"), std::string("Accept: application/json"),
                               auth, std::string("Expect:")}) {
    impl->headers = curl_slist_append(impl->headers, h.c_str());
  }
  CURL* c = impl->curl;
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, impl->headers);
  curl_easy_setopt(c, CURLOPT_USERAGENT, (std::string("gomo/") + version_string()).c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout_ms));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_ms));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, options.insecure ? 0L : 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, options.insecure ? 0L : 2L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect must not carry the key elsewhere
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect_body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
  impl->options = std::move(options);
  return std::unique_ptr<HttpClient>(new HttpClient(std::move(impl)));
}

Result<HttpResponse> HttpClient::send(const std::string& method, const std::string& path, const std::string& body,
                                      Idempotency idempotency) {
  Impl& s = *impl_;
  CURL* c = s.curl;
  std::string url = s.options.base_url + path;
  HttpResponse response;
  bool ambiguous = false;  // an attempt may have reached the server without our seeing the answer
  ApiError last_error = transport_error(kNetworkError, "no attempt made");
  const int attempts = std::max(1, s.options.max_attempts);
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    std::this_thread::sleep_for(s.bucket.reserve(TokenBucket::Clock::now()));
    std::string answer, retry_after;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &retry_after);
    if (method == "GET") {
      curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
      curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, nullptr);
    } else {
      curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    ++s.stats.attempts;
    CURLcode rc = curl_easy_perform(c);
    bool last = attempt == attempts;
    if (rc != CURLE_OK) {
      ++s.stats.network_failures;
      std::string what = std::string(curl_easy_strerror(rc)) + " (" + method + " " + url + ")";
      if (!never_sent(rc)) {
        if (idempotency == Idempotency::kUnsafe) {
          return transport_error(kOutcomeUnknown, what + "; the request may have been applied");
        }
        ambiguous = true;
      }
      last_error = transport_error(kNetworkError, what);
      if (last) break;
      std::this_thread::sleep_for(s.backoff(attempt - 1));
      continue;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    response.body = std::move(answer);
    response.retried_after_ambiguous_failure = ambiguous;
    if ((status != 429 && status != 503) || last) return response;
    ++(status == 429 ? s.stats.throttled : s.stats.unavailable);
    // Throttled or unavailable: the server did not act on the request, so any method may be repeated.
    auto wait = parse_retry_after(retry_after, std::time(nullptr));
    if (wait && *wait > s.options.max_retry_after_s) return response;
    if (wait) {
      std::this_thread::sleep_for(std::chrono::duration<double>(*wait));
    } else {
      std::this_thread::sleep_for(s.backoff(attempt - 1));
    }
  }
  // Only a network failure on the last attempt gets here: every HTTP answer returned above.
  last_error.message += " after " + std::to_string(attempts) + " attempts";
  return last_error;
}

}  // namespace gomo::api
