// Splits article text into tokens (internal header; see newsmill/text.h for
// what a token is).
#ifndef NEWSMILL_TEXT_TOKENIZER_H_
#define NEWSMILL_TEXT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "newsmill/text.h"
#include "text/lexicon.h"

namespace newsmill::text {

// Appends the tokens of `text` (valid UTF-8) to `out`.
void Tokenize(std::string_view text, std::vector<Token>* out);

// The abbreviation kind of a kAbbreviation token's text ("U.S.", "Feb.",
// "J."): letter-dot forms are kOther, single capitals kTitle (initials).
AbbreviationKind AbbreviationOf(std::string_view token_text);

}  // namespace newsmill::text

#endif  // NEWSMILL_TEXT_TOKENIZER_H_
