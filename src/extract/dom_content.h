// Which blocks of a parsed page are the article (internal header).
#ifndef NEWSMILL_EXTRACT_DOM_CONTENT_H_
#define NEWSMILL_EXTRACT_DOM_CONTENT_H_

#include <vector>

#include "newsmill/article.h"
#include "newsmill/html.h"

namespace newsmill::extract {

struct BlockVerdict {
  bool article = false;
  ChromeKind kind = ChromeKind::kOther;  // when not article
};

// One verdict per page.blocks entry. `title` is the page's headline, so a
// heading that repeats it is labelled kHeadline rather than body text.
std::vector<BlockVerdict> ClassifyBlocks(const HtmlPage& page, std::string_view title);

}  // namespace newsmill::extract

#endif  // NEWSMILL_EXTRACT_DOM_CONTENT_H_
