// The CSV upsert pipeline (contacts/upsert.h).
#include "contacts/upsert.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <unordered_map>

#include "base/private_files.h"
#include "contacts/attribute_infer.h"
#include "contacts/membership.h"
#include "contacts/resolve.h"
#include "contacts/upsert_journal.h"
#include "contacts/upsert_keys.h"
#include "contacts/upsert_row.h"
#include "contacts/upsert_sender.h"
#include "contacts/upsert_target.h"
#include "document/csv_reader.h"

namespace gomo::contacts {
namespace {

using Failed = UpsertFailure;

Failed usage(std::string message) { return Failed{Failed::Kind::kUsage, std::move(message), {}, {}}; }

// The per-phone facts the second pass needs (count 1: the phone is on one row only).
struct PhoneEntry {
  uint32_t first_row = 0, last_row = 0, count = 1;
};

class Pipeline {
 public:
  Pipeline(api::Platform& platform, const UpsertRequest& request, UpsertObserver* observer)
      : platform_(platform), request_(request), observer_(observer) {}
  ~Pipeline() {
    if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  }

  Result<UpsertSummary, Failed> run() {
    auto start = std::chrono::steady_clock::now();
    summary_.dry_run = request_.dry_run;
    summary_.target = platform_.target();
    if (request_.batch_size < 1 || request_.batch_size > static_cast<size_t>(api::kMaxUpsertBatch)) {
      return usage("--batch-size " + std::to_string(request_.batch_size) + " is out of range: use 1 to " +
                   std::to_string(api::kMaxUpsertBatch));
    }
    if (auto failed = open_input()) return *failed;
    if (auto failed = read_header()) return *failed;
    if (auto failed = prepare_attributes()) return *failed;
    if (auto failed = prepare_audience()) return *failed;
    if (auto failed = open_journal()) return *failed;
    if (auto failed = first_pass()) return *failed;
    if (!request_.rejects_path.empty()) {
      // Rejected rows are contact data: a new rejects file is the user's alone (0600), whatever the umask.
      Status created = create_private_file(request_.rejects_path);
      if (created) rejects_.open(request_.rejects_path, std::ios::binary | std::ios::trunc);
      if (!created || !rejects_) return io_failure("cannot write the rejects file " + request_.rejects_path);
      // The header as read (byte for byte, as the rows), then the gomo_* columns.
      line_ = header_raw_;
      line_ += delimiter_;
      document::append_csv_record(line_, {"gomo_row", "gomo_column", "gomo_reason", "gomo_message"}, delimiter_,
                                  "\r\n");
      rejects_ << line_;
      if (!rejects_) return io_failure("cannot write the rejects file " + request_.rejects_path);
    }
    // A dry run without a rejects file needs only counts, which pass 1 has: no second read.
    auto sent = request_.dry_run && request_.rejects_path.empty() ? count_dry_run() : second_pass();
    if (!sent && request_.dry_run) sent = count_would_do();
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (sent) return *sent;
    if (rejects_.is_open()) {
      rejects_.flush();
      if (!rejects_) return io_failure("writing the rejects file " + request_.rejects_path + " failed (disk full?)");
    }
    double limit = request_.max_rejects_percent >= 0
                       ? request_.max_rejects_percent / 100.0 * static_cast<double>(summary_.rows_read)
                       : static_cast<double>(request_.max_rejects);
    summary_.over_max_rejects = static_cast<double>(summary_.rejected) > limit;
    if (journal_) journal_->finish();
    return summary_;
  }

 private:
  Failed io_failure(std::string message) { return Failed{Failed::Kind::kIo, std::move(message), {}, summary_}; }
  Failed api_failure(const api::ApiError& error) { return Failed{Failed::Kind::kApi, "", error, summary_}; }

  std::optional<Failed> open_input() {
    path_ = request_.path;
    if (path_ == "-") {
      // Two passes need the text twice: stdin goes to a temporary file first.
      const char* tmp = std::getenv("TMPDIR");
      std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/gomo-upsert-XXXXXX";
      int fd = ::mkstemp(pattern.data());
      if (fd < 0) return io_failure("cannot create a temporary file for stdin in " + pattern);
      ::close(fd);
      temp_path_ = pattern;
      std::ofstream copy(temp_path_, std::ios::binary);
      if (request_.stdin_input) copy << request_.stdin_input->rdbuf();
      if (!copy.flush()) return io_failure("cannot copy stdin to " + temp_path_ + " (disk full?)");
      path_ = temp_path_;
    }
    return std::nullopt;
  }

  // A reader of the input at its first data row. The reader tells a file that is not CSV at all
  // (empty, binary, JSON, a header only) with one clear error (exit 2), detects the delimiter and
  // checks each row's UTF-8 and width.
  Result<std::unique_ptr<document::CsvReader>, Failed> open_reader(bool keep_raw = false) {
    const std::string shown = request_.path == "-" ? "<stdin>" : request_.path;
    document::CsvOptions options;
    options.keep_raw = keep_raw;
    options.delimiter = request_.delimiter ? request_.delimiter : document::kDetectDelimiter;
    auto reader = document::CsvReader::open(path_, options);
    // "<path>: cannot open: No such file or directory"
    if (!reader) return usage(reader.error().message() + "; check the path");
    Status header = (*reader)->read_header();
    if (header.is_ok()) return std::move(*reader);
    if (header.code() == StatusCode::kIoError) return io_failure(header.message());
    return usage(shown + ": " + header.message());
  }

  std::optional<Failed> read_header() {
    auto reader = open_reader();
    if (!reader) return reader.error();
    reader_ = std::move(*reader);
    header_ = reader_->header();
    header_raw_ = reader_->header_raw();
    delimiter_ = reader_->delimiter();
    auto map = map_columns(header_, request_.mapping);
    if (!map) return usage(request_.path + ": " + map.error().message());
    map_ = std::move(*map);
    rules_.header = &header_;
    rules_.map = &map_;
    rules_.region = request_.default_region;
    rules_.allowed_types = request_.allowed_types;
    rules_.bind();
    return std::nullopt;
  }

  // Attribute columns need the account's definitions (their types); missing ones are created first
  // when asked (the API requires it before data uses them).
  std::optional<Failed> prepare_attributes() {
    // Every --attribute-type names an attribute column and a type the platform knows.
    for (const auto& entry : request_.attribute_types) {
      // Not a structured binding: the lambdas below capture these, which clang 14 cannot do.
      const std::string& key = entry.first;
      const std::string& type = entry.second;
      bool known_type = std::any_of(std::begin(api::kCustomAttributeTypes), std::end(api::kCustomAttributeTypes),
                                    [&](const char* t) { return type == t; });
      if (!known_type)
        return usage("--attribute-type " + key + "=" + type +
                     ": the type is one of text, number, boolean, date, phone_number, email, url");
      bool is_column = std::any_of(map_.attributes.begin(), map_.attributes.end(),
                                   [&](const AttributeColumn& c) { return c.header == key || c.name == key; });
      if (!is_column)
        return usage("--attribute-type " + key + "=" + type +
                     ": no attribute column of that name; choose the columns with --attributes");
    }
    if (map_.attributes.empty()) return std::nullopt;
    auto catalog = list_all_custom_attributes(platform_, {});
    if (!catalog) return api_failure(catalog.error());
    auto inferred = infer_missing_types(*catalog);
    if (!inferred) return inferred.error();
    for (auto& column : map_.attributes) {
      const api::CustomAttribute* found = nullptr;
      for (const auto& a : *catalog) {
        if (a.name == column.name) found = &a;
      }
      if (found) {
        rules_.attribute_types[column.name] = found->type;
        continue;
      }
      if (!request_.create_attributes) {
        return usage("column \"" + column.header + "\": the account has no custom attribute \"" + column.name +
                     "\"; create it (gomo attributes create) or pass --create-attributes");
      }
      CreatedAttribute made{column.header, column.name, "text", false, 0};
      if (const std::string* given = given_type(column)) {
        made.type = *given;
      } else if (auto it = inferred->find(column.column); it != inferred->end()) {
        made.type = it->second.type;
        made.inferred = true;
        made.values = it->second.values;
      }
      if (!request_.dry_run) {
        auto created = platform_.create_custom_attribute({column.header, std::nullopt, made.type});
        if (!created) return api_failure(created.error());
        column.name = made.name = created->name;
      }
      rules_.attribute_types[column.name] = made.type;
      summary_.attributes_created.push_back(std::move(made));
    }
    return std::nullopt;
  }

  // The --attribute-type of `column` (by header, else by attribute name); null when none was given.
  const std::string* given_type(const AttributeColumn& column) const {
    if (auto it = request_.attribute_types.find(column.header); it != request_.attribute_types.end())
      return &it->second;
    if (auto it = request_.attribute_types.find(column.name); it != request_.attribute_types.end()) return &it->second;
    return nullptr;
  }

  // The inferred types of the attribute columns --create-attributes will create without an
  // --attribute-type, by column index: one streaming read of the file, only when there are some.
  Result<std::map<size_t, InferredType>, Failed> infer_missing_types(const std::vector<api::CustomAttribute>& catalog) {
    std::vector<size_t> columns;
    if (request_.create_attributes) {
      for (const auto& column : map_.attributes) {
        bool known = std::any_of(catalog.begin(), catalog.end(),
                                 [&](const api::CustomAttribute& a) { return a.name == column.name; });
        if (!known && !given_type(column)) columns.push_back(column.column);
      }
    }
    std::map<size_t, InferredType> out;
    if (columns.empty()) return out;
    auto reader = open_reader();
    if (!reader) return reader.error();
    auto types = infer_attribute_types(**reader, columns, request_.default_region);
    if (!types) return io_failure(types.error().message());
    for (size_t i = 0; i < columns.size(); ++i) out[columns[i]] = (*types)[i];
    return out;
  }

  std::optional<Failed> prepare_audience() {
    if (request_.audience.empty()) return std::nullopt;
    auto found = find_audience(platform_, request_.audience);
    if (found) {
      summary_.audience_id = found->id;
      return std::nullopt;
    }
    const auto& failure = found.error();
    if (failure.usage) return usage(failure.message);
    if (failure.api.http_status != 404 || !request_.create_audience) return api_failure(failure.api);
    if (request_.dry_run) return std::nullopt;
    api::AudienceFields fields;
    fields.name = request_.audience;
    auto created = platform_.create_audience(fields);
    if (!created) return api_failure(created.error());
    summary_.audience_id = created->id;
    return std::nullopt;
  }

  std::optional<Failed> open_journal() {
    if (request_.journal_dir.empty() || request_.dry_run || request_.path == "-") {
      if (request_.resume) return usage("--resume needs a file (not stdin) and no --dry-run");
      return std::nullopt;
    }
    std::string identity = file_identity(path_);
    if (identity.empty()) return std::nullopt;
    // Everything that shapes the batches: another value starts afresh.
    identity += "|" + summary_.target + "|" + std::to_string(request_.batch_size) + "|" +
                std::to_string(static_cast<int>(request_.on_duplicate)) + "|" + std::string(1, delimiter_) + "|" +
                request_.default_region + "|" + std::to_string(static_cast<int>(request_.mapping.attributes.kind));
    for (const auto& [field, column] : request_.mapping.overrides) identity += "|" + field + "=" + column;
    for (const auto& column : request_.mapping.attributes.columns) identity += "|a:" + column;
    // Only when not the default: journals of runs without --allow-types keep their names.
    if (request_.allowed_types != PhoneTypes::callable()) identity += "|t:" + request_.allowed_types.names();
    auto journal = UpsertJournal::open(request_.journal_dir, identity);
    if (!journal) return io_failure(journal.error().message());
    if (request_.resume && journal->earlier().empty()) {
      auto path = journal->path();
      journal->finish();
      return usage("--resume: no earlier run of " + request_.path + " into " + summary_.target +
                   " to continue (no journal " + path + "); run without --resume");
    }
    summary_.journal_path = journal->path();
    journal_.emplace(std::move(*journal));
    return std::nullopt;
  }

  // Pass 1: each row's phone key (0: the row is refused), then the phones on more than one row.
  std::optional<Failed> first_pass() {
    std::function<void(size_t)> progress;
    if (observer_) progress = [this](size_t rows) { observer_->on_progress(1, rows, 0); };
    auto keys = phone_keys_of(*reader_, rules_, request_.check_threads, progress, &first_pass_reasons_);
    reader_.reset();
    if (!keys) return io_failure(keys.error().message());
    row_keys_ = std::move(*keys);
    rows_total_ = row_keys_.size();
    find_duplicates();
    return std::nullopt;
  }

  // Fills duplicates_ with the phones on more than one row: a sorted copy of the keys finds them
  // (8 bytes a valid row, freed on return), one scan in file order their first and last rows.
  void find_duplicates() {
    std::vector<uint64_t> sorted;
    sorted.reserve(row_keys_.size());
    for (uint64_t key : row_keys_) {
      if (key) sorted.push_back(key);
    }
    std::sort(sorted.begin(), sorted.end());
    for (size_t i = 1; i < sorted.size(); ++i) {
      if (sorted[i] == sorted[i - 1]) duplicates_.try_emplace(sorted[i], PhoneEntry{0, 0, 0});
    }
    if (duplicates_.empty()) return;
    for (uint32_t row = 1; row <= row_keys_.size(); ++row) {
      auto it = duplicates_.find(row_keys_[row - 1]);
      if (it == duplicates_.end()) continue;
      PhoneEntry& e = it->second;
      if (e.count++ == 0) e.first_row = row;
      e.last_row = row;
    }
  }

  uint64_t key_of(uint32_t row) const { return row - 1 < row_keys_.size() ? row_keys_[row - 1] : 0; }

  PhoneEntry entry_of(uint64_t key) const {
    if (duplicates_.empty()) return {};
    auto it = duplicates_.find(key);
    return it == duplicates_.end() ? PhoneEntry{} : it->second;
  }

  // What second_pass would count in a dry run, from pass 1's keys and reasons: valid rows include
  // duplicates (refused as duplicate_in_file with --on-duplicate reject, else all but one superseded).
  std::optional<Failed> count_dry_run() {
    summary_.rows_read = rows_total_;
    for (const auto& [code, n] : first_pass_reasons_) {
      summary_.reject_reasons[code] += n;
      summary_.rejected += n;
    }
    summary_.valid = rows_total_ - summary_.rejected;
    size_t on_shared_phones = 0, phones = 0;
    for (const auto& [key, entry] : duplicates_) {
      on_shared_phones += entry.count;
      ++phones;
    }
    if (request_.on_duplicate == OnDuplicate::kReject) {
      summary_.rejected += on_shared_phones;
      if (on_shared_phones) summary_.reject_reasons["duplicate_in_file"] += on_shared_phones;
      summary_.sent = summary_.valid - on_shared_phones;
    } else {
      summary_.duplicates = on_shared_phones - phones;
      summary_.sent = summary_.valid - summary_.duplicates;
    }
    if (observer_) observer_->on_progress(2, rows_total_, rows_total_);
    return std::nullopt;
  }

  // What the run does with data row `row`: the pass 2 decision from pass 1's keys alone.
  RowRole role_of(uint32_t row) const {
    const uint64_t key = key_of(row);
    if (!key) return RowRole::kSkipped;
    const PhoneEntry entry = entry_of(key);
    if (entry.count <= 1) return RowRole::kSent;
    switch (request_.on_duplicate) {
      case OnDuplicate::kReject: return RowRole::kSkipped;
      case OnDuplicate::kFirst: return row == entry.first_row ? RowRole::kSent : RowRole::kSkipped;
      case OnDuplicate::kLast: return row == entry.last_row ? RowRole::kSent : RowRole::kSkipped;
      case OnDuplicate::kMerge: return row == entry.last_row ? RowRole::kSent : RowRole::kMerged;
    }
    return RowRole::kSkipped;
  }

  // Dry run: what a real run would create, update or leave unchanged, from the target's contacts (16
  // bytes each). A target that cannot be read leaves them unknown, and the dry run still succeeds.
  std::optional<Failed> count_would_do() {
    if (summary_.sent == 0) return std::nullopt;
    auto target = TargetContacts::read(platform_, rules_);
    if (!target) {
      const auto& e = target.error();
      summary_.unknown_outcome =
          "the target's contacts could not be read (" +
          (e.http_status ? "HTTP " + std::to_string(e.http_status) + " " + e.code : std::string("no answer")) +
          (e.message.empty() ? "" : ": " + e.message) + ")";
      return std::nullopt;
    }
    if (target->size() == 0) {
      summary_.created = summary_.sent;
      return std::nullopt;
    }
    auto reader = open_reader();
    if (!reader) return reader.error();
    auto counts = compare_with_target(
        **reader, rules_, row_keys_, [this](uint32_t row) { return role_of(row); }, *target);
    if (!counts) return io_failure(counts.error().message());
    summary_.created = counts->create;
    summary_.updated = counts->update;
    summary_.unchanged = counts->unchanged;
    return std::nullopt;
  }

  // Pass 2: convert again, reject or send.
  std::optional<Failed> second_pass() {
    auto opened = open_reader(rejects_.is_open());
    if (!opened) return opened.error();
    document::CsvReader& reader = **opened;
    document::CsvRow record;
    char e164_buf[24];
    std::unordered_map<uint64_t, api::ContactFields> merged;  // kMerge: phones seen more than once, so far
    if (!request_.dry_run) {
      if (auto failed = start_sender()) return failed;
    }
    std::vector<OutgoingContact> batch;
    api::ContactFields fields;
    RowProblem problem;
    uint32_t row = 0;
    while (reader.next(record)) {
      ++row;
      ++summary_.rows_read;
      if (observer_ && row % 4096 == 0) observer_->on_progress(2, row, rows_total_);
      if (!record.ok()) {
        // The reader's own finding (ragged row, invalid UTF-8, unterminated quote), with its code and words.
        const auto& p = record.problem;
        std::string column = p.column >= 1 && p.column <= header_.size() ? header_[p.column - 1] : "";
        if (!reject(row, raw_of(record),
                    {document::csv_problem_code(p.kind), column, document::describe(p, row, delimiter_)}))
          return io_failure("writing the rejects file " + request_.rejects_path + " failed (disk full?)");
        continue;
      }
      // Rows pass 1 found valid carry their phone: libphonenumber runs once per row, not twice.
      // A dry run needs no fields of a valid row: its key decides.
      const uint64_t key = key_of(row);
      const std::string_view e164 = key && !request_.dry_run ? e164_of(key, e164_buf) : std::string_view();
      if ((!key || !request_.dry_run) && !convert_row(record.fields, rules_, fields, problem, e164)) {
        if (!reject(row, raw_of(record), problem))
          return io_failure("writing the rejects file " + request_.rejects_path + " failed (disk full?)");
        continue;
      }
      ++summary_.valid;
      const PhoneEntry entry = entry_of(key);
      if (entry.count > 1) {
        bool wins = false;
        switch (request_.on_duplicate) {
          case OnDuplicate::kReject: {
            RowProblem dup{"duplicate_in_file", header_[map_.find("primaryPhone")->column],
                           std::string(e164_of(key, e164_buf)) + " is on " + std::to_string(entry.count) +
                               " rows (first row " + std::to_string(entry.first_row) +
                               "); --on-duplicate reject refuses them all"};
            if (!reject(row, raw_of(record), dup))
              return io_failure("writing the rejects file " + request_.rejects_path + " failed (disk full?)");
            continue;
          }
          case OnDuplicate::kFirst: wins = row == entry.first_row; break;
          case OnDuplicate::kLast: wins = row == entry.last_row; break;
          case OnDuplicate::kMerge: {
            if (request_.dry_run) {
              wins = row == entry.last_row;
              break;
            }
            auto& m = merged[key];
            merge_fields(m, fields);
            wins = row == entry.last_row;
            if (wins) {
              fields = std::move(m);
              merged.erase(key);
            }
            break;
          }
        }
        if (!wins) {
          ++summary_.duplicates;
          continue;
        }
      }
      if (request_.dry_run) {
        ++summary_.sent;
        continue;
      }
      batch.push_back({row, rejects_.is_open() ? std::string(raw_of(record)) : std::string(), std::move(fields)});
      if (batch.size() >= request_.batch_size) {
        if (auto failed = flush(batch)) return failed;
      }
    }
    if (!batch.empty()) {
      if (auto failed = flush(batch)) return failed;
    }
    if (auto failed = finish_sending()) return failed;
    if (!reader.status().is_ok()) return io_failure(reader.status().message());
    if (observer_) observer_->on_progress(2, row, rows_total_);
    return std::nullopt;
  }

  // The workers that send batches: `concurrency` of them, each on its own platform from
  // request_.open_sender when there is one, else one worker on platform_.
  std::optional<Failed> start_sender() {
    std::vector<api::Platform*> platforms;
    if (request_.concurrency > 1 && request_.open_sender) {
      for (unsigned i = 0; i < request_.concurrency; ++i) {
        auto opened = request_.open_sender();
        if (!opened) return usage(opened.error().message());
        platforms.push_back(opened->get());
        sender_platforms_.push_back(std::move(*opened));
      }
    } else {
      platforms.push_back(&platform_);
    }
    send_context_ = {&map_, &header_, summary_.audience_id};
    sender_.emplace(std::move(platforms), send_context_);
    return std::nullopt;
  }

  // Sends one batch (hands it to a worker), or, when an earlier run's journal lists it, counts it as
  // that run did. Counts the batches that finished meanwhile.
  std::optional<Failed> flush(std::vector<OutgoingContact>& batch) {
    size_t index = batch_index_++;
    if (journal_) {
      if (auto done_before = journal_->earlier().find(index); done_before != journal_->earlier().end()) {
        const JournalBatch& done = done_before->second;
        summary_.sent += done.sent;
        summary_.created += done.created;
        summary_.updated += done.updated;
        // The journal keeps no unchanged count: what was sent and neither created nor updated.
        summary_.unchanged += done.sent - std::min(done.sent, done.created + done.updated);
        ++summary_.resumed_batches;
        for (const auto& p : batch) {
          if (std::find(done.rejected_rows.begin(), done.rejected_rows.end(), p.row) == done.rejected_rows.end())
            continue;
          if (!reject(p.row, p.raw, {"server_rejected", "", "refused by the platform in an earlier run of this file"}))
            return io_failure("writing the rejects file " + request_.rejects_path + " failed (disk full?)");
        }
        batch.clear();
        return std::nullopt;
      }
    }
    sender_->submit({index, std::move(batch)});
    batch.clear();
    for (auto& outcome : sender_->take_done(false)) absorb(outcome);
    if (failure_) return finish_sending();
    return std::nullopt;
  }

  // Waits for the batches in flight and counts them. After a failure, sends nothing more: the batches
  // already in flight finish and are recorded, then the first failure is returned (its `partial`
  // counting them all).
  std::optional<Failed> finish_sending() {
    if (!sender_) return std::nullopt;
    if (failure_) sender_->cancel_pending();
    for (;;) {
      auto done = sender_->take_done(true);
      if (done.empty()) break;
      for (auto& outcome : done) absorb(outcome);
      if (failure_) sender_->cancel_pending();
    }
    if (!failure_) return std::nullopt;
    failure_->partial = summary_;
    return failure_;
  }

  // Counts one finished batch: its refused rows reach the rejects file, then the journal records the
  // batch (fsync), and only then does it count as sent. A batch that failed counts what the platform
  // acknowledged of it but is not recorded (a later run sends it again; upsert by phone makes that
  // harmless). The first failure is kept in failure_.
  void absorb(BatchOutcome& outcome) {
    summary_.batches += outcome.requests;
    for (const auto& refused : outcome.refused) {
      if (!reject(refused.row, refused.raw, refused.problem) && !failure_) {
        failure_ = io_failure("writing the rejects file " + request_.rejects_path + " failed (disk full?)");
      }
    }
    if (outcome.error) {
      summary_.sent += outcome.sent;
      summary_.created += outcome.created;
      summary_.updated += outcome.updated;
      summary_.unchanged += outcome.unchanged;
      if (!failure_) failure_ = api_failure(*outcome.error);
      return;
    }
    if (failure_ && failure_->kind == Failed::Kind::kIo) return;  // the disk refused: record nothing more
    if (journal_) {
      // The batch's rejects reach the disk before the journal says the batch is done.
      if (rejects_.is_open() && !rejects_.flush()) {
        failure_ = io_failure("writing the rejects file " + request_.rejects_path + " failed (disk full?)");
        return;
      }
      std::vector<uint32_t> rows;
      for (const auto& refused : outcome.refused) rows.push_back(refused.row);
      JournalBatch done{outcome.sent, outcome.created, outcome.updated, std::move(rows)};
      if (Status recorded = journal_->record(outcome.index, done); !recorded.is_ok()) {
        // Not recorded, so not acknowledged: the counts stay as before this batch.
        if (!failure_ || failure_->kind != Failed::Kind::kIo) failure_ = io_failure(recorded.message());
        return;
      }
    }
    summary_.sent += outcome.sent;
    summary_.created += outcome.created;
    summary_.updated += outcome.updated;
    summary_.unchanged += outcome.unchanged;
  }

  // The row as the rejects file shows it: its bytes as read, so that a fixed file re-imports exactly.
  // A record cut at an unterminated quote would swallow the gomo_* columns (and the lines after it)
  // and a record too long or with too many fields was not kept: those are written as the fields the
  // reader made of them (none for the last two).
  std::string_view raw_of(const document::CsvRow& record) {
    using Kind = document::CsvProblemKind;
    if (record.problem.kind != Kind::kUnterminatedQuote && record.problem.kind != Kind::kRecordTooLong &&
        record.problem.kind != Kind::kTooManyFields) {
      return record.raw;
    }
    raw_fallback_.clear();
    document::append_csv_record(raw_fallback_, record.fields, delimiter_, "");
    return raw_fallback_;
  }

  bool reject(uint32_t row, std::string_view raw, const RowProblem& problem) {
    ++summary_.rejected;
    ++summary_.reject_reasons[problem.code];
    if (!rejects_.is_open()) return true;
    line_.assign(raw);
    line_ += delimiter_;
    const std::string number = std::to_string(row);
    document::append_csv_record(line_, {number, problem.column, problem.code, problem.message}, delimiter_, "\r\n");
    rejects_ << line_;
    return static_cast<bool>(rejects_);
  }

  api::Platform& platform_;
  const UpsertRequest& request_;
  UpsertObserver* observer_;
  UpsertSummary summary_;
  std::string path_, temp_path_;
  char delimiter_ = ',';
  std::vector<std::string> header_;
  std::string header_raw_;  // the header's bytes as read
  ColumnMap map_;
  RowRules rules_;
  // The de-duplication table, 8 bytes a row: each row's phone key (0: refused).
  std::vector<uint64_t> row_keys_;
  std::unordered_map<uint64_t, PhoneEntry> duplicates_;  // phones on more than one row
  std::map<std::string, size_t> first_pass_reasons_;     // refused rows per reason code
  std::unique_ptr<document::CsvReader> reader_;          // pass 1's, at its first data row
  std::string line_;                                     // a rejects line being written
  std::string raw_fallback_;                             // raw_of's text when the record's bytes will not do
  size_t rows_total_ = 0;
  std::ofstream rejects_;
  std::optional<UpsertJournal> journal_;
  size_t batch_index_ = 0;
  // The sending stage; declared after what its workers use, so that it stops (joins) first.
  std::vector<std::unique_ptr<api::Platform>> sender_platforms_;
  SendContext send_context_;
  std::optional<BatchSender> sender_;
  std::optional<Failed> failure_;  // the first failure while sending
};

}  // namespace

Result<UpsertSummary, UpsertFailure> upsert_csv(api::Platform& platform, const UpsertRequest& request,
                                                UpsertObserver* observer) {
  Pipeline pipeline(platform, request, observer);
  return pipeline.run();
}

bool parse_max_rejects(const std::string& text, UpsertRequest& request) {
  if (text.empty()) return false;
  char* end = nullptr;
  if (text.back() == '%') {
    double p = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() - 1 || p < 0 || p > 100) return false;
    request.max_rejects_percent = p;
    return true;
  }
  long long n = std::strtoll(text.c_str(), &end, 10);
  if (*end != '\0' || n < 0) return false;
  request.max_rejects = n;
  request.max_rejects_percent = -1;
  return true;
}

}  // namespace gomo::contacts
