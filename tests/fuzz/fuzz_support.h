#pragma once
// What the fuzz targets share: the input as a string, a touch of every value of a tree (so that
// ASan sees each byte the reader wrote), and a loud stop for a broken property.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "document/document.h"

namespace gomo::fuzz {

inline std::string as_text(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// Walks the tree: every text, pointer and line the reporters would print. Returns a count so that the
// compiler keeps the walk.
inline size_t touch(const document::Document& doc, const document::Value& v, int depth = 0) {
  size_t n = v.text.size() + doc.line_text(v.begin.line).size();
  if (depth < 4) n += document::pointer_of(v).size();  // quadratic in depth: only near the root
  for (const auto& item : v.items) n += touch(doc, item, depth + 1);
  for (const auto& m : v.members) n += touch(doc, m.key, depth + 1) + touch(doc, m.value, depth + 1);
  return n;
}

inline size_t touch(const document::Document& doc) {
  size_t n = touch(doc, doc.root);
  for (const auto& p : doc.problems) n += p.message.size() + p.pointer.size() + doc.line_text(p.begin.line).size();
  return n;
}

// A property that must hold failed: print what and where, then abort so that libFuzzer saves the input.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz property failed: %s\n", what.c_str());
  std::abort();
}

}  // namespace gomo::fuzz
