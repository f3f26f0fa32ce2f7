#pragma once
// Names where the platform gives ids: a program's, a flow's or an audience's name, for showing people
// (`gomo execution status`, `gomo program list`). Each distinct id is read once (get_program, get_flow,
// get_audience); a name that cannot be read (the object is gone, the key may not read it, the network
// failed) is reported as unknown, and the caller shows the id instead.
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace gomo::api {
class Platform;
}

namespace gomo::programs {

// Up to this many distinct ids of a kind are read one by one; more, from the listing.
inline constexpr size_t kFewNames = 4;

class Names {
 public:
  // REQUIRES: `platform` outlives this object. Not thread-safe.
  explicit Names(api::Platform& platform) : platform_(platform) {}

  // The name of the object with id `id`, or "" when it cannot be read (or `id` is empty). The first
  // call for an id reads it; later calls for the same id read nothing, whatever the first one found.
  const std::string& program(const std::string& id);
  const std::string& flow(const std::string& id);
  const std::string& audience(const std::string& id);

  // For a list that points at many objects: learns the names of `ids` from the platform's listing of
  // flows (audiences), pages of 100, instead of one request per id (100 programs on a remote target
  // would otherwise send ~200 requests). An id the listing lacks is remembered as unknown (the object
  // is gone). A listing that fails teaches nothing: each id is then read alone.
  void learn_flows(const std::vector<std::string>& ids);
  void learn_audiences(const std::vector<std::string>& ids);

 private:
  template <typename Get>
  const std::string& lookup(std::map<std::string, std::string>& known, const std::string& id, Get get);

  api::Platform& platform_;
  std::map<std::string, std::string> programs_, flows_, audiences_;
};

// Adds "flowName" and "audienceName" to each program record (an array of them or one, in
// api::wire::encode's form) where they can be read, for tables that show names where the platform
// gives ids (a column "flowName|flowId" falls back to the id). Records stay as they are otherwise.
// Names of more than kFewNames distinct flows (audiences) come from the listings (learn_flows).
void add_reference_names(Names& names, nlohmann::json& programs);

}  // namespace gomo::programs
