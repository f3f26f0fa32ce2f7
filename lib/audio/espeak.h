#pragma once
// Text to speech with espeak-ng, run as a program (it is GPL-3+: gomo never links it). Thread-safe:
// each call runs its own process.
#include <string>
#include <string_view>

#include "audio/samples.h"
#include "base/status.h"

namespace gomo::audio {

// The espeak-ng voice for a flow language: fr -> fr-fr, ar -> ar, en -> en-us (region subtags such as
// fr-MA or en_GB are read by their language; "" is fr, the platform's default). Unknown: an error that
// lists the languages gomo speaks.
Result<std::string> espeak_voice(std::string_view language);

// What `program` (espeak-ng) says for `text` in `language`, as 8 kHz samples. The text is one argv
// element (no shell, no option parsing of its content). Killed after `timeout_ms`. Errors say what
// failed and how to fix it (install espeak-ng; the program's own message when it fails).
Result<Samples> speak(const std::string& program, std::string_view language, std::string_view text,
                      engine::Millis timeout_ms = 30000);

}  // namespace gomo::audio
