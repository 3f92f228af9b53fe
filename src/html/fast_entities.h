// Character references for newsmill's own HTML parser (internal header):
// named ones from the full HTML5 table, numeric ones with the HTML5
// remapping rules.
#ifndef NEWSMILL_HTML_FAST_ENTITIES_H_
#define NEWSMILL_HTML_FAST_ENTITIES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsmill::html {

// Decodes the character reference at the start of `s` (s[0] == '&') and
// appends its UTF-8 to `out`. Returns how many bytes of `s` it consumed, or
// 0 when `s` does not start with a reference (the '&' is then literal
// text). In attribute values a legacy name without ';' that is followed by
// '=' or an alphanumeric is not a reference (HTML5, for URLs like
// "?a=1&copy=2").
size_t DecodeCharRef(std::string_view s, bool in_attribute, std::string* out);

// Appends code point `cp` as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out);

}  // namespace newsmill::html

#endif  // NEWSMILL_HTML_FAST_ENTITIES_H_
