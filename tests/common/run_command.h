// Running a command from a test: its exit status and its stdout, whole and
// as lines. Shared by the end-to-end tests of the newsmill binary.
#ifndef NEWSMILL_TESTS_COMMON_RUN_COMMAND_H_
#define NEWSMILL_TESTS_COMMON_RUN_COMMAND_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <vector>

namespace newsmill::testing {

// The lines of `text`, without their newlines.
inline std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

struct CommandOutput {
  int status = -1;  // exit status; -1 when the command could not run or was killed
  std::string out;  // everything it wrote to stdout
  std::vector<std::string> lines() const { return SplitLines(out); }
};

// Runs `command` with /bin/sh and collects its stdout.
inline CommandOutput RunCommand(const std::string& command) {
  CommandOutput result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
  const int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

}  // namespace newsmill::testing

#endif  // NEWSMILL_TESTS_COMMON_RUN_COMMAND_H_
