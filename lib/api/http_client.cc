#include "api/http_client.h"

#include <arpa/inet.h>
#include <time.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <mutex>
#include <random>
#include <thread>

#include "api/wire.h"
#include "ext/load.h"
#include "version.h"

namespace gomo::api {
namespace {

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
  // An HTTP date: IMF-fixdate, or the obsolete RFC 850 and asctime forms (RFC 9110 §5.6.7).
  for (const char* format : {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %d %H:%M:%S %Y"}) {
    std::tm tm{};
    const char* end = strptime(value.c_str(), format, &tm);
    if (end && *end == '\0') return std::max(0.0, std::difftime(timegm(&tm), now));
  }
  return std::nullopt;
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
  std::unique_ptr<ext::HttpTransport> transport;  // one connection, kept alive between requests
  TokenBucket bucket{0, 1, TokenBucket::Clock::now()};
  std::mt19937_64 rng{std::random_device{}()};
  ClientStats stats;

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
  auto module = ext::module();
  if (!module) return transport_error(kNetworkError, module.error().message());
  ext::HttpTransportOptions transport;
  transport.user_agent = std::string("gomo/") + version_string();
  std::string auth = options.bearer ? "Authorization: Bearer " + options.api_key : "x-api-key: " + options.api_key;
  transport.headers = {"Content-Type: application/json", "Accept: application/json", auth, "Expect:"};
  transport.insecure = options.insecure;
  transport.connect_timeout_ms = options.connect_timeout_ms;
  transport.timeout_ms = options.timeout_ms;
  auto impl = std::make_unique<Impl>();
  impl->transport = (*module)->new_http_transport(transport);
  if (!impl->transport) return transport_error(kNetworkError, "cannot initialise libcurl");
  impl->bucket = TokenBucket(options.rate_limit, std::max(1.0, options.rate_limit), TokenBucket::Clock::now());
  impl->options = std::move(options);
  return std::unique_ptr<HttpClient>(new HttpClient(std::move(impl)));
}

namespace {

// The request loop shared by send() and send_form(): retries of throttled and unavailable answers,
// and of network failures where repeating cannot apply the request twice.
Result<HttpResponse> perform(HttpClient::Impl& s, ext::HttpExchange exchange, Idempotency idempotency) {
  const std::string& method = exchange.method;
  const std::string url = s.options.base_url + exchange.url;
  exchange.url = url;
  HttpResponse response;
  bool ambiguous = false;  // an attempt may have reached the server without our seeing the answer
  ApiError last_error = transport_error(kNetworkError, "no attempt made");
  const int attempts = std::max(1, s.options.max_attempts);
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    std::this_thread::sleep_for(s.bucket.reserve(TokenBucket::Clock::now()));
    ++s.stats.attempts;
    ext::HttpOutcome answer = s.transport->perform(exchange);
    bool last = attempt == attempts;
    if (!answer.answered) {
      ++s.stats.network_failures;
      std::string what = answer.error + " (" + method + " " + url + ")";
      if (!answer.never_sent) {
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
    const int status = answer.status;
    response.status = status;
    response.body = std::move(answer.body);
    response.retried_after_ambiguous_failure = ambiguous;
    if ((status != 429 && status != 503) || last) return response;
    ++(status == 429 ? s.stats.throttled : s.stats.unavailable);
    // Throttled or unavailable: the server did not act on the request, so any method may be repeated.
    auto wait = parse_retry_after(answer.retry_after, std::time(nullptr));
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

}  // namespace

Result<HttpResponse> HttpClient::send(const std::string& method, const std::string& path, const std::string& body,
                                      Idempotency idempotency) {
  ext::HttpExchange exchange;
  exchange.method = method;
  exchange.url = path;
  exchange.body = body;
  return perform(*impl_, std::move(exchange), idempotency);
}

Result<HttpResponse> HttpClient::send_form(const std::string& path, const std::vector<FormPart>& parts,
                                           Idempotency idempotency) {
  ext::HttpExchange exchange;
  exchange.method = "POST";
  exchange.url = path;
  exchange.form = &parts;
  return perform(*impl_, std::move(exchange), idempotency);
}

}  // namespace gomo::api
