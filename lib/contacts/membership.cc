#include "contacts/membership.h"

#include <algorithm>

namespace gomo::contacts {

Result<api::Audience, MembershipFailure> change_members(api::Platform& platform, const api::Audience& audience,
                                                        const std::vector<std::string>& contact_ids,
                                                        MembershipChange change) {
  api::Audience after = audience;
  for (size_t from = 0; from < contact_ids.size(); from += kMembershipBatch) {
    const auto first = contact_ids.begin() + static_cast<std::ptrdiff_t>(from);
    const auto last =
        contact_ids.begin() + static_cast<std::ptrdiff_t>(std::min(contact_ids.size(), from + kMembershipBatch));
    std::vector<std::string> batch(first, last);
    auto changed = change == MembershipChange::kAdd ? platform.add_audience_contacts(audience.id, batch)
                                                    : platform.remove_audience_contacts(audience.id, batch);
    if (!changed) return MembershipFailure{changed.error(), from};
    after = std::move(*changed);
  }
  return after;
}

}  // namespace gomo::contacts
