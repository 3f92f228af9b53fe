// Document: one input page as the readers found it, before decoding.
//
// Readers make Documents; the pipeline numbers them, hands them to workers
// and writes exactly one output record for each, in `seq` order.
#ifndef NEWSMILL_DOCUMENT_H_
#define NEWSMILL_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newsmill {

// What the payload is: markup to parse, or text that was already scraped.
enum class PayloadKind : uint8_t { kHtml, kText };

struct Document {
  uint64_t seq = 0;        // position in the input stream, set by the pipeline
  std::string id;          // WARC-Record-ID, JSONL "id", or the file path
  std::string url;         // empty when unknown
  std::string origin;      // where it was read: "path", "path@offset", "path:line"
  PayloadKind kind = PayloadKind::kHtml;
  std::string bytes;       // the raw payload (HTML or text), not yet decoded
  std::string charset;     // charset declared outside the payload (HTTP
                           // Content-Type, JSON = "utf-8"); empty if none
  std::string error;       // non-empty: the reader could not read this
                           // document; the record carries only this error
  std::vector<std::string> warnings;  // reader-level warnings (cut, ...)
};

}  // namespace newsmill

#endif  // NEWSMILL_DOCUMENT_H_
