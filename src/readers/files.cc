// Whole-file inputs (.html, .txt) and the format sniffing shared by stdin
// and files whose names say nothing.
#include "readers/files.h"

#include <cstdint>
#include <limits>
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

}  // namespace

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
