#include "checks/schema_compile.h"

#include <algorithm>
#include <cstdio>

#include "base/strings.h"

namespace gomo::checks::schema {

using document::Kind;
using document::Value;

namespace {

uint8_t kind_bit(Kind k) { return static_cast<uint8_t>(1u << static_cast<unsigned>(k)); }

uint8_t type_bits(std::string_view type) {
  if (type == "null") return kind_bit(Kind::kNull);
  if (type == "boolean") return kind_bit(Kind::kBool);
  if (type == "integer") return kind_bit(Kind::kInt);
  if (type == "number") return kind_bit(Kind::kInt) | kind_bit(Kind::kFloat);
  if (type == "string") return kind_bit(Kind::kString);
  if (type == "array") return kind_bit(Kind::kSequence);
  if (type == "object") return kind_bit(Kind::kMapping);
  return 0;
}

Name name_of(const std::string& s) { return Name{s.c_str(), static_cast<uint32_t>(s.size())}; }

}  // namespace

class Compiler {
 public:
  Compiler(const Value& root, Compiled& out) : root_(root), out_(out) {}

  void run() {
    node(root_);
    if (const Value* defs = root_.find("definitions"); defs && defs->is_mapping())
      for (const auto& m : defs->members) out_.definitions_.push_back({m.key.text.c_str(), node(m.value)});
  }

 private:
  const Node* node(const Value& v) {
    if (auto it = memo_.find(&v); it != memo_.end()) return it->second;
    Node& n = out_.nodes_.emplace_back();
    memo_[&v] = &n;  // before the children: schemas may refer to themselves
    if (v.kind == Kind::kBool) {
      n.is_boolean = true;
      n.boolean = v.boolean;
      return &n;
    }
    if (!v.is_mapping()) return &n;
    for (const auto& m : v.members) keyword(n, m.key.text, m.value, v);
    if (n.has_all_of) index_dispatch(n, *v.find("allOf"));
    return &n;
  }

  void keyword(Node& n, std::string_view key, const Value& val, const Value& schema) {
    if (key == "$ref") {
      n.has_ref = true;
      if (const Value* target = resolve(schema, 0)) n.ref = node(*target);
    } else if (key == "type") {
      n.has_type = true;
      std::vector<const char*> names;
      auto add = [&](const Value& t) {
        n.type_mask |= type_bits(t.text);
        n.integer_type = n.integer_type || t.text == "integer";
        names.push_back(t.text.c_str());
      };
      if (val.is_sequence())
        for (const auto& t : val.items) add(t);
      else
        add(val);
      n.type_names = list(out_.string_lists_, std::move(names));
    } else if (key == "enum") {
      if (!val.is_sequence()) return;
      n.has_enum = true;
      std::vector<Constant> values;
      for (const auto& c : val.items) values.push_back(constant(c));
      n.enum_values = list(out_.constant_lists_, std::move(values));
    } else if (key == "const") {
      n.const_value = &out_.constants_.emplace_back(constant(val));
    } else if (key == "minLength") {
      n.min_length = bound(val);
    } else if (key == "maxLength") {
      n.max_length = bound(val);
    } else if (key == "minimum") {
      n.minimum = bound(val);
    } else if (key == "maximum") {
      n.maximum = bound(val);
    } else if (key == "minItems") {
      n.min_items = bound(val);
    } else if (key == "maxItems") {
      n.max_items = bound(val);
    } else if (key == "minProperties") {
      n.min_properties = bound(val);
    } else if (key == "maxProperties") {
      n.max_properties = bound(val);
    } else if (key == "items") {
      if (!val.is_sequence()) n.items = node(val);
    } else if (key == "required") {
      if (!val.is_sequence()) return;
      n.has_required = true;
      std::vector<Name> names;
      for (const auto& r : val.items) names.push_back(name_of(r.text));
      n.required = list(out_.name_lists_, std::move(names));
    } else if (key == "properties") {
      n.has_properties = true;
      std::vector<Property> props;
      for (const auto& p : val.members) props.push_back({name_of(p.key.text), node(p.value)});
      n.properties = list(out_.property_lists_, std::move(props));
    } else if (key == "additionalProperties") {
      n.additional = node(val);
    } else if (key == "propertyNames") {
      n.property_names = node(val);
    } else if (key == "allOf") {
      if (!val.is_sequence()) return;
      n.has_all_of = true;
      n.all_of = nodes(val);
    } else if (key == "anyOf") {
      if (!val.is_sequence()) return;
      n.has_any_of = true;
      n.any_of = nodes(val);
    } else if (key == "oneOf") {
      if (!val.is_sequence()) return;
      n.has_one_of = true;
      n.one_of = nodes(val);
    } else if (key == "not") {
      n.not_schema = node(val);
    } else if (key == "if") {
      n.if_schema = node(val);
    } else if (key == "then") {
      n.then_schema = node(val);
    } else if (key == "else") {
      n.else_schema = node(val);
    } else if (key == "x-gomo-noun") {
      if (val.is_string()) n.noun = val.text.c_str();
    } else if (key == "x-gomo-rule") {
      if (val.is_string() && !val.text.empty()) n.rule = val.text.c_str();
    } else if (key == "x-gomo-aliases") {
      std::vector<Alias> aliases;
      for (const auto& a : val.members)
        if (a.value.is_string()) aliases.push_back({name_of(a.key.text), a.value.text.c_str()});
      n.aliases = list(out_.alias_lists_, std::move(aliases));
    }
  }

  template <typename T>
  static List<T> list(std::deque<std::vector<T>>& pool, std::vector<T> items) {
    auto& kept = pool.emplace_back(std::move(items));
    return List<T>{kept.data(), static_cast<uint32_t>(kept.size())};
  }

  List<const Node*> nodes(const Value& seq) {
    std::vector<const Node*> out;
    for (const auto& s : seq.items) out.push_back(node(s));
    return list(out_.node_lists_, std::move(out));
  }

  static Constant constant(const Value& v) {
    Constant c;
    c.kind = v.kind;
    c.boolean = v.boolean;
    c.integer = v.integer;
    c.number = v.number;
    if (v.is_scalar()) {
      c.text = v.kind == Kind::kNull ? "null" : v.kind == Kind::kBool ? (v.boolean ? "true" : "false") : v.text.c_str();
      c.length = static_cast<uint32_t>(std::string_view(c.text).size());
    } else {
      c.composite = &v;
    }
    return c;
  }

  static Bound bound(const Value& v) {
    if (!v.is_number()) return {};
    return Bound{true, v.number, v.text.c_str()};
  }

  // The target of a local $ref ("#/definitions/x"), its own $refs followed; null when unresolvable.
  const Value* resolve(const Value& schema, int depth) const {
    std::string_view ref = schema.string_at("$ref");
    if (ref.empty()) return &schema;
    if (!starts_with(ref, "#/") || depth > 64) return nullptr;
    const Value* cur = &root_;
    size_t pos = 2;
    while (cur && pos <= ref.size()) {
      size_t slash = ref.find('/', pos);
      cur = cur->find(ref.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos));
      if (slash == std::string_view::npos) break;
      pos = slash + 1;
    }
    return cur ? resolve(*cur, depth + 1) : nullptr;
  }

  // The P and "c" of `{if: {properties: {P: {const: "c"}}, required: [P]}, then: S}` (nothing else).
  static bool tagged_branch(const Value& item, const Value*& property, const Value*& tag, const Value*& then_schema) {
    if (!item.is_mapping() || item.members.size() != 2) return false;
    const Value* cond = item.find("if");
    then_schema = item.find("then");
    if (!cond || !then_schema || !cond->is_mapping() || cond->members.size() != 2) return false;
    const Value* props = cond->find("properties");
    const Value* required = cond->find("required");
    if (!props || !required || !props->is_mapping() || props->members.size() != 1) return false;
    if (!required->is_sequence() || required->items.size() != 1) return false;
    const document::Member& only = props->members[0];
    if (required->items[0].text != only.key.text || !only.value.is_mapping() || only.value.members.size() != 1) return false;
    const Value* c = only.value.find("const");
    if (!c || !c->is_string()) return false;
    property = &only.key;
    tag = c;
    return true;
  }

  void index_dispatch(Node& n, const Value& all_of) {
    if (all_of.items.empty()) return;
    const Value* property = nullptr;
    std::vector<Property> dispatch;
    for (const auto& item : all_of.items) {
      const Value *p = nullptr, *tag = nullptr, *then_schema = nullptr;
      if (!tagged_branch(item, p, tag, then_schema)) return;
      if (property && p->text != property->text) return;
      property = p;
      for (const auto& d : dispatch)
        if (tag->text == d.name.text) return;  // the same tag twice: keep allOf's meaning
      dispatch.push_back({name_of(tag->text), node(*then_schema)});
    }
    n.dispatch_property = name_of(property->text);
    n.dispatch = list(out_.property_lists_, std::move(dispatch));
  }

  const Value& root_;
  Compiled& out_;
  std::unordered_map<const Value*, const Node*> memo_;
};

std::unique_ptr<Compiled> compile(const Value& root) {
  auto out = std::make_unique<Compiled>();
  Compiler(root, *out).run();
  return out;
}

// ---- C++ source ---------------------------------------------------------------------------------

namespace {

std::string literal(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);  // octal: at most three digits, unlike \x
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string number(double d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

class Emitter {
 public:
  Emitter(const Compiled& compiled, std::string_view prefix) : compiled_(compiled), prefix_(prefix) {
    size_t next = 0;
    for (const Node& n : compiled.nodes()) index_[&n] = next++;
  }

  bool run(std::string& out, std::string& error) {
    out = "// Generated by gomo_schema_gen: do not edit.\n#include \"checks/schema_node.h\"\n\n"
          "namespace gomo::checks::generated {\nusing namespace gomo::checks::schema;\n\n";
    out += "extern const Node " + prefix_ + "Nodes[" + std::to_string(index_.size()) + "];\n\n";
    std::string nodes;
    size_t i = 0;
    for (const Node& n : compiled_.nodes()) {
      std::string fields;
      if (!node(n, i++, out, fields, error)) return false;
      nodes += "    {" + fields + "},\n";
    }
    out += "const Node " + prefix_ + "Nodes[" + std::to_string(index_.size()) + "] = {\n" + nodes + "};\n\n";
    const auto& defs = compiled_.definitions();
    out += "extern const Definition " + prefix_ + "Definitions[" + std::to_string(std::max<size_t>(defs.size(), 1)) + "] = {\n";
    for (const auto& d : defs) out += "    {" + literal(d.name) + ", " + ref(d.node) + "},\n";
    out += "};\nextern const unsigned " + prefix_ + "DefinitionCount = " + std::to_string(defs.size()) + ";\n\n}  // namespace gomo::checks::generated\n";
    return true;
  }

 private:
  std::string ref(const Node* n) const { return n ? "&" + prefix_ + "Nodes[" + std::to_string(index_.at(n)) + "]" : "nullptr"; }

  static std::string name(const Name& n) { return "{" + literal(n.text) + ", " + std::to_string(n.length) + "}"; }

  bool constant(const Constant& c, std::string& out, std::string& error) const {
    if (c.composite) {
      error = "an object or array as an enum or const value cannot be compiled in";
      return false;
    }
    out = "{document::Kind(" + std::to_string(static_cast<int>(c.kind)) + "), " + (c.boolean ? "true" : "false") + ", " +
          std::to_string(c.integer) + "LL, " + number(c.number) + ", " + literal(c.text) + ", " + std::to_string(c.length) + ", nullptr}";
    return true;
  }

  static void field(std::string& fields, const char* name, const std::string& value) {
    fields += std::string(fields.empty() ? "" : ", ") + "." + name + " = " + value;
  }

  // Writes the arrays node `i` needs before the node table, and the node's designated initialisers.
  bool node(const Node& n, size_t i, std::string& out, std::string& f, std::string& error) const {
    const std::string id = std::to_string(i);
    auto array = [&](const char* type, const std::string& name, const std::vector<std::string>& items) {
      std::string body;
      for (const auto& item : items) body += (body.empty() ? "" : ", ") + item;
      out += "static const " + std::string(type) + " " + name + "[] = {" + body + "};\n";
      return "{" + name + ", " + std::to_string(items.size()) + "}";
    };
    auto bound = [&](const char* key, const Bound& b) {
      if (b.set) field(f, key, "{true, " + number(b.value) + ", " + literal(b.text) + "}");
    };
    if (n.is_boolean) field(f, "is_boolean", "true");
    if (n.boolean) field(f, "boolean", "true");
    if (n.has_ref) field(f, "has_ref", "true");
    if (n.ref) field(f, "ref", ref(n.ref));
    if (n.has_type) field(f, "has_type", "true");
    if (n.type_mask) field(f, "type_mask", std::to_string(n.type_mask));
    if (n.integer_type) field(f, "integer_type", "true");
    if (!n.type_names.empty()) {
      std::vector<std::string> items;
      for (const char* t : n.type_names) items.push_back(literal(t));
      field(f, "type_names", array("char*", "kTypes" + id, items));
    }
    if (n.has_enum) field(f, "has_enum", "true");
    if (!n.enum_values.empty()) {
      std::vector<std::string> items;
      for (const auto& c : n.enum_values) {
        std::string s;
        if (!constant(c, s, error)) return false;
        items.push_back(s);
      }
      field(f, "enum_values", array("Constant", "kEnum" + id, items));
    }
    if (n.const_value) {
      std::string s;
      if (!constant(*n.const_value, s, error)) return false;
      out += "static const Constant kConst" + id + " = " + s + ";\n";
      field(f, "const_value", "&kConst" + id);
    }
    bound("min_length", n.min_length);
    bound("max_length", n.max_length);
    bound("minimum", n.minimum);
    bound("maximum", n.maximum);
    bound("min_items", n.min_items);
    bound("max_items", n.max_items);
    bound("min_properties", n.min_properties);
    bound("max_properties", n.max_properties);
    if (n.items) field(f, "items", ref(n.items));
    if (n.has_required) field(f, "has_required", "true");
    if (!n.required.empty()) {
      std::vector<std::string> items;
      for (const auto& r : n.required) items.push_back(name(r));
      field(f, "required", array("Name", "kRequired" + id, items));
    }
    if (n.has_properties) field(f, "has_properties", "true");
    auto properties = [&](const List<Property>& props, const std::string& array_name) {
      std::vector<std::string> items;
      for (const auto& p : props) items.push_back("{" + name(p.name) + ", " + ref(p.schema) + "}");
      return array("Property", array_name, items);
    };
    if (!n.properties.empty()) field(f, "properties", properties(n.properties, "kProperties" + id));
    if (n.additional) field(f, "additional", ref(n.additional));
    if (n.property_names) field(f, "property_names", ref(n.property_names));
    if (n.has_all_of) field(f, "has_all_of", "true");
    if (n.has_any_of) field(f, "has_any_of", "true");
    if (n.has_one_of) field(f, "has_one_of", "true");
    auto node_list = [&](const List<const Node*>& list, const std::string& array_name) {
      std::vector<std::string> items;
      for (const Node* s : list) items.push_back(ref(s));
      return array("Node*", array_name, items);
    };
    if (!n.all_of.empty()) field(f, "all_of", node_list(n.all_of, "kAllOf" + id));
    if (!n.any_of.empty()) field(f, "any_of", node_list(n.any_of, "kAnyOf" + id));
    if (!n.one_of.empty()) field(f, "one_of", node_list(n.one_of, "kOneOf" + id));
    if (n.not_schema) field(f, "not_schema", ref(n.not_schema));
    if (n.if_schema) field(f, "if_schema", ref(n.if_schema));
    if (n.then_schema) field(f, "then_schema", ref(n.then_schema));
    if (n.else_schema) field(f, "else_schema", ref(n.else_schema));
    if (n.noun) field(f, "noun", literal(n.noun));
    if (n.rule) field(f, "rule", literal(n.rule));
    if (!n.aliases.empty()) {
      std::vector<std::string> items;
      for (const auto& a : n.aliases) items.push_back("{" + name(a.from) + ", " + literal(a.to) + "}");
      field(f, "aliases", array("Alias", "kAliases" + id, items));
    }
    if (n.dispatch_property.length) field(f, "dispatch_property", name(n.dispatch_property));
    if (!n.dispatch.empty()) field(f, "dispatch", properties(n.dispatch, "kDispatch" + id));
    return true;
  }

  const Compiled& compiled_;
  std::string prefix_;
  std::unordered_map<const Node*, size_t> index_;
};

}  // namespace

bool emit_cpp(const Compiled& compiled, std::string_view prefix, std::string& out, std::string& error) {
  return Emitter(compiled, prefix).run(out, error);
}

}  // namespace gomo::checks::schema
