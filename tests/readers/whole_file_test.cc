// The whole-file path for small files (ReadFileStream: read in one piece,
// gzip inflated by libdeflate). It must give exactly the Documents the
// streaming path (ReadStream: BufferedReader, zlib) gives, errors included.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "readers/byte_source.h"
#include "readers/context.h"
#include "readers/files.h"
#include "readers/reader_test_util.h"

namespace newsmill::readers {
namespace {

using reader_test::Deflate;
using reader_test::Gzip;
using reader_test::HtmlResponseRecord;
using reader_test::TempDir;

std::vector<Document> ReadFileBy(bool whole, const std::string& path,
                                 InputFormat format,
                                 const ReaderOptions& options) {
  std::vector<Document> docs;
  DocumentSink sink = [&](Document&& doc) {
    docs.push_back(std::move(doc));
    return true;
  };
  Emitter emitter(&sink);
  Result<std::unique_ptr<FdSource>> file = FdSource::Open(path);
  EXPECT_TRUE(file.ok());
  if (!file.ok()) return docs;
  const ReadContext ctx{path, &options, &emitter};
  if (whole) {
    ReadFileStream(file.value().get(), file.value()->RegularFileSize(), format,
                   ctx);
  } else {
    ReadStream(file.value().get(), format, ctx);
  }
  return docs;
}

// Reads `path` both ways, expects the same Documents and returns them.
std::vector<Document> ReadBothWays(
    const std::string& path, InputFormat format = InputFormat::kHtml,
    const ReaderOptions& options = ReaderOptions()) {
  const std::vector<Document> whole = ReadFileBy(true, path, format, options);
  const std::vector<Document> streamed =
      ReadFileBy(false, path, format, options);
  EXPECT_EQ(whole.size(), streamed.size()) << path;
  for (size_t i = 0; i < std::min(whole.size(), streamed.size()); ++i) {
    SCOPED_TRACE(path + " document " + std::to_string(i));
    EXPECT_EQ(whole[i].id, streamed[i].id);
    EXPECT_EQ(whole[i].url, streamed[i].url);
    EXPECT_EQ(whole[i].origin, streamed[i].origin);
    EXPECT_EQ(whole[i].kind, streamed[i].kind);
    EXPECT_TRUE(whole[i].bytes == streamed[i].bytes);
    EXPECT_EQ(whole[i].charset, streamed[i].charset);
    EXPECT_EQ(whole[i].error, streamed[i].error);
    EXPECT_EQ(whole[i].warnings, streamed[i].warnings);
  }
  return whole;
}

// Text that compresses about as well as a page does.
std::string PageLike(size_t n) {
  std::string s;
  uint32_t x = 12345;
  while (s.size() < n) {
    x = x * 1103515245u + 12345u;
    s += std::string("<p class=\"c") + std::to_string((x >> 16) % 97) + "\">word " +
         std::to_string(x % 100000) + "</p>\n";
  }
  s.resize(n);
  return s;
}

// A one-member gzip with FLG.FHCRC set and a header CRC (right or wrong).
std::string GzipWithHeaderCrc(std::string_view data, bool right) {
  std::string header("\x1f\x8b\x08\x02\0\0\0\0\0\xff", 10);
  uLong hcrc = crc32(0, reinterpret_cast<const Bytef*>(header.data()),
                     static_cast<uInt>(header.size()));
  if (!right) hcrc ^= 1;
  std::string out = header;
  out.push_back(static_cast<char>(hcrc & 0xff));
  out.push_back(static_cast<char>((hcrc >> 8) & 0xff));
  out += Deflate(data, -15);
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(data.data()),
                          static_cast<uInt>(data.size()));
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((crc >> (8 * i)) & 0xff));
  for (int i = 0; i < 4; ++i) {
    out.push_back(static_cast<char>((data.size() >> (8 * i)) & 0xff));
  }
  return out;
}

TEST(InflateWholeGzip, OneAndManyMembers) {
  std::string out;
  ASSERT_TRUE(InflateWholeGzip(Gzip("<p>one</p>"), 1 << 20, &out));
  EXPECT_EQ(out, "<p>one</p>");
  // The last member's ISIZE is a poor guess for the whole: the room grows.
  const std::string big = PageLike(300000);
  ASSERT_TRUE(InflateWholeGzip(Gzip(big) + Gzip("") + Gzip("end"), 1 << 20,
                               &out));
  EXPECT_TRUE(out == big + "end");
}

TEST(InflateWholeGzip, GivesUpWhereTheStreamingDecoderDecides) {
  std::string out = "x";
  const std::string gz = Gzip(PageLike(100000));
  EXPECT_FALSE(InflateWholeGzip(gz.substr(0, gz.size() - 5), 1 << 20, &out));
  EXPECT_TRUE(out.empty());
  EXPECT_FALSE(InflateWholeGzip(gz.substr(0, gz.size() / 2), 1 << 20, &out));
  EXPECT_FALSE(InflateWholeGzip(gz.substr(0, 10), 1 << 20, &out));
  EXPECT_FALSE(InflateWholeGzip(gz + "garbage", 1 << 20, &out));
  EXPECT_FALSE(InflateWholeGzip(gz + Deflate("zlib", 15), 1 << 20, &out));
  EXPECT_FALSE(InflateWholeGzip(GzipWithHeaderCrc("x", true), 1 << 20, &out));
  // Over the cap: never more output than that.
  EXPECT_FALSE(InflateWholeGzip(gz, 99999, &out));
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(InflateWholeGzip(gz, 100000, &out));
  EXPECT_EQ(out.size(), 100000u);
}

TEST(ReaderWholeFile, PlainAndGzipPagesAreRead) {
  TempDir dir;
  const std::string page = PageLike(50000);
  auto docs = ReadBothWays(dir.Write("a.html", page));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].bytes == page);
  docs = ReadBothWays(dir.Write("a.html.gz", Gzip(page)));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].bytes == page);
  EXPECT_EQ(docs[0].kind, PayloadKind::kHtml);
  EXPECT_TRUE(docs[0].error.empty());
  docs = ReadBothWays(dir.Write("t.txt", "plain text"), InputFormat::kText);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].kind, PayloadKind::kText);
  ReadBothWays(dir.Write("empty.html", ""));
  ReadBothWays(dir.Write("empty.html.gz", Gzip("")));
  ReadBothWays(dir.Write("magic.html.gz", "\x1f"));
  ReadBothWays(dir.Write("magic2.html.gz", "\x1f\x8b"));
}

TEST(ReaderWholeFile, MultiMemberGzipIsReadFully) {
  TempDir dir;
  const std::string a = PageLike(200000), b = PageLike(777);
  auto docs = ReadBothWays(dir.Write("m.html.gz", Gzip(a) + Gzip("") + Gzip(b)));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].bytes == a + b);
  EXPECT_TRUE(docs[0].error.empty());
  // A zlib stream after a gzip member: zlib reads it, libdeflate does not.
  docs = ReadBothWays(dir.Write("z.html.gz", Gzip("<p>a</p>") + Deflate("<p>b</p>", 15)));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].bytes, "<p>a</p><p>b</p>");
}

TEST(ReaderWholeFile, TruncatedOrCorruptGzipIsOneErrorDocument) {
  TempDir dir;
  const std::string gz = Gzip(PageLike(100000));
  for (size_t cut : {gz.size() - 1, gz.size() - 5, gz.size() / 2, size_t{12}}) {
    const std::string path = dir.Write(std::string("cut") + std::to_string(cut) + ".html.gz",
                                       gz.substr(0, cut));
    auto docs = ReadBothWays(path);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].id, path);
    EXPECT_TRUE(docs[0].bytes.empty());
    EXPECT_EQ(docs[0].error.rfind("truncated gzip stream at compressed offset ", 0), 0u)
        << docs[0].error;
  }
  auto docs = ReadBothWays(dir.Write("trail.html.gz", gz + "trailing"));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error.rfind("corrupt gzip stream", 0), 0u) << docs[0].error;
  std::string bad = gz;
  bad[bad.size() - 6] ^= 0x55;  // the CRC
  docs = ReadBothWays(dir.Write("crc.html.gz", bad));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].error.empty());
  docs = ReadBothWays(dir.Write("hcrc_ok.html.gz", GzipWithHeaderCrc("<p>h</p>", true)));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].bytes, "<p>h</p>");
  docs = ReadBothWays(dir.Write("hcrc_bad.html.gz", GzipWithHeaderCrc("<p>h</p>", false)));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].error.empty());
}

TEST(ReaderWholeFile, BombsAndCutsAreBoundedAsBefore) {
  TempDir dir;
  // Past the ratio floor at more than 100:1.
  const std::string bomb =
      dir.Write("bomb.html.gz", Gzip(std::string((16 << 20) + 4096, '<')));
  auto docs = ReadBothWays(bomb);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].error.find("max_decompression_ratio"), std::string::npos)
      << docs[0].error;
  // The size bound, the ratio bound off.
  ReaderOptions options;
  options.max_decompression_ratio = 0;
  options.max_decompressed_bytes = 1 << 20;
  const std::string big = dir.Write("big.html.gz", Gzip(std::string(3 << 20, 'a')));
  docs = ReadBothWays(big, InputFormat::kHtml, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].error.find("max_decompressed_bytes"), std::string::npos)
      << docs[0].error;
  // A cut document, plain and compressed.
  options = ReaderOptions();
  options.max_document_bytes = 1000;
  docs = ReadBothWays(big, InputFormat::kHtml, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].bytes.size(), 1000u);
  EXPECT_EQ(docs[0].warnings.size(), 1u);
  docs = ReadBothWays(dir.Write("big.html", std::string(5000, 'b')),
                      InputFormat::kHtml, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].bytes.size(), 1000u);
  EXPECT_EQ(docs[0].warnings.size(), 1u);
  // Exactly at the limit: no cut.
  docs = ReadBothWays(dir.Write("exact.html.gz", Gzip(std::string(1000, 'c'))),
                      InputFormat::kHtml, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].warnings.empty());
}

TEST(ReaderWholeFile, SniffedGzipGoesToItsReader) {
  TempDir dir;
  const std::string warc = HtmlResponseRecord("<urn:uuid:a>", "https://a.example/",
                                              "<p>a</p>") +
                           HtmlResponseRecord("<urn:uuid:b>", "https://b.example/",
                                              "<p>b</p>");
  auto docs = ReadBothWays(dir.Write("crawl.gz", Gzip(warc)), InputFormat::kAuto);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].url, "https://b.example/");
  docs = ReadBothWays(dir.Write("lines.gz", Gzip("{\"id\":1,\"text\":\"one\"}\n{\"text\":\"two\"}\n")),
                      InputFormat::kAuto);
  EXPECT_EQ(docs.size(), 2u);
  docs = ReadBothWays(dir.Write("words.gz", Gzip("just words")), InputFormat::kAuto);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].kind, PayloadKind::kText);
  docs = ReadBothWays(dir.Write("page.gz", Gzip("  <p>x</p>")), InputFormat::kAuto);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].kind, PayloadKind::kHtml);
}

TEST(ReplaySource, GivesTheHeadThenTheRest) {
  TempDir dir;
  const std::string path = dir.Write("r", "world");
  auto file = FdSource::Open(path);
  ASSERT_TRUE(file.ok());
  ReplaySource replay("hello ", file.value().get());
  BufferedReader in(&replay);
  std::string all;
  size_t got = 0;
  ASSERT_TRUE(in.ReadBytes(100, &all, &got).ok());
  EXPECT_EQ(all, "hello world");
}

}  // namespace
}  // namespace newsmill::readers
