#pragma once
// The version of libyaml gomo reads YAML with (libyaml lives in lib/document only).

namespace gomo::document {

// "0.2.5", from the library at run time. Static storage.
const char* libyaml_version();

}  // namespace gomo::document
