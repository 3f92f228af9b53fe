// UTF-8 validation and repair used by the decode stage (internal header).
#ifndef NEWSMILL_DECODE_UTF8_SCAN_H_
#define NEWSMILL_DECODE_UTF8_SCAN_H_

#include <cstddef>
#include <string_view>

namespace newsmill::decode {

struct Utf8Scan {
  bool valid = true;  // no ill-formed sequence anywhere
  bool ascii = true;  // no byte >= 0x80 (implies valid)
  size_t multibyte = 0;  // well-formed sequences of two bytes or more
  size_t ill_formed = 0;  // ill-formed subparts (each one U+FFFD)

  // Mostly UTF-8 with a few broken sequences (a truncated or spliced page)
  // rather than text in a legacy charset, where almost no byte >= 0x80
  // happens to form a well-formed UTF-8 sequence.
  bool MostlyUtf8() const { return multibyte >= 2 && multibyte >= 4 * ill_formed; }
};

// One pass over `s`. Runs of ASCII are skipped eight bytes at a time because
// this is the whole cost of the common "valid UTF-8" fast path.
Utf8Scan ScanUtf8(std::string_view s);

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when it is
// ill-formed; then *bad receives the length of its maximal ill-formed
// subpart (at least 1), the unit the WHATWG decoder and ICU replace with one
// U+FFFD. REQUIRES: i < s.size().
size_t SequenceLength(std::string_view s, size_t i, size_t* bad);

}  // namespace newsmill::decode

#endif  // NEWSMILL_DECODE_UTF8_SCAN_H_
