// LSH candidates, the verify step, canonical choice and incremental
// clustering against a saved index.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "dedup/test_texts.h"
#include "newsmill/dedup.h"

namespace newsmill {
namespace {

using testing::Join;
using testing::Paragraphs;

Fingerprints Fp(const std::string& text) { return ComputeFingerprints(text, {}); }

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("newsmill_dedup_" + name + "_" + std::to_string(::getpid())))
      .string();
}

TEST(ClusterTest, CopiesJoinAndUnrelatedStaysApart) {
  const auto story = Paragraphs(10, 20);
  auto edited = story;
  edited[2] = "An editor added this sentence to the copy. " + edited[2];
  auto reordered = story;
  std::swap(reordered[4], reordered[9]);
  DedupIndex index;
  index.Add("trimmed", Fp(Join(story, 0, 9)));
  index.Add("full", Fp(Join(story)));
  index.Add("other", Fp(Join(Paragraphs(11, 20))));
  index.Add("edited", Fp(Join(edited)));
  index.Add("reordered", Fp(Join(reordered)));
  ClusterStats stats;
  index.Cluster(ClusterOptions{}, &stats);
  EXPECT_GT(stats.joined, 0u);
  for (size_t i : {1, 3, 4}) EXPECT_EQ(index.Assignment(i).cluster, 0u) << i;
  EXPECT_EQ(index.Assignment(2).cluster, 2u);
  EXPECT_EQ(index.Assignment(2).canonical_id, "other");
  // The longest copy is canonical: the edited one has one sentence more.
  const ClusterAssignment trimmed = index.Assignment(0);
  EXPECT_EQ(trimmed.id, "trimmed");
  EXPECT_EQ(trimmed.canonical_id, "edited");
  EXPECT_LT(trimmed.similarity, 0.6);
  EXPECT_GT(trimmed.containment, 0.8);
  const ClusterAssignment canonical = index.Assignment(3);
  EXPECT_EQ(canonical.canonical, 3u);
  EXPECT_EQ(canonical.similarity, 1.0);
  EXPECT_EQ(canonical.containment, 1.0);
}

TEST(ClusterTest, EarliestOfEqualCopiesIsCanonical) {
  const std::string text = Join(Paragraphs(12, 5));
  DedupIndex index;
  index.Add("first", Fp(text));
  index.Add("second", Fp(text));
  index.Cluster(ClusterOptions{});
  EXPECT_EQ(index.Assignment(1).canonical_id, "first");
  EXPECT_EQ(index.Assignment(1).cluster, 0u);
  EXPECT_EQ(index.Assignment(1).similarity, 1.0);
}

TEST(ClusterTest, ShortPageIsNotJoinedByContainment) {
  // A 40-word story and its first 15 words: contained, Jaccard about 0.3,
  // but 12 shingles are too few to call the snippet a copy.
  const std::string story = Paragraphs(13, 1)[0];
  size_t cut = 0;
  for (int words = 0; words < 15; ++words) cut = story.find(' ', cut + 1);
  DedupIndex index;
  index.Add("story", Fp(story));
  index.Add("snippet", Fp(story.substr(0, cut)));
  index.Cluster(ClusterOptions{});
  EXPECT_EQ(index.Assignment(1).cluster, 1u);
  ClusterOptions loose;
  loose.min_shingles = 1;
  index.Cluster(loose);
  EXPECT_EQ(index.Assignment(1).cluster, 0u);
}

TEST(ClusterTest, EmptyDocumentsAreSingletons) {
  DedupIndex index;
  index.Add("empty1", Fp(""));
  index.Add("empty2", Fp(""));
  index.Add("missing", Fingerprints{});
  index.Cluster(ClusterOptions{});
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(index.Assignment(i).cluster, i);
}

TEST(ClusterTest, ThresholdsAreOptions) {
  const auto story = Paragraphs(14, 20);
  DedupIndex index;
  index.Add("cut", Fp(Join(story, 0, 6)));  // Jaccard about 0.3
  index.Add("full", Fp(Join(story)));
  ClusterOptions strict;
  strict.containment_threshold = 1.1;  // only Jaccard joins
  index.Cluster(strict);
  EXPECT_EQ(index.Assignment(0).cluster, 0u);
  EXPECT_EQ(index.Assignment(1).cluster, 1u);
  index.Cluster(ClusterOptions{});
  EXPECT_EQ(index.Assignment(1).cluster, 0u);
}

TEST(IncrementalTest, NewCopiesJoinClustersSeenBefore) {
  const std::string path = TempPath("incremental");
  const auto a = Paragraphs(20, 15), b = Paragraphs(21, 15);
  {
    DedupIndex day1;
    day1.Add("a1", Fp(Join(a)));
    day1.Add("b1", Fp(Join(b)));
    day1.Add("a-cut", Fp(Join(a, 0, 9)));
    day1.Cluster(ClusterOptions{});
    ASSERT_TRUE(day1.Save(path).ok());
  }
  Result<DedupIndex> loaded = DedupIndex::Load(path, {});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  DedupIndex& day2 = *loaded;
  EXPECT_EQ(day2.loaded(), 3u);
  auto longer = b;
  longer.push_back("A paragraph the second outlet added at the end of the story.");
  day2.Add("b2-longer", Fp(Join(longer)));
  day2.Add("new", Fp(Join(Paragraphs(22, 15))));
  ClusterStats stats;
  day2.Cluster(ClusterOptions{}, &stats);
  EXPECT_EQ(day2.Assignment(2).cluster, 0u);  // kept from day 1
  EXPECT_EQ(day2.Assignment(3).cluster, 1u);  // joins b1's cluster
  EXPECT_EQ(day2.Assignment(1).canonical_id, "b2-longer");
  EXPECT_EQ(day2.Assignment(4).cluster, 4u);
  std::filesystem::remove(path);
}

TEST(IncrementalTest, NewDocumentCanMergeTwoOldClusters) {
  const std::string path = TempPath("merge");
  const auto story = Paragraphs(30, 20);
  {
    DedupIndex day1;
    day1.Add("head", Fp(Join(story, 0, 10)));
    day1.Add("tail", Fp(Join(story, 10, 20)));
    day1.Cluster(ClusterOptions{});
    EXPECT_EQ(day1.Assignment(1).cluster, 1u);
    ASSERT_TRUE(day1.Save(path).ok());
  }
  Result<DedupIndex> day2 = DedupIndex::Load(path, {});
  ASSERT_TRUE(day2.ok());
  day2->Add("whole", Fp(Join(story)));
  day2->Cluster(ClusterOptions{});
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(day2->Assignment(i).cluster, 0u) << i;
  EXPECT_EQ(day2->Assignment(0).canonical_id, "whole");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace newsmill
