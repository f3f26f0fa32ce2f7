// The upsert's sending stage (contacts/upsert_sender.h).
#include "contacts/upsert_sender.h"

#include <cstdlib>
#include <exception>
#include <map>
#include <utility>

#include "contacts/membership.h"

namespace gomo::contacts {

bool send_contacts(api::Platform& platform, const SendContext& context, std::vector<OutgoingContact>& contacts,
                   BatchOutcome& outcome) {
  if (contacts.empty()) return true;
  std::vector<api::ContactFields> body;
  body.reserve(contacts.size());
  for (const auto& c : contacts) body.push_back(c.fields);
  ++outcome.requests;
  auto result = platform.upsert_contacts(body);
  if (result) {
    outcome.sent += contacts.size();
    outcome.created += static_cast<size_t>(result->created);
    outcome.updated += static_cast<size_t>(result->updated);
    outcome.unchanged += static_cast<size_t>(result->unchanged);
    if (context.audience_id.empty()) return true;
    std::vector<std::string> ids;
    ids.reserve(result->contacts.size());
    for (const auto& c : result->contacts) ids.push_back(c.id);
    api::Audience audience;
    audience.id = context.audience_id;
    auto joined = change_members(platform, audience, ids, MembershipChange::kAdd);
    if (joined) return true;
    outcome.error = joined.error().error;
    return false;
  }
  const auto& error = result.error();
  if (error.http_status != 400 && error.http_status != 422) {
    outcome.error = error;
    return false;
  }
  std::map<size_t, std::pair<std::string, std::string>> bad;  // index -> (field, message)
  for (const auto& [key, messages] : error.field_errors) {
    if (key.rfind("data.", 0) != 0) continue;
    size_t dot = key.find('.', 5);
    size_t index = std::strtoul(key.c_str() + 5, nullptr, 10);
    if (index >= contacts.size()) continue;
    std::string field = dot == std::string::npos ? "" : key.substr(dot + 1);
    if (!bad.count(index)) bad[index] = {field, messages.empty() ? error.message : messages.front()};
  }
  if (bad.empty() && contacts.size() == 1) bad[0] = {"", error.code + ": " + error.message};
  if (bad.empty()) {
    // The platform did not say which record: halves until the record is alone.
    const auto half = static_cast<long>(contacts.size() / 2);
    std::vector<OutgoingContact> left(std::make_move_iterator(contacts.begin()),
                                      std::make_move_iterator(contacts.begin() + half));
    std::vector<OutgoingContact> right(std::make_move_iterator(contacts.begin() + half),
                                       std::make_move_iterator(contacts.end()));
    if (!send_contacts(platform, context, left, outcome)) return false;
    return send_contacts(platform, context, right, outcome);
  }
  std::vector<OutgoingContact> rest;
  for (size_t i = 0; i < contacts.size(); ++i) {
    auto it = bad.find(i);
    if (it == bad.end()) {
      rest.push_back(std::move(contacts[i]));
      continue;
    }
    const auto& [field, message] = it->second;
    const auto* column = context.map ? context.map->find(field) : nullptr;
    std::string shown = column && context.header ? (*context.header)[column->column] : field;
    outcome.refused.push_back({contacts[i].row, std::move(contacts[i].raw), {"server_rejected", shown, message}});
  }
  return send_contacts(platform, context, rest, outcome);
}

BatchSender::BatchSender(std::vector<api::Platform*> platforms, const SendContext& context)
    : context_(context), capacity_(platforms.size()) {
  threads_.reserve(platforms.size());
  for (api::Platform* platform : platforms) threads_.emplace_back([this, platform] { work(*platform); });
}

BatchSender::~BatchSender() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  for (auto& t : threads_) t.join();
}

void BatchSender::submit(OutgoingBatch batch) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() < capacity_; });
  queue_.push_back(std::move(batch));
  changed_.notify_all();
}

std::vector<BatchOutcome> BatchSender::take_done(bool wait) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (wait) changed_.wait(lock, [this] { return !done_.empty() || (queue_.empty() && busy_ == 0); });
  return std::exchange(done_, {});
}

void BatchSender::cancel_pending() {
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.clear();
  changed_.notify_all();
}

bool BatchSender::idle() {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.empty() && busy_ == 0;
}

void BatchSender::work(api::Platform& platform) {
  for (;;) {
    OutgoingBatch batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing
      batch = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
    }
    changed_.notify_all();  // room in the queue
    BatchOutcome outcome;
    outcome.index = batch.index;
    try {
      send_contacts(platform, context_, batch.contacts, outcome);
    } catch (const std::exception& e) {
      // Nothing may escape a worker thread (std::terminate): the run stops like on any failure.
      api::ApiError error;
      error.code = "INTERNAL_ERROR";
      error.message = std::string("sending a batch failed: ") + e.what();
      outcome.error = error;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --busy_;
      done_.push_back(std::move(outcome));
    }
    changed_.notify_all();
  }
}

}  // namespace gomo::contacts
