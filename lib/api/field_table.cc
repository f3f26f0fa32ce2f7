#include "api/field_table.h"

#include <algorithm>

#include "api/validate.h"
#include "api/validate_programs.h"

namespace gomo::api::fields {
namespace {

// class-validator's IsEmail in spirit: one @, a non-empty local part, a dotted domain, no spaces.
bool looks_like_email(const std::string& s) {
  auto at = s.find('@');
  if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
  std::string_view domain = std::string_view(s).substr(at + 1);
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  if (domain.find("..") != std::string_view::npos) return false;
  // isspace() of the "C" locale is ' ' and \t..\r, below 0x20 already: no call per byte.
  return std::none_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c < 0x20; });
}

bool required_and_missing(const char* name, const Rules& rules, bool present, bool create, const std::string& prefix,
                          FieldErrors& errors) {
  if (present) return false;
  if (create && rules.required_on_create) errors[prefix + name].push_back(std::string(name) + " should not be empty");
  return true;
}

}  // namespace

Reader::Reader(const json& obj, std::string prefix, FieldErrors& errors, const std::vector<std::string>& documented)
    : obj_(obj), prefix_(std::move(prefix)), errors_(errors) {
  if (!obj.is_object()) {
    errors_[prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - 1)].push_back("must be a JSON object");
    return;
  }
  for (const auto& [key, value] : obj.items()) {
    if (std::find(documented.begin(), documented.end(), key) == documented.end()) {
      errors_[prefix_ + key].push_back("property " + key + " should not exist");
    }
  }
}

const json* Reader::find(const char* key) const {
  if (!obj_.is_object()) return nullptr;
  auto it = obj_.find(key);
  return it == obj_.end() || it->is_null() ? nullptr : &*it;
}

std::nullopt_t Reader::wrong(const char* key, const char* what) {
  errors_[at(key)].push_back(std::string(key) + " must be " + what);
  return std::nullopt;
}

std::optional<std::string> Reader::string(const char* key) {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) return wrong(key, "a string");
  return v->get<std::string>();
}

std::optional<long long> Reader::number(const char* key) {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) return wrong(key, "an integer number");
  return v->get<long long>();
}

std::optional<bool> Reader::flag(const char* key) {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) return wrong(key, "a boolean value");
  return v->get<bool>();
}

const json* Reader::object(const char* key) {
  const json* v = find(key);
  if (v && !v->is_object()) return wrong(key, "an object"), nullptr;
  return v;
}

const json* Reader::array(const char* key) {
  const json* v = find(key);
  if (v && !v->is_array()) return wrong(key, "an array"), nullptr;
  return v;
}

std::optional<std::vector<std::string>> Reader::strings(const char* key, bool say_array) {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_array()) return wrong(key, say_array ? "an array" : "an array of strings");
  std::vector<std::string> out;
  for (const auto& item : *v) {
    if (!item.is_string()) return wrong(key, "an array of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

void Reader::require(const char* key) {
  if (!find(key) && obj_.is_object()) errors_[at(key)].push_back(std::string(key) + " should not be empty");
}

std::string join_values(std::span<const char* const> values) {
  std::string list;
  for (const char* v : values) list += (list.empty() ? "" : ", ") + std::string(v);
  return list;
}

void check_present(const char* name, const Rules& rules, bool present, bool create, const std::string& prefix,
                   FieldErrors& errors) {
  required_and_missing(name, rules, present, create, prefix, errors);
}

bool schema_required(const Rules& rules, SchemaMode mode, bool, bool omit_unset) {
  switch (mode) {
    case SchemaMode::kResponse: return !omit_unset;  // put writes every member, unset optionals as null
    case SchemaMode::kCreate: return rules.required || rules.required_on_create;
    case SchemaMode::kUpdate: return rules.required;
  }
  return false;
}

bool schema_nullable(const Rules& rules, SchemaMode mode, bool optional, bool omit_unset) {
  if (mode == SchemaMode::kResponse) return optional && !omit_unset;
  return !schema_required(rules, mode, optional, omit_unset);  // the Reader takes null for missing
}

void add_property(json& object_schema, const char* name, json value, bool required, bool nullable) {
  if (nullable) {
    if (auto t = value.find("type"); t != value.end() && t->is_string()) {
      *t = json::array({*t, "null"});
      if (auto e = value.find("enum"); e != value.end()) e->push_back(nullptr);
    } else if (!value.empty()) {
      value = {{"anyOf", json::array({value, {{"type", "null"}}})}};
    }  // {} takes null already
  }
  object_schema["properties"][name] = std::move(value);
  if (required) {
    json& list = object_schema["required"];
    if (!list.is_array()) list = json::array();
    list.push_back(name);
  }
}

void apply_rules(const Rules& rules, json& value) {
  if (value.value("type", "") == "string") {
    int min = rules.not_empty ? std::max(1, rules.min_chars) : rules.min_chars;
    if (min >= 0) value["minLength"] = min;
    if (rules.max_chars >= 0) value["maxLength"] = rules.max_chars;
    if (!rules.one_of.empty()) {
      json values = json::array();
      for (const char* v : rules.one_of) values.push_back(v);
      if (rules.empty_is_unset) values.push_back("");
      value["enum"] = values;
    }
    switch (rules.format) {
      case Format::kEmail: value["format"] = "email"; break;
      case Format::kUuid: value["format"] = "uuid"; break;
      case Format::kIsoInstant: value["format"] = "date-time"; break;
      case Format::kNone: break;
    }
  } else if (value.value("type", "") == "integer") {
    if (rules.min_value != LLONG_MIN) value["minimum"] = rules.min_value;
    if (rules.max_value != LLONG_MAX) value["maximum"] = rules.max_value;
  }
}

namespace {

// The checks of a present text value, in order: calls found(fault) for each finding until it returns false.
template <typename Found>
void each_text_fault(const Rules& rules, const std::string& value, Found found) {
  const std::size_t n = char_count(value);
  if (rules.not_empty && n == 0 && !found(FieldFault::kEmpty)) return;
  if (rules.min_chars >= 0 && n < static_cast<std::size_t>(rules.min_chars)) {
    if (!found(FieldFault::kTooShort)) return;
  } else if (rules.max_chars >= 0 && n > static_cast<std::size_t>(rules.max_chars)) {
    if (!found(FieldFault::kTooLong)) return;
  }
  if (!rules.one_of.empty() &&
      std::none_of(rules.one_of.begin(), rules.one_of.end(), [&](const char* v) { return value == v; })) {
    if (!found(FieldFault::kNotOneOf)) return;
  }
  bool well_formed = true;
  switch (rules.format) {
    case Format::kNone: break;
    case Format::kEmail: well_formed = looks_like_email(value); break;
    case Format::kUuid: well_formed = is_uuid(value); break;
    case Format::kIsoInstant: well_formed = static_cast<bool>(parse_iso_instant_ms(value)); break;
  }
  if (!well_formed) found(FieldFault::kBadFormat);
}

// class-validator's words for a finding of each_text_fault.
std::string text_fault_message(std::string_view field, const Rules& rules, FieldFault fault) {
  const std::string name(field);
  switch (fault) {
    case FieldFault::kTooShort:
      return name + " must be longer than or equal to " + std::to_string(rules.min_chars) + " characters";
    case FieldFault::kTooLong:
      return name + " must be shorter than or equal to " + std::to_string(rules.max_chars) + " characters";
    case FieldFault::kNotOneOf: return name + " must be one of the following values: " + join_values(rules.one_of);
    case FieldFault::kBadFormat:
      if (rules.format == Format::kEmail) return name + " must be an email";
      if (rules.format == Format::kUuid) return name + " must be a UUID";
      return name + " must be a valid ISO 8601 date string with a timezone or Z";
    case FieldFault::kNone:
    case FieldFault::kMissing:
    case FieldFault::kEmpty:
    case FieldFault::kInvalid: break;
  }
  return name + " should not be empty";
}

}  // namespace

FieldFault first_text_fault(const Rules& rules, const std::string* value, bool create) {
  if (!value) return create && rules.required_on_create ? FieldFault::kMissing : FieldFault::kNone;
  FieldFault first = FieldFault::kNone;
  each_text_fault(rules, *value, [&](FieldFault fault) {
    first = fault;
    return false;
  });
  return first;
}

void check_text(const char* name, const Rules& rules, const std::string* value, bool create, const std::string& prefix,
                FieldErrors& errors) {
  if (required_and_missing(name, rules, value != nullptr, create, prefix, errors)) return;
  // Most values pass: nothing is allocated unless one does not (the CSV upsert checks millions).
  std::vector<std::string> messages;
  each_text_fault(rules, *value, [&](FieldFault fault) {
    messages.push_back(text_fault_message(name, rules, fault));
    return true;
  });
  if (messages.empty()) return;
  auto& recorded = errors[prefix + name];
  for (auto& m : messages) recorded.push_back(std::move(m));
}

void check_integer(const char* name, const Rules& rules, const long long* value, bool create, const std::string& prefix,
                   FieldErrors& errors) {
  if (required_and_missing(name, rules, value != nullptr, create, prefix, errors)) return;
  const std::string field = name;
  if (*value < rules.min_value) {
    errors[prefix + name].push_back(field + " must not be less than " + std::to_string(rules.min_value));
  } else if (*value > rules.max_value) {
    errors[prefix + name].push_back(field + " must not be greater than " + std::to_string(rules.max_value));
  }
}

}  // namespace gomo::api::fields
