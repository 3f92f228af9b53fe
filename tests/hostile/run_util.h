// Running the built newsmill binary from the hostile tests.
#ifndef NEWSMILL_TESTS_HOSTILE_RUN_UTIL_H_
#define NEWSMILL_TESTS_HOSTILE_RUN_UTIL_H_

#include <simdjson.h>

#include <cstdio>
#include <string>
#include <vector>

#include "common/run_command.h"

namespace newsmill::hostile {

struct RunOutput {
  int status = -1;  // exit status, -1 when killed by a signal
  std::vector<std::string> lines;
};

// Runs `newsmill extract --quiet ARGS` in `dir`; stdout split into lines.
inline RunOutput RunExtractIn(const std::string& dir, const std::string& args) {
  const std::string command = "cd '" + dir + "' && " + NEWSMILL_BINARY +
                              " extract --quiet " + args + " 2>/dev/null";
  const testing::CommandOutput run = testing::RunCommand(command);
  return {run.status, run.lines()};
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
