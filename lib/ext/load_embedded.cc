// Release builds: the module embedded in the binary (embedded.cc), written to a memfd and dlopen()ed
// (load.h, load_embedded.h).
#include <dlfcn.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "ext/load.h"
#include "ext/load_embedded.h"
#include "ext/module_abi.h"

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

// dlopen()s the module written to an anonymous memfd (nothing on disk), or, where that is not possible
// (no memfd_create, no /proc, an executable memfd refused), to a temporary file removed at once.
// Returns the handle, or null with `error` set to the first reason.
void* open_module(std::string& error) {
  const unsigned char* begin = embedded_module_begin();
  const size_t size = static_cast<size_t>(embedded_module_end() - begin);
  if (int fd = memfd_create("gomo-ext", MFD_CLOEXEC); fd >= 0) {
    void* handle = nullptr;
    if (write_all(fd, begin, size)) {
      handle = dlopen(("/proc/self/fd/" + std::to_string(fd)).c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) error = dlerror();
    } else {
      error = std::strerror(errno);
    }
    close(fd);  // the mapping keeps the module alive
    if (handle) return handle;
    // A library the module needs is missing: a temporary file would not help.
    if (error.find("/proc/self/fd/") == std::string::npos && !error.empty()) return nullptr;
  }
  return open_module_from_temp_file(error);
}

// "libcurl.so.4: cannot open shared object file" -> which Debian package brings it.
std::string install_hint(const std::string& dl_error) {
  struct Hint {
    const char* library;
    const char* package;
  };
  static constexpr Hint kHints[] = {
      {"libcurl", "libcurl4"}, {"libcpp-httplib", "libcpp-httplib0.11"}, {"libphonenumber", "libphonenumber8"},
      {"libre2", "libre2-9"},  {"libprotobuf.so", "libprotobuf32"},      {"libdate-tz", "libdate-tz3"}};
  for (const auto& h : kHints)
    if (dl_error.find(h.library) != std::string::npos)
      return std::string("; install it: apt-get install ") + h.package + " (scripts/setup.sh does)";
  return "";
}

}  // namespace

void* open_module_from_temp_file(std::string& error) {
  const unsigned char* begin = embedded_module_begin();
  const size_t size = static_cast<size_t>(embedded_module_end() - begin);
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/gomo-ext-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) {
    if (error.empty()) error = "cannot create a temporary file: " + std::string(std::strerror(errno));
    return nullptr;
  }
  void* handle = nullptr;
  if (write_all(fd, begin, size)) {
    handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) error = dlerror();
  } else if (error.empty()) {
    error = "cannot write " + path + ": " + std::strerror(errno);
  }
  close(fd);
  unlink(path.c_str());
  return handle;
}

const gomo_ext_abi* open_module_abi(std::string& why) {
  void* handle = open_module(why);
  if (!handle) {
    why += install_hint(why);
    return nullptr;
  }
  // Never dlclose: the module's code may run until exit (thread pools, atexit handlers).
  using Entry = const gomo_ext_abi* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, "gomo_ext_abi_v6"));
  if (!entry) {
    why = "it has no entry point gomo_ext_abi_v6 (rebuild gomo)";
    return nullptr;
  }
  return entry();
}

bool module_is_embedded() { return true; }

}  // namespace gomo::ext
