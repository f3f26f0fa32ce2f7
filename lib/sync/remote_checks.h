#pragma once
// `gomo flow validate --remote` and `--catalog-from`: the platform's own validation of a flow,
// turned into diagnostics positioned in the file, and the audio/attribute catalogs of an account.
#include <set>
#include <string>
#include <vector>

#include "api/platform.h"
#include "diag/diagnostic.h"
#include "document/document.h"

namespace gomo::sync {

// The id remote findings are reported under (it is no local rule; `--ignore remote-validation` works).
inline constexpr const char* kRemoteValidationRule = "remote-validation";

// Sends the graph of `doc` (in canonical form, nodes as an array) to POST /flows/validate and
// returns the platform's errors (as errors) and warnings (as warnings), rule kRemoteValidationRule,
// message "platform: <message> (<code>)". Each is placed at the node its nodeId names, or the value
// its path points at (followed as far as the file has it), else at the graph. A 400 refusal with
// field errors ("graph.nodes.2.type") becomes findings too. Findings the platform reports under the
// id of a rule that already reported at the same place in `local` (gomo's own checks, as the local
// workspace answers) are left out. Fails with the platform's other errors.
// REQUIRES: doc.parsed.
api::Result<std::vector<diag::Diagnostic>> remote_validate(api::Platform& platform, const document::Document& doc,
                                                           const std::vector<diag::Diagnostic>& local = {});

// The names of every custom attribute of the account (all pages).
api::Result<std::set<std::string>> account_attribute_names(api::Platform& platform);
// The ids of every audio file of the account (all pages): what a play item's audioId names.
api::Result<std::set<std::string>> account_audio_ids(api::Platform& platform);

}  // namespace gomo::sync
