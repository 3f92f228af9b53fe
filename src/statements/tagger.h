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
inline constexpr uint32_t kFeatureSet = 1;

// The hashed features of every token: ids[starts[i] .. starts[i + 1]).
struct FeatureRows {
  std::vector<uint32_t> ids;
  std::vector<uint32_t> starts;
};

// Resolves ambiguous ASCII quotation marks by their order (open, close,
// open, ...) so that tokens from Tokenize can be tagged.
void ResolveQuotes(std::vector<Token>* tokens);

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

// The best label sequence under `model` (labels->size() == tokens).
void Decode(const StatementModel& model, const FeatureRows& rows,
            std::vector<uint8_t>* labels);

// Same, scoring with raw weight arrays (the trainer's current weights).
void DecodeWith(const float* weights, const float* transitions,
                const FeatureRows& rows, std::vector<uint8_t>* labels);

}  // namespace newsmill::statements

#endif  // NEWSMILL_STATEMENTS_TAGGER_H_
