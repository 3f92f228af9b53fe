// Paragraph tokenizer for the statements stage (internal header).
//
// Tokens follow the Penn Treebank conventions CoreNLP uses, because the
// PolNeAR sentences the tagger learns from (CofeNet's split) were cut that
// way: clitics ('s, n't) and final periods are split off, quotation marks of
// every style become `` or '' (single ones ` or '), dashes become --.
// Every token keeps its byte range in the original text.
#ifndef NEWSMILL_STATEMENTS_TOKENIZE_H_
#define NEWSMILL_STATEMENTS_TOKENIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsmill::statements {

enum class QuoteMark : unsigned char { kNone, kOpen, kClose, kAmbiguous };

struct Token {
  uint32_t begin = 0;  // byte range in the text given to Tokenize
  uint32_t end = 0;
  std::string norm;    // PTB form, lower-cased: "``", "n't", "said"
  bool upper = false;  // first letter is a capital
  QuoteMark quote = QuoteMark::kNone;
  bool single_quote = false;  // ‘ ’ ‚ ' rather than a double mark
};

// Tokens of text[begin, end). Appends to *out.
void Tokenize(std::string_view text, size_t begin, size_t end,
              std::vector<Token>* out);

// A token given in PTB form already (CofeNet's sentences): fills norm,
// upper and quote for a token whose text is `word`.
Token MakeToken(std::string_view word);

}  // namespace newsmill::statements

#endif  // NEWSMILL_STATEMENTS_TOKENIZE_H_
