#pragma once
// api::Platform over HTTPS: the real Gomobile API, or `gomo serve`. Request bodies carry only the
// documented fields (wire.h). Creates are never sent twice blindly: when a create's answer is lost,
// a contact is looked up by primaryPhone and a custom attribute by its name slug before sending
// again (api/create_checked.h); when that lookup fails too, the create is REQUEST_OUTCOME_UNKNOWN.
// Audiences and flows have no natural key here, so their creates fail with REQUEST_OUTCOME_UNKNOWN
// (`flow push` looks its flow up by name: sync/flow_sync.h).
#include <memory>
#include <string>

#include "api/platform.h"
#include "remote/http_client.h"

namespace gomo::remote {

// RemotePlatform speaks api's vocabulary.
using api::Audience;
using api::AudienceFields;
using api::Audio;
using api::AudioQuery;
using api::AudioUpload;
using api::AutoPauseRule;
using api::CallAttempt;
using api::CallReport;
using api::CallRequest;
using api::CallRequestFields;
using api::CallRequestQuery;
using api::CallRequestResult;
using api::Contact;
using api::ContactFields;
using api::CustomAttribute;
using api::Dictionary;
using api::DictionaryQuery;
using api::Did;
using api::DidQuery;
using api::Done;
using api::Execution;
using api::ExecutionBreakdown;
using api::ExecutionReport;
using api::FlowFields;
using api::FlowRecord;
using api::FlowValidation;
using api::NewCustomAttribute;
using api::Page;
using api::PageQuery;
using api::Platform;
using api::Program;
using api::ProgramFields;
using api::UpsertResult;
using api::User;

class RemotePlatform final : public Platform {
 public:
  // Fails when the base URL is refused (see HttpClient::create).
  static Result<std::unique_ptr<RemotePlatform>> create(ClientOptions options);

  std::string target() const override;
  HttpClient& http() { return *http_; }

  Result<User> me() override;
  Result<Contact> create_contact(const ContactFields& fields) override;
  Result<Contact> get_contact(const std::string& id) override;
  Result<Page<Contact>> list_contacts(const PageQuery& query) override;
  Result<Contact> update_contact(const std::string& id, const ContactFields& fields) override;
  Result<Done> delete_contact(const std::string& id) override;
  Result<UpsertResult> upsert_contacts(const std::vector<ContactFields>& contacts) override;
  Result<Page<CustomAttribute>> list_custom_attributes(const PageQuery& query) override;
  Result<CustomAttribute> create_custom_attribute(const NewCustomAttribute& attribute) override;
  Result<Audience> create_audience(const AudienceFields& fields) override;
  Result<Page<Audience>> list_audiences(const PageQuery& query) override;
  Result<Audience> get_audience(const std::string& id) override;
  Result<Page<Contact>> audience_members(const std::string& id, const PageQuery& query) override;
  Result<Audience> add_audience_contacts(const std::string& id, const std::vector<std::string>& contact_ids) override;
  Result<Audience> remove_audience_contacts(const std::string& id,
                                            const std::vector<std::string>& contact_ids) override;
  Result<FlowRecord> create_flow(const FlowFields& fields) override;
  Result<FlowRecord> get_flow(const std::string& id) override;
  Result<Page<FlowRecord>> list_flows(const PageQuery& query) override;
  Result<FlowRecord> update_flow(const std::string& id, const FlowFields& fields) override;
  Result<Done> delete_flow(const std::string& id) override;
  Result<FlowValidation> validate_flow(const std::string& graph_json) override;

  // DIDs, audio, dictionaries, programs, executions, reports, call requests (remote_programs.cc).
  // A launch or call request whose answer is lost is looked for (the program's executions, the
  // contact's call requests) before it is ever sent again; REQUEST_OUTCOME_UNKNOWN only when that
  // check cannot tell.
  Result<Page<Did>> list_available_dids(const DidQuery& query) override;
  Result<Page<Audio>> list_audio(const AudioQuery& query) override;
  Result<Audio> upload_audio(const AudioUpload& upload) override;
  Result<Audio> get_audio(const std::string& id) override;
  Result<std::string> download_audio(const std::string& id) override;
  Result<Page<Dictionary>> list_dictionaries(const DictionaryQuery& query) override;
  Result<Dictionary> create_dictionary(const api::DictionaryFields& fields) override;
  Result<Page<api::DictionaryEntry>> list_dictionary_entries(const std::string& dictionary_id,
                                                             const PageQuery& query) override;
  Result<api::DictionaryEntry> add_dictionary_entry(const std::string& dictionary_id, const std::string& key,
                                                    const AudioUpload& audio) override;
  Result<Program> create_program(const ProgramFields& fields) override;
  Result<Program> get_program(const std::string& id) override;
  Result<Page<Program>> list_programs(const PageQuery& query) override;
  Result<Program> update_program(const std::string& id, const ProgramFields& fields) override;
  Result<Execution> launch_program(const std::string& program_id) override;
  Result<Page<Execution>> list_executions(const std::string& program_id, const PageQuery& query) override;
  Result<Execution> get_execution(const std::string& id) override;
  Result<Execution> pause_execution(const std::string& id) override;
  Result<Execution> resume_execution(const std::string& id,
                                     const std::optional<std::vector<AutoPauseRule>>& rules) override;
  Result<Done> cancel_execution(const std::string& id) override;
  Result<ExecutionReport> execution_report(const std::string& execution_id) override;
  Result<ExecutionBreakdown> execution_breakdown(const std::string& execution_id) override;
  Result<Page<CallAttempt>> execution_calls(const std::string& execution_id, const PageQuery& query) override;
  Result<CallRequestResult> request_call(const CallRequestFields& fields) override;
  Result<Page<CallRequest>> list_call_requests(const CallRequestQuery& query) override;
  Result<CallReport> call_report(const std::string& job_id) override;

 private:
  explicit RemotePlatform(std::unique_ptr<HttpClient> http) : http_(std::move(http)) {}
  std::unique_ptr<HttpClient> http_;
};

}  // namespace gomo::remote
