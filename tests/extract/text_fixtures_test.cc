// Every scraped-page fixture in tests/extract/fixtures/ read as text must
// meet its .expected.json: title, section, authors, related titles, where
// the article starts and ends, repaired paragraphs, and no chrome left.
#include <gtest/gtest.h>

#include <filesystem>

#include "extract/expectations.h"
#include "newsmill/extract.h"
#include "newsmill/record.h"

namespace newsmill {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> FixtureNames() {
  std::vector<std::string> names;
  const fs::path dir = fs::path(NEWSMILL_SOURCE_DIR) / "tests/extract/fixtures";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") names.push_back(entry.path().stem());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class TextFixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(TextFixtureTest, MeetsExpectations) {
  const fs::path dir = fs::path(NEWSMILL_SOURCE_DIR) / "tests/extract/fixtures";
  const std::string text = testing::ReadFileOrEmpty(dir / (GetParam() + ".txt"));
  const std::string expected =
      testing::ReadFileOrEmpty(dir / (GetParam() + ".expected.json"));
  ASSERT_FALSE(text.empty());
  ASSERT_FALSE(expected.empty());
  Record record;
  record.id = GetParam();
  record.article = ExtractFromText(text, ExtractOptions{});
  const testing::CheckResult result =
      testing::CheckArticleExpectations(RecordToJson(record), expected);
  EXPECT_GT(result.passed, 5);
  for (const std::string& failure : result.failures) ADD_FAILURE() << failure;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TextFixtureTest, ::testing::ValuesIn(FixtureNames()),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(TextFixtureTest, AtLeastSixFixtures) { EXPECT_GE(FixtureNames().size(), 6u); }

}  // namespace
}  // namespace newsmill
