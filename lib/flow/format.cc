#include "flow/format.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "document/writer.h"

namespace gomo::flow {
namespace {

std::vector<std::string> comment_texts(const document::Document& doc) {
  std::vector<std::string> out;
  for (const document::Comment& c : document::find_comments(doc)) out.push_back(c.text);
  std::sort(out.begin(), out.end());
  return out;
}

// How many of `want` (sorted) are missing from `got` (sorted), as multisets.
size_t missing_count(const std::vector<std::string>& want, const std::vector<std::string>& got) {
  std::vector<std::string> missing;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(missing));
  return missing.size();
}

}  // namespace

Result<Formatted> format_document(const document::Document& doc, const FormatOptions& options) {
  if (!doc.parsed) return Status::invalid_argument(doc.path + ": not valid YAML/JSON");
  auto canonical = canonicalize(doc, options.canonical);
  if (!canonical) return canonical.error();
  Formatted result;
  result.kept_map_reason = canonical->kept_map_reason;

  std::vector<std::string> source_comments = comment_texts(doc);
  const bool to_yaml = options.to == document::Format::kYaml;
  const bool try_comments = to_yaml && !source_comments.empty();
  // YAML from YAML keeps comments and blank lines (placed by the source marks the tree still has).
  const bool keep_layout = to_yaml && doc.format == document::Format::kYaml;
  auto text = to_yaml ? document::write_yaml(canonical->root, keep_layout ? &doc : nullptr)
                      : document::write_json(canonical->root);
  if (!text) return text.error();

  auto reread = document::read_document(options.to == document::Format::kYaml ? "out.yaml" : "out.json", text.value());
  std::string where;
  if (!reread->parsed || !same_data(reread->root, canonical->root, &where))
    return Status::internal("the formatted text does not read back to the same data (at " +
                            (where.empty() ? "/" : where) +
                            "); nothing was written. Please report this with the file.");
  if (options.canonical.name.empty() && !same_flow_data(doc.root, canonical->root, &where))
    return Status::internal("formatting would change the data at " + (where.empty() ? "/" : where) +
                            "; nothing was written. Please report this with the file.");

  size_t missing = source_comments.size();
  if (try_comments) missing = missing_count(source_comments, comment_texts(*reread));
  if (missing && !options.drop_comments && to_yaml) {
    return Status::invalid_argument(std::to_string(missing) + " of " + std::to_string(source_comments.size()) +
                                    " comments could not be kept; pass --drop-comments to write the file without them");
  }
  if (missing && try_comments && options.drop_comments) {
    // Partly placed comments are worse than none: write the plain canonical text.
    text = document::write_yaml(canonical->root, nullptr);
    if (!text) return text.error();
    result.comments_dropped = source_comments.size();
  } else {
    result.comments_kept = source_comments.size() - missing;
    result.comments_dropped = missing;
  }
  result.text = std::move(text.value());
  return result;
}

Status replace_file(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".gomo-XXXXXX")).string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return Status::io_error("cannot create a temp file beside " + path + ": " + std::strerror(errno));
  struct stat st {};
  mode_t mode;
  if (stat(path.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  bool ok = fchmod(fd, mode) == 0;
  size_t done = 0;
  while (ok && done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ok = false;
    else done += size_t(n);
  }
  ok = ok && fsync(fd) == 0;
  int saved = errno;
  ok = close(fd) == 0 && ok;
  if (ok && std::rename(tmpl.c_str(), path.c_str()) == 0) return Status::ok();
  if (!saved) saved = errno;
  std::remove(tmpl.c_str());
  return Status::io_error("cannot write " + path + ": " + std::strerror(saved));
}

}  // namespace gomo::flow
