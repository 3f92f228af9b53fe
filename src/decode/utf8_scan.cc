#include "decode/utf8_scan.h"

#include <cstdint>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "newsmill/decode.h"

namespace newsmill::decode {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// True when the eight bytes at p are all ASCII.
bool AsciiWord(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  return (word & kHighBits) == 0;
}

}  // namespace

size_t SequenceLength(std::string_view s, size_t i, size_t* bad) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  // The allowed range of the second byte depends on the lead byte; this is
  // what rules out overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
  size_t trail;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    trail = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    trail = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    trail = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    *bad = 1;  // C0, C1, F5..FF, or a lone continuation byte
    return 0;
  }
  size_t k = 1;
  for (; k <= trail && i + k < s.size(); ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < lo || b > hi) break;
    lo = 0x80;
    hi = 0xBF;
  }
  if (k > trail) return trail + 1;
  *bad = k;
  return 0;
}

Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan scan;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen ASCII bytes at a time where SSE2 is there (every x86-64):
    // pages are mostly ASCII, and this scan runs over every byte of them.
    while (i + 16 <= n &&
           _mm_movemask_epi8(_mm_loadu_si128(
               reinterpret_cast<const __m128i*>(s.data() + i))) == 0) {
      i += 16;
    }
    if (i == n) break;
#endif
    if (i + 8 <= n && AsciiWord(s.data() + i)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    scan.ascii = false;
    size_t bad = 0;
    const size_t len = SequenceLength(s, i, &bad);
    if (len == 0) {
      scan.valid = false;
      ++scan.ill_formed;
      i += bad;
      continue;
    }
    ++scan.multibyte;
    i += len;
  }
  return scan;
}

}  // namespace newsmill::decode

namespace newsmill {

size_t RepairUtf8(std::string_view in, std::string* out) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  out->clear();
  out->reserve(in.size() + 16);
  size_t replaced = 0;
  size_t run_start = 0;  // start of the pending run of good bytes
  size_t i = 0;
  while (i < in.size()) {
    size_t bad = 0;
    const size_t len = decode::SequenceLength(in, i, &bad);
    if (len > 0) {
      i += len;
      continue;
    }
    out->append(in.substr(run_start, i - run_start));
    out->append(kReplacement);
    ++replaced;
    i += bad;
    run_start = i;
  }
  out->append(in.substr(run_start));
  return replaced;
}

}  // namespace newsmill
