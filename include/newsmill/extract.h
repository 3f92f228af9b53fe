// Extract: separate an article from its page chrome and recover metadata.
//
// Two entry points: text that was already scraped from a page (one line per
// block, chrome and all, like a browser's "save as text"), and a parsed HTML
// page. Both label every removed piece with its ChromeKind.
#ifndef NEWSMILL_EXTRACT_H_
#define NEWSMILL_EXTRACT_H_

#include <string_view>

#include "newsmill/article.h"
#include "newsmill/html.h"

namespace newsmill {

struct ExtractOptions {
  // Keep text input exactly as given: no chrome removal, no paragraph
  // repair, so that offsets in the record are offsets into the input
  // (false).
  bool verbatim = false;
  // Join paragraphs that a scraper split in the middle of a sentence (true).
  bool repair_paragraphs = true;
};

// Article from scraped text (valid UTF-8).
Article ExtractFromText(std::string_view text, const ExtractOptions& options);

// Article from a parsed HTML page. `url` may be empty.
Article ExtractFromHtml(const HtmlPage& page, std::string_view url,
                        const ExtractOptions& options);

}  // namespace newsmill

#endif  // NEWSMILL_EXTRACT_H_
