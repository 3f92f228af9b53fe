// JSON Lines reading.
#include <gtest/gtest.h>

#include <string>

#include "newsmill/readers.h"
#include "readers/reader_test_util.h"

namespace newsmill {
namespace {

using reader_test::CountErrors;
using reader_test::Gzip;
using reader_test::ReadAll;
using reader_test::TempDir;

TEST(JsonlReader, EveryKindOfLine) {
  TempDir dir;
  std::string jsonl =
      "{\"id\":\"a\",\"url\":\"https://a.example/\",\"html\":\"<p>caf\\u00e9</"
      "p>\"}\n"                                         // 1
      "{\"id\":\"b\",\"text\":\"Already scraped.\"}\n"  // 2
      "\n"                                              // 3
      "{\"id\":12345,\"html\":\"<p>n</p>\"}\r\n"        // 4
      "{\"html\":\"<p>no id</p>\"}\n"                   // 5
      "{\"id\":\"broken\",\"html\":\n"                  // 6
      "   \t \n"                                        // 7
      "{\"id\":\"nul\",\"html\":\"a" +
      std::string(1, '\0') +
      "b\"}\n"                                                 // 8
      "{\"id\":\"neither\",\"body\":\"x\"}\n"                  // 9
      "[1,2,3]\n"                                              // 10
      "{\"id\":-7.5,\"text\":\"\"}\n"                          // 11
      "{\"id\":\"bad-html\",\"html\":42}\n"                    // 12
      "{\"id\":\"last\",\"text\":\"no newline at the end\"}";  // 13
  std::string path = dir.Write("docs.jsonl", jsonl);
  auto out = ReadAll({path});
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 11u);
  auto at = [&](int line) { return path + ":" + std::to_string(line); };

  const Document& a = out.docs[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.url, "https://a.example/");
  EXPECT_EQ(a.kind, PayloadKind::kHtml);
  EXPECT_EQ(a.bytes, "<p>caf\xc3\xa9</p>");
  EXPECT_EQ(a.charset, "utf-8");
  EXPECT_EQ(a.origin, at(1));

  EXPECT_EQ(out.docs[1].id, "b");
  EXPECT_EQ(out.docs[1].kind, PayloadKind::kText);
  EXPECT_EQ(out.docs[1].bytes, "Already scraped.");

  EXPECT_EQ(out.docs[2].id, "12345");
  EXPECT_EQ(out.docs[2].origin, at(4));
  EXPECT_EQ(out.docs[2].bytes, "<p>n</p>");

  EXPECT_EQ(out.docs[3].id, at(5));
  EXPECT_TRUE(out.docs[3].error.empty());

  EXPECT_EQ(out.docs[4].id, at(6));
  EXPECT_EQ(out.docs[4].error.rfind("line 6: invalid JSON", 0), 0u)
      << out.docs[4].error;

  EXPECT_EQ(out.docs[5].id, at(8));
  EXPECT_EQ(out.docs[5].error, "line 8: invalid JSON: NUL byte at column 22");

  EXPECT_EQ(out.docs[6].id, "neither");
  EXPECT_EQ(out.docs[6].error, "line 9: neither \"html\" nor \"text\"");

  EXPECT_EQ(out.docs[7].id, at(10));
  EXPECT_EQ(out.docs[7].error, "line 10: not a JSON object");

  EXPECT_EQ(out.docs[8].id, "-7.5");
  EXPECT_EQ(out.docs[8].kind, PayloadKind::kText);
  EXPECT_TRUE(out.docs[8].error.empty());
  EXPECT_TRUE(out.docs[8].bytes.empty());

  EXPECT_EQ(out.docs[9].id, "bad-html");
  EXPECT_EQ(out.docs[9].error, "line 12: \"html\" is not a string");

  EXPECT_EQ(out.docs[10].id, "last");
  EXPECT_EQ(out.docs[10].origin, at(13));
  EXPECT_EQ(CountErrors(out.docs), 5u);
}

TEST(JsonlReader, InvalidUtf8IsInvalidJson) {
  TempDir dir;
  std::string path =
      dir.Write("bad.jsonl", "{\"id\":\"x\",\"html\":\"\xff\xfe\"}\n");
  auto out = ReadAll({path});
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, path + ":1");
  EXPECT_NE(out.docs[0].error.find("line 1: invalid JSON"), std::string::npos);
}

TEST(JsonlReader, MultiMegabyteLinesAndGzip) {
  TempDir dir;
  std::string html = "<p>" + std::string(5 << 20, 'y') + "</p>";
  std::string jsonl = "{\"id\":\"big\",\"html\":\"" + html +
                      "\"}\n{\"id\":\"small\",\"text\":\"t\"}\n";
  auto out = ReadAll({dir.Write("big.jsonl.gz", Gzip(jsonl))});
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].bytes, html);
  EXPECT_EQ(out.docs[1].id, "small");
}

TEST(JsonlReader, LineLongerThanMaxDocumentBytesIsSkipped) {
  TempDir dir;
  std::string jsonl = "{\"id\":\"long\",\"html\":\"" + std::string(1000, 'z') +
                      "\"}\n{\"id\":\"next\",\"html\":\"<p>ok</p>\"}\n";
  ReaderOptions options;
  options.max_document_bytes = 200;
  std::string path = dir.Write("long.jsonl", jsonl);
  auto out = ReadAll({path}, options);
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, path + ":1");
  EXPECT_EQ(out.docs[0].error, "line 1: longer than max_document_bytes (" +
                                   std::to_string(jsonl.find('\n')) +
                                   " bytes)");
  EXPECT_EQ(out.docs[1].id, "next");
  EXPECT_EQ(out.docs[1].origin, path + ":2");
}

TEST(JsonlReader, TruncatedGzipGivesLinesBeforeThenOneError) {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 2000; ++i) {
    jsonl += "{\"id\":" + std::to_string(i) + ",\"text\":\"line " +
             std::to_string(i * 7919) + "\"}\n";
  }
  std::string gz = Gzip(jsonl);
  auto out = ReadAll({dir.Write("cut.jsonl.gz", gz.substr(0, gz.size() / 2))});
  ASSERT_GE(out.docs.size(), 2u);
  EXPECT_EQ(CountErrors(out.docs), 1u);
  EXPECT_NE(out.docs.back().error.find("truncated gzip stream"),
            std::string::npos);
  for (size_t i = 0; i + 1 < out.docs.size(); ++i) {
    EXPECT_EQ(out.docs[i].id, std::to_string(i));
  }
}

}  // namespace
}  // namespace newsmill
