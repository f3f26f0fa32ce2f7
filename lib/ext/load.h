#pragma once
// Loading the network module (module.h). Commands that never talk HTTP or parse phone numbers never
// load it, so `gomo flow validate` starts without libcurl, OpenSSL, GnuTLS, cpp-httplib or ICU.
// Release builds embed the module and dlopen() it from memory (load_embedded.cc); sanitizer builds
// link its sources into the binary (load_linked.cc), so no dlopen()ed TLS trips LeakSanitizer.
#include <string>

#include "base/status.h"

struct gomo_ext_abi;  // module_abi.h

namespace gomo::ext {

class Module;

// The module's entry points, loaded on the first call (thread-safe; later calls return the same
// value). Fails with an internal Status, "the network module could not be loaded: <why>", e.g. when
// a shared library it needs is not installed (the message names it and the Debian package). A build
// without a bug never fails here, so callers treat it as an internal error, not a network one.
// Test hook: GOMO_TEST_NETWORK_MODULE_ERROR=<why> in the environment makes the load fail with <why>.
Result<const Module*> module();

// Called by each module() call that fails, with the Status's message, before module()
// returns. cli/ sets one that reports the internal error and exits 70: a failed load leaves nothing
// useful to do, and callers far from cli (phone numbers of an input file) would otherwise word it as
// per-row rejects. Null (the default): module() only returns the error. Set it before any thread starts.
using LoadFailureHandler = void (*)(const std::string& message);
void set_load_failure_handler(LoadFailureHandler handler);

// Where the table comes from (load_embedded.cc or load_linked.cc): the module's C table, or null
// with `why` set.
const gomo_ext_abi* open_module_abi(std::string& why);

// Whether this build embeds the module (false: linked in, sanitizer builds).
bool module_is_embedded();

}  // namespace gomo::ext
