// did-shape: a `dids` entry that is neither an E.164 number nor a DID id (a UUID): didPool takes only those.
#include "api/validate_programs.h"
#include "programs/rules.h"

namespace gomo::programs {

extern const ProgramRule kRuleDidShape;

namespace {

void check_did_shape(const ProgramContext& ctx, ProgramReporter& out) {
  for (const auto& did : ctx.file.dids) {
    if (is_e164(did.text) || api::is_uuid(did.text)) continue;
    std::string message = "DID `" + did.text + "` is neither an E.164 number nor a DID id; ";
    std::string fix;
    bool digits = !did.text.empty();
    for (char c : did.text) digits = digits && c >= '0' && c <= '9';
    if (digits && did.text[0] != '0' && is_e164("+" + did.text)) {
      fix = "+" + did.text;
      message += "did you mean " + fix + "? (E.164 numbers start with + and the country code)";
    } else {
      message += "write +COUNTRYNUMBER (+212522000000) or an id from `gomo dids list`";
    }
    out.report(kRuleDidShape, *did.at, std::move(message), std::move(fix));
  }
}

}  // namespace

const ProgramRule kRuleDidShape = {"did-shape", diag::Severity::kError,
                                   "A DID is neither an E.164 number (+212...) nor a DID id.", check_did_shape};

}  // namespace gomo::programs
