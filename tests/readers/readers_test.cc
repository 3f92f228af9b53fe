// ReadInputs over files, directories and stdin; formats; limits.
#include "newsmill/readers.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "readers/reader_test_util.h"

namespace newsmill {
namespace {

using reader_test::CountErrors;
using reader_test::Gzip;
using reader_test::HtmlResponseRecord;
using reader_test::ReadAll;
using reader_test::TempDir;

TEST(ReaderFormats, ParseInputFormat) {
  InputFormat f = InputFormat::kAuto;
  EXPECT_TRUE(ParseInputFormat("warc", &f));
  EXPECT_EQ(f, InputFormat::kWarc);
  EXPECT_TRUE(ParseInputFormat("jsonl", &f));
  EXPECT_EQ(f, InputFormat::kJsonl);
  EXPECT_TRUE(ParseInputFormat("html", &f));
  EXPECT_EQ(f, InputFormat::kHtml);
  EXPECT_TRUE(ParseInputFormat("text", &f));
  EXPECT_EQ(f, InputFormat::kText);
  f = InputFormat::kAuto;
  EXPECT_TRUE(ParseInputFormat("txt", &f));
  EXPECT_EQ(f, InputFormat::kText);
  EXPECT_TRUE(ParseInputFormat("auto", &f));
  EXPECT_EQ(f, InputFormat::kAuto);
  EXPECT_FALSE(ParseInputFormat("pdf", &f));
  EXPECT_FALSE(ParseInputFormat("", &f));
}

TEST(ReaderFormats, FormatFromPath) {
  EXPECT_EQ(FormatFromPath("a/b.html"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromPath("b.htm"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromPath("b.html.gz"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromPath("b.HTM.GZ"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromPath("x/y.warc"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromPath("y.warc.gz"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromPath("y.jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromPath("y.jsonl.gz"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromPath("notes.txt"), InputFormat::kText);
  EXPECT_EQ(FormatFromPath("y.gz"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromPath("y.json"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromPath("html"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromPath("dir.html/readme"), InputFormat::kAuto);
}

TEST(ReaderFiles, HtmlAndTextFilesAreWholeDocuments) {
  TempDir dir;
  std::string html = dir.Write("page.html", "<html><p>x</p></html>");
  std::string gz = dir.Write("page.htm.gz", Gzip("<p>zipped</p>"));
  std::string txt = dir.Write("notes.txt", "plain words");
  std::string empty = dir.Write("empty.html", "");
  std::string binary = dir.Write("bin.txt", std::string("\0\1\2\3", 4));
  auto out = ReadAll({html, gz, txt, empty, binary});
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 5u);
  EXPECT_EQ(out.docs[0].id, html);
  EXPECT_EQ(out.docs[0].origin, html);
  EXPECT_EQ(out.docs[0].kind, PayloadKind::kHtml);
  EXPECT_EQ(out.docs[0].bytes, "<html><p>x</p></html>");
  EXPECT_EQ(out.docs[0].charset, "");
  EXPECT_EQ(out.docs[1].bytes, "<p>zipped</p>");
  EXPECT_EQ(out.docs[2].kind, PayloadKind::kText);
  EXPECT_EQ(out.docs[2].bytes, "plain words");
  EXPECT_EQ(out.docs[3].id, empty);
  EXPECT_TRUE(out.docs[3].bytes.empty());
  EXPECT_EQ(out.docs[4].bytes.size(), 4u);
  EXPECT_EQ(CountErrors(out.docs), 0u);
}

TEST(ReaderFiles, UnknownExtensionsAreSniffed) {
  TempDir dir;
  std::string warc = dir.Write(
      "crawl.bin", Gzip(HtmlResponseRecord("<urn:uuid:w>", "https://w.example/",
                                           "<p>w</p>")));
  std::string jsonl =
      dir.Write("lines.data", "  {\"id\":\"j\",\"text\":\"t\"}\n");
  std::string html = dir.Write("page", "\xEF\xBB\xBF\n<!doctype html><p>h</p>");
  std::string text = dir.Write("README", "just words");
  auto out = ReadAll({warc, jsonl, html, text});
  ASSERT_EQ(out.docs.size(), 4u);
  EXPECT_EQ(out.docs[0].id, "<urn:uuid:w>");
  EXPECT_EQ(out.docs[1].id, "j");
  EXPECT_EQ(out.docs[2].kind, PayloadKind::kHtml);
  EXPECT_EQ(out.docs[2].id, html);
  EXPECT_EQ(out.docs[3].kind, PayloadKind::kText);
}

TEST(ReaderFiles, ForcedFormatOverridesTheName) {
  TempDir dir;
  std::string path = dir.Write("page.html", "<p>as text</p>");
  ReaderOptions options;
  options.format = InputFormat::kText;
  auto out = ReadAll({path}, options);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].kind, PayloadKind::kText);
}

TEST(ReaderFiles, DirectoriesAreWalkedRecursivelyInSortedOrder) {
  TempDir dir;
  dir.Write("b/2.html", "<p>b2</p>");
  dir.Write("b/1.txt", "b1");
  dir.Write("a.html", "<p>a</p>");
  dir.Write("c/d/e.jsonl", "{\"id\":\"e\",\"text\":\"e\"}\n");
  dir.Write("c/d/skip.json", "{}");
  dir.Write("c/notes.md", "# no");
  dir.Write("c/image.png", "\x89PNG");
  dir.Write("z.warc", HtmlResponseRecord("<urn:uuid:z>", "https://z.example/",
                                         "<p>z</p>"));
  auto out = ReadAll({dir.path()});
  ASSERT_TRUE(out.status.ok());
  std::vector<std::string> ids;
  for (const Document& d : out.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{
                     dir.Path("a.html"), dir.Path("b/1.txt"),
                     dir.Path("b/2.html"), "e", "<urn:uuid:z>"}));
}

TEST(ReaderFiles, MissingPathIsNotFoundButOtherInputsAreRead) {
  TempDir dir;
  std::string a = dir.Write("a.html", "<p>a</p>");
  std::string b = dir.Write("b.txt", "b");
  auto out = ReadAll({a, dir.Path("missing.html"), b, dir.Path("gone/")});
  EXPECT_EQ(out.status.code(), Status::Code::kNotFound);
  EXPECT_NE(out.status.message().find("missing.html"), std::string::npos);
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, a);
  EXPECT_EQ(out.docs[1].id, b);
}

TEST(ReaderFiles, UnreadableFileIsAnIoError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read anything";
  TempDir dir;
  std::string locked = dir.Write("locked.html", "<p>x</p>");
  ASSERT_EQ(::chmod(locked.c_str(), 0), 0);
  std::string ok = dir.Write("ok.html", "<p>ok</p>");
  auto out = ReadAll({locked, ok});
  EXPECT_EQ(out.status.code(), Status::Code::kIoError);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, ok);
}

TEST(ReaderFiles, LargeFileIsCutWithAWarning) {
  TempDir dir;
  std::string path = dir.Write("big.html", std::string(1000, 'x'));
  std::string gz = dir.Write("big.html.gz", Gzip(std::string(300000, 'y')));
  ReaderOptions options;
  options.max_document_bytes = 100;
  auto out = ReadAll({path, gz}, options);
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].bytes, std::string(100, 'x'));
  EXPECT_EQ(out.docs[0].warnings,
            std::vector<std::string>{"document cut at 100 bytes (was 1000)"});
  EXPECT_EQ(out.docs[1].bytes, std::string(100, 'y'));
  EXPECT_EQ(out.docs[1].warnings,
            std::vector<std::string>{"document cut at 100 bytes (was 300000)"});
}

TEST(ReaderFiles, GzipBombInAnHtmlFileIsAnError) {
  TempDir dir;
  std::string bomb =
      dir.Write("bomb.html.gz", Gzip(std::string(16 << 20, '<')));
  std::string after = dir.Write("after.html", "<p>after</p>");
  ReaderOptions options;
  options.max_document_bytes = 1000;
  options.max_decompressed_bytes = 1 << 20;
  auto out = ReadAll({bomb, after}, options);
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, bomb);
  EXPECT_NE(out.docs[0].error.find("max_decompressed_bytes"),
            std::string::npos);
  EXPECT_EQ(out.docs[1].bytes, "<p>after</p>");
}

TEST(ReaderFiles, TruncatedGzipHtmlIsOneErrorDocument) {
  TempDir dir;
  std::string gz = Gzip(std::string(5000, 'a') + "<p>");
  std::string path = dir.Write("cut.html.gz", gz.substr(0, gz.size() - 5));
  auto out = ReadAll({path});
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, path);
  EXPECT_EQ(out.docs[0].error, "truncated gzip stream at compressed offset " +
                                   std::to_string(gz.size() - 5));
}

TEST(ReaderFiles, SinkReturningFalseStopsBetweenFiles) {
  TempDir dir;
  std::string a = dir.Write("a.html", "<p>a</p>");
  std::string b = dir.Write("b.html", "<p>b</p>");
  int calls = 0;
  Status s = ReadInputs({a, b, dir.Path("missing.html")}, ReaderOptions(),
                        [&](Document&&) {
                          ++calls;
                          return false;
                        });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(calls, 1);
}

// Runs ReadInputs({"-"}) with stdin redirected from `file`.
reader_test::ReadOutcome ReadStdinFrom(const std::string& file) {
  int saved = ::dup(STDIN_FILENO);
  int fd = ::open(file.c_str(), O_RDONLY);
  EXPECT_GE(fd, 0);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  reader_test::ReadOutcome out = ReadAll({"-"});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  return out;
}

TEST(ReaderStdin, GzippedJsonlIsSniffed) {
  TempDir dir;
  auto out = ReadStdinFrom(dir.Write(
      "in", Gzip("{\"id\":1,\"text\":\"one\"}\n\n{\"text\":\"two\"}\n")));
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "1");
  EXPECT_EQ(out.docs[1].id, "-:3");
  EXPECT_EQ(out.docs[1].origin, "-:3");
}

TEST(ReaderStdin, WarcAndHtmlAreSniffed) {
  TempDir dir;
  auto warc = ReadStdinFrom(dir.Write(
      "w",
      HtmlResponseRecord("<urn:uuid:s>", "https://s.example/", "<p>s</p>")));
  ASSERT_EQ(warc.docs.size(), 1u);
  EXPECT_EQ(warc.docs[0].id, "<urn:uuid:s>");
  EXPECT_EQ(warc.docs[0].origin, "-@0");
  auto html = ReadStdinFrom(dir.Write("h", "\n\n<html></html>"));
  ASSERT_EQ(html.docs.size(), 1u);
  EXPECT_EQ(html.docs[0].id, "-");
  EXPECT_EQ(html.docs[0].kind, PayloadKind::kHtml);
}

}  // namespace
}  // namespace newsmill
