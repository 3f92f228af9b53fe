// The per-format readers. Each reads one decompressed stream and emits its
// Documents through the context's Emitter; none returns an error, since a
// bad input becomes an error Document.
#ifndef NEWSMILL_READERS_FORMATS_H_
#define NEWSMILL_READERS_FORMATS_H_

#include "newsmill/document.h"
#include "readers/byte_source.h"
#include "readers/context.h"

namespace newsmill::readers {

// WARC 1.0/1.1: one Document per response record with an HTML payload.
// Document.origin is "path@offset", the offset of the record's first byte in
// the decompressed stream.
void ReadWarc(BufferedReader* in, const ReadContext& ctx);

// JSON Lines: one Document per non-blank line; origin "path:line".
void ReadJsonl(BufferedReader* in, const ReadContext& ctx);

// The whole stream as one Document (HTML or text); origin is the path.
void ReadWhole(BufferedReader* in, PayloadKind kind, const ReadContext& ctx);

}  // namespace newsmill::readers

#endif  // NEWSMILL_READERS_FORMATS_H_
