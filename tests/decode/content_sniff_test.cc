// DescribeBinaryBytes and DetectBomlessUtf16 look at the first 8 KiB in
// chunks: control bytes and NULs count wherever they sit.
#include "decode/content_sniff.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace newsmill::decode {
namespace {

TEST(ContentSniff, ControlBytesCountAtEveryOffset) {
  for (size_t size : {size_t{40}, size_t{1000}, size_t{8192}, size_t{9000}}) {
    for (size_t at : {size_t{0}, size_t{15}, size_t{16}, size_t{17}, size_t{31}, size_t{39}}) {
      SCOPED_TRACE(std::to_string(size) + " " + std::to_string(at));
      std::string text(size, 'a');
      // Text controls never count.
      for (size_t i = 3; i < size; i += 7) text[i] = (i % 2) ? '\n' : '\t';
      EXPECT_EQ(DescribeBinaryBytes(text), "");
      EXPECT_EQ(DetectBomlessUtf16(text), "");
      // Enough other controls to be binary: one every 10 bytes from `at`.
      std::string binary = text;
      size_t controls = 0;
      for (size_t i = at; i < std::min(size, size_t{8192}); i += 10, ++controls) {
        binary[i] = '\x01';
      }
      const size_t sample = std::min(size, size_t{8192});
      EXPECT_EQ(DescribeBinaryBytes(binary),
                controls * 20 > sample
                    ? std::to_string(controls) + " control bytes in the first " +
                          std::to_string(sample) + " bytes"
                    : "");
    }
  }
  // NULs: a stray one is tolerated, many are not.
  std::string page(2048, 'x');
  page[17] = '\0';
  EXPECT_EQ(DescribeBinaryBytes(page), "");
  page[1500] = '\0';
  page[2047] = '\0';
  EXPECT_EQ(DescribeBinaryBytes(page), "3 NUL bytes in the first 2048 bytes");
  std::string utf16le;
  for (char c : std::string("<html><body>text</body></html>")) {
    utf16le.push_back(c);
    utf16le.push_back('\0');
  }
  EXPECT_EQ(DetectBomlessUtf16(utf16le), "UTF-16LE");
  EXPECT_EQ(DetectBomlessUtf16(utf16le.substr(1)), "UTF-16BE");
}

}  // namespace
}  // namespace newsmill::decode
