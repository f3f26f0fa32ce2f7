#include "checks/schema_compile.h"

#include <cstdio>
#include <unordered_map>

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

}  // namespace

namespace {

const Value* resolve_ref(const Value& root, const Value& schema, int depth) {
  std::string_view ref = schema.string_at("$ref");
  if (ref.empty()) return &schema;
  if (!starts_with(ref, "#/") || depth > 64) return nullptr;  // 64: a cycle of $refs
  const Value* cur = &root;
  size_t pos = 2;
  while (cur && pos <= ref.size()) {
    size_t slash = ref.find('/', pos);
    cur = cur->find(ref.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos));
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return cur ? resolve_ref(root, *cur, depth + 1) : nullptr;
}

}  // namespace

const Value* resolve_ref(const Value& root, const Value& schema) { return resolve_ref(root, schema, 0); }

class Compiler {
 public:
  Compiler(const Value& root, Compiled& out) : root_(root), out_(out) {}

  void run() {
    node(root_);
    if (const Value* defs = root_.find("definitions"); defs && defs->is_mapping())
      for (const auto& m : defs->members) {
        const Index n = node(m.value);
        out_.definitions.push_back({str(m.key.text), n});
      }
  }

 private:
  // Nodes are filled in a local and stored at the end: compiling children appends to the tables.
  Index node(const Value& v) {
    if (auto it = memo_.find(&v); it != memo_.end()) return it->second;
    const Index index = static_cast<Index>(out_.nodes.size());
    out_.nodes.emplace_back();
    memo_[&v] = index;  // before the children: schemas may refer to themselves
    Node n;
    if (v.kind == Kind::kBool) {
      n.is_boolean = true;
      n.boolean = v.boolean;
    } else if (v.is_mapping()) {
      Bounds bounds;
      bool has_bounds = false;
      for (const auto& m : v.members) keyword(n, bounds, has_bounds, m.key.text, m.value, v);
      if (has_bounds) {
        n.bounds = static_cast<Index>(out_.bounds.size());
        out_.bounds.push_back(bounds);
      }
      if (n.has_all_of) index_dispatch(n, *v.find("allOf"));
    }
    out_.nodes[index] = n;
    return index;
  }

  void keyword(Node& n, Bounds& b, bool& has_bounds, std::string_view key, const Value& val, const Value& schema) {
    auto bound = [&](Bound& slot) {
      if (!val.is_number()) return;
      slot = Bound{true, val.number, str(val.text)};
      has_bounds = true;
    };
    if (key == "$ref") {
      n.has_ref = true;
      if (const Value* target = resolve_ref(root_, schema)) n.ref = node(*target);
    } else if (key == "type") {
      n.has_type = true;
      std::vector<Str> names;
      auto add = [&](const Value& t) {
        n.type_mask |= type_bits(t.text);
        n.integer_type = n.integer_type || t.text == "integer";
        names.push_back(str(t.text));
      };
      if (val.is_sequence())
        for (const auto& t : val.items) add(t);
      else add(val);
      n.type_names = append(out_.strs, names);
    } else if (key == "enum") {
      if (!val.is_sequence()) return;
      n.has_enum = true;
      std::vector<Constant> values;
      for (const auto& c : val.items) values.push_back(constant(c));
      n.enum_values = append(out_.constants, values);
    } else if (key == "const") {
      n.const_value = static_cast<Index>(out_.constants.size());
      out_.constants.push_back(constant(val));
    } else if (key == "minLength") {
      bound(b.min_length);
    } else if (key == "maxLength") {
      bound(b.max_length);
    } else if (key == "minimum") {
      bound(b.minimum);
    } else if (key == "maximum") {
      bound(b.maximum);
    } else if (key == "minItems") {
      bound(b.min_items);
    } else if (key == "maxItems") {
      bound(b.max_items);
    } else if (key == "minProperties") {
      bound(b.min_properties);
    } else if (key == "maxProperties") {
      bound(b.max_properties);
    } else if (key == "items") {
      if (!val.is_sequence()) n.items = node(val);
    } else if (key == "required") {
      if (!val.is_sequence()) return;
      n.has_required = true;
      std::vector<Str> names;
      for (const auto& r : val.items) names.push_back(str(r.text));
      n.required = append(out_.strs, names);
    } else if (key == "properties") {
      n.has_properties = true;
      std::vector<Property> props;
      for (const auto& p : val.members) {
        const Index schema_index = node(p.value);
        props.push_back({str(p.key.text), schema_index});
      }
      n.properties = append(out_.properties, props);
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
      if (!val.is_string()) return;
      n.has_noun = true;
      n.noun = str(val.text);
    } else if (key == "x-gomo-rule") {
      if (val.is_string()) n.rule = str(val.text);
    } else if (key == "x-gomo-aliases") {
      std::vector<Alias> aliases;
      for (const auto& a : val.members)
        if (a.value.is_string()) aliases.push_back({str(a.key.text), str(a.value.text)});
      n.aliases = append(out_.aliases, aliases);
    }
  }

  // Appends `items` to `table` as one span.
  template <typename T>
  static Span append(std::vector<T>& table, const std::vector<T>& items) {
    Span span{static_cast<uint32_t>(table.size()), static_cast<uint32_t>(items.size())};
    table.insert(table.end(), items.begin(), items.end());
    return span;
  }

  Span nodes(const Value& seq) {
    std::vector<Index> list;
    for (const auto& s : seq.items) list.push_back(node(s));
    return append(out_.node_lists, list);
  }

  // `text` in the string table, each distinct text once.
  Str str(std::string_view text) {
    auto [it, fresh] = interned_.try_emplace(std::string(text));
    if (fresh) {
      it->second = Str{static_cast<uint32_t>(out_.strings.size()), static_cast<uint32_t>(text.size())};
      out_.strings.append(text);
    }
    return it->second;
  }

  Constant constant(const Value& v) {
    Constant c;
    c.kind = v.kind;
    c.boolean = v.boolean;
    c.integer = v.integer;
    c.number = v.number;
    if (v.is_scalar()) {
      c.text = str(v.kind == Kind::kNull   ? "null"
                   : v.kind == Kind::kBool ? (v.boolean ? "true" : "false")
                                           : std::string_view(v.text));
    } else {
      c.composite = static_cast<Index>(out_.composites.size());
      out_.composites.push_back(&v);
    }
    return c;
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
    if (required->items[0].text != only.key.text || !only.value.is_mapping() || only.value.members.size() != 1)
      return false;
    const Value* c = only.value.find("const");
    if (!c || !c->is_string()) return false;
    property = &only.key;
    tag = c;
    return true;
  }

  void index_dispatch(Node& n, const Value& all_of) {
    if (all_of.items.empty()) return;
    const Value* property = nullptr;
    std::vector<const Value*> tags;
    std::vector<Property> dispatch;
    for (const auto& item : all_of.items) {
      const Value *p = nullptr, *tag = nullptr, *then_schema = nullptr;
      if (!tagged_branch(item, p, tag, then_schema)) return;
      if (property && p->text != property->text) return;
      property = p;
      for (const Value* t : tags)
        if (tag->text == t->text) return;  // the same tag twice: keep allOf's meaning
      tags.push_back(tag);
      const Index then_index = node(*then_schema);
      dispatch.push_back({str(tag->text), then_index});
    }
    n.dispatch_property = str(property->text);
    n.dispatch = append(out_.properties, dispatch);
  }

  const Value& root_;
  Compiled& out_;
  std::unordered_map<const Value*, Index> memo_;
  std::unordered_map<std::string, Str> interned_;
};

std::unique_ptr<Compiled> compile(const Value& root) {
  auto out = std::make_unique<Compiled>();
  Compiler(root, *out).run();
  Tables& t = out->tables;
  t.nodes = out->nodes.data();
  t.strings = out->strings.data();
  t.strs = out->strs.data();
  t.constants = out->constants.data();
  t.bounds = out->bounds.data();
  t.properties = out->properties.data();
  t.node_lists = out->node_lists.data();
  t.aliases = out->aliases.data();
  t.definitions = out->definitions.data();
  t.definition_count = static_cast<uint32_t>(out->definitions.size());
  t.composites = out->composites.data();
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
    } else if (c < 0x20 || c >= 0x7F || c == '?') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);  // octal: at most three digits, unlike \x; `?` for trigraphs
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

std::string u32(uint32_t n) { return n == kNone ? "kNone" : std::to_string(n); }
std::string str(Str s) { return "{" + std::to_string(s.offset) + ", " + std::to_string(s.length) + "}"; }
std::string span(Span s) { return "{" + std::to_string(s.begin) + ", " + std::to_string(s.size) + "}"; }
std::string boolean(bool b) { return b ? "true" : "false"; }
std::string bound(const Bound& b) { return "{" + boolean(b.set) + ", " + number(b.value) + ", " + str(b.text) + "}"; }

// `static const TYPE NAME[] = {...};` (one zero element when empty: C++ has no empty arrays).
template <typename T, typename F>
std::string table(const char* type, const std::string& name, const std::vector<T>& rows, F row) {
  std::string out = "static const " + std::string(type) + " " + name + "[] = {\n";
  for (const auto& r : rows) out += "    " + row(r) + ",\n";
  if (rows.empty()) out += "    {},\n";
  return out + "};\n";
}

}  // namespace

bool emit_cpp(const Compiled& c, std::string_view name_view, std::string& out, std::string& error) {
  if (!c.composites.empty()) {
    error = "an object or array as an enum or const value cannot be compiled in";
    return false;
  }
  const std::string name(name_view);
  out =
      "// Generated by gomo_schema_gen: do not edit.\n#include \"checks/schema_node.h\"\n\n"
      "namespace gomo::checks::generated {\nusing namespace gomo::checks::schema;\nnamespace {\n\n";
  out += "const char kStrings[] = " + (c.strings.empty() ? std::string("\"\"") : literal(c.strings)) + ";\n";
  out += table("Str", "kStrs", c.strs, [](const Str& s) { return str(s); });
  out += table("Constant", "kConstants", c.constants, [](const Constant& k) {
    return "{document::Kind(" + std::to_string(static_cast<int>(k.kind)) + "), " + boolean(k.boolean) + ", " +
           std::to_string(k.integer) + "LL, " + number(k.number) + ", " + str(k.text) + ", kNone}";
  });
  out += table("Bounds", "kBounds", c.bounds, [](const Bounds& b) {
    return "{" + bound(b.min_length) + ", " + bound(b.max_length) + ", " + bound(b.minimum) + ", " + bound(b.maximum) +
           ", " + bound(b.min_items) + ", " + bound(b.max_items) + ", " + bound(b.min_properties) + ", " +
           bound(b.max_properties) + "}";
  });
  out += table("Property", "kProperties", c.properties,
               [](const Property& p) { return "{" + str(p.name) + ", " + u32(p.schema) + "}"; });
  out += table("Index", "kNodeLists", c.node_lists, [](Index i) { return u32(i); });
  out +=
      table("Alias", "kAliases", c.aliases, [](const Alias& a) { return "{" + str(a.from) + ", " + str(a.to) + "}"; });
  out += table("Definition", "kDefinitions", c.definitions,
               [](const Definition& d) { return "{" + str(d.name) + ", " + u32(d.node) + "}"; });
  out += table("Node", "kNodes", c.nodes, [](const Node& n) {
    return "{" + boolean(n.is_boolean) + ", " + boolean(n.boolean) + ", " + boolean(n.has_ref) + ", " +
           boolean(n.has_type) + ", " + boolean(n.integer_type) + ", " + boolean(n.has_enum) + ", " +
           boolean(n.has_required) + ", " + boolean(n.has_properties) + ", " + boolean(n.has_all_of) + ", " +
           boolean(n.has_any_of) + ", " + boolean(n.has_one_of) + ", " + boolean(n.has_noun) + ", " +
           std::to_string(n.type_mask) + ", " + u32(n.ref) + ", " + span(n.type_names) + ", " + span(n.enum_values) +
           ", " + u32(n.const_value) + ", " + u32(n.bounds) + ", " + u32(n.items) + ", " + span(n.required) + ", " +
           span(n.properties) + ", " + u32(n.additional) + ", " + u32(n.property_names) + ", " + span(n.all_of) + ", " +
           span(n.any_of) + ", " + span(n.one_of) + ", " + u32(n.not_schema) + ", " + u32(n.if_schema) + ", " +
           u32(n.then_schema) + ", " + u32(n.else_schema) + ", " + str(n.noun) + ", " + str(n.rule) + ", " +
           span(n.aliases) + ", " + str(n.dispatch_property) + ", " + span(n.dispatch) + "}";
  });
  out += "\n}  // namespace\n\nextern const Tables " + name + ";\nconst Tables " + name +
         " = {kNodes, kStrings, kStrs, kConstants, kBounds, kProperties, kNodeLists, kAliases, kDefinitions, " +
         std::to_string(c.definitions.size()) + ", nullptr};\n\n}  // namespace gomo::checks::generated\n";
  return true;
}

}  // namespace gomo::checks::schema
