#include "remote/http_client.h"

#include <arpa/inet.h>
#include <time.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <mutex>
#include <random>
#include <thread>

#include "api/wire.h"
#include "ext/load.h"
#include "version.h"

namespace gomo::remote {

using api::kNetworkError;
using api::kOutcomeUnknown;
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

std::string status_text(int status) {
  if (status == 429) return "429 Too Many Requests";
  if (status == 503) return "503 Service Unavailable";
  return std::to_string(status);
}

std::string attempts_text(int n) { return std::to_string(n) + (n == 1 ? " attempt" : " attempts"); }

// "1.2s": a wait before a retry.
std::string seconds_text(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fs", seconds);
  return buf;
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
  std::function<void(const RetryNotice&)> observer;

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
void HttpClient::on_retry(std::function<void(const RetryNotice&)> observer) { impl_->observer = std::move(observer); }

std::string describe_retry(const RetryNotice& n) {
  return "retrying " + n.method + " " + n.path + " in " + seconds_text(n.wait_seconds) + " (attempt " +
         std::to_string(n.attempt) + "/" + std::to_string(n.max_attempts) + "): " + n.reason;
}

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
  // Not NETWORK_ERROR: no request was made, and retrying cannot help (ext/load.h). In the binary the
  // load failure handler (cli/main.cc) has already ended the run with exit 70.
  if (!module) return transport_error("INTERNAL_ERROR", module.error().message());
  ext::HttpTransportOptions transport;
  transport.user_agent = std::string("gomo/") + version_string();
  std::string auth = options.bearer ? "Authorization: Bearer " + options.api_key : "x-api-key: " + options.api_key;
  transport.headers = {"Content-Type: application/json", "Accept: application/json", auth, "Expect:"};
  transport.insecure = options.insecure;
  transport.connect_timeout_ms = options.connect_timeout_ms;
  transport.timeout_ms = kAttemptTimeoutMs;  // perform() narrows it to the request's deadline
  auto impl = std::make_unique<Impl>();
  impl->transport = (*module)->new_http_transport(transport);
  if (!impl->transport) return transport_error(kNetworkError, "cannot initialise libcurl");
  impl->bucket = TokenBucket(options.rate_limit, std::max(1.0, options.rate_limit), TokenBucket::Clock::now());
  impl->options = std::move(options);
  return std::unique_ptr<HttpClient>(new HttpClient(std::move(impl)));
}

namespace {

using Clock = std::chrono::steady_clock;

// The request loop shared by send() and send_form(): retries of throttled and unavailable answers,
// and of network failures where repeating cannot apply the request twice, within the deadline.
Result<HttpResponse> perform(HttpClient::Impl& s, ext::HttpExchange exchange, Idempotency idempotency) {
  const std::string method = exchange.method;
  const std::string path = exchange.url.substr(0, exchange.url.find('?'));
  const std::string url = s.options.base_url + exchange.url;
  exchange.url = url;
  HttpResponse response;
  bool ambiguous = false;  // an attempt may have reached the server without our seeing the answer
  ApiError last_error = transport_error(kNetworkError, "no attempt made");
  std::string last_reason;  // why the last attempt failed: "503 Service Unavailable", or curl's error
  bool last_answered = false;
  const int attempts = std::max(1, s.options.max_attempts);
  const bool bounded = s.options.timeout_ms > 0;
  std::optional<Clock::time_point> deadline;  // set when the first attempt starts
  auto left = [&] { return std::chrono::duration<double>(*deadline - Clock::now()).count(); };
  char timeout_text[32];
  std::snprintf(timeout_text, sizeof timeout_text, "%gs", s.options.timeout_ms / 1000.0);
  // A request that may have been applied, ending without a usable answer, must not read as "not
  // applied": its outcome is unknown (kUnsafe requests never get this far: they stop at once).
  auto unknown_outcome = [&](int tried) {
    return transport_error(kOutcomeUnknown, method + " " + url +
                                                ": an earlier attempt may have been applied (its answer " +
                                                "was lost), then " + (last_answered ? "the platform answered " : "") +
                                                last_reason + " after " + attempts_text(tried) +
                                                "; check before relying on it (repeating this request is safe)");
  };
  auto give_up = [&](int tried, bool out_of_time) -> ApiError {
    if (ambiguous && method != "GET") return unknown_outcome(tried);
    if (out_of_time) {
      return transport_error(kTimeout, std::string("no answer within ") + timeout_text +
                                           " (--timeout): " + (last_answered ? "the platform answered " : "") +
                                           last_reason + " (" + method + " " + url + ") after " + attempts_text(tried));
    }
    last_error.message += " after " + attempts_text(tried);
    return last_error;
  };
  // Waits before attempt `next`, or returns false when it could not start before the deadline.
  auto wait_for_retry = [&](int next, double seconds) {
    if (bounded && seconds >= left()) return false;
    if (s.observer) s.observer(RetryNotice{method, path, next, attempts, seconds, last_reason});
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    return true;
  };
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    std::this_thread::sleep_for(s.bucket.reserve(TokenBucket::Clock::now()));
    if (!deadline) deadline = Clock::now() + std::chrono::milliseconds(std::max(0, s.options.timeout_ms));
    if (bounded) {
      if (left() <= 0) return give_up(attempt - 1, true);
      exchange.timeout_ms = std::max(1L, static_cast<long>(std::ceil(left() * 1000)));
    }
    ++s.stats.attempts;
    ext::HttpOutcome answer = s.transport->perform(exchange);
    bool last = attempt == attempts;
    if (!answer.answered) {
      ++s.stats.network_failures;
      std::string what = answer.error + " (" + method + " " + url + ")";
      if (answer.certificate_error) {
        std::string scheme;
        return transport_error(kCertificateError, "the TLS certificate of " + host_of(url, &scheme) +
                                                      " was refused: " + what +
                                                      "; not retried. Check the base URL and the system's CA "
                                                      "certificates (--insecure skips the check: test servers only)");
      }
      last_reason = answer.error;
      last_answered = false;
      if (!answer.never_sent) {
        if (idempotency == Idempotency::kUnsafe) {
          return transport_error(kOutcomeUnknown, what + "; the request may have been applied");
        }
        ambiguous = true;
      }
      last_error = transport_error(kNetworkError, what);
      // Each attempt may use what is left of the deadline: a timeout near it is the deadline's.
      if (bounded && answer.timed_out && left() < 0.05) return give_up(attempt, true);
      if (last) return give_up(attempt, false);
      if (!wait_for_retry(attempt + 1, std::chrono::duration<double>(s.backoff(attempt - 1)).count())) {
        return give_up(attempt, true);
      }
      continue;
    }
    const int status = answer.status;
    response.status = status;
    response.body = std::move(answer.body);
    response.retried_after_ambiguous_failure = ambiguous;
    if (status != 429 && status != 503) return response;
    ++(status == 429 ? s.stats.throttled : s.stats.unavailable);
    last_reason = status_text(status);
    last_answered = true;
    // Throttled or unavailable: the server did not act on this attempt, so any method may be repeated.
    auto retry_after = parse_retry_after(answer.retry_after, std::time(nullptr));
    bool retry = !last && !(retry_after && *retry_after > s.options.max_retry_after_s);
    if (retry) {
      double wait = retry_after ? *retry_after : std::chrono::duration<double>(s.backoff(attempt - 1)).count();
      retry = wait_for_retry(attempt + 1, wait);
    }
    if (!retry) {
      if (ambiguous && method != "GET") return unknown_outcome(attempt);
      return response;
    }
  }
  return give_up(attempts, false);  // not reached: every attempt returns or continues above
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

}  // namespace gomo::remote
