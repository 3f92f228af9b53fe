// Readers: turn input paths (files, directories, WARC, JSON Lines, text,
// stdin) into a stream of Documents.
//
// Contract: every input document yields exactly one Document passed to the
// sink, in input order. A document that cannot be read is still passed, with
// `error` set (a truncated WARC gives the records before the cut and then one
// Document with an error). Only an input that cannot be opened at all makes
// ReadInputs return a non-OK Status (after the other inputs were read).
//
// Thread safety: ReadInputs runs on the calling thread; the sink is called on
// that thread.
#ifndef NEWSMILL_READERS_H_
#define NEWSMILL_READERS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/document.h"
#include "newsmill/status.h"

namespace newsmill {

enum class InputFormat : uint8_t {
  kAuto,   // by file name; stdin and unknown names are sniffed
  kHtml,   // .html .htm (.html.gz, .htm.gz)
  kWarc,   // .warc .warc.gz
  kJsonl,  // .jsonl .jsonl.gz: {"id","url"?,"html"} or {"id","text"}
  kText,   // .txt: text already scraped from a page
};

// "auto", "html", "warc", "jsonl", "text" (also "txt"). Returns false when the
// name is unknown.
bool ParseInputFormat(std::string_view name, InputFormat* format);

// The format a path's name implies (kAuto when it implies none).
InputFormat FormatFromPath(std::string_view path);

struct ReaderOptions {
  // Input format for every path; kAuto picks one per file name.
  InputFormat format = InputFormat::kAuto;
  // Documents larger than this are cut to it and warned about (64 MiB).
  size_t max_document_bytes = size_t{64} << 20;
  // Decompressed gzip output larger than this is an error (4 GiB): a bound
  // against gzip bombs in one input file.
  size_t max_decompressed_bytes = size_t{4} << 30;
  // A gzip member (a .gz file, one member of a .warc.gz, or an HTTP body
  // with Content-Encoding) that inflates to more than this many times its
  // compressed size is an error (100), once it has produced more than
  // `ratio_floor_bytes` (16 MiB): repetitive text may compress far better
  // than 100:1, but no real page of that size does, and a bomb is caught
  // after 16 MiB instead of after max_decompressed_bytes. 0 turns the
  // bound off.
  double max_decompression_ratio = 100;
  size_t ratio_floor_bytes = size_t{16} << 20;
};

// Called once per document. Returning false stops reading early.
using DocumentSink = std::function<bool(Document&&)>;

// Reads each path ("-" is stdin) in order; directories are walked
// recursively in sorted order, keeping the files whose names imply a format.
// Returns the first open failure (NotFound, IoError) after reading all the
// inputs that could be opened; OK otherwise.
Status ReadInputs(const std::vector<std::string>& paths,
                  const ReaderOptions& options, const DocumentSink& sink);

}  // namespace newsmill

#endif  // NEWSMILL_READERS_H_
