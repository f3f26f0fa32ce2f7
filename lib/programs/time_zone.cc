// Time zone names (programs/time_zone.h).
#include "programs/time_zone.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gomo::programs {
namespace {

std::string zone_dir() {
  const char* dir = std::getenv("TZDIR");
  return dir && *dir ? dir : "/usr/share/zoneinfo";
}

bool safe_name(const std::string& name) {
  if (name.empty() || name.size() > 64 || name[0] == '/' || name.find("..") != std::string::npos) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+')) return false;
  return true;
}

}  // namespace

const std::vector<std::string>& time_zone_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    std::ifstream in(zone_dir() + "/tzdata.zi");
    // "Z NAME ..." is a zone, "L TARGET NAME" a link (an old or alternative name).
    for (std::string line; std::getline(in, line);) {
      std::istringstream words(line);
      std::string kind, a, b;
      words >> kind >> a >> b;
      if (kind == "Z") out.push_back(a);
      if (kind == "L" && !b.empty()) out.push_back(b);
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return names;
}

bool is_known_time_zone(const std::string& name) {
  if (!safe_name(name)) return false;
  const auto& names = time_zone_names();
  if (!names.empty()) return std::binary_search(names.begin(), names.end(), name);
  // No tzdata.zi: a compiled zone file starts with the TZif magic.
  std::ifstream in(zone_dir() + "/" + name, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && std::string(magic, 4) == "TZif";
}

}  // namespace gomo::programs
