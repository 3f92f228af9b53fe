// The chrome lexicon: phrases that mark a line of a scraped page as page
// chrome (data/chrome/phrases.tsv, compiled into the library).
#ifndef NEWSMILL_EXTRACT_LEXICON_H_
#define NEWSMILL_EXTRACT_LEXICON_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsmill/article.h"

namespace newsmill::extract {

enum class MatchType : unsigned char { kHeader, kLine, kPrefix, kOpens, kContains };

struct LexiconHit {
  ChromeKind kind = ChromeKind::kOther;
  MatchType match = MatchType::kLine;
  std::string rest;  // for kPrefix: the original text after the phrase
  std::string phrase;  // the lexicon phrase that matched (folded)
};

// Lower-cases (Unicode case folding), collapses white space, turns curly
// apostrophes into ASCII ones and non-breaking spaces into spaces.
std::string FoldForMatch(std::string_view text);

class ChromeLexicon {
 public:
  // The lexicon compiled from data/chrome/phrases.tsv. Thread-safe after
  // first use.
  static const ChromeLexicon& Default();

  // Parses the TSV format documented at the top of phrases.tsv. Malformed
  // lines are skipped.
  explicit ChromeLexicon(std::string_view tsv);

  // Looks `line` (trimmed original text) up. `words` is its word count:
  // prefix and contains matches apply only to short lines, since a long line
  // is prose whatever phrase it contains. With `prefixes` false, prefix
  // phrases are not tried (for a line whose prefix hit proved wrong).
  bool Match(std::string_view line, size_t words, LexiconHit* hit,
             bool prefixes = true) const;

 private:
  struct Phrase {
    std::string text;
    ChromeKind kind;
    MatchType match;
  };
  // The "contains" phrases found anywhere in a folded line, all in one
  // pass (Aho-Corasick over bytes). Written here because it was measured:
  // one std::string::find per phrase and line was a tenth of a text-only
  // run on the benchmark pages.
  class ContainsMatcher {
   public:
    void Build(const std::vector<Phrase>& phrases);
    // Calls found(i) for each phrase i that occurs in `text` (repeats
    // possible); stops early when found returns true.
    template <typename Found>
    void Scan(std::string_view text, Found found) const;

   private:
    std::array<uint8_t, 256> byte_class_{};  // 0: a byte no phrase has
    int classes_ = 1;
    std::vector<int32_t> next_;    // state * classes_ + class -> state
    std::vector<int32_t> first_;   // state -> index into outputs_, or -1
    std::vector<int32_t> outputs_;  // per state: phrase indices, -1 ended
  };

  std::unordered_map<std::string, Phrase> whole_line_;  // header and line
  std::unordered_map<std::string, std::vector<Phrase>> prefix_by_first_word_;
  std::vector<Phrase> contains_;
  ContainsMatcher contains_matcher_;
};

}  // namespace newsmill::extract

#endif  // NEWSMILL_EXTRACT_LEXICON_H_
