// ext::module(): the embedded module to a memfd, then dlopen (load.h).
#include "ext/load.h"

#include <dlfcn.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

#include "ext/module.h"

namespace gomo::ext {
namespace {

bool write_all(int fd, const unsigned char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// A file descriptor holding the module: an anonymous memfd, or (kernels without memfd_create) an
// unlinked temporary file.
int module_fd(std::string& error) {
  const unsigned char* begin = embedded_module_begin();
  const size_t size = static_cast<size_t>(embedded_module_end() - begin);
  int fd = memfd_create("gomo-ext", MFD_CLOEXEC);
  if (fd < 0) {
    const char* tmp = std::getenv("TMPDIR");
    std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/gomo-ext-XXXXXX";
    fd = mkstemp(path.data());
    if (fd < 0) {
      error = "cannot create a temporary file for gomo's extension module: " + std::string(std::strerror(errno));
      return -1;
    }
    unlink(path.c_str());
  }
  if (!write_all(fd, begin, size)) {
    error = "cannot write gomo's extension module: " + std::string(std::strerror(errno));
    close(fd);
    return -1;
  }
  return fd;
}

// "libcurl.so.4: cannot open shared object file" -> which Debian package brings it.
std::string install_hint(const std::string& dl_error) {
  struct Hint {
    const char* library;
    const char* package;
  };
  static constexpr Hint kHints[] = {{"libcurl", "libcurl4"},
                                    {"libcpp-httplib", "libcpp-httplib0.11"},
                                    {"libphonenumber", "libphonenumber8"}};
  for (const auto& h : kHints)
    if (dl_error.find(h.library) != std::string::npos)
      return std::string("; install it: apt-get install ") + h.package + " (scripts/setup.sh does)";
  return "";
}

struct Loaded {
  const Module* module = nullptr;
  std::string error;
};

Loaded load() {
  Loaded out;
  int fd = module_fd(out.error);
  if (fd < 0) return out;
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  close(fd);  // the mapping keeps the module alive
  if (!handle) {
    std::string why = dlerror();
    out.error = "cannot load gomo's extension module: " + why + install_hint(why);
    return out;
  }
  // Never dlclose: the module's code may run until exit (thread pools, atexit handlers).
  using Entry = const Module* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, "gomo_ext_module_v1"));
  const Module* m = entry ? entry() : nullptr;
  if (!m || m->version != kModuleVersion) {
    out.error = "gomo's extension module does not match this binary (rebuild gomo)";
    return out;
  }
  out.module = m;
  return out;
}

}  // namespace

Result<const Module*> module() {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded.module) return Status::internal(loaded.error);
  return loaded.module;
}

}  // namespace gomo::ext
