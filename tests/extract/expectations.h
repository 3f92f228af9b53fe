// Checks one output record against an expectations file in the format of
// ../shared/seed/expected.json (the keys about the article and metadata:
// title, section, authors, related_titles, text_starts_with, text_ends_with,
// text_contains, text_must_not_contain). Texts are compared as the seed's
// checker compares them: curly quotes straightened, white space collapsed.
#ifndef NEWSMILL_TESTS_EXTRACT_EXPECTATIONS_H_
#define NEWSMILL_TESTS_EXTRACT_EXPECTATIONS_H_

#include <string>
#include <vector>

namespace newsmill::testing {

struct CheckResult {
  int passed = 0;
  std::vector<std::string> failures;
};

CheckResult CheckArticleExpectations(const std::string& record_json,
                                     const std::string& expected_json);

std::string ReadFileOrEmpty(const std::string& path);

}  // namespace newsmill::testing

#endif  // NEWSMILL_TESTS_EXTRACT_EXPECTATIONS_H_
