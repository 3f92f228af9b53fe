// Looking at raw bytes before any charset is known: byte order marks,
// UTF-16 without a BOM, and binary content (internal header).
#ifndef NEWSMILL_DECODE_CONTENT_SNIFF_H_
#define NEWSMILL_DECODE_CONTENT_SNIFF_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsmill::decode {

// Binary and UTF-16 checks look only at this many leading bytes.
inline constexpr size_t kSniffBytes = 8 * 1024;

struct Bom {
  std::string_view label;  // "" when there is no byte order mark
  size_t length = 0;
};

// The byte order mark at the start of `bytes` (UTF-32 is checked before
// UTF-16 because FF FE 00 00 starts with the UTF-16LE mark).
Bom DetectBom(std::string_view bytes);

// "UTF-16LE" or "UTF-16BE" when the sample has the NUL-in-every-other-byte
// pattern of mostly-ASCII UTF-16 text; "" otherwise.
std::string_view DetectBomlessUtf16(std::string_view bytes);

// The magic number of a known binary format at the start ("PNG image"),
// or "".
std::string_view DetectBinaryMagic(std::string_view bytes);

// Why the leading bytes look binary (too many NUL or control bytes for any
// text), or "" when they look like text.
std::string DescribeBinaryBytes(std::string_view bytes);

}  // namespace newsmill::decode

#endif  // NEWSMILL_DECODE_CONTENT_SNIFF_H_
