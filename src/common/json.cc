#include "common/json.h"

#include <array>
#include <cstdio>

#include "common/utf8.h"

namespace newsmill::json {

namespace {

// ASCII bytes written as they are: not a control character, DEL, '"' or
// '\\'.
constexpr std::array<bool, 256> MakePlain() {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[c] = c != '"' && c != '\\';
  return t;
}
constexpr std::array<bool, 256> kPlain = MakePlain();

}  // namespace

void AppendString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // Runs of plain ASCII in one append (byte by byte, this was ~3 % of a
    // text-only run).
    size_t run = i;
    while (run < s.size() && kPlain[static_cast<unsigned char>(s[run])]) ++run;
    if (run > i) {
      out->append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
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
