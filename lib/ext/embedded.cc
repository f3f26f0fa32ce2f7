// The extension module's bytes, embedded with .incbin (module_stamp.h changes with them, so a
// rebuilt module rebuilds this object, through ccache too).
#include "ext/load_embedded.h"
#include "ext/module_stamp.h"

asm(".pushsection .rodata\n"
    ".balign 64\n"
    ".globl gomo_ext_module_begin\n"
    "gomo_ext_module_begin:\n"
    ".incbin \"" GOMO_EXT_PATH
    "\"\n"
    ".globl gomo_ext_module_end\n"
    "gomo_ext_module_end:\n"
    ".popsection\n");

extern "C" {
extern const unsigned char gomo_ext_module_begin[];
extern const unsigned char gomo_ext_module_end[];
}

namespace gomo::ext {

const unsigned char* embedded_module_begin() { return gomo_ext_module_begin; }
const unsigned char* embedded_module_end() { return gomo_ext_module_end; }
const char* embedded_module_sha256() { return GOMO_EXT_SHA256; }

}  // namespace gomo::ext
