// The source/cue/content tagger: features and Viterbi decoding over one
// paragraph of tokens (internal header). The model is a first-order
// structured perceptron; docs/statements.md lists the feature templates.
#ifndef NEWSMILL_STATEMENTS_TAGGER_H_
#define NEWSMILL_STATEMENTS_TAGGER_H_

#include <cstdint>
#include <vector>

#include "newsmill/statements.h"
#include "statements/tokenize.h"

namespace newsmill::statements {

enum Label : uint8_t {
  kO = 0, kBSource, kISource, kBCue, kICue, kBContent, kIContent
};
inline constexpr int kNumLabels = 7;
// Bump when the features change: a model trained on other features is
// rejected at load time.
inline constexpr uint32_t kFeatureSet = 3;

// The hashed features of every token: ids[starts[i] .. starts[i + 1]).
// Also what the second pass needs of each token.
struct FeatureRows {
  std::vector<uint32_t> ids;
  std::vector<uint32_t> starts;
  std::vector<uint64_t> words;  // hash of the lower-cased form
  std::vector<uint8_t> shapes, sentence_starts, in_quote, cue;
};

// Resolves ambiguous ASCII quotation marks by their order (open, close,
// open, ...) so that tokens from Tokenize can be tagged.
void ResolveQuotes(std::vector<Token>* tokens);

// True when token i ends a sentence: . ! ? not followed by a closing
// quotation mark, or a closing mark right after one of them.
bool EndsSentence(const std::vector<Token>& tokens, size_t i);

void ExtractFeatures(const std::vector<Token>& tokens, uint32_t buckets,
                     FeatureRows* out);

// True when `label` may follow `prev` (-1: the paragraph start): an I- label
// only continues its own B- or I-.
inline bool Allowed(int prev, int label) {
  if (label == kISource) return prev == kBSource || prev == kISource;
  if (label == kICue) return prev == kBCue || prev == kICue;
  if (label == kIContent) return prev == kBContent || prev == kIContent;
  return true;
}

// Two passes share one weight table (stack.cc): the first tags with the
// token features in the lower half of the buckets, the second adds features
// of the first pass's labels (nearest predicted cue, source, content...) and
// uses the upper half. The first pass's transitions live in eight buckets.

// Fills first[(prev + 1) * kNumLabels + label] from the weights.
void FirstPassTransitions(const float* weights, uint32_t buckets, float* first);
// Bucket holding the first pass's transition row for `prev` (-1..6).
uint32_t FirstPassTransitionBucket(int prev, uint32_t buckets);
// The second pass's features: every first-pass feature moved to the upper
// half, plus features of the first pass's labels `pass1`.
void StackFeatures(const FeatureRows& rows, const std::vector<uint8_t>& pass1,
                   uint32_t buckets, FeatureRows* out);

// The best label sequence under `model` (labels->size() == tokens).
void Decode(const StatementModel& model, const FeatureRows& rows,
            std::vector<uint8_t>* labels);

// Same, scoring with raw weight arrays (the trainer's current weights).
void DecodeWith(const float* weights, const float* transitions,
                const FeatureRows& rows, std::vector<uint8_t>* labels);

}  // namespace newsmill::statements

#endif  // NEWSMILL_STATEMENTS_TAGGER_H_
