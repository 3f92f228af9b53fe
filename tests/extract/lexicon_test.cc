// The chrome lexicon's "contains" phrases, matched in one pass, give what a
// phrase-by-phrase search in file order gives.
#include "extract/lexicon.h"

#include <gtest/gtest.h>

#include <string>

namespace newsmill::extract {
namespace {

constexpr std::string_view kTsv =
    "cookie\tcontains\twe use cookies\t*\n"
    "share\tcontains\tshare this\t*\n"
    "byline\tcontains\tmin read\ten\n"
    "caption\tcontains\t(ap photo\ten\n"
    "ads\tcontains\tuse cook\t*\n"  // inside an earlier phrase: the earlier wins
    "nav\tcontains\tsé\tfr\n";       // multi-byte

TEST(ChromeLexiconTest, ContainsFindsTheFirstPhraseInFileOrder) {
  const ChromeLexicon lexicon(kTsv);
  LexiconHit hit;
  ASSERT_TRUE(lexicon.Match("Yes, we use cookies here", 5, &hit));
  EXPECT_EQ(hit.kind, ChromeKind::kCookie);
  EXPECT_EQ(hit.match, MatchType::kContains);
  ASSERT_TRUE(lexicon.Match("Please SHARE THIS and 4 min read", 7, &hit));
  EXPECT_EQ(hit.kind, ChromeKind::kShare);  // earlier in the file than "min read"
  ASSERT_TRUE(lexicon.Match("They use cooking oil", 4, &hit));
  EXPECT_EQ(hit.kind, ChromeKind::kAds);
  ASSERT_TRUE(lexicon.Match("Passé composé", 2, &hit));
  EXPECT_EQ(hit.kind, ChromeKind::kNav);
  EXPECT_FALSE(lexicon.Match("Nothing to see", 3, &hit));
  EXPECT_FALSE(lexicon.Match("", 0, &hit));
}

TEST(ChromeLexiconTest, ContainsHonoursEachKindsLengthLimit) {
  const ChromeLexicon lexicon(kTsv);
  LexiconHit hit;
  // Share phrases count in short lines only (25 words); cookie notices and
  // captions are long sentences of their own (60).
  EXPECT_FALSE(lexicon.Match("share this", 30, &hit));
  ASSERT_TRUE(lexicon.Match("share this and we use cookies", 30, &hit));
  EXPECT_EQ(hit.kind, ChromeKind::kCookie);
  EXPECT_FALSE(lexicon.Match("we use cookies", 61, &hit));
}

}  // namespace
}  // namespace newsmill::extract
