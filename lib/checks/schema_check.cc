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
  if (a.is_number() && b.is_number())
    return a.number == b.number || (a.kind == Kind::kInt && b.kind == Kind::kInt && a.integer == b.integer);
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

bool json_equal(const schema::Tables& t, const Value& v, const Constant& c) {
  if (c.composite != schema::kNone) return json_equal(v, *t.composites[c.composite]);
  if (v.is_number() && (c.kind == Kind::kInt || c.kind == Kind::kFloat))
    return v.number == c.number || (v.kind == Kind::kInt && c.kind == Kind::kInt && v.integer == c.integer);
  if (v.kind != c.kind) return false;
  switch (v.kind) {
    case Kind::kNull: return true;
    case Kind::kBool: return v.boolean == c.boolean;
    case Kind::kString: return std::string_view(v.text) == t.str(c.text);
    default: return false;
  }
}

// `value` as it appears in a message.
std::string show(const Value& v) {
  if (v.is_string()) return "\"" + v.text + "\"";
  if (v.is_scalar()) return v.scalar_text();
  return v.is_mapping() ? "an object" : "an array";
}

std::string show(const schema::Tables& t, const Constant& c) {
  if (c.composite != schema::kNone) return show(*t.composites[c.composite]);
  if (c.kind == Kind::kString) return "\"" + std::string(t.str(c.text)) + "\"";
  return std::string(t.str(c.text));
}

// The name of `v` for messages: its key, its index, or "document".
std::string name_of(const Value& v) {
  if (!v.parent) return "the document";
  if (v.parent->is_mapping()) return "`" + v.parent->members[v.index].key.text + "`";
  if (const Value* gp = v.parent->parent; gp && gp->is_mapping())
    return "`" + gp->members[v.parent->index].key.text + "[" + std::to_string(v.index) + "]`";
  return "item " + std::to_string(v.index);
}

std::string a_an(std::string_view word) {
  return (!word.empty() && std::string_view("aeiou").find(word[0]) != std::string_view::npos) ? "an" : "a";
}

uint8_t kind_bit(Kind k) { return static_cast<uint8_t>(1u << static_cast<unsigned>(k)); }

}  // namespace

SchemaChecker::SchemaChecker(const Value& schema) : compiled_(schema::compile(schema)), t_(&compiled_->tables) {}

SchemaChecker::SchemaChecker(const schema::Tables& tables) : t_(&tables) {}

SchemaChecker::~SchemaChecker() = default;

void SchemaChecker::check(const Value& instance, std::vector<SchemaViolation>& out) const { eval(instance, 0, &out); }

bool SchemaChecker::matches(const Value& instance) const { return eval(instance, 0, nullptr); }

bool SchemaChecker::eval(const Value& v, schema::Index index, std::vector<SchemaViolation>* out) const {
  const schema::Tables& t = *t_;
  const Node& k = t.node(index);
  if (k.is_boolean) {
    if (k.boolean) return true;
    if (!out) return false;
    out->push_back({"schema", name_of(v) + " is not allowed here", &v, ""});
    return false;
  }
  // draft-07: siblings of $ref are ignored.
  if (k.has_ref) {
    if (k.ref == schema::kNone) return true;
    return eval(v, k.ref, out);
  }
  const size_t before = out ? out->size() : 0;
  auto noun_of = [&](const Value& of) {
    return k.has_noun && k.noun.length ? std::string(t.str(k.noun)) : name_of(of);
  };
  auto where_of = [&](const Value& of) {
    return k.has_noun ? std::string(t.str(k.noun)) : name_of(of);
  };  // an empty noun stays empty
  auto rule_of = [&] { return k.rule.length ? std::string(t.str(k.rule)) : std::string("schema"); };
  auto find = [&](schema::Span props, std::string_view name) {
    for (uint32_t i = props.begin; i < props.begin + props.size; ++i)
      if (t.str(t.properties[i].name) == name) return t.properties[i].schema;
    return schema::kNone;
  };
  static const schema::Bounds kNoBounds;
  const schema::Bounds& b = k.bounds == schema::kNone ? kNoBounds : t.bounds[k.bounds];

  if (k.has_type) {
    bool ok = (k.type_mask & kind_bit(v.kind)) ||
              (k.integer_type && v.kind == Kind::kFloat && std::isfinite(v.number) && v.number == std::floor(v.number));
    if (!ok) {
      if (!out) return false;
      std::vector<std::string> types;
      for (uint32_t i = 0; i < k.type_names.size; ++i) {
        std::string_view type = t.str(t.strs[k.type_names.begin + i]);
        types.emplace_back(type == "array" ? "list" : type);
      }
      std::string found_kind = v.kind == Kind::kSequence ? "list" : document::kind_name(v.kind);
      out->push_back({"schema",
                      "wrong type for " + name_of(v) + ": expected " + join_words(types) + ", found " + found_kind +
                          (v.is_scalar() && !v.is_null() ? " " + show(v) : ""),
                      &v, ""});
      return false;  // other keywords would only repeat the problem
    }
  }
  if (k.has_enum) {
    const Constant* first = t.constants + k.enum_values.begin;
    const Constant* last = first + k.enum_values.size;
    if (!std::any_of(first, last, [&](const Constant& c) { return json_equal(t, v, c); })) {
      if (!out) return false;
      std::vector<std::string> allowed;
      for (const Constant* c = first; c != last; ++c)
        allowed.push_back(c->composite != schema::kNone ? t.composites[c->composite]->scalar_text()
                                                        : std::string(t.str(c->text)));
      std::string msg = "unknown " + noun_of(v) + " " + show(v) + ": expected one of " + join(allowed, ", ");
      std::string fix;
      if (v.is_string()) {
        fix = closest_match(v.text, allowed);
        if (!fix.empty()) msg += "; did you mean \"" + fix + "\"?";
      }
      out->push_back({rule_of(), msg, &v, fix});
    }
  }
  if (k.const_value != schema::kNone) {
    const Constant& c = t.constants[k.const_value];
    if (!json_equal(t, v, c)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " must be " + show(t, c) + ", found " + show(v), &v, show(t, c)});
    }
  }
  auto text = [&](const schema::Bound& bound) { return std::string(t.str(bound.text)); };
  if (v.is_string() && (b.min_length.set || b.max_length.set)) {
    size_t len = utf8_length(v.text);
    if (const auto& n = b.min_length; n.set && len < static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back(
          {"schema",
           name_of(v) + (len == 0 ? " must not be empty" : " is too short: at least " + text(n) + " characters"), &v,
           ""});
    }
    if (const auto& n = b.max_length; n.set && len > static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back(
          {"schema",
           name_of(v) + " is too long: " + std::to_string(len) + " characters, at most " + text(n) + " allowed", &v,
           ""});
    }
  }
  if (v.is_number()) {
    if (const auto& n = b.minimum; n.set && v.number < n.value) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " must be at least " + text(n) + ", found " + v.scalar_text(), &v, ""});
    }
    if (const auto& n = b.maximum; n.set && v.number > n.value) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " must be at most " + text(n) + ", found " + v.scalar_text(), &v, ""});
    }
  }
  if (v.is_sequence()) {
    if (const auto& n = b.min_items; n.set && v.items.size() < static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " needs at least " + text(n) + " item(s)", &v, ""});
    }
    if (const auto& n = b.max_items; n.set && v.items.size() > static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " has more than " + text(n) + " item(s)", &v, ""});
    }
    if (k.items != schema::kNone)
      for (const auto& item : v.items)
        if (!eval(item, k.items, out) && !out) return false;
  }
  if (v.is_mapping()) {
    if (k.has_required) {
      for (uint32_t i = 0; i < k.required.size; ++i) {
        std::string_view name = t.str(t.strs[k.required.begin + i]);
        if (!v.find(name)) {
          if (!out) return false;
          out->push_back({"schema", "missing required field `" + std::string(name) + "` in " + where_of(v), &v, ""});
        }
      }
    }
    if (const auto& n = b.max_properties; n.set && v.members.size() > static_cast<size_t>(n.value)) {
      if (!out) return false;
      if (n.value == 0) {
        for (const auto& m : v.members)
          out->push_back({rule_of(), "no " + noun_of(v) + " is allowed: remove `" + m.key.text + "`", &m.key, ""});
      } else {
        out->push_back({rule_of(), name_of(v) + " has more than " + text(n) + " field(s)", &v, ""});
      }
    }
    if (const auto& n = b.min_properties; n.set && v.members.size() < static_cast<size_t>(n.value)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " needs at least " + text(n) + " field(s)", &v, ""});
    }
    if (k.has_properties || k.additional != schema::kNone || k.property_names != schema::kNone) {
      for (const auto& m : v.members) {
        if (k.property_names != schema::kNone && !eval(m.key, k.property_names, out) && !out) return false;
        const schema::Index ps = find(k.properties, m.key.text);
        if (ps != schema::kNone) {
          if (!eval(m.value, ps, out) && !out) return false;
        } else if (k.additional != schema::kNone) {
          const Node& additional = t.node(k.additional);
          if (additional.is_boolean && !additional.boolean) {
            if (!out) return false;
            std::vector<std::string> known;
            for (uint32_t i = 0; i < k.properties.size; ++i)
              known.emplace_back(t.str(t.properties[k.properties.begin + i].name));
            std::string noun = where_of(v);
            bool output_like = starts_with(noun, "output");
            std::string msg = output_like ? "unknown output `" + m.key.text + "`" + noun.substr(6)
                                          : "unknown field `" + m.key.text + "` in " + a_an(noun) + " " + noun;
            msg += known.empty() ? ": it takes no fields" : ": expected one of " + join(known, ", ");
            // Names people reach for by meaning (onEnd -> onComplete) first, then spelling.
            std::string fix;
            for (uint32_t i = 0; i < k.aliases.size; ++i)
              if (const schema::Alias& a = t.aliases[k.aliases.begin + i]; t.str(a.from) == m.key.text)
                fix = t.str(a.to);
            if (fix.empty()) fix = closest_match(m.key.text, known);
            if (!fix.empty()) msg += "; did you mean " + fix + "?";
            out->push_back({rule_of(), msg, &m.key, fix});
          } else if (!eval(m.value, k.additional, out) && !out) {
            return false;
          }
        }
      }
    }
  }
  if (k.dispatch.size && v.is_mapping()) {
    const Value* tag = v.find(t.str(k.dispatch_property));
    if (tag && tag->is_string()) {
      const schema::Index branch = find(k.dispatch, tag->text);
      if (branch != schema::kNone && !eval(v, branch, out) && !out) return false;
    }
  } else if (k.has_all_of) {
    for (uint32_t i = 0; i < k.all_of.size; ++i)
      if (!eval(v, t.node_lists[k.all_of.begin + i], out) && !out) return false;
  }
  auto closest_branch = [&](schema::Span branches) {
    // Report the branch that came closest.
    std::vector<SchemaViolation> best;
    for (uint32_t i = 0; i < branches.size; ++i) {
      std::vector<SchemaViolation> tmp;
      eval(v, t.node_lists[branches.begin + i], &tmp);
      if (best.empty() || tmp.size() < best.size()) best = std::move(tmp);
    }
    out->insert(out->end(), best.begin(), best.end());
  };
  if (k.has_any_of) {
    bool ok = false;
    for (uint32_t i = 0; i < k.any_of.size && !ok; ++i) ok = eval(v, t.node_lists[k.any_of.begin + i], nullptr);
    if (!ok) {
      if (!out) return false;
      closest_branch(k.any_of);
    }
  }
  if (k.has_one_of) {
    int passing = 0;
    for (uint32_t i = 0; i < k.one_of.size; ++i) passing += eval(v, t.node_lists[k.one_of.begin + i], nullptr) ? 1 : 0;
    if (passing != 1) {
      if (!out) return false;
      if (passing == 0) closest_branch(k.one_of);
      else out->push_back({"schema", name_of(v) + " matches more than one allowed form", &v, ""});
    }
  }
  if (k.not_schema != schema::kNone) {
    if (eval(v, k.not_schema, nullptr)) {
      if (!out) return false;
      out->push_back({"schema", name_of(v) + " is not allowed in this form", &v, ""});
    }
  }
  if (k.if_schema != schema::kNone) {
    const schema::Index branch = eval(v, k.if_schema, nullptr) ? k.then_schema : k.else_schema;
    if (branch != schema::kNone && !eval(v, branch, out) && !out) return false;
  }
  return out ? out->size() == before : true;
}

}  // namespace gomo::checks
