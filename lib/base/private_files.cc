#include "base/private_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace gomo {

Status make_private_dirs(const std::string& dir) {
  std::error_code ec;
  std::filesystem::path p(dir);
  if (dir.empty() || std::filesystem::is_directory(p, ec)) return Status::ok();
  if (p.has_parent_path() && p.parent_path() != p) {
    if (Status s = make_private_dirs(p.parent_path().string()); !s) return s;
  }
  // 0700 & ~umask is 0700 for any umask that lets the owner in.
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return Status::io_error("cannot create " + dir + ": " + std::strerror(errno));
  return Status::ok();
}

Status create_private_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return Status::ok();
  }
  if (errno == EEXIST) return Status::ok();
  return Status::io_error(std::strerror(errno));
}

}  // namespace gomo
