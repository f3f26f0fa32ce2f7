#pragma once
// Readers over node configs shared by several rules: audio items, value sources, tts placeholders,
// and the names the flow schema allows for system variables and contact fields. Every reader skips
// values of the wrong shape (the schema rule reports those), so rules can run on broken documents.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/flow.h"

namespace gomo::checks {

using document::Value;

// Calls `fn` for each audio item mapping of the node: play `config.audioItems` and dtmf
// `config.promptAudioItems`, in document order.
void for_each_audio_item(const model::Node& node, const std::function<void(const Value& item)>& fn);

// Calls `fn` for each mapping inside `value` (itself included, recursively) whose `source` is the
// string `source`, e.g. every `{source: variable, name: X}` of a node's config.
void for_each_value_source(const Value& value, std::string_view source, const std::function<void(const Value& vs)>& fn);

// The `{name}` placeholders of a tts text, in order, braces removed (e.g. "contact.firstName").
// A placeholder is `{` then one or more of [A-Za-z0-9_.-] or letters of any script (base/unicode.h)
// then `}`; other braces are plain text.
std::vector<std::string> placeholders(std::string_view text);

// Names the embedded flow schema allows: system variables ("sys.callId", ...) and contact fields
// ("firstName", ...). One list, so docs, schema and rules cannot disagree.
const std::vector<std::string>& system_variable_names();
const std::vector<std::string>& contact_field_names();

// Where to point when something is missing from a node's outputs: the `outputs` key when the node
// has one, else the node's id (Node::anchor).
const Value& outputs_anchor(const model::Node& node);

// The id of the first hangup node in file order, or "" when there is none (for "e.g." hints).
std::string first_hangup_id(const model::Flow& flow);

// `value` quoted for messages: "`x`".
inline std::string quoted(std::string_view value) { return "`" + std::string(value) + "`"; }

}  // namespace gomo::checks
