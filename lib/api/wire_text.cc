// JSON text written straight from the field tables (wire.h: upsert_result_text), for the answers
// large enough that building an nlohmann tree first shows in a profile.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "api/field_table.h"
#include "api/resource_tables.h"
#include "api/wire.h"
#include "base/utf8.h"

namespace gomo::api::wire {
namespace {

// nlohmann's escaping with ensure_ascii off; text that is not UTF-8 goes through nlohmann itself
// (error_handler_t::replace), so the bytes are the same in every case.
void append_string(std::string& out, const std::string& s) {
  if (!is_valid_utf8(s)) {
    out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// T's columns in the order nlohmann writes an object's keys (sorted), built once.
template <typename T>
const std::vector<fields::Column>& sorted_columns() {
  static const std::vector<fields::Column> columns = [] {
    auto c = fields::columns_of<T>();
    std::sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return std::strcmp(a.name, b.name) < 0; });
    return c;
  }();
  return columns;
}

// encode(value) as text: every member of a Contact has a column, and a column's value is what the
// response writes (null when unset; the JSON text of lists and maps).
template <typename T>
void append_object(std::string& out, const T& value, fields::ColumnValue& v) {
  out += '{';
  bool first = true;
  for (const auto& c : sorted_columns<T>()) {
    if (!first) out += ',';
    first = false;
    out += '"';
    out += c.name;
    out += "\":";
    const void* owner = c.part ? c.part(const_cast<T*>(&value)) : &value;
    v.null = true;
    v.text.clear();
    c.store(c.field, owner, v);
    if (v.null) {
      out += "null";
      continue;
    }
    switch (c.kind) {
      case fields::ColumnKind::kText: append_string(out, v.text); break;
      case fields::ColumnKind::kInteger: out += std::to_string(v.integer); break;
      case fields::ColumnKind::kBoolean: out += v.integer ? "true" : "false"; break;
      case fields::ColumnKind::kReal: out += json(v.real).dump(); break;
      case fields::ColumnKind::kJson: out += v.text; break;
    }
  }
  out += '}';
}

}  // namespace

std::string upsert_result_text(const UpsertResult& r) {
  try {
    std::string out = "{\"created\":" + std::to_string(r.created) + ",\"data\":[";
    out.reserve(r.contacts.size() * 400 + 128);
    fields::ColumnValue v;
    for (size_t i = 0; i < r.contacts.size(); ++i) {
      if (i) out += ',';
      append_object(out, r.contacts[i], v);
    }
    out += "],\"message\":\"Contacts upserted successfully\",\"updated\":" + std::to_string(r.updated) + "}";
    return out;
  } catch (const json::exception&) {
    // A stored list or map that does not print (bytes that are not UTF-8): nlohmann's replacement.
    return encode(r).dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace gomo::api::wire
