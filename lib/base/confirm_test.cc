#include "base/confirm.h"

#include <doctest/doctest.h>

#include <sstream>

namespace gomo {

TEST_CASE("confirm: --yes goes ahead without asking; no terminal refuses; a terminal asks") {
  std::istringstream none;
  std::ostringstream err;
  CHECK(confirm(none, err, false, true, "Delete?") == Confirmation::kYes);
  CHECK(confirm(none, err, true, true, "Delete?") == Confirmation::kYes);
  CHECK(confirm(none, err, false, false, "Delete?") == Confirmation::kRefused);
  CHECK(err.str().empty());

  for (const char* yes : {"y\n", "Y\n", "yes\n", " YES \r\n"}) {
    std::istringstream in(yes);
    std::ostringstream asked;
    CHECK(confirm(in, asked, true, false, "Delete 3 contacts?") == Confirmation::kYes);
    CHECK(asked.str() == "Delete 3 contacts? [y/N] ");
  }
  for (const char* no : {"\n", "n\n", "no\n", "yep\n", ""}) {
    std::istringstream in(no);
    std::ostringstream asked;
    CHECK(confirm(in, asked, true, false, "Delete?") == Confirmation::kNo);
  }
}

}  // namespace gomo
