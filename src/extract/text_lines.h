// Lines of a scraped page and what each looks like: the features the text
// extractor decides on (internal header).
#ifndef NEWSMILL_EXTRACT_TEXT_LINES_H_
#define NEWSMILL_EXTRACT_TEXT_LINES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"
#include "newsmill/article.h"

namespace newsmill::extract {

struct TextLine {
  std::string text;          // white space collapsed and trimmed
  ByteSpan source;           // the line in the input, without its newline
  bool blank_before = false; // an empty line separates it from the previous
  size_t words = 0;
  bool ends_sentence = false;  // ends in . ! ? … : (before closing quotes)
  bool ends_ellipsis = false;  // a cut-off teaser: "by the …"
  bool starts_lower = false;   // first letter is lower case
  bool starts_bullet = false;  // "• item", "- item", "1. item"
  bool ends_continuable = false;  // ends in a letter, digit, "," or "-"
  bool has_hit = false;
  LexiconHit hit;
};

// Words in `s`, separated by spaces; two Chinese or Japanese characters
// (written without spaces) count as one word.
size_t CountWords(std::string_view s);

// Splits `text` into its non-empty lines and computes their features.
// Lines are looked up in `lexicon`.
std::vector<TextLine> SplitLines(std::string_view text,
                                 const ChromeLexicon& lexicon);

// Looks `text` up in the lexicon and checks prefix hits that need a name or
// a date after them: "By Jane Doe" is a byline, "By the end of May, ..." is
// prose; "About Jane Doe" an author box, "About 200 people ..." prose. A hit
// that fails the check falls back to the lexicon's other phrases.
bool MatchChrome(const ChromeLexicon& lexicon, std::string_view text, size_t words,
                 LexiconHit* hit);

// Whether a byline hit names the article's authors: "By Jane Doe" does,
// "Editing by Tom Brown" and "Additional reporting by ..." do not.
bool HitNamesAuthors(const LexiconHit& hit);

// Whether the hit's phrase ends with a word that introduces names ("by",
// "written by", "von", "par"), rather than a date ("Updated", "Published")
// or an author box ("About").
bool HitIntroducesNames(const LexiconHit& hit);

// True when `s` reads as a list of 1-6 personal names (each word capitalised,
// or in a script without case, name particles allowed) rather than prose.
bool IsNameLike(std::string_view s);

// The authors a byline's rest names: "Jane Doe and John Roe | May 3" ->
// {"Jane Doe", "John Roe"}. Parts that name a desk or agency are dropped.
std::vector<std::string> NamesFromByline(std::string_view rest);

}  // namespace newsmill::extract

#endif  // NEWSMILL_EXTRACT_TEXT_LINES_H_
