#include "newsmill/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsmill {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  const TextAnalysis a = AnalyzeText(text);
  std::vector<std::string> out;
  for (const Sentence& s : a.sentences)
    out.emplace_back(SpanText(text, s.span));
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

TEST(Sentences, HardWrappedLinesBeforeLowerCaseGoOn) {
  EXPECT_EQ(
      Sentences("Donald Trump regularly\nincites violence, xenophobe,\nracist. "
                "He left."),
      (Strings{"Donald Trump regularly\nincites violence, xenophobe,\nracist.",
               "He left."}));
  // A blank line, a headline line and a colon still break.
  EXPECT_EQ(Sentences("Trump rallies\n\nvoters came"),
            (Strings{"Trump rallies", "voters came"}));
  EXPECT_EQ(Sentences("Do this:\nstop lying"),
            (Strings{"Do this:", "stop lying"}));
  EXPECT_EQ(Sentences("Trump Rallies\nThe crowd came"),
            (Strings{"Trump Rallies", "The crowd came"}));
}

TEST(Sentences, EllipsisAfterAFullStopOpensTheNextSentence) {
  EXPECT_EQ(Sentences("It was tough. ... We have to win."),
            (Strings{"It was tough.", "... We have to win."}));
  EXPECT_EQ(Sentences("He looked grown-up. \u2026 he came across well."),
            (Strings{"He looked grown-up.", "\u2026 he came across well."}));
}

TEST(Sentences, NoSentenceStartsWithInnerPunctuation) {
  EXPECT_EQ(Sentences("Ready for Trump vs. Clinton?; His tricks are old."),
            (Strings{"Ready for Trump vs. Clinton?; His tricks are old."}));
}

TEST(Sentences, LetterDotAbbreviationEndsOnlyBeforeASentenceStarter) {
  // Measured on PolNeAR train: of 165 letter-dot abbreviations before a
  // capitalised word, 9 end a sentence, 8 of them before a listed starter.
  EXPECT_EQ(Sentences("He came to the U.S. Senate today."),
            (Strings{"He came to the U.S. Senate today."}));
  EXPECT_EQ(Sentences("Polls close at 7 p.m. Eastern time."),
            (Strings{"Polls close at 7 p.m. Eastern time."}));
  EXPECT_EQ(Sentences("Caesars is bankrupt in A.C. Others to follow."),
            (Strings{"Caesars is bankrupt in A.C.", "Others to follow."}));
  EXPECT_EQ(Sentences("Hospitals in Washington, D.C. He recalled it."),
            (Strings{"Hospitals in Washington, D.C.", "He recalled it."}));
}

TEST(Sentences, TitlesBeforeNamesAndQuotesAfterStops) {
  EXPECT_EQ(Sentences("\"It works,\" Mr. Clarke said. \"The goal is set.\" "
                      "Mrs. Clinton agreed."),
            (Strings{"\"It works,\" Mr. Clarke said.", "\"The goal is set.\"",
                     "Mrs. Clinton agreed."}));
  EXPECT_EQ(
      Sentences("President George W. Bush spoke. Rep. Elijah Cummings left."),
      (Strings{"President George W. Bush spoke.",
               "Rep. Elijah Cummings left."}));
}

TEST(Tokens, PossessivesSplitApostrophesInsideNamesDoNot) {
  EXPECT_EQ(Tokens("Peskov\u2019s aide, Kan\u2019ani's view"),
            (Strings{"Peskov", "\u2019s", "aide", ",", "Kan\u2019ani", "'s",
                     "view"}));
}

TEST(Tokens, HyphensNumbersAbbreviations) {
  EXPECT_EQ(Tokens("al-Assad's 1,000 Russian-speaking U.S. troops, 3.5%."),
            (Strings{"al-Assad", "'s", "1,000", "Russian-speaking", "U.S.",
                     "troops", ",", "3.5", "%", "."}));
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
