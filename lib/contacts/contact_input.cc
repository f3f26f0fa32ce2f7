// Contact fields from flags and body files (contacts/contact_input.h).
#include "contacts/contact_input.h"

#include <cctype>

#include <nlohmann/json.hpp>

#include "api/validate.h"
#include "api/wire.h"
#include "base/strings.h"
#include "contacts/phone.h"
#include "document/document.h"
#include "document/limits.h"

namespace gomo::contacts {

namespace {

using nlohmann::json;

json to_json(const document::Value& v) {
  switch (v.kind) {
    case document::Kind::kNull: return nullptr;
    case document::Kind::kBool: return v.boolean;
    case document::Kind::kInt: return v.integer;
    case document::Kind::kFloat: return v.number;
    case document::Kind::kString: return v.text;
    case document::Kind::kSequence: {
      json out = json::array();
      for (const auto& item : v.items) out.push_back(to_json(item));
      return out;
    }
    case document::Kind::kMapping: {
      json out = json::object();
      for (const auto& m : v.members) out[m.key.scalar_text()] = to_json(m.value);
      return out;
    }
  }
  return nullptr;
}

std::optional<std::string>* field_slot(api::ContactFields& f, std::string_view name) {
  if (name == "primaryPhone") return &f.primary_phone;
  if (name == "firstName") return &f.first_name;
  if (name == "lastName") return &f.last_name;
  if (name == "fullName") return &f.full_name;
  if (name == "primaryEmail") return &f.primary_email;
  if (name == "address") return &f.address;
  if (name == "city") return &f.city;
  if (name == "state") return &f.state;
  if (name == "zip") return &f.zip;
  if (name == "occupation") return &f.occupation;
  if (name == "preferredChannel") return &f.preferred_channel;
  if (name == "gender") return &f.gender;
  return nullptr;
}

// "NAME: message; NAME: message" from a VALIDATION_FAILED error.
std::string field_problems(const api::ApiError& e) {
  std::vector<std::string> parts;
  for (const auto& [field, messages] : e.field_errors) {
    for (const auto& m : messages) parts.push_back(field + ": " + m);
  }
  return parts.empty() ? e.message : join(parts, "; ");
}

Result<api::ContactFields> fields_from_body(const ContactInput& input) {
  auto doc = document::read_document(input.body_name, input.body_text);
  for (const auto& p : doc->problems) {
    return Status::invalid_argument(input.body_name + ":" + std::to_string(p.begin.line) + ":" +
                                    std::to_string(p.begin.col) + ": " + p.message);
  }
  if (!doc->parsed || !doc->root.is_mapping()) {
    return Status::invalid_argument(input.body_name +
                                    ": expected an object of contact fields (primaryPhone, firstName, ...)");
  }
  json body = to_json(doc->root);
  // What `contacts get -o json` adds to the fields: the platform sets these, so they are not sent.
  for (const char* read_only : {"id", "organizationId", "createdAt", "updatedAt", "deletedAt"}) body.erase(read_only);
  auto fields = api::wire::parse_contact(body);
  if (!fields) return Status::invalid_argument(input.body_name + ": " + field_problems(fields.error()));
  return std::move(*fields);
}

bool fits_type(const json& value, const std::string& type) {
  if (value.is_null()) return true;
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  return value.is_string() || value.is_array();
}

}  // namespace

const std::vector<ContactFlag>& contact_flags() {
  static const std::vector<ContactFlag> flags = {
      {"--phone", "primaryPhone", "Primary phone (E.164, or national with --region)"},
      {"--first-name", "firstName", "First name (2-64 characters)"},
      {"--last-name", "lastName", "Last name (1-64 characters)"},
      {"--full-name", "fullName", "Full name (3-64 characters)"},
      {"--email", "primaryEmail", "Primary email"},
      {"--address", "address", "Address (3-256 characters)"},
      {"--city", "city", "City (3-64 characters)"},
      {"--state", "state", "State or region (3-64 characters)"},
      {"--zip", "zip", "Postal code (3-64 characters)"},
      {"--occupation", "occupation", "Occupation (3-64 characters)"},
      {"--gender", "gender", "male or female"},
      {"--preferred-channel", "preferredChannel", "Preferred channel, e.g. phone"},
  };
  return flags;
}

Result<ContactDraft> contact_draft(const ContactInput& input) {
  ContactDraft draft;
  if (!input.body_text.empty()) {
    auto body = fields_from_body(input);
    if (!body) return body.error();
    draft.fields = std::move(*body);
  }
  for (const auto& [name, value] : input.fields) {
    auto* slot = field_slot(draft.fields, name);
    if (!slot) return Status::invalid_argument("unknown contact field " + name);
    *slot = value;
  }
  for (const auto& attr : input.attributes) {
    const auto eq = attr.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::invalid_argument("--attr \"" + attr + "\": expected NAME=VALUE (e.g. --attr age=30)");
    }
    const std::string name = attr.substr(0, eq), text = attr.substr(eq + 1);
    draft.fields.custom_attributes[name] = attribute_value_json(text);
    draft.attribute_texts[name] = text;
  }
  if (draft.fields.primary_phone) {
    auto phone = normalize_phone(*draft.fields.primary_phone, input.region);
    if (!phone.ok()) {
      return Status::invalid_argument("primaryPhone: " + phone.message + " [" + phone_reason_code(phone.reason) + "]");
    }
    draft.fields.primary_phone = phone.e164;
  }
  return draft;
}

bool is_empty(const api::ContactFields& f) {
  return !f.primary_phone && !f.first_name && !f.last_name && !f.full_name && !f.primary_email && !f.address &&
         !f.city && !f.state && !f.zip && !f.occupation && !f.preferred_channel && !f.gender && !f.channels &&
         f.custom_attributes.empty();
}

std::string attribute_value_json(std::string_view text) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_discarded() && !parsed.is_string()) return parsed.dump();
  return json(std::string(text)).dump();
}

namespace {

// The shapes gomo checks before sending, for the types whose values are strings: the platform is the
// judge, this keeps obviously wrong values out of a request (or of a whole upsert batch).
bool has_shape_of(std::string_view type, std::string_view text) {
  auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
  if (type == "email") {
    auto at = text.find('@');
    return at != std::string_view::npos && at > 0 && text.find('.', at) != std::string_view::npos;
  }
  if (type == "url") return text.starts_with("http://") || text.starts_with("https://");
  if (type == "date") {
    return text.size() >= 10 && digit(0) && digit(1) && digit(2) && digit(3) && text[4] == '-' && digit(5) &&
           digit(6) && text[7] == '-' && digit(8) && digit(9);
  }
  return true;
}

}  // namespace

Result<std::string> attribute_value_for_type(std::string_view name, std::string_view text, std::string_view type,
                                             std::string_view region) {
  const std::string what = "\"" + std::string(text) + "\" is not ";
  const std::string why =
      " (" + std::string(name) + " is a" + (type == "email" ? "n " : " ") + std::string(type) + " attribute)";
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (type == "number") {
    if (parsed.is_discarded() || !parsed.is_number()) return Status::invalid_argument(what + "a number" + why);
    return parsed.dump();
  }
  if (type == "boolean") {
    if (text != "true" && text != "false") return Status::invalid_argument(what + "true or false" + why);
    return std::string(text);
  }
  if (type == "phone_number") {
    auto phone = normalize_phone(text, region);
    if (!phone.ok()) return Status::invalid_argument(phone.message + " [" + phone_reason_code(phone.reason) + "]");
    return json(phone.e164).dump();
  }
  if (!has_shape_of(type, text)) {
    const char* shape = type == "date"  ? "a date (YYYY-MM-DD)"
                        : type == "url" ? "an http:// or https:// URL"
                                        : "an email address";
    return Status::invalid_argument(what + shape + why);
  }
  if (!parsed.is_discarded() && parsed.is_array()) return parsed.dump();
  return json(std::string(text)).dump();
}

Status fit_attribute_types(ContactDraft& draft, const std::vector<api::CustomAttribute>& catalog,
                           std::string_view region) {
  std::vector<std::string> names;
  for (const auto& a : catalog) names.push_back(a.name);
  for (auto& [name, value] : draft.fields.custom_attributes) {
    const api::CustomAttribute* attribute = nullptr;
    for (const auto& a : catalog) {
      if (a.name == name) attribute = &a;
    }
    if (!attribute) {
      std::string message = "unknown custom attribute \"" + name + "\"";
      const std::string slug = api::attribute_slug(name);
      std::string suggestion;
      for (const auto& a : catalog) {
        if (a.name == slug || a.display_name == name) suggestion = a.name;
      }
      if (suggestion.empty()) suggestion = closest_match(name, names);
      if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
      if (catalog.empty()) {
        message += " (the account has none: gomo attributes create --name NAME --type TYPE)";
      } else {
        message += " (attributes: " + join(names, ", ") + ")";
      }
      return Status::invalid_argument(message);
    }
    auto text = draft.attribute_texts.find(name);
    if (text != draft.attribute_texts.end()) {
      auto typed = attribute_value_for_type(name, text->second, attribute->type, region);
      if (!typed) return Status::invalid_argument("--attr " + name + ": " + typed.error().message());
      value = *typed;
    } else if (!fits_type(json::parse(value), attribute->type)) {
      return Status::invalid_argument("customAttributes." + name + ": " + value + " is not a " + attribute->type +
                                      " value");
    }
  }
  return Status::ok();
}

Result<std::string> read_input(const std::string& path, std::istream& in) {
  // Never more than the readers' limit plus one byte in memory (a huge file or an endless pipe); past
  // the limit the input is refused here, since a list file has no reader of its own to do it.
  std::string text;
  if (path == "-") {
    text = document::read_bounded(in);
  } else {
    auto read = document::read_input_text(path);
    if (!read && read.error().code() == StatusCode::kInvalidArgument) return read.error();
    if (!read && read.error().code() == StatusCode::kNotFound)
      return Status::not_found(path + ": cannot read (no such file)");
    if (!read) return Status::io_error(path + ": cannot read (" + read.error().message() + ")");
    text = std::move(read.value());
  }
  if (text.size() > document::kMaxInputBytes)
    return Status::invalid_argument((path == "-" ? std::string("<stdin>") : path) +
                                    ":1:1: " + document::limit_message(document::Limit::kInputBytes));
  return text;
}

}  // namespace gomo::contacts
