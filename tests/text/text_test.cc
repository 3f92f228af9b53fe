#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "newsmill/text.h"

namespace newsmill {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  const TextAnalysis a = AnalyzeText(text);
  std::vector<std::string> out;
  for (const Sentence& s : a.sentences) out.emplace_back(SpanText(text, s.span));
  return out;
}

std::vector<std::string> Tokens(std::string_view text) {
  const TextAnalysis a = AnalyzeText(text);
  std::vector<std::string> out;
  for (const Token& t : a.tokens) out.emplace_back(SpanText(text, t.span));
  return out;
}

using Strings = std::vector<std::string>;

TEST(Sentences, AbbreviationBeforeNameDoesNotEnd) {
  EXPECT_EQ(Sentences("U.S. President Joe Biden spoke. He left."),
            (Strings{"U.S. President Joe Biden spoke.", "He left."}));
  EXPECT_EQ(Sentences("Sen. Warren and Gov. Hochul met. Then they ate."),
            (Strings{"Sen. Warren and Gov. Hochul met.", "Then they ate."}));
}

TEST(Sentences, AbbreviationAtTheEndEnds) {
  EXPECT_EQ(Sentences("Troops arrived in the U.S. The talks went on."),
            (Strings{"Troops arrived in the U.S.", "The talks went on."}));
}

TEST(Sentences, MonthBeforeDay) {
  EXPECT_EQ(Sentences("It began on Feb. 24. It also spread."),
            (Strings{"It began on Feb. 24.", "It also spread."}));
}

TEST(Sentences, Initials) {
  EXPECT_EQ(Sentences("J. K. Rowling wrote it. Fans cheered."),
            (Strings{"J. K. Rowling wrote it.", "Fans cheered."}));
}

TEST(Sentences, QuoteClosesAfterTheFullStop) {
  EXPECT_EQ(Sentences("\u201CWe are ready.\u201D Lavrov said so."),
            (Strings{"\u201CWe are ready.\u201D", "Lavrov said so."}));
}

TEST(Sentences, QuestionThenLowerCaseSpeaker) {
  EXPECT_EQ(Sentences("\u201CWhy now?\u201D he asked. Nobody knew."),
            (Strings{"\u201CWhy now?\u201D he asked.", "Nobody knew."}));
}

TEST(Sentences, DecimalsAndEllipses) {
  EXPECT_EQ(Sentences("Prices rose 3.5 percent... and then fell. Done."),
            (Strings{"Prices rose 3.5 percent... and then fell.", "Done."}));
}

TEST(Sentences, LineBreaksAreHardBoundaries) {
  EXPECT_EQ(Sentences("Russia Says West Is Involved\n\nThe minister spoke"),
            (Strings{"Russia Says West Is Involved", "The minister spoke"}));
  EXPECT_EQ(Sentences("Key points:\n\u2022 rates rise\n\u2022 jobs fall"),
            (Strings{"Key points:", "\u2022 rates rise", "\u2022 jobs fall"}));
}

TEST(Tokens, PossessivesSplitApostrophesInsideNamesDoNot) {
  EXPECT_EQ(Tokens("Peskov\u2019s aide, Kan\u2019ani's view"),
            (Strings{"Peskov", "\u2019s", "aide", ",", "Kan\u2019ani", "'s", "view"}));
}

TEST(Tokens, HyphensNumbersAbbreviations) {
  EXPECT_EQ(Tokens("al-Assad's 1,000 Russian-speaking U.S. troops, 3.5%."),
            (Strings{"al-Assad", "'s", "1,000", "Russian-speaking", "U.S.", "troops", ",", "3.5",
                     "%", "."}));
}

TEST(Tokens, Flags) {
  const std::string text = "NATO met\nin Brussels";
  const TextAnalysis a = AnalyzeText(text);
  ASSERT_EQ(a.tokens.size(), 4u);
  EXPECT_TRUE(a.tokens[0].all_upper);
  EXPECT_TRUE(a.tokens[0].upper_initial);
  EXPECT_FALSE(a.tokens[1].upper_initial);
  EXPECT_TRUE(a.tokens[2].line_before);
  EXPECT_TRUE(a.tokens[3].space_before);
}

TEST(Tokens, EmptyAndOddInput) {
  EXPECT_TRUE(AnalyzeText("").sentences.empty());
  EXPECT_EQ(Sentences("   \n\n  "), Strings{});
  EXPECT_EQ(Tokens("'s"), (Strings{"'", "s"}));
}

TEST(TextAnalyzer, ReusedAcrossDocuments) {
  TextAnalyzer analyzer;
  TextAnalysis a;
  analyzer.Analyze("One. Two.", &a);
  EXPECT_EQ(a.sentences.size(), 2u);
  analyzer.Analyze("Three", &a);
  EXPECT_EQ(a.sentences.size(), 1u);
  EXPECT_EQ(a.tokens.size(), 1u);
}

}  // namespace
}  // namespace newsmill
