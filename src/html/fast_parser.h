// newsmill's own HTML parser, made for article extraction (internal
// header). It fills the same Dom as the gumbo path and aims at the same
// text in the same blocks, at a fraction of the cost: one pass, no
// recursion, no per-node allocation.
#ifndef NEWSMILL_HTML_FAST_PARSER_H_
#define NEWSMILL_HTML_FAST_PARSER_H_

#include <cstddef>
#include <string_view>

#include "newsmill/dom.h"

namespace newsmill::html {

// Parses `html` (UTF-8; invalid bytes pass through) into `dom`, which is
// cleared first. Nodes deeper than `max_depth` (the <html> element is at
// depth 1) are left out, with their subtrees; returns true when that
// happened. Never fails.
bool FastParseHtml(std::string_view html, size_t max_depth, Dom* dom);

}  // namespace newsmill::html

#endif  // NEWSMILL_HTML_FAST_PARSER_H_
