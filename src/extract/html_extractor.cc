// The article in a parsed HTML page: blocks chosen by dom_content.cc,
// metadata from the page's declarations (html_metadata.cc) and, where those
// are silent, from the chrome around the article.
#include <algorithm>
#include <string>

#include "extract/dates.h"
#include "extract/dom_content.h"
#include "extract/html_metadata.h"
#include "extract/language.h"
#include "extract/lexicon.h"
#include "extract/text_lines.h"
#include "newsmill/extract.h"

namespace newsmill {
namespace {

BlockKind KindOf(HtmlBlock::Tag tag) {
  switch (tag) {
    case HtmlBlock::Tag::kHeading: return BlockKind::kHeading;
    case HtmlBlock::Tag::kListItem: return BlockKind::kListItem;
    case HtmlBlock::Tag::kQuote: return BlockKind::kQuote;
    default: return BlockKind::kParagraph;
  }
}

size_t Words(std::string_view s) { return std::count(s.begin(), s.end(), ' ') + 1; }

void AppendBlock(const HtmlBlock& block, Article* article) {
  if (!article->text.empty()) article->text.append("\n\n");
  const size_t begin = article->text.size();
  article->text.append(block.text);
  article->blocks.push_back(Block{KindOf(block.tag), {begin, article->text.size()}});
}


// The last segment of a breadcrumb ("Home › World › Europe") that is
// neither a home link nor the headline; "" when there is none.
std::string LastCrumb(std::string_view text, std::string_view title) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size();) {
    size_t sep_len = 0;
    for (std::string_view sep : {" › ", " > ", " / ", " » ", " | ", " → ", " · ", " :: "}) {
      if (text.substr(i).starts_with(sep)) sep_len = sep.size();
    }
    if (i == text.size() || sep_len) {
      parts.push_back(text.substr(start, i - start));
      i += sep_len ? sep_len : 1;
      start = i;
    } else {
      ++i;
    }
  }
  const std::string folded_title = extract::FoldForMatch(title);
  for (size_t k = parts.size(); k-- > 0;) {
    const std::string folded = extract::FoldForMatch(parts[k]);
    if (folded.empty() || folded == folded_title || Words(parts[k]) > 6) continue;
    if (folded == "home" || folded == "accueil" || folded == "inicio" ||
        folded == "startseite" || folded == "início") {
      continue;
    }
    return std::string(parts[k]);
  }
  return "";
}

// Bylines and datelines the markup did not call bylines ("By Louis
// Jacobson on Monday, November 18th, 2019", "기사입력 :[ 2018-08-25 15:24 ]"):
// short lines outside the body, from a few blocks before the article's
// first paragraph to its last, give the date and the authors when nothing
// else did. Farther away, they belong to teasers and archives.
void ReadLinesNearArticle(const HtmlPage& page,
                          const std::vector<extract::BlockVerdict>& verdicts, Metadata* meta) {
  constexpr size_t kBlocksBefore = 12;
  constexpr size_t kMaxWords = 16;
  size_t first = verdicts.size(), last = 0;
  for (size_t i = 0; i < verdicts.size(); ++i) {
    if (!verdicts[i].article) continue;
    first = std::min(first, i);
    last = i;
  }
  if (first == verdicts.size()) return;
  bool want_authors = meta->authors.empty();
  for (size_t i = first > kBlocksBefore ? first - kBlocksBefore : 0; i <= last; ++i) {
    const ChromeKind kind = verdicts[i].kind;
    const std::string& text = page.blocks[i].text;
    if (verdicts[i].article || Words(text) > kMaxWords ||
        (kind != ChromeKind::kOther && kind != ChromeKind::kHeader &&
         kind != ChromeKind::kByline)) {
      continue;
    }
    extract::FoundDate date;
    if (meta->published.empty() && extract::FindDate(text, &date)) meta->published = date.iso;
    extract::LexiconHit hit;
    if (want_authors &&
        extract::MatchChrome(extract::ChromeLexicon::Default(), text, Words(text), &hit) &&
        extract::HitIntroducesNames(hit)) {
      // The first byline is the article's, even when it names only an
      // agency ("by European Space Agency").
      meta->authors = extract::NamesFromByline(hit.rest);
      want_authors = false;
    }
  }
}

// What the chrome says when the declarations did not: bylines, datelines,
// the breadcrumb, related links.
void ReadChrome(const HtmlPage& page, const std::vector<extract::BlockVerdict>& verdicts,
                std::string_view url, Metadata* meta) {
  const bool want_authors = meta->authors.empty();
  const bool want_date = meta->published.empty();
  std::string crumb_section;
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    if (verdicts[i].article) continue;
    const HtmlBlock& block = page.blocks[i];
    switch (verdicts[i].kind) {
      case ChromeKind::kByline: {
        extract::LexiconHit hit;
        if (want_authors &&
            extract::MatchChrome(extract::ChromeLexicon::Default(), block.text,
                                 Words(block.text), &hit) &&
            extract::HitNamesAuthors(hit)) {
          for (std::string& n : extract::NamesFromByline(hit.rest)) {
            if (std::find(meta->authors.begin(), meta->authors.end(), n) ==
                meta->authors.end()) {
              meta->authors.push_back(std::move(n));
            }
          }
        }
        extract::FoundDate date;
        if (want_date && meta->published.empty() && Words(block.text) <= 16 &&
            extract::FindDate(block.text, &date)) {
          meta->published = date.iso;
        }
        break;
      }
      case ChromeKind::kBreadcrumb: {
        const std::string crumb = LastCrumb(block.text, meta->title);
        if (!crumb.empty()) crumb_section = crumb;
        break;
      }
      case ChromeKind::kRelated:
        if (!block.link_href.empty() && Words(block.text) >= 3) {
          std::string href = extract::ResolveUrl(url, block.link_href);
          if (!href.empty()) meta->related.push_back({block.text, std::move(href)});
        }
        break;
      default:
        break;
    }
  }
  if (meta->section.empty()) meta->section = crumb_section;
  ReadLinesNearArticle(page, verdicts, meta);
}

}  // namespace

Article ExtractFromHtml(const HtmlPage& page, std::string_view url,
                        const ExtractOptions& options) {
  Article article;
  article.meta = extract::ReadDeclaredMetadata(page, url);
  Metadata& meta = article.meta;
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
  ReadChrome(page, verdicts, url, &meta);
  meta.language = extract::DetectLanguage(article.text, meta.language, &article.warnings);
  (void)options;
  return article;
}

}  // namespace newsmill
