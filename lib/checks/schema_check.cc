#include "checks/schema_check.h"

#include <algorithm>
#include <cmath>

#include "base/strings.h"
#include "checks/schema_compile.h"

namespace gomo::checks {

using document::Kind;
using document::Value;
using schema::Constant;
using schema::Node;

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

bool json_equal(const Value& v, const Constant& c) {
  if (c.composite) return json_equal(v, *c.composite);
  if (v.is_number() && (c.kind == Kind::kInt || c.kind == Kind::kFloat))
    return v.number == c.number || (v.kind == Kind::kInt && c.kind == Kind::kInt && v.integer == c.integer);
  if (v.kind != c.kind) return false;
  switch (v.kind) {
    case Kind::kNull: return true;
    case Kind::kBool: return v.boolean == c.boolean;
    case Kind::kString: return std::string_view(v.text) == std::string_view(c.text, c.length);
    default: return false;
  }
}

// `value` as it appears in a message.
std::string show(const Value& v) {
  if (v.is_string()) return "\"" + v.text + "\"";
  if (v.is_scalar()) return v.scalar_text();
  return v.is_mapping() ? "an object" : "an array";
}

std::string show(const Constant& c) {
  if (c.composite) return show(*c.composite);
  if (c.kind == Kind::kString) return "\"" + std::string(c.text, c.length) + "\"";
  return std::string(c.text, c.length);
}

// The name of `v` for messages: its key, its index, or "document".
std::string name_of(const Value& v) {
  if (!v.parent) return "the document";
  if (v.parent->is_mapping()) return "`" + v.parent->members[v.index].key.text + "`";
  if (const Value* gp = v.parent->parent; gp && gp->is_mapping())
    return "`" + gp->members[v.parent->index].key.text + "[" + std::to_string(v.index) + "]`";
  return "item " + std::to_string(v.index);
}

std::string noun_of(const Node& schema, const Value& v) { return schema.noun && *schema.noun ? schema.noun : name_of(v); }

// As noun_of, but an empty x-gomo-noun stays empty.
std::string where_of(const Node& schema, const Value& v) { return schema.noun ? schema.noun : name_of(v); }

std::string a_an(std::string_view word) {
  return (!word.empty() && std::string_view("aeiou").find(word[0]) != std::string_view::npos) ? "an" : "a";
}

std::string rule_of(const Node& schema) { return schema.rule ? schema.rule : "schema"; }

uint8_t kind_bit(Kind k) { return static_cast<uint8_t>(1u << static_cast<unsigned>(k)); }

const Node* find_property(const schema::List<schema::Property>& props, std::string_view name) {
  for (const auto& p : props)
    if (std::string_view(p.name.text, p.name.length) == name) return p.schema;
  return nullptr;
}

}  // namespace

SchemaChecker::SchemaChecker(const Value& schema) : compiled_(schema::compile(schema)), root_(&compiled_->root()) {}

SchemaChecker::SchemaChecker(const Node& root) : root_(&root) {}

SchemaChecker::~SchemaChecker() = default;

void SchemaChecker::check(const Value& instance, std::vector<SchemaViolation>& out) const { eval(instance, *root_, &out); }

bool SchemaChecker::matches(const Value& instance) const { return eval(instance, *root_, nullptr); }

bool SchemaChecker::eval(const Value& v, const Node& schema_in, std::vector<SchemaViolation>* out) const {
  if (schema_in.is_boolean) {
    if (schema_in.boolean) return true;
    if (!out) return false;
    out->push_back({"schema", name_of(v) + " is not allowed here", &v, ""});
    return false;
  }
  // draft-07: siblings of $ref are ignored.
  if (schema_in.has_ref) {
    if (!schema_in.ref) return true;
    return eval(v, *schema_in.ref, out);
  }
  const Node& k = schema_in;
  const size_t before = out ? out->size() : 0;

  if (k.has_type) {
    bool ok = (k.type_mask & kind_bit(v.kind)) ||
              (k.integer_type && v.kind == Kind::kFloat && std::isfinite(v.number) && v.number == std::floor(v.number));
    if (!ok) {
      if (!out) return false;
      std::vector<std::string> types;
      for (const char* t : k.type_names) types.push_back(std::string_view(t) == "array" ? "list" : t);
      std::string found_kind = v.kind == Kind::kSequence ? "list" : document::kind_name(v.kind);
      out->push_back({"schema", "wrong type for " + name_of(v) + ": expected " + join_words(types) + ", found " + found_kind +
                                    (v.is_scalar() && !v.is_null() ? " " + show(v) : ""),
                      &v, ""});
      return false;  // other keywords would only repeat the problem
    }
  }
  if (k.has_enum) {
    bool ok = std::any_of(k.enum_values.begin(), k.enum_values.end(), [&](const Constant& c) { return json_equal(v, c); });
    if (!ok) {
      if (!out) return false;
      std::vector<std::string> allowed;
      for (const auto& c : k.enum_values) allowed.push_back(c.composite ? c.composite->scalar_text() : std::string(c.text, c.length));
      std::string msg = "unknown " + noun_of(k, v) + " " + show(v) + ": expected one of " + join(allowed, ", ");
      std::string fix;
      if (v.is_string()) {
        fix = closest_match(v.text, allowed);
        if (!fix.empty()) msg += "; did you mean \"" + fix + "\"?";
      }
      out->push_back({rule_of(k), msg, &v, fix});
    }
  }
  if (const Constant* c = k.const_value) {
    if (!json_equal(v, *c)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " must be " + show(*c) + ", found " + show(v), &v, show(*c)});
    }
  }
  if (v.is_string() && (k.min_length.set || k.max_length.set)) {
    size_t len = utf8_length(v.text);
    if (const auto& n = k.min_length; n.set && len < static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + (len == 0 ? " must not be empty" : " is too short: at least " + std::string(n.text) + " characters"), &v, ""});
    }
    if (const auto& n = k.max_length; n.set && len > static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " is too long: " + std::to_string(len) + " characters, at most " + n.text + " allowed", &v, ""});
    }
  }
  if (v.is_number()) {
    if (const auto& n = k.minimum; n.set && v.number < n.value) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " must be at least " + n.text + ", found " + v.scalar_text(), &v, ""});
    }
    if (const auto& n = k.maximum; n.set && v.number > n.value) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " must be at most " + n.text + ", found " + v.scalar_text(), &v, ""});
    }
  }
  if (v.is_sequence()) {
    if (const auto& n = k.min_items; n.set && v.items.size() < static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " needs at least " + n.text + " item(s)", &v, ""});
    }
    if (const auto& n = k.max_items; n.set && v.items.size() > static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " has more than " + n.text + " item(s)", &v, ""});
    }
    if (const Node* items = k.items)
      for (const auto& item : v.items)
        if (!eval(item, *items, out) && !out) return false;
  }
  if (v.is_mapping()) {
    if (k.has_required) {
      for (const auto& r : k.required) {
        if (!v.find(std::string_view(r.text, r.length))) {
          if (!out) return false;
          out->push_back({"schema", "missing required field `" + std::string(r.text, r.length) + "` in " + where_of(k, v), &v, ""});
        }
      }
    }
    if (const auto& n = k.max_properties; n.set && v.members.size() > static_cast<size_t>(n.value)) {
      if (!out) return false;
      if (n.value == 0) {
        for (const auto& m : v.members)
          out->push_back({rule_of(k), "no " + noun_of(k, v) + " is allowed: remove `" + m.key.text + "`", &m.key, ""});
      } else {
        out->push_back({rule_of(k), name_of(v) + " has more than " + n.text + " field(s)", &v, ""});
      }
    }
    if (const auto& n = k.min_properties; n.set && v.members.size() < static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " needs at least " + n.text + " field(s)", &v, ""});
    }
    const Node* additional = k.additional;
    const Node* names = k.property_names;
    if (k.has_properties || additional || names) {
      for (const auto& m : v.members) {
        if (names && !eval(m.key, *names, out) && !out) return false;
        const Node* ps = find_property(k.properties, m.key.text);
        if (ps) {
          if (!eval(m.value, *ps, out) && !out) return false;
        } else if (additional) {
          if (additional->is_boolean && !additional->boolean) {
            if (!out) return false;
            std::vector<std::string> known;
            for (const auto& p : k.properties) known.emplace_back(p.name.text, p.name.length);
            std::string noun = where_of(k, v);
            bool output_like = starts_with(noun, "output");
            std::string msg = output_like ? "unknown output `" + m.key.text + "`" + noun.substr(6)
                                          : "unknown field `" + m.key.text + "` in " + a_an(noun) + " " + noun;
            msg += known.empty() ? ": it takes no fields" : ": expected one of " + join(known, ", ");
            // Names people reach for by meaning (onEnd -> onComplete) first, then spelling.
            std::string fix;
            for (const auto& a : k.aliases)
              if (std::string_view(a.from.text, a.from.length) == m.key.text) fix = a.to;
            if (fix.empty()) fix = closest_match(m.key.text, known);
            if (!fix.empty()) msg += "; did you mean " + fix + "?";
            out->push_back({rule_of(k), msg, &m.key, fix});
          } else if (!eval(m.value, *additional, out) && !out) {
            return false;
          }
        }
      }
    }
  }
  if (!k.dispatch.empty() && v.is_mapping()) {
    const Value* tag = v.find(std::string_view(k.dispatch_property.text, k.dispatch_property.length));
    if (tag && tag->is_string()) {
      const Node* branch = find_property(k.dispatch, tag->text);
      if (branch && !eval(v, *branch, out) && !out) return false;
    }
  } else if (k.has_all_of) {
    for (const Node* s : k.all_of)
      if (!eval(v, *s, out) && !out) return false;
  }
  if (k.has_any_of) {
    bool ok = std::any_of(k.any_of.begin(), k.any_of.end(), [&](const Node* s) { return eval(v, *s, nullptr); });
    if (!ok) {
      if (!out) return false;
      // Report the branch that came closest.
      std::vector<SchemaViolation> best;
      for (const Node* s : k.any_of) {
        std::vector<SchemaViolation> tmp;
        eval(v, *s, &tmp);
        if (best.empty() || tmp.size() < best.size()) best = std::move(tmp);
      }
      out->insert(out->end(), best.begin(), best.end());
    }
  }
  if (k.has_one_of) {
    int passing = 0;
    for (const Node* s : k.one_of) passing += eval(v, *s, nullptr) ? 1 : 0;
    if (passing != 1) {
      if (!out) return false;
      if (passing == 0) {
        std::vector<SchemaViolation> best;
        for (const Node* s : k.one_of) {
          std::vector<SchemaViolation> tmp;
          eval(v, *s, &tmp);
          if (best.empty() || tmp.size() < best.size()) best = std::move(tmp);
        }
        out->insert(out->end(), best.begin(), best.end());
      } else {
        out->push_back({"schema", name_of(v) + " matches more than one allowed form", &v, ""});
      }
    }
  }
  if (const Node* n = k.not_schema) {
    if (eval(v, *n, nullptr)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " is not allowed in this form", &v, ""});
    }
  }
  if (const Node* cond = k.if_schema) {
    const Node* branch = eval(v, *cond, nullptr) ? k.then_schema : k.else_schema;
    if (branch && !eval(v, *branch, out) && !out) return false;
  }
  return out ? out->size() == before : true;
}

}  // namespace gomo::checks
