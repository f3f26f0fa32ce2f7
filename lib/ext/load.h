#pragma once
// Loading the extension module (module.h) embedded in the binary. Commands that never talk HTTP or
// parse phone numbers never load it, so `gomo flow validate` starts without libcurl, OpenSSL,
// GnuTLS, cpp-httplib or ICU.
#include "base/status.h"

namespace gomo::ext {

struct Module;

// The module's entry points, loaded on the first call (thread-safe; later calls return the same
// table). Fails when the module cannot be loaded, e.g. a shared library it needs is not installed:
// the message names it and the Debian package to install.
Result<const Module*> module();

// The embedded module's bytes and digest (embedded.cc).
const unsigned char* embedded_module_begin();
const unsigned char* embedded_module_end();
const char* embedded_module_sha256();

}  // namespace gomo::ext
