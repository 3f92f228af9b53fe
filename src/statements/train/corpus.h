// PolNeAR corpora for training and evaluating the statements tagger
// (internal; part of the newsmill_statements_train library, not the runtime).
#ifndef NEWSMILL_STATEMENTS_TRAIN_CORPUS_H_
#define NEWSMILL_STATEMENTS_TRAIN_CORPUS_H_

#include <array>
#include <string>
#include <vector>

#include "newsmill/status.h"
#include "statements/tokenize.h"

namespace newsmill::statements {

// One tagged sequence: a paragraph of tokens with gold labels (Label).
struct Example {
  std::vector<Token> tokens;
  std::vector<uint8_t> labels;
};

// One brat attribution: spans as byte ranges into the article text; several
// ranges when the annotator joined discontinuous pieces.
struct Span {
  size_t begin = 0, end = 0;
};
struct Attribution {
  std::vector<Span> source, cue, content;
};
struct BratArticle {
  std::string name;  // file stem
  std::string text;
  std::vector<Attribution> attributions;
};

// Articles of a PolNeAR split directory (text/ and attributions/), one
// annotator's file per article (the first by name).
Result<std::vector<BratArticle>> ReadPolnearSplit(const std::string& dir);

// Paragraphs (lines) of an article tokenized and labelled: cue over source
// over content where spans overlap.
void ArticleExamples(const BratArticle& article, std::vector<Example>* out);

// CofeNet's sentences (JSON Lines with tokens and labels).
Result<std::vector<Example>> ReadCofenet(const std::string& path);

// Exact-span counts per role (0 source, 1 cue, 2 content).
struct SpanCounts {
  std::array<long, 3> gold{}, predicted{}, correct{};
};
// Adds the spans of one sequence: a predicted span is correct when a gold
// span of its role has the same first and last token.
void CountSpans(const std::vector<uint8_t>& gold,
                const std::vector<uint8_t>& predicted, SpanCounts* counts);

}  // namespace newsmill::statements

#endif  // NEWSMILL_STATEMENTS_TRAIN_CORPUS_H_
