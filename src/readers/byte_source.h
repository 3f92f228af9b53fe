// Byte streams for the readers: a file descriptor, and a buffered reader on
// top of any stream that gives lines, peeks, bounded reads and skips.
//
// Everything here streams with fixed-size buffers so that memory stays flat
// whatever the size of the input; only what the caller asks to keep (a line,
// a block) is held.
#ifndef NEWSMILL_READERS_BYTE_SOURCE_H_
#define NEWSMILL_READERS_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsmill/status.h"

namespace newsmill::readers {

// A forward-only stream of bytes.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`. Returns 0 only at the end of the
  // stream. After an error every later call returns that error again.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// Reads a file descriptor: a file it opened and owns, or stdin.
class FdSource : public ByteSource {
 public:
  // NotFound when `path` does not exist, IoError when it cannot be opened.
  static Result<std::unique_ptr<FdSource>> Open(const std::string& path);
  // Standard input; it is not closed by the destructor.
  static std::unique_ptr<FdSource> Stdin();

  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;
  ~FdSource() override;

  Result<size_t> Read(char* buf, size_t n) override;

  // The size of the file when it is a regular file (fstat), else -1.
  int64_t RegularFileSize() const;

 private:
  FdSource(int fd, bool owned, std::string name);

  int fd_;
  bool owned_;
  std::string name_;  // for error messages
  Status error_;
};

// Hands out `head` (bytes already read from `rest`) and then whatever
// `rest` still gives, errors included: the stream as it was before someone
// read its start.
class ReplaySource : public ByteSource {
 public:
  ReplaySource(std::string head, ByteSource* rest)
      : head_(std::move(head)), rest_(rest) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string head_;
  size_t pos_ = 0;
  ByteSource* rest_;
};

// What ReadLine found.
struct LineInfo {
  bool eof = false;       // the stream had ended: no line at all
  bool too_long = false;  // the line was longer than `max`; it was consumed
                          // but only its first `max` bytes were kept
  uint64_t length = 0;    // bytes of the line, without the line break
};

// Buffers a ByteSource. It is a ByteSource itself, so a decoder can be put
// on top of it after its first bytes were peeked at (gzip magic sniffing).
//
// Errors of the underlying stream are deferred: the bytes read before the
// error are handed out first, so a reader sees everything before a cut.
class BufferedReader : public ByteSource {
 public:
  static constexpr size_t kBufferSize = size_t{64} << 10;

  explicit BufferedReader(ByteSource* source);

  // Offset of the next byte to be consumed, from the start of the stream.
  uint64_t offset() const { return offset_; }

  // Up to `n` bytes from the current position, not consumed; fewer only at
  // the end of the stream or before an error. An error is returned only
  // when no byte at all is available. REQUIRES: n <= kBufferSize.
  Result<std::string_view> Peek(size_t n);

  // Consumes through the next '\n' or the end of the stream, putting at most
  // `max` bytes of the line (without "\n" or "\r\n") into `line`.
  Status ReadLine(size_t max, std::string* line, LineInfo* info);

  // Appends up to `n` bytes to `out`; `*got` is how many (fewer only at the
  // end of the stream).
  Status ReadBytes(size_t n, std::string* out, size_t* got);

  // Consumes up to `n` bytes without keeping them; `*skipped` is how many.
  Status Skip(uint64_t n, uint64_t* skipped);

  Result<size_t> Read(char* buf, size_t n) override;

 private:
  size_t buffered() const { return end_ - begin_; }
  const char* data() const { return buf_.data() + begin_; }
  void Consume(size_t n);
  // Makes more bytes available. Returns false at the end of the stream or
  // on an error (then in status_).
  bool Fill();

  ByteSource* source_;
  std::vector<char> buf_;
  size_t begin_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  Status status_;
  uint64_t offset_ = 0;
};

}  // namespace newsmill::readers

#endif  // NEWSMILL_READERS_BYTE_SOURCE_H_
