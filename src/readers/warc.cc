// WARC 1.0 / 1.1 reader.
//
// A record is a "WARC/1.x" version line, header lines, an empty line,
// Content-Length bytes of block, then CRLF CRLF. Records are read one at a
// time from a stream: only the block of an HTTP response record is held
// (bounded by max_document_bytes plus room for the HTTP head); every other
// block is skipped without being kept.
//
// Offsets (in origins and messages) count bytes of the decompressed stream,
// since that is what this reader sees; for a plain .warc that is the file
// offset.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "readers/formats.h"
#include "readers/http.h"

namespace newsmill::readers {
namespace {

constexpr size_t kMaxHeaderLine = size_t{64} << 10;
constexpr size_t kMaxHeaderBytes = size_t{1} << 20;
// Room for the HTTP status line and headers on top of the payload limit.
constexpr size_t kHttpHeadRoom = size_t{1} << 20;

struct WarcHeader {
  uint64_t offset = 0;  // of the version line in the decompressed stream
  std::string type;
  std::string record_id;
  std::string target_uri;
  std::string content_type;
  std::string length_text;  // Content-Length as written
  uint64_t content_length = 0;
};

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool ParseLength(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 18) return false;  // < 10^18: no overflow
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// True for a response record whose block is an HTTP response.
bool IsHttpResponse(const WarcHeader& h) {
  if (AsciiLower(h.type) != "response") return false;
  if (h.content_type.empty()) return true;  // the block will tell
  if (MediaType(h.content_type) != "application/http") return false;
  std::string msgtype = AsciiLower(ContentTypeParam(h.content_type, "msgtype"));
  return msgtype.empty() || msgtype == "response";
}

class WarcReader {
 public:
  WarcReader(BufferedReader* in, const ReadContext& ctx) : in_(in), ctx_(ctx) {}

  void Run() {
    while (!ctx_.emitter->stopped()) {
      WarcHeader h;
      if (!FindVersionLine(&h.offset)) return;
      Next next = ReadFields(&h);
      if (next == Next::kStop) return;
      if (next == Next::kRecord && !ReadBlock(h)) return;
    }
  }

 private:
  enum class Next { kRecord, kResync, kStop };

  std::string Origin(uint64_t offset) const {
    return ctx_.path + "@" + std::to_string(offset);
  }
  std::string IdOrPath(const WarcHeader& h) const {
    return h.record_id.empty() ? ctx_.path : h.record_id;
  }
  std::string Describe(const WarcHeader& h) const {
    return (h.record_id.empty() ? std::string() : h.record_id + " ") +
           "at offset " + std::to_string(h.offset);
  }

  // Emits an error Document; false when the sink asked to stop.
  bool Error(std::string id, uint64_t offset, std::string message) {
    return ctx_.emitter->Emit(
        ErrorDocument(std::move(id), Origin(offset), std::move(message)));
  }

  // Reports a malformed header and scans on for the next record.
  Next Garbage(const WarcHeader& h, std::string message) {
    resyncing_ = true;
    return Error(IdOrPath(h), h.offset, std::move(message)) ? Next::kResync
                                                            : Next::kStop;
  }

  // Skips blank lines to the next "WARC/1." line. Anything else is reported
  // once, then skipped until a version line starts a line again. False at
  // the end of the input, on a read error (reported) or when stopped.
  bool FindVersionLine(uint64_t* offset) {
    for (;;) {
      uint64_t start = in_->offset();
      LineInfo info;
      Status s = in_->ReadLine(kMaxHeaderLine, &line_, &info);
      if (!s.ok()) {
        Error(ctx_.path, start, s.message());
        return false;
      }
      if (info.eof) return false;
      if (!info.too_long && line_.starts_with("WARC/1.")) {
        resyncing_ = false;
        *offset = start;
        return true;
      }
      if (resyncing_ || (!info.too_long && IsBlank(line_))) continue;
      resyncing_ = true;
      if (!Error(ctx_.path, start,
                 "garbage where a WARC record header should be at offset " +
                     std::to_string(start))) {
        return false;
      }
    }
  }

  // Reads the header lines after the version line.
  Next ReadFields(WarcHeader* h) {
    size_t total = 0;
    std::string* last = nullptr;  // value a folded line continues
    for (;;) {
      LineInfo info;
      Status s = in_->ReadLine(kMaxHeaderLine, &line_, &info);
      if (!s.ok()) {
        Error(IdOrPath(*h), h->offset, s.message());
        return Next::kStop;
      }
      if (info.eof) {
        Error(IdOrPath(*h), h->offset,
              "truncated WARC record " + Describe(*h) +
                  ": the input ends inside its header");
        return Next::kStop;
      }
      total += info.length;
      if (info.too_long || total > kMaxHeaderBytes) {
        return Garbage(*h,
                       "WARC record header " + Describe(*h) + " is too long");
      }
      if (line_.empty()) break;
      if (line_[0] == ' ' || line_[0] == '\t') {
        if (last) last->append(" ").append(TrimSpace(line_));
        continue;
      }
      size_t colon = line_.find(':');
      if (colon == std::string::npos) {
        return Garbage(
            *h, "malformed WARC header line in the record " + Describe(*h));
      }
      last = Field(h, AsciiLower(TrimSpace(line_.substr(0, colon))),
                   TrimSpace(std::string_view(line_).substr(colon + 1)));
    }
    if (!ParseLength(h->length_text, &h->content_length)) {
      return Garbage(
          *h, "WARC record " + Describe(*h) + " has no valid Content-Length");
    }
    return Next::kRecord;
  }

  // Stores a header field the reader needs; returns where its value is.
  std::string* Field(WarcHeader* h, const std::string& name,
                     std::string_view value) {
    std::string* slot = nullptr;
    if (name == "warc-type") {
      slot = &h->type;
    } else if (name == "warc-record-id") {
      slot = &h->record_id;
    } else if (name == "warc-target-uri") {
      slot = &h->target_uri;
    } else if (name == "content-type") {
      slot = &h->content_type;
    } else if (name == "content-length") {
      slot = &h->length_text;
    } else {
      return nullptr;
    }
    *slot = std::string(value);
    return slot;
  }

  // Reads or skips the block. False when reading must stop.
  bool ReadBlock(const WarcHeader& h) {
    bool wanted = IsHttpResponse(h);
    uint64_t keep = wanted
                        ? std::min<uint64_t>(
                              h.content_length,
                              ctx_.options->max_document_bytes + kHttpHeadRoom)
                        : 0;
    std::string block;
    size_t got = 0;
    uint64_t skipped = 0;
    Status s = in_->ReadBytes(static_cast<size_t>(keep), &block, &got);
    if (s.ok() && got == keep) s = in_->Skip(h.content_length - keep, &skipped);
    if (!s.ok()) {
      Error(IdOrPath(h), h.offset, s.message());
      return false;
    }
    if (got + skipped < h.content_length) {
      Error(IdOrPath(h), h.offset,
            "truncated WARC record " + Describe(h) + ": Content-Length " +
                std::to_string(h.content_length) +
                " but the input ends after " + std::to_string(got + skipped) +
                " bytes");
      return false;
    }
    if (!wanted) return true;
    return EmitPayload(h,
                       ReadHttpPayload(block, h.content_length, *ctx_.options));
  }

  bool EmitPayload(const WarcHeader& h, HttpPayload payload) {
    if (!payload.is_html && payload.error.empty()) return true;
    Document doc;
    doc.id = h.record_id.empty() ? Origin(h.offset) : h.record_id;
    doc.url = h.target_uri;
    doc.origin = Origin(h.offset);
    doc.kind = PayloadKind::kHtml;
    if (!payload.error.empty()) {
      doc.error = std::move(payload.error);
    } else {
      doc.bytes = std::move(payload.bytes);
      doc.charset = std::move(payload.charset);
      doc.warnings = std::move(payload.warnings);
    }
    return ctx_.emitter->Emit(std::move(doc));
  }

  BufferedReader* in_;
  const ReadContext& ctx_;
  bool resyncing_ = false;
  std::string line_;
};

}  // namespace

void ReadWarc(BufferedReader* in, const ReadContext& ctx) {
  WarcReader(in, ctx).Run();
}

}  // namespace newsmill::readers
