// The layering test: reads the target_link_libraries lines of every lib/*/CMakeLists.txt and fails on
// any gomo_* link the drawing (docs/architecture.md, The layers) does not allow, naming the edge and the rule;
// the #include lines of lib/'s sources are held to the same drawing.
// A folder may link only folders below it: the ones its row in kLayers names, and what those may
// link in turn (the transitive closure). kForbiddenEdges removes a few edges the closure would allow.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace {

// One row per layer: the layers it may link directly. A layer is a folder of lib/, except that the
// JSON Schema checker in lib/checks is a layer of its own (kTargetLayers).
struct Layer {
  const char* name;
  std::vector<const char*> below;  // may link these, and whatever they may link
};

const std::vector<Layer> kLayers = {
    {"base", {}},
    {"ext", {"base"}},
    {"document", {"base"}},
    {"diag", {"document"}},
    {"model", {"diag"}},
    {"schema", {"document"}},  // the JSON Schema checker and the compiled flow schema
    {"checks", {"model", "schema"}},
    {"flow", {"model", "schema"}},  // fmt's key order needs the flow schema, not the rules
    {"engine", {"model"}},
    {"audio", {"engine"}},  // prompts as 8 kHz sound; libsndfile inside, espeak-ng run as a program
    {"softphone", {"engine", "audio"}},
    {"sip", {"engine", "audio"}},  // the SIP softphone on libre; audio: samples, WAV
    {"flowtest", {"engine"}},
    {"api", {"base", "document"}},  // no HTTP (ext), no SQLite
    {"remote", {"api", "ext"}},
    {"store", {"base"}},           // SQLite rows only: knows nothing of api's rules
    {"schedule", {"api", "ext"}},  // pause windows on the wall clock; ext: time zones
    {"local", {"api", "store", "checks", "engine", "ext", "schedule"}},  // schedule: a report's paused_window
    {"serve", {"api", "ext"}},
    {"profile", {"api", "local", "remote", "document"}},
    {"contacts", {"api", "document", "ext"}},  // ext: phone numbers
    {"sync", {"api", "document", "ext", "flow", "checks"}},
    // Program files (checks: FileResult, the schema checker), launch (gomo's own flow validator), execution
    // control, auto-pause rule files (document): over api::Platform only. Printing is report's or cli's.
    // ext: IANA time zone names (the unknown-timezone rule), from date-tz inside the module.
    {"programs", {"api", "checks", "diag", "schema", "document", "ext"}},
    {"calls", {"api", "contacts", "sync", "remote"}},  // gomo call: names to objects; remote: mobtexting
    // The dialer places calls through the engine; contacts: the forecast finds the audience's phone column
    // as `contacts upsert` does.
    {"campaign", {"api", "document", "ext", "engine", "contacts", "schedule"}},
    // Formats result values and calls nothing: links only the libraries whose types it prints. campaign:
    // the forecast (and, through it, ext's time zones for the forecast's local times).
    {"report", {"base", "document", "diag", "model", "checks", "engine", "flowtest", "api", "campaign"}},
};

// Targets whose layer is not the folder they are defined in.
const std::map<std::string, std::string> kTargetLayers = {
    {"gomo_schema", "schema"},
    {"gomo_flow_schema", "schema"},
    {"gomo_schema_gen", "schema"},
};

struct Edge {
  const char* from;
  const char* to;
  const char* why;
};

// Edges the closure allows but the drawing does not.
const std::vector<Edge> kForbiddenEdges = {
    {"profile", "store", "profile returns a std::unique_ptr<api::Platform>; the workspace belongs to local"},
};

struct Link {
  std::string file;    // "lib/store/CMakeLists.txt"
  std::string target;  // "gomo_store"
  std::string dep;     // "gomo_api"
};

struct CmakeFile {
  std::string path;  // for messages
  std::string folder;
  std::string text;
};

std::string without_comments(const std::string& text) {
  std::string out;
  bool comment = false;
  for (char c : text) {
    if (c == '#') comment = true;
    if (c == '\n') comment = false;
    if (!comment) out += c;
  }
  return out;
}

// The words of each `NAME(...)` command in `text` (no nested parentheses in the commands read here).
std::vector<std::vector<std::string>> commands(const std::string& text, const std::string& name) {
  std::vector<std::vector<std::string>> out;
  std::string code = without_comments(text);
  for (size_t at = code.find(name + "("); at != std::string::npos; at = code.find(name + "(", at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(code[at - 1])) || code[at - 1] == '_')) continue;
    size_t open = at + name.size() + 1, close = code.find(')', open);
    if (close == std::string::npos) break;
    std::vector<std::string> words;
    std::string word;
    for (char c : code.substr(open, close - open) + " ") {
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (!word.empty()) words.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    out.push_back(words);
  }
  return out;
}

// May layer `from` use layer `to`: its row, and the rows below it (walked to the bottom).
bool allowed(const std::string& from, const std::string& to) {
  std::map<std::string, const Layer*> layers;
  for (const Layer& l : kLayers) layers[l.name] = &l;
  std::set<std::string> seen;
  std::vector<std::string> todo{from};
  while (!todo.empty()) {
    std::string l = todo.back();
    todo.pop_back();
    if (!layers.count(l)) continue;
    for (const char* below : layers[l]->below)
      if (seen.insert(below).second) todo.push_back(below);
  }
  return seen.count(to) > 0;
}

// Every link problem of `files`, one message each.
std::vector<std::string> layering_problems(const std::vector<CmakeFile>& files) {
  std::vector<std::string> problems;
  std::map<std::string, const Layer*> layers;
  for (const Layer& l : kLayers) layers[l.name] = &l;

  // Which layer each target is in: its folder, unless kTargetLayers says otherwise.
  std::map<std::string, std::string> layer_of;
  for (const CmakeFile& f : files) {
    if (!layers.count(f.folder))
      problems.push_back(f.path + ": lib/" + f.folder + " has no row in kLayers (tests/layering/layering_test.cc)");
    for (const char* command : {"add_library", "add_executable"})
      for (const auto& words : commands(f.text, command))
        if (!words.empty()) layer_of[words[0]] = kTargetLayers.count(words[0]) ? kTargetLayers.at(words[0]) : f.folder;
  }

  std::vector<Link> links;
  for (const CmakeFile& f : files)
    for (const auto& words : commands(f.text, "target_link_libraries"))
      for (size_t i = 1; i < words.size(); ++i)
        if (words[i].rfind("gomo_", 0) == 0) links.push_back({f.path, words[0], words[i]});

  for (const Link& link : links) {
    if (!layer_of.count(link.target) || !layer_of.count(link.dep)) {
      problems.push_back(link.file + ": " + link.target + " -> " + link.dep +
                         ": unknown target (not made by add_library in lib/*/)");
      continue;
    }
    std::string from = layer_of[link.target], to = layer_of[link.dep];
    if (from == to) continue;
    std::string edge = link.file + ": " + link.target + " -> " + link.dep + " (" + from + " -> " + to + ")";
    auto forbidden = std::find_if(kForbiddenEdges.begin(), kForbiddenEdges.end(),
                                  [&](const Edge& e) { return from == e.from && to == e.to; });
    if (forbidden != kForbiddenEdges.end()) {
      problems.push_back(edge + " is forbidden: " + forbidden->why);
    } else if (!allowed(from, to)) {
      std::string rule;
      if (layers.count(from))
        for (const char* below : layers[from]->below) rule += std::string(rule.empty() ? "" : ", ") + below;
      problems.push_back(edge + " is not in the drawing: " + from + " may link only " +
                         (rule.empty() ? "nothing" : rule) + " and what those may link");
    }
  }
  return problems;
}

std::vector<CmakeFile> lib_cmake_files() {
  std::vector<CmakeFile> out;
  for (const auto& entry : std::filesystem::directory_iterator(gomo::test::source_path("lib"))) {
    auto cmake = entry.path() / "CMakeLists.txt";
    if (!entry.is_directory() || !std::filesystem::exists(cmake)) continue;
    std::string folder = entry.path().filename().string();
    out.push_back({"lib/" + folder + "/CMakeLists.txt", folder, gomo::test::read_file(cmake.string())});
  }
  std::sort(out.begin(), out.end(), [](const CmakeFile& a, const CmakeFile& b) { return a.folder < b.folder; });
  return out;
}

// The layer of a file of lib/ named "folder/name": its folder, except the JSON Schema checker's files
// in lib/checks (schema_*), which are the schema layer.
std::string layer_of_file(const std::string& folder, const std::string& name) {
  if (folder == "checks" && name.starts_with("schema")) return "schema";
  return folder;
}

// Every `#include "folder/..."` in the sources of lib/ (tests excepted) that reaches a layer its own
// layer may not use: the link lines say what a folder may call, the includes must agree with them.
std::vector<std::string> include_problems() {
  std::set<std::string> folders;
  for (const Layer& l : kLayers) folders.insert(l.name);
  std::vector<std::string> problems;
  for (const auto& dir : std::filesystem::directory_iterator(gomo::test::source_path("lib"))) {
    if (!dir.is_directory()) continue;
    std::string folder = dir.path().filename().string();
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      std::string name = entry.path().filename().string();
      if (!(name.ends_with(".cc") || name.ends_with(".h")) || name.ends_with("_test.cc")) continue;
      std::string from = layer_of_file(folder, name);
      std::string text = gomo::test::read_file(entry.path().string());
      const std::string directive = "#include \"";
      for (size_t at = text.find(directive); at != std::string::npos; at = text.find(directive, at + 1)) {
        size_t start = at + directive.size(), slash = text.find('/', start), end = text.find('"', start);
        if (slash == std::string::npos || end == std::string::npos || slash > end) continue;
        std::string included = text.substr(start, end - start);
        std::string target_folder = included.substr(0, slash - start);
        if (!folders.count(target_folder)) continue;  // generated/, the system's headers
        std::string to = layer_of_file(target_folder, included.substr(slash - start + 1));
        bool forbidden = std::any_of(kForbiddenEdges.begin(), kForbiddenEdges.end(),
                                     [&](const Edge& e) { return from == e.from && to == e.to; });
        if (to == from || (allowed(from, to) && !forbidden)) continue;
        problems.push_back("lib/" + folder + "/" + name + " includes " + included + " (" + from + " -> " + to +
                           "), which the drawing does not allow");
      }
    }
  }
  std::sort(problems.begin(), problems.end());
  return problems;
}

}  // namespace

TEST_CASE("layering: every #include of lib/ reaches only a layer the drawing allows") {
  auto problems = include_problems();
  for (const auto& p : problems) FAIL_CHECK(p);
  CHECK(problems.empty());
}

TEST_CASE("layering: every gomo_* link in lib/*/CMakeLists.txt is allowed by the drawing") {
  auto files = lib_cmake_files();
  REQUIRE(files.size() >= 15);
  auto problems = layering_problems(files);
  for (const auto& p : problems) FAIL_CHECK(p);
  CHECK(problems.empty());
}

TEST_CASE("layering: an edge against the drawing is named with its rule") {
  std::vector<CmakeFile> files = {
      {"lib/base/CMakeLists.txt", "base", "add_library(gomo_base STATIC a.cc)\n"},
      {"lib/document/CMakeLists.txt", "document",
       "add_library(gomo_document STATIC a.cc)\ntarget_link_libraries(gomo_document PUBLIC gomo_base)\n"},
      {"lib/api/CMakeLists.txt", "api",
       "add_library(gomo_api a.cc)\ntarget_link_libraries(gomo_api PUBLIC gomo_base)\n"},
      {"lib/ext/CMakeLists.txt", "ext", "add_library(gomo_ext a.cc)\n"},
      {"lib/store/CMakeLists.txt", "store",
       "# target_link_libraries(gomo_store PUBLIC gomo_ext) is a comment\nadd_library(gomo_store a.cc)\n"
       "target_link_libraries(gomo_store PUBLIC gomo_base\n  PRIVATE gomo::sqlite3 gomo_api)\n"},
  };
  auto problems = layering_problems(files);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "lib/store/CMakeLists.txt: gomo_store -> gomo_api (store -> api) is not in the drawing: store may link only "
        "base and what those may link");

  files.push_back({"lib/profile/CMakeLists.txt", "profile",
                   "add_library(gomo_profile a.cc)\ntarget_link_libraries(gomo_profile PRIVATE gomo_store)\n"});
  files.push_back({"lib/widgets/CMakeLists.txt", "widgets",
                   "add_library(gomo_widgets a.cc)\ntarget_link_libraries(gomo_widgets PRIVATE gomo_nowhere)\n"});
  problems = layering_problems(files);
  REQUIRE(problems.size() == 4);
  CHECK(problems[0] ==
        "lib/widgets/CMakeLists.txt: lib/widgets has no row in kLayers (tests/layering/layering_test.cc)");
  CHECK(
      problems[1].starts_with("lib/store/CMakeLists.txt: gomo_store -> gomo_api (store -> api) is not in the drawing"));
  CHECK(problems[2] ==
        "lib/profile/CMakeLists.txt: gomo_profile -> gomo_store (profile -> store) is forbidden: profile returns a "
        "std::unique_ptr<api::Platform>; the workspace belongs to local");
  CHECK(problems[3] ==
        "lib/widgets/CMakeLists.txt: gomo_widgets -> gomo_nowhere: unknown target (not made by add_library in lib/*/)");
}
