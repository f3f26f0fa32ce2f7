#pragma once
// api::Platform over HTTPS: the real Gomobile API, or `gomo serve`. Request bodies carry only the
// documented fields (wire.h). Creates are never sent twice blindly: when a create's answer is lost,
// a contact is looked up by primaryPhone and a custom attribute by its name slug before sending
// again; audiences and flows have no natural key, so their creates fail with REQUEST_OUTCOME_UNKNOWN.
#include <memory>
#include <string>

#include "api/http_client.h"
#include "api/platform.h"

namespace gomo::api {

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
  Result<Audience> remove_audience_contacts(const std::string& id, const std::vector<std::string>& contact_ids) override;
  Result<FlowRecord> create_flow(const FlowFields& fields) override;
  Result<FlowRecord> get_flow(const std::string& id) override;
  Result<Page<FlowRecord>> list_flows(const PageQuery& query) override;
  Result<FlowRecord> update_flow(const std::string& id, const FlowFields& fields) override;
  Result<Done> delete_flow(const std::string& id) override;

 private:
  explicit RemotePlatform(std::unique_ptr<HttpClient> http) : http_(std::move(http)) {}
  std::unique_ptr<HttpClient> http_;
};

}  // namespace gomo::api
