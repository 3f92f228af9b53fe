// The source/cue/content tagger: features and Viterbi decoding over one
// paragraph of tokens (internal header). The model is a first-order
// structured perceptron; docs/statements.md lists the feature templates.
#ifndef NEWSMILL_STATEMENTS_TAGGER_H_
#define NEWSMILL_STATEMENTS_TAGGER_H_

#include <array>
#include <cstdint>
#include <vector>

#include "newsmill/statements.h"
#include "statements/tokenize.h"

namespace newsmill::statements {

enum Label : uint8_t {
  kO = 0, kBSource, kISource, kBCue, kICue, kBContent, kIContent
};
inline constexpr int kNumLabels = 7;

// The 64-bit finaliser of MurmurHash3: spreads feature hashes over the
// weight table's buckets (first pass, second pass and span features alike).
inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}
// Bump when the features change: a model trained on other features is
// rejected at load time.
inline constexpr uint32_t kFeatureSet = 6;

// The hashed features of every token: ids[starts[i] .. starts[i + 1]).
// Also what the second pass needs of each token.
struct FeatureRows {
  std::vector<uint32_t> ids;
  std::vector<uint32_t> starts;
  std::vector<uint64_t> words;  // hash of the lower-cased form
  std::vector<uint8_t> shapes, sentence_starts, in_quote, cue;
  // Second pass only (StackFeatures): the boundary features of every token,
  // bids[bstarts[i] .. bstarts[i + 1]) (a span of role r starting at the
  // token scores their column r, one ending there column 3 + r), and the
  // token flags the span features count (SpanFlag).
  std::vector<uint32_t> bids, bstarts;
  std::vector<uint8_t> flags;
  // Second pass only: the context class before each token (a span starting
  // there) and after it (a span ending there); classes in stack.cc.
  std::vector<uint8_t> before, after;
};

enum SpanFlag : uint8_t {
  kClauseMark = 1,   // , ; : -- ( )
  kSentenceEnd = 2,  // the last token of a sentence
  kOpensQuote = 4,
  kClosesQuote = 8,
  kFirstPassCue = 16,
  kFirstPassSource = 32,
  kCueWord = 64,  // in the cue lexicon (cue_lexicon.h)
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

// The second pass decodes spans, not tokens (span.cc): a labelling is a
// sequence of O tokens and whole spans (role, first, last), and a span
// scores its tokens' B-/I- emissions and transitions as in DecodeWith, plus
// the boundary features of its first token (column role) and last token
// (column 3 + role), plus span features of the whole span: its length and
// how many clause marks, sentence ends, quotation marks and first-pass
// cue/source tokens it holds, and the class of the tokens just before and
// after it (FeatureRows::before, after) (SpanFeatureIds). Spans are at most
// kMaxSpanLength tokens. With `cue_rule` (at run time, not in training: the
// content rule in training lowered dev F1 by 2 to 8 points) two rules hold: no
// content span holds a cue word (cue_lexicon.h) that the first pass tagged
// as a cue ("X replied that “A” but added that “B”" keeps "added" for the
// second content's cue), and every cue span holds a cue word or a token the
// first pass tagged as a cue.
inline constexpr int kMaxSpanLength = 256;

// The span feature ids (upper half of the buckets; column = role) of the
// span [first, last] of `rows`.
void SpanFeatureIds(const FeatureRows& rows, int first, int last,
                    uint32_t buckets, std::vector<uint32_t>* ids);

// The best labelling under the span model (Viterbi over spans).
void DecodeSpans(const float* weights, const float* transitions,
                 uint32_t buckets, const FeatureRows& rows,
                 std::vector<uint8_t>* labels, bool cue_rule = false);

// The span model's score of `labels` (a valid BIO sequence), summed
// feature by feature: what DecodeSpans maximizes (for tests); -infinity
// when `cue_rule` forbids a span.
double ScoreSpans(const float* weights, const float* transitions,
                  uint32_t buckets, const FeatureRows& rows,
                  const std::vector<uint8_t>& labels, bool cue_rule = false);

// (role, first, last) of the spans of a BIO sequence: a span starts at a B-
// or where the role changes.
std::vector<std::array<int, 3>> LabelSpans(const std::vector<uint8_t>& labels);

// The best label sequence under `model` (labels->size() == tokens).
void Decode(const StatementModel& model, const FeatureRows& rows,
            std::vector<uint8_t>* labels);

// Same, scoring with raw weight arrays (the trainer's current weights).
void DecodeWith(const float* weights, const float* transitions,
                const FeatureRows& rows, std::vector<uint8_t>* labels);

}  // namespace newsmill::statements

#endif  // NEWSMILL_STATEMENTS_TAGGER_H_
