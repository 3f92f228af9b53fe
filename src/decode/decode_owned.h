// DecodeToUtf8 for a caller that gives up its bytes (internal header).
#ifndef NEWSMILL_DECODE_DECODE_OWNED_H_
#define NEWSMILL_DECODE_DECODE_OWNED_H_

#include <string>
#include <string_view>

#include "newsmill/decode.h"

namespace newsmill::decode {

// DecodeToUtf8(*bytes, ...), the same result, but when the bytes are kept
// as they are (valid UTF-8, or ASCII in an ASCII-compatible charset: most
// pages) they are moved out of `*bytes` instead of copied; `*bytes` is then
// left valid but unspecified.
Result<DecodedText> DecodeOwnedToUtf8(std::string* bytes,
                                      std::string_view declared_charset,
                                      PayloadKind kind);

}  // namespace newsmill::decode

#endif  // NEWSMILL_DECODE_DECODE_OWNED_H_
