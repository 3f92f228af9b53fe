// The article in a parsed HTML page: blocks chosen by dom_content.cc,
// metadata from the page's own declarations.
#include <string>

#include "extract/dom_content.h"
#include "extract/language.h"
#include "newsmill/extract.h"

namespace newsmill {
namespace {

std::string MetaContent(const HtmlPage& page, std::string_view name) {
  for (const HtmlMeta& meta : page.metas) {
    if (meta.name == name && !meta.content.empty()) return meta.content;
  }
  return "";
}

BlockKind KindOf(HtmlBlock::Tag tag) {
  switch (tag) {
    case HtmlBlock::Tag::kHeading: return BlockKind::kHeading;
    case HtmlBlock::Tag::kListItem: return BlockKind::kListItem;
    case HtmlBlock::Tag::kQuote: return BlockKind::kQuote;
    default: return BlockKind::kParagraph;
  }
}

void AppendBlock(const HtmlBlock& block, Article* article) {
  if (!article->text.empty()) article->text.append("\n\n");
  const size_t begin = article->text.size();
  article->text.append(block.text);
  article->blocks.push_back(Block{KindOf(block.tag), {begin, article->text.size()}});
}

}  // namespace

Article ExtractFromHtml(const HtmlPage& page, std::string_view url,
                        const ExtractOptions& options) {
  Article article;
  Metadata& meta = article.meta;
  meta.title = MetaContent(page, "og:title");
  if (meta.title.empty()) meta.title = page.title;

  const std::vector<extract::BlockVerdict> verdicts =
      extract::ClassifyBlocks(page, meta.title);
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    if (verdicts[i].article) {
      AppendBlock(page.blocks[i], &article);
    } else {
      article.boilerplate.push_back({verdicts[i].kind, page.blocks[i].text});
    }
  }
  if (article.text.empty()) article.warnings.push_back("no article text found");

  meta.site = MetaContent(page, "og:site_name");
  meta.section = MetaContent(page, "article:section");
  meta.published = MetaContent(page, "article:published_time");
  if (std::string author = MetaContent(page, "author"); !author.empty()) {
    meta.authors.push_back(author);
  }
  meta.language = extract::DetectLanguage(article.text, page.lang, &article.warnings);
  (void)url;
  (void)options;
  return article;
}

}  // namespace newsmill
