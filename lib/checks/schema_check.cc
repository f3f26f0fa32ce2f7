#include "checks/schema_check.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include "base/strings.h"

namespace gomo::checks {

using document::Kind;
using document::Value;

namespace {

bool type_matches(const Value& v, std::string_view type) {
  switch (v.kind) {
    case Kind::kNull: return type == "null";
    case Kind::kBool: return type == "boolean";
    case Kind::kInt: return type == "integer" || type == "number";
    case Kind::kFloat:
      // 3.0 is an integer in JSON Schema.
      return type == "number" || (type == "integer" && std::isfinite(v.number) && v.number == std::floor(v.number));
    case Kind::kString: return type == "string";
    case Kind::kSequence: return type == "array";
    case Kind::kMapping: return type == "object";
  }
  return false;
}

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

SchemaChecker::SchemaChecker(const Value& schema) : root_(schema) {}

void SchemaChecker::check(const Value& instance, std::vector<SchemaViolation>& out) const { check(instance, root_, out); }

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

void SchemaChecker::check(const Value& v, const Value& schema_in, std::vector<SchemaViolation>& out) const {
  if (schema_in.kind == Kind::kBool) {
    if (!schema_in.boolean) out.push_back({"schema", name_of(v) + " is not allowed here", &v, ""});
    return;
  }
  // draft-07: siblings of $ref are ignored.
  const Value* resolved = resolve(schema_in);
  if (!resolved) return;
  const Value& schema = *resolved;
  const size_t before = out.size();

  if (const Value* t = schema.find("type")) {
    std::vector<std::string> types = t->is_sequence() ? strings_of(t) : std::vector<std::string>{t->scalar_text()};
    bool ok = std::any_of(types.begin(), types.end(), [&](const std::string& ty) { return type_matches(v, ty); });
    if (!ok) {
      for (auto& ty : types)
        if (ty == "array") ty = "list";
      std::string found = v.kind == Kind::kSequence ? "list" : document::kind_name(v.kind);
      out.push_back({"schema", "wrong type for " + name_of(v) + ": expected " + join_words(types) + ", found " + found +
                                   (v.is_scalar() && !v.is_null() ? " " + show(v) : ""),
                     &v, ""});
      return;  // other keywords would only repeat the problem
    }
  }
  if (const Value* e = schema.find("enum"); e && e->is_sequence()) {
    bool ok = std::any_of(e->items.begin(), e->items.end(), [&](const Value& c) { return json_equal(v, c); });
    if (!ok) {
      std::vector<std::string> allowed = strings_of(e);
      std::string msg = "unknown " + noun_of(schema, v) + " " + show(v) + ": expected one of " + join(allowed, ", ");
      std::string fix;
      if (v.is_string()) {
        fix = closest_match(v.text, allowed);
        if (!fix.empty()) msg += "; did you mean \"" + fix + "\"?";
      }
      out.push_back({rule_of(schema), msg, &v, fix});
    }
  }
  if (const Value* c = schema.find("const")) {
    if (!json_equal(v, *c)) out.push_back({"schema", name_of(v) + " must be " + show(*c) + ", found " + show(v), &v, show(*c)});
  }
  if (v.is_string()) {
    size_t len = utf8_length(v.text);
    if (const Value* n = schema.find("minLength"); n && n->is_number() && len < static_cast<size_t>(n->number))
      out.push_back({"schema", name_of(v) + (len == 0 ? " must not be empty" : " is too short: at least " + n->scalar_text() + " characters"), &v, ""});
    if (const Value* n = schema.find("maxLength"); n && n->is_number() && len > static_cast<size_t>(n->number))
      out.push_back({"schema", name_of(v) + " is too long: " + std::to_string(len) + " characters, at most " + n->scalar_text() + " allowed", &v, ""});
  }
  if (v.is_number()) {
    if (const Value* n = schema.find("minimum"); n && n->is_number() && v.number < n->number)
      out.push_back({"schema", name_of(v) + " must be at least " + n->scalar_text() + ", found " + v.scalar_text(), &v, ""});
    if (const Value* n = schema.find("maximum"); n && n->is_number() && v.number > n->number)
      out.push_back({"schema", name_of(v) + " must be at most " + n->scalar_text() + ", found " + v.scalar_text(), &v, ""});
  }
  if (v.is_sequence()) {
    if (const Value* n = schema.find("minItems"); n && n->is_number() && v.items.size() < static_cast<size_t>(n->number))
      out.push_back({"schema", name_of(v) + " needs at least " + n->scalar_text() + " item(s)", &v, ""});
    if (const Value* n = schema.find("maxItems"); n && n->is_number() && v.items.size() > static_cast<size_t>(n->number))
      out.push_back({"schema", name_of(v) + " has more than " + n->scalar_text() + " item(s)", &v, ""});
    if (const Value* items = schema.find("items"); items && !items->is_sequence())
      for (const auto& item : v.items) check(item, *items, out);
  }
  if (v.is_mapping()) {
    if (const Value* req = schema.find("required"); req && req->is_sequence()) {
      for (const auto& r : req->items) {
        if (!v.find(r.text)) {
          std::string where = schema.find("x-gomo-noun") ? std::string(schema.string_at("x-gomo-noun")) : name_of(v);
          out.push_back({"schema", "missing required field `" + r.text + "` in " + where, &v, ""});
        }
      }
    }
    if (const Value* n = schema.find("maxProperties"); n && n->is_number() && v.members.size() > static_cast<size_t>(n->number)) {
      if (n->number == 0) {
        for (const auto& m : v.members)
          out.push_back({rule_of(schema), "no " + noun_of(schema, v) + " is allowed: remove `" + m.key.text + "`", &m.key, ""});
      } else {
        out.push_back({rule_of(schema), name_of(v) + " has more than " + n->scalar_text() + " field(s)", &v, ""});
      }
    }
    if (const Value* n = schema.find("minProperties"); n && n->is_number() && v.members.size() < static_cast<size_t>(n->number))
      out.push_back({"schema", name_of(v) + " needs at least " + n->scalar_text() + " field(s)", &v, ""});
    const Value* props = schema.find("properties");
    const Value* additional = schema.find("additionalProperties");
    const Value* names = schema.find("propertyNames");
    std::vector<std::string> known;
    if (props && props->is_mapping())
      for (const auto& p : props->members) known.push_back(p.key.text);
    for (const auto& m : v.members) {
      if (names) check(m.key, *names, out);
      const Value* ps = props ? props->find(m.key.text) : nullptr;
      if (ps) {
        check(m.value, *ps, out);
      } else if (additional) {
        if (additional->kind == Kind::kBool && !additional->boolean) {
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
          out.push_back({rule_of(schema), msg, &m.key, fix});
        } else {
          check(m.value, *additional, out);
        }
      }
    }
  }
  if (const Value* all = schema.find("allOf"); all && all->is_sequence())
    for (const auto& s : all->items) check(v, s, out);
  if (const Value* any = schema.find("anyOf"); any && any->is_sequence()) {
    std::vector<SchemaViolation> best;
    bool ok = false;
    for (const auto& s : any->items) {
      std::vector<SchemaViolation> tmp;
      check(v, s, tmp);
      if (tmp.empty()) {
        ok = true;
        break;
      }
      if (best.empty() || tmp.size() < best.size()) best = std::move(tmp);
    }
    if (!ok) out.insert(out.end(), best.begin(), best.end());
  }
  if (const Value* one = schema.find("oneOf"); one && one->is_sequence()) {
    std::vector<SchemaViolation> best;
    int passing = 0;
    for (const auto& s : one->items) {
      std::vector<SchemaViolation> tmp;
      check(v, s, tmp);
      if (tmp.empty()) ++passing;
      else if (best.empty() || tmp.size() < best.size()) best = std::move(tmp);
    }
    if (passing == 0) out.insert(out.end(), best.begin(), best.end());
    else if (passing > 1) out.push_back({"schema", name_of(v) + " matches more than one allowed form", &v, ""});
  }
  if (const Value* n = schema.find("not")) {
    std::vector<SchemaViolation> tmp;
    check(v, *n, tmp);
    if (tmp.empty()) out.push_back({"schema", name_of(v) + " is not allowed in this form", &v, ""});
  }
  if (const Value* cond = schema.find("if")) {
    std::vector<SchemaViolation> tmp;
    check(v, *cond, tmp);
    const Value* branch = tmp.empty() ? schema.find("then") : schema.find("else");
    if (branch) check(v, *branch, out);
  }
  (void)before;
}

}  // namespace gomo::checks
