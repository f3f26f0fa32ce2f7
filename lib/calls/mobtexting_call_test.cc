#include "calls/mobtexting_call.h"

#include <doctest/doctest.h>

namespace gomo::calls {
namespace {

MobtextingSpec otp_spec() {
  MobtextingSpec s;
  s.to = "+918867135000";
  s.flow_id = "24";
  s.bridge = "918068280000";
  s.variables = {{"otp", "123456"}};
  return s;
}

std::string refusal(const MobtextingSpec& spec) {
  std::vector<std::string> notes;
  auto call = mobtexting_call(spec, notes);
  REQUIRE_FALSE(call);
  return call.error().message();
}

}  // namespace

TEST_CASE("mobtexting_call: gomo call's flags as mobtexting's request") {
  std::vector<std::string> notes;
  auto spec = otp_spec();
  auto call = mobtexting_call(spec, notes);
  REQUIRE(call);
  CHECK(call->to == "+918867135000");
  CHECK(call->bridge == "918068280000");
  CHECK(call->flow_id == "24");
  CHECK(call->variables.at("otp") == "123456");
  CHECK_FALSE(call->interval_minutes);
  CHECK(notes.empty());

  spec.retry.type = "fixed_delay";
  spec.retry.delay_ms = 30 * 60'000;
  spec.retry.max_retries = 3;
  call = mobtexting_call(spec, notes);
  REQUIRE(call);
  CHECK(call->interval_minutes == 30);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].find("the 3 of --retry is not sent") != std::string::npos);

  spec = otp_spec();
  spec.to = "0612345678";  // national, region MA
  spec.flow_id.clear();
  spec.audio = "https://example.com/a.mp3";
  call = mobtexting_call(spec, notes);
  REQUIRE(call);
  CHECK(call->to == "+212612345678");
  CHECK(call->audio == "https://example.com/a.mp3");
}

TEST_CASE("mobtexting_call: what mobtexting cannot do is refused, naming the flag") {
  auto spec = otp_spec();
  spec.to = "Asha";
  CHECK(refusal(spec).find("is none (mobtexting has no contacts)") != std::string::npos);
  spec = otp_spec();
  spec.audio = "39888925";
  CHECK(refusal(spec).find("give exactly one") != std::string::npos);
  spec.flow_id.clear();
  spec.audio = "ftp://x/a.mp3";
  CHECK(refusal(spec).find("--audio ftp://x/a.mp3: mobtexting fetches audio URLs over http or https only") == 0);
  spec = otp_spec();
  spec.bridge.clear();
  CHECK(refusal(spec).find("needs a bridge number") != std::string::npos);
  spec = otp_spec();
  spec.start_at = "2099-01-01T00:00:00.000Z";
  CHECK(refusal(spec).find("--at: mobtexting places the call at once") == 0);
  spec = otp_spec();
  spec.retry.type = "scheduled";
  spec.retry.dates = {"2099-01-01T00:00:00Z"};
  CHECK(refusal(spec).find("--retry scheduled: mobtexting retries at an interval only") == 0);
  spec = otp_spec();
  spec.retry.type = "fixed_delay";
  spec.retry.delay_ms = 10 * 60'000;
  CHECK(refusal(spec) == "--retry: mobtexting retries every 5, 15, 30, 45 or 60 minutes, not every 10 minutes");
}

}  // namespace gomo::calls
