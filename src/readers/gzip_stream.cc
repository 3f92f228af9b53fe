#include "readers/gzip_stream.h"

#include <algorithm>
#include <climits>
#include <string>

namespace newsmill::readers {
namespace {

constexpr size_t kInputChunk = size_t{64} << 10;
// zlib counts in uInt; feed big buffers in slices it can take.
constexpr size_t kMaxZlibSlice = size_t{1} << 30;

std::string ZlibMessage(const z_stream& zs, int rc) {
  if (zs.msg != nullptr) return zs.msg;
  return "zlib error " + std::to_string(rc);
}

}  // namespace

bool HasGzipMagic(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

bool OverRatio(uint64_t out, uint64_t in, double max_ratio, uint64_t floor) {
  return max_ratio > 0 && out > floor &&
         static_cast<double>(out) > max_ratio * static_cast<double>(in);
}

Status RatioError(double max_ratio) {
  return Status::TooLarge("decompressed size exceeds " +
                          std::to_string(static_cast<long long>(max_ratio)) +
                          " times the compressed size (max_decompression_ratio)");
}

GzipSource::GzipSource(ByteSource* compressed, uint64_t max_output,
                       double max_ratio, uint64_t ratio_floor)
    : in_(compressed),
      max_output_(max_output),
      max_ratio_(max_ratio),
      ratio_floor_(ratio_floor),
      inbuf_(kInputChunk) {
  // 15+32: accept gzip (and zlib) headers, the largest window.
  if (inflateInit2(&zs_, 15 + 32) == Z_OK) {
    zs_ready_ = true;
  } else {
    error_ = Status::IoError("cannot initialise zlib");
  }
}

GzipSource::~GzipSource() {
  if (zs_ready_) inflateEnd(&zs_);
}

bool GzipSource::Refill() {
  Result<size_t> got =
      in_->Read(reinterpret_cast<char*>(inbuf_.data()), inbuf_.size());
  if (!got.ok()) {
    error_ = got.status();
    return false;
  }
  if (got.value() == 0) {
    in_eof_ = true;
    return false;
  }
  zs_.next_in = inbuf_.data();
  zs_.avail_in = static_cast<uInt>(got.value());
  in_total_ += got.value();
  return true;
}

size_t GzipSource::InflateSome(char* buf, size_t n) {
  zs_.next_out = reinterpret_cast<Bytef*>(buf);
  zs_.avail_out = static_cast<uInt>(std::min(n, kMaxZlibSlice));
  uInt before = zs_.avail_out;
  in_member_ = true;
  int rc = inflate(&zs_, Z_NO_FLUSH);
  size_t produced = before - zs_.avail_out;
  member_out_ += produced;
  // Checked per member: a bomb among ordinary records of a .warc.gz is
  // diluted in the ratio of the whole file, not in its own. When the size
  // bound trips in the same call, Read reports that one instead.
  if (out_total_ + produced <= max_output_ &&
      OverRatio(member_out_, compressed_offset() - member_in_start_, max_ratio_,
                ratio_floor_)) {
    error_ = RatioError(max_ratio_);
    return 0;
  }
  if (rc == Z_STREAM_END) {
    // A member ended; more input means another member follows.
    inflateReset(&zs_);
    in_member_ = false;
    member_in_start_ = compressed_offset();
    member_out_ = 0;
  } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
    error_ = Status::Corrupt("corrupt gzip stream at compressed offset " +
                             std::to_string(compressed_offset()) + ": " +
                             ZlibMessage(zs_, rc));
  }
  return produced;
}

Result<size_t> GzipSource::Read(char* buf, size_t n) {
  if (!error_.ok()) return error_;
  size_t produced = 0;
  while (produced == 0 && n > 0 && error_.ok() && !done_) {
    if (zs_.avail_in == 0 && !Refill()) {
      if (!error_.ok()) break;
      if (in_member_) {
        error_ =
            Status::Truncated("truncated gzip stream at compressed offset " +
                              std::to_string(in_total_));
      } else {
        done_ = true;
      }
      break;
    }
    produced = InflateSome(buf, n);
  }
  if (produced > 0) {
    // Bytes over the budget are dropped; the error comes with the next read.
    uint64_t room = max_output_ - std::min(max_output_, out_total_);
    if (produced > room) {
      error_ = Status::TooLarge("decompressed size exceeds " +
                                std::to_string(max_output_) +
                                " bytes (max_decompressed_bytes)");
      produced = static_cast<size_t>(room);
    }
    out_total_ += produced;
    if (produced > 0) return produced;
  }
  if (!error_.ok()) return error_;
  return size_t{0};
}

Status InflateBounded(std::string_view in, int window_bits, size_t keep,
                      uint64_t max_total, std::string* out, uint64_t* total,
                      double max_ratio, uint64_t ratio_floor) {
  *total = 0;
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    return Status::IoError("cannot initialise zlib");
  }
  std::string chunk(kInputChunk, '\0');
  size_t fed = 0;
  Status status;
  for (;;) {
    if (zs.avail_in == 0 && fed < in.size()) {
      size_t slice = std::min(in.size() - fed, kMaxZlibSlice);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
      zs.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }
    zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
    zs.avail_out = static_cast<uInt>(chunk.size());
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = chunk.size() - zs.avail_out;
    *total += produced;
    if (out->size() < keep) {
      out->append(chunk.data(), std::min(produced, keep - out->size()));
    }
    if (*total > max_total) {
      status = Status::TooLarge("decompressed payload exceeds " +
                                std::to_string(max_total) +
                                " bytes (max_decompressed_bytes)");
      break;
    }
    if (OverRatio(*total, fed - zs.avail_in, max_ratio, ratio_floor)) {
      status = RatioError(max_ratio);
      break;
    }
    if (rc == Z_STREAM_END) break;
    if (rc == Z_BUF_ERROR ||
        (rc == Z_OK && zs.avail_in == 0 && fed == in.size() && produced == 0)) {
      if (zs.avail_in == 0 && fed == in.size()) {
        status = Status::Truncated("compressed payload ends early");
        break;
      }
      continue;
    }
    if (rc != Z_OK) {
      status = Status::Corrupt("compressed payload is corrupt: " +
                               ZlibMessage(zs, rc));
      break;
    }
  }
  inflateEnd(&zs);
  return status;
}

}  // namespace newsmill::readers
