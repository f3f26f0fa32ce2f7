#include <doctest/doctest.h>

#include "programs/rule_test_support.h"

namespace gomo::programs {

TEST_CASE("did-shape: neither E.164 nor an id; digits without + get a fix") {
  auto found = test::findings(std::string(test::kHead) +
                                  "dids: ['+212800000000', '00000000-0000-4000-8000-00000000d1d0', '212522000000', "
                                  "'main line']\n",
                              "did-shape");
  REQUIRE(found.size() == 2);
  CHECK(found[0].location.line == 4);
  CHECK(found[0].message.find("did you mean +212522000000?") != std::string::npos);
  CHECK(found[0].fix == "+212522000000");
  CHECK(found[1].message.find("gomo dids list") != std::string::npos);
  CHECK(is_e164("+212522000000"));
  CHECK_FALSE(is_e164("+0212522000"));
  CHECK_FALSE(is_e164("+2125"));
}

}  // namespace gomo::programs
