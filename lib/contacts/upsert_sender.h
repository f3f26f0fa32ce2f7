#pragma once
// The sending stage of `gomo contacts upsert` (contacts/upsert.h): batches go to worker threads, each
// with its own api::Platform (its own HTTP connection), so that up to `workers` requests are in flight
// while the calling thread keeps converting rows. Internal to the upsert pipeline.
//
// A batch the platform refuses for some of its records (400/422 naming "data.N.field") is sent again
// without them, or halved when the answer does not say which; only the refused records become
// rejects. Outcomes come back in the order batches finish, not the order they were submitted: the
// caller records each one (journal by batch index) before it counts.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "api/platform.h"
#include "contacts/column_map.h"
#include "contacts/upsert_row.h"

namespace gomo::contacts {

// One contact of a batch: its data row (1-based), the row's bytes as read (kept only for a rejects
// file) and what is sent.
struct OutgoingContact {
  uint32_t row = 0;
  std::string raw;
  api::ContactFields fields;
};

struct OutgoingBatch {
  size_t index = 0;  // in file order, from 0: the journal's key
  std::vector<OutgoingContact> contacts;
};

// A contact of a batch the platform refused.
struct RefusedContact {
  uint32_t row = 0;
  std::string raw;
  RowProblem problem;  // code server_rejected
};

// What became of one batch. With `error` set the batch did not finish: the counts say what the
// platform acknowledged of it before the error (its parts that went through).
struct BatchOutcome {
  size_t index = 0;
  size_t sent = 0, created = 0, updated = 0, unchanged = 0;
  size_t requests = 0;  // upsert requests made (splits included)
  std::vector<RefusedContact> refused;
  std::optional<api::ApiError> error;
};

// Read-only facts the workers share. Must outlive the sender.
struct SendContext {
  const ColumnMap* map = nullptr;                    // a refused field's column ...
  const std::vector<std::string>* header = nullptr;  // ... by its header
  std::string audience_id;                           // "": none; else the sent contacts join it
};

class BatchSender {
 public:
  // One worker thread per platform; each platform is used by its worker only, and must outlive the
  // sender. At most platforms.size() batches wait beside the ones being sent (submit blocks).
  // REQUIRES: platforms not empty.
  BatchSender(std::vector<api::Platform*> platforms, const SendContext& context);
  ~BatchSender();  // cancels what has not started and joins the workers
  BatchSender(const BatchSender&) = delete;
  BatchSender& operator=(const BatchSender&) = delete;

  // Queues a batch; blocks while the queue is full. Outcomes that arrive meanwhile wait in done().
  void submit(OutgoingBatch batch);
  // Finished batches so far (moved out). With `wait`, blocks until at least one finishes, unless none
  // is queued or being sent (then returns empty at once).
  std::vector<BatchOutcome> take_done(bool wait);
  // Drops the batches not yet started (after a failure: no new request goes out). Those being sent
  // still finish; take_done(true) until it returns empty collects them.
  void cancel_pending();
  bool idle();  // nothing queued or being sent

 private:
  void work(api::Platform& platform);

  const SendContext& context_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<OutgoingBatch> queue_;
  std::vector<BatchOutcome> done_;
  size_t capacity_;
  size_t busy_ = 0;  // batches being sent
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

// Sends `contacts` (one batch, or part of one) through `platform` and adds what happened to `outcome`;
// splits around refused records as the header describes. Returns false on a failure that is not
// about records (network, auth, 5xx after retries): `outcome.error` says which.
bool send_contacts(api::Platform& platform, const SendContext& context, std::vector<OutgoingContact>& contacts,
                   BatchOutcome& outcome);

}  // namespace gomo::contacts
