#pragma once
// `gomo contacts upsert`: a CSV file into the platform's contacts, over api::Platform only.
// Two passes over the file (memory: 8 bytes a row for the de-duplication table, not the
// rows' text): the first checks every row and picks, per normalised phone, the row that wins
// (--on-duplicate); the second sends the winners in batches. Every row that is not sent is either a
// duplicate (superseded by another row of the same phone) or a reject (written to the rejects file
// with its reason code), so rows_read == sent + duplicates + rejected always holds.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/platform.h"
#include "contacts/column_map.h"
#include "contacts/phone.h"

namespace gomo::contacts {

enum class OnDuplicate { kLast, kFirst, kMerge, kReject };

struct UpsertRequest {
  std::string path;  // the CSV file; "-" reads `stdin_input` (copied to a temporary file first)
  std::istream* stdin_input = nullptr;
  char delimiter = 0;              // 0: detected from the header line (',' ';' or tab, the most frequent)
  MappingOptions mapping;          // --map, --attributes
  bool create_attributes = false;  // create attributes the account lacks instead of failing
  // --attribute-type COLUMN=TYPE: the type an attribute created by create_attributes gets (keyed by the
  // column's header or the attribute's name; one of api::kCustomAttributeTypes). Unlisted ones are text.
  std::map<std::string, std::string> attribute_types;
  std::string default_region = "MA";  // for phones written without + or 00
  // Valid phones of other types are rejected as not_callable (--allow-types).
  PhoneTypes allowed_types = PhoneTypes::callable();
  OnDuplicate on_duplicate = OnDuplicate::kLast;
  size_t batch_size = 500;       // contacts per request, 1..api::kMaxUpsertBatch
  std::string audience;          // "": none; else an audience id or name the upserted contacts join
  bool create_audience = false;  // create `audience` (by name) when it does not exist
  bool dry_run = false;          // check everything, send nothing (the target is only read)
  std::string rejects_path;      // "": no rejects file
  // The run fails (UpsertSummary::over_max_rejects) when rejected > max_rejects, or, when
  // max_rejects_percent >= 0, when rejected > that percentage of rows_read. Default: any reject.
  long long max_rejects = 0;
  double max_rejects_percent = -1;
  // Where resume journals live (contacts/upsert_journal.h); "": no journal. Never for stdin or a dry run.
  // An earlier run's journal for the same file, target and options is always continued (the summary
  // says so); `resume` only insists that there is one (a usage failure otherwise).
  std::string journal_dir;
  bool resume = false;
  unsigned check_threads = 0;  // threads that check rows in the first pass; 0: one per core, at most 4
  // Batches in flight at once (--concurrency, 1..16), each on its own platform from `open_sender`
  // (another connection to the same target, used by one thread only). Without `open_sender` (the
  // local workspace: one SQLite writer gains nothing from more) batches go one at a time, on a thread
  // of their own beside the reading. Batches may be acknowledged out of order: the journal records
  // each by its index, so a resumed run never sends a recorded batch again.
  unsigned concurrency = 1;
  std::function<Result<std::unique_ptr<api::Platform>>()> open_sender;
};

// An attribute --create-attributes created (a dry run: would create).
struct CreatedAttribute {
  std::string column;     // the CSV header
  std::string name;       // the attribute's name (slug)
  std::string type;       // one of api::kCustomAttributeTypes
  bool inferred = false;  // the type was inferred from the column's values (else --attribute-type)
  size_t values = 0;      // inferred: the non-empty values it was inferred from
};

struct UpsertSummary {
  size_t rows_read = 0;  // data rows (the header excluded)
  size_t valid = 0;      // rows that passed the client checks (before de-duplication)
  size_t sent = 0;       // contacts the platform acknowledged (dry run: that would be sent)
  // sent == created + updated + unchanged. `unchanged`: contacts whose sent fields already held those
  // values. Real runs: as the platform says (gomo's local platform and `gomo serve` report unchanged;
  // the real platform does not, and counts them as updated). Dry runs: what a real run would do, told
  // from the target's contacts (contacts/upsert_target.h), unless `unknown_outcome` says why not.
  size_t created = 0, updated = 0, unchanged = 0;
  std::string unknown_outcome;  // dry run: why created/updated/unchanged are unknown ("": they are known)
  std::vector<CreatedAttribute> attributes_created;  // in column order
  size_t duplicates = 0;                             // rows superseded by another row with the same phone
  size_t rejected = 0;                               // rows in the rejects file
  std::map<std::string, size_t> reject_reasons;      // reason code -> rows
  size_t batches = 0;                                // requests sent
  double seconds = 0;
  bool dry_run = false;
  bool over_max_rejects = false;
  std::string audience_id;     // the audience the contacts joined, if any
  std::string target;          // api::Platform::target()
  size_t resumed_batches = 0;  // batches an earlier run had sent (skipped, counted from the journal)
  std::string journal_path;    // "" when the run kept no journal; removed once the run finished
};

// Why the run stopped: a usage problem (bad file, bad mapping, unknown attribute: exit 2), a file
// that could not be written (rejects), or the platform's refusal (auth, unavailable, ...). `partial`
// counts what happened before.
struct UpsertFailure {
  enum class Kind { kUsage, kIo, kApi } kind = Kind::kUsage;
  std::string message;  // kUsage, kIo: the whole message
  api::ApiError api;    // kApi
  UpsertSummary partial;
};

// Told of progress from the calling thread; may be null.
class UpsertObserver {
 public:
  virtual ~UpsertObserver() = default;
  // `pass` 1 (checking) or 2 (sending); rows of that pass so far; the data rows of the file (0: not known yet,
  // as in pass 1).
  virtual void on_progress(int pass, size_t rows, size_t rows_total) = 0;
};

Result<UpsertSummary, UpsertFailure> upsert_csv(api::Platform& platform, const UpsertRequest& request,
                                                UpsertObserver* observer);

// "--max-rejects" values: "N" or "P%". False when `text` is neither.
bool parse_max_rejects(const std::string& text, UpsertRequest& request);

}  // namespace gomo::contacts
