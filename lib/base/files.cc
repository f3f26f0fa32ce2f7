#include "base/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace gomo {
namespace {

Status from_errno(int error) {
  if (error == ENOENT) return Status::not_found(std::strerror(error));
  return Status::io_error(std::strerror(error));
}

}  // namespace

Result<std::string> read_file(const std::string& path, size_t limit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return from_errno(errno);
  struct stat st {};
  const size_t most = limit == kNoReadLimit ? limit : limit + 1;
  std::string text;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      return text;
    }
    // One allocation for a regular file (istreambuf_iterator went a byte at a time).
    if (S_ISREG(st.st_mode)) text.reserve(std::min(most, static_cast<size_t>(st.st_size)));
  }
  char buf[1 << 16];
  while (text.size() < most) {
    const ssize_t n = ::read(fd, buf, std::min(sizeof buf, most - text.size()));
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return from_errno(error);
    }
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return text;
}

}  // namespace gomo
