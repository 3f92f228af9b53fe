// The newsmill command on broken input: every input document yields exactly
// one line, a record or a record with `error`, and the run goes on.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <string>
#include <vector>

#include "common/run_command.h"
#include "readers/reader_test_util.h"

namespace newsmill {
namespace {

using reader_test::Gzip;
using reader_test::HtmlResponseRecord;
using reader_test::TempDir;

struct Output {
  int status = -1;
  std::vector<std::string> lines;
};

Output RunNewsmill(const std::string& args) {
  const testing::CommandOutput run = testing::RunCommand(
      std::string(NEWSMILL_BINARY) + " extract --quiet " + args + " 2>/dev/null");
  return {run.status, run.lines()};
}

std::string Field(const std::string& json, std::string_view key) {
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  if (parser.parse(json).get(e) != simdjson::SUCCESS) return "<invalid json>";
  std::string_view v;
  return e[key].get_string().get(v) == simdjson::SUCCESS ? std::string(v) : "";
}

bool HasWarning(const std::string& json, std::string_view needle) {
  return json.find(needle) != std::string::npos && json.find("\"warnings\":[\"") != std::string::npos;
}

std::string Warc(int records) {
  std::string warc;
  for (int i = 0; i < records; ++i) {
    const std::string html = "<html lang=en><title>Page " + std::to_string(i) +
                             "</title><body><p>The council met again today, number " +
                             std::to_string(i) + ", and talked about the budget at length.</p>";
    warc += Gzip(HtmlResponseRecord("<urn:uuid:" + std::to_string(i) + ">",
                                    "https://example.com/" + std::to_string(i), html));
  }
  return warc;
}

TEST(BadInputTest, WarcOfAThousandResponsesGivesAThousandLines) {
  TempDir dir;
  const std::string path = dir.Write("crawl.warc.gz", Warc(1000));
  const Output out = RunNewsmill(path);
  ASSERT_EQ(out.status, 0);
  ASSERT_EQ(out.lines.size(), 1000u);
  EXPECT_EQ(Field(out.lines[0], "id"), "<urn:uuid:0>");
  EXPECT_EQ(Field(out.lines[999], "url"), "https://example.com/999");
  for (const std::string& line : out.lines) EXPECT_EQ(Field(line, "error"), "");
}

TEST(BadInputTest, WarcCutInTheMiddleGivesRecordsBeforeAndOneError) {
  TempDir dir;
  const std::string warc = Warc(1000);
  const std::string path = dir.Write("cut.warc.gz", warc.substr(0, warc.size() / 2));
  const Output out = RunNewsmill(path);
  ASSERT_EQ(out.status, 0);
  ASSERT_GE(out.lines.size(), 400u);
  for (size_t i = 0; i + 1 < out.lines.size(); ++i) {
    EXPECT_EQ(Field(out.lines[i], "error"), "") << out.lines[i];
  }
  EXPECT_NE(Field(out.lines.back(), "error"), "") << out.lines.back();
}

TEST(BadInputTest, EveryBrokenFileGivesOneLine) {
  TempDir dir;
  dir.Write("a_empty.html", "");
  dir.Write("b_binary.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  dir.Write("c_invalid_utf8.txt",
            // UTF-8 with two broken sequences among many good ones (a page
            // spliced in the middle of a character).
            "Le caf\xc3\xa9 du port a rouvert, a d\xc3\xa9" "clar\xc3\xa9 le maire \xe2\x80\x9c" "d\xc3\xa9j\xc3\xa0 "
            "\xe2\x80 ce mardi\xe2\x80\x9d, apr\xc3\xa8s des mois de travaux \xc3 au port.\n");
  dir.Write("d_latin1.html",
            "<html><head><meta charset=iso-8859-1><title>Caf\xe9</title></head>"
            "<body><p>Le caf\xe9 du port a rouvert ses portes mardi matin, apr\xe8s des mois de "
            "travaux, au grand plaisir des habitants du quartier.</p></body></html>");
  dir.Write("e_huge.txt", std::string(3 << 20, 'x'));
  dir.Write("f_broken.jsonl", "{\"id\":\"ok\",\"text\":\"fine text here\"}\n{broken\n");
  const std::string warc = Warc(3);
  dir.Write("g_truncated.warc.gz", warc.substr(0, warc.size() - 20));
  const Output out = RunNewsmill("--max-bytes 1048576 " + dir.path());
  ASSERT_EQ(out.status, 0);
  // a, b, c, d, e, f (2 lines), g (2 records + 1 error).
  ASSERT_EQ(out.lines.size(), 10u);
  EXPECT_NE(Field(out.lines[0], "error").find("empty"), std::string::npos) << out.lines[0];
  EXPECT_NE(Field(out.lines[1], "error").find("binary"), std::string::npos) << out.lines[1];
  EXPECT_EQ(Field(out.lines[2], "error"), "");
  EXPECT_TRUE(HasWarning(out.lines[2], "invalid UTF-8")) << out.lines[2];
  EXPECT_EQ(Field(out.lines[3], "title"), "Caf\xc3\xa9");
  EXPECT_NE(Field(out.lines[3], "text").find("apr\xc3\xa8s"), std::string::npos);
  EXPECT_TRUE(HasWarning(out.lines[4], "cut at")) << out.lines[4].substr(0, 200);
  EXPECT_EQ(Field(out.lines[5], "id"), "ok");
  EXPECT_NE(Field(out.lines[6], "error"), "");
  EXPECT_EQ(Field(out.lines[7], "error"), "");
  EXPECT_EQ(Field(out.lines[8], "error"), "");
  EXPECT_NE(Field(out.lines[9], "error"), "");
}

TEST(BadInputTest, UnreadableInputsExitOneOthersStillRead) {
  TempDir dir;
  const std::string ok = dir.Write("ok.txt", "The council met on Tuesday and voted on the budget.\n");
  const Output out = RunNewsmill(dir.Path("missing.html") + " " + ok);
  EXPECT_EQ(out.status, 1);
  EXPECT_EQ(out.lines.size(), 1u);
}

}  // namespace
}  // namespace newsmill
