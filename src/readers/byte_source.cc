#include "readers/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace newsmill::readers {

Result<std::unique_ptr<FdSource>> FdSource::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    std::string msg = path + ": " + std::strerror(err);
    if (err == ENOENT || err == ENOTDIR) return Status::NotFound(msg);
    return Status::IoError(msg);
  }
  return std::unique_ptr<FdSource>(new FdSource(fd, /*owned=*/true, path));
}

std::unique_ptr<FdSource> FdSource::Stdin() {
  return std::unique_ptr<FdSource>(
      new FdSource(STDIN_FILENO, /*owned=*/false, "stdin"));
}

FdSource::FdSource(int fd, bool owned, std::string name)
    : fd_(fd), owned_(owned), name_(std::move(name)) {}

FdSource::~FdSource() {
  if (owned_) ::close(fd_);
}

Result<size_t> FdSource::Read(char* buf, size_t n) {
  if (!error_.ok()) return error_;
  for (;;) {
    ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    error_ = Status::IoError(name_ + ": read failed: " + std::strerror(errno));
    return error_;
  }
}

int64_t FdSource::RegularFileSize() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<int64_t>(st.st_size);
}

Result<size_t> ReplaySource::Read(char* buf, size_t n) {
  if (pos_ < head_.size()) {
    const size_t take = std::min(n, head_.size() - pos_);
    std::memcpy(buf, head_.data() + pos_, take);
    pos_ += take;
    return take;
  }
  return rest_->Read(buf, n);
}

BufferedReader::BufferedReader(ByteSource* source)
    : source_(source), buf_(kBufferSize) {}

void BufferedReader::Consume(size_t n) {
  begin_ += n;
  offset_ += n;
  if (begin_ == end_) begin_ = end_ = 0;
}

bool BufferedReader::Fill() {
  if (eof_ || !status_.ok()) return false;
  if (end_ == buf_.size() && begin_ > 0) {
    // Move the unread tail to the front so a peek can grow into the space.
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buf_.size()) return false;  // full: callers never need more
  Result<size_t> got = source_->Read(buf_.data() + end_, buf_.size() - end_);
  if (!got.ok()) {
    status_ = got.status();
    return false;
  }
  if (got.value() == 0) {
    eof_ = true;
    return false;
  }
  end_ += got.value();
  return true;
}

Result<std::string_view> BufferedReader::Peek(size_t n) {
  n = std::min(n, buf_.size());
  while (buffered() < n && Fill()) {
  }
  if (buffered() == 0 && !status_.ok()) return status_;
  return std::string_view(data(), std::min(n, buffered()));
}

Status BufferedReader::ReadLine(size_t max, std::string* line, LineInfo* info) {
  line->clear();
  *info = LineInfo();
  bool any = false;
  for (;;) {
    if (buffered() == 0 && !Fill()) {
      if (!status_.ok()) return status_;
      info->eof = !any;
      break;
    }
    any = true;
    const char* nl =
        static_cast<const char*>(std::memchr(data(), '\n', buffered()));
    size_t take = nl ? static_cast<size_t>(nl - data()) : buffered();
    size_t keep = std::min(take, max - line->size());
    line->append(data(), keep);
    if (keep < take) info->too_long = true;
    info->length += take;
    Consume(nl ? take + 1 : take);
    if (nl) break;
  }
  if (!line->empty() && line->back() == '\r' && !info->too_long) {
    line->pop_back();
    --info->length;
  }
  return Status::Ok();
}

Status BufferedReader::ReadBytes(size_t n, std::string* out, size_t* got) {
  *got = 0;
  while (*got < n) {
    if (buffered() == 0 && !Fill()) {
      if (!status_.ok()) return status_;
      break;
    }
    size_t take = std::min(n - *got, buffered());
    out->append(data(), take);
    Consume(take);
    *got += take;
  }
  return Status::Ok();
}

Status BufferedReader::Skip(uint64_t n, uint64_t* skipped) {
  *skipped = 0;
  while (*skipped < n) {
    if (buffered() == 0 && !Fill()) {
      if (!status_.ok()) return status_;
      break;
    }
    size_t take =
        static_cast<size_t>(std::min<uint64_t>(n - *skipped, buffered()));
    Consume(take);
    *skipped += take;
  }
  return Status::Ok();
}

Result<size_t> BufferedReader::Read(char* buf, size_t n) {
  if (buffered() == 0 && !Fill()) {
    if (!status_.ok()) return status_;
    return size_t{0};
  }
  size_t take = std::min(n, buffered());
  std::memcpy(buf, data(), take);
  Consume(take);
  return take;
}

}  // namespace newsmill::readers
