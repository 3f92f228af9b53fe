// RepairUtf8 and the decoder's handling of every class of invalid UTF-8.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "common/utf8.h"
#include "newsmill/decode.h"

namespace newsmill {
namespace {

constexpr std::string_view kFffd = "\xEF\xBF\xBD";

struct Case {
  const char* name;
  std::string_view in;
  std::string_view out;  // with "#" standing for U+FFFD
  size_t replaced;
};

std::string WithReplacements(std::string_view pattern) {
  std::string out;
  for (char c : pattern) {
    if (c == '#') {
      out += kFffd;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// One U+FFFD per maximal ill-formed subpart, as the WHATWG decoder and ICU
// count them.
const Case kCases[] = {
    {"lone continuation", "a\x80z", "a#z", 1},
    {"two lone continuations", "a\x80\xBFz", "a##z", 2},
    {"truncated at end", "abc\xE2\x82", "abc#", 1},
    {"truncated before ASCII", "\xF0\x9F\x98z", "#z", 1},
    {"overlong slash", "\xC0\xAF", "##", 2},
    {"overlong three bytes", "\xE0\x80\xAF", "###", 3},
    {"surrogate", "\xED\xA0\x80", "###", 3},
    {"above U+10FFFF", "\xF4\x90\x80\x80", "####", 4},
    {"FE and FF", "x\xFE\xFFy", "x##y", 2},
    {"C1 lead byte", "\xC1\xBF", "##", 2},
};

TEST(DecodeUtf8RepairTest, EveryClassIsReplacedAndCounted) {
  for (const Case& c : kCases) {
    std::string out;
    EXPECT_EQ(RepairUtf8(c.in, &out), c.replaced) << c.name;
    EXPECT_EQ(out, WithReplacements(c.out)) << c.name;
    EXPECT_TRUE(utf8::IsValid(out)) << c.name;
  }
}

TEST(DecodeUtf8RepairTest, ValidInputIsUnchanged) {
  const std::string_view valid = "ascii é € 😀 \xEF\xBF\xBD \xF4\x8F\xBF\xBF";
  std::string out;
  EXPECT_EQ(RepairUtf8(valid, &out), 0u);
  EXPECT_EQ(out, valid);
}

TEST(DecodeUtf8RepairTest, DecoderRepairsDeclaredUtf8) {
  for (const Case& c : kCases) {
    const std::string bytes = "<p>" + std::string(c.in) + "</p>";
    Result<DecodedText> r = DecodeToUtf8(bytes, "utf-8", PayloadKind::kHtml);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().ToString();
    EXPECT_EQ(r->charset, "UTF-8") << c.name;
    EXPECT_EQ(r->utf8, "<p>" + WithReplacements(c.out) + "</p>") << c.name;
    EXPECT_TRUE(utf8::IsValid(r->utf8)) << c.name;
    ASSERT_EQ(r->warnings.size(), 1u) << c.name;
    EXPECT_EQ(r->warnings[0],
              std::to_string(c.replaced) + " invalid UTF-8 sequences replaced");
  }
}

}  // namespace
}  // namespace newsmill
