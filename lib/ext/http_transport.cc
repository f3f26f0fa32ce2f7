// The module's HTTP client transport: one libcurl easy handle per transport (module_abi.h).
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <string>
#include <string_view>

#include "ext/module_parts.h"

// The opaque handle of module_abi.h: one connection, kept alive between exchanges.
struct gomo_ext_http_transport {
  CURL* curl = nullptr;
  curl_slist* headers = nullptr;
  curl_slist* form_headers = nullptr;  // the same without Content-Type (curl writes the multipart one)
  std::string user_agent;
  long timeout_ms = 0;
  char error[CURL_ERROR_SIZE] = {};
};

namespace gomo::ext::inside {
namespace {

// Where the caller wants the text of one exchange.
struct Sink {
  void* user;
  gomo_ext_text_fn text;
};

size_t collect_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  sink->text(sink->user, GOMO_EXT_HTTP_BODY, data, size * count);
  return size * count;
}

// Passes on the Retry-After header of the answer, trimmed.
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
      std::string_view trimmed = b == std::string_view::npos ? std::string_view() : value.substr(b, e - b + 1);
      auto* sink = static_cast<Sink*>(user);
      sink->text(sink->user, GOMO_EXT_HTTP_RETRY_AFTER, trimmed.data(), trimmed.size());
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

gomo_ext_http_transport* transport_new(const gomo_ext_http_options* o) {
  static std::once_flag init_once;
  std::call_once(init_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (!curl) return nullptr;
  auto* t = new gomo_ext_http_transport;
  t->curl = curl;
  for (size_t i = 0; i < o->header_count; ++i) {
    const char* h = o->headers[i];
    t->headers = curl_slist_append(t->headers, h);
    if (std::string_view(h).rfind("Content-Type:", 0) != 0) t->form_headers = curl_slist_append(t->form_headers, h);
  }
  t->user_agent = o->user_agent ? o->user_agent : "";
  t->timeout_ms = o->timeout_ms;
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, t->headers);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, t->user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, o->timeout_ms);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, o->insecure ? 0L : 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, o->insecure ? 0L : 2L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect must not carry the key elsewhere
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, t->error);
  return t;
}

void transport_free(gomo_ext_http_transport* t) {
  if (!t) return;
  curl_slist_free_all(t->headers);
  curl_slist_free_all(t->form_headers);
  curl_easy_cleanup(t->curl);
  delete t;
}

void transport_perform(gomo_ext_http_transport* t, const gomo_ext_http_exchange* x, gomo_ext_http_outcome* out,
                       void* user, gomo_ext_text_fn text) {
  *out = gomo_ext_http_outcome{};
  Sink sink{user, text};
  CURL* curl = t->curl;
  curl_easy_setopt(curl, CURLOPT_URL, x->url);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, x->timeout_ms > 0 ? x->timeout_ms : t->timeout_ms);
  t->error[0] = '\0';
  curl_mime* mime = nullptr;
  const std::string_view method = x->method;
  if (method == "GET") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
  } else if (x->has_form) {
    mime = curl_mime_init(curl);
    for (size_t i = 0; i < x->form_count; ++i) {
      const gomo_ext_form_part& part = x->form[i];
      curl_mimepart* p = curl_mime_addpart(mime);
      curl_mime_name(p, part.name.data);
      curl_mime_data(p, part.value.data, part.value.size);
      if (part.file_name.size > 0) {
        curl_mime_filename(p, part.file_name.data);
        curl_mime_type(p, part.content_type.size == 0 ? "application/octet-stream" : part.content_type.data);
      }
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, t->form_headers);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, x->method);
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
  } else {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, x->method);
    // POSTFIELDS must not be null for an empty body: curl would then read the body from stdin.
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, x->body.data ? x->body.data : "");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(x->body.size));
  }
  CURLcode rc = curl_easy_perform(curl);
  if (mime) {
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, nullptr);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, t->headers);
    curl_mime_free(mime);
  }
  if (rc != CURLE_OK) {
    out->never_sent = never_sent(rc);
    out->certificate_error = certificate_error(rc);
    out->timed_out = rc == CURLE_OPERATION_TIMEDOUT;
    const char* why = t->error[0] ? t->error : curl_easy_strerror(rc);
    text(user, GOMO_EXT_HTTP_ERROR, why, std::string_view(why).size());
    return;
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  out->answered = 1;
  out->status = static_cast<int>(status);
}

}  // namespace

void add_http_transport(gomo_ext_abi& abi) {
  abi.http_transport_new = transport_new;
  abi.http_transport_free = transport_free;
  abi.http_transport_perform = transport_perform;
}

// "libcurl 7.88.1 (OpenSSL/3.0.11)": the TLS library decides which certificates and ciphers work.
std::string curl_library() {
  const curl_version_info_data* v = curl_version_info(CURLVERSION_NOW);
  std::string out = std::string("libcurl ") + v->version;
  if (v->ssl_version) out += std::string(" (") + v->ssl_version + ")";
  return out;
}

}  // namespace gomo::ext::inside
