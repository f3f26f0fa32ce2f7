#pragma once
// The JSON shapes of DIDs, audio, dictionaries, programs, executions, reports, call requests and
// call reports (Gomobile docs: Programs to DIDs), shared by the remote client and `gomo serve`
// like wire.h. Where the docs show no response schema (reports, audio), the shape is gomo's and
// the decoders are lenient. Requests are checked against the documented fields (Gomobile docs: API basics).
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"

namespace gomo::api::wire {

using nlohmann::json;

// Retry strategies in their two spellings (docs/decisions.md): program {fixed_delay, delayMinutes, retryDates}
// and call request {fixed-delay, delay (ms), dates}.
json program_retry_json(const RetryStrategy& retry);
json call_request_retry_json(const RetryStrategy& retry);
// Either spelling is read into gomo's form (decoders of responses are lenient).
RetryStrategy decode_retry(const json& j);

// Responses.
json encode(const Did& did);
json encode(const Audio& audio);
json encode(const Dictionary& dictionary);
json encode(const DictionaryEntry& entry);
json encode(const Program& program);
json encode(const Execution& execution);
json encode_launch(const Execution& execution);  // the execution plus "executionId" (G2 prose)
json encode(const ExecutionReport& report);
json encode(const ExecutionBreakdown& breakdown);
json encode(const CallAttempt& attempt);
json encode(const CallRequestResult& result);
json encode(const CallRequest& request);
json encode(const CallReport& report);
Did decode_did(const json& j);
Audio decode_audio(const json& j);
Dictionary decode_dictionary(const json& j);
DictionaryEntry decode_dictionary_entry(const json& j);
Program decode_program(const json& j);
Execution decode_execution(const json& j);
ExecutionReport decode_execution_report(const json& j);
ExecutionBreakdown decode_execution_breakdown(const json& j);
CallAttempt decode_call_attempt(const json& j);
CallRequestResult decode_call_request_result(const json& j);
CallRequest decode_call_request(const json& j);
CallReport decode_call_report(const json& j);

// Request bodies the remote client sends ...
json program_body(const ProgramFields& fields);
json resume_body(const std::vector<AutoPauseRule>& rules);  // {"autoPauseRules": [...]}
json call_request_body(const CallRequestFields& fields);
json dictionary_body(const DictionaryFields& fields);

// ... and how the server reads them (400 VALIDATION_FAILED naming undocumented properties and
// members of the wrong JSON type, with dotted paths such as "retryStrategy.delayMinutes").
Result<ProgramFields> parse_program(const json& body);
Result<std::optional<std::vector<AutoPauseRule>>> parse_resume(const json& body);
Result<CallRequestFields> parse_call_request(const json& body);
Result<DictionaryFields> parse_dictionary(const json& body);

}  // namespace gomo::api::wire
