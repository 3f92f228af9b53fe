// SniffMetaCharset and CharsetFromContentType.
#include <gtest/gtest.h>

#include <string>

#include "newsmill/decode.h"

namespace newsmill {
namespace {

TEST(CharsetSniffTest, MetaCharsetQuotedAndUnquoted) {
  EXPECT_EQ(SniffMetaCharset("<html><head><meta charset=\"Shift_JIS\">"),
            "shift_jis");
  EXPECT_EQ(SniffMetaCharset("<meta charset=koi8-r>"), "koi8-r");
  EXPECT_EQ(SniffMetaCharset("<META CHARSET='UTF-8' />"), "utf-8");
  EXPECT_EQ(SniffMetaCharset("<meta name=viewport charset = ' gbk '>"), "gbk");
}

TEST(CharsetSniffTest, HttpEquivInAnyOrderAndCase) {
  EXPECT_EQ(SniffMetaCharset("<meta http-equiv=\"Content-Type\" "
                             "content=\"text/html; charset=windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(SniffMetaCharset("<META CONTENT='text/html;CHARSET=ISO-8859-2' "
                             "HTTP-EQUIV='content-type'>"),
            "iso-8859-2");
  EXPECT_EQ(SniffMetaCharset("<meta content=\"text/html; charset='euc-jp'\" "
                             "http-equiv=content-type>"),
            "euc-jp");
}

TEST(CharsetSniffTest, ContentWithoutHttpEquivIsIgnored) {
  EXPECT_EQ(SniffMetaCharset(
                "<meta name=\"description\" content=\"charset=koi8-r\">"),
            "");
}

TEST(CharsetSniffTest, CommentsAndAttributeValuesAreSkipped) {
  EXPECT_EQ(SniffMetaCharset(
                "<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\">"),
            "utf-8");
  EXPECT_EQ(SniffMetaCharset(
                "<div title='<meta charset=koi8-r>'></div><meta charset=big5>"),
            "big5");
  EXPECT_EQ(SniffMetaCharset("<!--><meta charset=big5>"), "big5");
}

TEST(CharsetSniffTest, OnlyTheFirst1024BytesCount) {
  const std::string pad(1024, ' ');
  EXPECT_EQ(SniffMetaCharset(pad + "<meta charset=koi8-r>"), "");
  EXPECT_EQ(SniffMetaCharset(std::string(1000, ' ') + "<meta charset=koi8-r>"),
            "koi8-r");
}

TEST(CharsetSniffTest, NothingDeclared) {
  EXPECT_EQ(SniffMetaCharset(""), "");
  EXPECT_EQ(SniffMetaCharset("<p>no meta here</p>"), "");
  EXPECT_EQ(SniffMetaCharset("<meta name=x content=y>"), "");
  EXPECT_EQ(SniffMetaCharset("<meta charset=\"unterminated"), "");
}

TEST(CharsetContentTypeTest, Parameters) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=\"UTF-8\""), "UTF-8");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=utf-8"), "utf-8");
  EXPECT_EQ(CharsetFromContentType("TEXT/HTML; CHARSET = iso-8859-1 "),
            "iso-8859-1");
  EXPECT_EQ(CharsetFromContentType("text/html; q=1; Charset=koi8-r; x=y"),
            "koi8-r");
  EXPECT_EQ(CharsetFromContentType("text/html; f=\"a;charset=x\"; charset=y"),
            "y");
  EXPECT_EQ(CharsetFromContentType("text/html; charset=\" Shift_JIS \""),
            "Shift_JIS");
}

TEST(CharsetContentTypeTest, NoCharset) {
  EXPECT_EQ(CharsetFromContentType(""), "");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(CharsetFromContentType("text/html; charset="), "");
  EXPECT_EQ(CharsetFromContentType("text/html; mycharset=utf-8"), "");
}

}  // namespace
}  // namespace newsmill
