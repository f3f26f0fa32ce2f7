// The binary's side of the module boundary: ext/module.h's C++ API over the C table of module_abi.h.
// Strings go out as borrowed pointers and come back through callbacks into std::strings of the binary,
// so each side allocates and frees only its own memory.
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "ext/module.h"
#include "ext/module_abi.h"

namespace gomo::ext {
namespace {

gomo_ext_str str(const std::string& s) { return {s.data(), s.size()}; }
gomo_ext_str str(std::string_view s) { return {s.data(), s.size()}; }
std::string text(gomo_ext_str s) { return s.size ? std::string(s.data, s.size) : std::string(); }

gomo_ext_form_part part_of(const FormPart& p) {
  return {str(p.name), str(p.value), str(p.file_name), str(p.content_type)};
}

class ModuleTransport final : public HttpTransport {
 public:
  ModuleTransport(const gomo_ext_abi* abi, gomo_ext_http_transport* handle) : abi_(abi), handle_(handle) {}
  ~ModuleTransport() override { abi_->http_transport_free(handle_); }

  HttpOutcome perform(const HttpExchange& x) override {
    std::vector<gomo_ext_form_part> form;
    if (x.form)
      for (const auto& p : *x.form) form.push_back(part_of(p));
    gomo_ext_http_exchange c{};
    c.method = x.method.c_str();
    c.url = x.url.c_str();
    c.body = str(x.body);
    c.has_form = x.form != nullptr;
    c.form = form.data();
    c.form_count = form.size();
    c.timeout_ms = x.timeout_ms;
    gomo_ext_http_outcome o{};
    HttpOutcome out;
    abi_->http_transport_perform(handle_, &c, &o, &out, [](void* user, int which, const char* data, size_t size) {
      auto& out = *static_cast<HttpOutcome*>(user);
      if (which == GOMO_EXT_HTTP_BODY) out.body.append(data, size);
      if (which == GOMO_EXT_HTTP_RETRY_AFTER) out.retry_after.assign(data, size);
      if (which == GOMO_EXT_HTTP_ERROR) out.error.assign(data, size);
    });
    out.answered = o.answered;
    out.never_sent = o.never_sent;
    out.certificate_error = o.certificate_error;
    out.timed_out = o.timed_out;
    out.status = o.status;
    if (!out.answered) out.body.clear();  // a partial body of a failed exchange means nothing
    return out;
  }

 private:
  const gomo_ext_abi* abi_;
  gomo_ext_http_transport* handle_;
};

class ModuleServer final : public HttpServer {
 public:
  ModuleServer(const gomo_ext_abi* abi, ServerHandler handler) : abi_(abi), handler_(std::move(handler)) {
    handle_ = abi_->http_server_new(&ModuleServer::serve, this);
  }
  ~ModuleServer() override {
    if (handle_) abi_->http_server_free(handle_);
  }
  bool ok() const { return handle_ != nullptr; }

  int bind(const std::string& host, int port) override { return abi_->http_server_bind(handle_, host.c_str(), port); }
  bool listen() override { return abi_->http_server_listen(handle_) != 0; }
  bool running() const override { return abi_->http_server_running(handle_) != 0; }
  void stop() override { abi_->http_server_stop(handle_); }

 private:
  // Runs on the module's worker threads: the request becomes ext::ServerRequest, the answer goes back
  // as C structs borrowed from `reply` for the duration of respond().
  static void serve(void* user, const gomo_ext_server_request* c, void* reply_ctx, gomo_ext_respond_fn respond) {
    auto& self = *static_cast<ModuleServer*>(user);
    ServerReply reply;
    try {
      ServerRequest r;
      r.method = text(c->method);
      r.path = text(c->path);
      for (size_t i = 0; i < c->query_count; ++i) r.query.emplace_back(text(c->query[i].name), text(c->query[i].value));
      r.api_key = text(c->api_key);
      r.authorization = text(c->authorization);
      r.body = text(c->body);
      r.multipart = c->multipart != 0;
      for (size_t i = 0; i < c->form_count; ++i) {
        const gomo_ext_form_part& p = c->form[i];
        r.form.push_back({text(p.name), text(p.value), text(p.file_name), text(p.content_type)});
      }
      r.refused_status = c->refused_status;
      reply = self.handler_(r);
    } catch (const std::exception&) {
      // The handler must not throw (module.h); no exception may cross into the module either.
      reply = ServerReply{};
      reply.status = 500;
      reply.body = R"({"code":"INTERNAL_ERROR","message":"unexpected error","fieldErrors":{},"statusCode":500})";
    }
    std::vector<gomo_ext_header> headers;
    for (const auto& [name, value] : reply.headers) headers.push_back({str(name), str(value)});
    gomo_ext_server_reply out{};
    out.status = reply.status;
    out.body = str(reply.body);
    out.headers = headers.data();
    out.header_count = headers.size();
    out.drop = reply.drop;
    respond(reply_ctx, &out);
  }

  const gomo_ext_abi* abi_;
  ServerHandler handler_;
  gomo_ext_http_server* handle_ = nullptr;
};

}  // namespace

std::vector<std::string> Module::library_versions() const {
  std::vector<std::string> out;
  abi_->libraries(&out, [](void* user, int, const char* data, size_t size) {
    static_cast<std::vector<std::string>*>(user)->emplace_back(data, size);
  });
  return out;
}

std::string Module::libraries() const {
  std::string out;
  for (const auto& library : library_versions()) out += (out.empty() ? "" : ", ") + library;
  return out;
}

std::unique_ptr<HttpTransport> Module::new_http_transport(const HttpTransportOptions& options) const {
  std::vector<const char*> headers;
  for (const auto& h : options.headers) headers.push_back(h.c_str());
  gomo_ext_http_options c{};
  c.user_agent = options.user_agent.c_str();
  c.headers = headers.data();
  c.header_count = headers.size();
  c.insecure = options.insecure;
  c.connect_timeout_ms = options.connect_timeout_ms;
  c.timeout_ms = options.timeout_ms;
  gomo_ext_http_transport* handle = abi_->http_transport_new(&c);
  if (!handle) return nullptr;
  return std::make_unique<ModuleTransport>(abi_, handle);
}

std::unique_ptr<HttpServer> Module::new_http_server(ServerHandler handler) const {
  auto server = std::make_unique<ModuleServer>(abi_, std::move(handler));
  if (!server->ok()) return nullptr;
  return server;
}

namespace {

int reader_code(PhoneReader reader) {
  switch (reader) {
    case PhoneReader::kAuto: return GOMO_EXT_PHONE_AUTO;
    case PhoneReader::kLibphonenumber: return GOMO_EXT_PHONE_LIBPHONENUMBER;
    case PhoneReader::kFastOnly: return GOMO_EXT_PHONE_FAST_ONLY;
  }
  return GOMO_EXT_PHONE_AUTO;
}

// ext::PhoneType is the ABI's numbering.
static_assert(static_cast<int>(PhoneType::kFixedLine) == GOMO_EXT_PHONE_TYPE_FIXED_LINE);
static_assert(static_cast<int>(PhoneType::kMobile) == GOMO_EXT_PHONE_TYPE_MOBILE);
static_assert(static_cast<int>(PhoneType::kTollFree) == GOMO_EXT_PHONE_TYPE_TOLL_FREE);
static_assert(static_cast<int>(PhoneType::kVoicemail) == GOMO_EXT_PHONE_TYPE_VOICEMAIL);
static_assert(static_cast<int>(PhoneType::kUnknown) == GOMO_EXT_PHONE_TYPE_UNKNOWN);

void from_c(const gomo_ext_phone_parse& c, PhoneParse& out) {
  out.stage = c.stage;
  out.reason = c.reason ? c.reason : "";
  out.country_code = c.country_code;
  if (c.stage == 0) {
    out.e164 = c.e164;
  } else {
    out.e164.clear();
  }
  out.fast = c.fast != 0;
  out.type =
      c.stage == 0 && c.type >= 0 && c.type < kPhoneTypeCount ? static_cast<PhoneType>(c.type) : PhoneType::kUnknown;
}

}  // namespace

PhoneParse Module::parse_phone(std::string_view input, std::string_view default_region, PhoneReader reader) const {
  gomo_ext_phone_parse c{};
  abi_->parse_phone(str(input), str(default_region), reader_code(reader), &c);
  PhoneParse out;
  from_c(c, out);
  return out;
}

void Module::parse_phones(const std::vector<std::string_view>& inputs, std::string_view default_region,
                          std::vector<PhoneParse>& out, PhoneReader reader) const {
  std::vector<gomo_ext_str> c_inputs(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) c_inputs[i] = str(inputs[i]);
  std::vector<gomo_ext_phone_parse> c_out(inputs.size());
  abi_->parse_phones(c_inputs.data(), c_inputs.size(), str(default_region), reader_code(reader), c_out.data());
  out.resize(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) from_c(c_out[i], out[i]);
}

bool Module::is_known_region(std::string_view region) const { return abi_->is_known_region(str(region)) != 0; }

}  // namespace gomo::ext
