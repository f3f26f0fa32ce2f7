// The resource printer (resources.h): JSON records to table, JSON or YAML.
#include "report/resources.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "base/strings.h"

namespace gomo::report {
namespace {

using nlohmann::json;

const json* find_path(const json& record, const std::string& path) {
  const json* at = &record;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!at->is_object()) return nullptr;
    auto it = at->find(key);
    if (it == at->end()) return nullptr;
    at = &*it;
    if (dot == std::string::npos) return at;
    start = dot + 1;
  }
}

std::string cell_text(const json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) {
      if (!joined.empty()) joined += ",";
      joined += cell_text(item);
    }
    return joined;
  }
  return value.dump();
}

std::string cell(const json& record, const std::string& field) {
  size_t start = 0;
  while (true) {
    size_t bar = field.find('|', start);
    std::string one = field.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    // "firstName+lastName": the non-empty parts joined by a space.
    std::string text;
    for (size_t part_start = 0;;) {
      size_t plus = one.find('+', part_start);
      if (const json* v =
              find_path(record, one.substr(part_start, plus == std::string::npos ? plus : plus - part_start))) {
        std::string part = cell_text(*v);
        if (!part.empty()) text += (text.empty() ? "" : " ") + part;
      }
      if (plus == std::string::npos) break;
      part_start = plus + 1;
    }
    if (!text.empty()) return text;
    if (bar == std::string::npos) return "";
    start = bar + 1;
  }
}

// Cells never break the table: tabs and newlines become spaces.
std::string flatten(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return text;
}

// Numbers, dates and times. Over-approximates YAML's number forms (strtod also takes "inf", "nan", hex): an extra pair
// of quotes is harmless, a missing one changes the type.
bool yaml_may_read_as_non_string(const std::string& s) {
  // Dates and times ("2026-11-23T15:50:38.996Z", "12:30") are timestamps or sexagesimal numbers to
  // YAML 1.1 readers (PyYAML, Ruby): keep them strings everywhere.
  auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  if (digit(0) && digit(1) && digit(2) && digit(3) && s.size() > 4 && s[4] == '-') return true;  // 2026-11-23...
  if (digit(0) && s.find(':') != std::string::npos && s.find_first_not_of("0123456789:._") == std::string::npos)
    return true;  // 12:30

  if (s.rfind("0o", 0) == 0 || s.rfind(".inf", 0) == 0 || s.rfind("-.inf", 0) == 0 || s == ".nan") return true;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

void emit_yaml(YAML::Emitter& e, const json& value) {
  switch (value.type()) {
    case json::value_t::object:
      if (value.empty()) {  // `{}` on the key's line, not a block of nothing
        e << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        break;
      }
      e << YAML::BeginMap;
      for (const auto& [k, v] : value.items()) {
        e << YAML::Key << k << YAML::Value;
        emit_yaml(e, v);
      }
      e << YAML::EndMap;
      break;
    case json::value_t::array:
      if (value.empty()) {
        e << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        break;
      }
      e << YAML::BeginSeq;
      for (const auto& v : value) emit_yaml(e, v);
      e << YAML::EndSeq;
      break;
    case json::value_t::string: {
      // Quote strings a YAML reader would take for another type ("0612" an int, "no" a boolean in
      // YAML 1.1 readers); yaml-cpp quotes the ones plain YAML cannot hold by itself.
      const std::string& s = value.get_ref<const std::string&>();
      bool plain_string = !s.empty() && s != "null" && s != "Null" && s != "NULL" && s != "~" && s != "true" &&
                          s != "false" && s != "True" && s != "False" && s != "yes" && s != "no" && s != "on" &&
                          s != "off" && !yaml_may_read_as_non_string(s);
      if (!plain_string) e << YAML::DoubleQuoted;
      e << s;
      break;
    }
    case json::value_t::boolean: e << value.get<bool>(); break;
    case json::value_t::null: e << YAML::Null; break;
    default: e << YAML::Value << value.dump();  // numbers keep their JSON spelling
  }
}

}  // namespace

std::string resource_cell(const json& record, const std::string& field) { return cell(record, field); }

void print_resources(std::ostream& out, const json& records, const std::vector<ResourceColumn>& columns,
                     const ResourcePrintOptions& options) {
  // One object is a list of one for -q and the table; json and yaml print it as it is.
  std::vector<const json*> list;
  if (records.is_array()) {
    for (const auto& r : records) list.push_back(&r);
  } else {
    list.push_back(&records);
  }
  if (options.ids_only) {
    for (const json* r : list) out << cell(*r, "id") << "\n";
    return;
  }
  if (options.format == "json") {
    out << records.dump(2) << "\n";
    return;
  }
  if (options.format == "yaml") {
    YAML::Emitter e;
    e.SetIndent(2);
    emit_yaml(e, records);
    out << e.c_str() << "\n";
    return;
  }
  // Table: one row per record. Piped: tab-separated (for cut/awk); on a terminal: aligned columns.
  std::vector<std::vector<std::string>> rows;
  rows.reserve(list.size() + 1);
  std::vector<std::string> header;
  for (const auto& c : columns) header.push_back(c.header);
  rows.push_back(std::move(header));
  for (const json* r : list) {
    std::vector<std::string> row;
    for (const auto& c : columns) row.push_back(flatten(cell(*r, c.field)));
    rows.push_back(std::move(row));
  }
  if (!options.tty) {
    for (const auto& row : rows) {
      for (size_t i = 0; i < row.size(); ++i) out << (i ? "\t" : "") << row[i];
      out << "\n";
    }
    return;
  }
  std::vector<size_t> width(columns.size(), 0);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], utf8_length(row[i]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(width[i] - utf8_length(row[i]) + 2, ' ');
    }
    out << line << "\n";
  }
}

}  // namespace gomo::report
