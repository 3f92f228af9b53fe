// newsmill on the adversarial corpus (hostile_corpus.h): every input
// document gives exactly one line, a record or an error, in input order, and
// the run goes on.
#include <gtest/gtest.h>

#include "hostile/hostile_corpus.h"
#include "hostile/run_util.h"
#include "readers/reader_test_util.h"

namespace newsmill::hostile {
namespace {

using reader_test::TempDir;

// One line per document, each a record or an error and never both.
void ExpectOneLinePerDocument(const Case& c, const RunOutput& out) {
  ASSERT_EQ(out.status, 0) << c.name;
  ASSERT_EQ(out.lines.size(), c.documents) << c.name << ": " << c.about;
  for (const std::string& line : out.lines) {
    const LineFields f = Fields(line);
    EXPECT_TRUE(f.valid) << c.name << ": " << line.substr(0, 300);
    EXPECT_NE(f.has_error, f.has_text) << c.name << ": " << line.substr(0, 300);
  }
}

TEST(HostileTest, EveryAdversarialCaseGivesOneLinePerDocument) {
  TempDir dir;
  const std::vector<Case> cases = AdversarialCases();
  ASSERT_TRUE(WriteCases(dir.path(), cases));
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ExpectOneLinePerDocument(c, RunExtractIn(dir.path(), "'" + c.name + "'"));
  }
}

TEST(HostileTest, BombsAndTimeBecomeErrorsOfTheirDocumentOnly) {
  TempDir dir;
  std::vector<Case> cases = AdversarialCases();
  ASSERT_TRUE(WriteCases(dir.path(), cases));
  RunOutput out = RunExtractIn(dir.path(), "gzip_bomb_markup.html.gz content_encoding_bomb.warc");
  ASSERT_EQ(out.lines.size(), 3u);
  EXPECT_NE(out.lines[0].find("max_decompression_ratio"), std::string::npos) << out.lines[0];
  EXPECT_NE(out.lines[1].find("max_decompression_ratio"), std::string::npos) << out.lines[1];
  EXPECT_TRUE(Fields(out.lines[2]).has_text);
  // With the ratio bound off the markup bomb is cut at max_bytes instead.
  out = RunExtractIn(dir.path(), "--max-ratio 0 --max-bytes 100000 gzip_bomb_markup.html.gz");
  ASSERT_EQ(out.lines.size(), 1u);
  EXPECT_NE(out.lines[0].find("document cut at 100000"), std::string::npos);
  // A budget no document can meet: every document is an error record, the
  // run still ends with one line each.
  out = RunExtractIn(dir.path(), "--max-seconds 0.000001 many_paragraphs.html deep_div.html");
  ASSERT_EQ(out.lines.size(), 2u);
  for (const std::string& line : out.lines) {
    EXPECT_NE(line.find("time budget exceeded"), std::string::npos) << line.substr(0, 300);
  }
  out = RunExtractIn(dir.path(), "--max-depth 10 deep_div.html");
  ASSERT_EQ(out.lines.size(), 1u);
  EXPECT_NE(out.lines[0].find("tree deeper than 10"), std::string::npos);
}

TEST(HostileTest, FiftyMegabyteLineIsOneRecord) {
  TempDir dir;
  const std::vector<Case> cases = {LongLineCase(size_t{50} << 20, false)};
  ASSERT_TRUE(WriteCases(dir.path(), cases));
  ExpectOneLinePerDocument(cases[0], RunExtractIn(dir.path(), cases[0].name));
}

TEST(HostileTest, MixedRunOfTenThousandDocumentsKeepsEveryOneInOrder) {
  TempDir dir;
  const MixedRun run = MixedCorpus(10000, 10);
  ASSERT_TRUE(WriteCases(dir.path(), run.files));
  std::string args = "--threads 2";
  for (const std::string& input : run.inputs) args += " " + input;
  const RunOutput out = RunExtractIn(dir.path(), args);
  ASSERT_EQ(out.status, 0);
  ASSERT_EQ(out.lines.size(), 10000u);
  size_t errors = 0;
  for (size_t i = 0; i < out.lines.size(); ++i) {
    const LineFields f = Fields(out.lines[i]);
    ASSERT_TRUE(f.valid) << i << ": " << out.lines[i].substr(0, 300);
    ASSERT_EQ(f.id, run.expected_ids[i]) << "line " << i;
    EXPECT_EQ(f.has_error, run.expected_error[i]) << i << ": " << out.lines[i].substr(0, 300);
    EXPECT_NE(f.has_error, f.has_text) << i;
    errors += f.has_error;
  }
  EXPECT_EQ(errors, 1000u);
}

}  // namespace
}  // namespace newsmill::hostile
