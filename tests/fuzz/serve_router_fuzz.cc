// `gomo serve`'s request handling without a socket: Router::handle (lib/serve/router.h) over a real
// local workspace (SQLite in a scratch folder), given method, path, query, key and body from the input.
// Router::handle promises never to throw for any request bytes; its answers are JSON (or empty for
// 204) and never 5xx for input alone.
#include <fuzzer/FuzzedDataProvider.h>
#include <unistd.h>
#include <algorithm>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "local/workspace.h"
#include "serve/router.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace gomo;

// The workspace, remade every kInputsPerWorkspace inputs so that what earlier inputs created does not
// slow the later ones down.
constexpr size_t kInputsPerWorkspace = 2000;

// The scratch folder, removed at exit.
std::string g_dir;

struct Server {
  std::unique_ptr<local::Workspace> workspace;
  std::unique_ptr<serve::Router> router;
  std::string key;
  size_t inputs = 0;

  void reopen() {
    router.reset();
    workspace.reset();
    if (g_dir.empty()) {
      char tmpl[] = "/tmp/gomo-fuzz-serve-XXXXXX";
      if (!mkdtemp(tmpl)) fuzz::fail("mkdtemp failed");
      g_dir = tmpl;
      std::atexit([] {
        std::error_code ignored;
        std::filesystem::remove_all(g_dir, ignored);
      });
    }
    std::filesystem::remove_all(g_dir + "/w");
    auto opened = local::Workspace::open(g_dir + "/w/workspace.db");
    if (!opened) fuzz::fail("cannot open a workspace: " + opened.error().message());
    workspace = std::move(opened.value());
    auto org = workspace->create_organization("Fuzz Org");
    if (!org) fuzz::fail("cannot create an organisation: " + org.error().message());
    key = org->api_key;
    router = std::make_unique<serve::Router>(*workspace);
  }
};

Server& server() {
  static Server* s = [] {
    auto* made = new Server;
    made->reopen();
    return made;
  }();
  return *s;
}

const char* const kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "get", ""};
const char* const kSegments[] = {"contact",
                                 "contacts",
                                 "custom-attributes",
                                 "audience",
                                 "add-contacts",
                                 "remove-contacts",
                                 "flows",
                                 "validate",
                                 "programs",
                                 "launch",
                                 "pause",
                                 "resume",
                                 "program-executions",
                                 "program-execution",
                                 "executions",
                                 "report",
                                 "breakdown",
                                 "details",
                                 "call-requests",
                                 "calls",
                                 "call-report",
                                 "dids",
                                 "available",
                                 "audio",
                                 "audios",
                                 "audio-management",
                                 "upload",
                                 "dictionaries",
                                 "metadata",
                                 "users",
                                 "me",
                                 "upsert",
                                 "1",
                                 "0"};
const char* const kQueryKeys[] = {"page", "limit", "search", "sortBy", "sortOrder", "status", "phone", "programId"};

std::string segment(FuzzedDataProvider& in) {
  if (in.ConsumeBool()) return kSegments[in.ConsumeIntegralInRange<size_t>(0, std::size(kSegments) - 1)];
  return in.ConsumeRandomLengthString(24);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Server& s = server();
  if (++s.inputs % kInputsPerWorkspace == 0) s.reopen();
  FuzzedDataProvider in(data, size);
  serve::Request req;
  req.method = kMethods[in.ConsumeIntegralInRange<size_t>(0, std::size(kMethods) - 1)];
  req.path = in.ConsumeBool() ? "/api" : "";
  for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n) req.path += "/" + segment(in);
  for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n) {
    std::string k = in.ConsumeBool() ? kQueryKeys[in.ConsumeIntegralInRange<size_t>(0, std::size(kQueryKeys) - 1)]
                                     : in.ConsumeRandomLengthString(12);
    req.query[k] = in.ConsumeRandomLengthString(24);
  }
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0: req.api_key = ""; break;
    case 1: req.api_key = in.ConsumeRandomLengthString(48); break;
    default: req.api_key = s.key; break;
  }
  if (in.ConsumeIntegralInRange(0, 7) == 0) {
    req.multipart = true;
    for (int n = in.ConsumeIntegralInRange(0, 2); n > 0; --n) {
      serve::FormPart part;
      part.name = in.ConsumeBool() ? "file" : in.ConsumeRandomLengthString(12);
      part.file_name = in.ConsumeRandomLengthString(16);
      part.content_type = in.ConsumeBool() ? "audio/wav" : in.ConsumeRandomLengthString(16);
      part.value = in.ConsumeRandomLengthString(256);
      req.form.push_back(std::move(part));
    }
  }
  req.body = in.ConsumeRemainingBytesAsString();

  serve::Response r = s.router->handle(req);
  if (r.status < 200 || r.status > 599) fuzz::fail("status " + std::to_string(r.status));
  if (r.status >= 500) fuzz::fail(req.method + " " + req.path + ": " + std::to_string(r.status) + " " + r.body);
  // An audio file's bytes come with their own Content-Type; every other answer is JSON.
  bool file = std::any_of(r.headers.begin(), r.headers.end(), [](const auto& h) { return h.first == "Content-Type"; });
  if (r.status != 204 && !file && !nlohmann::json::accept(r.body))
    fuzz::fail(req.method + " " + req.path + ": the answer is not JSON: " + r.body);
  return 0;
}
