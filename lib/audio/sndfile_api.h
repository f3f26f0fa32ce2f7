#pragma once
// libsndfile, loaded on first use (dlopen) rather than linked: linked, its eleven shared libraries
// (FLAC, Vorbis, Opus, mpg123, LAME) cost every gomo command ~2.8 ms of start-up (5.1 -> 7.9 ms for
// `gomo --version`), and only the commands that render sound need it. Include only from lib/audio .cc files.
#include <sndfile.h>

#include "base/status.h"

namespace gomo::audio {

struct SndfileApi {
  decltype(&::sf_open) open;
  decltype(&::sf_open_virtual) open_virtual;
  decltype(&::sf_readf_float) readf_float;
  decltype(&::sf_write_short) write_short;
  decltype(&::sf_close) close;
  decltype(&::sf_strerror) strerror;
  decltype(&::sf_error) error;
  decltype(&::sf_command) command;
};

// The library's functions, loaded once (thread-safe); an error that names the package when the
// shared library is missing.
Result<const SndfileApi*> sndfile();

}  // namespace gomo::audio
