// One call's script, contact and options from files and settings (call_inputs.h).
#include "engine/call_inputs.h"

#include "engine/contact.h"

namespace gomo::engine {

Result<PreparedCall> prepare_call(const CallInputs& inputs) {
  PreparedCall call;
  if (!inputs.script_path.empty()) {
    auto loaded = load_softphone_script(inputs.script_path);
    if (!loaded) return loaded.error();
    call.script = std::move(loaded.value());
  }
  if (inputs.answer) call.script.answer = *inputs.answer;
  if (!inputs.presses.empty()) {
    auto steps = steps_from_presses(inputs.presses);
    call.script.steps.insert(call.script.steps.end(), steps.begin(), steps.end());
  }
  if (!inputs.contact_path.empty()) {
    auto loaded = load_contact(inputs.contact_path);
    if (!loaded) return loaded.error();
    call.contact = std::move(loaded.value());
  }
  if (const auto& values = inputs.contact_values) {
    if (!values->id.empty()) call.contact.id = values->id;
    for (const auto& [field, value] : values->fields) {
      if (field == "primaryPhone") call.contact.phone = value;
      else call.contact.fields[field] = Value(value);
    }
    for (const auto& [name, value] : values->attributes) call.contact.attributes[name] = Value(value);
  }
  if (!inputs.phone.empty()) call.contact.phone = inputs.phone;
  call.options.max_node_visits = inputs.max_node_visits;
  // The flag names are the messages' words: these settings come from `gomo flow run --attr/--var`.
  for (const auto& a : inputs.attributes)
    if (Status s = apply_assignment(a, "--attr", call.contact.attributes); !s) return s;
  for (const auto& v : inputs.variables)
    if (Status s = apply_assignment(v, "--var", call.options.variables); !s) return s;
  return call;
}

}  // namespace gomo::engine
