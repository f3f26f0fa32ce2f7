#pragma once
// Helpers of the program rule tests: a file's findings of one rule, through the real loader.
#include <string>
#include <vector>

#include "programs/validate_program.h"

namespace gomo::programs::test {

// The findings of rule `id` in the program file `yaml` (checked with `catalog`, may be null).
inline std::vector<diag::Diagnostic> findings(const std::string& yaml, const std::string& id,
                                              const ProgramCatalog* catalog = nullptr) {
  std::vector<diag::Diagnostic> out;
  for (auto& d : validate_program_text("p.yaml", yaml, catalog).diagnostics)
    if (d.rule == id) out.push_back(std::move(d));
  return out;
}

// The head every test file starts with: a program that is clean on its own.
inline const char* const kHead = "name: March\nflow: Reminder\naudience: Debtors\n";

}  // namespace gomo::programs::test
