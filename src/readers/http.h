// HTTP responses as WARC response records store them: status line, headers,
// and a body that may still be chunked and compressed. Also the small
// Content-Type parser the readers need (kept private to this folder so the
// readers do not depend on the decode stage).
#ifndef NEWSMILL_READERS_HTTP_H_
#define NEWSMILL_READERS_HTTP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsmill/readers.h"
#include "newsmill/status.h"

namespace newsmill::readers {

// ASCII lower-casing and trimming of spaces and tabs.
std::string AsciiLower(std::string_view s);
std::string_view TrimSpace(std::string_view s);

// "text/html; charset=UTF-8" -> "text/html" (lower case, trimmed).
std::string MediaType(std::string_view content_type);

// The value of parameter `name` (matched case-insensitively) of a
// Content-Type value, unquoted and trimmed, as written; "" when absent.
std::string ContentTypeParam(std::string_view content_type,
                             std::string_view name);

// True when the start of `payload` looks like an HTML document.
bool LooksLikeHtml(std::string_view payload);

struct HttpResponse {
  int status = 0;
  // Header names in lower case, values trimmed, in order of appearance.
  std::vector<std::pair<std::string, std::string>> headers;
  size_t header_bytes = 0;  // bytes before the body
  std::string_view body;    // points into the parsed block

  // First value of header `lower_name`, or nullptr.
  const std::string* Header(std::string_view lower_name) const;
};

// Parses the status line and headers of `block`. Corrupt when the block does
// not start with an HTTP status line. A 1xx interim response followed by the
// final one is skipped.
Status ParseHttpResponse(std::string_view block, HttpResponse* response);

enum class DechunkResult { kOk, kNotChunked, kCut };

// Decodes a Transfer-Encoding: chunked body into `out`. kNotChunked: the body
// does not start with a chunk size line (`out` untouched); kCut: the chunks
// stop early or go wrong (`out` holds the chunks decoded before that).
DechunkResult Dechunk(std::string_view body, std::string* out);

// What the block of a WARC response record holds for the readers.
struct HttpPayload {
  bool is_html = false;  // false and no error: not an input document
  std::string bytes;     // de-chunked, decompressed, cut to the limit
  std::string charset;   // charset parameter of the HTTP Content-Type
  std::vector<std::string> warnings;
  std::string error;  // non-empty: the payload could not be read
};

// Turns the block of a WARC response record into its payload. `block` may be
// a prefix of the full block, which has `block_size` bytes; the payload is
// then cut. Decompression is bounded by options.max_decompressed_bytes and
// the payload by options.max_document_bytes.
HttpPayload ReadHttpPayload(std::string_view block, uint64_t block_size,
                            const ReaderOptions& options);

}  // namespace newsmill::readers

#endif  // NEWSMILL_READERS_HTTP_H_
