// The platform stack's layering (STYLE.md §1) for the folders this layer touches: store knows
// nothing of the platform's rules, serve and profile see only api (and profile opens local), so
// the shape cannot drift back. Reads the sources and CMake link lines in the source tree.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace gomo::test {
namespace {

// The hand-written sources of lib/<folder> that are not tests, with their text.
std::vector<std::pair<std::string, std::string>> sources_of(const std::string& folder) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(GOMO_SOURCE_DIR) + "/lib/" + folder)) {
    std::string name = entry.path().filename().string();
    bool source = name.ends_with(".cc") || name.ends_with(".h");
    if (source && !name.ends_with("_test.cc")) out.emplace_back(name, read_file(entry.path().string()));
  }
  return out;
}

void check_no_include(const std::string& folder, const std::vector<std::string>& forbidden) {
  auto sources = sources_of(folder);
  REQUIRE_FALSE(sources.empty());
  for (const auto& [name, text] : sources) {
    for (const auto& prefix : forbidden) {
      INFO("lib/" << folder << "/" << name << " includes " << prefix);
      CHECK(text.find("#include \"" + prefix) == std::string::npos);
    }
  }
}

// The target_link_libraries line of lib/<folder>/CMakeLists.txt.
std::string link_line(const std::string& folder) {
  std::string text = read_file(std::string(GOMO_SOURCE_DIR) + "/lib/" + folder + "/CMakeLists.txt");
  auto at = text.find("target_link_libraries(gomo_" + folder + " ");
  REQUIRE(at != std::string::npos);
  return text.substr(at, text.find(')', at) - at);
}

}  // namespace

TEST_CASE("layering: store is SQLite only; serve and profile reach the workspace through api and local") {
  check_no_include("store", {"api/", "checks/", "engine/", "local/", "serve/", "profile/"});
  check_no_include("local", {"serve/", "profile/"});
  check_no_include("serve", {"store/", "local/", "profile/"});
  check_no_include("profile", {"store/"});
  CHECK(link_line("store") == "target_link_libraries(gomo_store PUBLIC gomo_base PRIVATE gomo::sqlite3");
  for (std::string folder : {"serve", "profile"}) {
    INFO(folder);
    CHECK(link_line(folder).find("gomo_store") == std::string::npos);
    CHECK(link_line(folder).find("gomo_checks") == std::string::npos);
    CHECK(link_line(folder).find("gomo_engine") == std::string::npos);
  }
  CHECK(link_line("serve").find("gomo_local") == std::string::npos);
}

}  // namespace gomo::test
