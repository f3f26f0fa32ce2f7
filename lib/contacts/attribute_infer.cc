// The type of a new custom attribute from its column's values (contacts/attribute_infer.h).
#include "contacts/attribute_infer.h"

#include "contacts/contact_input.h"

namespace gomo::contacts {
namespace {

// Narrowest first: a column of 1/0 is a number, not a phone number.
constexpr const char* kInferable[] = {"number", "boolean", "date", "email", "url", "phone_number"};
constexpr size_t kInferableCount = sizeof kInferable / sizeof kInferable[0];

std::string_view trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

Result<std::vector<InferredType>> infer_attribute_types(document::CsvReader& reader, const std::vector<size_t>& columns,
                                                        std::string_view region) {
  // Per column, a bit per kInferable type that every value so far fits.
  std::vector<unsigned> possible(columns.size(), (1u << kInferableCount) - 1);
  std::vector<size_t> values(columns.size(), 0);
  document::CsvRow row;
  while (reader.next(row)) {
    if (!row.ok()) continue;
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] >= row.fields.size()) continue;
      const std::string_view value = trimmed(row.fields[columns[i]]);
      if (value.empty()) continue;
      ++values[i];
      for (size_t t = 0; t < kInferableCount && possible[i]; ++t) {
        if ((possible[i] & (1u << t)) && !attribute_value_for_type("", value, kInferable[t], region))
          possible[i] &= ~(1u << t);
      }
    }
  }
  if (!reader.status().is_ok()) return reader.status();
  std::vector<InferredType> out(columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    out[i].values = values[i];
    if (values[i] == 0) continue;
    for (size_t t = 0; t < kInferableCount; ++t) {
      if (possible[i] & (1u << t)) {
        out[i].type = kInferable[t];
        break;
      }
    }
  }
  return out;
}

}  // namespace gomo::contacts
