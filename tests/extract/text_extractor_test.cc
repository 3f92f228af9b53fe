// Behaviours of the scraped-text extractor, each on a small page written for
// the test.
#include <gtest/gtest.h>

#include <algorithm>

#include "newsmill/extract.h"

namespace newsmill {
namespace {

// Three paragraphs of article prose, long enough to be the body.
constexpr std::string_view kProse =
    "The city council approved a new budget on Tuesday after a debate that "
    "lasted well into the night and drew hundreds of residents.\n"
    "Council members said the plan would raise spending on schools and roads "
    "while keeping property taxes at last year's level.\n"
    "Opponents argued that the figures relied on optimistic forecasts and "
    "promised to challenge the vote at the next session.\n";

bool HasKind(const Article& a, ChromeKind kind, std::string_view text) {
  return std::any_of(a.boilerplate.begin(), a.boilerplate.end(), [&](const Boilerplate& b) {
    return b.kind == kind && b.text.find(text) != std::string::npos;
  });
}

TEST(TextExtractorTest, RepairsParagraphSplitMidSentence) {
  const std::string page = std::string(kProse) +
                           "The mayor said the council would meet again to\n\n"
                           "discuss the remaining items before the summer.\n";
  const Article a = ExtractFromText(page, {});
  EXPECT_NE(a.text.find("meet again to discuss the remaining"), std::string::npos) << a.text;
}

TEST(TextExtractorTest, DoesNotJoinSentencesOrCapitalisedLines) {
  const std::string page = std::string(kProse) +
                           "The mayor spoke last and thanked the residents.\n\n"
                           "the lower-case start alone is not enough after a full stop.\n";
  const Article a = ExtractFromText(page, {});
  EXPECT_NE(a.text.find("residents.\n\nthe lower-case"), std::string::npos) << a.text;
}

TEST(TextExtractorTest, RepairCanBeSwitchedOff) {
  const std::string page = std::string(kProse) + "It will meet again to\n\ndiscuss the rest of the budget plan now.\n";
  ExtractOptions options;
  options.repair_paragraphs = false;
  const Article a = ExtractFromText(page, options);
  EXPECT_NE(a.text.find("again to\n\ndiscuss"), std::string::npos) << a.text;
}

TEST(TextExtractorTest, ProseStartingLikeChromeStaysInText) {
  const std::string page = std::string(kProse) +
                           "By the end of the meeting, most residents had gone home.\n"
                           "About 200 people signed a petition against the plan.\n";
  const Article a = ExtractFromText(page, {});
  EXPECT_NE(a.text.find("By the end of the meeting"), std::string::npos);
  EXPECT_NE(a.text.find("About 200 people"), std::string::npos);
  EXPECT_TRUE(a.meta.authors.empty());
}

TEST(TextExtractorTest, LabelsChromeKindsAndReadsMetadata) {
  const std::string page =
      "We use cookies to give you the best experience on our website.\n"
      "Accept all\n"
      "Home / Local / Council approves budget after long debate\n"
      "Council approves budget after long debate\n"
      "By Jane Doe and John Roe, Staff Writers\n"
      "Published March 3, 2023 at 10:14 am\n"
      "Share\nFacebook\nTwitter\n" +
      std::string(kProse) +
      "Photo: Example Agency/Ann Smith\n"
      "Tags: budget, council\n"
      "Sign up for our newsletter\n"
      "Enter your email\n"
      "Related posts\n"
      "Schools brace for larger classes\n"
      "Road works to start in May\n"
      "Leave a Reply\n"
      "Your email address will not be published.\n"
      "© 2023 The Daily Example. All rights reserved.\n";
  const Article a = ExtractFromText(page, {});
  EXPECT_EQ(a.meta.title, "Council approves budget after long debate");
  EXPECT_EQ(a.meta.section, "Local");
  EXPECT_EQ(a.meta.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(a.meta.published, "2023-03-03T10:14:00");
  EXPECT_EQ(a.meta.site, "The Daily Example");
  ASSERT_EQ(a.meta.related.size(), 2u);
  EXPECT_EQ(a.meta.related[1].title, "Road works to start in May");
  EXPECT_TRUE(a.text.starts_with("The city council approved")) << a.text;
  EXPECT_TRUE(a.text.ends_with("at the next session.")) << a.text;
  EXPECT_TRUE(HasKind(a, ChromeKind::kCookie, "We use cookies"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kBreadcrumb, "Home / Local"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kHeadline, "Council approves"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kByline, "Jane Doe"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kShare, "Facebook"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kCaption, "Photo:"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kTags, "Tags:"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kNewsletter, "Enter your email"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kRelated, "Road works"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kCommentForm, "will not be published"));
  EXPECT_TRUE(HasKind(a, ChromeKind::kFooter, "All rights reserved"));
}

TEST(TextExtractorTest, InlineReadMoreIsRemovedAndKeptAsRelated) {
  const std::string page = std::string(kProse) +
                           "READ MORE: Schools brace for larger classes\n" +
                           std::string(kProse);
  const Article a = ExtractFromText(page, {});
  EXPECT_EQ(a.text.find("READ MORE"), std::string::npos);
  ASSERT_EQ(a.meta.related.size(), 1u);
  EXPECT_EQ(a.meta.related[0].title, "Schools brace for larger classes");
}

TEST(TextExtractorTest, VerbatimKeepsTheInputAsItIs) {
  const std::string page = "Home / News / Title here\n\n" + std::string(kProse) + "Leave a Reply\n";
  ExtractOptions options;
  options.verbatim = true;
  const Article a = ExtractFromText(page, options);
  EXPECT_EQ(a.text, page);
  EXPECT_TRUE(a.boilerplate.empty());
  ASSERT_FALSE(a.blocks.empty());
  EXPECT_EQ(a.text.substr(a.blocks[0].span.begin, a.blocks[0].span.end - a.blocks[0].span.begin),
            "Home / News / Title here");
}

TEST(TextExtractorTest, BlocksPointIntoText) {
  const Article a = ExtractFromText(kProse, {});
  ASSERT_EQ(a.blocks.size(), 3u);
  for (const Block& b : a.blocks) {
    ASSERT_LE(b.span.end, a.text.size());
    EXPECT_LT(b.span.begin, b.span.end);
  }
  EXPECT_EQ(a.text.substr(a.blocks[2].span.begin, 9), "Opponents");
}

TEST(TextExtractorTest, EmptyAndChromeOnlyPagesWarn) {
  EXPECT_FALSE(ExtractFromText("", {}).warnings.empty());
  const Article a = ExtractFromText("Home\nMenu\nShare\nFacebook\n", {});
  EXPECT_TRUE(a.text.empty());
  EXPECT_FALSE(a.warnings.empty());
}

TEST(TextExtractorTest, CaselessScriptsAndLongLinesDoNotBreakIt) {
  std::string page = "درباره ما\n";
  page += std::string(200000, 'a') + "\n";
  page += std::string(kProse);
  const Article a = ExtractFromText(page, {});
  EXPECT_FALSE(a.text.empty());
}

TEST(TextExtractorTest, GermanClosingQuotesEndSentences) {
  // „…“ closes with “: a paragraph ending in ".“" ends a sentence, so the
  // short last paragraphs of a short article stay in it.
  const Article de = ExtractFromText(
      "Scholz lehnt Forderungen ab\n\n"
      "„Wir lehnen diese Forderungen entschieden ab“, sagte Bundeskanzler Olaf Scholz am "
      "Freitag in Berlin. Die Regierung werde weiter verhandeln.\n\n"
      "„Das ist ein klares Signal“, sagte er.\n\n"
      "Außenministerin Annalena Baerbock erklärte: „Die Gespräche gehen weiter.“\n",
      {});
  EXPECT_NE(de.text.find("Die Gespräche gehen weiter"), std::string::npos) << de.text;
}

TEST(TextExtractorTest, ChineseAndJapaneseWithoutSpacesAreProse) {
  // Each paragraph is one space-less "word" to a space count; characters
  // count (two to a word).
  const Article zh = ExtractFromText(
      "王毅会见布林肯\n\n"
      "中国外交部长王毅星期五在北京表示：“中方愿意同美方加强沟通。”\n\n"
      "“我们从未拒绝对话，”他说。\n\n"
      "外交部发言人毛宁说，中方反对任何形式的单边制裁。\n",
      {});
  EXPECT_NE(zh.text.find("中方愿意同美方加强沟通"), std::string::npos);
  EXPECT_NE(zh.text.find("单边制裁"), std::string::npos);
  EXPECT_EQ(zh.meta.title, "王毅会见布林肯");
}

}  // namespace
}  // namespace newsmill
