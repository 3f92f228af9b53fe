// The source/cue/content tagger: features and Viterbi decoding over one
// paragraph of tokens (internal header). The model is a first-order
// structured perceptron; docs/statements.md lists the feature templates.
#ifndef NEWSMILL_STATEMENTS_TAGGER_H_
#define NEWSMILL_STATEMENTS_TAGGER_H_

#include <array>
#include <concepts>
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

// The weight tables the decoders read: a row of kNumLabels weights per
// bucket. At(id, y) is one weight; Sum(ids, count, out) sets out[y] to the
// sum of the rows ids[0 .. count); Prefetch(id) asks for a row's cache
// line.
//
// The trainer's tables: floats.
struct FloatWeights {
  const float* w;
  float At(uint32_t id, int y) const { return w[static_cast<size_t>(id) * kNumLabels + y]; }
  void Prefetch(uint32_t id) const { __builtin_prefetch(w + static_cast<size_t>(id) * kNumLabels); }
  void Sum(const uint32_t* ids, uint32_t count, float* out) const {
    for (int y = 0; y < kNumLabels; ++y) out[y] = 0.0f;
    for (uint32_t k = 0; k < count; ++k) {
      const float* row = w + static_cast<size_t>(ids[k]) * kNumLabels;
      for (int y = 0; y < kNumLabels; ++y) out[y] += row[y];
    }
  }
};

// A loaded model's table (StatementModel::rows()): the file's int16 values,
// in rows padded to 8 (16 bytes, 16-byte aligned, so a row never straddles
// a cache line), summed in int32 and scaled once. A measurement asked for
// it: perf put DecodeSpans at ~40% and DecodeWith at ~20% of the bench's
// time, mostly these sums, each feature a random read of a row of the 29 MB
// float table (28-byte rows, two cache lines for ~40% of them; L2 is 1 MB
// per core, L3 32 MB shared); this table is 16 MB. The labels are the float
// table's (whose weights are value * scale) but for rounding.
struct Int16Weights {
  const int16_t* w;  // rows of StatementModel::kRowWidth
  float scale;
  float At(uint32_t id, int y) const {
    return static_cast<float>(w[static_cast<size_t>(id) * StatementModel::kRowWidth + y]) * scale;
  }
  void Prefetch(uint32_t id) const {
    __builtin_prefetch(w + static_cast<size_t>(id) * StatementModel::kRowWidth);
  }
  void Sum(const uint32_t* ids, uint32_t count, float* out) const {
    // Eight lanes, the pad's too: the compiler keeps the sum in two SSE
    // registers.
    int32_t sum[StatementModel::kRowWidth] = {};
    for (uint32_t k = 0; k < count; ++k) {
      const int16_t* row = w + static_cast<size_t>(ids[k]) * StatementModel::kRowWidth;
      for (uint32_t y = 0; y < StatementModel::kRowWidth; ++y) sum[y] += row[y];
    }
    for (int y = 0; y < kNumLabels; ++y) out[y] = static_cast<float>(sum[y]) * scale;
  }
};

// What the decoders' templates take: FloatWeights or Int16Weights (not a
// raw float pointer, which the float overloads wrap).
template <class W>
concept WeightTable = requires(const W& w, const uint32_t* ids, float* out) {
  { w.At(0u, 0) } -> std::convertible_to<float>;
  w.Sum(ids, 0u, out);
  w.Prefetch(0u);
};

// (*out)[i][y]: the sum of the rows of token i's features, ids[starts[i] ..
// starts[i + 1]), for every token. The rows of token i + 2 are prefetched
// while token i's are summed: the reads are mostly cache misses, and the
// loads of one token alone keep too few of them in flight. Measured on the
// bench (alternating runs, sentences/s, base 12,300-12,800): 2 tokens ahead
// 16,600-16,700, 1 ahead 16,000-16,300, 3 ahead 16,200-16,700, 6 ahead
// 15,400-16,100; in runs of their own, no prefetching 9,800-10,300 against
// base 11,900-12,300 (all emissions summed before the Viterbi loop, not
// within it) and the float table with prefetching 12,300-12,900 against
// 12,100-12,300: the int16 rows and the prefetching gain only together. A
// version that also prefetched the first two tokens' rows, through a
// lambda, measured 10,700-11,400 against this one's 16,400-16,700.
template <WeightTable Weights>
void SumRows(const Weights& weights, const std::vector<uint32_t>& ids,
             const std::vector<uint32_t>& starts,
             std::vector<std::array<float, kNumLabels>>* out) {
  constexpr size_t kAhead = 2;
  const size_t n = starts.size() - 1;
  out->resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) {
      for (uint32_t k = starts[i + kAhead]; k < starts[i + kAhead + 1]; ++k) weights.Prefetch(ids[k]);
    }
    weights.Sum(ids.data() + starts[i], starts[i + 1] - starts[i], (*out)[i].data());
  }
}

// Bucket holding the first pass's transition row for `prev` (-1..6).
uint32_t FirstPassTransitionBucket(int prev, uint32_t buckets);
// Fills first[(prev + 1) * kNumLabels + label] from the weights.
template <WeightTable Weights>
void FirstPassTransitions(const Weights& weights, uint32_t buckets, float* first) {
  for (int p = -1; p < kNumLabels; ++p) {
    const uint32_t id = FirstPassTransitionBucket(p, buckets);
    for (int y = 0; y < kNumLabels; ++y) first[(p + 1) * kNumLabels + y] = weights.At(id, y);
  }
}
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

// The best labelling under the span model (Viterbi over spans); Weights is
// FloatWeights or Int16Weights (instantiated in span.cc).
template <WeightTable Weights>
void DecodeSpans(const Weights& weights, const float* transitions,
                 uint32_t buckets, const FeatureRows& rows,
                 std::vector<uint8_t>* labels, bool cue_rule = false);
inline void DecodeSpans(const float* weights, const float* transitions,
                        uint32_t buckets, const FeatureRows& rows,
                        std::vector<uint8_t>* labels, bool cue_rule = false) {
  DecodeSpans(FloatWeights{weights}, transitions, buckets, rows, labels, cue_rule);
}

// The span model's score of `labels` (a valid BIO sequence), summed
// feature by feature: what DecodeSpans maximizes (for tests); -infinity
// when `cue_rule` forbids a span.
double ScoreSpans(const float* weights, const float* transitions,
                  uint32_t buckets, const FeatureRows& rows,
                  const std::vector<uint8_t>& labels, bool cue_rule = false);

// (role, first, last) of the spans of a BIO sequence: a span starts at a B-
// or where the role changes.
std::vector<std::array<int, 3>> LabelSpans(const std::vector<uint8_t>& labels);

// Reported words need someone who reports them: a content span outside
// quotation marks in a unit (a sentence on the benchmark, a paragraph at
// run time; training decodes without it) with no cue and no source span is
// dropped. On
// PolNeAR dev such spans were right 7 times in 61 (quoted ones 29 in 105,
// kept: a quote's later sentences have no cue of their own); dropping them
// lifted content F1 57.2 -> 57.6 (P 59.5 -> 61.4, R 55.1 -> 54.2). The
// assembler drops reported words without a cue anyway (assemble.cc), so
// records do not change. Dropping the quoted ones too gave 57.7, but at
// run time the quotation rules then made statements of scare quotes the
// tagger had covered (7 on AEB: "“real” with is vital if you want").
void DropUnattributedContents(const FeatureRows& rows, std::vector<uint8_t>* labels);

// The best label sequence under `model` (labels->size() == tokens), with
// DropUnattributedContents applied.
void Decode(const StatementModel& model, const FeatureRows& rows,
            std::vector<uint8_t>* labels);

// The first pass alone (Viterbi over tokens) under `weights` (FloatWeights
// or Int16Weights, instantiated in tagger.cc) and `transitions`.
template <WeightTable Weights>
void DecodeWith(const Weights& weights, const float* transitions,
                const FeatureRows& rows, std::vector<uint8_t>* labels);
// Same, scoring with raw weight arrays (the trainer's current weights).
inline void DecodeWith(const float* weights, const float* transitions,
                       const FeatureRows& rows, std::vector<uint8_t>* labels) {
  DecodeWith(FloatWeights{weights}, transitions, rows, labels);
}

}  // namespace newsmill::statements

#endif  // NEWSMILL_STATEMENTS_TAGGER_H_
