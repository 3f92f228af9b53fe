// Deeply nested pages: the walk is iterative and bounded by max_depth.
#include <gtest/gtest.h>

#include <string>

#include "newsmill/html.h"

namespace newsmill {
namespace {

std::string Nested(const std::string& tag, size_t depth,
                   const std::string& text) {
  std::string html = "<html><body><p>top</p>";
  html.reserve(depth * (tag.size() + 2) + 64);
  for (size_t i = 0; i < depth; ++i) html += "<" + tag + ">";
  html += text;
  return html;
}

TEST(HtmlDepthTest, HundredThousandDeepDoesNotCrash) {
  // <span> keeps gumbo linear; block tags make its tree building quadratic.
  const std::string html = Nested("span", 100000, "deep text");
  Result<HtmlPage> page = ParseHtml(html, HtmlOptions{});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_EQ(page->warnings[0], "tree deeper than 512: deeper content skipped");
  ASSERT_EQ(page->blocks.size(), 1u);
  EXPECT_EQ(page->blocks[0].text, "top");
}

TEST(HtmlDepthTest, DeepContentIsKeptWhenTheLimitAllows) {
  const std::string html = Nested("span", 100000, "deep text");
  HtmlOptions options;
  options.max_depth = 200000;
  Result<HtmlPage> page = ParseHtml(html, options);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->warnings.empty());
  ASSERT_EQ(page->blocks.size(), 2u);
  EXPECT_EQ(page->blocks[0].text, "top");
  EXPECT_EQ(page->blocks[1].text, "deep text");
}

TEST(HtmlDepthTest, DeepBlockNesting) {
  const std::string html = Nested("div", 3000, "deep text");
  HtmlOptions options;
  options.max_depth = 100;
  Result<HtmlPage> page = ParseHtml(html, options);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_EQ(page->warnings[0], "tree deeper than 100: deeper content skipped");
  ASSERT_EQ(page->blocks.size(), 1u);
}

TEST(HtmlDepthTest, DepthLimitCountsFromTheDocument) {
  // html(1) > body(2) > div(3) > text(4).
  HtmlOptions options;
  options.max_depth = 4;
  Result<HtmlPage> shallow = ParseHtml("<div>ok</div>", options);
  ASSERT_TRUE(shallow.ok());
  EXPECT_TRUE(shallow->warnings.empty());
  ASSERT_EQ(shallow->blocks.size(), 1u);
  options.max_depth = 3;
  Result<HtmlPage> cut = ParseHtml("<div>ok</div>", options);
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut->warnings.size(), 1u);
  EXPECT_TRUE(cut->blocks.empty());
}

}  // namespace
}  // namespace newsmill
