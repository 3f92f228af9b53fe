// Entry points below ReadInputs: one opened stream, read in a given format.
#ifndef NEWSMILL_READERS_FILES_H_
#define NEWSMILL_READERS_FILES_H_

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

}  // namespace newsmill::readers

#endif  // NEWSMILL_READERS_FILES_H_
