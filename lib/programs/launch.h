#pragma once
// `gomo program launch`: the program named on the command line, the launch preconditions checked
// before anything is sent (docs/decisions.md, "Launch preconditions"), then one launch request.
#include <string>

#include "api/platform.h"
#include "programs/failure.h"

namespace gomo::programs {

// The one program `key` (an id or an exact name) designates. None: 404 NOT_FOUND naming `key`;
// several with that name: a usage error listing their ids.
Outcome<api::Program> resolve_program(api::Platform& platform, const std::string& key);

// Launches `program` after checking, in this order, each with its own code and a message that says
// how to fix it: not archived (409 PROGRAM_ARCHIVED), no execution scheduled, running or paused (409
// EXECUTION_ALREADY_RUNNING, naming it), audience still there and not empty (400
// REFERENCE_NOT_FOUND, 400 AUDIENCE_EMPTY), flow still there and valid by gomo's own validator (400
// FLOW_INVALID, with its findings in Failure::flow_findings). The checks only read; the platform
// checks again and its refusal is passed through. Not idempotent: a lost answer is
// REQUEST_OUTCOME_UNKNOWN (the remote client looks before sending again).
Outcome<api::Execution> launch(api::Platform& platform, const api::Program& program);

}  // namespace gomo::programs
