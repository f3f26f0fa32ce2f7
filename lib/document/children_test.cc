#include "document/children.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using gomo::document::Children;

namespace {

std::string joined(const Children<std::string>& c) {
  std::string s;
  for (const auto& x : c) s += (s.empty() ? "" : ",") + x;
  return s;
}

}  // namespace

TEST_CASE("children: one pointer, empty until used") {
  static_assert(sizeof(Children<std::string>) == sizeof(void*));
  Children<std::string> c;
  CHECK(c.empty());
  CHECK(c.size() == 0);
  CHECK(c.begin() == c.end());
}

TEST_CASE("children: grow, insert, erase, copy and move keep the elements") {
  Children<std::string> c;
  for (int i = 0; i < 20; ++i) c.push_back("long enough to live on the heap " + std::to_string(i));
  CHECK(c.size() == 20);
  CHECK(c.back() == "long enough to live on the heap 19");
  c.emplace_back(c[0]);  // an element of the container itself, while it grows or not
  CHECK(c.back() == c.front());

  Children<std::string> small = {"b", "d"};
  small.insert(small.begin(), "a");
  small.insert(small.begin() + 2, "c");
  CHECK(joined(small) == "a,b,c,d");
  small.erase(small.begin() + 1);
  CHECK(joined(small) == "a,c,d");
  auto it = std::remove_if(small.begin(), small.end(), [](const std::string& s) { return s != "c"; });
  small.erase(it, small.end());
  CHECK(joined(small) == "c");

  Children<std::string> copy = c;
  CHECK(copy.size() == c.size());
  CHECK(copy[7] == c[7]);
  Children<std::string> moved = std::move(copy);
  CHECK(moved.size() == 21);
  CHECK(copy.empty());  // NOLINT: moved-from is empty by design
  moved = {"x"};
  CHECK(joined(moved) == "x");
  moved.clear();
  CHECK(moved.empty());
}

TEST_CASE("children: take moves a scratch vector in at its exact size") {
  std::vector<std::string> scratch = {"one", "two", "three"};
  Children<std::string> c;
  c.take(scratch);
  CHECK(scratch.empty());
  CHECK(c.capacity() == 3);
  CHECK(joined(c) == "one,two,three");
}
