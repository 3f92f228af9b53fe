// HTML: parse a page (newsmill's own parser, or gumbo, the reference HTML5
// parser) into the values the extractor needs: <title>, <html lang>, meta
// tags, and the visible text of the body as blocks in reading order.
#ifndef NEWSMILL_HTML_H_
#define NEWSMILL_HTML_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/dom.h"
#include "newsmill/status.h"

namespace newsmill {

// One block of visible text: the text of a block-level element (p, h1-h6,
// li, blockquote, td, div with direct text, ...), whitespace collapsed.
// Entering or leaving a block element ends the current block, and so does
// <br> (scraped text treats a line break as a new line). The tag is that of
// the innermost block element around the text: kParagraph for p, dd and
// address; kOther for containers (div, section, ...), dt, figcaption,
// caption and text directly in <body>. &nbsp; counts as whitespace.
struct HtmlBlock {
  enum class Tag : unsigned char {
    kParagraph, kHeading, kListItem, kQuote, kTableCell, kPre, kOther
  };
  Tag tag = Tag::kOther;
  std::string text;
  std::string link_href;  // the href when the whole block is one link
  NodeId node = kNoNode;  // the element holding the block's first text
  float link_density = 0;  // share of the block's non-space characters
                           // (code points) inside <a>
};

// One per key attribute: <meta name="a" property="b" content="c"> gives
// two entries. itemprop= counts as a key too.
struct HtmlMeta {
  std::string name;     // name=, property= or itemprop= (lower case)
  std::string content;  // whitespace collapsed
};

struct HtmlPage {
  std::string title;    // <title>, whitespace collapsed
  std::string lang;     // <html lang>, as written
  std::vector<HtmlMeta> metas;
  std::vector<HtmlBlock> blocks;  // visible body text, reading order
  Dom dom;                        // the whole tree, for DOM-aware extraction
  std::vector<std::string> warnings;
};

struct HtmlOptions {
  // Elements nested deeper than this are not walked; a warning says so.
  size_t max_depth = 512;
  // Which parser builds the Dom. kFast is newsmill's own parser, made for
  // extraction: HTML5 tokenizing and tree construction as far as they
  // decide the text and its blocks, in one linear pass (about 10x gumbo's
  // speed). kGumbo is the complete HTML5 reference parser; both give the
  // same blocks on the benchmark pages (tests/html/parser_agreement_test).
  enum class Parser : unsigned char { kFast, kGumbo };
  Parser parser = Parser::kFast;
};

// Parses UTF-8 HTML. Never fails on malformed markup (HTML5 recovers from
// everything); returns an error only when the parser itself gives up.
// Not visible, so not in `blocks`: <head>, script, style, noscript,
// template, svg, math, iframe, object, canvas, form controls, media, and
// elements with `hidden`, aria-hidden="true" or an inline style with
// display:none / visibility:hidden. Image alt text is not body text.
// Thread-safe. The fast parser is linear on any input; gumbo is quadratic
// on some pathological nestings (100,000 nested <div>s take tens of
// seconds).
Result<HtmlPage> ParseHtml(std::string_view utf8, const HtmlOptions& options);

}  // namespace newsmill

#endif  // NEWSMILL_HTML_H_
