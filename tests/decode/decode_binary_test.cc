// Binary payloads are refused before any charset work.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "newsmill/decode.h"

namespace newsmill {
namespace {

Status DecodeStatus(std::string_view bytes, std::string_view declared = "") {
  return DecodeToUtf8(bytes, declared, PayloadKind::kHtml).status();
}

void ExpectBinary(std::string_view bytes, std::string_view what) {
  const Status status = DecodeStatus(bytes);
  EXPECT_EQ(status.code(), Status::Code::kUnsupported) << status.ToString();
  EXPECT_NE(status.message().find("binary content"), std::string::npos)
      << status.message();
  EXPECT_NE(status.message().find(what), std::string::npos) << status.message();
}

TEST(DecodeBinaryTest, PngHeader) {
  ExpectBinary(std::string_view("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "PNG");
}

TEST(DecodeBinaryTest, GzipHeader) {
  ExpectBinary(std::string_view("\x1F\x8B\x08\0\0\0\0\0\0\x03", 10), "gzip");
}

TEST(DecodeBinaryTest, OtherMagicNumbers) {
  ExpectBinary("\xFF\xD8\xFF\xE0\x00\x10JFIF", "JPEG");
  ExpectBinary("GIF89a\x01\x00", "GIF");
  ExpectBinary("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "PDF");
  ExpectBinary(std::string_view("PK\x03\x04\x14\0\0\0", 8), "ZIP");
}

TEST(DecodeBinaryTest, DeclaredCharsetDoesNotRescueBinary) {
  EXPECT_EQ(DecodeStatus("\x89PNG\r\n\x1A\nxxxx", "utf-8").code(),
            Status::Code::kUnsupported);
}

TEST(DecodeBinaryTest, RandomBytesWithNuls) {
  std::string bytes;
  uint32_t state = 42;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1664525u + 1013904223u;
    bytes.push_back(static_cast<char>(state >> 24));
  }
  for (size_t i = 100; i < bytes.size(); i += 97) bytes[i] = '\0';
  ExpectBinary(bytes, "NUL");
}

TEST(DecodeBinaryTest, ControlBytesWithoutNuls) {
  std::string bytes = "<html>";
  for (int i = 0; i < 200; ++i) bytes.push_back(static_cast<char>(1 + i % 8));
  ExpectBinary(bytes, "control bytes");
}

TEST(DecodeBinaryTest, ShortTextWithNulIsBinary) {
  ExpectBinary(std::string_view("ab\0cd", 5), "NUL");
}

TEST(DecodeBinaryTest, TextControlsAreFine) {
  // Tabs, newlines, form feeds and the ISO-2022 escape are text.
  Result<DecodedText> r =
      DecodeToUtf8("a\tb\r\nc\fd\x1B(Be", "", PayloadKind::kText);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
}

}  // namespace
}  // namespace newsmill
