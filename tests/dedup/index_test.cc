// The index file: round trip, and the errors a damaged or foreign file gives.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "dedup/test_texts.h"
#include "newsmill/dedup.h"

namespace newsmill {
namespace {

namespace fs = std::filesystem;

std::string TempPath(const std::string& name) {
  return (fs::temp_directory_path() /
          ("newsmill_index_" + name + "_" + std::to_string(::getpid())))
      .string();
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

DedupIndex Sample() {
  DedupIndex index;
  const auto story = testing::Paragraphs(40, 10);
  index.Add("full \xE2\x80\x9C" "id\xE2\x80\x9D", ComputeFingerprints(testing::Join(story), {}));
  index.Add("", ComputeFingerprints("", {}));
  index.Add("cut", ComputeFingerprints(testing::Join(story, 0, 6), {}));
  index.Cluster(ClusterOptions{});
  return index;
}

TEST(IndexFileTest, RoundTrip) {
  const std::string path = TempPath("roundtrip");
  const DedupIndex saved = Sample();
  ASSERT_TRUE(saved.Save(path).ok());
  EXPECT_FALSE(fs::exists(path + ".tmp"));
  Result<DedupIndex> loaded = DedupIndex::Load(path, {});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), saved.size());
  EXPECT_EQ(loaded->loaded(), saved.size());
  loaded->Cluster(ClusterOptions{});
  for (size_t i = 0; i < saved.size(); ++i) {
    const ClusterAssignment a = saved.Assignment(i), b = loaded->Assignment(i);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.cluster, b.cluster);
    EXPECT_EQ(a.canonical_id, b.canonical_id);
    EXPECT_EQ(a.similarity, b.similarity);
  }
  // Saving what was loaded gives the same bytes.
  ASSERT_TRUE(loaded->Save(path + "2").ok());
  EXPECT_EQ(ReadAll(path), ReadAll(path + "2"));
  fs::remove(path);
  fs::remove(path + "2");
}

TEST(IndexFileTest, Errors) {
  const std::string path = TempPath("errors");
  EXPECT_EQ(DedupIndex::Load(path, {}).status().code(), Status::Code::kNotFound);
  ASSERT_TRUE(Sample().Save(path).ok());
  const std::string good = ReadAll(path);

  FingerprintOptions other;
  other.shingle_words = 5;
  EXPECT_EQ(DedupIndex::Load(path, other).status().code(),
            Status::Code::kInvalidArgument);

  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x40;
  WriteAll(path, flipped);
  EXPECT_EQ(DedupIndex::Load(path, {}).status().code(), Status::Code::kCorrupt);

  WriteAll(path, good.substr(0, good.size() - 20));
  EXPECT_FALSE(DedupIndex::Load(path, {}).ok());

  WriteAll(path, "not an index at all, just some text");
  EXPECT_EQ(DedupIndex::Load(path, {}).status().code(), Status::Code::kCorrupt);

  std::string huge = good;
  huge[32] = '\xFF';  // the document count: must not allocate before checking
  huge[36] = '\x7F';
  WriteAll(path, huge);
  EXPECT_EQ(DedupIndex::Load(path, {}).status().code(), Status::Code::kCorrupt);
  fs::remove(path);
}

TEST(IndexFileTest, UnwritablePathIsAnError) {
  EXPECT_EQ(Sample().Save("/nonexistent-dir/x/index").code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace newsmill
