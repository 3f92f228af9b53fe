// The article in text that was already scraped from a page.
//
// A scraped page is a list of lines: the article's paragraphs, and around
// them the page's chrome (breadcrumbs, the headline, bylines, share buttons,
// teasers, comment forms). The extractor
//   1. gives every line features (length, final punctuation, case) and looks
//      it up in the multilingual chrome lexicon (data/chrome/phrases.tsv);
//   2. finds the breadcrumb and the headline at the top;
//   3. lets section headers ("Check Also", "Leave a Reply") claim the item
//      lines that follow them (teaser titles, form labels, a short bio);
//   4. scores each line (prose positive, chrome and menu items negative) and
//      takes the contiguous run of lines with the highest total as the body
//      (the body-text-extraction idea of Finn, Kushmerick and Smyth, 2001,
//      on lines instead of tags), dropping chrome lines inside it;
//   5. joins paragraphs that the scraper split in the middle of a sentence;
//   6. reads the metadata off the chrome: section, title, authors, related
//      titles, date, site.
// No rule names a site or a page; everything comes from line features and
// the lexicons.
#include <algorithm>
#include <optional>

#include "extract/dates.h"
#include "extract/language.h"
#include "extract/lexicon.h"
#include "extract/text_extractor.h"
#include "extract/text_lines.h"
#include "newsmill/extract.h"

namespace newsmill {
namespace {

using extract::TextLine;

constexpr size_t kNone = static_cast<size_t>(-1);

// What the extractor decided about one line.
struct Label {
  bool chrome = false;
  ChromeKind kind = ChromeKind::kOther;
  bool related_title = false;  // a teaser title in a related list
};

struct Breadcrumb {
  size_t line = kNone;
  std::vector<std::string> segments;
};

// -- Breadcrumb --------------------------------------------------------------

bool IsHomeWord(std::string_view folded) {
  static constexpr std::string_view kHome[] = {
      "home", "homepage", "home page", "start", "startseite", "accueil",
      "inicio", "início", "portada", "главная", "الرئيسية", "خانه", "news"};
  for (std::string_view h : kHome) {
    if (folded == h) return true;
  }
  return false;
}

// "Home / World / Europe / Headline", "News › Science", "Accueil » Monde".
std::optional<std::vector<std::string>> BreadcrumbSegments(const TextLine& line) {
  static constexpr std::string_view kSeparators[] = {
      " / ", " > ", " » ", " › ", " → ", " ≫ ", " | ", " · ", " • ", " :: "};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string> segs;
    size_t start = 0;
    const std::string& s = line.text;
    while (true) {
      const size_t at = s.find(sep, start);
      segs.push_back(s.substr(start, at == std::string::npos ? std::string::npos
                                                             : at - start));
      if (at == std::string::npos) break;
      start = at + sep.size();
    }
    if (segs.size() < 2) continue;
    bool short_segments = true;
    for (const std::string& seg : segs) {
      const size_t words = std::count(seg.begin(), seg.end(), ' ') + 1;
      short_segments &= !seg.empty() && words <= 16;
    }
    if (!short_segments) continue;
    const bool home_first = IsHomeWord(extract::FoldForMatch(segs.front()));
    // "A | B" is how titles carry site names and "A · B" how bylines list
    // facts; "/" between two words is ordinary text. Without a home word,
    // ask for three segments.
    const bool weak_separator = sep == " | " || sep == " · " || sep == " • ";
    if (home_first || (segs.size() >= 3 && !weak_separator)) return segs;
  }
  return std::nullopt;
}

Breadcrumb FindBreadcrumb(const std::vector<TextLine>& lines) {
  Breadcrumb crumb;
  for (size_t i = 0; i < lines.size() && i < 12; ++i) {
    if (lines[i].words > 40) break;
    if (lines[i].has_hit) continue;
    if (auto segs = BreadcrumbSegments(lines[i])) {
      crumb.line = i;
      crumb.segments = std::move(*segs);
      return crumb;
    }
  }
  return crumb;
}

// -- Headline ----------------------------------------------------------------

bool IsDateLine(const TextLine& line) {
  extract::FoundDate date;
  return line.words <= 12 && extract::FindDate(line.text, &date);
}

// The first line that reads as article prose: the headline must come before.
size_t FirstProseLine(const std::vector<TextLine>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].has_hit && lines[i].words >= 12 && lines[i].ends_sentence &&
        !lines[i].ends_ellipsis) {
      return i;
    }
  }
  return lines.size();
}

bool SameText(std::string_view a, std::string_view b) {
  return extract::FoldForMatch(a) == extract::FoldForMatch(b);
}

// A breadcrumb may end with the headline cut short: "Russia: West Directly…".
bool BreadcrumbNamesTitle(const Breadcrumb& crumb, const TextLine& line) {
  if (crumb.segments.size() < 2) return false;
  std::string last = extract::FoldForMatch(crumb.segments.back());
  for (std::string_view cut : {"…", "..."}) {
    if (last.ends_with(cut)) last.resize(last.size() - cut.size());
  }
  const std::string folded = extract::FoldForMatch(line.text);
  return !last.empty() && (folded == last ||
                           (last.size() >= 12 && folded.starts_with(last)));
}

bool CanBeTitle(const TextLine& line, const std::vector<Label>& labels,
                size_t i) {
  return !labels[i].chrome && !line.has_hit && line.words >= 2 &&
         line.words <= 30 && !line.ends_ellipsis && !IsDateLine(line) &&
         !line.starts_bullet;
}

size_t FindTitle(const std::vector<TextLine>& lines, const Breadcrumb& crumb,
                 const std::vector<Label>& labels) {
  const size_t head_end = std::min(FirstProseLine(lines), lines.size());
  // The breadcrumb's last segment, or a line the page repeats, is the
  // headline; otherwise the first title-like line of the head.
  for (size_t i = 0; i < head_end; ++i) {
    if (CanBeTitle(lines[i], labels, i) && BreadcrumbNamesTitle(crumb, lines[i])) {
      return i;
    }
  }
  for (size_t i = 0; i < head_end; ++i) {
    if (!CanBeTitle(lines[i], labels, i)) continue;
    for (size_t j = i + 1; j < head_end; ++j) {
      if (SameText(lines[i].text, lines[j].text)) return i;
    }
  }
  // Otherwise the longest title-like line of the head: site names and
  // taglines are shorter than headlines, and a standfirst ends in a period.
  size_t best = kNone, fallback = kNone;
  for (size_t i = 0; i < head_end; ++i) {
    if (!CanBeTitle(lines[i], labels, i) || lines[i].words < 3) continue;
    const char last = lines[i].text.back();
    if (!lines[i].ends_sentence || last == '?' || last == '!') {
      if (best == kNone || lines[i].words > lines[best].words) best = i;
    } else if (fallback == kNone) {
      fallback = i;
    }
  }
  return best != kNone ? best : fallback;
}

// -- Sections claimed by headers ---------------------------------------------

// Lines a related list or a form is made of: titles, labels, cut teasers.
bool IsItemLike(const TextLine& line) {
  return !line.ends_sentence || line.ends_ellipsis || line.words < 8;
}

// A photo credit ("Photo: Reuters/Jane Roe") and its caption stand on
// adjacent lines: the credit claims the caption line below it when no blank
// line separates them. (Not the line above: that is as often the end of a
// paragraph.)
void ClaimCaption(const std::vector<TextLine>& lines, size_t credit,
                  std::vector<Label>* labels) {
  auto claim = [&](size_t j) {
    if (lines[j].has_hit || (*labels)[j].chrome || lines[j].words > 40) return false;
    (*labels)[j] = {true, ChromeKind::kCaption, false};
    return true;
  };
  if (credit + 1 < lines.size() && !lines[credit + 1].blank_before) {
    claim(credit + 1);
  }
}

void ClaimSections(const std::vector<TextLine>& lines, std::vector<Label>* labels) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const TextLine& head = lines[i];
    if (head.has_hit && head.hit.kind == ChromeKind::kCaption &&
        head.hit.match == extract::MatchType::kPrefix) {
      ClaimCaption(lines, i, labels);
      continue;
    }
    const bool opens = head.has_hit &&
                       (head.hit.match == extract::MatchType::kHeader ||
                        (head.hit.kind == ChromeKind::kAuthorBox &&
                         head.hit.match == extract::MatchType::kPrefix));
    if (!opens) continue;
    const ChromeKind kind = head.hit.kind;
    size_t prose_left = kind == ChromeKind::kAuthorBox ? 2 : 0;
    for (size_t j = i + 1; j < lines.size(); ++j) {
      const TextLine& line = lines[j];
      if (line.has_hit) break;
      const bool item = IsItemLike(line);
      if (kind == ChromeKind::kComments) {
        // Comments run to the next header: they are prose of their own.
      } else if (!item) {
        if (prose_left == 0) break;
        --prose_left;
      }
      Label& label = (*labels)[j];
      label.chrome = true;
      label.kind = kind;
      label.related_title = kind == ChromeKind::kRelated && item &&
                            !line.ends_ellipsis && line.words >= 2 &&
                            line.words <= 25 && !line.ends_sentence;
    }
  }
}

// -- Body ----------------------------------------------------------------------

double Score(const TextLine& line, const Label& label) {
  if (label.chrome || line.has_hit) {
    const bool header = line.has_hit && line.hit.match == extract::MatchType::kHeader;
    return header ? -25.0 : -10.0;
  }
  const double words = static_cast<double>(line.words);
  if (line.ends_ellipsis) return -1.0;
  if (line.words >= 8 && line.ends_sentence) return words;
  // A long line without final punctuation is a paragraph the scraper cut.
  if (line.words >= 15) return 0.8 * words;
  if (line.ends_sentence && line.words >= 3) return 0.5 * words;
  // Menu items, labels and subheadings: kept only between paragraphs.
  return -(1.0 + 0.25 * words);
}

// The contiguous run [begin, end) of lines with the greatest total score.
std::pair<size_t, size_t> BestRun(const std::vector<double>& scores) {
  double best = 0;
  size_t best_begin = 0, best_end = 0;
  double sum = 0;
  size_t begin = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (sum <= 0) {
      sum = 0;
      begin = i;
    }
    sum += scores[i];
    if (sum > best) {
      best = sum;
      best_begin = begin;
      best_end = i + 1;
    }
  }
  return {best_begin, best_end};
}

// -- Paragraphs ----------------------------------------------------------------

// A paragraph split in the middle of a sentence: the first part does not end
// a sentence and the second goes on in lower case (or the first ends in a
// comma or hyphen).
bool Continues(const TextLine& prev, const TextLine& next) {
  if (prev.ends_sentence || prev.starts_bullet || next.starts_bullet) {
    return false;
  }
  if (!prev.ends_continuable) return false;
  const char last = prev.text.back();
  return next.starts_lower || last == ',' || last == '-';
}

void AppendParagraph(std::string_view text, BlockKind kind, Article* article) {
  if (!article->text.empty()) article->text.append("\n\n");
  const size_t begin = article->text.size();
  article->text.append(text);
  article->blocks.push_back(Block{kind, {begin, article->text.size()}});
}

BlockKind KindOf(const TextLine& line) {
  if (line.starts_bullet) return BlockKind::kListItem;
  if (!line.ends_sentence && line.words <= 15) return BlockKind::kHeading;
  return BlockKind::kParagraph;
}

void BuildText(const std::vector<TextLine>& lines, const std::vector<size_t>& body,
               const ExtractOptions& options, Article* article) {
  std::string paragraph;
  const TextLine* first = nullptr;
  const TextLine* prev = nullptr;
  for (size_t index : body) {
    const TextLine& line = lines[index];
    if (prev && options.repair_paragraphs && Continues(*prev, line)) {
      const char last = paragraph.back();
      if (last != '-') paragraph.push_back(' ');
      paragraph.append(line.text);
    } else {
      if (first) AppendParagraph(paragraph, KindOf(*first), article);
      paragraph = line.text;
      first = &line;
    }
    prev = &line;
  }
  if (first) AppendParagraph(paragraph, KindOf(*first), article);
}

// -- Metadata ------------------------------------------------------------------

void AddAuthors(const std::vector<std::string>& names, Metadata* meta) {
  for (const std::string& name : names) {
    if (std::find(meta->authors.begin(), meta->authors.end(), name) ==
        meta->authors.end()) {
      meta->authors.push_back(name);
    }
  }
}

// "© 2023 The Daily Example. All rights reserved." -> "The Daily Example".
std::string SiteFromCopyright(std::string_view line) {
  std::string s(line);
  for (std::string_view drop : {"©", "(c)", "(C)", "Copyright", "copyright"}) {
    for (size_t at; (at = s.find(drop)) != std::string::npos;) s.erase(at, drop.size());
  }
  const std::string folded = extract::FoldForMatch(s);
  for (std::string_view cut : {"all rights reserved", "tous droits", "alle rechte",
                               "todos los derechos", "todos os direitos",
                               "tutti i diritti"}) {
    const size_t at = folded.find(cut);
    if (at != std::string::npos && at <= s.size()) s.resize(at);
  }
  // Drop years and punctuation at both ends.
  auto strip = [](char c) {
    return c == ' ' || c == '.' || c == ',' || c == '-' || c == '|' ||
           (c >= '0' && c <= '9');
  };
  size_t b = 0, e = s.size();
  while (b < e && strip(s[b])) ++b;
  while (e > b && strip(s[e - 1])) --e;
  std::string site = s.substr(b, e - b);
  const size_t words = std::count(site.begin(), site.end(), ' ') + 1;
  return site.empty() || words > 6 ? std::string() : site;
}

std::string SectionFromBreadcrumb(const Breadcrumb& crumb, const Label* title_label,
                                  std::string_view title) {
  std::vector<std::string> segs = crumb.segments;
  if (!segs.empty() && IsHomeWord(extract::FoldForMatch(segs.front()))) {
    segs.erase(segs.begin());
  }
  if (segs.size() >= 2 || (!segs.empty() && !title.empty())) {
    // The last segment is the page itself when it names the headline (even
    // cut short); a breadcrumb of sections only ends with the section.
    std::string last = extract::FoldForMatch(segs.back());
    const std::string folded_title = extract::FoldForMatch(title);
    for (std::string_view cut : {"…", "..."}) {
      if (last.ends_with(cut)) last.resize(last.size() - cut.size());
    }
    const bool names_page = !folded_title.empty() && !last.empty() &&
                            folded_title.starts_with(last);
    if (names_page || (segs.size() >= 2 && title_label == nullptr)) {
      segs.pop_back();
    }
  }
  (void)title_label;
  return segs.empty() ? std::string() : segs.back();
}

void ReadMetadata(const std::vector<TextLine>& lines, const std::vector<Label>& labels,
                  const Breadcrumb& crumb, size_t title, size_t body_begin,
                  Article* article) {
  Metadata& meta = article->meta;
  if (title != kNone) meta.title = lines[title].text;
  if (crumb.line != kNone) {
    meta.section = SectionFromBreadcrumb(crumb, title != kNone ? &labels[title] : nullptr,
                                         meta.title);
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    const Label& label = labels[i];
    if (!label.chrome) continue;
    if (line.has_hit && line.hit.match == extract::MatchType::kPrefix) {
      if (extract::HitNamesAuthors(line.hit)) {
        AddAuthors(extract::NamesFromByline(line.hit.rest), &meta);
      } else if (line.hit.kind == ChromeKind::kRelated && !line.hit.rest.empty()) {
        meta.related.push_back({line.hit.rest, ""});
      }
    }
    if (label.related_title) meta.related.push_back({line.text, ""});
    if (meta.published.empty() && i < body_begin &&
        (label.kind == ChromeKind::kByline) && line.words <= 16) {
      extract::FoundDate date;
      if (extract::FindDate(line.text, &date)) meta.published = date.iso;
    }
    if (label.kind == ChromeKind::kFooter && meta.site.empty() &&
        line.has_hit && line.hit.match != extract::MatchType::kLine) {
      const std::string folded = extract::FoldForMatch(line.text);
      if (folded.starts_with("©") || folded.starts_with("copyright") ||
          folded.starts_with("(c)")) {
        meta.site = SiteFromCopyright(line.text);
      }
    }
  }
}

// -- Labels ------------------------------------------------------------------

std::vector<Label> InitialLabels(const std::vector<TextLine>& lines) {
  std::vector<Label> labels(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].has_hit) {
      labels[i].chrome = true;
      labels[i].kind = lines[i].hit.kind;
    }
  }
  return labels;
}

void LabelHead(const std::vector<TextLine>& lines, const Breadcrumb& crumb,
               size_t title, std::vector<Label>* labels) {
  if (crumb.line != kNone) {
    (*labels)[crumb.line] = {true, ChromeKind::kBreadcrumb, false};
  }
  if (title == kNone) return;
  // The headline and every repetition of it in the head.
  const size_t head_end = FirstProseLine(lines);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == title || (i < head_end && SameText(lines[i].text, lines[title].text))) {
      (*labels)[i] = {true, ChromeKind::kHeadline, false};
    }
  }
  for (size_t i = 0; i < head_end && i < lines.size(); ++i) {
    if (!(*labels)[i].chrome && IsDateLine(lines[i])) {
      (*labels)[i] = {true, ChromeKind::kByline, false};
    }
  }
}

// Chrome outside the body that no rule named: menus before it, leftovers
// after it.
void LabelOutside(const std::vector<TextLine>& lines, size_t begin, size_t end,
                  std::vector<Label>* labels) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i >= begin && i < end) continue;
    Label& label = (*labels)[i];
    if (label.chrome) continue;
    label.chrome = true;
    if (i < begin) {
      label.kind = lines[i].words <= 4 && !lines[i].ends_sentence
                       ? ChromeKind::kNav
                       : ChromeKind::kHeader;
    } else {
      label.kind = ChromeKind::kOther;
    }
  }
}

}  // namespace

namespace extract {

Article ExtractScrapedText(std::string_view text, const ExtractOptions& options,
                           std::string_view declared_language) {
  Article article;
  std::vector<TextLine> lines =
      extract::SplitLines(text, extract::ChromeLexicon::Default());
  std::vector<Label> labels = InitialLabels(lines);
  const Breadcrumb crumb = FindBreadcrumb(lines);
  if (crumb.line != kNone) labels[crumb.line] = {true, ChromeKind::kBreadcrumb, false};
  const size_t title = FindTitle(lines, crumb, labels);
  LabelHead(lines, crumb, title, &labels);
  ClaimSections(lines, &labels);

  std::vector<double> scores(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) scores[i] = Score(lines[i], labels[i]);
  const auto [begin, end] = BestRun(scores);
  LabelOutside(lines, begin, end, &labels);

  std::vector<size_t> body;
  for (size_t i = begin; i < end; ++i) {
    if (!labels[i].chrome) body.push_back(i);
  }
  ReadMetadata(lines, labels, crumb, title, begin, &article);

  if (options.verbatim) {
    // Offsets must be offsets into the input: keep it whole, one block per
    // line, and remove nothing.
    article.text = std::string(text);
    for (const TextLine& line : lines) {
      article.blocks.push_back(Block{BlockKind::kParagraph, line.source});
    }
    article.meta.language =
        extract::DetectLanguage(text, declared_language, &article.warnings);
    return article;
  }
  BuildText(lines, body, options, &article);
  article.meta.language =
      extract::DetectLanguage(article.text, declared_language, &article.warnings);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (labels[i].chrome) {
      article.boilerplate.push_back({labels[i].kind, lines[i].text});
    }
  }
  if (article.text.empty()) article.warnings.push_back("no article text found");
  return article;
}

}  // namespace extract

Article ExtractFromText(std::string_view text, const ExtractOptions& options) {
  return extract::ExtractScrapedText(text, options, "");
}

}  // namespace newsmill
