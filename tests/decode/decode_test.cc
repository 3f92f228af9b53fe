// DecodeToUtf8: byte order marks, declarations, detection, conversion.
#include "newsmill/decode.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "common/utf8.h"
#include "decode/decode_test_util.h"

namespace newsmill {
namespace {

using decode_test::Encode;
using decode_test::kChinese;
using decode_test::kJapanese;
using decode_test::kRussian;

DecodedText DecodeOk(std::string_view bytes, std::string_view declared = "",
                     PayloadKind kind = PayloadKind::kHtml) {
  Result<DecodedText> result = DecodeToUtf8(bytes, declared, kind);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok()) return {};
  EXPECT_TRUE(utf8::IsValid(result->utf8));
  EXPECT_EQ(result->utf8.find('\0'), std::string::npos);
  return std::move(result).value();
}

bool HasWarning(const DecodedText& d, std::string_view needle) {
  for (const std::string& w : d.warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string Joined(const DecodedText& d) {
  std::string out;
  for (const std::string& w : d.warnings) out += w + "; ";
  return out;
}

TEST(DecodeTest, PlainUtf8IsCopied) {
  DecodedText d = DecodeOk("<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.utf8, "<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_TRUE(d.warnings.empty()) << Joined(d);
}

TEST(DecodeTest, Utf8BomIsStripped) {
  DecodedText d = DecodeOk("\xEF\xBB\xBFhello caf\xC3\xA9");
  EXPECT_EQ(d.utf8, "hello caf\xC3\xA9");
  EXPECT_EQ(d.charset, "UTF-8");
}

TEST(DecodeTest, Utf8BomBeatsDeclaredCharset) {
  DecodedText d = DecodeOk(
      "\xEF\xBB\xBF"
      "caf\xC3\xA9",
      "windows-1251");
  EXPECT_EQ(d.utf8, "caf\xC3\xA9");
  EXPECT_EQ(d.charset, "UTF-8");
}

TEST(DecodeTest, Utf16LeBom) {
  const std::string text = "<p>Grüße ‘quoted’ 😀</p>";
  DecodedText d = DecodeOk("\xFF\xFE" + Encode(text, "UTF-16LE"));
  EXPECT_EQ(d.utf8, text);
  EXPECT_EQ(d.charset, "UTF-16LE");
}

TEST(DecodeTest, Utf16BeBom) {
  const std::string text = "<p>Grüße 😀</p>";
  DecodedText d = DecodeOk("\xFE\xFF" + Encode(text, "UTF-16BE"), "utf-8");
  EXPECT_EQ(d.utf8, text);
  EXPECT_EQ(d.charset, "UTF-16BE");
}

TEST(DecodeTest, Utf32Boms) {
  const std::string text = "Grüße 😀";
  DecodedText le =
      DecodeOk(std::string("\xFF\xFE\0\0", 4) + Encode(text, "UTF-32LE"));
  EXPECT_EQ(le.utf8, text);
  EXPECT_EQ(le.charset, "UTF-32LE");
  DecodedText be =
      DecodeOk(std::string("\0\0\xFE\xFF", 4) + Encode(text, "UTF-32BE"));
  EXPECT_EQ(be.utf8, text);
  EXPECT_EQ(be.charset, "UTF-32BE");
}

TEST(DecodeTest, Utf16WithoutBomIsRecognisedNotBinary) {
  const std::string text =
      "<html><body><p>Hello world, naïve café</p></body></html>";
  DecodedText le = DecodeOk(Encode(text, "UTF-16LE"));
  EXPECT_EQ(le.utf8, text);
  EXPECT_EQ(le.charset, "UTF-16LE");
  EXPECT_TRUE(HasWarning(le, "without byte order mark")) << Joined(le);
  DecodedText be = DecodeOk(Encode(text, "UTF-16BE"));
  EXPECT_EQ(be.utf8, text);
  EXPECT_EQ(be.charset, "UTF-16BE");
}

TEST(DecodeTest, HttpCharsetBeatsMeta) {
  // \xE9 is "é" in windows-1252 but "й" in windows-1251.
  DecodedText d =
      DecodeOk("<meta charset=\"windows-1251\"><p>caf\xE9", "ISO-8859-1");
  EXPECT_EQ(d.utf8, "<meta charset=\"windows-1251\"><p>caf\xC3\xA9");
  EXPECT_EQ(d.charset, "windows-1252");
}

TEST(DecodeTest, MetaCharsetUsedWhenNothingDeclared) {
  const std::string page =
      "<meta charset=windows-1251><p>" + Encode("Привет", "windows-1251");
  DecodedText d = DecodeOk(page);
  EXPECT_EQ(d.utf8, "<meta charset=windows-1251><p>Привет");
  EXPECT_EQ(d.charset, "windows-1251");
}

TEST(DecodeTest, MetaHttpEquivUsedWhenNothingDeclared) {
  const std::string head =
      "<HEAD><META CONTENT=\"text/html; charset=KOI8-R\" "
      "HTTP-EQUIV=\"Content-Type\">";
  DecodedText d = DecodeOk(head + Encode("Привет, мир", "KOI8-R"));
  EXPECT_EQ(d.utf8, head + "Привет, мир");
  EXPECT_EQ(d.charset, "KOI8-R");
}

TEST(DecodeTest, MetaIsIgnoredForScrapedText) {
  DecodedText d =
      DecodeOk("<meta charset=koi8-r> caf\xC3\xA9", "", PayloadKind::kText);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_TRUE(d.warnings.empty()) << Joined(d);
}

TEST(DecodeTest, Latin1LabelsMeanWindows1252) {
  EXPECT_EQ(DecodeOk("caf\xE9", "iso-8859-1").utf8, "caf\xC3\xA9");
  DecodedText d = DecodeOk("caf\xE9 \x80 \x93quoted\x94", " \"Latin1\" ");
  EXPECT_EQ(d.utf8, "café € “quoted”");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(DecodeOk("caf\xE9", "US-ASCII").utf8, "café");
}

TEST(DecodeTest, Utf8AliasAccepted) {
  DecodedText d = DecodeOk("caf\xC3\xA9", "UTF8");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_TRUE(d.warnings.empty()) << Joined(d);
}

TEST(DecodeTest, PureAsciiKeepsDeclaredCharset) {
  DecodedText d = DecodeOk("<meta charset=iso-8859-1><p>plain</p>");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.utf8, "<meta charset=iso-8859-1><p>plain</p>");
}

TEST(DecodeTest, Windows1251WithoutDeclarationIsGuessed) {
  DecodedText d = DecodeOk(Encode(kRussian, "windows-1251"));
  EXPECT_EQ(d.utf8, kRussian);
  EXPECT_EQ(d.charset, "windows-1251");
}

TEST(DecodeTest, ShiftJisWithMeta) {
  const std::string head =
      "<meta http-equiv=\"content-type\" content=\"text/html; "
      "charset=Shift_JIS\">";
  DecodedText d = DecodeOk(head + Encode(kJapanese, "Shift_JIS"));
  EXPECT_EQ(d.utf8, head + std::string(kJapanese));
  EXPECT_EQ(d.charset, "Shift_JIS");
  EXPECT_TRUE(d.warnings.empty()) << Joined(d);
}

TEST(DecodeTest, Gb18030WithMeta) {
  const std::string head =
      "<meta charset='gb2312'>";  // GB2312 decodes as GB18030
  DecodedText d = DecodeOk(head + Encode(kChinese, "gb18030"));
  EXPECT_EQ(d.utf8, head + std::string(kChinese));
  EXPECT_EQ(d.charset, "GB18030");
}

TEST(DecodeTest, DeclaredLegacyButValidUtf8PrefersUtf8) {
  DecodedText d = DecodeOk("<p>caf\xC3\xA9</p>", "windows-1252");
  EXPECT_EQ(d.utf8, "<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_TRUE(HasWarning(d, "valid UTF-8")) << Joined(d);
}

TEST(DecodeTest, UnknownDeclaredLabelFallsThroughToMeta) {
  const std::string page =
      "<meta charset=windows-1251><p>" + Encode("Привет", "windows-1251");
  DecodedText d = DecodeOk(page, "x-no-such-charset");
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_TRUE(HasWarning(d, "x-no-such-charset")) << Joined(d);
}

TEST(DecodeTest, UnknownLabelsFallThroughToUtf8) {
  DecodedText d =
      DecodeOk("<meta charset=\"bogus\">caf\xC3\xA9", "../../etc/passwd");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.warnings.size(), 2u) << Joined(d);
}

TEST(DecodeTest, CharsetsBrowsersDoNotUseAreIgnored) {
  // ICU knows EBCDIC and UTF-7, but no web page is really written in them.
  for (const char* label : {"ebcdic-cp-us", "utf-7"}) {
    DecodedText d = DecodeOk("<p>hello+AGE-</p>", label);
    EXPECT_EQ(d.utf8, "<p>hello+AGE-</p>") << label;
    EXPECT_EQ(d.charset, "UTF-8") << label;
    EXPECT_TRUE(HasWarning(d, "unknown charset")) << Joined(d);
  }
}

TEST(DecodeTest, Iso2022JpIsConvertedNotCopied) {
  // Pure ASCII bytes, but the escape sequences switch to JIS X 0208.
  const std::string bytes = Encode("こんにちは", "ISO-2022-JP");
  ASSERT_NE(bytes.find('\x1B'), std::string::npos);
  DecodedText d = DecodeOk(bytes, "iso-2022-jp");
  EXPECT_EQ(d.utf8, "こんにちは");
  EXPECT_EQ(d.charset, "ISO-2022-JP");
}

TEST(DecodeTest, InvalidBytesInLegacyCharsetAreCounted) {
  // 0x82 0x20 is not a valid Shift_JIS sequence.
  DecodedText d = DecodeOk("ab\x82 cd", "shift_jis");
  EXPECT_TRUE(utf8::IsValid(d.utf8));
  EXPECT_NE(d.utf8.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_TRUE(HasWarning(d, "replaced")) << Joined(d);
}

TEST(DecodeTest, DeclaredUtf8WithBadBytesIsRepaired) {
  DecodedText d = DecodeOk("ok \x80 and \xFF end", "utf-8");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.utf8, "ok \xEF\xBF\xBD and \xEF\xBF\xBD end");
  EXPECT_TRUE(HasWarning(d, "2 invalid UTF-8 sequences replaced")) << Joined(d);
}

TEST(DecodeTest, NulCharactersAreDropped) {
  std::string page(2000, 'a');
  page[1000] = '\0';
  DecodedText d = DecodeOk(page);
  EXPECT_EQ(d.utf8, std::string(1999, 'a'));
}

TEST(DecodeTest, EmptyPayloadIsInvalidArgument) {
  for (std::string_view bytes :
       {std::string_view(""), std::string_view(" \n\t\r\n"),
        std::string_view("\xEF\xBB\xBF"), std::string_view("\xEF\xBB\xBF  \n"),
        std::string_view("\xFF\xFE \0\n\0", 6)}) {
    Result<DecodedText> r = DecodeToUtf8(bytes, "", PayloadKind::kHtml);
    ASSERT_FALSE(r.ok()) << testing::PrintToString(std::string(bytes));
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(r.status().message(), "empty document");
  }
}

TEST(DecodeTest, OutputIsAlwaysValidUtf8) {
  // Arbitrary text-like bytes through every path: whatever the charset,
  // the result is valid UTF-8 without NULs (DecodeOk checks both).
  uint32_t state = 12345;
  for (int round = 0; round < 40; ++round) {
    std::string bytes = "<p>";
    for (int i = 0; i < 300; ++i) {
      state = state * 1103515245u + 12345u;
      const auto b = static_cast<unsigned char>(state >> 24);
      bytes.push_back(b < 0x20 ? ' ' : static_cast<char>(b));
    }
    for (const char* declared :
         {"", "utf-8", "shift_jis", "utf-16le", "iso-2022-jp"}) {
      Result<DecodedText> r = DecodeToUtf8(bytes, declared, PayloadKind::kHtml);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      EXPECT_TRUE(utf8::IsValid(r->utf8)) << declared;
      EXPECT_EQ(r->utf8.find('\0'), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace newsmill
