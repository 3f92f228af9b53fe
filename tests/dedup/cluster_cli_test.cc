// `newsmill cluster` end to end: records made by `newsmill extract`, raw
// text pages, the output shape, an index carried from one run to the next.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "dedup/test_texts.h"

namespace newsmill {
namespace {

namespace fs = std::filesystem;
using testing::Join;
using testing::Paragraphs;

struct CommandRun {
  int status = -1;
  std::string out;
};

CommandRun Newsmill(const std::string& args) {
  CommandRun run;
  const std::string cmd = std::string(NEWSMILL_BINARY) + " " + args;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return run;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  const int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return run;
}

struct Line {
  int64_t cluster = -1;
  std::string canonical;
  double similarity = -1, containment = -1;
};

// id -> line; fails the test on a malformed line.
std::map<std::string, Line> Parse(const std::string& out) {
  std::map<std::string, Line> lines;
  simdjson::dom::parser parser;
  size_t start = 0;
  while (start < out.size()) {
    const size_t end = out.find('\n', start);
    const std::string json = out.substr(start, end - start);
    start = end == std::string::npos ? out.size() : end + 1;
    simdjson::dom::object o;
    EXPECT_EQ(parser.parse(json).get(o), simdjson::SUCCESS) << json;
    if (o.size() != 5) ADD_FAILURE() << "expected 5 fields: " << json;
    std::string_view id, canonical;
    Line line;
    EXPECT_FALSE(o["id"].get(id));
    EXPECT_FALSE(o["cluster"].get(line.cluster));
    EXPECT_FALSE(o["canonical"].get(canonical));
    EXPECT_FALSE(o["similarity"].get(line.similarity));
    EXPECT_FALSE(o["containment"].get(line.containment));
    line.canonical = std::string(canonical);
    lines[std::string(id)] = line;
  }
  return lines;
}

class ClusterCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newsmill_cluster_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "pages");
    const auto story = Paragraphs(50, 12);
    Write("pages/a_full.txt", Join(story));
    Write("pages/b_trimmed.txt", Join(story, 0, 7));
    Write("pages/c_other.txt", Join(Paragraphs(51, 12)));
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text << "\n";
  }
  std::string P(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(ClusterCliTest, RecordsFromExtract) {
  ASSERT_EQ(Newsmill("extract -q -o " + P("records.jsonl") + " " + P("pages")).status, 0);
  {  // every record carries its fingerprints (docs/schema.md)
    std::ifstream in(P("records.jsonl"));
    std::string first;
    std::getline(in, first);
    simdjson::dom::parser parser;
    simdjson::dom::object fp;
    ASSERT_EQ(parser.parse(first)["fingerprints"].get(fp), simdjson::SUCCESS) << first;
    simdjson::dom::array minhash;
    std::string_view simhash;
    int64_t shingles = 0;
    ASSERT_FALSE(fp["minhash"].get(minhash));
    EXPECT_EQ(minhash.size(), 128u);
    ASSERT_FALSE(fp["simhash"].get(simhash));
    EXPECT_EQ(simhash.size(), 16u);
    ASSERT_FALSE(fp["shingles"].get(shingles));
    EXPECT_EQ(shingles, 477);  // 12 paragraphs of 40 words, minus 3
  }
  const CommandRun run = Newsmill("cluster -q " + P("records.jsonl"));
  ASSERT_EQ(run.status, 0);
  const auto lines = Parse(run.out);
  ASSERT_EQ(lines.size(), 3u);
  const Line& full = lines.at(P("pages/a_full.txt"));
  const Line& cut = lines.at(P("pages/b_trimmed.txt"));
  const Line& other = lines.at(P("pages/c_other.txt"));
  EXPECT_EQ(full.cluster, 0);
  EXPECT_EQ(cut.cluster, 0);
  EXPECT_EQ(cut.canonical, P("pages/a_full.txt"));
  EXPECT_GT(cut.containment, 0.8);
  EXPECT_LT(cut.similarity, 0.8);
  EXPECT_EQ(full.similarity, 1.0);
  EXPECT_EQ(other.cluster, 2);
  EXPECT_EQ(other.canonical, P("pages/c_other.txt"));
}

TEST_F(ClusterCliTest, RawInputsAndRecordsWithoutFingerprintsAgree) {
  ASSERT_EQ(Newsmill("extract -q --no-fingerprints -o " + P("bare.jsonl") + " " +
                     P("pages")).status, 0);
  std::ifstream in(P("bare.jsonl"));
  const std::string records((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(records.find("\"fingerprints\""), std::string::npos);
  const CommandRun from_records = Newsmill("cluster -q " + P("bare.jsonl"));
  const CommandRun from_raw = Newsmill("cluster -q " + P("pages"));
  ASSERT_EQ(from_raw.status, 0);
  EXPECT_EQ(from_records.out, from_raw.out);
}

TEST_F(ClusterCliTest, IndexCarriesClustersToTheNextRun) {
  const std::string index = P("seen.nmdx");
  ASSERT_EQ(Newsmill("cluster -q --index " + index + " -o " + P("day1.jsonl") + " " +
                     P("pages/a_full.txt") + " " + P("pages/c_other.txt")).status, 0);
  ASSERT_TRUE(fs::exists(index));
  const CommandRun day2 = Newsmill("cluster -q --index " + index + " " + P("pages/b_trimmed.txt"));
  ASSERT_EQ(day2.status, 0);
  const auto lines = Parse(day2.out);
  ASSERT_EQ(lines.size(), 1u);  // only the new document
  EXPECT_EQ(lines.begin()->second.cluster, 0);
  EXPECT_EQ(lines.begin()->second.canonical, P("pages/a_full.txt"));
  const CommandRun all = Newsmill("cluster -q --read-only --all --index " + index + " " +
                           P("pages/c_other.txt"));
  // c_other.txt seen again is a new document (a copy of the first one).
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), 4);
  EXPECT_EQ(Parse(all.out).at(P("pages/c_other.txt")).cluster, 1);
}

TEST_F(ClusterCliTest, UsageAndInputErrors) {
  EXPECT_EQ(Newsmill("cluster --help").status, 0);
  EXPECT_EQ(Newsmill("cluster --from nonsense x 2>/dev/null").status, 2);
  EXPECT_EQ(Newsmill("cluster --bands 100 --rows 2 x 2>/dev/null").status, 2);
  EXPECT_EQ(Newsmill("cluster -q " + P("missing.jsonl") + " 2>/dev/null").status, 1);
  Write("bad.nmdx", "garbage");
  EXPECT_EQ(Newsmill("cluster -q --index " + P("bad.nmdx") + " " + P("pages") +
                     " 2>/dev/null").status, 1);
}

}  // namespace
}  // namespace newsmill
