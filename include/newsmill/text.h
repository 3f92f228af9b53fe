// Text: sentences and tokens of an article, as byte spans into its text.
//
//   newsmill::TextAnalyzer analyzer;           // once per thread: owns ICU state
//   newsmill::TextAnalysis analysis;
//   analyzer.Analyze(article.text, &analysis);  // reuse both across documents
//   for (const newsmill::Sentence& s : analysis.sentences) ...
//
// Sentences start from ICU's sentence break iterator and are then repaired
// for news text: no break after abbreviations and titles ("U.S. President",
// "Feb. 24", "Gov. Smith", data/text/abbreviations.txt) or initials
// ("J. K. Rowling"), none before a lower-case word ('"Why?" he asked') or
// before , ; :, a break before an ellipsis that follows a full stop
// ("tougher. ... What"), and a break at a line break (headlines and list
// items carry no final punctuation) and before a bullet — except a single
// line break inside a hard-wrapped sentence (after a word, number or comma
// and before a lower-case word). Tokens are newsmill's own: words keep
// inner apostrophes and hyphens ("Kan'ani", "al-Assad", "Russian-speaking"),
// numbers keep decimal points and thousands separators, abbreviations keep
// their dots ("U.S.", "Feb."), and a possessive "'s" is a token of its own.
//
// Thread safety: a TextAnalyzer is used by one thread at a time; make one per
// thread (creating ICU break iterators is costly), or call AnalyzeText, which
// keeps one per thread.
#ifndef NEWSMILL_TEXT_H_
#define NEWSMILL_TEXT_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "newsmill/article.h"

namespace newsmill {

enum class TokenKind : unsigned char {
  kWord,          // letters (with inner ' and -), or letters and digits
  kNumber,        // digits, with inner . , : ("3.5", "1,000", "10:30")
  kAbbreviation,  // ends in its dot: "U.S.", "Feb.", "Sen.", "J."
  kPossessive,    // "'s" or "’s" split from the word before it
  kPunct,         // one punctuation mark, or an ellipsis ("...")
  kSymbol,        // anything else ($, %, emoji)
};

struct Token {
  ByteSpan span;
  TokenKind kind = TokenKind::kWord;
  bool upper_initial = false;  // the first letter is upper case ("Lavrov", "U.S.")
  bool all_upper = false;      // two or more letters, all upper case ("NATO")
  bool space_before = false;   // white space separates it from the previous token
  bool line_before = false;    // a line break separates it from the previous token
};

// Tokens [token_begin, token_end) of TextAnalysis::tokens.
struct Sentence {
  ByteSpan span;
  size_t token_begin = 0;
  size_t token_end = 0;
};

struct TextAnalysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  void Clear() {
    tokens.clear();
    sentences.clear();
  }
};

class TextAnalyzer {
 public:
  TextAnalyzer();
  ~TextAnalyzer();
  TextAnalyzer(const TextAnalyzer&) = delete;
  TextAnalyzer& operator=(const TextAnalyzer&) = delete;

  // Fills `out` (cleared first; its capacity is kept) with the tokens and
  // sentences of `text`, which must be valid UTF-8 and outlive nothing: spans
  // are offsets, not pointers. Every token lies inside one sentence.
  void Analyze(std::string_view text, TextAnalysis* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Analyze with a TextAnalyzer kept per thread.
TextAnalysis AnalyzeText(std::string_view text);

// The text of a span; empty when the span does not fit `text`.
inline std::string_view SpanText(std::string_view text, ByteSpan span) {
  if (span.begin > span.end || span.end > text.size()) return {};
  return text.substr(span.begin, span.end - span.begin);
}

}  // namespace newsmill

#endif  // NEWSMILL_TEXT_H_
