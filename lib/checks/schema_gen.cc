// gomo_schema_gen SCHEMA.json PREFIX OUT.cc: compiles a JSON Schema into constant schema::Node data
// (schema_compile.h), so the binary checks flows without parsing its schema at start-up.
#include <fstream>
#include <iostream>
#include <sstream>

#include "checks/schema_compile.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: gomo_schema_gen SCHEMA.json PREFIX OUT.cc\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "gomo_schema_gen: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto doc = gomo::document::read_json(argv[1], text.str());
  if (!doc->parsed) {
    const auto& p = doc->problems.front();
    std::cerr << argv[1] << ":" << p.begin.line << ":" << p.begin.col << ": " << p.message << "\n";
    return 1;
  }
  auto compiled = gomo::checks::schema::compile(doc->root);
  std::string source, error;
  if (!gomo::checks::schema::emit_cpp(*compiled, argv[2], source, error)) {
    std::cerr << argv[1] << ": " << error << "\n";
    return 1;
  }
  // Written only when it changes, so that an unchanged schema rebuilds nothing.
  std::ifstream old(argv[3], std::ios::binary);
  std::stringstream old_text;
  if (old) old_text << old.rdbuf();
  if (old && old_text.str() == source) return 0;
  std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
  out << source;
  if (!out.flush()) {
    std::cerr << "gomo_schema_gen: cannot write " << argv[3] << "\n";
    return 1;
  }
  return 0;
}
