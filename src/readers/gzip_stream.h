// gzip decoding for the readers: a streaming multi-member decoder for .gz
// inputs, and a bounded one-shot inflate for HTTP Content-Encoding.
#ifndef NEWSMILL_READERS_GZIP_STREAM_H_
#define NEWSMILL_READERS_GZIP_STREAM_H_

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/status.h"
#include "readers/byte_source.h"

namespace newsmill::readers {

// True when `head` starts with the gzip magic bytes 1f 8b.
bool HasGzipMagic(std::string_view head);

// Decompresses a gzip stream read from another ByteSource, member after
// member: .warc.gz files are concatenated members, one per record. Uses
// fixed buffers, so memory does not depend on the input size.
//
// Errors (sticky; the bytes decoded before them are returned first):
//   Truncated  "truncated gzip stream at compressed offset N"
//   Corrupt    "corrupt gzip stream at compressed offset N: <zlib message>"
//   TooLarge   when more than `max_output` bytes come out (gzip bombs), or
//              when a member inflates past `max_ratio` times its compressed
//              size after `ratio_floor` bytes (0: no ratio bound)
class GzipSource : public ByteSource {
 public:
  GzipSource(ByteSource* compressed, uint64_t max_output, double max_ratio = 0,
             uint64_t ratio_floor = 0);
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  ~GzipSource() override;

  Result<size_t> Read(char* buf, size_t n) override;

 private:
  // Offset in the compressed stream of the next byte zlib will look at.
  uint64_t compressed_offset() const { return in_total_ - zs_.avail_in; }
  // Reads more compressed bytes; false at the end of input or on an error.
  bool Refill();
  // One inflate call into buf[0, n); returns bytes produced.
  size_t InflateSome(char* buf, size_t n);

  ByteSource* in_;
  uint64_t max_output_;
  double max_ratio_;
  uint64_t ratio_floor_;
  z_stream zs_{};
  bool zs_ready_ = false;
  std::vector<unsigned char> inbuf_;
  bool in_eof_ = false;
  bool in_member_ = false;  // inside a member that has not ended yet
  bool done_ = false;
  uint64_t in_total_ = 0;
  uint64_t out_total_ = 0;
  // Where the current member started, for the ratio bound.
  uint64_t member_in_start_ = 0;
  uint64_t member_out_ = 0;
  Status error_;
};

// Inflates the whole of `in` with inflateInit2(`window_bits`) (15+32 for
// gzip or zlib, 15 for zlib, -15 for raw deflate). Keeps the first `keep`
// output bytes in `*out` and counts all output in `*total`, so a caller can
// cut a document and still say how large it was. Returns:
//   Truncated  when the stream ends before its end marker,
//   Corrupt    when it is not valid,
//   TooLarge   when the output would pass `max_total` bytes, or pass
//              `max_ratio` times the input consumed after `ratio_floor`
//              bytes (0: no ratio bound);
// `*out` then holds what was decoded before the fault.
Status InflateBounded(std::string_view in, int window_bits, size_t keep,
                      uint64_t max_total, std::string* out, uint64_t* total,
                      double max_ratio = 0, uint64_t ratio_floor = 0);

// The message of a ratio bound error (shared by both decoders).
bool OverRatio(uint64_t out, uint64_t in, double max_ratio, uint64_t floor);
Status RatioError(double max_ratio);

}  // namespace newsmill::readers

#endif  // NEWSMILL_READERS_GZIP_STREAM_H_
