#pragma once
// One field table per resource: each field's JSON name, its member, its request rules and (for
// lib/local) its SQL column, declared once. The table drives the four things that used to be
// written out by hand per field (Gomobile docs: API basics to DIDs):
//   encode_object   struct -> JSON (responses write unset optionals as null; request bodies omit them)
//   decode_object   JSON -> struct, leniently: a missing or null member gives the default; a member of
//                   the wrong JSON type throws nlohmann's type_error (the remote client reports it as
//                   BAD_RESPONSE: an answer gomo does not understand is not silently zero)
//   read_object     a request body -> struct, strictly: 400 VALIDATION_FAILED naming each undocumented
//                   property, each member of the wrong JSON type and each missing required one
//   check_object    the documented constraints (lengths in characters, enums, formats, ranges)
// and columns_of lists the SQL columns (name, column, kind) lib/local's statements are built from
// (local/table_sql.h); object_schema describes the same fields as a JSON Schema (the OpenAPI
// document, api/schemas.h).
// The member's C++ type picks the JSON kind: std::string, int, long long, bool, double, their
// std::optional, std::vector<std::string>, std::map<std::string, int>, and any struct S (or
// std::vector<S>, std::optional<...>) that has a table_of<S>() (a nested object or array of them).
// Anything else is a custom() field with its own functions.
//
// Internal to lib/api (and lib/local's .cc files): it includes nlohmann/json.hpp. Public headers use
// json_fwd.hpp only. Tables are built once on first use and are read-only after: thread-safe.
#include <climits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "api/validate.h"

namespace gomo::api::fields {

using nlohmann::json;
// Field path ("data.0.primaryPhone") -> messages, the shape of ApiError::field_errors.
using FieldErrors = std::map<std::string, std::vector<std::string>>;

enum class Format { kNone, kEmail, kUuid, kIsoInstant };

// The constraints of one field. Messages are class-validator's, as the platform's (validate_test.cc
// and the conformance suite pin them). Declare with designated initializers, in this order.
struct Rules {
  bool required = false;               // read_object: a missing or null member is "X should not be empty"
  bool required_on_create = false;     // check_object(create = true): the same, for an unset member
  bool empty_is_unset = false;         // check_object: a std::string member counts as unset when ""
  bool not_empty = false;              // check_object: "" is "X should not be empty"
  int min_chars = -1, max_chars = -1;  // characters (UTF-8 code points); -1: no bound
  long long min_value = LLONG_MIN, max_value = LLONG_MAX;  // integers
  std::span<const char* const> one_of = {};                // allowed values of an enum; empty: any
  Format format = Format::kNone;
  // read_object, for a list of strings that is not an array: false says "X must be an array of
  // strings" (the contact bodies), true "X must be an array" (programs).
  bool list_says_array = false;
};

// Request reader over one JSON object: every member must be in `documented`; the typed accessors
// return nothing for a missing or null member, and record a message under prefix + key for a member
// of the wrong type. A body that is not an object is one error under the prefix ("body" at the top).
class Reader {
 public:
  // `errors` must outlive the reader.
  Reader(const json& obj, std::string prefix, FieldErrors& errors, const std::vector<std::string>& documented);

  std::string at(const std::string& key) const { return prefix_ + key; }
  const json* find(const char* key) const;  // nullptr when missing, null or obj is not an object
  std::optional<std::string> string(const char* key);
  std::optional<long long> number(const char* key);
  std::optional<bool> flag(const char* key);
  const json* object(const char* key);
  const json* array(const char* key);
  std::optional<std::vector<std::string>> strings(const char* key, bool say_array = true);
  void require(const char* key);  // "key should not be empty" when missing or null
  FieldErrors& errors() { return errors_; }

 private:
  std::nullopt_t wrong(const char* key, const char* what);
  const json& obj_;
  std::string prefix_;
  FieldErrors& errors_;
};

enum class Mode { kResponse, kRequest };  // kRequest omits unset optionals and empty maps

// Which JSON Schema object_schema writes: an answer's (every member present unless omitted when
// unset; unset optionals are null), or a request body's for a create (required and required-on-
// create members required) or an update (required members only). In request bodies a member that is
// not required may be null (the Reader treats null as missing).
enum class SchemaMode { kResponse, kCreate, kUpdate };

// How lib/local keeps a field in its SQL column. field() picks it from the member's type: strings
// TEXT, int and long long INTEGER, bool INTEGER 0/1, double REAL, anything else (lists, maps,
// nested objects) the JSON text of its value; custom() fields keep the JSON text of what they write.
enum class ColumnKind { kText, kInteger, kBoolean, kReal, kJson };

// A column's value as lib/local binds and reads it (no SQLite here): NULL, an integer (booleans
// too), a real, or text (the JSON text of the value for ColumnKind::kJson).
struct ColumnValue {
  bool null = true;
  long long integer = 0;
  double real = 0;
  std::string text;
};

// One SQL column of a resource: the JSON member it holds (the table's field name), the column's
// name and kind, and how to move the member's value in and out (local/table_sql.h builds its
// statements and binds rows with these). `store` and `load` take the Field (`field`) and the object
// that owns it: the resource itself, or for a flattened member the part `part` returns.
struct Column {
  const char* name;
  const char* column;
  ColumnKind kind;
  const void* field;
  void (*store)(const void* field, const void* owner, ColumnValue& out);
  void (*load)(const void* field, ColumnValue& in, void* owner);
  void* (*part)(void* resource) = nullptr;  // nullptr: the owner is the resource
};

template <typename T>
struct Field {
  const char* name = nullptr;  // JSON name; also the field path of its errors
  Rules rules;
  const char* column = nullptr;  // SQL column (lib/local), nullptr when the field has none of its own
  ColumnKind column_kind = ColumnKind::kJson;
  // Direct column access, set by field() for text, integer, boolean and real members; nullptr: the
  // column holds the JSON text of what put writes and get reads.
  void (*to_column)(const Field&, const T&, ColumnValue&) = nullptr;
  void (*from_column)(const Field&, ColumnValue&, T&) = nullptr;
  // flatten(): appends the flattened members' columns (they are columns of T's SQL table too).
  void (*flattened_columns)(std::vector<Column>& out) = nullptr;
  const char* alias = nullptr;  // decode also reads this name when `name` gives an empty string
  bool omit_unset = false;      // responses too leave an unset optional out instead of writing null
  // Each may be nullptr (the field takes no part).
  void (*put)(const Field&, const T&, json& out, Mode) = nullptr;
  void (*get)(const Field&, const json& in, T&) = nullptr;
  void (*read)(const Field&, Reader&, T&) = nullptr;
  void (*check)(const Field&, const T&, bool create, const std::string& prefix, FieldErrors&) = nullptr;
  // The kind of check's first finding (kNone when it finds nothing); set for text members, nullptr else.
  FieldFault (*fault)(const Field&, const T&, bool create) = nullptr;
  // Adds the field to a JSON Schema object ("properties", "required"): set by field() from the
  // member's type and rules, by custom() from `schema`, by flatten() from the part's table.
  void (*describe)(const Field&, SchemaMode, json& object_schema) = nullptr;
  const char* schema = nullptr;  // the value's JSON Schema as JSON text, for shapes the type does not say

  // The value's JSON Schema (JSON text) when its shape is its own (custom fields, codecs).
  Field with_schema(const char* s) const {
    Field f = *this;
    f.schema = s;
    return f;
  }

  Field with_column(const char* c) const {
    Field f = *this;
    f.column = c;
    return f;
  }
  Field with_alias(const char* a) const {
    Field f = *this;
    f.alias = a;
    return f;
  }
  Field omitted_when_unset() const {
    Field f = *this;
    f.omit_unset = true;
    return f;
  }
  // The same member and checks, with its own JSON shape (graph JSON text, retry spellings, ...).
  Field with_codec(decltype(put) p, decltype(get) g, decltype(read) r) const {
    Field f = *this;
    f.put = p;
    f.get = g;
    f.read = r;
    f.to_column = nullptr;  // the codec decides what the column holds too
    f.from_column = nullptr;
    return f;
  }
};

template <typename T>
struct Table {
  std::vector<Field<T>> fields;
  std::vector<std::string> names;  // the JSON names, in table order: the documented request members

  Table(std::initializer_list<Field<T>> list) : fields(list) {
    for (const auto& f : fields) {
      if (f.name) names.emplace_back(f.name);
    }
  }
};

// The table of resource T; specialised per resource (resource_tables.h). Declared, never defined
// in general.
template <typename T>
const Table<T>& table_of();

// --- The four operations ----------------------------------------------------------------------

template <typename T>
void encode_into(const Table<T>& table, const T& value, json& out, Mode mode) {
  for (const auto& f : table.fields) {
    if (f.put) f.put(f, value, out, mode);
  }
}

template <typename T>
json encode_object(const T& value, Mode mode = Mode::kResponse) {
  json out = json::object();
  encode_into(table_of<T>(), value, out, mode);
  return out;
}

template <typename T>
void decode_into(const Table<T>& table, const json& in, T& value) {
  for (const auto& f : table.fields) {
    if (f.get) f.get(f, in, value);
  }
}

template <typename T>
T decode_object(const json& in) {
  T value{};
  decode_into(table_of<T>(), in, value);
  return value;
}

template <typename T>
void read_into(const Table<T>& table, Reader& reader, T& value) {
  for (const auto& f : table.fields) {
    if (f.rules.required) reader.require(f.name);
  }
  for (const auto& f : table.fields) {
    if (f.read) f.read(f, reader, value);
  }
}

// Reads `in` (errors under `prefix`, e.g. "data.0.") against T's table.
template <typename T>
T read_object(const json& in, const std::string& prefix, FieldErrors& errors) {
  Reader reader(in, prefix, errors, table_of<T>().names);
  T value{};
  read_into(table_of<T>(), reader, value);
  return value;
}

// The JSON Schema of T's JSON object under `mode`: its properties, the required ones, and
// additionalProperties false (requests refuse undocumented members; answers carry no others)
// unless a field writes members of its own choosing.
template <typename T>
json object_schema(const Table<T>& table, SchemaMode mode) {
  json out = {{"type", "object"}, {"properties", json::object()}};
  for (const auto& f : table.fields) {
    if (f.describe && (mode != SchemaMode::kResponse || f.put)) f.describe(f, mode, out);
  }
  if (!out.contains("additionalProperties")) out["additionalProperties"] = false;
  return out;
}

template <typename T>
void check_into(const Table<T>& table, const T& value, bool create, const std::string& prefix, FieldErrors& errors) {
  for (const auto& f : table.fields) {
    if (f.check) f.check(f, value, create, prefix, errors);
  }
}

template <typename T>
void check_object(const T& value, bool create, FieldErrors& errors, const std::string& prefix = "") {
  check_into(table_of<T>(), value, create, prefix, errors);
}

namespace detail {

template <typename T>
void store_column(const void* field, const void* owner, ColumnValue& out) {
  const auto& f = *static_cast<const Field<T>*>(field);
  const T& obj = *static_cast<const T*>(owner);
  if (f.to_column) return f.to_column(f, obj, out);
  json tmp = json::object();
  if (f.put) f.put(f, obj, tmp, Mode::kResponse);
  auto it = tmp.find(f.name);
  out.null = it == tmp.end() || it->is_null();
  if (!out.null) out.text = it->dump();
}

template <typename T>
void load_column(const void* field, ColumnValue& in, void* owner) {
  const auto& f = *static_cast<const Field<T>*>(field);
  T& obj = *static_cast<T*>(owner);
  if (f.from_column) return f.from_column(f, in, obj);
  json tmp = json::object();
  if (!in.null) tmp[f.name] = json::parse(in.text);
  if (f.get) f.get(f, tmp, obj);
}

}  // namespace detail

// Field `f` of T as a column (its own, or a computed one lib/local names), owned by the part of
// the resource `part` returns (nullptr: the resource).
template <typename T>
Column column_for(const Field<T>& f, void* (*part)(void*) = nullptr) {
  return {f.name, f.column, f.column_kind, &f, &detail::store_column<T>, &detail::load_column<T>, part};
}

// The SQL columns of `table`, in table order, flattened members' columns in their place. `table`
// must be a table_of<T>() (its fields live as long as the program). One level of flatten().
template <typename T>
void append_columns(const Table<T>& table, std::vector<Column>& out, void* (*part)(void*) = nullptr) {
  for (const auto& f : table.fields) {
    if (f.column) out.push_back(column_for(f, part));
    if (f.flattened_columns) f.flattened_columns(out);
  }
}

template <typename T>
std::vector<Column> columns_of() {
  std::vector<Column> out;
  append_columns(table_of<T>(), out);
  return out;
}

// --- Checks shared by every kind (field_table.cc) ------------------------------------------------

// `value` is nullptr when unset. Records required, not-empty, length, enum and format problems.
// first_text_fault gives the kind of the first message it records (kNone when it records none).
FieldFault first_text_fault(const Rules& rules, const std::string* value, bool create);
void check_text(const char* name, const Rules& rules, const std::string* value, bool create, const std::string& prefix,
                FieldErrors& errors);
void check_integer(const char* name, const Rules& rules, const long long* value, bool create, const std::string& prefix,
                   FieldErrors& errors);
// Required-on-create only, for kinds without other constraints.
void check_present(const char* name, const Rules& rules, bool present, bool create, const std::string& prefix,
                   FieldErrors& errors);
// "a, b, c" for the enum messages.
std::string join_values(std::span<const char* const> values);

// For describe functions (field_table.cc): `value` under properties/`name` of `object_schema`
// (nullable: null allowed too), and `name` in its required list when `required`.
void add_property(json& object_schema, const char* name, json value, bool required, bool nullable);
// `value` (a string or integer schema) with the rules' lengths, enum, format and range.
void apply_rules(const Rules& rules, json& value);
// Whether a member is required, and whether it may be null, under `mode`. `optional`: the member is
// a std::optional (answers write it as null when unset unless `omit_unset`).
bool schema_required(const Rules& rules, SchemaMode mode, bool optional, bool omit_unset);
bool schema_nullable(const Rules& rules, SchemaMode mode, bool optional, bool omit_unset);

// --- How each member type maps to JSON ----------------------------------------------------------

namespace detail {

template <typename>
struct is_optional : std::false_type {};
template <typename U>
struct is_optional<std::optional<U>> : std::true_type {};
template <typename V>
struct optional_inner {
  using type = V;
};
template <typename U>
struct optional_inner<std::optional<U>> {
  using type = U;
};
template <typename>
struct is_vector : std::false_type {};
template <typename U>
struct is_vector<std::vector<U>> : std::true_type {};

inline const json* present(const json& in, const char* name) {
  if (!in.is_object()) return nullptr;
  auto it = in.find(name);
  return it == in.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace detail

// Codec<V>: put(value) -> json, get(json, V&) leniently, read(Reader, field, V&) strictly.
template <typename V, typename = void>
struct Codec;  // a struct with a table: below

template <>
struct Codec<std::string> {
  static json schema(SchemaMode) { return {{"type", "string"}}; }
  static json put(const std::string& v) { return v; }
  static void get(const json& j, std::string& v) { v = j.get<std::string>(); }
  template <typename F>
  static void read(Reader& r, const F& f, std::string& v) {
    if (auto s = r.string(f.name)) v = *s;
  }
};
template <>
struct Codec<bool> {
  static json schema(SchemaMode) { return {{"type", "boolean"}}; }
  static json put(bool v) { return v; }
  static void get(const json& j, bool& v) { v = j.get<bool>(); }
  template <typename F>
  static void read(Reader& r, const F& f, bool& v) {
    if (auto b = r.flag(f.name)) v = *b;
  }
};
template <typename V>
struct Codec<V, std::enable_if_t<std::is_same_v<V, int> || std::is_same_v<V, long long>>> {
  static json schema(SchemaMode) { return {{"type", "integer"}}; }
  static json put(V v) { return v; }
  static void get(const json& j, V& v) { v = static_cast<V>(j.get<long long>()); }
  template <typename F>
  static void read(Reader& r, const F& f, V& v) {
    if (auto n = r.number(f.name)) v = static_cast<V>(*n);
  }
};
// Doubles are measurements the platform may leave out or spell oddly: anything but a number is unset.
template <>
struct Codec<double> {
  static json schema(SchemaMode) { return {{"type", "number"}}; }
  static json put(double v) { return v; }
  static void get(const json& j, double& v) {
    if (j.is_number()) v = j.get<double>();
  }
  template <typename F>
  static void read(Reader&, const F&, double&) {}
};
template <>
struct Codec<std::vector<std::string>> {
  static json schema(SchemaMode) { return {{"type", "array"}, {"items", {{"type", "string"}}}}; }
  static json put(const std::vector<std::string>& v) { return v; }
  static void get(const json& j, std::vector<std::string>& v) { v = j.get<std::vector<std::string>>(); }
  template <typename F>
  static void read(Reader& r, const F& f, std::vector<std::string>& v) {
    if (auto s = r.strings(f.name, f.rules.list_says_array)) v = *s;
  }
};
template <>
struct Codec<std::map<std::string, int>> {
  static json schema(SchemaMode) { return {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}}; }
  static json put(const std::map<std::string, int>& v) { return v; }
  static void get(const json& j, std::map<std::string, int>& v) { v = j.get<std::map<std::string, int>>(); }
  template <typename F>
  static void read(Reader&, const F&, std::map<std::string, int>&) {}
};
// A nested object with its own table; lenient decoding ignores a member that is not an object.
template <typename S>
struct Codec<S, std::enable_if_t<std::is_class_v<S> && !detail::is_vector<S>::value && !detail::is_optional<S>::value &&
                                 !std::is_same_v<S, std::string>>> {
  static json schema(SchemaMode mode) { return object_schema(table_of<S>(), mode); }
  static json put(const S& v) { return encode_object(v, Mode::kResponse); }
  static void get(const json& j, S& v) {
    if (j.is_object()) decode_into(table_of<S>(), j, v);
  }
  template <typename F>
  static void read(Reader& r, const F& f, S& v) {
    if (const json* obj = r.object(f.name)) v = read_object<S>(*obj, r.at(f.name) + ".", r.errors());
  }
};
// An array of nested objects; lenient decoding ignores a member that is not an array.
template <typename S>
struct Codec<std::vector<S>, std::enable_if_t<std::is_class_v<S> && !std::is_same_v<S, std::string>>> {
  static json schema(SchemaMode mode) { return {{"type", "array"}, {"items", object_schema(table_of<S>(), mode)}}; }
  static json put(const std::vector<S>& v) {
    json list = json::array();
    for (const auto& item : v) list.push_back(encode_object(item, Mode::kResponse));
    return list;
  }
  static void get(const json& j, std::vector<S>& v) {
    if (!j.is_array()) return;
    for (const auto& item : j) v.push_back(decode_object<S>(item));
  }
  template <typename F>
  static void read(Reader& r, const F& f, std::vector<S>& v) {
    const json* list = r.array(f.name);
    if (!list) return;
    for (size_t i = 0; i < list->size(); ++i) {
      v.push_back(read_object<S>((*list)[i], r.at(f.name) + "." + std::to_string(i) + ".", r.errors()));
    }
  }
};

template <typename>
struct member_traits;
template <typename T, typename V>
struct member_traits<V T::*> {
  using owner = T;
  using value = V;
};

// The operations of field `M` (a pointer to member), from its type.
template <auto M>
struct MemberOps {
  using T = typename member_traits<decltype(M)>::owner;
  using V = typename member_traits<decltype(M)>::value;
  static constexpr bool kOptional = detail::is_optional<V>::value;
  using Inner = typename detail::optional_inner<V>::type;
  static constexpr ColumnKind kColumnKind = std::is_same_v<Inner, std::string> ? ColumnKind::kText
                                            : std::is_same_v<Inner, bool>      ? ColumnKind::kBoolean
                                            : std::is_same_v<Inner, int> || std::is_same_v<Inner, long long>
                                                ? ColumnKind::kInteger
                                            : std::is_same_v<Inner, double> ? ColumnKind::kReal
                                                                            : ColumnKind::kJson;

  // Direct column access for the kinds that are not JSON text.
  static void to_column(const Field<T>&, const T& obj, ColumnValue& out) {
    const V& v = obj.*M;
    if constexpr (kOptional) {
      out.null = !v;
      if (v) put_column(*v, out);
    } else {
      out.null = false;
      put_column(v, out);
    }
  }
  static void put_column(const Inner& v, ColumnValue& out) {
    if constexpr (std::is_same_v<Inner, std::string>) {
      out.text = v;
    } else if constexpr (std::is_same_v<Inner, double>) {
      out.real = v;
    } else {
      out.integer = v;
    }
  }
  static void from_column(const Field<T>&, ColumnValue& in, T& obj) {
    if (in.null) {
      obj.*M = V{};
    } else if constexpr (std::is_same_v<Inner, std::string>) {
      obj.*M = std::move(in.text);
    } else if constexpr (std::is_same_v<Inner, double>) {
      obj.*M = in.real;
    } else if constexpr (std::is_same_v<Inner, bool>) {
      obj.*M = in.integer != 0;
    } else {
      obj.*M = static_cast<Inner>(in.integer);
    }
  }

  static void put(const Field<T>& f, const T& obj, json& out, Mode mode) {
    const V& v = obj.*M;
    if constexpr (kOptional) {
      if (v) {
        out[f.name] = Codec<Inner>::put(*v);
      } else if (mode == Mode::kResponse && !f.omit_unset) {
        out[f.name] = nullptr;
      }
    } else {
      out[f.name] = Codec<V>::put(v);
    }
  }
  static void get(const Field<T>& f, const json& in, T& obj) {
    const json* j = detail::present(in, f.name);
    if constexpr (std::is_same_v<V, std::string>) {
      obj.*M = j ? j->get<std::string>() : std::string();
      if (f.alias && (obj.*M).empty()) {
        if (const json* a = detail::present(in, f.alias)) Codec<V>::get(*a, obj.*M);
      }
    } else if constexpr (kOptional) {
      if (!j) return;
      if constexpr (std::is_floating_point_v<Inner> || std::is_same_v<Inner, long long>) {
        if (!j->is_number()) return;  // measurements: anything but a number is unset
      }
      Inner value{};
      Codec<Inner>::get(*j, value);
      obj.*M = std::move(value);
    } else if (j) {
      Codec<V>::get(*j, obj.*M);
    } else {
      obj.*M = V{};  // missing or null: the type's zero, not the struct's default (as the API reads it)
    }
  }
  // A member of the wrong type leaves an error and (for an optional) a value the caller never sees:
  // any error refuses the whole request.
  static void read(const Field<T>& f, Reader& r, T& obj) {
    if constexpr (kOptional) {
      if (!r.find(f.name)) return;
      Inner value{};
      Codec<Inner>::read(r, f, value);
      obj.*M = std::move(value);
    } else {
      Codec<V>::read(r, f, obj.*M);
    }
  }
  static void check(const Field<T>& f, const T& obj, bool create, const std::string& prefix, FieldErrors& errors) {
    const V& v = obj.*M;
    if constexpr (std::is_same_v<V, std::string>) {
      bool unset = f.rules.empty_is_unset && v.empty();
      check_text(f.name, f.rules, unset ? nullptr : &v, create, prefix, errors);
    } else if constexpr (std::is_same_v<V, std::optional<std::string>>) {
      check_text(f.name, f.rules, v ? &*v : nullptr, create, prefix, errors);
    } else if constexpr (std::is_same_v<V, int> || std::is_same_v<V, long long>) {
      long long n = v;
      check_integer(f.name, f.rules, &n, create, prefix, errors);
    } else if constexpr (kOptional) {
      check_present(f.name, f.rules, v.has_value(), create, prefix, errors);
    }
  }
  static void describe(const Field<T>& f, SchemaMode mode, json& out) {
    json value = f.schema ? json::parse(f.schema) : Codec<Inner>::schema(mode);
    if constexpr (std::is_same_v<Inner, std::string> || std::is_same_v<Inner, int> ||
                  std::is_same_v<Inner, long long>) {
      apply_rules(f.rules, value);
    }
    add_property(out, f.name, std::move(value), schema_required(f.rules, mode, kOptional, f.omit_unset),
                 schema_nullable(f.rules, mode, kOptional, f.omit_unset));
  }
  static constexpr bool kText = std::is_same_v<V, std::string> || std::is_same_v<V, std::optional<std::string>>;
  static FieldFault fault(const Field<T>& f, const T& obj, bool create) {
    const V& v = obj.*M;
    if constexpr (std::is_same_v<V, std::string>) {
      return first_text_fault(f.rules, f.rules.empty_is_unset && v.empty() ? nullptr : &v, create);
    } else if constexpr (std::is_same_v<V, std::optional<std::string>>) {
      return first_text_fault(f.rules, v ? &*v : nullptr, create);
    }
    return FieldFault::kNone;
  }
};

// A field stored in member M of its owner.
template <auto M>
Field<typename MemberOps<M>::T> field(const char* name, Rules rules = {}) {
  using Ops = MemberOps<M>;
  Field<typename Ops::T> f;
  f.name = name;
  f.rules = rules;
  f.put = &Ops::put;
  f.get = &Ops::get;
  f.read = &Ops::read;
  f.check = &Ops::check;
  if constexpr (Ops::kText) f.fault = &Ops::fault;
  f.describe = &Ops::describe;
  f.column_kind = Ops::kColumnKind;
  if constexpr (Ops::kColumnKind != ColumnKind::kJson) {
    f.to_column = &Ops::to_column;
    f.from_column = &Ops::from_column;
  }
  return f;
}

// A field with its own functions (nullptr: takes no part), for shapes the member types do not say.
template <typename T>
Field<T> custom(const char* name, void (*put)(const Field<T>&, const T&, json&, Mode),
                void (*get)(const Field<T>&, const json&, T&), void (*read)(const Field<T>&, Reader&, T&) = nullptr,
                Rules rules = {}) {
  Field<T> f;
  f.name = name;
  f.rules = rules;
  f.put = put;
  f.get = get;
  f.read = read;
  // The value's schema is `schema` (with_schema), {} (anything) until given. A field without a name
  // writes members of its own choosing: the object is left open.
  f.describe = [](const Field<T>& field, SchemaMode mode, json& out) {
    if (!field.name) {
      out["additionalProperties"] = true;
      return;
    }
    json value = field.schema ? json::parse(field.schema) : json::object();
    bool required = schema_required(field.rules, mode, false, field.omit_unset);
    add_property(out, field.name, std::move(value), required, mode != SchemaMode::kResponse && !required);
  };
  return f;
}

// The members of Sub (member M of T) written into T's own object, as a contact's fields are.
template <auto M>
Field<typename MemberOps<M>::T> flatten() {
  using T = typename MemberOps<M>::T;
  using Sub = typename MemberOps<M>::V;
  Field<T> f;
  f.put = [](const Field<T>&, const T& obj, json& out, Mode mode) { encode_into(table_of<Sub>(), obj.*M, out, mode); };
  f.get = [](const Field<T>&, const json& in, T& obj) { decode_into(table_of<Sub>(), in, obj.*M); };
  f.describe = [](const Field<T>&, SchemaMode mode, json& out) {
    for (const auto& sub : table_of<Sub>().fields) {
      if (sub.describe && (mode != SchemaMode::kResponse || sub.put)) sub.describe(sub, mode, out);
    }
  };
  f.flattened_columns = [](std::vector<Column>& out) {
    append_columns(table_of<Sub>(), out, [](void* resource) -> void* { return &(static_cast<T*>(resource)->*M); });
  };
  return f;
}

}  // namespace gomo::api::fields
