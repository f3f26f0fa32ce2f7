#pragma once
// The documented constraints of the program, execution, call-request, DID and audio requests
// (Gomobile docs: API basics, Programs to DIDs), checked by the local platform before anything is stored.
// Each returns the 400 VALIDATION_FAILED error listing every bad field (camelCase names), or nothing.
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"

namespace gomo::api {

// Milliseconds since the epoch of an ISO 8601 instant that carries a timezone (Z or ±hh:mm), as the
// platform requires: "2026-03-01T09:00:00Z", "2026-03-01T09:00:00.250+01:00". Nothing otherwise.
std::optional<long long> parse_iso_instant_ms(const std::string& text);
// The inverse, in UTC with milliseconds ("2026-03-01T08:00:00.000Z").
std::string format_iso_instant_ms(long long ms);

// 8-4-4-4-12 hexadecimal digits.
bool is_uuid(const std::string& text);

std::optional<ApiError> validate_program(const ProgramFields& fields, bool create);
std::optional<ApiError> validate_auto_pause_rules(const std::vector<AutoPauseRule>& rules, const std::string& field);
std::optional<ApiError> validate_call_request(const CallRequestFields& fields);
// Title, description, usage type and tags; the file itself is probed by the platform (audio_probe.h).
std::optional<ApiError> validate_audio_upload(const AudioUpload& upload);
// POST /dictionaries: name 1-256 characters, description <=256, language ar|fr.
std::optional<ApiError> validate_dictionary(const DictionaryFields& fields);
// POST /dictionaries/:id/entries: the key (1-kMaxDictionaryKeyChars characters of UTF-8) and the
// file, checked as validate_audio_upload (errors under "key" and "file").
std::optional<ApiError> validate_dictionary_entry(const std::string& key, const AudioUpload& audio);

// Retry strategy problems under `field` ("retryStrategy" or "retry") into `errors`.
void check_retry_strategy(const RetryStrategy& retry, const std::string& field,
                          std::map<std::string, std::vector<std::string>>& errors);

}  // namespace gomo::api
