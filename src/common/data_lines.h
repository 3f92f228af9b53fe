// Reading the data files compiled into the library (data/**): one entry a
// line, '#' starts a comment line (internal header).
#ifndef NEWSMILL_COMMON_DATA_LINES_H_
#define NEWSMILL_COMMON_DATA_LINES_H_

#include <string_view>
#include <vector>

namespace newsmill::data {

// Calls `f(line)` for every line of `text` that is neither empty nor a
// comment, without its newline (and without a trailing '\r').
template <typename F>
void ForEachLine(std::string_view text, F&& f) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    f(line);
  }
}

// The tab-separated columns of one line.
inline std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos
                                                                   : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

}  // namespace newsmill::data

#endif  // NEWSMILL_COMMON_DATA_LINES_H_
