// An interrupted run (SIGTERM) keeps the documents done as complete lines
// in FILE.tmp, and --resume finishes it to the same output as a run that
// was never interrupted.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "hostile/hostile_corpus.h"
#include "hostile/run_util.h"
#include "readers/reader_test_util.h"

namespace newsmill::hostile {
namespace {

namespace fs = std::filesystem;
using reader_test::TempDir;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

uintmax_t SizeOf(const std::string& path) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

TEST(InterruptTest, SigtermThenResumeGivesTheUninterruptedOutput) {
  TempDir dir;
  const MixedRun run = MixedCorpus(10000, 10);
  ASSERT_TRUE(WriteCases(dir.path(), run.files));
  // The JSONL and WARC files named many times over (85,000 documents):
  // enough work that the signal comes long before the end on any machine.
  constexpr int kRepeats = 10;
  std::vector<std::string> args = {NEWSMILL_BINARY, "extract", "--quiet", "--threads", "2"};
  for (int i = 0; i < kRepeats; ++i) {
    args.push_back(run.inputs[0]);
    args.push_back(run.inputs[1]);
  }
  const std::string out = dir.Path("out.jsonl");
  const std::string tmp = out + ".tmp";

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (chdir(dir.path().c_str()) != 0) _exit(127);
    std::vector<char*> argv;
    std::vector<std::string> full = args;
    full.push_back("-o");
    full.push_back(out);
    for (std::string& a : full) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // Signal once some output exists (no sleep-based timing: the file tells).
  int status = 0;
  bool exited = false;
  while (SizeOf(tmp) < 100000) {
    if (waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    usleep(2000);
  }
  ASSERT_FALSE(exited) << "the run ended before it could be interrupted";
  ASSERT_EQ(kill(child, SIGTERM), 0);
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 128 + SIGTERM);
  EXPECT_FALSE(fs::exists(out));  // an unfinished output never gets the final name
  std::string partial = ReadFile(tmp);
  ASSERT_FALSE(partial.empty());
  EXPECT_EQ(partial.back(), '\n');  // complete lines only
  const size_t done = static_cast<size_t>(std::count(partial.begin(), partial.end(), '\n'));
  EXPECT_LT(done, kRepeats * 8500u);
  // A torn last line (as a crash would leave) is cut off by --resume.
  {
    std::ofstream torn(tmp, std::ios::binary | std::ios::app);
    torn << "{\"id\":\"torn";
  }

  std::string resume_args = "--threads 2 --resume -o out.jsonl";
  std::string plain_args = "--threads 2 -o plain.jsonl";
  for (size_t i = 5; i < args.size(); ++i) {
    resume_args += " " + args[i];
    plain_args += " " + args[i];
  }
  EXPECT_EQ(RunExtractIn(dir.path(), resume_args).status, 0);
  EXPECT_FALSE(fs::exists(tmp));
  EXPECT_EQ(RunExtractIn(dir.path(), plain_args).status, 0);
  const std::string resumed = ReadFile(out);
  const std::string plain = ReadFile(dir.Path("plain.jsonl"));
  EXPECT_EQ(std::count(resumed.begin(), resumed.end(), '\n'), kRepeats * 8500);
  EXPECT_TRUE(resumed == plain) << "the resumed output differs from an uninterrupted run";
}

TEST(InterruptTest, ResumeNeedsAnOutputFile) {
  TempDir dir;
  EXPECT_EQ(RunExtractIn(dir.path(), "--resume x.html").status, 2);
}

}  // namespace
}  // namespace newsmill::hostile
