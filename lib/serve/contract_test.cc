// The API contract (issue 16): every operation schemas/openapi.json documents is sent to gomo serve
// (in this process, on 127.0.0.1) and each answer is checked against the document: its status must
// be one the operation documents and its body must match that status's schema (gomo's own JSON
// Schema checker, lib/checks/schema_check.h). Errors too: 400, 401, 404, 409, 429 and 503. The
// committed file must be the generated document.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "checks/schema_check.h"
#include "document/document.h"
#include "serve/openapi.h"
#include "tests/support/conformance.h"
#include "tests/support/raw_http.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"
#include "tests/support/wav_bytes.h"

namespace gomo::test {
namespace {

using nlohmann::json;

// The document, and checks of instances against the schemas it names.
class Contract {
 public:
  explicit Contract(const std::string& text) : doc_(json::parse(text)) {}
  const json& doc() const { return doc_; }

  const json* operation(const std::string& method, const std::string& path) const {
    auto p = doc_["paths"].find(path);
    if (p == doc_["paths"].end()) return nullptr;
    auto o = p->find(method);
    return o == p->end() ? nullptr : &*o;
  }

  // What is wrong with an answer of status `status` and body `body` to `method path`; empty when
  // the document allows it.
  std::vector<std::string> check_answer(const std::string& method, const std::string& path, int status,
                                        const std::string& body, const std::string& content_type) const {
    const std::string where = method + " " + path + " " + std::to_string(status);
    const json* op = operation(method, path);
    if (!op) return {method + " " + path + " is not documented"};
    const json& responses = (*op)["responses"];
    auto r = responses.find(std::to_string(status));
    if (r == responses.end()) return {where + ": status not documented for the operation"};
    json response = *r;
    if (response.contains("$ref")) response = resolve(response["$ref"].get<std::string>());
    if (!response.contains("content")) {
      if (!body.empty()) return {where + ": documented without a body, got " + body.substr(0, 200)};
      return {};
    }
    if (!response["content"].contains("application/json")) {
      // A file: its type must be one the document lists, and it has bytes.
      if (!response["content"].contains(content_type))
        return {where + ": Content-Type " + content_type + " is not one the document lists"};
      if (body.empty()) return {where + ": a file answer without bytes"};
      return {};
    }
    return check(response["content"]["application/json"]["schema"], body, where);
  }

  // What is wrong with `body` as the operation's JSON request body; empty when the document allows it.
  std::vector<std::string> check_request(const std::string& method, const std::string& path,
                                         const std::string& body) const {
    const json* op = operation(method, path);
    if (!op) return {method + " " + path + " is not documented"};
    return check((*op)["requestBody"]["content"]["application/json"]["schema"], body, method + " " + path + " body");
  }

 private:
  json resolve(const std::string& ref) const {
    return doc_.at(json::json_pointer(ref.substr(1)));  // "#/components/responses/X"
  }

  // `instance` (JSON text) against `schema`, its $refs resolved in the document's components.
  std::vector<std::string> check(const json& schema, const std::string& instance, const std::string& where) const {
    json root = schema;
    root["components"] = doc_["components"];  // where "#/components/schemas/X" points
    auto schema_doc = document::read_json("schema.json", root.dump());
    auto inst = document::read_json("answer.json", instance);
    if (!schema_doc->parsed) return {where + ": the document's schema does not parse"};
    if (!inst->parsed) return {where + ": the body is not JSON: " + instance.substr(0, 200)};
    checks::SchemaChecker checker(schema_doc->root);
    std::vector<checks::SchemaViolation> found;
    checker.check(inst->root, found);
    std::vector<std::string> out;
    for (const auto& v : found) {
      out.push_back(where + ": " + (v.at ? document::pointer_of(*v.at) : std::string()) + ": " + v.message + " in " +
                    instance.substr(0, 300));
    }
    return out;
  }

  json doc_;
};

int port_of(const std::string& base_url) {  // http://127.0.0.1:PORT/api
  auto colon = base_url.rfind(':');
  return std::stoi(base_url.substr(colon + 1));
}

struct Call {
  std::string method;     // lower case, as the document
  std::string path;       // the documented path ("/contact/{id}")
  std::string target;     // what is sent ("/contact/123?page=1")
  std::string body = "";  // JSON text, or a multipart body when `content_type` says so
  std::string content_type = "application/json";
};

class Client {
 public:
  Client(int port, const Contract& contract) : port_(port), contract_(contract) {}

  // Sends `call` with `auth` (a header line, or "" for none) and checks the answer against the
  // document; returns the answer's JSON (null for an empty body).
  json send(const Call& call, int expected, const std::string& auth) {
    std::string method = call.method;
    for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string request = method + " /api" + call.target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!auth.empty()) request += auth + "\r\n";
    if (!call.body.empty()) {
      request +=
          "Content-Type: " + call.content_type + "\r\nContent-Length: " + std::to_string(call.body.size()) + "\r\n";
    }
    request += "\r\n" + call.body;
    RawAnswer a = raw_http(port_, request);
    INFO(method << " " << call.target << " " << call.body.substr(0, 200));
    INFO("answer: " << a.status << " " << a.body.substr(0, 400));
    CHECK(a.status == expected);
    for (const auto& problem :
         contract_.check_answer(call.method, call.path, a.status, a.body, a.header("Content-Type")))
      FAIL_CHECK(problem);
    if (a.status == expected && expected < 300) answered.insert(call.method + " " + call.path);
    statuses[call.method + " " + call.path].insert(a.status);
    last_body = a.body;
    return a.body.empty() ? json() : json::parse(a.body, nullptr, false);
  }

  std::string last_body;                          // the last answer's bytes (a file's, say)
  std::set<std::string> answered;                 // operations that got their success status
  std::map<std::string, std::set<int>> statuses;  // every status each operation got

 private:
  int port_;
  const Contract& contract_;
};

std::string multipart_body(const std::string& boundary, const std::string& file) {
  std::string b;
  b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nWelcome\r\n";
  b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"usageType\"\r\n\r\nwelcome\r\n";
  b += "--" + boundary +
       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"welcome.wav\"\r\n"
       "Content-Type: audio/wav\r\n\r\n" +
       file + "\r\n";
  b += "--" + boundary + "--\r\n";
  return b;
}

std::string contract_wav(int samples) { return silent_wav(8000, samples); }

constexpr const char* kGraph =
    R"({"startNodeId":"dial","nodes":[)"
    R"({"id":"dial","type":"dial","label":"Dial","config":{"timeout":30000,"enableAMD":false},)"
    R"("outputs":{"onAnswer":"bye","default":"bye"}},)"
    R"({"id":"bye","type":"hangup","label":"Bye","config":{"reason":"done","hangupType":"normal"}}]})";

constexpr const char* kUnknownId = "00000000-0000-4000-8000-000000000000";

std::string replace_id(std::string path, const std::string& id) {
  auto at = path.find("{id}");
  if (at != std::string::npos) path.replace(at, 4, id);
  return path;
}

}  // namespace

TEST_CASE("api contract: schemas/openapi.json is the generated document") {
  const std::string& generated = serve::openapi_document();
  CHECK_MESSAGE(read_file(source_path("schemas/openapi.json")) == generated,
                "schemas/openapi.json differs from the document gomo serve generates; regenerate it with: "
                "build/cli/gomo serve --print-openapi > schemas/openapi.json");
  json doc = json::parse(generated);
  CHECK(doc["openapi"] == "3.1.0");
  CHECK(doc["paths"]["/openapi.json"]["get"]["security"] == json::array());  // no key needed, and it says so
}

TEST_CASE("api contract: the checks find answers that break the document") {
  // Not vacuous: a $ref the checker could not resolve would accept anything.
  Contract contract(serve::openapi_document());
  auto bad = [&](const char* method, const char* path, int status, const char* body) {
    return !contract.check_answer(method, path, status, body, "application/json").empty();
  };
  CHECK(contract.check_answer("get", "/audio-management/audio/{id}", 200, "RIFF", "audio/wav").empty());
  CHECK_FALSE(contract.check_answer("get", "/audio-management/audio/{id}", 200, "RIFF", "text/html").empty());
  CHECK_FALSE(contract.check_answer("get", "/audio-management/audio/{id}", 200, "", "audio/wav").empty());
  CHECK(bad("get", "/users/me", 200, R"({"id":1})"));
  CHECK(bad("get", "/users/me", 418, "{}"));
  CHECK(bad("get", "/contact", 200, R"({"data":[{"id":"x"}],"meta":{}})"));
  CHECK(bad("get", "/contact/{id}", 404, R"({"code":"NOT_FOUND"})"));
  CHECK(bad("delete", "/contact/{id}", 204, "{}"));
  CHECK(bad("get", "/users/me", 429,
            R"({"code":"TOO_MANY_REQUESTS","message":"x","fieldErrors":{},)"
            R"("fieldDetails":{},"statusCode":"429","error":"X","timestamp":"t","path":"/"})"));
  CHECK_FALSE(bad("get", "/users/me", 429,
                  R"({"code":"TOO_MANY_REQUESTS","message":"x","fieldErrors":{},)"
                  R"("fieldDetails":{},"statusCode":429,"error":"X","timestamp":"t","path":"/"})"));
  CHECK(!contract.check_request("post", "/contact", R"({"primaryPhone":"+212612345678","bogus":1})").empty());
  CHECK(!contract.check_request("post", "/contact", R"({"firstName":"Amina"})").empty());  // phone required
  CHECK(contract.check_request("patch", "/contact/{id}", R"({"firstName":"Amina"})").empty());
  CHECK(!contract
             .check_request("post", "/call-requests",
                            R"({"didId":"d","contactId":"c","flowId":"f",)"
                            R"("retry":{"type":"fixed_delay"}})")
             .empty());
}

TEST_CASE("api contract: every documented operation answers as the document says, errors included") {
  Contract contract(serve::openapi_document());
  auto orgs = conformance::two_orgs(scratch_dir() + "/workspace.db");
  LocalServer server(*orgs.ws);
  Client client(port_of(server.base_url()), contract);
  const std::string key = "x-api-key: " + orgs.a.api_key;
  const std::string bearer = "Authorization: Bearer " + orgs.a.api_key;

  // Every success, in an order that makes the objects the later ones need. Request bodies must
  // match the document's request schemas too.
  std::map<std::string, Call> sent;  // a successful call per operation, for the error rounds below
  auto ok = [&](const std::string& method, const std::string& path, const std::string& target, int status,
                const std::string& body = "", bool use_bearer = false) {
    Call call{method, path, target, body};
    if (!body.empty()) {
      for (const auto& problem : contract.check_request(method, path, body)) FAIL_CHECK(problem);
    }
    sent[method + " " + path] = call;
    return client.send(call, status, use_bearer ? bearer : key);
  };

  sent["get /openapi.json"] = {"get", "/openapi.json", "/openapi.json"};
  CHECK(client.send(sent["get /openapi.json"], 200, "") == json::parse(serve::openapi_document()));
  ok("get", "/users/me", "/users/me", 200, "", true);
  json contact = ok("post", "/contact", "/contact", 201, R"({"primaryPhone":"+212612345678","firstName":"Amina"})");
  const std::string c1 = contact.value("id", "");
  ok("get", "/contact", "/contact", 200);
  json upserted = ok("post", "/contact/upsert", "/contact/upsert", 201,
                     R"({"data":[{"primaryPhone":"+212612345679","city":"Rabat"}]})");
  const std::string c2 = upserted["data"][0].value("id", "");
  ok("get", "/contact/{id}", "/contact/" + c1, 200);
  ok("patch", "/contact/{id}", "/contact/" + c1, 200, R"({"lastName":"Bennani"})");
  ok("put", "/contact/{id}", "/contact/" + c1, 200, R"({"gender":"female"})");
  ok("get", "/custom-attributes", "/custom-attributes", 200);
  ok("post", "/custom-attributes", "/custom-attributes", 201, R"({"displayName":"Age group","type":"text"})");
  json audience = ok("post", "/audience", "/audience", 201, R"({"name":"Contract audience"})");
  const std::string aud = audience.value("id", "");
  ok("get", "/audience", "/audience", 200);
  ok("get", "/audience/{id}", "/audience/" + aud, 200);
  ok("post", "/audience/{id}/add-contacts", "/audience/" + aud + "/add-contacts", 201,
     R"({"contacts":[")" + c1 + R"("]})");
  ok("get", "/audience/{id}/contacts", "/audience/" + aud + "/contacts?page=1&limit=10", 200);
  ok("post", "/flows/validate", "/flows/validate", 201, std::string(R"({"graph":)") + kGraph + "}");
  json flow = ok("post", "/flows", "/flows", 201, std::string(R"({"name":"Contract flow","graph":)") + kGraph + "}");
  const std::string fl = flow.value("id", "");
  json spare = ok("post", "/flows", "/flows", 201, std::string(R"({"name":"Spare flow","graph":)") + kGraph + "}");
  ok("get", "/flows", "/flows", 200, "", true);
  ok("get", "/flows/{id}", "/flows/" + fl, 200);
  ok("put", "/flows/{id}", "/flows/" + fl, 200, R"({"description":"put"})");
  ok("patch", "/flows/{id}", "/flows/" + fl, 200, R"({"description":"patched"})");
  json dids = ok("get", "/dids/available", "/dids/available?isShared=false", 200);
  REQUIRE(!dids["data"].empty());
  const std::string did = dids["data"][0].value("id", "");
  ok("get", "/audio-management/audios", "/audio-management/audios?tags=a,b", 200);
  {
    Call upload{"post", "/audio-management/upload", "/audio-management/upload",
                multipart_body("gomoContractBoundary", contract_wav(800)),
                "multipart/form-data; boundary=gomoContractBoundary"};
    sent["post /audio-management/upload"] = upload;
    json audio = client.send(upload, 201, key);
    const std::string au = audio.value("id", "");
    ok("get", "/audio-management/audio/{id}", "/audio-management/audio/" + au, 200);
    CHECK(client.last_body == contract_wav(800));
    ok("get", "/audio-management/audio/{id}/metadata", "/audio-management/audio/" + au + "/metadata", 200);
    ok("get", "/audio-management/audio/{id}/details", "/audio-management/audio/" + au + "/details", 200);
  }
  ok("get", "/dictionaries", "/dictionaries?includeSystem=true", 200);
  {
    json dictionary = ok("post", "/dictionaries", "/dictionaries", 201, R"({"name":"Contract clips","language":"fr"})");
    const std::string dc = dictionary.value("id", "");
    const std::string boundary = "gomoContractBoundary";
    std::string form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n1\r\n";
    form += "--" + boundary +
            "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"one.wav\"\r\n"
            "Content-Type: audio/wav\r\n\r\n" +
            contract_wav(800) + "\r\n--" + boundary + "--\r\n";
    Call entry{"post", "/dictionaries/{id}/entries", "/dictionaries/" + dc + "/entries", form,
               "multipart/form-data; boundary=" + boundary};
    sent["post /dictionaries/{id}/entries"] = entry;
    json added = client.send(entry, 201, key);
    CHECK(added.value("key", "") == "1");
    ok("get", "/dictionaries/{id}/entries", "/dictionaries/" + dc + "/entries", 200);
  }
  json program = ok("post", "/programs", "/programs", 201,
                    R"({"name":"Contract program","audienceId":")" + aud + R"(","flowId":")" + fl +
                        R"(","retryStrategy":{"type":"fixed_delay","delayMinutes":5,"maxRetries":2},)" +
                        R"("pauseWindows":{"monday":[{"startAt":{"hour":12},"endAt":{"hour":14}}]},)" +
                        R"("autoPauseRules":[{"nodeId":"bye","threshold":100}]})");
  const std::string pr = program.value("id", "");
  ok("get", "/programs", "/programs", 200);
  ok("get", "/programs/{id}", "/programs/" + pr, 200);
  ok("patch", "/programs/{id}", "/programs/" + pr, 200, R"({"name":"Contract program 2"})");
  json launched = ok("post", "/programs/{id}/launch", "/programs/" + pr + "/launch", 201, "{}");
  const std::string ex = launched.value("executionId", "");
  ok("get", "/programs/{id}/executions", "/programs/" + pr + "/executions", 200);
  ok("get", "/program-executions/{id}", "/program-executions/" + ex, 200);
  ok("patch", "/program-executions/{id}/pause", "/program-executions/" + ex + "/pause", 200, "{}");
  ok("patch", "/program-executions/{id}/resume", "/program-executions/" + ex + "/resume", 200,
     R"({"autoPauseRules":[{"nodeId":"bye","threshold":50,"resetOnResume":true}]})");
  ok("get", "/program-execution/{id}/report", "/program-execution/" + ex + "/report", 200);
  ok("get", "/program-execution/{id}/report/breakdown", "/program-execution/" + ex + "/report/breakdown", 200);
  ok("get", "/program-execution/{id}/report/calls", "/program-execution/" + ex + "/report/calls?limit=5", 200);
  json job = ok("post", "/call-requests", "/call-requests", 202,
                R"({"didId":")" + did + R"(","contactId":")" + c1 + R"(","flowId":")" + fl +
                    R"(","retry":{"type":"fixed-delay","delay":60000,"maxRetries":1}})");
  const std::string jb = job.value("jobId", "");
  ok("get", "/call-requests", "/call-requests?contactId=" + c1, 200);
  ok("get", "/call-report/{id}", "/call-report/" + jb, 200);

  // 409: a known phone, a known attribute name, a second launch while one runs, pausing a cancelled
  // execution.
  client.send({"post", "/contact", "/contact", R"({"primaryPhone":"+212612345678"})"}, 409, key);
  client.send({"post", "/custom-attributes", "/custom-attributes", R"({"displayName":"Age group","type":"text"})"}, 409,
              key);
  client.send({"post", "/programs/{id}/launch", "/programs/" + pr + "/launch", ""}, 409, key);
  ok("delete", "/program-executions/{id}", "/program-executions/" + ex, 204);
  client.send({"patch", "/program-executions/{id}/pause", "/program-executions/" + ex + "/pause", ""}, 409, key);
  client.send({"delete", "/program-executions/{id}", "/program-executions/" + ex, ""}, 409, key);

  ok("post", "/audience/{id}/remove-contacts", "/audience/" + aud + "/remove-contacts", 201,
     R"({"contacts":[")" + c1 + R"("]})");
  ok("delete", "/flows/{id}", "/flows/" + spare.value("id", ""), 204);
  ok("delete", "/contact/{id}", "/contact/" + c2, 204);

  // Every documented operation got its success answer (a new path without a case above fails here).
  std::set<std::string> documented;
  for (const auto& [path, item] : contract.doc()["paths"].items()) {
    for (const auto& [method, op] : item.items()) documented.insert(method + " " + path);
  }
  for (const auto& op : documented) CHECK_MESSAGE(client.answered.count(op), op << ": no case sent it");
  CHECK(documented.size() == client.answered.size());

  // 401 for every operation without a key, and with a key nobody has (as a bearer token).
  for (const auto& op : documented) {
    if (op == "get /openapi.json") continue;
    Call call = sent.at(op);
    client.send(call, 401, "");
    client.send(call, 401, "Authorization: Bearer not-a-key");
  }
  // 404 for every operation on an object that does not exist.
  int not_found = 0;
  for (const auto& op : documented) {
    Call call = sent.at(op);
    if (call.path.find("{id}") == std::string::npos) continue;
    call.target = replace_id(call.path, kUnknownId);
    client.send(call, 404, key);
    ++not_found;
  }
  CHECK(not_found > 15);
  // 400 for every request body with a member the document does not list, which the document refuses too.
  for (const auto& op : documented) {
    Call call = sent.at(op);
    if (!contract.operation(call.method, call.path)->contains("requestBody")) continue;
    call.body = R"({"bogus":true})";
    call.content_type = "application/json";
    if (call.path != "/audio-management/upload" && call.path != "/dictionaries/{id}/entries")
      CHECK_FALSE(contract.check_request(call.method, call.path, call.body).empty());
    client.send(call, 400, key);
  }
  // 400 for an undocumented query parameter or a page size beyond the documented maximum.
  client.send({"get", "/contact", "/contact?bogus=1", ""}, 400, key);
  client.send({"get", "/flows", "/flows?limit=101", ""}, 400, key);
  client.send({"get", "/dictionaries", "/dictionaries?includeSystem=maybe", ""}, 400, key);
  client.send({"post", "/contact", "/contact", "{not json"}, 400, key);
}

TEST_CASE("api contract: 429 (gomo serve --rate-limit) and 503 (--fail-rate) answer as documented") {
  Contract contract(serve::openapi_document());
  auto orgs = conformance::two_orgs(scratch_dir() + "/workspace.db");
  const std::string key = "x-api-key: " + orgs.a.api_key;
  {
    serve::FaultOptions faults;
    faults.rate_limit = 1;
    LocalServer server(*orgs.ws, faults);
    Client client(port_of(server.base_url()), contract);
    client.send({"get", "/users/me", "/users/me", ""}, 200, key);
    // The bucket holds one request a second: the next ones, sent at once, are refused.
    client.send({"get", "/users/me", "/users/me", ""}, 429, key);
    client.send({"get", "/contact", "/contact", ""}, 429, key);
    client.send({"get", "/openapi.json", "/openapi.json", ""}, 429, "");
  }
  {
    serve::FaultOptions faults;
    faults.fail_rate = 1;
    LocalServer server(*orgs.ws, faults);
    Client client(port_of(server.base_url()), contract);
    client.send({"get", "/users/me", "/users/me", ""}, 503, key);
    client.send({"post", "/audience", "/audience", R"({"name":"Never made"})"}, 503, key);
  }
}

}  // namespace gomo::test
