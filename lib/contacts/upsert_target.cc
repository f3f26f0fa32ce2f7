// What a dry run would do to the target (contacts/upsert_target.h).
#include "contacts/upsert_target.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "api/list_all.h"
#include "contacts/upsert_keys.h"

namespace gomo::contacts {
namespace {

// FNV-1a, 64 bits: fast, and good enough to tell field values apart (not an adversary's).
class Fnv {
 public:
  void add(std::string_view bytes) {
    for (char c : bytes) {
      h_ ^= static_cast<uint8_t>(c);
      h_ *= 0x100000001b3ULL;
    }
  }
  void add_byte(uint8_t b) {
    h_ ^= b;
    h_ *= 0x100000001b3ULL;
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

// A value, or its absence, told apart from every other value (the length comes first).
void add_value(Fnv& h, const std::string* value) {
  if (!value) {
    h.add_byte(0);
    return;
  }
  h.add_byte(1);
  const uint64_t n = value->size();
  for (int i = 0; i < 8; ++i) h.add_byte(static_cast<uint8_t>(n >> (8 * i)));
  h.add(*value);
}

}  // namespace

uint64_t sent_fields_hash(const api::ContactFields& fields, const RowRules& rules) {
  Fnv h;
  for (ContactMember member : rules.members) {
    if (!member || member == &api::ContactFields::primary_phone) continue;
    const auto& value = fields.*member;
    add_value(h, value ? &*value : nullptr);
  }
  for (const auto& column : rules.map->attributes) {
    auto it = fields.custom_attributes.find(column.name);
    add_value(h, it == fields.custom_attributes.end() ? nullptr : &it->second);
  }
  return h.value();
}

api::Result<TargetContacts> TargetContacts::read(api::Platform& platform, const RowRules& rules) {
  TargetContacts target;
  api::PageQuery query;
  query.page = 1;
  query.limit = 100;
  query.sort_by = "createdAt";
  query.sort_order = "asc";
  // Bounded like api::collect_all, but each page is folded into 16 bytes a contact as it comes.
  for (int guard = 0; guard < 1000000; ++guard) {
    auto page = platform.list_contacts(query);
    if (!page) return page.error();
    for (const auto& c : page->data) {
      if (!c.fields.primary_phone) continue;
      target.contacts_.emplace_back(phone_key(*c.fields.primary_phone), sent_fields_hash(c.fields, rules));
    }
    if (!page->meta.has_next_page || page->data.empty()) break;
    ++query.page;
  }
  std::sort(target.contacts_.begin(), target.contacts_.end());
  return target;
}

std::optional<uint64_t> TargetContacts::find(uint64_t key) const {
  auto it = std::lower_bound(contacts_.begin(), contacts_.end(), std::make_pair(key, uint64_t{0}));
  if (it == contacts_.end() || it->first != key) return std::nullopt;
  return it->second;
}

Result<WouldCounts> compare_with_target(document::CsvReader& reader, const RowRules& rules,
                                        const std::vector<uint64_t>& keys, const std::function<RowRole(uint32_t)>& role,
                                        const TargetContacts& target) {
  WouldCounts counts;
  document::CsvRow record;
  api::ContactFields fields;
  RowProblem problem;
  char e164_buf[24];
  std::unordered_map<uint64_t, api::ContactFields> merged;  // --on-duplicate merge: phones in the target, so far
  uint32_t row = 0;
  while (reader.next(record)) {
    ++row;
    const RowRole part = role(row);
    if (part == RowRole::kSkipped || row > keys.size()) continue;
    const uint64_t key = keys[row - 1];
    const std::optional<uint64_t> stored = target.find(key);
    if (!stored) {
      if (part == RowRole::kSent) ++counts.create;
      continue;
    }
    // Pass 1 accepted the row (it has a key): it converts again, without libphonenumber.
    if (!record.ok() || !convert_row(record.fields, rules, fields, problem, e164_of(key, e164_buf))) continue;
    if (part == RowRole::kMerged) {
      merge_fields(merged[key], fields);
      continue;
    }
    if (auto it = merged.find(key); it != merged.end()) {
      merge_fields(it->second, fields);
      fields = std::move(it->second);
      merged.erase(it);
    }
    ++(sent_fields_hash(fields, rules) == *stored ? counts.unchanged : counts.update);
  }
  if (!reader.status().is_ok()) return reader.status();
  return counts;
}

}  // namespace gomo::contacts
