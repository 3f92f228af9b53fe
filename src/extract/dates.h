// Dates in the visible text of a page: "Feb. 24, 2022", "24 février 2022",
// "24. Februar 2022, 14:20 Uhr", "24.02.2022", "2022-02-24T10:00:00Z".
#ifndef NEWSMILL_EXTRACT_DATES_H_
#define NEWSMILL_EXTRACT_DATES_H_

#include <string>
#include <string_view>

namespace newsmill::extract {

struct FoundDate {
  std::string iso;       // "2022-02-24" or "2022-02-24T14:20:00"
  size_t begin = 0;      // byte range of the date expression in the input
  size_t end = 0;
};

// Finds the first date in `text`. Month names come from data/dates/months.tsv
// (several languages). Numeric dates with both parts <= 12 are read
// month-first with "/" (US style) and day-first with "." or "-".
bool FindDate(std::string_view text, FoundDate* found);

}  // namespace newsmill::extract

#endif  // NEWSMILL_EXTRACT_DATES_H_
