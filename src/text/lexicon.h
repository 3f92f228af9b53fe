// The word lists the text stage reads from data/text/ (internal header).
#ifndef NEWSMILL_TEXT_LEXICON_H_
#define NEWSMILL_TEXT_LEXICON_H_

#include <string_view>

namespace newsmill::text {

enum class AbbreviationKind : unsigned char { kNone, kTitle, kMonth, kOther };

// The kind of `word` (without its final dot) in data/text/abbreviations.txt;
// case-sensitive ("No" is listed, "no" is not).
AbbreviationKind LookupAbbreviation(std::string_view word);

// True for a capitalised word that begins a new sentence after an ambiguous
// abbreviation (data/text/sentence_starters.txt).
bool IsSentenceStarter(std::string_view word);

}  // namespace newsmill::text

#endif  // NEWSMILL_TEXT_LEXICON_H_
