// The byte stream layer: buffered lines and multi-member gzip.
#include "readers/gzip_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "readers/byte_source.h"
#include "readers/reader_test_util.h"

namespace newsmill::readers {
namespace {

// Serves a string in pieces of at most `step` bytes.
class StringSource : public ByteSource {
 public:
  StringSource(std::string data, size_t step)
      : data_(std::move(data)), step_(step) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t take = std::min({n, step_, data_.size() - pos_});
    std::copy_n(data_.data() + pos_, take, buf);
    pos_ += take;
    return take;
  }

 private:
  std::string data_;
  size_t step_;
  size_t pos_ = 0;
};

std::string ReadToEnd(ByteSource* src, Status* status) {
  std::string out;
  char buf[1000];
  for (;;) {
    Result<size_t> got = src->Read(buf, sizeof(buf));
    if (!got.ok()) {
      *status = got.status();
      return out;
    }
    if (got.value() == 0) return out;
    out.append(buf, got.value());
  }
}

TEST(GzipStream, ConcatenatedMembersAreOneStream) {
  std::string gz = reader_test::Gzip("first member\n") + reader_test::Gzip("") +
                   reader_test::Gzip(std::string(200000, 's'));
  for (size_t step : {size_t{1}, size_t{7}, size_t{1} << 20}) {
    StringSource raw(gz, step);
    GzipSource source(&raw, uint64_t{1} << 30);
    Status status;
    EXPECT_EQ(ReadToEnd(&source, &status),
              "first member\n" + std::string(200000, 's'));
    EXPECT_TRUE(status.ok()) << status.ToString();
  }
}

TEST(GzipStream, TruncationComesAfterTheBytesBeforeIt) {
  std::string whole = reader_test::Gzip("hello world, hello gzip");
  std::string gz =
      reader_test::Gzip("complete\n") + whole.substr(0, whole.size() - 4);
  StringSource raw(gz, 3);
  GzipSource source(&raw, 1 << 20);
  Status status;
  std::string out = ReadToEnd(&source, &status);
  EXPECT_EQ(out,
            "complete\nhello world, hello gzip");  // only the CRC is missing
  EXPECT_EQ(status.code(), Status::Code::kTruncated);
  EXPECT_EQ(status.message(), "truncated gzip stream at compressed offset " +
                                  std::to_string(gz.size()));
}

TEST(GzipStream, TrailingGarbageIsCorrupt) {
  StringSource raw(reader_test::Gzip("ok") + "not gzip at all", 100);
  GzipSource source(&raw, 1 << 20);
  Status status;
  EXPECT_EQ(ReadToEnd(&source, &status), "ok");
  EXPECT_EQ(status.code(), Status::Code::kCorrupt);
}

TEST(GzipStream, OutputIsBounded) {
  StringSource raw(reader_test::Gzip(std::string(100000, 'b')), 1 << 20);
  GzipSource source(&raw, 4096);
  Status status;
  EXPECT_EQ(ReadToEnd(&source, &status).size(), 4096u);
  EXPECT_EQ(status.code(), Status::Code::kTooLarge);
}

TEST(GzipStream, InflateBoundedKeepsAPrefixAndCounts) {
  std::string data(50000, 'q');
  std::string out;
  uint64_t total = 0;
  Status s = InflateBounded(reader_test::Gzip(data), 15 + 32, 10, 1 << 20, &out,
                            &total);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(out, std::string(10, 'q'));
  EXPECT_EQ(total, 50000u);
  out.clear();
  s = InflateBounded(reader_test::Gzip(data), 15 + 32, 10, 1000, &out, &total);
  EXPECT_EQ(s.code(), Status::Code::kTooLarge);
  std::string gz = reader_test::Gzip(data);
  out.clear();
  s = InflateBounded(gz.substr(0, gz.size() / 2), 15 + 32, 100000, 1 << 20,
                     &out, &total);
  EXPECT_EQ(s.code(), Status::Code::kTruncated);
}

TEST(GzipStreamBufferedReader, LinesPeeksAndSkips) {
  std::string text = "one\r\ntwo\n" + std::string(300000, 'L') + "\nlast";
  StringSource raw(text, 4000);
  BufferedReader in(&raw);
  Result<std::string_view> head = in.Peek(5);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head.value(), "one\r\n");
  std::string line;
  LineInfo info;
  ASSERT_TRUE(in.ReadLine(100, &line, &info).ok());
  EXPECT_EQ(line, "one");
  ASSERT_TRUE(in.ReadLine(100, &line, &info).ok());
  EXPECT_EQ(line, "two");
  EXPECT_EQ(in.offset(), 9u);
  ASSERT_TRUE(in.ReadLine(100, &line, &info).ok());
  EXPECT_TRUE(info.too_long);
  EXPECT_EQ(info.length, 300000u);
  EXPECT_EQ(line.size(), 100u);
  uint64_t skipped = 0;
  ASSERT_TRUE(in.Skip(2, &skipped).ok());
  EXPECT_EQ(skipped, 2u);
  ASSERT_TRUE(in.ReadLine(100, &line, &info).ok());
  EXPECT_EQ(line, "st");
  EXPECT_FALSE(info.eof);
  ASSERT_TRUE(in.ReadLine(100, &line, &info).ok());
  EXPECT_TRUE(info.eof);
}

}  // namespace
}  // namespace newsmill::readers
