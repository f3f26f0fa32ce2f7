// `gomo serve` through the binary: --init, loopback only, auth, the error envelope on the wire, and
// hostile requests (bytes that are not UTF-8, nulls, odd methods and paths, limits) over raw sockets.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "remote/http_client.h"
#include "tests/support/raw_http.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using nlohmann::json;

TEST_CASE("cli: serve --init prints a new key once, on stdout alone") {
  std::string dir = scratch_dir();
  auto r = run_gomo({"serve", "--init", "--org-name", "Acme"}, "", {}, dir);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.size() == 46);  // "gomo_" + 40 hex + newline
  CHECK(r.out.rfind("gomo_", 0) == 0);
  CHECK(r.err.find("shown only this once") != std::string::npos);
  CHECK(r.err.find(r.out.substr(0, 45)) == std::string::npos);
  // The default workspace is .gomo/workspace.db in the current directory, and holds no key.
  std::string db = read_file(dir + "/.gomo/workspace.db");
  CHECK_FALSE(db.empty());
  CHECK(db.find(r.out.substr(0, 45)) == std::string::npos);
  // A second --init would make keyless commands ambiguous: refused, with what to do instead.
  auto second = run_gomo({"serve", "--init"}, "", {}, dir);
  CHECK(second.exit_code == 2);
  CHECK(second.out.empty());
  CHECK(second.err.find("already has organisation \"Acme\" (acme); nothing created") != std::string::npos);
  auto added = run_gomo({"serve", "--init", "--add-org"}, "", {}, dir);
  REQUIRE(added.exit_code == 0);
  CHECK(added.out != r.out);
}

TEST_CASE("cli: serve refuses non-loopback addresses and bad flags with exit 2") {
  std::string ws = scratch_dir() + "/ws.db";
  auto remote = run_gomo({"serve", "--listen", "0.0.0.0:0", "--workspace", ws});
  CHECK(remote.exit_code == 2);
  CHECK(remote.err.find("--allow-remote") != std::string::npos);
  CHECK(run_gomo({"serve", "--listen", "127.example.com:0", "--workspace", ws}).exit_code == 2);
  CHECK(run_gomo({"serve", "--listen", "nonsense", "--workspace", ws}).exit_code == 2);
  CHECK(run_gomo({"serve", "--rate-limit", "fast", "--workspace", ws}).exit_code == 2);
  CHECK(run_gomo({"serve", "--fail-rate", "2", "--workspace", ws}).exit_code == 2);
}

TEST_CASE("cli: serve answers 401 without a key, 404 for unknown routes, with the envelope") {
  std::string ws = scratch_dir() + "/ws.db";
  auto init = run_gomo({"serve", "--init", "--workspace", ws});
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, 45);
  ServeProcess server({"--workspace", ws});
  REQUIRE(server.started());

  auto anonymous = remote::HttpClient::create(test_client_options(server.base_url(), ""));
  REQUIRE(anonymous);
  auto r = (*anonymous)->send("GET", "/users/me", "", remote::Idempotency::kSafe);
  REQUIRE(r);
  CHECK(r->status == 401);
  auto envelope = json::parse(r->body);
  for (const char* field :
       {"code", "message", "fieldErrors", "fieldDetails", "statusCode", "error", "timestamp", "path"}) {
    CHECK_MESSAGE(envelope.contains(field), field);
  }
  CHECK(envelope.at("path") == "/api/users/me");

  auto client = remote::HttpClient::create(test_client_options(server.base_url(), key));
  REQUIRE(client);
  auto me = (*client)->send("GET", "/users/me", "", remote::Idempotency::kSafe);
  REQUIRE(me);
  CHECK(me->status == 200);
  auto missing = (*client)->send("GET", "/programs-that-do-not-exist", "", remote::Idempotency::kSafe);
  REQUIRE(missing);
  CHECK(missing->status == 404);
  auto extra = (*client)->send("POST", "/contact", R"({"primaryPhone":"+212600000001","notes":"x"})",
                               remote::Idempotency::kUnsafe);
  REQUIRE(extra);
  CHECK(extra->status == 400);
  CHECK(json::parse(extra->body).at("fieldErrors").at("notes").at(0) == "property notes should not exist");
  std::string err;
  CHECK(server.stop(&err) == 0);  // SIGTERM stops it cleanly
  CHECK(err.find("stopped") != std::string::npos);
}

TEST_CASE("cli: serve exits 5 when the port is taken, even by another gomo serve") {
  ServeProcess first({"--workspace", scratch_dir() + "/a.db"});
  REQUIRE(first.started());
  std::string port = first.base_url().substr(std::string("http://127.0.0.1:").size());
  port = port.substr(0, port.find('/'));
  auto second =
      run_gomo({"serve", "--listen", "127.0.0.1:" + port, "--workspace", scratch_dir() + "/b.db"}, "", {}, "", 10);
  CHECK(second.exit_code == 5);
  CHECK(second.err.find("cannot listen") != std::string::npos);
}

TEST_CASE("cli: serve warns when the workspace has no organisation") {
  ServeProcess server({"--workspace", scratch_dir() + "/empty.db"});
  REQUIRE(server.started());
  std::string err;
  server.stop(&err);
  CHECK(err.find("gomo serve --init") != std::string::npos);
}

namespace {

// A workspace with one organisation, served by the binary with -v; the key in `key`.
struct Served {
  std::string ws = scratch_dir() + "/ws.db";
  std::string key;
  std::unique_ptr<ServeProcess> server;
  Served() {
    auto init = run_gomo({"serve", "--init", "--workspace", ws});
    REQUIRE(init.exit_code == 0);
    key = init.out.substr(0, 45);
    server = std::make_unique<ServeProcess>(std::vector<std::string>{"--workspace", ws, "-v"});
    REQUIRE(server->started());
  }
  // One request on its own connection: "METHOD TARGET", extra header lines, a body (Content-Length
  // is added when `body` is set).
  RawAnswer send(const std::string& line, const std::string& headers = "", const std::string* body = nullptr,
                 bool head = false) {
    std::string request = line + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + key + "\r\n" + headers;
    if (body) request += "Content-Length: " + std::to_string(body->size()) + "\r\n";
    request += "Connection: close\r\n\r\n";
    if (body) request += *body;
    return raw_http(server->port(), request, head);
  }
  // The server still answers (it did not abort).
  bool alive() { return send("GET /api/users/me").status == 200; }
};

// The platform's error envelope with `status` and `code`, as JSON.
void check_envelope(const RawAnswer& a, int status, const std::string& code) {
  CHECK(a.status == status);
  CHECK(a.header("Content-Type") == "application/json; charset=utf-8");
  auto j = json::parse(a.body, nullptr, false);
  REQUIRE_MESSAGE(j.is_object(), a.body);
  CHECK(j.at("code") == code);
  CHECK(j.at("statusCode") == status);
  CHECK(j.at("message").is_string());
  CHECK(j.at("fieldErrors").is_object());
}

}  // namespace

TEST_CASE("cli: serve answers bytes that are not UTF-8 with 400 INVALID_UTF8 and keeps serving") {
  Served s;
  // One unauthenticated GET /%FF used to abort the server (SIGABRT).
  check_envelope(raw_http(s.server->port(), "GET /%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                 "INVALID_UTF8");
  REQUIRE(s.alive());
  check_envelope(s.send("GET /api/contact/%FF"), 400, "INVALID_UTF8");
  check_envelope(s.send("GET /api/contact/\xFF"), 400, "INVALID_UTF8");    // a raw byte in the request line
  check_envelope(s.send("GET /api/contact/%C0%AF"), 400, "INVALID_UTF8");  // an overlong "/"
  auto key = s.send("GET /api/contact?%FF=1");
  check_envelope(key, 400, "INVALID_UTF8");
  auto value = s.send("GET /api/contact?search=caf%E9");
  check_envelope(value, 400, "INVALID_UTF8");
  CHECK(json::parse(value.body).at("fieldErrors").at("search").at(0) == "search must be valid UTF-8");
  CHECK(s.send("GET /api/contact?search=caf%C3%A9").status == 200);
  // A multipart text field and a file name.
  auto upload = [&](const std::string& title, const std::string& file_name) {
    std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
                       "\"\r\nContent-Type: audio/mpeg\r\n\r\nID3\x04rest\r\n--XyZ\r\n"
                       "Content-Disposition: form-data; name=\"title\"\r\n\r\n" +
                       title + "\r\n--XyZ--\r\n";
    return s.send("POST /api/audio-management/upload", "Content-Type: multipart/form-data; boundary=XyZ\r\n", &body);
  };
  auto title = upload("Bad \xFF title", "a.mp3");
  check_envelope(title, 400, "INVALID_UTF8");
  CHECK(json::parse(title.body).at("fieldErrors").at("title").at(0) == "title must be valid UTF-8");
  check_envelope(upload("Fine", "caf\xE9.mp3"), 400, "INVALID_UTF8");
  CHECK(upload("Bienvenue \xC3\xA0 vous", "a.mp3").status == 201);
  auto list = s.send("GET /api/audio-management/audios");
  REQUIRE(list.status == 200);
  CHECK(json::parse(list.body).at("data").size() == 1);
  // A JSON body that is not UTF-8 is not JSON.
  std::string bad_json = "{\"primaryPhone\":\"+212600000009\",\"firstName\":\"\xFF\xFE\"}";
  check_envelope(s.send("POST /api/contact", "Content-Type: application/json\r\n", &bad_json), 400, "INVALID_JSON");
  CHECK(s.alive());
  std::string err;
  CHECK(s.server->stop(&err) == 0);
  CHECK(err.find("GET /\\xFF 400") != std::string::npos);  // logged, with the byte escaped
  CHECK(err.find(s.key) == std::string::npos);
}

TEST_CASE("cli: serve answers null for a required field with 400 naming it") {
  Served s;
  std::string attribute = R"({"displayName":"Plan","type":null})";
  auto a = s.send("POST /api/custom-attributes", "Content-Type: application/json\r\n", &attribute);
  check_envelope(a, 400, "VALIDATION_FAILED");
  CHECK(json::parse(a.body).at("fieldErrors").at("type").at(0) == "type should not be empty");
  std::string audience = R"({"name":"Everyone"})";
  auto created = s.send("POST /api/audience", "Content-Type: application/json\r\n", &audience);
  REQUIRE(created.status == 201);
  std::string id = json::parse(created.body).at("id");
  std::string contacts = R"({"contacts":null})";
  auto add = s.send("POST /api/audience/" + id + "/add-contacts", "Content-Type: application/json\r\n", &contacts);
  check_envelope(add, 400, "VALIDATION_FAILED");
  CHECK(json::parse(add.body).at("fieldErrors").at("contacts").at(0) == "contacts should not be empty");
  CHECK(s.alive());
}

TEST_CASE("cli: serve puts every answer in the envelope: limits, methods, paths, bodiless requests") {
  Served s;
  const int port = s.server->port();
  // 414: the request line is longer than 8192 bytes.
  check_envelope(s.send("GET /api/" + std::string(9000, 'a')), 414, "URI_TOO_LONG");
  // 413: a body over 32 MiB (read and discarded, then refused).
  std::string big(33u << 20, ' ');
  check_envelope(s.send("POST /api/contact", "Content-Type: application/json\r\n", &big), 413, "PAYLOAD_TOO_LARGE");
  // The same cap for a chunked body, which httplib 0.11 reads without one; a small one still works.
  auto chunked = [&](const std::string& data) {
    std::string body;
    for (size_t at = 0; at < data.size(); at += 1 << 20) {
      size_t n = std::min<size_t>(1 << 20, data.size() - at);
      char size[32];
      std::snprintf(size, sizeof size, "%zx\r\n", n);
      body += size + data.substr(at, n) + "\r\n";
    }
    body += "0\r\n\r\n";
    return raw_http(port, "POST /api/contact HTTP/1.1\r\nHost: x\r\nx-api-key: " + s.key +
                              "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                              "Connection: close\r\n\r\n" +
                              body);
  };
  check_envelope(chunked(big), 413, "PAYLOAD_TOO_LARGE");
  CHECK(chunked(R"({"primaryPhone":"+212612345670"})").status == 201);
  // Not HTTP at all.
  check_envelope(raw_http(port, "\x16\x03\x01 hello\r\n\r\n"), 400, "BAD_REQUEST");
  // Methods without routes: 405 with Allow, whether httplib knows the method or not.
  for (const char* m : {"OPTIONS", "TRACE", "CONNECT", "FOO"}) {
    CAPTURE(m);
    auto a = s.send(std::string(m) + " /api/contact");
    check_envelope(a, 405, "METHOD_NOT_ALLOWED");
    CHECK(a.header("Allow") == "GET, HEAD, POST, PUT, PATCH, DELETE");
  }
  // HEAD: GET's status and headers, no body.
  auto head = s.send("HEAD /api/users/me", "", nullptr, true);
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(head.header("Content-Length") == std::to_string(s.send("GET /api/users/me").body.size()));
  CHECK(s.send("HEAD /api/nothing", "", nullptr, true).status == 404);
  // Empty path segments are not the route.
  check_envelope(s.send("GET /api//contact"), 404, "NOT_FOUND");
  check_envelope(s.send("GET /api/contact/"), 404, "NOT_FOUND");
  // A Range header does not cut the JSON.
  auto ranged = s.send("GET /api/users/me", "Range: bytes=0-10\r\n");
  CHECK(ranged.status == 200);
  CHECK(json::parse(ranged.body, nullptr, false).is_object());
  // POST and PATCH that declare no body are answered at once (httplib waited 5 s for the connection
  // to close, then sent an empty 400), in the envelope, and logged.
  auto launch = s.send("POST /api/programs/00000000-0000-4000-8000-000000000001/launch");
  check_envelope(launch, 404, "NOT_FOUND");
  auto pause = s.send("PATCH /api/program-executions/00000000-0000-4000-8000-000000000001/pause");
  check_envelope(pause, 404, "NOT_FOUND");
  std::string no_body;
  check_envelope(s.send("POST /api/programs/x/launch", "", &no_body), 404, "NOT_FOUND");  // Content-Length: 0
  CHECK(s.alive());
  std::string err;
  CHECK(s.server->stop(&err) == 0);
  for (const char* line :
       {"- - 414", "POST /api/contact 413", "OPTIONS /api/contact 405", "FOO - 405", "HEAD /api/users/me 200",
        "GET /api//contact 404", "POST /api/programs/00000000-0000-4000-8000-000000000001/launch 404",
        "PATCH /api/program-executions/00000000-0000-4000-8000-000000000001/pause 404"}) {
    CHECK_MESSAGE(err.find(line) != std::string::npos, line);
  }
  CHECK(err.find(s.key) == std::string::npos);
}

TEST_CASE("cli: an audio row an older gomo stored with bytes that are not UTF-8 still lists, served and local") {
  std::string dir = scratch_dir();
  std::string ws = dir + "/.gomo/workspace.db";
  auto init = run_gomo({"serve", "--init", "--workspace", ws});
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, 45);
  {
    ServeProcess server({"--workspace", ws});
    REQUIRE(server.started());
    std::string body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp3\"\r\n"
        "Content-Type: audio/mpeg\r\n\r\nID3\x04rest\r\n--XyZ\r\n"
        "Content-Disposition: form-data; name=\"title\"\r\n\r\nPOISONED-TITLE-0123\r\n--XyZ--\r\n";
    auto up = raw_http(server.port(), "POST /api/audio-management/upload HTTP/1.1\r\nHost: x\r\nx-api-key: " + key +
                                          "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " +
                                          std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    REQUIRE(up.status == 201);
    REQUIRE(server.stop() == 0);
  }
  // What gomo before this check let through: the same bytes, in place, in the stopped workspace.
  std::string bytes = read_file(ws);
  auto at = bytes.find("POISONED-TITLE-0123");
  REQUIRE(at != std::string::npos);
  bytes.replace(at, 19, "POISONED-\xFF\xFE\xC3LE-0123");
  write_file(dir + "/.gomo", "workspace.db", bytes);
  const std::string repaired = "POISONED-\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDLE-0123";

  auto local = run_gomo({"audio", "list", "-o", "json"}, "", {"GOMO_API_KEY="}, dir);
  REQUIRE_MESSAGE(local.exit_code == 0, local.err);
  CHECK(json::parse(local.out).at(0).at("title") == repaired);
  ServeProcess server({"--workspace", ws});
  REQUIRE(server.started());
  auto list = raw_http(server.port(), "GET /api/audio-management/audios HTTP/1.1\r\nHost: x\r\nx-api-key: " + key +
                                          "\r\nConnection: close\r\n\r\n");
  REQUIRE(list.status == 200);
  CHECK(json::parse(list.body).at("data").at(0).at("title") == repaired);
}

}  // namespace gomo::test
