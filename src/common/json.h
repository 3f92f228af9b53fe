// Writing JSON strings (internal header).
#ifndef NEWSMILL_COMMON_JSON_H_
#define NEWSMILL_COMMON_JSON_H_

#include <string>
#include <string_view>

namespace newsmill::json {

// Appends `s` as a quoted JSON string. Invalid UTF-8 becomes \ufffd, and
// control characters, U+2028 and U+2029 are escaped, so the output is
// always valid JSON on one line.
void AppendString(std::string_view s, std::string* out);

}  // namespace newsmill::json

#endif  // NEWSMILL_COMMON_JSON_H_
