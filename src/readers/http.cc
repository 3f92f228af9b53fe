#include "readers/http.h"

#include <algorithm>
#include <cstring>

#include "readers/gzip_stream.h"

namespace newsmill::readers {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The line starting at *pos (without "\n" or "\r\n"); advances *pos past it.
// False when *pos is at the end of `text`.
bool NextLine(std::string_view text, size_t* pos, std::string_view* line) {
  if (*pos >= text.size()) return false;
  size_t nl = text.find('\n', *pos);
  size_t end = nl == std::string_view::npos ? text.size() : nl;
  *line = text.substr(*pos, end - *pos);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  *pos = nl == std::string_view::npos ? text.size() : nl + 1;
  return true;
}

// Parses one status line and its headers starting at *pos.
Status ParseHead(std::string_view block, size_t* pos, HttpResponse* resp) {
  std::string_view line;
  if (!NextLine(block, pos, &line) || !StartsWith(line, "HTTP/")) {
    return Status::Corrupt("no HTTP status line");
  }
  size_t sp = line.find(' ');
  std::string_view code =
      sp == std::string_view::npos ? "" : TrimSpace(line.substr(sp + 1));
  if (code.size() < 3 ||
      !std::all_of(code.begin(), code.begin() + 3,
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return Status::Corrupt("no status code in \"" + std::string(line) + "\"");
  }
  resp->status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  resp->headers.clear();
  while (NextLine(block, pos, &line) && !line.empty()) {
    if ((line[0] == ' ' || line[0] == '\t') && !resp->headers.empty()) {
      // Obsolete line folding: the line continues the previous value.
      // (append, not `" " + std::string(...)`: GCC 12 warns falsely on that)
      resp->headers.back().second.append(" ").append(TrimSpace(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerated, ignored
    resp->headers.emplace_back(AsciiLower(TrimSpace(line.substr(0, colon))),
                               std::string(TrimSpace(line.substr(colon + 1))));
  }
  return Status::Ok();
}

bool IsHtmlMediaType(std::string_view media) {
  return media == "text/html" || media == "application/xhtml+xml";
}

// Splits a comma-separated header value into lower-case tokens.
std::vector<std::string> Tokens(std::string_view value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string token =
        AsciiLower(TrimSpace(value.substr(start, comma - start)));
    if (!token.empty()) out.push_back(std::move(token));
    start = comma + 1;
  }
  return out;
}

// Decodes a body step by step, recording what happened in an HttpPayload.
class BodyDecoder {
 public:
  BodyDecoder(const ReaderOptions& options, bool block_cut, HttpPayload* p)
      : options_(options), block_cut_(block_cut), p_(p) {}

  bool Dechunked(std::string* body) {
    std::string out;
    switch (Dechunk(*body, &out)) {
      case DechunkResult::kOk:
        break;
      case DechunkResult::kNotChunked:
        // Some crawlers store the body de-chunked but keep the header.
        p_->warnings.push_back(
            "Transfer-Encoding is chunked but the body is not; used as is");
        return true;
      case DechunkResult::kCut:
        if (!block_cut_) p_->warnings.push_back("chunked body ends early");
        break;
    }
    *body = std::move(out);
    return true;
  }

  // Undoes one Content-Encoding. False (with p_->error) when impossible.
  bool Decoded(const std::string& coding, std::string* body) {
    if (coding == "identity") return true;
    int bits = 0;
    if (coding == "gzip" || coding == "x-gzip") {
      bits = 15 + 32;
    } else if (coding == "deflate" || coding == "x-deflate") {
      bits = 15;
    } else {
      p_->error = "unsupported Content-Encoding: " + coding;
      return false;
    }
    std::string out;
    uint64_t total = 0;
    Status s = Inflate(*body, bits, &out, &total);
    if (!s.ok() && bits == 15 && total == 0 &&
        s.code() != Status::Code::kTooLarge) {
      // "deflate" is often sent as raw deflate without the zlib wrapper.
      out.clear();
      s = Inflate(*body, -15, &out, &total);
    }
    if (s.code() == Status::Code::kTooLarge) {
      p_->error = "Content-Encoding " + coding + ": " + s.message();
      return false;
    }
    if (!s.ok() && total == 0) {
      if (bits != 15 && HasGzipMagic(*body)) {
        p_->error = "Content-Encoding " + coding + ": " + s.message();
        return false;
      }
      // Crawlers often store the body decoded but keep the header.
      p_->warnings.push_back("Content-Encoding is " + coding +
                             " but the body is not compressed; used as is");
      return true;
    }
    if (!s.ok() && !block_cut_) {
      p_->warnings.push_back("Content-Encoding " + coding + ": " + s.message() +
                             "; kept the " + std::to_string(total) +
                             " bytes decoded before");
    }
    *body = std::move(out);
    full_size_ = total;
    encoded_ = true;
    return true;
  }

  // Size the payload had before any cut, if known.
  bool full_size_known(size_t body_size, uint64_t* size) const {
    *size = encoded_ ? full_size_ : body_size;
    return !block_cut_;
  }

 private:
  Status Inflate(std::string_view in, int bits, std::string* out,
                 uint64_t* total) {
    return InflateBounded(in, bits, options_.max_document_bytes,
                          options_.max_decompressed_bytes, out, total,
                          options_.max_decompression_ratio,
                          options_.ratio_floor_bytes);
  }

  const ReaderOptions& options_;
  bool block_cut_;
  HttpPayload* p_;
  uint64_t full_size_ = 0;
  bool encoded_ = false;
};

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string MediaType(std::string_view content_type) {
  return AsciiLower(TrimSpace(content_type.substr(0, content_type.find(';'))));
}

std::string ContentTypeParam(std::string_view content_type,
                             std::string_view name) {
  size_t pos = content_type.find(';');
  while (pos != std::string_view::npos) {
    size_t next = content_type.find(';', pos + 1);
    std::string_view param = content_type.substr(
        pos + 1, next == std::string_view::npos ? next : next - pos - 1);
    size_t eq = param.find('=');
    if (eq != std::string_view::npos &&
        AsciiLower(TrimSpace(param.substr(0, eq))) == AsciiLower(name)) {
      std::string_view value = TrimSpace(param.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"') {
        size_t close = value.find('"', 1);
        value = value.substr(
            1, close == std::string_view::npos ? value.size() - 1 : close - 1);
      }
      return std::string(TrimSpace(value));
    }
    pos = next;
  }
  return "";
}

bool LooksLikeHtml(std::string_view payload) {
  if (StartsWith(payload, "\xEF\xBB\xBF")) payload.remove_prefix(3);
  size_t start = payload.find_first_not_of(" \t\r\n\f\v");
  if (start == std::string_view::npos || payload[start] != '<') return false;
  std::string head = AsciiLower(payload.substr(start, 1024));
  // An XML document (feed, sitemap) is HTML only when it is XHTML.
  if (StartsWith(head, "<?xml")) return head.find("<html") != std::string::npos;
  return true;
}

const std::string* HttpResponse::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return &value;
  }
  return nullptr;
}

Status ParseHttpResponse(std::string_view block, HttpResponse* response) {
  size_t pos = 0;
  for (;;) {
    Status s = ParseHead(block, &pos, response);
    if (!s.ok()) return s;
    bool interim = response->status >= 100 && response->status < 200;
    if (!interim || !StartsWith(block.substr(pos), "HTTP/")) break;
  }
  response->header_bytes = pos;
  response->body = block.substr(pos);
  return Status::Ok();
}

DechunkResult Dechunk(std::string_view body, std::string* out) {
  size_t pos = 0;
  bool first = true;
  std::string_view line;
  while (NextLine(body, &pos, &line)) {
    std::string_view digits = TrimSpace(line.substr(0, line.find(';')));
    uint64_t size = 0;
    bool valid = !digits.empty() && digits.size() <= 15;
    for (char c : digits) {
      int v = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (v < 0) valid = false;
      size = size * 16 + static_cast<uint64_t>(v < 0 ? 0 : v);
    }
    if (!valid) return first ? DechunkResult::kNotChunked : DechunkResult::kCut;
    first = false;
    if (size == 0) return DechunkResult::kOk;  // trailers are not needed
    if (size > body.size() - pos) {
      out->append(body.substr(pos));
      return DechunkResult::kCut;
    }
    out->append(body.substr(pos, size));
    pos += size;
    if (StartsWith(body.substr(pos), "\r\n")) {
      pos += 2;
    } else if (StartsWith(body.substr(pos), "\n")) {
      pos += 1;
    } else {
      return DechunkResult::kCut;
    }
  }
  return first ? DechunkResult::kNotChunked : DechunkResult::kCut;
}

HttpPayload ReadHttpPayload(std::string_view block, uint64_t block_size,
                            const ReaderOptions& options) {
  HttpPayload p;
  HttpResponse resp;
  Status s = ParseHttpResponse(block, &resp);
  if (!s.ok()) {
    p.error = "malformed HTTP response: " + s.message();
    return p;
  }
  const std::string* content_type = resp.Header("content-type");
  std::string media = content_type ? MediaType(*content_type) : "";
  if (!media.empty() && !IsHtmlMediaType(media)) return p;
  if (content_type) p.charset = ContentTypeParam(*content_type, "charset");

  bool block_cut = block.size() < block_size;
  BodyDecoder decoder(options, block_cut, &p);
  std::string body(resp.body);
  const std::string* te = resp.Header("transfer-encoding");
  if (te && AsciiLower(*te).find("chunked") != std::string::npos) {
    decoder.Dechunked(&body);
  }
  if (const std::string* ce = resp.Header("content-encoding")) {
    std::vector<std::string> codings = Tokens(*ce);
    // Codings are listed in the order they were applied: undo from the end.
    for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
      if (!decoder.Decoded(*it, &body)) return p;
    }
  }
  if (media.empty() && !LooksLikeHtml(body)) return HttpPayload();

  p.is_html = true;
  uint64_t full = 0;
  bool known = decoder.full_size_known(body.size(), &full);
  size_t max = options.max_document_bytes;
  if (!known || full > max || body.size() > max) {
    if (body.size() > max) body.resize(max);
    p.warnings.push_back(
        known ? "document cut at " + std::to_string(body.size()) +
                    " bytes (was " + std::to_string(full) + ")"
              : "document cut at " + std::to_string(body.size()) +
                    " bytes (the HTTP body was " +
                    std::to_string(block_size - resp.header_bytes) + ")");
  }
  p.bytes = std::move(body);
  return p;
}

}  // namespace newsmill::readers
