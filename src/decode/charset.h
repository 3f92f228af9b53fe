// Charset labels, ICU conversion and uchardet guessing (internal header).
#ifndef NEWSMILL_DECODE_CHARSET_H_
#define NEWSMILL_DECODE_CHARSET_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "newsmill/status.h"

namespace newsmill::decode {

struct Charset {
  std::string icu_name;  // what ucnv_open is given
  std::string name;      // the name reported in DecodedText::charset
  bool utf8 = false;     // decoded without ICU
  bool wide = false;     // UTF-16/UTF-32: cannot share bytes with ASCII
  // Printable ASCII, tab, LF and CR decode to themselves and no byte
  // switches state, so a pure-ASCII payload can be copied, not converted.
  bool ascii_compatible = false;
};

Charset Utf8Charset();
Charset Windows1252Charset();

// Maps a label ("latin1", "Shift_JIS", "utf8", ...) to the charset a browser
// would decode with, in the spirit of the WHATWG Encoding Standard: labels
// for ISO-8859-1 and US-ASCII mean windows-1252, GB2312/GBK mean GB18030,
// EUC-KR means windows-949. Returns nullopt for a label ICU does not know
// and for charsets no browser decodes web pages with (EBCDIC, UTF-7, HZ,
// ISO-2022 other than Japanese): a page declaring those is mislabeled.
std::optional<Charset> ResolveLabel(std::string_view label);

// Converts `bytes` from `charset` to UTF-8 with ICU. Each ill-formed or
// unmappable sequence becomes U+FFFD and is counted in *replaced.
Status ConvertToUtf8(std::string_view bytes, const Charset& charset,
                     std::string* out, size_t* replaced);

// uchardet's guess for `bytes` (only a prefix is examined), or "" when it
// has none.
std::string GuessCharsetLabel(std::string_view bytes);

}  // namespace newsmill::decode

#endif  // NEWSMILL_DECODE_CHARSET_H_
