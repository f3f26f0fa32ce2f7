// `gomo contacts get|create|update|delete`, `gomo attributes list|create` and `gomo audiences
// create|list|get|members|add|remove` through the binary: the same script against the local workspace
// and against a real `gomo serve` over loopback. Ids or phones or names, -o json|yaml|table and -q,
// --yes refusal without a terminal, exit codes 2 (usage, ambiguous), 3 (API, not found) and 4 (auth).
#include <doctest/doctest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>

#include "tests/support/serve_support.h"
#include "tests/support/terminal.h"
#include "tests/support/test_support.h"

namespace gomo::test {

namespace {

using nlohmann::json;

// Runs gomo against one target: the extra arguments and environment that point it there.
struct Target {
  std::string name;
  std::vector<std::string> args;
  std::vector<std::string> env;
  std::string summary;  // what the summary line names after "→ "

  RunResult run(std::vector<std::string> a, const std::string& input = "") const {
    a.insert(a.end(), args.begin(), args.end());
    return run_gomo(a, input, env);
  }
  json run_json(std::vector<std::string> a, const std::string& input = "") const {
    a.push_back("-o");
    a.push_back("json");
    auto r = run(a, input);
    INFO(name << ": gomo " << join_args(a) << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  static std::string join_args(const std::vector<std::string>& a) {
    std::string s;
    for (const auto& x : a) s += x + " ";
    return s;
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void attributes_script(const Target& t) {
  INFO("target: " << t.name);
  auto age = t.run_json({"attributes", "create", "--name", "Age", "--type", "number"});
  CHECK(age["name"] == "age");
  CHECK(age["type"] == "number");
  auto plan = t.run({"attributes", "create", "--name", "Plan", "--type", "text", "--description", "Offer"});
  REQUIRE(plan.exit_code == 0);
  CHECK(has(plan.err, "created attribute plan (text) \xE2\x86\x92 " + t.summary));
  auto paid = t.run({"attributes", "create", "--name", "Last payment date", "--type", "date", "-q"});
  REQUIRE(paid.exit_code == 0);
  CHECK(paid.out.size() == 37);  // one id and a newline
  CHECK(paid.err.empty());

  auto twice = t.run({"attributes", "create", "--name", "Age", "--type", "number"});
  CHECK(twice.exit_code == 3);
  CHECK(has(twice.err, "API error 409 CONFLICT"));
  CHECK(t.run({"attributes", "create", "--name", "Colour", "--type", "colour"}).exit_code == 2);

  auto list = t.run({"attributes", "list", "--sort-by", "name", "--sort-order", "asc"});
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.rfind("ID\tNAME\tTYPE\tDISPLAY NAME\tDESCRIPTION\n", 0) == 0);
  CHECK(has(list.out, "\tlast_payment_date\tdate\tLast payment date\t\n"));
  CHECK(has(list.out, "\tplan\ttext\tPlan\tOffer\n"));
  CHECK(t.run_json({"attributes", "list", "--all", "--search", "a"}).size() == 3);
}

void contacts_script(const Target& t) {
  INFO("target: " << t.name);
  auto amina = t.run_json({"contacts", "create", "--phone", "06 12 34 56 78", "--first-name", "Amina", "--city",
                           "Rabat", "--attr", "age=30", "--attr", "plan=20000"});
  CHECK(amina["primaryPhone"] == "+212612345678");
  CHECK(amina["customAttributes"] == json({{"age", 30}, {"plan", "20000"}}));  // plan is text: "20000"
  const std::string amina_id = amina["id"];

  // A YAML body on stdin, and -q: the id alone.
  auto nadia = t.run({"contacts", "create", "-f", "-", "-q"},
                     "primaryPhone: '+212612345679'\nfirstName: Nadia\ncustomAttributes:\n  plan: silver\n");
  REQUIRE(nadia.exit_code == 0);
  const std::string nadia_id = nadia.out.substr(0, nadia.out.size() - 1);
  CHECK(nadia.out == nadia_id + "\n");
  auto created = t.run({"contacts", "create", "--phone", "+33612345678", "--first-name", "Jean"});
  REQUIRE(created.exit_code == 0);
  CHECK(has(created.err, "created contact "));
  CHECK(has(created.err, " +33612345678 \xE2\x86\x92 " + t.summary));

  // Refusals before anything is sent (2), and the platform's (3).
  auto dup = t.run({"contacts", "create", "--phone", "+212612345678"});
  CHECK(dup.exit_code == 3);
  CHECK(has(dup.err, "API error 409"));
  CHECK(has(dup.err, "gomo contacts update +212612345678"));
  auto short_phone = t.run({"contacts", "create", "--phone", "12"});
  CHECK(short_phone.exit_code == 2);
  CHECK(has(short_phone.err, "[too_short]"));
  auto typo = t.run({"contacts", "create", "--phone", "+212612345670", "--attr", "agee=3"});
  CHECK(typo.exit_code == 2);
  CHECK(has(typo.err, "did you mean \"age\"?"));
  CHECK(t.run({"contacts", "create", "--phone", "+212612345670", "--attr", "age=thirty"}).exit_code == 2);
  CHECK(t.run({"contacts", "create", "--first-name", "Nobody"}).exit_code == 2);
  CHECK(t.run({"contacts", "create", "-f", "/nonexistent/contact.yaml"}).exit_code == 2);
  auto extra = t.run({"contacts", "create", "-f", "-"}, R"({"primaryPhone":"+212612345670","mobile":"1"})");
  CHECK(extra.exit_code == 2);
  CHECK(has(extra.err, "property mobile should not exist"));
  auto bad_email = t.run({"contacts", "create", "--phone", "+212612345670", "--email", "nope"});
  CHECK(bad_email.exit_code == 3);
  CHECK(has(bad_email.err, "VALIDATION_FAILED"));

  // get: by id or by phone in any form; -o yaml and the table.
  auto by_id = t.run_json({"contacts", "get", amina_id});
  CHECK(t.run_json({"contacts", "get", "0612345678"}) == by_id);
  auto yaml = t.run({"contacts", "get", "+212 612 345 678", "-o", "yaml"});
  REQUIRE(yaml.exit_code == 0);
  CHECK(has(yaml.out, "firstName: Amina\n"));
  CHECK(has(yaml.out, "id: " + amina_id + "\n"));
  auto table = t.run({"contacts", "get", amina_id, "-o", "table"});
  CHECK(table.out == "ID\tPHONE\tNAME\tCITY\n" + amina_id + "\t+212612345678\tAmina\tRabat\n");
  CHECK(t.run({"contacts", "get", nadia_id, "-q"}).out == nadia_id + "\n");
  auto missing = t.run({"contacts", "get", "+212699999999"});
  CHECK(missing.exit_code == 3);
  CHECK(has(missing.err, "404 NOT_FOUND: Contact with phone +212699999999 not found"));
  CHECK(t.run({"contacts", "get", "3f2b1c4e-0000-4000-8000-00000000abcd"}).exit_code == 3);
  CHECK(t.run({"contacts", "get", "+2126"}).exit_code == 2);
  CHECK(t.run({"contacts", "get", "0612345678", "--region", "XX"}).exit_code == 2);

  // update: only the given fields change; by phone; from an edited `get -o json`.
  // (--attr takes one value per use, so the contact may come after it.)
  auto updated = t.run_json({"contacts", "update", "--last-name", "Alaoui", "--attr", "age=31", "0612345678"});
  CHECK(updated["lastName"] == "Alaoui");
  CHECK(updated["firstName"] == "Amina");
  CHECK(updated["customAttributes"]["age"] == 31);
  CHECK(updated["customAttributes"]["plan"] == "20000");
  json edited = updated;
  edited["city"] = "Casablanca";
  std::string file = write_file(scratch_dir(), "amina.json", edited.dump(2));
  auto from_file = t.run({"contacts", "update", amina_id, "-f", file});
  REQUIRE(from_file.exit_code == 0);
  CHECK(has(from_file.out, "\tCasablanca\n"));
  CHECK(has(from_file.err, "updated contact " + amina_id + " +212612345678"));
  CHECK(t.run({"contacts", "update", amina_id}).exit_code == 2);
  CHECK(t.run({"contacts", "update", "+212699999999", "--city", "Fes"}).exit_code == 3);

  // delete: --yes required without a terminal; every contact found first.
  auto refused = t.run({"contacts", "delete", "+33612345678"});
  CHECK(refused.exit_code == 2);
  CHECK(has(refused.err, "add --yes"));
  CHECK(t.run({"contacts", "get", "+33612345678"}).exit_code == 0);
  auto typo_delete = t.run({"contacts", "delete", "+33612345678", "+212699999999", "--yes"});
  CHECK(typo_delete.exit_code == 3);
  CHECK(t.run({"contacts", "get", "+33612345678"}).exit_code == 0);
  auto deleted = t.run({"contacts", "delete", "+33612345678", "+33 6 12 34 56 78", "--yes"});
  REQUIRE(deleted.exit_code == 0);
  CHECK(has(deleted.err, "deleted 1 contact \xE2\x86\x92 " + t.summary));
  CHECK(t.run({"contacts", "get", "+33612345678"}).exit_code == 3);
  CHECK(t.run_json({"contacts", "list"}).size() == 2);
}

void audiences_script(const Target& t) {
  INFO("target: " << t.name);
  auto vip = t.run_json({"audiences", "create", "--name", "VIP", "--description", "Best customers"});
  CHECK(vip["contactCount"] == 0);
  const std::string vip_id = vip["id"];
  auto more = t.run({"audiences", "create", "--name", "VIP customers"});
  REQUIRE(more.exit_code == 0);
  CHECK(has(more.err, "created audience "));
  CHECK(has(more.err, " \"VIP customers\" \xE2\x86\x92 " + t.summary));
  REQUIRE(t.run({"audiences", "create", "--name", "Twins"}).exit_code == 0);
  REQUIRE(t.run({"audiences", "create", "--name", "Twins"}).exit_code == 0);
  CHECK(t.run({"audiences", "create", "--name", "No"}).exit_code == 3);  // 3-64 characters

  CHECK(t.run_json({"audiences", "list"}).size() == 4);
  auto ids = t.run({"audiences", "list", "--search", "VIP", "-q"});
  CHECK(std::count(ids.out.begin(), ids.out.end(), '\n') == 2);
  auto paged = t.run({"audiences", "list", "--limit", "1"});
  CHECK(has(paged.err, "page 1 of 4 (4 audiences); --page N for more, or --all"));
  CHECK(t.run({"audiences", "list", "--sort-by", "colour"}).exit_code == 2);  // checked before sending

  // get by name or id; ambiguous (2) and unknown (3) names.
  CHECK(t.run_json({"audiences", "get", "VIP"})["id"] == vip_id);
  CHECK(t.run_json({"audiences", "get", vip_id})["name"] == "VIP");
  auto table = t.run({"audiences", "get", "VIP"});
  CHECK(table.out == "ID\tNAME\tCONTACTS\tDESCRIPTION\n" + vip_id + "\tVIP\t0\tBest customers\n");
  auto twins = t.run({"audiences", "get", "Twins"});
  CHECK(twins.exit_code == 2);
  CHECK(has(twins.err, "2 audiences are named \"Twins\""));
  CHECK(has(twins.err, "name one by its id"));
  auto unknown = t.run({"audiences", "get", "VI"});
  CHECK(unknown.exit_code == 3);
  CHECK(has(unknown.err, "404 NOT_FOUND: Audience \"VI\" not found; similar: "));

  // add: phones and ids, from arguments and from a file on stdin.
  const std::string nadia_id = t.run_json({"contacts", "get", "+212612345679"})["id"];
  auto added = t.run({"audiences", "add", "VIP", "0612345678", nadia_id, "-o", "json"});
  REQUIRE(added.exit_code == 0);
  CHECK(json::parse(added.out)["contactCount"] == 2);
  CHECK(has(added.err, "added 2 contacts to audience \"VIP\", now 2 contacts \xE2\x86\x92 " + t.summary));
  auto again = t.run({"audiences", "add", "VIP", "--from-file", "-"}, "# members\n+212612345678\n\n  0612345679 \n");
  REQUIRE(again.exit_code == 0);
  CHECK(has(again.err, "added 0 contacts to audience \"VIP\" (2 already in it), now 2 contacts"));
  CHECK(t.run({"audiences", "add", "VIP"}).exit_code == 2);
  auto stranger = t.run({"audiences", "add", "VIP", "+212600000001"});
  CHECK(stranger.exit_code == 3);
  CHECK(has(stranger.err, "Contact with phone +212600000001 not found"));
  CHECK(t.run({"audiences", "add", "Nope", "+212612345678"}).exit_code == 3);
  CHECK(t.run({"audiences", "add", "VIP", "--from-file", "/nonexistent/ids.txt"}).exit_code == 2);

  // members: contacts of the audience, by name.
  auto members = t.run_json({"audiences", "members", "VIP", "--sort-by", "primaryPhone", "--sort-order", "asc"});
  REQUIRE(members.size() == 2);
  CHECK(members[0]["primaryPhone"] == "+212612345678");
  auto member_ids = t.run({"audiences", "members", vip_id, "--all", "-q"});
  CHECK(std::count(member_ids.out.begin(), member_ids.out.end(), '\n') == 2);
  CHECK(has(t.run({"audiences", "members", "VIP", "--limit", "1"}).err, "page 1 of 2 (2 members)"));

  // remove: --yes required without a terminal.
  auto refused = t.run({"audiences", "remove", "VIP", "+212612345678"});
  CHECK(refused.exit_code == 2);
  CHECK(has(refused.err, "add --yes"));
  CHECK(t.run_json({"audiences", "get", "VIP"})["contactCount"] == 2);
  auto removed = t.run({"audiences", "remove", "VIP", "+212612345678", "--yes", "-o", "json"});
  REQUIRE(removed.exit_code == 0);
  CHECK(json::parse(removed.out)["contactCount"] == 1);
  CHECK(has(removed.err, "removed 1 contact from audience \"VIP\", now 1 contact"));
}

}  // namespace

TEST_CASE("cli: contacts, attributes and audiences against the local workspace and gomo serve") {
  // Two workspaces, so the same script runs against each from an empty start.
  std::string local_dir = scratch_dir(), remote_dir = scratch_dir();
  REQUIRE(run_gomo({"serve", "--init"}, "", {}, local_dir).exit_code == 0);
  auto init = run_gomo({"serve", "--init"}, "", {}, remote_dir);
  REQUIRE(init.exit_code == 0);
  const std::string key = init.out.substr(0, 45);
  const std::string local_ws = local_dir + "/.gomo/workspace.db";
  ServeProcess server({"--workspace", remote_dir + "/.gomo/workspace.db"});
  REQUIRE(server.started());

  const Target local{"local", {"--workspace", local_ws}, {"GOMO_API_KEY="}, "local workspace " + local_ws};
  const Target remote{"remote", {"--base-url", server.base_url()}, {"GOMO_API_KEY=" + key}, server.base_url()};
  for (const Target* t : {&local, &remote}) {
    attributes_script(*t);
    contacts_script(*t);
    audiences_script(*t);
  }

  // Both targets now hold the same data (ids and timestamps aside).
  auto strip = [](json records) {
    for (auto& r : records) {
      for (const char* k : {"id", "organizationId", "createdAt", "updatedAt"}) r.erase(k);
    }
    return records;
  };
  CHECK(strip(local.run_json({"contacts", "list", "--all"})) == strip(remote.run_json({"contacts", "list", "--all"})));

  // 4: a wrong key, remote and local.
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"audiences", "list"},
                                             {"attributes", "create", "--name", "Zone", "--type", "text"},
                                             {"contacts", "delete", "+212612345678", "--yes"}}) {
    auto a = args;
    a.insert(a.end(), {"--base-url", server.base_url()});
    auto denied = run_gomo(a, "", {"GOMO_API_KEY=gomo_wrong"});
    CHECK(denied.exit_code == 4);
    CHECK_FALSE(has(denied.err, "gomo_wrong"));
    auto b = args;
    b.insert(b.end(), {"--workspace", local_ws});
    CHECK(run_gomo(b, "", {"GOMO_API_KEY=gomo_wrong"}).exit_code == 4);
  }
  // On a terminal, without --yes, gomo asks; only "y" goes ahead.
  const std::vector<std::string> env{"GOMO_API_KEY="};
  auto no = run_gomo_on_terminal({"contacts", "delete", "+212612345679", "--workspace", local_ws}, "n", env);
  CHECK(no.exit_code == 2);
  CHECK(has(no.out, "Delete 1 contact from local workspace " + local_ws + "? [y/N] "));
  CHECK(has(no.out, "cancelled; nothing changed"));
  CHECK(local.run({"contacts", "get", "+212612345679"}).exit_code == 0);
  auto yes = run_gomo_on_terminal({"audiences", "remove", "VIP", "+212612345679", "--workspace", local_ws}, "y", env);
  CHECK(yes.exit_code == 0);
  CHECK(has(yes.out, "Remove 1 contact from audience \"VIP\" on local workspace " + local_ws + "? [y/N] "));
  CHECK(local.run_json({"audiences", "get", "VIP"})["contactCount"] == 0);
  auto deleted = run_gomo_on_terminal({"contacts", "delete", "+212612345679", "--workspace", local_ws}, "yes", env);
  CHECK(deleted.exit_code == 0);
  CHECK(local.run({"contacts", "get", "+212612345679"}).exit_code == 3);

  // 5: nothing listens there.
  CHECK(run_gomo({"audiences", "get", "VIP", "--base-url", "http://127.0.0.1:1/api"}, "", {"GOMO_API_KEY=" + key})
            .exit_code == 5);
}

}  // namespace gomo::test
