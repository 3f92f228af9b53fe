// WARC reading: .warc and .warc.gz, HTTP payload handling, damaged inputs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "newsmill/readers.h"
#include "readers/reader_test_util.h"

namespace newsmill {
namespace {

using reader_test::CountErrors;
using reader_test::Deflate;
using reader_test::Gzip;
using reader_test::HtmlResponseRecord;
using reader_test::HttpResponseBytes;
using reader_test::ReadAll;
using reader_test::TempDir;
using reader_test::WarcRecord;

std::string ResponseId(int i) {
  return "<urn:uuid:00000000-0000-4000-8000-" +
         std::to_string(100000000000 + i) + ">";
}
std::string StoryUrl(int i) {
  return "https://news.example.com/2024/story-" + std::to_string(i);
}
std::string StoryHtml(int i) {
  std::string n = std::to_string(i);
  return "<!doctype html><html><head><title>Story " + n +
         "</title></head><body><article><h1>Headline number " + n +
         "</h1><p>The council met on Tuesday to discuss item " + n +
         " of the agenda, which concerned the bridge, the library and the "
         "new bus lanes that residents had asked for.</p></article></body>"
         "</html>";
}

// A .warc.gz written the usual way: one gzip member per record.
struct GzipWarc {
  struct Member {
    size_t begin;  // compressed offset
    size_t end;
    size_t plain_begin;  // offset in the decompressed stream
    int story;           // index of the HTML response, or -1
  };
  std::string bytes;
  size_t plain_size = 0;
  std::vector<Member> members;

  void Add(const std::string& record, int story = -1) {
    std::string gz = Gzip(record);
    members.push_back(
        {bytes.size(), bytes.size() + gz.size(), plain_size, story});
    bytes += gz;
    plain_size += record.size();
  }
};

// 1,000 HTML responses with warcinfo, request, metadata and non-HTML
// response records around them.
GzipWarc ThousandStories() {
  GzipWarc w;
  w.Add(WarcRecord("warcinfo", "<urn:uuid:info>", "", "application/warc-fields",
                   "software: newsmill-test\r\n"));
  for (int i = 0; i < 1000; ++i) {
    w.Add(WarcRecord(
        "request", "<urn:uuid:req-" + std::to_string(i) + ">", StoryUrl(i),
        "application/http; msgtype=request",
        "GET /2024/story HTTP/1.1\r\nHost: news.example.com\r\n\r\n"));
    w.Add(HtmlResponseRecord(ResponseId(i), StoryUrl(i), StoryHtml(i)), i);
    if (i % 100 == 7) {
      w.Add(WarcRecord(
          "response", "<urn:uuid:img-" + std::to_string(i) + ">",
          StoryUrl(i) + ".png", "application/http; msgtype=response",
          HttpResponseBytes({"Content-Type: image/png"},
                            std::string("\x89PNG\r\n\x1a\n\0\0", 10))));
      w.Add(WarcRecord("metadata", "<urn:uuid:meta-" + std::to_string(i) + ">",
                       StoryUrl(i), "application/warc-fields",
                       "via: test\r\n"));
    }
  }
  return w;
}

std::string Chunked(std::string_view body, size_t size) {
  std::string out;
  char hex[32];
  for (size_t pos = 0; pos < body.size(); pos += size) {
    std::string_view part = body.substr(pos, size);
    std::snprintf(hex, sizeof(hex), "%zx", part.size());
    out += std::string(hex) + (pos == 0 ? ";ext=1" : "") + "\r\n";
    out += part;
    out += "\r\n";
  }
  return out + "0\r\nX-Trailer: yes\r\n\r\n";
}

TEST(WarcReader, ThousandGzipMembersGiveThousandDocumentsInOrder) {
  TempDir dir;
  GzipWarc warc = ThousandStories();
  std::string path = dir.Write("crawl.warc.gz", warc.bytes);
  auto out = ReadAll({path});
  ASSERT_TRUE(out.status.ok()) << out.status.ToString();
  ASSERT_EQ(out.docs.size(), 1000u);
  EXPECT_EQ(CountErrors(out.docs), 0u);
  size_t next = 0;
  for (const auto& m : warc.members) {
    if (m.story < 0) continue;
    const Document& d = out.docs[next++];
    EXPECT_EQ(d.id, ResponseId(m.story));
    EXPECT_EQ(d.url, StoryUrl(m.story));
    EXPECT_EQ(d.bytes, StoryHtml(m.story));
    EXPECT_EQ(d.kind, PayloadKind::kHtml);
    EXPECT_EQ(d.charset, "utf-8");
    // Offsets count bytes of the decompressed stream.
    EXPECT_EQ(d.origin, path + "@" + std::to_string(m.plain_begin));
    EXPECT_TRUE(d.warnings.empty());
  }
}

TEST(WarcReader, GzipCutInTheMiddleGivesRecordsBeforeAndOneError) {
  TempDir dir;
  GzipWarc warc = ThousandStories();
  const GzipWarc::Member* cut_member = nullptr;
  for (const auto& m : warc.members) {
    if (m.story == 500) cut_member = &m;
  }
  ASSERT_NE(cut_member, nullptr);
  size_t cut = cut_member->begin + (cut_member->end - cut_member->begin) / 2;
  std::string path = dir.Write("cut.warc.gz", warc.bytes.substr(0, cut));
  auto out = ReadAll({path});
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 501u);
  EXPECT_EQ(CountErrors(out.docs), 1u);
  for (int i = 0; i < 500; ++i) EXPECT_EQ(out.docs[i].id, ResponseId(i));
  const Document& last = out.docs.back();
  EXPECT_EQ(last.error, "truncated gzip stream at compressed offset " +
                            std::to_string(cut));
  EXPECT_TRUE(last.id == ResponseId(500) || last.id == path) << last.id;
  EXPECT_EQ(last.origin.rfind(path + "@", 0), 0u);
}

TEST(WarcReader, CorruptGzipMemberGivesOneError) {
  TempDir dir;
  GzipWarc warc;
  warc.Add(
      HtmlResponseRecord("<urn:uuid:a>", "https://a.example/", StoryHtml(1)),
      0);
  warc.Add(
      HtmlResponseRecord("<urn:uuid:b>", "https://b.example/", StoryHtml(2)),
      1);
  std::string bytes = warc.bytes;
  for (size_t i = warc.members[1].begin + 20; i < warc.members[1].end - 8;
       ++i) {
    bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
  }
  auto out = ReadAll({dir.Write("bad.warc.gz", bytes)});
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "<urn:uuid:a>");
  EXPECT_TRUE(out.docs[0].error.empty());
  EXPECT_NE(out.docs[1].error.find("gzip stream"), std::string::npos)
      << out.docs[1].error;
}

TEST(WarcReader, PlainWarcOriginsAreFileOffsets) {
  TempDir dir;
  std::string info = WarcRecord("warcinfo", "<urn:uuid:info>", "",
                                "application/warc-fields", "x: y\r\n");
  std::string a = HtmlResponseRecord("<urn:uuid:a>", "https://a.example/",
                                     "<html>a</html>");
  std::string b = HtmlResponseRecord("<urn:uuid:b>", "https://b.example/",
                                     "<html>b</html>");
  std::string path = dir.Write("plain.warc", info + a + b);
  auto out = ReadAll({path});
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "<urn:uuid:a>");
  EXPECT_EQ(out.docs[0].bytes, "<html>a</html>");
  EXPECT_EQ(out.docs[0].origin, path + "@" + std::to_string(info.size()));
  EXPECT_EQ(out.docs[1].url, "https://b.example/");
  EXPECT_EQ(out.docs[1].origin,
            path + "@" + std::to_string(info.size() + a.size()));
}

TEST(WarcReader, Warc11AndInterimResponse) {
  TempDir dir;
  std::string block =
      "HTTP/1.1 100 Continue\r\n\r\n" +
      HttpResponseBytes({"Content-Type: text/html"}, "<p>hi</p>");
  std::string rec =
      WarcRecord("response", "<urn:uuid:c>", "https://c.example/",
                 "application/http;msgtype=response", block, 0, "WARC/1.1");
  auto out = ReadAll({dir.Write("v11.warc", rec)});
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].bytes, "<p>hi</p>");
}

TEST(WarcReader, ChunkedAndCompressedPayloadsAreDecoded) {
  TempDir dir;
  std::string html = StoryHtml(42);
  auto record = [&](const std::string& id, std::vector<std::string> headers,
                    const std::string& body) {
    headers.insert(headers.begin(), "Content-Type: text/html");
    return WarcRecord("response", id, "https://x.example/" + id,
                      "application/http; msgtype=response",
                      HttpResponseBytes(headers, body));
  };
  std::string warc =
      record("chunked-gzip",
             {"Content-Encoding: gzip", "Transfer-Encoding: chunked"},
             Chunked(Gzip(html), 37)) +
      record("chunked", {"Transfer-Encoding: chunked"}, Chunked(html, 50)) +
      record("zlib", {"Content-Encoding: deflate"}, Deflate(html, 15)) +
      record("raw-deflate", {"Content-Encoding: deflate"}, Deflate(html, -15)) +
      record("stored-decoded", {"Content-Encoding: gzip"}, html);
  auto out = ReadAll({dir.Write("enc.warc", warc)});
  ASSERT_EQ(out.docs.size(), 5u);
  for (const Document& d : out.docs) {
    EXPECT_TRUE(d.error.empty()) << d.id << ": " << d.error;
    EXPECT_EQ(d.bytes, html) << d.id;
  }
  EXPECT_TRUE(out.docs[0].warnings.empty());
  ASSERT_EQ(out.docs[4].warnings.size(), 1u);
  EXPECT_NE(out.docs[4].warnings[0].find("not compressed"), std::string::npos);
}

TEST(WarcReader, CharsetComesFromTheHttpHeaderAndOnlyHtmlIsKept) {
  TempDir dir;
  auto rec = [](const std::string& id, const std::vector<std::string>& headers,
                const std::string& body) {
    return WarcRecord("response", id, "https://x.example/" + id,
                      "application/http; msgtype=response",
                      HttpResponseBytes(headers, body));
  };
  std::string warc =
      rec("latin1", {"Content-Type: text/html; charset=\"ISO-8859-1\""},
          "<p>caf\xe9</p>") +
      rec("cyrillic", {"content-type: TEXT/HTML;charset=windows-1251"},
          "<p>x</p>") +
      rec("xhtml", {"Content-Type: application/xhtml+xml"}, "<html/>") +
      rec("plain", {"Content-Type: text/plain; charset=utf-8"},
          "<p>not html</p>") +
      rec("json", {"Content-Type: application/json"}, "{}") +
      rec("sniffed", {"Server: x"}, "\n  <!DOCTYPE html><html></html>") +
      rec("unsniffed", {"Server: x"}, "GIF89a....") +
      rec("feed", {"Server: x"}, "<?xml version=\"1.0\"?><rss></rss>");
  auto out = ReadAll({dir.Write("cs.warc", warc)});
  ASSERT_EQ(out.docs.size(), 4u);
  EXPECT_EQ(out.docs[0].id, "latin1");
  EXPECT_EQ(out.docs[0].charset, "ISO-8859-1");
  EXPECT_EQ(out.docs[0].bytes, "<p>caf\xe9</p>");
  EXPECT_EQ(out.docs[1].charset, "windows-1251");
  EXPECT_EQ(out.docs[2].id, "xhtml");
  EXPECT_EQ(out.docs[2].charset, "");
  EXPECT_EQ(out.docs[3].id, "sniffed");
  EXPECT_EQ(CountErrors(out.docs), 0u);
}

TEST(WarcReader, ContentLengthTooLongIsATruncatedRecord) {
  TempDir dir;
  std::string a =
      HtmlResponseRecord("<urn:uuid:a>", "https://a.example/", "<p>a</p>");
  std::string b =
      WarcRecord("response", "<urn:uuid:b>", "https://b.example/",
                 "application/http; msgtype=response",
                 HttpResponseBytes({"Content-Type: text/html"}, "<p>b</p>"),
                 /*length_delta=*/500);
  std::string path = dir.Write("long.warc", a + b);
  auto out = ReadAll({path});
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_TRUE(out.docs[0].error.empty());
  EXPECT_EQ(out.docs[1].id, "<urn:uuid:b>");
  EXPECT_EQ(out.docs[1].origin, path + "@" + std::to_string(a.size()));
  EXPECT_EQ(
      out.docs[1].error.rfind("truncated WARC record <urn:uuid:b> at offset " +
                                  std::to_string(a.size()),
                              0),
      0u)
      << out.docs[1].error;
}

TEST(WarcReader, GarbageAfterARecordIsReportedOnceThenResynced) {
  TempDir dir;
  std::string html = "<html><body>" + std::string(200, 'x') + "</body></html>";
  // Content-Length 30 bytes short: the rest of the block is garbage.
  std::string a =
      WarcRecord("response", "<urn:uuid:a>", "https://a.example/",
                 "application/http; msgtype=response",
                 HttpResponseBytes({"Content-Type: text/html"}, html), -30);
  std::string b =
      HtmlResponseRecord("<urn:uuid:b>", "https://b.example/", "<p>b</p>");
  std::string tail = "trailing junk\r\nmore junk\r\n";
  std::string path = dir.Write("garbage.warc", "\r\n" + a + b + tail);
  auto out = ReadAll({path});
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.docs.size(), 4u);
  EXPECT_EQ(out.docs[0].id, "<urn:uuid:a>");
  EXPECT_TRUE(out.docs[0].error.empty());
  size_t garbage_at = 2 + a.size() - 4 - 30;
  EXPECT_EQ(out.docs[1].error,
            "garbage where a WARC record header should be at offset " +
                std::to_string(garbage_at));
  EXPECT_EQ(out.docs[1].origin, path + "@" + std::to_string(garbage_at));
  EXPECT_EQ(out.docs[2].id, "<urn:uuid:b>");
  EXPECT_EQ(out.docs[2].bytes, "<p>b</p>");
  EXPECT_NE(out.docs[3].error.find("garbage"), std::string::npos);
}

TEST(WarcReader, MissingContentLengthIsReportedThenResynced) {
  TempDir dir;
  std::string bad =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: "
      "<urn:uuid:bad>\r\n\r\n"
      "HTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n";
  std::string b =
      HtmlResponseRecord("<urn:uuid:b>", "https://b.example/", "<p>b</p>");
  auto out = ReadAll({dir.Write("nolen.warc", bad + b)});
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "<urn:uuid:bad>");
  EXPECT_NE(out.docs[0].error.find("Content-Length"), std::string::npos);
  EXPECT_EQ(out.docs[1].id, "<urn:uuid:b>");
}

TEST(WarcReader, GzipBombIsBoundedByMaxDecompressedBytes) {
  TempDir dir;
  std::string big =
      "<html><body>" + std::string(8 << 20, ' ') + "</body></html>";
  std::string warc =
      Gzip(HtmlResponseRecord("<urn:uuid:a>", "https://a.example/",
                              "<p>a</p>")) +
      Gzip(HtmlResponseRecord("<urn:uuid:bomb>", "https://b.example/", big)) +
      Gzip(
          HtmlResponseRecord("<urn:uuid:c>", "https://c.example/", "<p>c</p>"));
  ReaderOptions options;
  options.max_decompressed_bytes = 1 << 20;
  auto out = ReadAll({dir.Write("bomb.warc.gz", warc)}, options);
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "<urn:uuid:a>");
  EXPECT_EQ(out.docs[1].id, "<urn:uuid:bomb>");
  EXPECT_NE(out.docs[1].error.find("max_decompressed_bytes"), std::string::npos)
      << out.docs[1].error;
}

TEST(WarcReader, ContentEncodingBombIsAnErrorForThatRecordOnly) {
  TempDir dir;
  std::string bomb = Gzip(std::string(8 << 20, 'a'));
  std::string warc =
      WarcRecord(
          "response", "<urn:uuid:bomb>", "https://b.example/",
          "application/http; msgtype=response",
          HttpResponseBytes(
              {"Content-Type: text/html", "Content-Encoding: gzip"}, bomb)) +
      HtmlResponseRecord("<urn:uuid:c>", "https://c.example/", "<p>c</p>");
  ReaderOptions options;
  options.max_decompressed_bytes = 1 << 20;
  auto out = ReadAll({dir.Write("cebomb.warc", warc)}, options);
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "<urn:uuid:bomb>");
  EXPECT_NE(out.docs[0].error.find("max_decompressed_bytes"),
            std::string::npos);
  EXPECT_EQ(out.docs[1].bytes, "<p>c</p>");
}

TEST(WarcReader, PayloadIsCutAtMaxDocumentBytes) {
  TempDir dir;
  std::string html = "<html>" + std::string(994, 'x');  // 1000 bytes
  std::string warc =
      HtmlResponseRecord("<urn:uuid:a>", "https://a.example/", html) +
      WarcRecord("response", "<urn:uuid:z>", "https://z.example/",
                 "application/http; msgtype=response",
                 HttpResponseBytes(
                     {"Content-Type: text/html", "Content-Encoding: gzip"},
                     Gzip(html)));
  ReaderOptions options;
  options.max_document_bytes = 100;
  auto out = ReadAll({dir.Write("cut.warc", warc)}, options);
  ASSERT_EQ(out.docs.size(), 2u);
  for (const Document& d : out.docs) {
    EXPECT_EQ(d.bytes, html.substr(0, 100));
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0], "document cut at 100 bytes (was 1000)");
  }
}

TEST(WarcReader, SinkReturningFalseStopsReading) {
  TempDir dir;
  std::string path = dir.Write("stop.warc.gz", ThousandStories().bytes);
  std::vector<std::string> ids;
  Status s = ReadInputs({path, path}, ReaderOptions(), [&](Document&& d) {
    ids.push_back(d.id);
    return ids.size() < 3;
  });
  EXPECT_TRUE(s.ok());
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[2], ResponseId(2));
}

}  // namespace
}  // namespace newsmill
