// Small UTF-8 helpers shared by the stages (internal header).
#ifndef NEWSMILL_COMMON_UTF8_H_
#define NEWSMILL_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsmill::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[*pos] and advances *pos past it. An invalid or
// truncated sequence yields kReplacement and advances one byte.
char32_t Next(std::string_view s, size_t* pos);

// Decodes the code point that ends at s[*pos - 1] and moves *pos back to its
// first byte. REQUIRES: *pos > 0 and s is valid UTF-8.
char32_t Prev(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void Append(char32_t cp, std::string* out);

// True when `s` is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValid(std::string_view s);

// Number of code points in valid UTF-8 `s`.
size_t CountCodePoints(std::string_view s);

// A Chinese character or Japanese kana: scripts written without spaces
// between words (the statements tokenizer makes each one a token; text
// extraction counts two as a word).
inline bool IsHanOrKana(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF66 && c <= 0xFF9F);
}

}  // namespace newsmill::utf8

#endif  // NEWSMILL_COMMON_UTF8_H_
