// Pass 1 of the CSV upsert on several threads (contacts/upsert_keys.h).
#include "contacts/upsert_keys.h"

#include <algorithm>
#include <mutex>
#include <string>
#include <thread>

namespace gomo::contacts {
namespace {

// Rows handed out at a time: big enough that the lock is rare, small enough to keep memory flat.
constexpr size_t kChunkRows = 4096;

// Rows copied out of the reader (its views die with its next call): fields end to end in `bytes`.
struct Chunk {
  size_t first_row = 0;                            // 0-based index of the chunk's first data row
  std::string bytes;                               // the fields of the rows the reader found well-formed
  std::vector<uint32_t> field_ends;                // per field: its end in `bytes`
  std::vector<uint32_t> row_ends;                  // per row: its end in `field_ends`
  std::vector<document::CsvProblemKind> problems;  // per row: the reader's finding (kNone: none)
  std::vector<uint64_t> keys;                      // per row: the result
};

class KeyPass {
 public:
  KeyPass(document::CsvReader& reader, const RowRules& rules) : reader_(reader), rules_(rules) {}

  // Takes, converts and stores chunks until the input ends. `progress` (may be null) after each chunk.
  void work(const std::function<void(size_t)>* progress) {
    Chunk chunk;
    document::CsvRow row;
    api::ContactFields fields;
    RowProblem problem;
    std::vector<std::string_view> views;
    std::map<std::string, size_t> reasons;
    for (;;) {
      size_t rows_so_far;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (!take(chunk, row)) {
          for (const auto& [code, n] : reasons) reasons_[code] += n;
          return;
        }
        rows_so_far = next_row_;
      }
      convert(chunk, fields, problem, views, reasons);
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (keys_.size() < chunk.first_row + chunk.keys.size()) keys_.resize(chunk.first_row + chunk.keys.size());
        std::copy(chunk.keys.begin(), chunk.keys.end(), keys_.begin() + static_cast<long>(chunk.first_row));
      }
      if (progress && *progress) (*progress)(rows_so_far);
    }
  }

  std::vector<uint64_t>& keys() { return keys_; }
  std::map<std::string, size_t>& reasons() { return reasons_; }

 private:
  // REQUIRES: mu_ held. False when the input has no more rows.
  bool take(Chunk& c, document::CsvRow& row) {
    c.bytes.clear();
    c.field_ends.clear();
    c.row_ends.clear();
    c.problems.clear();
    c.first_row = next_row_;
    while (!done_ && c.problems.size() < kChunkRows) {
      if (!reader_.next(row)) {
        done_ = true;
        break;
      }
      c.problems.push_back(row.problem.kind);
      if (row.ok()) {
        for (std::string_view f : row.fields) {
          c.bytes.append(f);
          c.field_ends.push_back(static_cast<uint32_t>(c.bytes.size()));
        }
      }
      c.row_ends.push_back(static_cast<uint32_t>(c.field_ends.size()));
    }
    next_row_ += c.problems.size();
    return !c.problems.empty();
  }

  void convert(Chunk& c, api::ContactFields& fields, RowProblem& problem, std::vector<std::string_view>& views,
               std::map<std::string, size_t>& reasons) const {
    c.keys.assign(c.problems.size(), 0);
    uint32_t field = 0;
    for (size_t r = 0; r < c.problems.size(); ++r) {
      const uint32_t end = c.row_ends[r];
      if (c.problems[r] != document::CsvProblemKind::kNone) {
        ++reasons[document::csv_problem_code(c.problems[r])];
        continue;
      }
      views.clear();
      for (; field < end; ++field) {
        const uint32_t begin = field == 0 ? 0 : c.field_ends[field - 1];
        views.emplace_back(c.bytes.data() + begin, c.field_ends[field] - begin);
      }
      if (convert_row(views, rules_, fields, problem)) {
        c.keys[r] = phone_key(*fields.primary_phone);
      } else {
        ++reasons[problem.code];
      }
    }
  }

  document::CsvReader& reader_;
  const RowRules& rules_;
  std::mutex mu_;
  bool done_ = false;    // guarded by mu_, as are the reader and the two below
  size_t next_row_ = 0;  // rows handed out
  std::vector<uint64_t> keys_;
  std::map<std::string, size_t> reasons_;
};

}  // namespace

uint64_t phone_key(std::string_view e164) {
  uint64_t key = 0;
  for (char c : e164) {
    if (c >= '0' && c <= '9') key = key * 10 + static_cast<uint64_t>(c - '0');
  }
  return key;
}

std::string_view e164_of(uint64_t key, char (&buf)[24]) {
  char* end = buf + sizeof buf;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + key % 10);
    key /= 10;
  } while (key);
  *--p = '+';
  return {p, static_cast<size_t>(end - p)};
}

Result<std::vector<uint64_t>> phone_keys_of(document::CsvReader& reader, const RowRules& rules, unsigned threads,
                                            const std::function<void(size_t)>& progress,
                                            std::map<std::string, size_t>* reasons) {
  if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  KeyPass pass(reader, rules);
  std::vector<std::thread> helpers;
  for (unsigned i = 1; i < threads; ++i) helpers.emplace_back([&pass] { pass.work(nullptr); });
  pass.work(&progress);
  for (auto& t : helpers) t.join();
  if (!reader.status().is_ok()) return reader.status();
  if (reasons) *reasons = std::move(pass.reasons());
  return std::move(pass.keys());
}

}  // namespace gomo::contacts
