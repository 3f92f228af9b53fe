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

// Prose may mention a privacy policy; chrome lines that only say so in
// passing are short. Cookie, newsletter and comment-form notices are long
// sentences of their own, and so are captions that end with a credit
// ("... (AP Photo/Jane Roe)").
constexpr size_t kMaxNoticeWords = 60;
size_t MaxContainsWords(ChromeKind kind) {
  const bool long_notice = kind == ChromeKind::kCookie || kind == ChromeKind::kByline ||
                           kind == ChromeKind::kNewsletter ||
                           kind == ChromeKind::kCommentForm || kind == ChromeKind::kCaption;
  return long_notice ? kMaxNoticeWords : 25;
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
  contains_matcher_.Build(contains_);
}

void ChromeLexicon::ContainsMatcher::Build(const std::vector<Phrase>& phrases) {
  for (const Phrase& p : phrases) {
    for (char c : p.text) {
      uint8_t& cls = byte_class_[static_cast<unsigned char>(c)];
      if (cls == 0) cls = static_cast<uint8_t>(classes_++);
    }
  }
  // The trie, then failure links breadth first, filling in every missing
  // transition so that Scan follows one table entry per byte.
  next_.assign(static_cast<size_t>(classes_), -1);
  std::vector<std::vector<int32_t>> ends(1);
  for (size_t i = 0; i < phrases.size(); ++i) {
    int32_t state = 0;
    for (char c : phrases[i].text) {
      const size_t at = static_cast<size_t>(state) * classes_ + byte_class_[static_cast<unsigned char>(c)];
      if (next_[at] < 0) {
        next_[at] = static_cast<int32_t>(ends.size());
        ends.emplace_back();
        next_.resize(next_.size() + static_cast<size_t>(classes_), -1);
      }
      state = next_[at];
    }
    ends[static_cast<size_t>(state)].push_back(static_cast<int32_t>(i));
  }
  std::vector<int32_t> fail(ends.size(), 0);
  std::vector<int32_t> queue;
  for (int c = 0; c < classes_; ++c) {
    int32_t& to = next_[static_cast<size_t>(c)];
    if (to < 0) {
      to = 0;
    } else {
      queue.push_back(to);
    }
  }
  for (size_t q = 0; q < queue.size(); ++q) {
    const int32_t state = queue[q];
    const auto& inherited = ends[static_cast<size_t>(fail[static_cast<size_t>(state)])];
    auto& own = ends[static_cast<size_t>(state)];
    own.insert(own.end(), inherited.begin(), inherited.end());
    for (int c = 0; c < classes_; ++c) {
      const size_t at = static_cast<size_t>(state) * classes_ + c;
      const int32_t via_fail = next_[static_cast<size_t>(fail[static_cast<size_t>(state)]) * classes_ + c];
      if (next_[at] < 0) {
        next_[at] = via_fail;
      } else {
        fail[static_cast<size_t>(next_[at])] = via_fail;
        queue.push_back(next_[at]);
      }
    }
  }
  first_.assign(ends.size(), -1);
  for (size_t state = 0; state < ends.size(); ++state) {
    if (ends[state].empty()) continue;
    first_[state] = static_cast<int32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), ends[state].begin(), ends[state].end());
    outputs_.push_back(-1);
  }
}

template <typename Found>
void ChromeLexicon::ContainsMatcher::Scan(std::string_view text, Found found) const {
  int32_t state = 0;
  for (char c : text) {
    state = next_[static_cast<size_t>(state) * classes_ + byte_class_[static_cast<unsigned char>(c)]];
    for (int32_t k = first_[static_cast<size_t>(state)]; k >= 0 && outputs_[static_cast<size_t>(k)] >= 0; ++k) {
      if (found(static_cast<size_t>(outputs_[static_cast<size_t>(k)]))) return;
    }
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
  if (words > kMaxNoticeWords) return false;
  // The first phrase in file order that the line contains and whose kind
  // allows a line this long.
  size_t best = contains_.size();
  contains_matcher_.Scan(folded, [&](size_t i) {
    if (i < best && words <= MaxContainsWords(contains_[i].kind)) best = i;
    return best == 0;
  });
  if (best == contains_.size()) return false;
  const Phrase& p = contains_[best];
  hit->kind = p.kind;
  hit->match = MatchType::kContains;
  hit->rest.clear();
  hit->phrase = p.text;
  return true;
}

}  // namespace newsmill::extract
