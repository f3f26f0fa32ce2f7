// The resume journal (contacts/upsert_journal.h). Text lines, so that a person can read one:
//   gomo-upsert-journal 1 IDENTITY
//   ack INDEX SENT CREATED UPDATED [ROW,ROW,...]
// (journals of earlier versions hold "batch SENT CREATED UPDATED [ROWS]" lines, in index order: they
// are still read). A last line cut short by a crash is ignored (it was not fsync'd, so it never counted).
#include "contacts/upsert_journal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/private_files.h"
#include "base/sha256.h"

namespace gomo::contacts {
namespace {

bool write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::string file_identity(const std::string& path) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  struct stat st {};
  if (ec || ::stat(path.c_str(), &st) != 0) return "";
  return absolute.string() + "|" + std::to_string(st.st_size) + "|" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

Result<UpsertJournal> UpsertJournal::open(const std::string& dir, const std::string& identity) {
  // Its folder (under ~/.local/state) is the user's alone: the journal names the CSV file it follows.
  if (Status made = make_private_dirs(dir); !made) return made;
  UpsertJournal journal;
  journal.path_ = dir + "/" + sha256_hex(identity).substr(0, 24) + ".journal";
  const std::string head = "gomo-upsert-journal 1 " + sha256_hex(identity);
  std::ifstream in(journal.path_, std::ios::binary);
  std::string text;
  if (in) {
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  std::istringstream lines(text);
  std::string line;
  bool matches = std::getline(lines, line) && line == head && !lines.eof();
  size_t good_bytes = matches ? head.size() + 1 : 0;
  while (matches && std::getline(lines, line)) {
    if (lines.eof()) break;  // no newline: a line cut short
    std::istringstream words(line);
    std::string word, rows;
    JournalBatch batch;
    size_t index = journal.earlier_.size();  // "batch" lines: in order
    if (!(words >> word) || (word != "batch" && word != "ack")) break;
    if (word == "ack" && !(words >> index)) break;
    if (!(words >> batch.sent >> batch.created >> batch.updated)) break;
    if (words >> rows) {
      std::istringstream list(rows);
      for (std::string row; std::getline(list, row, ',');) batch.rejected_rows.push_back(std::stoul(row));
    }
    journal.earlier_[index] = std::move(batch);
    good_bytes += line.size() + 1;
  }
  journal.fd_ = ::open(journal.path_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (journal.fd_ < 0) {
    return Status::io_error("cannot write the resume journal " + journal.path_ + ": " + std::strerror(errno));
  }
  if (::ftruncate(journal.fd_, static_cast<off_t>(good_bytes)) != 0 || ::lseek(journal.fd_, 0, SEEK_END) < 0 ||
      (good_bytes == 0 && !write_all(journal.fd_, head + "\n")) || ::fsync(journal.fd_) != 0) {
    return Status::io_error("cannot write the resume journal " + journal.path_ + ": " + std::strerror(errno));
  }
  return journal;
}

UpsertJournal::UpsertJournal(UpsertJournal&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), earlier_(std::move(other.earlier_)) {
  other.fd_ = -1;
}

UpsertJournal::~UpsertJournal() {
  if (fd_ >= 0) ::close(fd_);
}

Status UpsertJournal::record(size_t index, const JournalBatch& batch) {
  std::string line = "ack " + std::to_string(index) + " " + std::to_string(batch.sent) + " " +
                     std::to_string(batch.created) + " " + std::to_string(batch.updated);
  for (size_t i = 0; i < batch.rejected_rows.size(); ++i) {
    line += (i ? "," : " ") + std::to_string(batch.rejected_rows[i]);
  }
  line += "\n";
  if (!write_all(fd_, line) || ::fsync(fd_) != 0) {
    return Status::io_error("cannot write the resume journal " + path_ + ": " + std::strerror(errno) +
                            "; the last batch was sent but is not recorded (running again re-sends it, which "
                            "upsert by phone makes harmless)");
  }
  return Status::ok();
}

void UpsertJournal::finish() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(path_.c_str());
}

}  // namespace gomo::contacts
