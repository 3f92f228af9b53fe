// RunExtract's bounds on what is in flight, and per-thread reuse of parser
// storage: every document is written, in input order, with the record it
// has on its own.
#include "newsmill/pipeline.h"

#include <gtest/gtest.h>
#include <sched.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "newsmill/record.h"

namespace newsmill {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::path(::testing::TempDir()) /
            (std::string("newsmill_pipeline_") + info->name() + "_" +
             std::to_string(::getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// A page of about `size` bytes whose text says which page it is.
std::string Page(int n, size_t size) {
  const std::string number = std::to_string(n);
  std::string html = std::string("<html><head><title>Page ") + number +
                     "</title></head><body><article>";
  const std::string p = std::string("<p class=\"c") + std::to_string(n % 7) +
                        "\">Paragraph of page " + number +
                        ", with words, commas, and more words.</p>\n";
  while (html.size() < size) html += p;
  return html + "</article></body></html>";
}

PipelineOptions TextOnly(unsigned threads) {
  PipelineOptions options;
  options.entities = false;
  options.statements = false;
  options.fingerprints.enabled = false;
  options.progress = false;
  options.threads = threads;
  return options;
}

std::vector<std::string> RunLines(const std::vector<std::string>& inputs,
                                  const PipelineOptions& options,
                                  RunStats* run_stats = nullptr) {
  std::FILE* out = std::tmpfile();
  EXPECT_NE(out, nullptr);
  RunStats stats;
  EXPECT_TRUE(RunExtract(inputs, options, out, &stats).ok());
  if (run_stats) *run_stats = stats;
  std::rewind(out);
  std::vector<std::string> lines;
  std::string line;
  for (int c; (c = std::fgetc(out)) != EOF;) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line.push_back(static_cast<char>(c));
    }
  }
  std::fclose(out);
  return lines;
}

TEST(PipelineTest, LargeDocumentsPastTheByteBoundAreAllWrittenInOrder) {
  TempDir dir;
  // Pages of 0.1 to 5 MiB: several over the bound of bytes in flight on
  // their own, many together.
  std::vector<std::string> pages;
  for (int i = 0; i < 12; ++i) {
    const size_t size = (i % 6 == 5) ? (size_t{5} << 20) : (size_t{100} << 10) * (1 + i % 5);
    pages.push_back(Page(i, size));
    char name[32];
    std::snprintf(name, sizeof name, "p%02d.html", i);
    dir.Write(name, pages.back());
  }
  for (unsigned threads : {1u, 3u}) {
    SCOPED_TRACE(threads);
    const std::vector<std::string> lines = RunLines({dir.path()}, TextOnly(threads));
    ASSERT_EQ(lines.size(), pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
      // The record the page gets on its own (ProcessDocument).
      Document doc;
      char name[32];
      std::snprintf(name, sizeof name, "p%02zu.html", i);
      doc.id = (fs::path(dir.path()) / name).string();
      doc.origin = doc.id;
      doc.bytes = pages[i];
      const std::string alone = RecordToJson(ProcessDocument(std::move(doc), TextOnly(1)));
      EXPECT_EQ(lines[i], alone) << i;
      EXPECT_EQ(lines[i].find("\"error\""), std::string::npos) << i;
    }
  }
}

// Pins the calling thread to one of its CPUs for the scope, so that a run
// with one worker takes the path without worker and writer threads.
class OneCpu {
 public:
  OneCpu() {
    CPU_ZERO(&saved_);
    pinned_ = sched_getaffinity(0, sizeof saved_, &saved_) == 0;
    if (!pinned_) return;
    cpu_set_t one;
    CPU_ZERO(&one);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
      if (CPU_ISSET(cpu, &saved_)) {
        CPU_SET(cpu, &one);
        break;
      }
    }
    pinned_ = sched_setaffinity(0, sizeof one, &one) == 0;
  }
  ~OneCpu() {
    if (pinned_) sched_setaffinity(0, sizeof saved_, &saved_);
  }
  bool pinned() const { return pinned_; }

 private:
  cpu_set_t saved_;
  bool pinned_ = false;
};

TEST(PipelineTest, OneWorkerOnOneCpuGivesTheSameOutput) {
  TempDir dir;
  for (int i = 0; i < 10; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "p%d.html", i);
    dir.Write(name, Page(i, size_t{20} << 10));
  }
  dir.Write("q.html", "");  // an error record among them
  const std::vector<std::string> threaded = RunLines({dir.path()}, TextOnly(2));
  ASSERT_EQ(threaded.size(), 11u);
  OneCpu one_cpu;
  ASSERT_TRUE(one_cpu.pinned());
  RunStats stats;
  EXPECT_EQ(RunLines({dir.path()}, TextOnly(1), &stats), threaded);
  EXPECT_EQ(stats.documents, 11u);
  EXPECT_EQ(stats.errors, 1u);
  EXPECT_FALSE(stats.interrupted);
  // Resuming skips what is done; a stopped run writes nothing more.
  PipelineOptions resume = TextOnly(1);
  resume.skip_documents = 4;
  EXPECT_EQ(RunLines({dir.path()}, resume, &stats),
            std::vector<std::string>(threaded.begin() + 4, threaded.end()));
  EXPECT_EQ(stats.skipped, 4u);
  std::atomic<bool> stop{true};
  PipelineOptions stopped = TextOnly(1);
  stopped.stop = &stop;
  EXPECT_TRUE(RunLines({dir.path()}, stopped, &stats).empty());
  EXPECT_TRUE(stats.interrupted);
}

}  // namespace
}  // namespace newsmill
