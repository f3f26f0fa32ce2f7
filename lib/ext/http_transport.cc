// The module's HTTP client transport: one libcurl easy handle per transport (module.h).
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "ext/module_parts.h"

namespace gomo::ext {
namespace {

size_t collect_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// Keeps the Retry-After header of the answer.
size_t collect_header(char* data, size_t size, size_t count, void* user) {
  std::string_view line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (name == "retry-after") {
      std::string_view value = line.substr(colon + 1);
      auto b = value.find_first_not_of(" \t");
      auto e = value.find_last_not_of(" \t\r\n");
      *static_cast<std::string*>(user) = b == std::string_view::npos ? "" : std::string(value.substr(b, e - b + 1));
    }
  }
  return size * count;
}

// curl failed before the request could have reached a server: safe to send again.
bool never_sent(CURLcode rc) {
  return rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_RESOLVE_PROXY ||
         rc == CURLE_SSL_CONNECT_ERROR;
}

// The server's certificate was refused, or the certificates to check it with are missing: sending
// again cannot help, and must not look like a flaky network.
bool certificate_error(CURLcode rc) {
  return rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_CRL_BADFILE ||
         rc == CURLE_SSL_ISSUER_ERROR || rc == CURLE_SSL_PINNEDPUBKEYNOTMATCH || rc == CURLE_SSL_INVALIDCERTSTATUS ||
         rc == CURLE_SSL_CERTPROBLEM;
}

class CurlTransport : public HttpTransport {
 public:
  CurlTransport(CURL* curl, const HttpTransportOptions& o) : curl_(curl) {
    for (const auto& h : o.headers) {
      headers_ = curl_slist_append(headers_, h.c_str());
      // curl writes the multipart Content-Type itself: form requests go without the JSON one.
      if (h.rfind("Content-Type:", 0) != 0) form_headers_ = curl_slist_append(form_headers_, h.c_str());
    }
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
    curl_easy_setopt(curl_, CURLOPT_USERAGENT, o.user_agent.c_str());
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, o.timeout_ms);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, o.insecure ? 0L : 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, o.insecure ? 0L : 2L);
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect must not carry the key elsewhere
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, collect_header);
    curl_easy_setopt(curl_, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_);
    timeout_ms_ = o.timeout_ms;
  }
  ~CurlTransport() override {
    curl_slist_free_all(headers_);
    curl_slist_free_all(form_headers_);
    curl_easy_cleanup(curl_);
  }

  HttpOutcome perform(const HttpExchange& x) override {
    HttpOutcome out;
    curl_easy_setopt(curl_, CURLOPT_URL, x.url.c_str());
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &out.body);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &out.retry_after);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, x.timeout_ms > 0 ? x.timeout_ms : timeout_ms_);
    error_[0] = '\0';
    curl_mime* mime = nullptr;
    if (x.method == "GET") {
      curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
      curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, nullptr);
    } else if (x.form) {
      mime = curl_mime_init(curl_);
      for (const auto& part : *x.form) {
        curl_mimepart* p = curl_mime_addpart(mime);
        curl_mime_name(p, part.name.c_str());
        curl_mime_data(p, part.value.data(), part.value.size());
        if (!part.file_name.empty()) {
          curl_mime_filename(p, part.file_name.c_str());
          curl_mime_type(p, part.content_type.empty() ? "application/octet-stream" : part.content_type.c_str());
        }
      }
      curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, form_headers_);
      curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, x.method.c_str());
      curl_easy_setopt(curl_, CURLOPT_MIMEPOST, mime);
    } else {
      curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, x.method.c_str());
      curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, x.body.c_str());
      curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(x.body.size()));
    }
    CURLcode rc = curl_easy_perform(curl_);
    if (mime) {
      curl_easy_setopt(curl_, CURLOPT_MIMEPOST, nullptr);
      curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
      curl_mime_free(mime);
    }
    if (rc != CURLE_OK) {
      out.never_sent = never_sent(rc);
      out.certificate_error = certificate_error(rc);
      out.timed_out = rc == CURLE_OPERATION_TIMEDOUT;
      out.error = error_[0] ? error_ : curl_easy_strerror(rc);
      out.body.clear();
      return out;
    }
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    out.answered = true;
    out.status = static_cast<int>(status);
    return out;
  }

 private:
  CURL* curl_;
  curl_slist* headers_ = nullptr;
  curl_slist* form_headers_ = nullptr;
  long timeout_ms_ = 0;
  char error_[CURL_ERROR_SIZE] = {};
};

}  // namespace

std::unique_ptr<HttpTransport> new_http_transport(const HttpTransportOptions& options) {
  static std::once_flag init_once;
  std::call_once(init_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (!curl) return nullptr;
  return std::make_unique<CurlTransport>(curl, options);
}

std::string curl_library() { return std::string("libcurl ") + curl_version_info(CURLVERSION_NOW)->version; }

}  // namespace gomo::ext
