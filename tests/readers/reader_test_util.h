// Fixtures for the reader tests: temp directories, gzip, WARC records.
// Every test builds its own inputs; nothing is read from the source tree.
#ifndef NEWSMILL_TESTS_READERS_READER_TEST_UTIL_H_
#define NEWSMILL_TESTS_READERS_READER_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsmill/readers.h"

namespace newsmill::reader_test {

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("newsmill_readers_") +
                       (info ? info->test_suite_name() : "x") + "_" +
                       (info ? info->name() : "x") + "_" +
                       std::to_string(::getpid()) + "_" +
                       std::to_string(counter++);
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    path_ = std::filesystem::path(::testing::TempDir()) / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to `name` (relative; parent directories are created) and
  // returns the full path.
  std::string Write(const std::string& name, std::string_view bytes) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::string Path(const std::string& name) const {
    return (path_ / name).string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// One gzip member (windowBits 31), or a zlib / raw deflate stream.
inline std::string Deflate(std::string_view in, int window_bits = 31,
                           int level = Z_DEFAULT_COMPRESSION) {
  z_stream zs{};
  EXPECT_EQ(
      deflateInit2(&zs, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(in.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}
inline std::string Gzip(std::string_view in) { return Deflate(in, 31); }

// An HTTP response with the given header lines ("Name: value").
inline std::string HttpResponseBytes(const std::vector<std::string>& headers,
                                     std::string_view body,
                                     std::string_view status = "200 OK") {
  std::string out = "HTTP/1.1 " + std::string(status) + "\r\n";
  for (const std::string& h : headers) out += h + "\r\n";
  out += "\r\n";
  out += body;
  return out;
}

// A WARC record; `length_delta` makes the Content-Length lie.
inline std::string WarcRecord(std::string_view type, std::string_view id,
                              std::string_view uri,
                              std::string_view content_type,
                              std::string_view block, long length_delta = 0,
                              std::string_view version = "WARC/1.0") {
  std::string out = std::string(version) + "\r\n";
  out += "WARC-Type: " + std::string(type) + "\r\n";
  out += "WARC-Record-ID: " + std::string(id) + "\r\n";
  out += "WARC-Date: 2024-05-01T12:00:00Z\r\n";
  if (!uri.empty()) out += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  if (!content_type.empty()) {
    out += "Content-Type: " + std::string(content_type) + "\r\n";
  }
  out += "Content-Length: " +
         std::to_string(static_cast<long>(block.size()) + length_delta) +
         "\r\n\r\n";
  out += block;
  out += "\r\n\r\n";
  return out;
}

inline std::string HtmlResponseRecord(
    std::string_view id, std::string_view uri, std::string_view html,
    std::string_view content_type = "text/html; charset=utf-8") {
  return WarcRecord(
      "response", id, uri, "application/http; msgtype=response",
      HttpResponseBytes(
          {"Content-Type: " + std::string(content_type), "Server: test"},
          html));
}

struct ReadOutcome {
  Status status;
  std::vector<Document> docs;
};

inline ReadOutcome ReadAll(const std::vector<std::string>& paths,
                           const ReaderOptions& options = ReaderOptions()) {
  ReadOutcome out;
  out.status = ReadInputs(paths, options, [&](Document&& doc) {
    out.docs.push_back(std::move(doc));
    return true;
  });
  return out;
}

inline size_t CountErrors(const std::vector<Document>& docs) {
  size_t n = 0;
  for (const Document& d : docs) n += d.error.empty() ? 0 : 1;
  return n;
}

}  // namespace newsmill::reader_test

#endif  // NEWSMILL_TESTS_READERS_READER_TEST_UTIL_H_
