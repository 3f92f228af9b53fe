#include "decode/content_sniff.h"

#include <array>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsmill::decode {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// C0 controls that real text uses: tab, LF, CR, FF, and ESC/SO/SI, which
// ISO-2022 charsets use to switch character sets.
bool IsTextControl(unsigned char b) {
  return b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x1B ||
         b == 0x0E || b == 0x0F;
}

}  // namespace

Bom DetectBom(std::string_view bytes) {
  using namespace std::string_view_literals;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5>
      kBoms = {{
          {"\xEF\xBB\xBF"sv, "UTF-8"sv},
          {"\xFF\xFE\x00\x00"sv, "UTF-32LE"sv},
          {"\x00\x00\xFE\xFF"sv, "UTF-32BE"sv},
          {"\xFF\xFE"sv, "UTF-16LE"sv},
          {"\xFE\xFF"sv, "UTF-16BE"sv},
      }};
  for (const auto& [mark, label] : kBoms) {
    if (StartsWith(bytes, mark)) return {label, mark.size()};
  }
  return {};
}

std::string_view DetectBomlessUtf16(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, kSniffBytes);
  const size_t pairs = sample.size() / 2;
  if (pairs < 2) return "";
  // No NUL at all (nearly every page): no pattern, and one fast scan.
  if (std::memchr(sample.data(), '\0', sample.size()) == nullptr) return "";
  size_t low_nul = 0;   // "A\0": little endian ASCII
  size_t high_nul = 0;  // "\0A": big endian ASCII
  size_t both_nul = 0;
  for (size_t i = 0; i + 1 < sample.size(); i += 2) {
    const bool first = sample[i] == '\0';
    const bool second = sample[i + 1] == '\0';
    if (first && second) {
      ++both_nul;
    } else if (second) {
      ++low_nul;
    } else if (first) {
      ++high_nul;
    }
  }
  // Markup is mostly ASCII, so at least a quarter of the code units should
  // show the pattern, and the NULs must sit almost only on one side. A
  // single NUL in a tiny payload is not a pattern.
  auto dominant = [&](size_t mine, size_t other) {
    return mine >= 2 && mine * 4 >= pairs && (other + both_nul) * 20 <= mine;
  };
  if (dominant(low_nul, high_nul)) return "UTF-16LE";
  if (dominant(high_nul, low_nul)) return "UTF-16BE";
  return "";
}

std::string_view DetectBinaryMagic(std::string_view bytes) {
  using namespace std::string_view_literals;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 13>
      kMagic = {{
          {"\x89PNG\r\n\x1A\n"sv, "PNG image"sv},
          {"\xFF\xD8\xFF"sv, "JPEG image"sv},
          {"GIF87a"sv, "GIF image"sv},
          {"GIF89a"sv, "GIF image"sv},
          {"%PDF-"sv, "PDF document"sv},
          {"PK\x03\x04"sv, "ZIP archive"sv},
          {"\x1F\x8B"sv, "gzip data"sv},
          {"\x28\xB5\x2F\xFD"sv, "zstd data"sv},
          {"\xFD"
           "7zXZ\x00"sv,
           "xz data"sv},
          {"7z\xBC\xAF\x27\x1C"sv, "7z archive"sv},
          {"\x7F"
           "ELF"sv,
           "ELF executable"sv},
          {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "OLE2 document"sv},
          {"wOF2"sv, "WOFF2 font"sv},
      }};
  for (const auto& [magic, what] : kMagic) {
    if (StartsWith(bytes, magic)) return what;
  }
  if (bytes.size() >= 12 && StartsWith(bytes, "RIFF") &&
      (bytes.substr(8, 4) == "WEBP" || bytes.substr(8, 4) == "WAVE" ||
       bytes.substr(8, 4) == "AVI ")) {
    return "RIFF media";
  }
  return "";
}

std::string DescribeBinaryBytes(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, kSniffBytes);
  size_t nul = 0;
  size_t control = 0;
  const auto count = [&](char c) {
    const auto b = static_cast<unsigned char>(c);
    if (b == 0) {
      ++nul;
    } else if (b < 0x20 && !IsTextControl(b)) {
      ++control;
    }
  };
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time, skipping chunks without a byte below 0x20
  // (min(b, 0x1F) == b): only those need a look.
  const __m128i below = _mm_set1_epi8(0x1F);
  for (; i + 16 <= sample.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(sample.data() + i));
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, below), v)) == 0) continue;
    for (size_t k = i; k < i + 16; ++k) count(sample[k]);
  }
#endif
  for (; i < sample.size(); ++i) count(sample[i]);
  // A stray NUL per KiB is tolerated (scraped pages do contain them; they
  // are dropped from the output). More than that is not text.
  if (nul > sample.size() / 1024) {
    return std::to_string(nul) + " NUL bytes in the first " +
           std::to_string(sample.size()) + " bytes";
  }
  if ((nul + control) * 20 > sample.size()) {
    return std::to_string(nul + control) + " control bytes in the first " +
           std::to_string(sample.size()) + " bytes";
  }
  return "";
}

}  // namespace newsmill::decode
