// Reading one flow input without checking it (read_input.h).
#include "checks/read_input.h"

#include "document/limits.h"

namespace gomo::checks {

Result<ReadInput> read_input(const Input& input) {
  ReadInput out;
  if (input.from_stdin) {
    out.doc = document::read_document(input.path, input.text);
  } else {
    // Never more than the readers' limit in memory: a larger file is refused by its size.
    auto read = document::read_document_file(input.path);
    if (!read)
      return Status::invalid_argument("cannot read " + diag::visible(input.path) + ": " + read.error().message());
    out.doc = std::move(read.value());
  }
  if (out.doc->parsed) return out;
  out.problems = FileResult{input.path, true, {}};
  for (const auto& p : out.doc->problems) {
    diag::Diagnostic d = diag::from_problem(*out.doc, p);
    diag::set_snippet(d, out.doc->line_text(d.location.line));
    out.problems.diagnostics.push_back(std::move(d));
  }
  return out;
}

Result<Input> expand_one_input(const std::string& path) {
  auto inputs = expand_inputs({path}, {});
  if (!inputs) return inputs.error();
  if (inputs->size() != 1)
    return Status::invalid_argument("expected one flow file, " + path + " holds " + std::to_string(inputs->size()));
  return std::move(inputs->front());
}

}  // namespace gomo::checks
