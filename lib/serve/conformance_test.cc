// The conformance suite (tests/support/conformance.h) through the remote client and gomo serve in
// this process, and: every request body the remote client sends holds only fields the Gomobile docs
// list (Gomobile docs: Contacts to Ad-hoc calls; docs/decisions.md lists the pages).
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "local/local_operations.h"
#include "local/workspace.h"
#include "tests/support/conformance.h"
#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"

namespace gomo::test {

using namespace conformance;  // NOLINT
using nlohmann::json;

TEST_CASE("api conformance: remote client -> gomo serve in process") {
  auto orgs = two_orgs(scratch_dir() + "/workspace.db");
  LocalServer server(*orgs.ws);
  auto p = remote(server.base_url(), orgs.a.api_key);
  auto other = remote(server.base_url(), orgs.b.api_key);
  conformance_suite(*p, *other);
}

TEST_CASE("api: every request body the remote client sends holds only documented fields") {
  // Written from the Gomobile docs, independently of lib/api/wire.cc's own table.
  const std::map<std::string, std::set<std::string>> documented = {
      {"contact",
       {"primaryPhone", "firstName", "lastName", "fullName", "primaryEmail", "address", "city", "state", "zip",
        "occupation", "preferredChannel", "gender", "channels", "customAttributes"}},
      {"upsert", {"data"}},
      {"customAttribute", {"displayName", "description", "type"}},
      {"audience", {"name", "description"}},
      {"audienceContacts", {"contacts"}},
      {"flow", {"name", "description", "graph"}},
      {"flowValidate", {"graph"}},  // the seed's curl example of POST /flows/validate
  };
  auto body_kind = [](const std::string& method, const std::string& path) -> std::string {
    if (path == "/api/contact/upsert") return "upsert";
    if (path.rfind("/api/contact", 0) == 0) return "contact";
    if (path == "/api/custom-attributes") return "customAttribute";
    if (path.find("-contacts") != std::string::npos) return "audienceContacts";
    if (path.rfind("/api/audience", 0) == 0) return "audience";
    if (path == "/api/flows/validate") return "flowValidate";
    if (path.rfind("/api/flows", 0) == 0) return "flow";
    return method + " " + path;
  };
  auto orgs = two_orgs(scratch_dir() + "/workspace.db");
  LocalServer server(*orgs.ws);
  auto p = remote(server.base_url(), orgs.a.api_key);
  auto other = remote(server.base_url(), orgs.b.api_key);
  conformance_suite(*p, *other);
  int bodies = 0;
  std::set<std::string> kinds;
  for (const auto& r : server.records()) {
    if (r.method == "GET" || r.method == "DELETE") {
      CHECK(r.body.empty());
      continue;
    }
    std::string kind = body_kind(r.method, r.path);
    INFO(r.method << " " << r.path << " " << r.body);
    REQUIRE(documented.count(kind));
    kinds.insert(kind);
    auto j = json::parse(r.body);
    REQUIRE(j.is_object());
    auto check_keys = [&](const json& obj, const std::set<std::string>& allowed) {
      for (const auto& [key, value] : obj.items()) CHECK_MESSAGE(allowed.count(key), "undocumented field " << key);
    };
    check_keys(j, documented.at(kind));
    if (kind == "upsert") {
      for (const auto& item : j.at("data")) check_keys(item, documented.at("contact"));
    }
    ++bodies;
  }
  CHECK(bodies > 20);
  CHECK(kinds.size() == documented.size());  // every kind of body was exercised
}

TEST_CASE("api conformance (programs, calls, media): remote -> gomo serve in process; documented bodies") {
  auto orgs = two_orgs(scratch_dir() + "/workspace.db");
  LocalServer server(*orgs.ws);
  auto p = remote(server.base_url(), orgs.a.api_key);
  auto other = remote(server.base_url(), orgs.b.api_key);
  auto dialer = orgs.ws->platform_for(orgs.a.organization.id);
  programs_suite(*p, *other, dynamic_cast<local::LocalOperations&>(*dialer));

  // Written from the Gomobile docs (Programs to Ad-hoc calls), independently of the wire tables.
  const std::set<std::string> program = {"name",    "audienceId",    "flowId",       "startAt",        "stopAt",
                                         "didPool", "retryStrategy", "pauseWindows", "autoPauseRules", "status"};
  const std::set<std::string> call_request = {"didId", "contactId", "flowId", "retry", "startAt"};
  const std::map<std::string, std::set<std::string>> program_retry = {
      {"none", {"type"}},
      {"fixed_delay", {"type", "delayMinutes", "maxRetries"}},
      {"scheduled", {"type", "retryDates"}}};
  const std::map<std::string, std::set<std::string>> call_retry = {
      {"none", {"type"}}, {"fixed-delay", {"type", "delay", "maxRetries"}}, {"scheduled", {"type", "dates"}}};
  auto keys_within = [](const json& obj, const std::set<std::string>& allowed) {
    REQUIRE(obj.is_object());
    for (const auto& [key, value] : obj.items()) CHECK_MESSAGE(allowed.count(key), "undocumented field " << key);
  };
  std::set<std::string> kinds;
  for (const auto& r : server.records()) {
    INFO(r.method << " " << r.path << " " << r.body);
    bool programs = r.path.rfind("/api/programs", 0) == 0, executions = r.path.rfind("/api/program-executions", 0) == 0;
    if (r.method == "GET" || r.method == "DELETE" || r.path.find("/launch") != std::string::npos ||
        r.path.find("/pause") != std::string::npos) {
      CHECK(r.body.empty());
      continue;
    }
    if (programs) {
      json j = json::parse(r.body);
      keys_within(j, program);
      if (j.contains("retryStrategy")) keys_within(j["retryStrategy"], program_retry.at(j["retryStrategy"]["type"]));
      kinds.insert("program");
    } else if (executions && r.path.find("/resume") != std::string::npos) {
      if (!r.body.empty()) keys_within(json::parse(r.body), {"autoPauseRules"});
      kinds.insert("resume");
    } else if (r.path == "/api/call-requests") {
      json j = json::parse(r.body);
      keys_within(j, call_request);
      keys_within(j.at("retry"), call_retry.at(j["retry"]["type"]));
      CHECK(j["retry"]["type"] == "fixed-delay");
      CHECK(j["retry"]["delay"] == 1800000);
      kinds.insert("callRequest");
    }
  }
  CHECK(kinds == std::set<std::string>{"program", "resume", "callRequest"});
}

}  // namespace gomo::test
