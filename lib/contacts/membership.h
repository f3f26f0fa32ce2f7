#pragma once
// Audience membership changes (`gomo audiences add|remove`): one call, batched.
#include <cstddef>
#include <string>
#include <vector>

#include "api/platform.h"

namespace gomo::contacts {

// Members change in batches of this many ids, so that a long --from-file list makes bodies of a sane size.
constexpr size_t kMembershipBatch = 1000;

enum class MembershipChange { kAdd, kRemove };

// Why a change stopped part-way: what the platform said, and how many ids from the front of the list
// were changed before (a multiple of kMembershipBatch; 0 when the first batch failed).
struct MembershipFailure {
  api::ApiError error;
  size_t done = 0;
};

// Adds `contact_ids` to (or removes them from) `audience`, kMembershipBatch at a time, in order. Returns
// the audience as the platform answered the last batch (`audience` itself when `contact_ids` is
// empty). Stops at the first batch the platform refuses.
Result<api::Audience, MembershipFailure> change_members(api::Platform& platform, const api::Audience& audience,
                                                        const std::vector<std::string>& contact_ids,
                                                        MembershipChange change);

}  // namespace gomo::contacts
