// Entry points below ReadInputs: one opened stream, read in a given format.
#ifndef NEWSMILL_READERS_FILES_H_
#define NEWSMILL_READERS_FILES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "newsmill/readers.h"
#include "readers/byte_source.h"
#include "readers/context.h"

namespace newsmill::readers {

// The format the first bytes of a (decompressed) stream imply: "WARC/" is
// WARC; else, after a UTF-8 BOM and white space, '{' is JSONL, '<' is HTML,
// anything else (including nothing) is text.
InputFormat SniffFormat(std::string_view head);

// Reads a whole stream: gzip is recognised by its magic bytes and decoded;
// kAuto sniffs the format from the decoded bytes. Problems become error
// Documents.
void ReadStream(ByteSource* raw, InputFormat format, const ReadContext& ctx);

// ReadStream for an opened file; `size` is its size when it is a regular
// file (FdSource::RegularFileSize), else -1. A small HTML or text file
// (16 MiB at most) is read in one piece and, when gzip, inflated in one
// call with libdeflate; whatever that fast path would not give exactly as
// ReadStream does (an error, a cut, a bound, WARC or JSON Lines inside) is
// handed to ReadStream with the bytes read so far replayed first, so the
// Documents are the same either way.
void ReadFileStream(FdSource* file, int64_t size, InputFormat format,
                    const ReadContext& ctx);

// Inflates every gzip member of `in` into `*out` with libdeflate. False
// (and `*out` emptied) whenever the result could differ from GzipSource's:
// any error (GzipSource says which), a header CRC (zlib checks it,
// libdeflate skips it), or more than `cap` bytes of output.
bool InflateWholeGzip(std::string_view in, size_t cap, std::string* out);

}  // namespace newsmill::readers

#endif  // NEWSMILL_READERS_FILES_H_
