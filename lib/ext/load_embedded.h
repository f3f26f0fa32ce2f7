#pragma once
// The embedded module of release builds (load_embedded.cc, embedded.cc); absent from sanitizer builds.
#include <string>

namespace gomo::ext {

// The fallback of the memfd load, exposed for its test: the module written to a temporary file
// (removed at once) and dlopen()ed from there. Returns the dlopen handle, or null with `error` set.
void* open_module_from_temp_file(std::string& error);

// The embedded module's bytes and digest (embedded.cc).
const unsigned char* embedded_module_begin();
const unsigned char* embedded_module_end();
const char* embedded_module_sha256();

}  // namespace gomo::ext
