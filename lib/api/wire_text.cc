// JSON text written and read straight through the field tables, for the upsert's answer (wire.h:
// upsert_result_text, read_upsert_result_text) and its request body (wire_text.h), the messages large
// enough that building an nlohmann tree first shows in a profile.
#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>

#include "api/field_table.h"
#include "api/resource_tables.h"
#include "api/wire.h"
#include "api/wire_text.h"
#include "base/strings.h"
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
  append_json_string(out, s);
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
    out += "],\"message\":\"Contacts upserted successfully\",\"unchanged\":" + std::to_string(r.unchanged) +
           ",\"updated\":" + std::to_string(r.updated) + "}";
    return out;
  } catch (const json::exception&) {
    // A stored list or map that does not print (bytes that are not UTF-8): nlohmann's replacement.
    return encode(r).dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

std::string contact_page_text(const Page<Contact>& page) {
  try {
    std::string out = "{\"data\":[";
    out.reserve(page.data.size() * 400 + 160);
    fields::ColumnValue v;
    for (size_t i = 0; i < page.data.size(); ++i) {
      if (i) out += ',';
      append_object(out, page.data[i], v);
    }
    out += "],\"meta\":";
    out += encode_meta(page.meta).dump();
    out += '}';
    return out;
  } catch (const json::exception&) {
    // A stored list or map that does not print (bytes that are not UTF-8): nlohmann's replacement.
    json data = json::array();
    for (const auto& c : page.data) data.push_back(encode(c));
    return json{{"data", std::move(data)}, {"meta", encode_meta(page.meta)}}.dump(-1, ' ', false,
                                                                                  json::error_handler_t::replace);
  }
}

}  // namespace gomo::api::wire

namespace gomo::api::wire {
namespace {

// The upsert answer's SAX reader: created, updated, unchanged and each contact of data, the contact's members
// loaded through its columns (lists and maps from the JSON text of their value, as SQL rows are).
// Anything it was not written for (a member of another type, an unknown shape) stops it: the caller
// then decodes through the DOM, which says what is wrong.
class UpsertAnswerReader {
 public:
  using string_t = json::string_t;
  explicit UpsertAnswerReader(UpsertResult& out) : out_(out) {
    for (const auto& c : sorted_columns<Contact>()) by_name_.emplace(c.name, &c);
  }

  bool null() {
    if (capturing()) return scalar("null");
    if (depth_ == 3) return load_null();
    return depth_ == 1;  // "message": null and the like
  }
  bool boolean(bool b) {
    if (capturing()) return scalar(b ? "true" : "false");
    return depth_ == 1;
  }
  bool number_integer(json::number_integer_t n) { return integer(static_cast<long long>(n)); }
  bool number_unsigned(json::number_unsigned_t n) {
    if (n > static_cast<json::number_unsigned_t>(LLONG_MAX)) return false;
    return integer(static_cast<long long>(n));
  }
  bool number_float(json::number_float_t, const string_t& text) {
    if (capturing()) return scalar(text);
    return depth_ == 1 && key_ != "created" && key_ != "updated" && key_ != "unchanged";
  }
  bool string(string_t& s) {
    if (capturing()) {
      value_prefix();
      append_string(text_, s);
      return true;
    }
    if (depth_ == 3) {
      if (!column_) return true;  // a member Contact does not have
      if (column_->kind != fields::ColumnKind::kText) return false;
      v_.null = false;
      v_.text = std::move(s);
      return load();
    }
    return depth_ == 1 && key_ != "created" && key_ != "updated" && key_ != "unchanged" && key_ != "data";
  }
  bool binary(json::binary_t&) { return false; }
  bool start_object(std::size_t) { return open('{'); }
  bool end_object() { return close('}'); }
  bool start_array(std::size_t) { return open('['); }
  bool end_array() { return close(']'); }
  bool key(string_t& k) {
    if (capturing()) {
      if (!first_.back()) text_ += ',';
      first_.back() = false;
      append_string(text_, k);
      text_ += ':';
      after_key_ = true;
      return true;
    }
    if (depth_ == 1) key_ = k;
    if (depth_ == 3) {
      auto it = by_name_.find(k);
      column_ = it == by_name_.end() ? nullptr : it->second;
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  bool capturing() const { return !first_.empty(); }
  void value_prefix() {
    if (after_key_) {
      after_key_ = false;
    } else {
      if (!first_.back()) text_ += ',';
      first_.back() = false;
    }
  }
  bool scalar(std::string_view text) {
    value_prefix();
    text_ += text;
    return true;
  }
  bool integer(long long n) {
    if (capturing()) return scalar(std::to_string(n));
    if (depth_ == 1) {
      if (key_ == "created") out_.created = static_cast<int>(n);
      if (key_ == "updated") out_.updated = static_cast<int>(n);
      if (key_ == "unchanged") out_.unchanged = static_cast<int>(n);  // gomo serve's extension
      return true;
    }
    return false;  // a contact member that is a number: not the contact table's shape
  }
  bool open(char bracket) {
    if (capturing()) {
      value_prefix();
      text_ += bracket;
      first_.push_back(true);
      return true;
    }
    ++depth_;
    if (depth_ == 1) return bracket == '{';
    if (depth_ == 2) {
      if (key_ == "data") return bracket == '[';
      --depth_;  // another member's value: captured (and dropped)
      return start_capture(bracket);
    }
    if (depth_ == 3) {
      if (bracket != '{') return false;
      out_.contacts.emplace_back();
      return true;
    }
    // depth 4: a list or map member of the contact, read from its JSON text.
    --depth_;
    if (column_ && column_->kind != fields::ColumnKind::kJson) return false;
    return start_capture(bracket);
  }
  bool start_capture(char bracket) {
    text_.assign(1, bracket);
    first_.assign(1, true);
    after_key_ = false;
    return true;
  }
  bool close(char bracket) {
    if (capturing()) {
      text_ += bracket;
      first_.pop_back();
      if (capturing()) return true;
      if (depth_ != 3 || !column_) return true;  // dropped
      v_.null = false;
      v_.text = text_;
      return load();
    }
    --depth_;
    return true;
  }
  bool load_null() {
    if (!column_) return true;
    v_.null = true;
    return load();
  }
  bool load() {
    Contact& c = out_.contacts.back();
    void* owner = column_->part ? column_->part(&c) : &c;
    column_->load(column_->field, v_, owner);
    return true;
  }

  UpsertResult& out_;
  std::map<std::string, const fields::Column*, std::less<>> by_name_;
  int depth_ = 0;                           // 1 the answer, 2 data, 3 a contact
  std::string key_;                         // the answer's member being read
  const fields::Column* column_ = nullptr;  // the contact's member being read (nullptr: unknown)
  fields::ColumnValue v_;
  std::string text_;         // a captured list or map, as JSON text
  std::vector<bool> first_;  // per open bracket of the capture: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace

std::optional<UpsertResult> read_upsert_result_text(const std::string& text) {
  UpsertResult r;
  UpsertAnswerReader reader(r);
  try {
    if (!json::sax_parse(text, &reader)) return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;  // a column's text that does not load: the DOM path says why
  }
  return r;
}

}  // namespace gomo::api::wire

namespace gomo::api::wire {

std::string upsert_body_text(const std::vector<ContactFields>& contacts) {
  for (const auto& c : contacts) {
    if (c.channels || !c.custom_attributes.empty()) return upsert_body(contacts).dump();  // JSON values: the DOM
  }
  std::string out = "{\"data\":[";
  out.reserve(contacts.size() * 160 + 16);
  fields::ColumnValue v;
  for (size_t i = 0; i < contacts.size(); ++i) {
    if (i) out += ',';
    out += '{';
    bool first = true;
    for (const auto& c : sorted_columns<ContactFields>()) {
      if (c.kind != fields::ColumnKind::kText) continue;  // channels and customAttributes: unset (above)
      v.null = true;
      v.text.clear();
      c.store(c.field, &contacts[i], v);
      if (v.null) continue;  // a request leaves unset members out
      // dump() throws on text that is not UTF-8: so does this, through it.
      if (!is_valid_utf8(v.text)) return upsert_body(contacts).dump();
      if (!first) out += ',';
      first = false;
      out += '"';
      out += c.name;
      out += "\":";
      append_string(out, v.text);
    }
    out += '}';
  }
  out += "]}";
  return out;
}

namespace {

// The upsert body's SAX reader: {"data": [contact, ...]}, each contact's text members loaded through
// its columns. Returns false (stopping the parse) on anything else, so the DOM path takes over.
class UpsertBodyReader {
 public:
  using string_t = json::string_t;
  explicit UpsertBodyReader(std::vector<ContactFields>& out) : out_(out) {}

  bool null() {
    if (!member_ok()) return false;
    return true;  // null is unset, as the DOM reader has it
  }
  bool boolean(bool) { return false; }
  bool number_integer(json::number_integer_t) { return false; }
  bool number_unsigned(json::number_unsigned_t) { return false; }
  bool number_float(json::number_float_t, const string_t&) { return false; }
  bool binary(json::binary_t&) { return false; }
  bool string(string_t& s) {
    if (!member_ok()) return false;
    v_.null = false;
    v_.text = std::move(s);
    column_->load(column_->field, v_, &out_.back());
    return true;
  }
  bool start_object(std::size_t) {
    if (depth_ == 0 || depth_ == 2) {
      if (depth_ == 2) {
        out_.emplace_back();
        seen_ = 0;
      }
      ++depth_;
      return true;
    }
    return false;  // customAttributes, or an object where a string belongs
  }
  bool end_object() {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) {
    if (depth_ != 1 || !in_data_) return false;  // channels, or an array elsewhere
    in_data_ = false;
    ++depth_;
    return true;
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool key(string_t& k) {
    if (depth_ == 1) {
      if (k != "data" || saw_data_) return false;  // another member, or data twice
      saw_data_ = in_data_ = true;
      return true;
    }
    // depth 3: a member of a contact, documented, text, given once
    column_ = nullptr;
    const auto& columns = sorted_columns<ContactFields>();
    auto it = std::lower_bound(columns.begin(), columns.end(), k,
                               [](const fields::Column& c, const std::string& name) { return c.name < name; });
    if (it == columns.end() || it->name != k || it->kind != fields::ColumnKind::kText) return false;
    unsigned bit = 1u << (it - columns.begin());
    if (seen_ & bit) return false;
    seen_ |= bit;
    column_ = &*it;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

  bool complete() const { return saw_data_ && !in_data_; }

 private:
  // A scalar is only read as a contact's member, after its key.
  bool member_ok() const { return depth_ == 3 && column_ != nullptr; }

  std::vector<ContactFields>& out_;
  int depth_ = 0;  // 1 the body, 2 data, 3 a contact
  bool saw_data_ = false, in_data_ = false;
  unsigned seen_ = 0;                       // the contact's members given so far, by column index
  const fields::Column* column_ = nullptr;  // the member being read
  fields::ColumnValue v_;
};

}  // namespace

std::optional<std::vector<ContactFields>> read_upsert_body_text(const std::string& body) {
  static_assert(sizeof(unsigned) * 8 >= 16, "one bit per contact column");
  std::vector<ContactFields> contacts;
  UpsertBodyReader reader(contacts);
  try {
    if (!json::sax_parse(body, &reader) || !reader.complete()) return std::nullopt;
  } catch (const json::exception&) { return std::nullopt; }
  return contacts;
}

}  // namespace gomo::api::wire
