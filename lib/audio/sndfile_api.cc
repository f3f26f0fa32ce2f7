#include "audio/sndfile_api.h"

#include <dlfcn.h>

namespace gomo::audio {
namespace {

Result<const SndfileApi*> load() {
  static SndfileApi api;
  void* lib = dlopen("libsndfile.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    return Status::not_found(std::string("cannot load libsndfile, which gomo reads and writes audio with (") +
                             dlerror() + "); install it (Debian/Ubuntu: apt-get install libsndfile1)");
  bool ok = true;
  auto get = [&](auto& fn, const char* name) {
    fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, name));
    ok = ok && fn;
  };
  get(api.open, "sf_open");
  get(api.open_virtual, "sf_open_virtual");
  get(api.readf_float, "sf_readf_float");
  get(api.write_short, "sf_write_short");
  get(api.close, "sf_close");
  get(api.strerror, "sf_strerror");
  get(api.error, "sf_error");
  get(api.command, "sf_command");
  if (!ok) return Status::not_found("libsndfile.so.1 lacks a function gomo needs: install libsndfile1 1.0.28 or later");
  return static_cast<const SndfileApi*>(&api);
}

}  // namespace

Result<const SndfileApi*> sndfile() {
  static const Result<const SndfileApi*> loaded = load();  // once; a local static is thread-safe
  return loaded;
}

}  // namespace gomo::audio
