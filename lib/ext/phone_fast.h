#pragma once
// Inside the module: a fast reader for the common shapes of phone numbers ("+CC…", "00CC…", the default
// region's national "0…", with spaces, dots, dashes, brackets, no-break spaces and Arabic-Indic digits).
// It follows libphonenumber's Parse + IsPossibleNumberWithReason + IsValidNumber step by step, with RE2
// full-matching the national-number patterns and possible lengths of libphonenumber's own metadata
// (metadata_get()), and declines whatever it does not model (letters, extensions, odd shapes, national
// prefixes that are patterns, non-geographic codes), which then goes to libphonenumber unchanged.
// lib/contacts/phone_diff_test.cc and scripts/phone-diff.sh hold it to libphonenumber.
#include <string_view>

#include "ext/module_abi.h"

namespace gomo::ext::inside {

// Fills `out` exactly as libphonenumber's path (phone_numbers.cc) would and returns true, or returns
// false (out untouched) when it does not read this shape. The metadata is parsed on the first call (~1 ms,
// shared); each thread compiles a region's patterns when it first needs them (~1 ms and ~0.3 MiB for MA),
// so threads never share an RE2 object. Thread-safe.
bool parse_phone_fast(std::string_view input, std::string_view default_region, gomo_ext_phone_parse* out);

}  // namespace gomo::ext::inside
