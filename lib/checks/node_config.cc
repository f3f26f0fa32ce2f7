#include "checks/node_config.h"

#include "base/unicode.h"
#include "checks/schema_check.h"

namespace gomo::checks {

void for_each_audio_item(const model::Node& node, const std::function<void(const Value& item)>& fn) {
  for (const char* key : {"audioItems", "promptAudioItems"}) {
    const Value* items = node.config_at(key);
    if (!items || !items->is_sequence()) continue;
    for (const auto& item : items->items)
      if (item.is_mapping()) fn(item);
  }
}

void for_each_value_source(const Value& value, std::string_view source,
                           const std::function<void(const Value& vs)>& fn) {
  if (value.is_mapping()) {
    if (value.string_at("source") == source) fn(value);
    for (const auto& m : value.members) for_each_value_source(m.value, source, fn);
  } else if (value.is_sequence()) {
    for (const auto& item : value.items) for_each_value_source(item, source, fn);
  }
}

std::vector<std::string> placeholders(std::string_view text) {
  // The length of the name character at text[j] (ASCII [A-Za-z0-9_.-], or a letter or digit of any
  // script: attribute names may be Arabic), or 0.
  auto name_char = [&](size_t j) -> size_t {
    const char c = text[j];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')
      return 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;
    size_t next = j;
    return char_class(next_code_point(text, next)) == CharClass::kOther ? 0 : next - j;
  };
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    size_t j = i + 1;
    while (j < text.size()) {
      size_t n = name_char(j);
      if (n == 0) break;
      j += n;
    }
    if (j > i + 1 && j < text.size() && text[j] == '}') {
      out.emplace_back(text.substr(i + 1, j - i - 1));
      i = j;
    }
  }
  return out;
}

namespace {

// The enum of `property` in the first branch of the schema's valueSource that has one:
// definitions/valueSource/allOf[*]/then/properties/<property>/enum.
std::vector<std::string> value_source_enum(std::string_view property) {
  std::vector<std::string> out;
  const schema::Tables& t = flow_schema_tables();
  const schema::Node* vs = t.definition("valueSource");
  if (!vs) return out;
  for (uint32_t b = 0; b < vs->all_of.size; ++b) {
    const schema::Node& branch = t.node(t.node_lists[vs->all_of.begin + b]);
    if (branch.then_schema == schema::kNone) continue;
    const schema::Node& then = t.node(branch.then_schema);
    const schema::Node* prop = nullptr;
    for (uint32_t p = 0; p < then.properties.size; ++p)
      if (t.str(t.properties[then.properties.begin + p].name) == property)
        prop = &t.node(t.properties[then.properties.begin + p].schema);
    if (!prop || !prop->has_enum) continue;
    for (uint32_t e = 0; e < prop->enum_values.size; ++e)
      if (const schema::Constant& c = t.constants[prop->enum_values.begin + e]; c.kind == document::Kind::kString)
        out.emplace_back(t.str(c.text));
    break;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& system_variable_names() {
  static const std::vector<std::string> names = value_source_enum("name");
  return names;
}

const std::vector<std::string>& contact_field_names() {
  static const std::vector<std::string> names = value_source_enum("field");
  return names;
}

const Value& outputs_anchor(const model::Node& node) {
  if (const document::Member* m = node.value->find_member("outputs")) return m->key;
  return node.anchor();
}

std::string first_hangup_id(const model::Flow& flow) {
  for (const auto& n : flow.nodes)
    if (n.type == model::NodeType::kHangup && !n.id.empty()) return n.id;
  return "";
}

}  // namespace gomo::checks
