// Sanitizer builds: the module's sources are linked into the binary, so its table is a plain call
// (load.h). No dlopen: LeakSanitizer then scans no dlopen()ed library's TLS, which GCC 12's crashes on
// (glibc 2.36), and every allocation of the glue is checked like the rest of gomo.
#include <string>

#include "ext/load.h"
#include "ext/module_abi.h"

namespace gomo::ext {

const gomo_ext_abi* open_module_abi(std::string&) { return gomo_ext_abi_v6(); }

bool module_is_embedded() { return false; }

}  // namespace gomo::ext
