// Normalisation, MinHash and SimHash properties, containment estimates.
#include <gtest/gtest.h>

#include <string>

#include "dedup/test_texts.h"
#include "newsmill/dedup.h"

namespace newsmill {
namespace {

using testing::Join;
using testing::Paragraphs;

TEST(NormalizeTest, FoldsCaseQuotesPunctuationAndSpace) {
  EXPECT_EQ(NormalizeForDedup("Russia\xE2\x80\x99s  \xE2\x80\x9C" "Foreign\xE2\x80\x9D MINISTER\xE2\x80\x94said:\n\n'yes'"),
            "russias foreign minister said yes");
  EXPECT_EQ(NormalizeForDedup("Russia's \"foreign\" minister -- said: yes"),
            "russias foreign minister said yes");
  EXPECT_EQ(NormalizeForDedup("\xC3\x84RGER \xC3\xBC" "ber Stra\xC3\x9F" "e"),  // ÄRGER über Straße
            "\xC3\xA4rger \xC3\xBC" "ber stra\xC3\x9F" "e");
  EXPECT_EQ(NormalizeForDedup(""), "");
  EXPECT_EQ(NormalizeForDedup(" ,.;!? "), "");
}

TEST(NormalizeTest, IdeographsAreWordsOfTheirOwn) {
  EXPECT_EQ(NormalizeForDedup("\xE5\x8C\x97\xE4\xBA\xAC abc"), "\xE5\x8C\x97 \xE4\xBA\xAC abc");
}

TEST(NormalizeTest, InvalidUtf8DoesNotBreakIt) {
  EXPECT_EQ(NormalizeForDedup(std::string("ab\xFF" "cd", 5)), "ab cd");
}

TEST(FingerprintTest, QuoteStylesAndCaseGiveTheSameSignature) {
  const FingerprintOptions options;
  const Fingerprints a = ComputeFingerprints(
      "He said \xE2\x80\x9Cwe don\xE2\x80\x99t shun contacts\xE2\x80\x9D on Thursday.", options);
  const Fingerprints b = ComputeFingerprints(
      "HE SAID \"we don't shun contacts\" on   Thursday", options);
  EXPECT_EQ(a.minhash, b.minhash);
  EXPECT_EQ(a.simhash, b.simhash);
  EXPECT_EQ(a.shingles, b.shingles);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, b), 1.0);
}

TEST(FingerprintTest, EmptyTextHasNoShingles) {
  const Fingerprints fp = ComputeFingerprints("  -- ", {});
  EXPECT_EQ(fp.shingles, 0u);
  ASSERT_EQ(fp.minhash.size(), kMinHashSize);
  EXPECT_EQ(fp.minhash[0], UINT32_MAX);
  EXPECT_EQ(EstimateJaccard(fp, fp), 0);
}

TEST(FingerprintTest, ShortTextIsOneShingle) {
  EXPECT_EQ(ComputeFingerprints("two words", {}).shingles, 1u);
  EXPECT_EQ(ComputeFingerprints("one two three four five", {}).shingles, 2u);
}

TEST(FingerprintTest, UnrelatedTextsAreFarApart) {
  const Fingerprints a = ComputeFingerprints(Join(Paragraphs(1, 10)), {});
  const Fingerprints b = ComputeFingerprints(Join(Paragraphs(2, 10)), {});
  EXPECT_LT(EstimateJaccard(a, b), 0.05);
  EXPECT_GT(SimHashDistance(a.simhash, b.simhash), 12);
}

TEST(FingerprintTest, JaccardEstimateTracksOverlap) {
  // Half the paragraphs shared: Jaccard about 1/3.
  const auto p = Paragraphs(3, 20);
  const auto q = Paragraphs(4, 10);
  std::vector<std::string> mixed(p.begin(), p.begin() + 10);
  mixed.insert(mixed.end(), q.begin(), q.end());
  const Fingerprints a = ComputeFingerprints(Join(p), {});
  const Fingerprints b = ComputeFingerprints(Join(mixed), {});
  EXPECT_NEAR(EstimateJaccard(a, b), 1.0 / 3, 0.12);
}

TEST(FingerprintTest, TrimmedCopyIsContainedThoughJaccardIsLow) {
  const auto p = Paragraphs(5, 20);
  const Fingerprints full = ComputeFingerprints(Join(p), {});
  const Fingerprints cut = ComputeFingerprints(Join(p, 0, 8), {});  // 40%
  const double j = EstimateJaccard(cut, full);
  EXPECT_LT(j, 0.55);
  EXPECT_GT(EstimateContainment(j, cut.shingles, full.shingles), 0.8);
  // The full story is not contained in its cut.
  EXPECT_LT(EstimateContainment(j, full.shingles, cut.shingles), 0.6);
}

TEST(FingerprintTest, SmallEditsKeepSimHashClose) {
  auto p = Paragraphs(6, 12);
  const Fingerprints a = ComputeFingerprints(Join(p), {});
  p[3].replace(0, 4, "zzzz");
  const Fingerprints b = ComputeFingerprints(Join(p), {});
  EXPECT_LT(SimHashDistance(a.simhash, b.simhash), 8);
  EXPECT_GT(EstimateJaccard(a, b), 0.9);
}

TEST(FingerprintTest, SeedAndShingleSizeChangeTheSignature) {
  const std::string text = Join(Paragraphs(7, 3));
  FingerprintOptions other;
  other.seed = 42;
  EXPECT_NE(ComputeFingerprints(text, {}).minhash, ComputeFingerprints(text, other).minhash);
  other = {};
  other.shingle_words = 3;
  EXPECT_EQ(ComputeFingerprints(text, other).shingles, 118u);  // 120 words
}

TEST(EstimateContainmentTest, Formula) {
  EXPECT_DOUBLE_EQ(EstimateContainment(0.5, 100, 200), 1.0);  // capped
  EXPECT_NEAR(EstimateContainment(0.25, 100, 100), 0.4, 1e-9);
  EXPECT_EQ(EstimateContainment(0, 100, 100), 0);
  EXPECT_EQ(EstimateContainment(0.5, 0, 100), 0);
}

}  // namespace
}  // namespace newsmill
