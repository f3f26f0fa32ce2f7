#pragma once
// The resume journal of `gomo contacts upsert`: one line per batch the platform acknowledged,
// written and fsync'd before the batch counts as sent. The pipeline forms its batches the same way
// on every run over the same file with the same options, so a run that stopped (kill -9, network
// loss) continues by skipping the first N batches the journal lists. The file's name is a hash of
// the CSV file's identity (absolute path, size, modification time), the target and the options
// that shape batches: another file, target or mapping starts afresh.
#include <cstddef>
#include <cstdint>
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
  const std::vector<JournalBatch>& earlier() const { return earlier_; }
  // Appends one batch and fsyncs. IoError (disk full, ...): the batch must not count as acknowledged.
  Status record(const JournalBatch& batch);
  // The run finished: the journal is removed.
  void finish();

 private:
  UpsertJournal() = default;
  std::string path_;
  int fd_ = -1;
  std::vector<JournalBatch> earlier_;
};

// The identity of a CSV file for the journal: "absolute-path|size|mtime-ns"; "" when it cannot be
// read (no journal then).
std::string file_identity(const std::string& path);

}  // namespace gomo::contacts
