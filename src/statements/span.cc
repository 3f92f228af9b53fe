// The second pass's decoder: Viterbi over whole spans (a semi-Markov
// model), so that a span's score can look at both of its boundaries and at
// what it holds (tagger.h). Token emissions and transitions are the BIO
// model's; a span adds its boundary features and its span features.
#include <algorithm>
#include <limits>

#include "statements/tagger.h"

namespace newsmill::statements {
namespace {

// Span feature templates and how many values each takes.
// Templates after kContext (feature set 6) conjoin the class after the
// span's last token (a constant for the decoder's spans ending at one
// token) with its counts, and the classes before and after with its length.
enum SpanTemplate {
  kLength, kClauses, kSentenceEnds, kQuotes, kHoldsCue, kHoldsSource, kContext,
  kAfterClauses, kAfterSentenceEnds, kAfterQuotes, kAfterCue, kAfterSource,
  kBeforeLength, kAfterLength, kTemplates
};
constexpr int kValues = 88;  // the most any template takes (kBeforeLength: 8 x 11)
constexpr int kNumValues[kTemplates] = {11, 11, 11, 11, 11, 11, 64, 32, 24, 32, 16, 16, 88, 88};
// The templates summed in Other(): they change only at flagged tokens.
constexpr bool kOther[kTemplates] = {false, true, true, true, true, true, false,
                                     true, true, true, true, true, false, false};

// What the span features count over a span [first, last].
struct SpanCounts {
  int length = 0, clauses = 0, sentence_ends = 0, opens = 0, closes = 0;
  bool cue = false, source = false;
  int before = 0, after = 0;  // classes before first and after last
};

constexpr uint8_t kCueWordCue = kFirstPassCue | kCueWord;

int LengthBucket(int n) {
  static constexpr int kUpper[] = {1, 2, 3, 4, 6, 9, 14, 20, 30, 50};
  for (int b = 0; b < 10; ++b) {
    if (n <= kUpper[b]) return b;
  }
  return 10;
}

// The value of each template for `c`.
std::array<int, kTemplates> Values(const SpanCounts& c) {
  std::array<int, kTemplates> v{};
  v[kLength] = LengthBucket(c.length);
  v[kClauses] = std::min(c.clauses, 3);
  v[kSentenceEnds] = std::min(c.sentence_ends, 2);
  v[kQuotes] = c.opens == 0 && c.closes == 0 ? 0 : c.opens == c.closes ? 1 : c.opens > c.closes ? 2 : 3;
  v[kHoldsCue] = c.cue;
  v[kHoldsSource] = c.source;
  v[kContext] = c.before * 8 + c.after;
  v[kAfterClauses] = c.after * 4 + v[kClauses];
  v[kAfterSentenceEnds] = c.after * 3 + v[kSentenceEnds];
  v[kAfterQuotes] = c.after * 4 + v[kQuotes];
  v[kAfterCue] = c.after * 2 + v[kHoldsCue];
  v[kAfterSource] = c.after * 2 + v[kHoldsSource];
  v[kBeforeLength] = c.before * 11 + v[kLength];
  v[kAfterLength] = c.after * 11 + v[kLength];
  return v;
}

uint32_t SpanId(int tmpl, int value, uint32_t buckets) {
  const uint32_t half = buckets / 2;
  const int key = tmpl <= kContext ? tmpl * 64 + value : 4096 + tmpl * 128 + value;
  return (static_cast<uint32_t>(Mix(0x5350414E00ull + static_cast<uint64_t>(key))) &
          (half - 1)) | half;
}

SpanCounts Count(const FeatureRows& rows, int first, int last) {
  SpanCounts c;
  c.length = last - first + 1;
  c.before = rows.before[first];
  c.after = rows.after[last];
  for (int k = first; k <= last; ++k) {
    const uint8_t f = rows.flags[k];
    if (k > first && k < last && (f & kClauseMark)) ++c.clauses;
    if (k < last && (f & kSentenceEnd)) ++c.sentence_ends;
    c.opens += (f & kOpensQuote) != 0;
    c.closes += (f & kClosesQuote) != 0;
    c.cue |= (f & kFirstPassCue) != 0;
    c.source |= (f & kFirstPassSource) != 0;
  }
  return c;
}

template <class Weights>
void Emissions(const Weights& weights, const std::vector<uint32_t>& ids,
               const std::vector<uint32_t>& starts, size_t i, float* out) {
  weights.Sum(ids.data() + starts[i], starts[i + 1] - starts[i], out);
}

// The values of the templates Other() sums but for the class after, which
// is fixed for the spans ending at one token, packed in one int.
int Key(const SpanCounts& c) {
  const int quotes = c.opens == 0 && c.closes == 0 ? 0 : c.opens == c.closes ? 1 : c.opens > c.closes ? 2 : 3;
  return ((std::min(c.clauses, 3) * 3 + std::min(c.sentence_ends, 2)) * 4 + quotes) * 4 + c.cue * 2 + c.source;
}

// The span features' weights for role r but the length's and the context's.
float Other(const float (&span)[kTemplates][kValues][3], const std::array<int, kTemplates>& v, int r) {
  float sum = 0;
  for (int t = kLength + 1; t < kTemplates; ++t) {
    if (kOther[t]) sum += span[t][v[t]][r];
  }
  return sum;
}

}  // namespace

std::vector<std::array<int, 3>> LabelSpans(const std::vector<uint8_t>& y) {
  std::vector<std::array<int, 3>> out;
  for (size_t i = 0; i < y.size(); ++i) {
    const int l = y[i];
    if (l == kO) continue;
    const int role = (l - 1) / 2;
    const bool begins = (l - 1) % 2 == 0 || i == 0 || y[i - 1] == kO ||
                        (y[i - 1] - 1) / 2 != role;
    if (begins) out.push_back({role, static_cast<int>(i), static_cast<int>(i)});
    else out.back()[2] = static_cast<int>(i);
  }
  return out;
}

void SpanFeatureIds(const FeatureRows& rows, int first, int last,
                    uint32_t buckets, std::vector<uint32_t>* ids) {
  const std::array<int, kTemplates> v = Values(Count(rows, first, last));
  ids->clear();
  for (int t = 0; t < kTemplates; ++t) ids->push_back(SpanId(t, v[t], buckets));
}

double ScoreSpans(const float* weights, const float* transitions,
                  uint32_t buckets, const FeatureRows& rows,
                  const std::vector<uint8_t>& labels, bool cue_rule) {
  if (cue_rule) {
    for (const auto& [role, first, last] : LabelSpans(labels)) {
      bool support = false;
      for (int k = first; k <= last; ++k) {
        const uint8_t f = rows.flags[k];
        if (role == 2 && (f & kCueWordCue) == kCueWordCue) return -std::numeric_limits<double>::infinity();
        support |= (f & (kCueWord | kFirstPassCue)) != 0;
      }
      if (role == 1 && !support) return -std::numeric_limits<double>::infinity();
    }
  }
  double score = 0;
  float e[kNumLabels];
  for (size_t i = 0; i < labels.size(); ++i) {
    Emissions(FloatWeights{weights}, rows.ids, rows.starts, i, e);
    score += e[labels[i]];
    const int prev = i == 0 ? -1 : labels[i - 1];
    score += transitions[(prev + 1) * kNumLabels + labels[i]];
  }
  std::vector<uint32_t> ids;
  for (const auto& [role, first, last] : LabelSpans(labels)) {
    Emissions(FloatWeights{weights}, rows.bids, rows.bstarts, static_cast<size_t>(first), e);
    score += e[role];
    Emissions(FloatWeights{weights}, rows.bids, rows.bstarts, static_cast<size_t>(last), e);
    score += e[3 + role];
    SpanFeatureIds(rows, first, last, buckets, &ids);
    for (uint32_t id : ids) score += weights[static_cast<size_t>(id) * kNumLabels + role];
  }
  return score;
}

template <WeightTable Weights>
void DecodeSpans(const Weights& weights, const float* transitions,
                 uint32_t buckets, const FeatureRows& rows,
                 std::vector<uint8_t>* labels, bool cue_rule) {
  const int n = static_cast<int>(rows.starts.size()) - 1;
  labels->assign(static_cast<size_t>(std::max(n, 0)), kO);
  if (n <= 0) return;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  // The span features' weights, looked up once: span[t][v][role].
  float span[kTemplates][kValues][3];
  for (int t = 0; t < kTemplates; ++t) {
    for (int v = 0; v < kNumValues[t]; ++v) {
      const uint32_t id = SpanId(t, v, buckets);
      for (int r = 0; r < 3; ++r) span[t][v][r] = weights.At(id, r);
    }
  }
  std::vector<std::array<float, kNumLabels>> emit, bound;
  SumRows(weights, rows.ids, rows.starts, &emit);
  SumRows(weights, rows.bids, rows.bstarts, &bound);
  // inside[r][k]: the I- emissions of role r summed over tokens < k.
  std::array<std::vector<float>, 3> inside;
  for (int r = 0; r < 3; ++r) {
    inside[r].assign(static_cast<size_t>(n) + 1, 0.0f);
    for (int k = 0; k < n; ++k) inside[r][k + 1] = inside[r][k] + emit[k][2 + 2 * r];
  }
  auto trans = [&](int prev, int label) { return transitions[(prev + 1) * kNumLabels + label]; };
  // best[i][y]: the best labelling of tokens 0..i whose token i has label y
  // (for B-/I-: a span of that role ends at i). first[i][y], prev[i][y]:
  // where that span (or the O token) starts and the label before it.
  std::vector<std::array<float, kNumLabels>> best(n);
  std::vector<std::array<int, kNumLabels>> first(n);
  std::vector<std::array<int8_t, kNumLabels>> prev(n);
  // enter[s][r]: the best score up to s - 1 plus the transition into B- of
  // role r at s, and the label it comes from.
  std::vector<std::array<float, 3>> enter(n), open(n);
  // length[r][k]: the length feature's weight for a span of k tokens.
  const int max_length = std::min(n, kMaxSpanLength);
  std::array<std::vector<float>, 3> length;
  std::vector<int> bucket(static_cast<size_t>(max_length) + 1, 0);
  for (int k = 1; k <= max_length; ++k) bucket[k] = LengthBucket(k);
  for (int r = 0; r < 3; ++r) {
    length[r].assign(static_cast<size_t>(max_length) + 1, 0.0f);
    for (int k = 1; k <= max_length; ++k) length[r][k] = span[kLength][LengthBucket(k)][r];
  }
  std::vector<std::array<int8_t, 3>> enter_from(n);
  auto best_into = [&](int i, int label, int8_t* from) {
    if (i == 0) {
      *from = -1;
      return trans(-1, label);
    }
    float b = kNone;
    for (int p = 0; p < kNumLabels; ++p) {
      if (best[i - 1][p] == kNone) continue;
      const float s = best[i - 1][p] + trans(p, label);
      if (s > b) {
        b = s;
        *from = static_cast<int8_t>(p);
      }
    }
    return b;
  };
  for (int e = 0; e < n; ++e) {
    best[e].fill(kNone);
    int8_t from = -1;
    best[e][kO] = best_into(e, kO, &from) + emit[e][kO];
    first[e][kO] = e;
    prev[e][kO] = from;
    for (int r = 0; r < 3; ++r) {
      enter[e][r] = best_into(e, 1 + 2 * r, &from);
      enter_from[e][r] = from;
    }
    for (int r = 0; r < 3; ++r) {
      const int b_label = 1 + 2 * r, i_label = 2 + 2 * r;
      const float t_ii = trans(i_label, i_label);
      // A span [s, e] longer than one token scores
      //   open[s] + close + length + other
      // with open[s] = enter + B- emission + start boundary - inside[s + 1]
      // - (s + 1) t_ii + t_bi and close = end boundary + inside[e + 1] +
      // e t_ii; `other` (the span features but length) changes only at
      // flagged tokens.
      open[e][r] = enter[e][r] + emit[e][b_label] + bound[e][r] - inside[r][e + 1] -
                   static_cast<float>(e + 1) * t_ii + trans(b_label, i_label);
      const float close = bound[e][3 + r] + inside[r][e + 1] + static_cast<float>(e) * t_ii;
      const int after = rows.after[e];
      SpanCounts c;
      c.length = 1;
      c.after = after;
      const uint8_t f = rows.flags[e];
      c.opens = (f & kOpensQuote) != 0;
      c.closes = (f & kClosesQuote) != 0;
      c.cue = (f & kFirstPassCue) != 0;
      c.source = (f & kFirstPassSource) != 0;
      float other = Other(span, Values(c), r);
      int last_key = Key(c);
      // The rules: no content span holds a cue word the first pass took
      // for a cue; a cue span holds a cue word or a first-pass cue.
      const bool ruled = cue_rule && r == 2;
      if (ruled && (f & kCueWordCue) == kCueWordCue) continue;
      const bool need_support = cue_rule && r == 1;
      bool support = (f & (kCueWord | kFirstPassCue)) != 0;
      const float(&ctx)[kValues][3] = span[kContext];
      const float(&blen)[kValues][3] = span[kBeforeLength];
      const float(&alen)[kValues][3] = span[kAfterLength];
      // The one-token span.
      if (!need_support || support) {
        best[e][b_label] = enter[e][r] + emit[e][b_label] + bound[e][r] + bound[e][3 + r] +
                           length[r][1] + other + ctx[rows.before[e] * 8 + after][r] +
                           blen[rows.before[e] * 11][r] + alen[after * 11][r];
        first[e][b_label] = e;
        prev[e][b_label] = enter_from[e][r];
      }
      float top = kNone;
      int top_s = e;
      for (int s = e - 1; s >= 0 && e - s < kMaxSpanLength; --s) {
        const uint8_t g = rows.flags[s], h = rows.flags[s + 1];
        if (ruled && (g & kCueWordCue) == kCueWordCue) break;
        if (g || (s + 1 < e && (h & kClauseMark))) {
          if (s + 1 < e && (h & kClauseMark)) ++c.clauses;
          if (g & kSentenceEnd) ++c.sentence_ends;
          c.opens += (g & kOpensQuote) != 0;
          c.closes += (g & kClosesQuote) != 0;
          c.cue |= (g & kFirstPassCue) != 0;
          c.source |= (g & kFirstPassSource) != 0;
          // The span features but length change only when a count's
          // (clamped) value does.
          const int key = Key(c);
          if (key != last_key) {
            last_key = key;
            other = Other(span, Values(c), r);
          }
        }
        support |= (g & (kCueWord | kFirstPassCue)) != 0;
        if (need_support && !support) continue;
        const int lb = bucket[e - s + 1];
        const float score = open[s][r] + length[r][e - s + 1] + other + ctx[rows.before[s] * 8 + after][r] +
                            blen[rows.before[s] * 11 + lb][r] + alen[after * 11 + lb][r];
        if (score > top) {
          top = score;
          top_s = s;
        }
      }
      if (top != kNone) {
        best[e][i_label] = top + close;
        first[e][i_label] = top_s;
        prev[e][i_label] = enter_from[top_s][r];
      }
    }
  }
  int y = 0;
  for (int k = 1; k < kNumLabels; ++k) {
    if (best[n - 1][k] > best[n - 1][y]) y = k;
  }
  for (int e = n - 1; e >= 0;) {
    const int s = first[e][y];
    if (y == kO) {
      (*labels)[e] = kO;
    } else {
      const int role = (y - 1) / 2;
      (*labels)[s] = static_cast<uint8_t>(1 + 2 * role);
      for (int k = s + 1; k <= e; ++k) (*labels)[k] = static_cast<uint8_t>(2 + 2 * role);
    }
    y = prev[e][y];
    e = s - 1;
  }
}

template void DecodeSpans(const FloatWeights&, const float*, uint32_t, const FeatureRows&,
                          std::vector<uint8_t>*, bool);
template void DecodeSpans(const Int16Weights&, const float*, uint32_t, const FeatureRows&,
                          std::vector<uint8_t>*, bool);

}  // namespace newsmill::statements
