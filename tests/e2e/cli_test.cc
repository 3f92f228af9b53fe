// The newsmill command end to end: flags, exit statuses, one line per input
// document in input order, and the seed page when ../shared is there.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <simdjson.h>
#include <string>
#include <vector>

#include "common/run_command.h"
#include "extract/expectations.h"

namespace newsmill {
namespace {

namespace fs = std::filesystem;

using CommandRun = testing::CommandOutput;
using testing::SplitLines;

CommandRun Newsmill(const std::string& args) {
  return testing::RunCommand(std::string(NEWSMILL_BINARY) + " " + args);
}

std::vector<std::string> Lines(const std::string& s) { return SplitLines(s); }

std::string Field(const std::string& json, std::string_view key) {
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  if (parser.parse(json).get(e) != simdjson::SUCCESS) return "<invalid json>";
  std::string_view v;
  if (e[key].get_string().get(v) != simdjson::SUCCESS) return "";
  return std::string(v);
}

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("newsmill_e2e_" + name + "_" +
                                              std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

const std::string kSource = NEWSMILL_SOURCE_DIR;

TEST(CliTest, VersionAndHelp) {
  CommandRun v = Newsmill("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_NE(v.out.find("newsmill"), std::string::npos);
  EXPECT_EQ(Newsmill("extract --help").status, 0);
  EXPECT_EQ(Newsmill("--help").status, 0);
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Newsmill("extract --format nonsense x.html 2>/dev/null").status, 2);
  EXPECT_EQ(Newsmill("frobnicate 2>/dev/null").status, 2);
  EXPECT_EQ(Newsmill("2>/dev/null").status, 2);
}

TEST(CliTest, ExamplesGiveOneLinePerDocument) {
  CommandRun run = Newsmill("extract --quiet " + kSource + "/examples");
  ASSERT_EQ(run.status, 0);
  const std::vector<std::string> lines = Lines(run.out);
  // pages.jsonl (3 lines, one broken), press_release.html, wire_story.txt.
  ASSERT_EQ(lines.size(), 5u) << run.out;
  int errors = 0;
  for (const std::string& line : lines) {
    EXPECT_NE(Field(line, "id"), "<invalid json>") << line;
    errors += !Field(line, "error").empty();
  }
  EXPECT_EQ(errors, 1);
}

TEST(CliTest, MissingInputExitsOneButOthersAreRead) {
  CommandRun run = Newsmill("extract --quiet /nonexistent/page.html " + kSource +
                     "/examples/wire_story.txt 2>/dev/null");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(Lines(run.out).size(), 1u);
}

TEST(CliTest, OutputOrderFollowsInputOrderWithManyThreads) {
  const fs::path dir = TempDir("order");
  for (int i = 0; i < 300; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "page%04d.txt", i);
    std::ofstream(dir / name) << "Headline number " << i << "\n"
                              << std::string(static_cast<size_t>(i % 7) * 400, 'x')
                              << "\nThe council met on day " << i
                              << " and talked about many things at length today.\n";
  }
  CommandRun run = Newsmill("extract --quiet --threads 4 " + dir.string());
  ASSERT_EQ(run.status, 0);
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 300u);
  for (int i = 0; i < 300; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "page%04d.txt", i);
    EXPECT_TRUE(Field(lines[static_cast<size_t>(i)], "id").ends_with(name));
  }
  fs::remove_all(dir);
}

TEST(CliTest, OutputFileAndStdin) {
  const fs::path dir = TempDir("out");
  const fs::path out = dir / "records.jsonl";
  CommandRun run = Newsmill("extract --quiet -o " + out.string() + " - < " + kSource +
                     "/examples/wire_story.txt");
  ASSERT_EQ(run.status, 0);
  EXPECT_TRUE(run.out.empty());
  const std::string written = testing::ReadFileOrEmpty(out);
  EXPECT_EQ(Lines(written).size(), 1u);
  EXPECT_FALSE(fs::exists(out.string() + ".tmp"));
  fs::remove_all(dir);
}

TEST(CliTest, VerbatimKeepsOffsetsIntoTheInput) {
  const std::string path = kSource + "/examples/wire_story.txt";
  CommandRun run = Newsmill("extract --quiet --verbatim " + path);
  ASSERT_EQ(run.status, 0);
  EXPECT_EQ(Field(Lines(run.out)[0], "text"), testing::ReadFileOrEmpty(path));
}

// The seed page from ../shared: its article and metadata checks (entities
// and statements belong to later stages).
TEST(CliTest, SeedPage) {
  const fs::path seed = fs::path(kSource) / "../shared/seed/000_1bab8556ee00fa53.txt";
  const fs::path expected = fs::path(kSource) / "../shared/seed/expected.json";
  if (!fs::exists(seed) || !fs::exists(expected)) {
    GTEST_SKIP() << "../shared/seed is not there: the seed page check is skipped";
  }
  CommandRun run = Newsmill("extract --quiet " + seed.string());
  ASSERT_EQ(run.status, 0);
  const testing::CheckResult result = testing::CheckArticleExpectations(
      Lines(run.out).at(0), testing::ReadFileOrEmpty(expected));
  EXPECT_GE(result.passed, 15);
  for (const std::string& f : result.failures) ADD_FAILURE() << f;
}

}  // namespace
}  // namespace newsmill
