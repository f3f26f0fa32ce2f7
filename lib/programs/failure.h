#pragma once
// Why a program or execution command could not do what it was asked: the argument itself (an
// ambiguous program name: a usage error), or a refusal in the platform's words (the platform's own,
// or the same refusal gomo found first), with gomo's validator's findings when the flow is invalid.
#include <string>
#include <vector>

#include "api/platform.h"
#include "checks/validate.h"

namespace gomo::programs {

struct Failure {
  bool usage = false;   // the argument is wrong (exit 2); else `api` says what was refused
  std::string message;  // usage problems: the whole message (no "gomo: " prefix)
  api::ApiError api;
  // A launch refused with FLOW_INVALID: gomo's validator's findings on the flow's graph, as one
  // file ("flow/NAME": the graph printed as indented JSON, which the snippets quote). Empty otherwise.
  std::vector<checks::FileResult> flow_findings;

  static Failure usage_error(std::string message) { return Failure{true, std::move(message), {}, {}}; }
  static Failure api_error(api::ApiError error) { return Failure{false, "", std::move(error), {}}; }
};

// A value or a Failure: base's one Result template.
template <typename T>
using Outcome = Result<T, Failure>;

// An ApiError with the platform's status and code, for a refusal gomo finds before sending anything
// (the same exit code as when the platform refuses).
api::ApiError refusal(int http_status, std::string code, std::string message);

}  // namespace gomo::programs
