#include "common/json.h"

#include <cstdio>

#include "common/utf8.h"

namespace newsmill::json {

void AppendString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t start = i;
      const char32_t cp = utf8::Next(s, &i);
      if (cp == utf8::kReplacement && i - start != 3) {
        out->append("\\ufffd");  // an invalid byte never reaches the output
      } else if (cp == 0x2028 || cp == 0x2029) {
        out->append(cp == 0x2028 ? "\\u2028" : "\\u2029");
      } else {
        out->append(s.substr(start, i - start));
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

}  // namespace newsmill::json
