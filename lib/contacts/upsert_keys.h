#pragma once
// Pass 1 of the CSV upsert (contacts/upsert.h): each data row's phone as one integer, on more than one
// thread. Internal to the upsert pipeline.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "contacts/upsert_row.h"
#include "document/csv_reader.h"

namespace gomo::contacts {

// An E.164 number as one integer: at most 15 digits after '+', and no country code starts with 0, so
// the digits read as a number name one phone. 8 bytes a row for the de-duplication table.
uint64_t phone_key(std::string_view e164);
// The E.164 text of `key` ("+212612345678"), written into `buf`; the view points into it.
std::string_view e164_of(uint64_t key, char (&buf)[24]);

// Reads `reader` (REQUIRES: at its first data row, read_header() done) to its end and returns each data
// row's phone key, in file order: out[i] is data row i + 1's, 0 when the reader or convert_row refuses
// the row. `threads` threads convert (0: one per core, at most 4; 1: the calling thread alone); rows are
// copied out of the reader a chunk at a time, under a lock, so reading and converting overlap. The
// result does not depend on `threads`. `progress(rows_so_far)` runs on the calling thread only; may be
// empty. `rules` must be safe to read from several threads (convert_row only reads it).
// `reasons`, when not null, receives the count of refused rows per reason code (the reader's
// csv_problem_code or convert_row's), the counts a second pass would find.
// Returns the reader's IoError when reading stopped early.
Result<std::vector<uint64_t>> phone_keys_of(document::CsvReader& reader, const RowRules& rules, unsigned threads,
                                            const std::function<void(size_t)>& progress,
                                            std::map<std::string, size_t>* reasons = nullptr);

}  // namespace gomo::contacts
