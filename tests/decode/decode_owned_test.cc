// DecodeOwnedToUtf8 gives what DecodeToUtf8 gives, moving the bytes when
// they are kept as they are.
#include "decode/decode_owned.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsmill {
namespace {

TEST(DecodeOwned, SameResultAsDecodeToUtf8) {
  struct Case {
    std::string bytes, declared;
    PayloadKind kind;
  };
  const std::vector<Case> cases = {
      {"<p>plain ascii</p>", "", PayloadKind::kHtml},
      {"<p>caf\xC3\xA9</p>", "", PayloadKind::kHtml},
      {"<p>caf\xC3\xA9</p>", "windows-1252", PayloadKind::kHtml},
      {"<p>ascii</p>", "windows-1252", PayloadKind::kHtml},
      {"<p>caf\xE9</p>", "iso-8859-1", PayloadKind::kHtml},
      {"<meta charset=koi8-r><p>\xF0\xD2\xC9", "", PayloadKind::kHtml},
      {"\xEF\xBB\xBF<p>bom</p>", "", PayloadKind::kHtml},
      {"bad \xC3 utf8 \xFF", "utf-8", PayloadKind::kText},
      {"nul\0inside", "", PayloadKind::kText},
      {"   ", "", PayloadKind::kText},
      {"", "", PayloadKind::kText},
      {std::string("a\0b", 3), "", PayloadKind::kText},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.bytes);
    const Result<DecodedText> copied = DecodeToUtf8(c.bytes, c.declared, c.kind);
    std::string owned = c.bytes;
    const Result<DecodedText> moved =
        decode::DecodeOwnedToUtf8(&owned, c.declared, c.kind);
    ASSERT_EQ(copied.ok(), moved.ok());
    if (!copied.ok()) {
      EXPECT_EQ(copied.status().ToString(), moved.status().ToString());
      continue;
    }
    EXPECT_EQ(copied->utf8, moved->utf8);
    EXPECT_EQ(copied->charset, moved->charset);
    EXPECT_EQ(copied->warnings, moved->warnings);
  }
}

}  // namespace
}  // namespace newsmill
