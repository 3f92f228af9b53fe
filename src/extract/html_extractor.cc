// The article in a parsed HTML page: the baseline of the foundation issue.
//
// The page's visible blocks are laid out one per line, as a browser's "save
// as text" would, and read by the scraped-text extractor; the page's own
// metadata (<title>, <html lang>, OpenGraph and article:* meta tags) then
// overrides what the text suggested. A DOM-aware extractor replaces this in
// the article-extraction issue.
#include <string>

#include "extract/text_extractor.h"
#include "newsmill/extract.h"

namespace newsmill {
namespace {

std::string MetaContent(const HtmlPage& page, std::string_view name) {
  for (const HtmlMeta& meta : page.metas) {
    if (meta.name == name && !meta.content.empty()) return meta.content;
  }
  return "";
}

// Blocks as lines; a block's own line breaks (<pre>) become spaces so that
// one block stays one line.
std::string BlocksAsText(const HtmlPage& page) {
  std::string text;
  for (const HtmlBlock& block : page.blocks) {
    for (char c : block.text) text.push_back(c == '\n' || c == '\r' ? ' ' : c);
    text.push_back('\n');
  }
  return text;
}

}  // namespace

Article ExtractFromHtml(const HtmlPage& page, std::string_view url,
                        const ExtractOptions& options) {
  ExtractOptions text_options = options;
  text_options.verbatim = false;  // offsets into HTML markup mean nothing
  Article article =
      extract::ExtractScrapedText(BlocksAsText(page), text_options, page.lang);
  Metadata& meta = article.meta;

  std::string title = MetaContent(page, "og:title");
  if (title.empty()) title = page.title;
  if (!title.empty()) meta.title = title;
  if (std::string site = MetaContent(page, "og:site_name"); !site.empty()) {
    meta.site = site;
  }
  if (std::string section = MetaContent(page, "article:section"); !section.empty()) {
    meta.section = section;
  }
  if (std::string date = MetaContent(page, "article:published_time"); !date.empty()) {
    meta.published = date;
  }
  if (meta.authors.empty()) {
    if (std::string author = MetaContent(page, "author"); !author.empty()) {
      meta.authors.push_back(author);
    }
  }
  (void)url;
  return article;
}

}  // namespace newsmill
