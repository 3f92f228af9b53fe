// Decode: raw payload bytes -> valid UTF-8.
//
// The charset is chosen in this order of trust: a byte order mark, the
// charset declared outside the payload (HTTP Content-Type), a <meta charset>
// or http-equiv declaration in the first 1024 bytes of HTML, then valid UTF-8
// as it stands, then uchardet's guess, then windows-1252. Conversion uses
// ICU. Bytes that are not valid in the chosen charset become U+FFFD and a
// warning says how many.
#ifndef NEWSMILL_DECODE_H_
#define NEWSMILL_DECODE_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsmill/document.h"
#include "newsmill/status.h"

namespace newsmill {

struct DecodedText {
  std::string utf8;      // valid UTF-8, without a byte order mark
  std::string charset;   // the charset used, canonical name ("UTF-8", ...)
  std::vector<std::string> warnings;
};

// Returns Unsupported for binary content (NUL bytes or control bytes that no
// text charset explains) and InvalidArgument for an empty payload.
//
// Details: labels are read as browsers read them (WHATWG Encoding
// Standard): "iso-8859-1", "latin1" and "us-ascii" decode as windows-1252,
// GB2312/GBK as GB18030; an unknown label is skipped with a warning. A
// declared legacy charset loses to bytes that are valid UTF-8 with
// non-ASCII characters (warning). A declared UTF-8 that is not valid is
// repaired (warning "N invalid UTF-8 sequences replaced"). UTF-16 without a
// BOM is recognised by its NUL pattern. A few stray NULs (at most one per
// KiB of the first 8 KiB) are tolerated; NULs are dropped from the output.
// Valid UTF-8 with UTF-8 or nothing declared is validated and copied, never
// converted. Thread-safe.
Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                 std::string_view declared_charset,
                                 PayloadKind kind);

// The charset an HTML prescan finds in the first 1024 bytes (<meta charset>,
// <meta http-equiv="Content-Type" content="...; charset=...">), or "".
std::string SniffMetaCharset(std::string_view html);

// The charset parameter of a Content-Type header value, or "".
std::string CharsetFromContentType(std::string_view content_type);

// Replaces invalid UTF-8 sequences with U+FFFD. Returns how many were
// replaced; `out` receives the repaired text.
size_t RepairUtf8(std::string_view in, std::string* out);

}  // namespace newsmill

#endif  // NEWSMILL_DECODE_H_
