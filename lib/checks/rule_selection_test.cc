#include "checks/rule_selection.h"

#include <doctest/doctest.h>

namespace gomo::checks {
namespace {

KnownRules known() {
  KnownRules k;
  k.ids = {"bad-time", "unknown-node", "did-shape"};
  k.also = {"read-error"};
  k.list_hint = "docs/program-rules.md lists them";
  return k;
}

diag::Diagnostic finding(const char* rule) {
  diag::Diagnostic d;
  d.rule = rule;
  d.severity = diag::Severity::kError;
  return d;
}

}  // namespace

TEST_CASE("select_rules: --ignore lists, the config's ignore and severity, and unknown ids") {
  auto s =
      select_rules({"bad-time, did-shape", "read-error"}, {}, {{"unknown-node", "warning"}}, ".gomo.yaml", known());
  REQUIRE(s);
  CHECK(s->ignored == std::set<std::string>{"bad-time", "did-shape", "read-error"});
  CHECK(s->severity.at("unknown-node") == diag::Severity::kWarning);
  auto off = select_rules({}, {"bad-time"}, {{"did-shape", "off"}}, ".gomo.yaml", known());
  REQUIRE(off);
  CHECK(off->ignored == std::set<std::string>{"bad-time", "did-shape"});

  auto typo = select_rules({"unknown-nod"}, {}, {}, "", known());
  REQUIRE_FALSE(typo);
  CHECK(typo.error().message() == "--ignore: unknown rule `unknown-nod`; did you mean unknown-node?");
  auto far = select_rules({}, {"zzzzzzzz"}, {}, ".gomo.yaml", known());
  REQUIRE_FALSE(far);
  CHECK(far.error().message() == ".gomo.yaml: unknown rule `zzzzzzzz`; docs/program-rules.md lists them");
  CHECK_FALSE(select_rules({}, {}, {{"bad-time", "loud"}}, ".gomo.yaml", known()));
}

TEST_CASE("RuleSelection::apply drops ignored findings and re-grades the others, in order") {
  RuleSelection s;
  s.ignored = {"bad-time"};
  s.severity["unknown-node"] = diag::Severity::kInfo;
  std::vector<diag::Diagnostic> diags = {finding("did-shape"), finding("bad-time"), finding("unknown-node")};
  s.apply(diags);
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].rule == "did-shape");
  CHECK(diags[0].severity == diag::Severity::kError);
  CHECK(diags[1].rule == "unknown-node");
  CHECK(diags[1].severity == diag::Severity::kInfo);
}

}  // namespace gomo::checks
