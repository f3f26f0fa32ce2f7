#pragma once
// Everything one simulated call needs besides the flow (`gomo flow run`): the callee's script, the
// contact and the engine options, gathered from files and NAME=VALUE settings in one place, so a test
// reaches what the command does.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "engine/engine.h"
#include "engine/scripted_softphone.h"

namespace gomo::engine {

struct CallInputs {
  std::string script_path;       // a softphone script file (load_softphone_script); "": the defaults
  std::optional<Answer> answer;  // how the callee answers; overrides the script's; nullopt: the script's
  std::string presses;           // keys at successive prompts, after the script's steps ("1,2": steps_from_presses)
  std::string contact_path;      // a contact file (load_contact); "": the default contact
  // A contact read from elsewhere (`--contact-csv`: contacts::read_csv_contact, with the CSV reader and
  // column mapping of `contacts upsert`), applied over contact_path's. Plain strings: the engine reads no CSV.
  struct ContactValues {
    std::string id;                                 // "": keep the contact's
    std::map<std::string, std::string> fields;      // API field name -> value; primaryPhone is the phone
    std::map<std::string, std::string> attributes;  // attribute name -> value
  };
  std::optional<ContactValues> contact_values;
  std::string phone;                    // the contact's phone (E.164, already normalised); "": the contact's own
  std::vector<std::string> attributes;  // custom attributes, "NAME=VALUE" each (named --attr in messages)
  std::vector<std::string> variables;   // flow variables set before the call, "NAME=VALUE" (--var)
  int max_node_visits = 500;            // loop guard (EngineOptions::max_node_visits)
};

struct PreparedCall {
  SoftphoneScript script;
  Contact contact;
  EngineOptions options;
};

// Reads the files `inputs` names and applies its settings, in the order above. Fails with the first
// problem (an unreadable file, a bad row, an assignment without '='), naming the file or the flag.
Result<PreparedCall> prepare_call(const CallInputs& inputs);

}  // namespace gomo::engine
