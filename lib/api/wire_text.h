#pragma once
// The upsert request body as JSON text without an nlohmann tree, both ways: the client writes it
// (upsert_body_text) and `gomo serve` reads it (read_upsert_body_text). At 1,000 contacts a request,
// building and walking the DOM was about a tenth of the server's upsert time and of the client's.
// Thread-safe (no shared state beyond read-only field tables).
#include <optional>
#include <string>
#include <vector>

#include "api/platform.h"

namespace gomo::api::wire {

// upsert_body(contacts).dump(), byte for byte (and throwing the same nlohmann exception for text
// that is not UTF-8): contacts with channels or custom attributes go through the DOM.
std::string upsert_body_text(const std::vector<ContactFields>& contacts);

// parse_upsert(json::parse(body)) for the plain shape a client sends: {"data": [{...}, ...]} whose
// contacts hold only documented text members (string or null values, each key once). Nothing for
// anything else (invalid JSON, other members or types, channels, customAttributes, deep nesting):
// then take the DOM path, which says what is wrong in the usual words.
std::optional<std::vector<ContactFields>> read_upsert_body_text(const std::string& body);

// A page of contacts as gomo serve answers it, {"data": [...], "meta": {...}}: the DOM's text byte
// for byte (bytes that are not UTF-8 replaced by U+FFFD), written without building the tree, which
// with its allocations was about a third of the server's CPU on GET /contact?limit=20.
std::string contact_page_text(const Page<Contact>& page);

}  // namespace gomo::api::wire
