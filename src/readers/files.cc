// Whole-file inputs (.html, .txt) and the format sniffing shared by stdin
// and files whose names say nothing.
#include "readers/files.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "readers/formats.h"
#include "readers/gzip_stream.h"

namespace newsmill::readers {
namespace {

// Enough of the start of a stream to tell the formats apart.
constexpr size_t kSniffBytes = 4096;

void ReadDecompressed(BufferedReader* in, InputFormat format,
                      const ReadContext& ctx) {
  if (format == InputFormat::kAuto) {
    Result<std::string_view> head = in->Peek(kSniffBytes);
    if (!head.ok()) {
      ctx.emitter->Emit(
          ErrorDocument(ctx.path, ctx.path, head.status().message()));
      return;
    }
    format = SniffFormat(head.value());
  }
  switch (format) {
    case InputFormat::kWarc:
      ReadWarc(in, ctx);
      break;
    case InputFormat::kJsonl:
      ReadJsonl(in, ctx);
      break;
    case InputFormat::kText:
      ReadWhole(in, PayloadKind::kText, ctx);
      break;
    case InputFormat::kHtml:
    case InputFormat::kAuto:
      ReadWhole(in, PayloadKind::kHtml, ctx);
      break;
  }
}

// The whole-file path (ReadFileStream). Inflating .html.gz pages was ~21 %
// of a text-only run with zlib's streaming inflate (perf, 181 aeb pages);
// libdeflate, which inflates a whole buffer in one call, does it in well
// under half the time. Both buffers are bounded: the file by
// kMaxWholeFile, the output by InflateCap.
constexpr uint64_t kMaxWholeFile = uint64_t{16} << 20;
constexpr size_t kMaxInflated = size_t{64} << 20;

struct FreeDecompressor {
  void operator()(libdeflate_decompressor* d) const {
    libdeflate_free_decompressor(d);
  }
};

// One per reading thread, made on first use.
libdeflate_decompressor* ThreadDecompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, FreeDecompressor> d(
      libdeflate_alloc_decompressor());
  return d.get();
}

uint32_t LittleEndian32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return uint32_t{u[0]} | uint32_t{u[1]} << 8 | uint32_t{u[2]} << 16 |
         uint32_t{u[3]} << 24;
}

// The most the fast path inflates. Within it the streaming decoder's bounds
// cannot trip: no more than max_decompressed_bytes, no member past the
// ratio floor (the ratio bound only applies beyond it), no cut at
// max_document_bytes.
size_t InflateCap(const ReaderOptions& options) {
  size_t cap = std::min({kMaxInflated, options.max_document_bytes,
                         options.max_decompressed_bytes});
  if (options.max_decompression_ratio > 0) {
    cap = std::min(cap, options.ratio_floor_bytes);
  }
  return cap;
}

// Hands the file to ReadStream, its first bytes (`head`) replayed.
void ReadReplayed(std::string head, FdSource* file, InputFormat format,
                  const ReadContext& ctx) {
  ReplaySource replay(std::move(head), file);
  ReadStream(&replay, format, ctx);
}

}  // namespace

bool InflateWholeGzip(std::string_view in, size_t cap, std::string* out) {
  out->clear();
  libdeflate_decompressor* d = ThreadDecompressor();
  if (d == nullptr) return false;
  // The last member's ISIZE (its size mod 2^32) is exact for the usual
  // one-member file; it is only a first guess at the room needed.
  size_t room = in.size() >= 4 ? LittleEndian32(in.data() + in.size() - 4) : 0;
  room = std::min(cap, std::max<size_t>(room, 4096));
  out->resize(room);
  size_t pos = 0, used = 0;
  bool ok = true;
  while (ok && pos < in.size()) {
    // FLG.FHCRC: zlib checks a header CRC, libdeflate does not.
    if (in.size() - pos > 3 && (static_cast<unsigned char>(in[pos + 3]) & 0x02)) {
      ok = false;
      break;
    }
    size_t in_used = 0, out_used = 0;
    const libdeflate_result r = libdeflate_gzip_decompress_ex(
        d, in.data() + pos, in.size() - pos, out->data() + used,
        out->size() - used, &in_used, &out_used);
    if (r == LIBDEFLATE_INSUFFICIENT_SPACE && out->size() < cap) {
      out->resize(out->size() > cap / 2 ? cap : out->size() * 2);
      continue;  // this member again, with more room
    }
    ok = r == LIBDEFLATE_SUCCESS;
    pos += in_used;
    used += out_used;
  }
  if (!ok) {
    std::string().swap(*out);
    return false;
  }
  out->resize(used);
  return true;
}

void ReadFileStream(FdSource* file, int64_t size, InputFormat format,
                    const ReadContext& ctx) {
  if (size < 0 || static_cast<uint64_t>(size) > kMaxWholeFile ||
      format == InputFormat::kWarc || format == InputFormat::kJsonl) {
    ReadStream(file, format, ctx);  // streams, with flat memory
    return;
  }
  // One byte more than the size, to see the end in the same read.
  std::string raw(static_cast<size_t>(size) + 1, '\0');
  size_t got = 0;
  bool whole = false;
  while (true) {
    if (got == raw.size()) {
      if (raw.size() > kMaxWholeFile) break;  // it grew: stream it
      raw.resize(std::min<size_t>(raw.size() * 2, kMaxWholeFile + 1));
    }
    Result<size_t> n = file->Read(raw.data() + got, raw.size() - got);
    if (!n.ok()) break;  // the error is sticky: it comes after the replay
    if (n.value() == 0) {
      whole = true;
      break;
    }
    got += n.value();
  }
  raw.resize(got);
  if (!whole) {
    ReadReplayed(std::move(raw), file, format, ctx);
    return;
  }
  std::string inflated;
  const bool gzip = HasGzipMagic(raw);
  if (gzip && !InflateWholeGzip(raw, InflateCap(*ctx.options), &inflated)) {
    ReadReplayed(std::move(raw), file, format, ctx);
    return;
  }
  std::string& bytes = gzip ? inflated : raw;
  if (format == InputFormat::kAuto) {
    format = SniffFormat(std::string_view(bytes).substr(0, kSniffBytes));
  }
  if (format == InputFormat::kWarc || format == InputFormat::kJsonl ||
      bytes.size() > ctx.options->max_document_bytes) {
    std::string().swap(inflated);
    ReadReplayed(std::move(raw), file, format, ctx);
    return;
  }
  // What ReadWhole makes of the same bytes.
  Document doc;
  doc.id = ctx.path;
  doc.origin = ctx.path;
  doc.kind = format == InputFormat::kText ? PayloadKind::kText : PayloadKind::kHtml;
  doc.bytes = std::move(bytes);
  ctx.emitter->Emit(std::move(doc));
}

InputFormat SniffFormat(std::string_view head) {
  if (head.starts_with("WARC/")) return InputFormat::kWarc;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return InputFormat::kText;
  if (head[first] == '{') return InputFormat::kJsonl;
  if (head[first] == '<') return InputFormat::kHtml;
  return InputFormat::kText;
}

void ReadStream(ByteSource* raw, InputFormat format, const ReadContext& ctx) {
  BufferedReader reader(raw);
  // Compressed or not is told by the bytes, whatever the name says.
  Result<std::string_view> magic = reader.Peek(2);
  if (!magic.ok()) {
    ctx.emitter->Emit(
        ErrorDocument(ctx.path, ctx.path, magic.status().message()));
    return;
  }
  if (!HasGzipMagic(magic.value())) {
    ReadDecompressed(&reader, format, ctx);
    return;
  }
  GzipSource gzip(&reader, ctx.options->max_decompressed_bytes,
                  ctx.options->max_decompression_ratio,
                  ctx.options->ratio_floor_bytes);
  BufferedReader unzipped(&gzip);
  ReadDecompressed(&unzipped, format, ctx);
}

void ReadWhole(BufferedReader* in, PayloadKind kind, const ReadContext& ctx) {
  Document doc;
  doc.id = ctx.path;
  doc.origin = ctx.path;
  doc.kind = kind;
  size_t max = ctx.options->max_document_bytes;
  size_t got = 0;
  uint64_t rest = 0;
  Status s = in->ReadBytes(max, &doc.bytes, &got);
  // Read on past the limit only to say how large the document was.
  if (s.ok() && got == max) {
    s = in->Skip(std::numeric_limits<uint64_t>::max(), &rest);
  }
  if (!s.ok()) {
    ctx.emitter->Emit(ErrorDocument(ctx.path, ctx.path, s.message()));
    return;
  }
  if (rest > 0) {
    doc.warnings.push_back("document cut at " + std::to_string(max) +
                           " bytes (was " + std::to_string(max + rest) + ")");
  }
  ctx.emitter->Emit(std::move(doc));
}

}  // namespace newsmill::readers
