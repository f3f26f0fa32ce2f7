#pragma once
// Loading the extension module (module.h) embedded in the binary. Commands that never talk HTTP or
// parse phone numbers never load it, so `gomo flow validate` starts without libcurl, OpenSSL,
// GnuTLS, cpp-httplib or ICU.
#include <string>

#include "base/status.h"

namespace gomo::ext {

struct Module;

// The module's entry points, loaded on the first call (thread-safe; later calls return the same
// table). Fails when the module cannot be loaded, e.g. a shared library it needs is not installed:
// the message names it and the Debian package to install.
Result<const Module*> module();

// The fallback of module(), exposed for its test: the module written to a temporary file (removed at
// once) and dlopen()ed from there. Returns the dlopen handle, or null with `error` set.
void* open_module_from_temp_file(std::string& error);

// The embedded module's bytes and digest (embedded.cc).
const unsigned char* embedded_module_begin();
const unsigned char* embedded_module_end();
const char* embedded_module_sha256();

}  // namespace gomo::ext
