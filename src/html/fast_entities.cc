#include "html/fast_entities.h"

#include <algorithm>
#include <iterator>

#include "common/utf8.h"

namespace newsmill::html {
namespace {

struct NamedRef {
  std::string_view name;  // with its ';' when it has one
  std::string_view utf8;
};

constexpr NamedRef kNamedRefs[] = {
#include "html/entities_table.inc"
};

// Legacy names (those that match without ';') are at most this long.
constexpr size_t kMaxLegacyName = 6;
// And no name is longer than this (';' included).
constexpr size_t kMaxName = 32;

const NamedRef* FindNamed(std::string_view name) {
  const auto* it = std::lower_bound(
      std::begin(kNamedRefs), std::end(kNamedRefs), name,
      [](const NamedRef& r, std::string_view n) { return r.name < n; });
  return it != std::end(kNamedRefs) && it->name == name ? it : nullptr;
}

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Windows-1252 for the C1 range: what pages mean by &#150; and friends.
// Zero: no remapping (the code point stays as it is).
constexpr uint16_t kC1Remap[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

uint32_t FixCodePoint(uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0xFFFD;
  }
  if (cp >= 0x80 && cp <= 0x9F && kC1Remap[cp - 0x80] != 0) {
    return kC1Remap[cp - 0x80];
  }
  return cp;
}

// "&#..." / "&#x...". Digits are required; the ';' is optional.
size_t DecodeNumeric(std::string_view s, std::string* out) {
  size_t i = 2;
  const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  const size_t digits_begin = i;
  uint32_t cp = 0;
  for (; i < s.size(); ++i) {
    const int d =
        hex ? HexValue(s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
    if (d < 0) break;
    // Saturate: anything past U+10FFFF is invalid whatever its digits.
    cp = cp > 0x10FFFF ? cp : cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
  }
  if (i == digits_begin) return 0;
  if (i < s.size() && s[i] == ';') ++i;
  AppendUtf8(FixCodePoint(cp), out);
  return i;
}

size_t DecodeNamed(std::string_view s, bool in_attribute, std::string* out) {
  size_t run = 1;
  while (run < s.size() && run <= kMaxName && IsAlnum(s[run])) ++run;
  const size_t alnum = run - 1;
  if (alnum == 0) return 0;
  if (run < s.size() && s[run] == ';') {
    if (const NamedRef* r = FindNamed(s.substr(1, alnum + 1))) {
      out->append(r->utf8);
      return alnum + 2;
    }
  }
  // The longest legacy name that prefixes the run (they have no ';').
  for (size_t len = std::min(alnum, kMaxLegacyName); len >= 2; --len) {
    const NamedRef* r = FindNamed(s.substr(1, len));
    if (r == nullptr) continue;
    if (in_attribute && len + 1 < s.size() &&
        (s[len + 1] == '=' || IsAlnum(s[len + 1]))) {
      return 0;
    }
    out->append(r->utf8);
    return len + 1;
  }
  return 0;
}

}  // namespace

void AppendUtf8(uint32_t cp, std::string* out) { utf8::Append(cp, out); }

size_t DecodeCharRef(std::string_view s, bool in_attribute, std::string* out) {
  if (s.size() < 2) return 0;
  if (s[1] == '#') return DecodeNumeric(s, out);
  return DecodeNamed(s, in_attribute, out);
}

}  // namespace newsmill::html
