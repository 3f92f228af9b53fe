// Running the built newsmill binary from the hostile tests.
#ifndef NEWSMILL_TESTS_HOSTILE_RUN_UTIL_H_
#define NEWSMILL_TESTS_HOSTILE_RUN_UTIL_H_

#include <simdjson.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <vector>

namespace newsmill::hostile {

struct RunOutput {
  int status = -1;  // exit status, -1 when killed by a signal
  std::vector<std::string> lines;
};

// Runs `newsmill extract --quiet ARGS` in `dir`; stdout split into lines.
inline RunOutput RunExtractIn(const std::string& dir, const std::string& args) {
  RunOutput out;
  const std::string command = "cd '" + dir + "' && " + NEWSMILL_BINARY +
                              " extract --quiet " + args + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::string all;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) all.append(buf, n);
  const int raw = pclose(pipe);
  out.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  size_t start = 0;
  while (start < all.size()) {
    size_t end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    out.lines.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The fields of one output line the tests look at.
struct LineFields {
  bool valid = false;  // a JSON object with a string "id"
  std::string id;
  bool has_error = false;
  bool has_text = false;  // a record: it has the "text" field
};

inline LineFields Fields(const std::string& line) {
  LineFields f;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(line).get(root) != simdjson::SUCCESS) return f;
  std::string_view id;
  if (root["id"].get_string().get(id) != simdjson::SUCCESS) return f;
  f.valid = true;
  f.id = std::string(id);
  std::string_view error;
  f.has_error = root["error"].get_string().get(error) == simdjson::SUCCESS;
  simdjson::dom::element text;
  f.has_text = root["text"].get(text) == simdjson::SUCCESS;
  return f;
}

}  // namespace newsmill::hostile

#endif  // NEWSMILL_TESTS_HOSTILE_RUN_UTIL_H_
