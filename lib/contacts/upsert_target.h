#pragma once
// Dry runs of the CSV upsert (contacts/upsert.h): what a real run would create, update or leave
// unchanged, told from the target's existing contacts. Internal to the upsert pipeline.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "api/platform.h"
#include "contacts/upsert_row.h"
#include "document/csv_reader.h"

namespace gomo::contacts {

// The fields a CSV with `rules`' mapping sends, as one 64-bit hash: the value of each mapped contact
// field (primaryPhone aside: it is the key) and of each attribute column (its JSON text), or "absent".
// Two contacts with the same hash hold the same values in those fields (a collision aside: 1 in 2^64).
// REQUIRES: rules.bind() done.
uint64_t sent_fields_hash(const api::ContactFields& fields, const RowRules& rules);

// The target's contacts, 16 bytes each (not their text): the phone key (upsert_keys.h) and
// sent_fields_hash of the stored fields.
class TargetContacts {
 public:
  // Reads every contact of `platform` (list_contacts, pages of 100, oldest first). The platform's
  // error when it cannot (authentication, not found, unreachable). REQUIRES: `rules` as above.
  static api::Result<TargetContacts> read(api::Platform& platform, const RowRules& rules);

  // The stored hash of the contact with phone `key`; nullopt when the target has none.
  std::optional<uint64_t> find(uint64_t key) const;
  size_t size() const { return contacts_.size(); }

 private:
  std::vector<std::pair<uint64_t, uint64_t>> contacts_;  // (phone key, hash), sorted by key
};

// A data row's part in a run: not sent (refused, or a duplicate that loses), sent, or merged into a
// later row of its phone (--on-duplicate merge; the phone's last row is kSent).
enum class RowRole : uint8_t { kSkipped, kSent, kMerged };

struct WouldCounts {
  size_t create = 0, update = 0, unchanged = 0;
};

// What sending the file's rows would do to `target`. Reads `reader` (REQUIRES: at its first data row,
// the file pass 1 read) to its end; `keys` are pass 1's phone keys (keys[i]: data row i + 1);
// `role(row)` says what the run does with data row `row` (1-based). Rows whose phone the target lacks
// are not converted. The reader's IoError when reading stopped early.
Result<WouldCounts> compare_with_target(document::CsvReader& reader, const RowRules& rules,
                                        const std::vector<uint64_t>& keys, const std::function<RowRole(uint32_t)>& role,
                                        const TargetContacts& target);

}  // namespace gomo::contacts
