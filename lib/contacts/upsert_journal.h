#pragma once
// The resume journal of `gomo contacts upsert`: one line per batch the platform acknowledged,
// written and fsync'd before the batch counts as sent. The pipeline forms its batches the same way
// on every run over the same file with the same options, and numbers them in file order, so a run
// that stopped (kill -9, network loss) continues by skipping the batches the journal lists. With
// --concurrency, batches are acknowledged out of order: each line names its batch's index. The file's name is a hash of
// the CSV file's identity (absolute path, size, modification time), the target and the options
// that shape batches: another file, target or mapping starts afresh.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace gomo::contacts {

// One acknowledged batch.
struct JournalBatch {
  size_t sent = 0, created = 0, updated = 0;
  std::vector<uint32_t> rejected_rows;  // rows of the batch the platform refused (data rows, 1-based)
};

class UpsertJournal {
 public:
  // Opens (creating `dir` and the file if needed) the journal named by `identity`; reads the batches
  // an earlier run recorded. IoError when the directory or file cannot be written.
  static Result<UpsertJournal> open(const std::string& dir, const std::string& identity);
  UpsertJournal(UpsertJournal&& other) noexcept;
  UpsertJournal& operator=(UpsertJournal&&) = delete;
  ~UpsertJournal();

  const std::string& path() const { return path_; }
  // The batches an earlier run recorded, by their index in file order (0-based).
  const std::map<size_t, JournalBatch>& earlier() const { return earlier_; }
  // Appends batch `index` (in any order) and fsyncs. IoError (disk full, ...): the batch must not
  // count as acknowledged. Not thread-safe: one caller at a time.
  Status record(size_t index, const JournalBatch& batch);
  // The run finished: the journal is removed.
  void finish();

 private:
  UpsertJournal() = default;
  std::string path_;
  int fd_ = -1;
  std::map<size_t, JournalBatch> earlier_;
};

// The identity of a CSV file for the journal: "absolute-path|size|mtime-ns"; "" when it cannot be
// read (no journal then).
std::string file_identity(const std::string& path);

}  // namespace gomo::contacts
