#include "checks/schema_check.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "base/strings.h"

namespace gomo::checks {

using document::Kind;
using document::Value;

namespace {

bool json_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return a.number == b.number || (a.kind == Kind::kInt && b.kind == Kind::kInt && a.integer == b.integer);
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::kNull: return true;
    case Kind::kBool: return a.boolean == b.boolean;
    case Kind::kString: return a.text == b.text;
    case Kind::kSequence:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!json_equal(a.items[i], b.items[i])) return false;
      return true;
    case Kind::kMapping:
      if (a.members.size() != b.members.size()) return false;
      for (const auto& m : a.members) {
        const Value* other = b.find(m.key.text);
        if (!other || !json_equal(m.value, *other)) return false;
      }
      return true;
    default: return false;
  }
}

// `value` as it appears in a message.
std::string show(const Value& v) {
  if (v.is_string()) return "\"" + v.text + "\"";
  if (v.is_scalar()) return v.scalar_text();
  return v.is_mapping() ? "an object" : "an array";
}

// The name of `v` for messages: its key, its index, or "document".
std::string name_of(const Value& v) {
  if (!v.parent) return "the document";
  if (v.parent->is_mapping()) return "`" + v.parent->members[v.index].key.text + "`";
  if (const Value* gp = v.parent->parent; gp && gp->is_mapping())
    return "`" + gp->members[v.parent->index].key.text + "[" + std::to_string(v.index) + "]`";
  return "item " + std::to_string(v.index);
}

std::string noun_of(const Value& schema, const Value& v) {
  std::string_view noun = schema.string_at("x-gomo-noun");
  return noun.empty() ? name_of(v) : std::string(noun);
}

std::string a_an(std::string_view word) {
  return (!word.empty() && std::string_view("aeiou").find(word[0]) != std::string_view::npos) ? "an" : "a";
}

std::string rule_of(const Value& schema) {
  std::string_view r = schema.string_at("x-gomo-rule");
  return r.empty() ? "schema" : std::string(r);
}

std::vector<std::string> strings_of(const Value* seq) {
  std::vector<std::string> out;
  if (seq && seq->is_sequence())
    for (const auto& i : seq->items) out.push_back(i.scalar_text());
  return out;
}

}  // namespace

// Pointers to one schema object's keywords, found once at construction.
struct SchemaChecker::Keywords {
  bool has_ref = false;
  const Value* ref = nullptr;  // resolved $ref target (null when unresolvable)
  const Value *type = nullptr, *enum_values = nullptr, *const_value = nullptr;
  const Value *min_length = nullptr, *max_length = nullptr, *minimum = nullptr, *maximum = nullptr;
  const Value *min_items = nullptr, *max_items = nullptr, *items = nullptr;
  const Value *required = nullptr, *min_properties = nullptr, *max_properties = nullptr;
  const Value *properties = nullptr, *additional = nullptr, *property_names = nullptr;
  const Value *all_of = nullptr, *any_of = nullptr, *one_of = nullptr, *not_schema = nullptr;
  const Value *if_schema = nullptr, *then_schema = nullptr, *else_schema = nullptr;
  uint8_t type_mask = 0;  // bit per Kind allowed by `type` (integral floats checked apart)
  bool integer_type = false;
  // An allOf made only of `{if: {properties: {P: {const: "c"}}, required: [P]}, then: S}` items with
  // one P (a tagged union: node type, audio item type, value source) becomes one lookup of v[P] in
  // `dispatch` instead of evaluating every `if` (most of the schema's time before). Same result for
  // objects; other instances take the general path.
  std::string dispatch_property;
  std::unordered_map<std::string, const Value*> dispatch;
};

struct SchemaChecker::Index {
  std::unordered_map<const Value*, Keywords> by_schema;
};

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

SchemaChecker::SchemaChecker(const Value& schema) : root_(schema), index_(std::make_unique<Index>()) {
  // Every mapping under the root may be a schema; indexing the few that are not costs nothing.
  std::vector<const Value*> stack = {&root_};
  while (!stack.empty()) {
    const Value* cur = stack.back();
    stack.pop_back();
    for (const auto& item : cur->items) stack.push_back(&item);
    if (!cur->is_mapping()) continue;
    for (const auto& m : cur->members) stack.push_back(&m.value);
    Keywords& k = index_->by_schema[cur];
    for (const auto& m : cur->members) {
      const std::string_view key = m.key.text;  // compares by length first
      const Value* val = &m.value;
      if (key == "$ref") k.has_ref = true;
      else if (key == "type") k.type = val;
      else if (key == "enum") k.enum_values = val;
      else if (key == "const") k.const_value = val;
      else if (key == "minLength") k.min_length = val;
      else if (key == "maxLength") k.max_length = val;
      else if (key == "minimum") k.minimum = val;
      else if (key == "maximum") k.maximum = val;
      else if (key == "minItems") k.min_items = val;
      else if (key == "maxItems") k.max_items = val;
      else if (key == "items") k.items = val;
      else if (key == "required") k.required = val;
      else if (key == "minProperties") k.min_properties = val;
      else if (key == "maxProperties") k.max_properties = val;
      else if (key == "properties") k.properties = val;
      else if (key == "additionalProperties") k.additional = val;
      else if (key == "propertyNames") k.property_names = val;
      else if (key == "allOf") k.all_of = val;
      else if (key == "anyOf") k.any_of = val;
      else if (key == "oneOf") k.one_of = val;
      else if (key == "not") k.not_schema = val;
      else if (key == "if") k.if_schema = val;
      else if (key == "then") k.then_schema = val;
      else if (key == "else") k.else_schema = val;
    }
    if (k.has_ref) k.ref = resolve(*cur);
    if (k.all_of) index_dispatch(k);
    if (k.type) {
      std::vector<std::string> types = k.type->is_sequence() ? strings_of(k.type) : std::vector<std::string>{k.type->scalar_text()};
      for (const auto& t : types) {
        k.type_mask |= type_bits(t);
        k.integer_type = k.integer_type || t == "integer";
      }
    }
  }
}

SchemaChecker::~SchemaChecker() = default;

void SchemaChecker::check(const Value& instance, std::vector<SchemaViolation>& out) const { eval(instance, root_, &out); }

bool SchemaChecker::matches(const Value& instance) const { return eval(instance, root_, nullptr); }

namespace {

// The P and "c" of `{if: {properties: {P: {const: "c"}}, required: [P]}, then: S}` (nothing else),
// else false.
bool tagged_branch(const Value& item, std::string& property, std::string& tag, const Value*& then_schema) {
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
  property = only.key.text;
  tag = c->text;
  return true;
}

}  // namespace

void SchemaChecker::index_dispatch(Keywords& k) const {
  if (!k.all_of->is_sequence() || k.all_of->items.empty()) return;
  std::string property;
  std::unordered_map<std::string, const Value*> dispatch;
  for (const auto& item : k.all_of->items) {
    std::string p, tag;
    const Value* then_schema = nullptr;
    if (!tagged_branch(item, p, tag, then_schema)) return;
    if (!property.empty() && p != property) return;
    property = p;
    if (!dispatch.emplace(tag, then_schema).second) return;  // the same tag twice: keep allOf's meaning
  }
  k.dispatch_property = property;
  k.dispatch = std::move(dispatch);
}

const Value* SchemaChecker::resolve(const Value& schema) const {
  std::string_view ref = schema.string_at("$ref");
  if (ref.empty()) return &schema;
  if (!starts_with(ref, "#/")) return nullptr;
  const Value* cur = &root_;
  size_t pos = 2;
  while (cur && pos <= ref.size()) {
    size_t slash = ref.find('/', pos);
    std::string token(ref.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos));
    cur = cur->find(token);
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return cur ? resolve(*cur) : nullptr;
}

bool SchemaChecker::eval(const Value& v, const Value& schema_in, std::vector<SchemaViolation>* out) const {
  if (schema_in.kind == Kind::kBool) {
    if (schema_in.boolean) return true;
    if (!out) return false;
    out->push_back({"schema", name_of(v) + " is not allowed here", &v, ""});
    return false;
  }
  auto found = index_->by_schema.find(&schema_in);
  if (found == index_->by_schema.end()) return true;  // not a schema object
  const Keywords* k = &found->second;
  // draft-07: siblings of $ref are ignored.
  if (k->has_ref) {
    if (!k->ref) return true;
    return eval(v, *k->ref, out);
  }
  const Value& schema = schema_in;
  const size_t before = out ? out->size() : 0;

  if (k->type) {
    bool ok = (k->type_mask & kind_bit(v.kind)) ||
              (k->integer_type && v.kind == Kind::kFloat && std::isfinite(v.number) && v.number == std::floor(v.number));
    if (!ok) {
      if (!out) return false;
      std::vector<std::string> types = k->type->is_sequence() ? strings_of(k->type) : std::vector<std::string>{k->type->scalar_text()};
      for (auto& ty : types)
        if (ty == "array") ty = "list";
      std::string found_kind = v.kind == Kind::kSequence ? "list" : document::kind_name(v.kind);
      out->push_back({"schema", "wrong type for " + name_of(v) + ": expected " + join_words(types) + ", found " + found_kind +
                                    (v.is_scalar() && !v.is_null() ? " " + show(v) : ""),
                      &v, ""});
      return false;  // other keywords would only repeat the problem
    }
  }
  if (const Value* e = k->enum_values; e && e->is_sequence()) {
    bool ok = std::any_of(e->items.begin(), e->items.end(), [&](const Value& c) { return json_equal(v, c); });
    if (!ok) {
      if (!out) return false;
      std::vector<std::string> allowed = strings_of(e);
      std::string msg = "unknown " + noun_of(schema, v) + " " + show(v) + ": expected one of " + join(allowed, ", ");
      std::string fix;
      if (v.is_string()) {
        fix = closest_match(v.text, allowed);
        if (!fix.empty()) msg += "; did you mean \"" + fix + "\"?";
      }
      out->push_back({rule_of(schema), msg, &v, fix});
    }
  }
  if (const Value* c = k->const_value) {
    if (!json_equal(v, *c)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " must be " + show(*c) + ", found " + show(v), &v, show(*c)});
    }
  }
  if (v.is_string() && (k->min_length || k->max_length)) {
    size_t len = utf8_length(v.text);
    if (const Value* n = k->min_length; n && n->is_number() && len < static_cast<size_t>(n->number)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + (len == 0 ? " must not be empty" : " is too short: at least " + n->scalar_text() + " characters"), &v, ""});
    }
    if (const Value* n = k->max_length; n && n->is_number() && len > static_cast<size_t>(n->number)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " is too long: " + std::to_string(len) + " characters, at most " + n->scalar_text() + " allowed", &v, ""});
    }
  }
  if (v.is_number()) {
    if (const Value* n = k->minimum; n && n->is_number() && v.number < n->number) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " must be at least " + n->scalar_text() + ", found " + v.scalar_text(), &v, ""});
    }
    if (const Value* n = k->maximum; n && n->is_number() && v.number > n->number) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " must be at most " + n->scalar_text() + ", found " + v.scalar_text(), &v, ""});
    }
  }
  if (v.is_sequence()) {
    if (const Value* n = k->min_items; n && n->is_number() && v.items.size() < static_cast<size_t>(n->number)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " needs at least " + n->scalar_text() + " item(s)", &v, ""});
    }
    if (const Value* n = k->max_items; n && n->is_number() && v.items.size() > static_cast<size_t>(n->number)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " has more than " + n->scalar_text() + " item(s)", &v, ""});
    }
    if (const Value* items = k->items; items && !items->is_sequence())
      for (const auto& item : v.items)
        if (!eval(item, *items, out) && !out) return false;
  }
  if (v.is_mapping()) {
    if (const Value* req = k->required; req && req->is_sequence()) {
      for (const auto& r : req->items) {
        if (!v.find(r.text)) {
          if (!out) return false;
          std::string where = schema.find("x-gomo-noun") ? std::string(schema.string_at("x-gomo-noun")) : name_of(v);
          out->push_back({"schema", "missing required field `" + r.text + "` in " + where, &v, ""});
        }
      }
    }
    if (const Value* n = k->max_properties; n && n->is_number() && v.members.size() > static_cast<size_t>(n->number)) {
      if (!out) return false;
      if (n->number == 0) {
        for (const auto& m : v.members)
          out->push_back({rule_of(schema), "no " + noun_of(schema, v) + " is allowed: remove `" + m.key.text + "`", &m.key, ""});
      } else {
        out->push_back({rule_of(schema), name_of(v) + " has more than " + n->scalar_text() + " field(s)", &v, ""});
      }
    }
    if (const Value* n = k->min_properties; n && n->is_number() && v.members.size() < static_cast<size_t>(n->number)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " needs at least " + n->scalar_text() + " field(s)", &v, ""});
    }
    const Value* props = k->properties;
    const Value* additional = k->additional;
    const Value* names = k->property_names;
    if (props || additional || names) {
      for (const auto& m : v.members) {
        if (names && !eval(m.key, *names, out) && !out) return false;
        const Value* ps = props ? props->find(m.key.text) : nullptr;
        if (ps) {
          if (!eval(m.value, *ps, out) && !out) return false;
        } else if (additional) {
          if (additional->kind == Kind::kBool && !additional->boolean) {
            if (!out) return false;
            std::vector<std::string> known;
            if (props && props->is_mapping())
              for (const auto& p : props->members) known.push_back(p.key.text);
            std::string noun = schema.find("x-gomo-noun") ? std::string(schema.string_at("x-gomo-noun")) : name_of(v);
            bool output_like = starts_with(noun, "output");
            std::string msg = output_like ? "unknown output `" + m.key.text + "`" + noun.substr(6)
                                          : "unknown field `" + m.key.text + "` in " + a_an(noun) + " " + noun;
            msg += known.empty() ? ": it takes no fields" : ": expected one of " + join(known, ", ");
            // Names people reach for by meaning (onEnd -> onComplete) first, then spelling.
            std::string fix;
            if (const Value* aliases = schema.find("x-gomo-aliases")) fix = std::string(aliases->string_at(m.key.text));
            if (fix.empty()) fix = closest_match(m.key.text, known);
            if (!fix.empty()) msg += "; did you mean " + fix + "?";
            out->push_back({rule_of(schema), msg, &m.key, fix});
          } else if (!eval(m.value, *additional, out) && !out) {
            return false;
          }
        }
      }
    }
  }
  if (!k->dispatch.empty() && v.is_mapping()) {
    const Value* tag = v.find(k->dispatch_property);
    if (tag && tag->is_string()) {
      auto it = k->dispatch.find(tag->text);
      if (it != k->dispatch.end() && !eval(v, *it->second, out) && !out) return false;
    }
  } else if (const Value* all = k->all_of; all && all->is_sequence()) {
    for (const auto& s : all->items)
      if (!eval(v, s, out) && !out) return false;
  }
  if (const Value* any = k->any_of; any && any->is_sequence()) {
    bool ok = std::any_of(any->items.begin(), any->items.end(), [&](const Value& s) { return eval(v, s, nullptr); });
    if (!ok) {
      if (!out) return false;
      // Report the branch that came closest.
      std::vector<SchemaViolation> best;
      for (const auto& s : any->items) {
        std::vector<SchemaViolation> tmp;
        eval(v, s, &tmp);
        if (best.empty() || tmp.size() < best.size()) best = std::move(tmp);
      }
      out->insert(out->end(), best.begin(), best.end());
    }
  }
  if (const Value* one = k->one_of; one && one->is_sequence()) {
    int passing = 0;
    for (const auto& s : one->items) passing += eval(v, s, nullptr) ? 1 : 0;
    if (passing != 1) {
      if (!out) return false;
      if (passing == 0) {
        std::vector<SchemaViolation> best;
        for (const auto& s : one->items) {
          std::vector<SchemaViolation> tmp;
          eval(v, s, &tmp);
          if (best.empty() || tmp.size() < best.size()) best = std::move(tmp);
        }
        out->insert(out->end(), best.begin(), best.end());
      } else {
        out->push_back({"schema", name_of(v) + " matches more than one allowed form", &v, ""});
      }
    }
  }
  if (const Value* n = k->not_schema) {
    if (eval(v, *n, nullptr)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " is not allowed in this form", &v, ""});
    }
  }
  if (const Value* cond = k->if_schema) {
    const Value* branch = eval(v, *cond, nullptr) ? k->then_schema : k->else_schema;
    if (branch && !eval(v, *branch, out) && !out) return false;
  }
  return out ? out->size() == before : true;
}

}  // namespace gomo::checks
