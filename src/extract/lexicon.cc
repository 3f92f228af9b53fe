#include "extract/lexicon.h"

#include <unicode/unistr.h>

#include <algorithm>

#include "common/data_lines.h"
#include "common/utf8.h"

namespace newsmill::data {
extern const std::string_view kchrome_phrases_tsv;
}  // namespace newsmill::data

namespace newsmill::extract {
namespace {

bool ParseMatch(std::string_view name, MatchType* match) {
  if (name == "header") *match = MatchType::kHeader;
  else if (name == "line") *match = MatchType::kLine;
  else if (name == "prefix") *match = MatchType::kPrefix;
  else if (name == "opens") *match = MatchType::kOpens;
  else if (name == "contains") *match = MatchType::kContains;
  else return false;
  return true;
}

std::string_view FirstWord(std::string_view s) {
  return s.substr(0, s.find(' '));
}

// Decoration scrapers leave around section titles: "» Related", "Share:".
std::string_view StripDecoration(std::string_view s) {
  static constexpr std::string_view kMarks[] = {
      ":", "»", "›", ">", "<", "«", "‹", "|", "-", "–", "—", "•", "·",
      "*", "#", "▶", "►", "→", "(", ")", "[", "]", "…", "...", "!", " "};
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (std::string_view m : kMarks) {
      if (s.size() > m.size() && s.ends_with(m)) {
        s.remove_suffix(m.size());
        changed = true;
      }
      if (s.size() > m.size() && s.starts_with(m)) {
        s.remove_prefix(m.size());
        changed = true;
      }
    }
  }
  return s;
}

// Byte length in `original` that corresponds to the first `folded_chars`
// code points of its folded form. Case folding keeps one code point per code
// point for the scripts the lexicon covers, and white space was collapsed,
// so count code points while skipping repeated spaces.
size_t OriginalPrefixBytes(std::string_view original, size_t folded_cps) {
  size_t pos = 0;
  size_t cps = 0;
  bool prev_space = true;
  while (pos < original.size() && cps < folded_cps) {
    const char32_t cp = utf8::Next(original, &pos);
    const bool space = cp == ' ' || cp == '\t' || cp == 0xA0;
    if (space && prev_space) continue;
    prev_space = space;
    ++cps;
  }
  return pos;
}

}  // namespace

std::string FoldForMatch(std::string_view text) {
  std::string folded;
  bool ascii = true;
  for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    folded.reserve(text.size());
    for (char c : text) {
      folded.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    }
  } else {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.foldCase();
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)),
                     icu::UnicodeString(static_cast<UChar>('\'')));
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0xA0)),
                     icu::UnicodeString(static_cast<UChar>(' ')));
    u.toUTF8String(folded);
  }
  // Collapse white space runs and trim; French typography's space before a
  // colon goes too, so "Photo : X" matches "photo:".
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      if (c == ':' && !out.empty() && out.back() == ' ') out.pop_back();
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const ChromeLexicon& ChromeLexicon::Default() {
  static const ChromeLexicon* lexicon =
      new ChromeLexicon(data::kchrome_phrases_tsv);
  return *lexicon;
}

ChromeLexicon::ChromeLexicon(std::string_view tsv) {
  data::ForEachLine(tsv, [this](std::string_view line) {
    const std::vector<std::string_view> cols = data::Columns(line);
    Phrase p;
    if (cols.size() < 3 || !ChromeKindFromName(cols[0], &p.kind) ||
        !ParseMatch(cols[1], &p.match) || cols[2].empty()) {
      return;  // malformed lines are skipped
    }
    p.text = FoldForMatch(cols[2]);
    switch (p.match) {
      case MatchType::kHeader:
      case MatchType::kLine:
        whole_line_.emplace(p.text, p);  // the first entry for a phrase wins
        break;
      case MatchType::kPrefix:
      case MatchType::kOpens:
        prefix_by_first_word_[std::string(FirstWord(p.text))].push_back(p);
        break;
      case MatchType::kContains:
        contains_.push_back(p);
        break;
    }
  });
  // Longest prefix first, so "read more:" beats "read".
  for (auto& [word, list] : prefix_by_first_word_) {
    std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
      return a.text.size() > b.text.size();
    });
  }
}

bool ChromeLexicon::Match(std::string_view line, size_t words,
                          LexiconHit* hit, bool prefixes) const {
  if (words > 80) return false;
  const std::string folded = FoldForMatch(line);
  const std::string_view bare = StripDecoration(folded);
  if (auto it = whole_line_.find(std::string(bare)); it != whole_line_.end()) {
    hit->kind = it->second.kind;
    hit->match = it->second.match;
    hit->rest.clear();
    hit->phrase = it->second.text;
    return true;
  }
  if (prefixes && words <= 40) {
    auto it = prefix_by_first_word_.find(std::string(FirstWord(folded)));
    if (it != prefix_by_first_word_.end()) {
      for (const Phrase& p : it->second) {
        if (!std::string_view(folded).starts_with(p.text)) continue;
        // The phrase must end at a word boundary: "tags: x", "by jane",
        // "filed under: x", not "byzantine".
        const char last = p.text.back();
        const auto next = folded.size() == p.text.size()
                              ? ' '
                              : static_cast<unsigned char>(folded[p.text.size()]);
        const bool word_end = !(std::isalnum(next) || next >= 0x80 || next == '_') ||
                              !(std::isalnum(static_cast<unsigned char>(last)) ||
                                static_cast<unsigned char>(last) >= 0x80);
        if (!word_end) continue;
        if (p.match == MatchType::kOpens && words > 8) continue;
        hit->kind = p.kind;
        // A section opener behaves as a header from here on.
        hit->match = p.match == MatchType::kOpens ? MatchType::kHeader
                                                  : MatchType::kPrefix;
        const size_t cps = utf8::CountCodePoints(p.text);
        std::string_view rest = line.substr(OriginalPrefixBytes(line, cps));
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) {
          rest.remove_prefix(1);
        }
        hit->rest = std::string(rest);
        hit->phrase = p.text;
        return true;
      }
    }
  }
  for (const Phrase& p : contains_) {
    // Prose may mention a privacy policy; chrome lines that only say so in
    // passing are short. Cookie, newsletter and comment-form notices are
    // long sentences of their own, and so are captions that end with a
    // credit ("... (AP Photo/Jane Roe)").
    const bool long_notice = p.kind == ChromeKind::kCookie || p.kind == ChromeKind::kByline ||
                             p.kind == ChromeKind::kNewsletter ||
                             p.kind == ChromeKind::kCommentForm ||
                             p.kind == ChromeKind::kCaption;
    if (words > (long_notice ? 60u : 25u)) continue;
    if (folded.find(p.text) == std::string::npos) continue;
    hit->kind = p.kind;
    hit->match = MatchType::kContains;
    hit->rest.clear();
    hit->phrase = p.text;
    return true;
  }
  return false;
}

}  // namespace newsmill::extract
