// The second pass's span decoder (src/statements/span.cc): on short
// sequences with made-up weights it must return the labelling that
// ScoreSpans rates best among all valid BIO labellings (with and without
// the content rule), and the span features must count what they say.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "statements/tagger.h"
#include "statements/tokenize.h"

namespace newsmill::statements {
namespace {

constexpr uint32_t kBuckets = 1u << 12;

// Deterministic pseudo-random weights in [-2, 2).
std::vector<float> Weights(uint64_t seed) {
  std::vector<float> w(static_cast<size_t>(kBuckets) * kNumLabels);
  uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  for (float& v : w) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    v = static_cast<float>(x % 4000) / 1000.0f - 2.0f;
  }
  return w;
}

Token Tok(const char* s) {
  Token t;
  t.norm = s;
  t.quote = t.norm == "``" ? QuoteMark::kOpen : t.norm == "''" ? QuoteMark::kClose : QuoteMark::kNone;
  return t;
}

// The second pass's rows of `words` with first-pass labels `z`.
FeatureRows Rows(const std::vector<const char*>& words, const std::vector<uint8_t>& z) {
  std::vector<Token> tokens;
  for (const char* w : words) tokens.push_back(Tok(w));
  FeatureRows first, second;
  ExtractFeatures(tokens, kBuckets, &first);
  StackFeatures(first, z, kBuckets, &second);
  return second;
}

bool Valid(const std::vector<uint8_t>& y) {
  for (size_t i = 0; i < y.size(); ++i) {
    if (!Allowed(i == 0 ? -1 : y[i - 1], y[i])) return false;
  }
  return true;
}

TEST(SpanDecoder, FindsTheBestLabellingByExhaustiveSearch) {
  const std::vector<std::vector<const char*>> sentences = {
      {"he", "said", "that", "taxes", ",", "rose", "."},
      {"``", "won", "we", ",", "''", "she", "said"},
      {"officials", "denied", "it", ".", "then", "they"},
  };
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    const std::vector<float> w = Weights(seed);
    std::vector<float> t((kNumLabels + 1) * kNumLabels);
    for (size_t i = 0; i < t.size(); ++i) t[i] = static_cast<float>((i * 7 + seed) % 11) / 4.0f - 1.25f;
    for (const auto& words : sentences) {
      const size_t n = words.size();
      std::vector<uint8_t> z(n, kO);
      z[1] = kBCue;  // "said", "denied": cue words; "won": not one
      const FeatureRows rows = Rows(words, z);
      for (const bool rule : {false, true}) {
        std::vector<uint8_t> decoded;
        DecodeSpans(w.data(), t.data(), kBuckets, rows, &decoded, rule);
        ASSERT_EQ(decoded.size(), n);
        ASSERT_TRUE(Valid(decoded));
        if (rule && (rows.flags[1] & kCueWord)) {
          EXPECT_NE(decoded[1], kBContent);
          EXPECT_NE(decoded[1], kIContent);
        }
        // Every labelling: 7^n of them.
        double best = -1e30;
        std::vector<uint8_t> y(n, 0);
        for (;;) {
          if (Valid(y)) best = std::max(best, ScoreSpans(w.data(), t.data(), kBuckets, rows, y, rule));
          size_t k = 0;
          while (k < n && ++y[k] == kNumLabels) y[k++] = 0;
          if (k == n) break;
        }
        EXPECT_NEAR(ScoreSpans(w.data(), t.data(), kBuckets, rows, decoded, rule), best, 1e-3)
            << "seed " << seed << " sentence " << words[0] << " rule " << rule;
      }
    }
  }
}

// A loaded model decodes with the file's int16 values in rows of 8
// (Int16Weights): the same labellings as the floats they stand for.
TEST(SpanDecoder, Int16RowsDecodeAsTheirFloats) {
  const std::vector<std::vector<const char*>> sentences = {
      {"he", "said", "that", "taxes", ",", "rose", "."},
      {"``", "won", "we", ",", "''", "she", "said"},
  };
  const float scale = 2.0f / 32767.0f;
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    std::vector<float> w = Weights(seed);
    std::vector<StatementModel::Row> rows16(kBuckets, StatementModel::Row{});
    for (size_t i = 0; i < w.size(); ++i) {
      const auto q = static_cast<int16_t>(std::lround(w[i] / scale));
      rows16[i / kNumLabels].w[i % kNumLabels] = q;
      w[i] = static_cast<float>(q) * scale;
    }
    const Int16Weights table{rows16.data()->w, scale};
    std::vector<float> t((kNumLabels + 1) * kNumLabels);
    for (size_t i = 0; i < t.size(); ++i) t[i] = static_cast<float>((i * 5 + seed) % 9) / 4.0f - 1.0f;
    for (const auto& words : sentences) {
      std::vector<Token> tokens;
      for (const char* word : words) tokens.push_back(Tok(word));
      FeatureRows first;
      ExtractFeatures(tokens, kBuckets, &first);
      std::vector<uint8_t> z16, z;
      DecodeWith(table, t.data(), first, &z16);
      DecodeWith(w.data(), t.data(), first, &z);
      EXPECT_EQ(z16, z) << "seed " << seed;
      z[1] = kBCue;
      const FeatureRows rows = Rows(words, z);
      for (const bool rule : {false, true}) {
        std::vector<uint8_t> y16, y;
        DecodeSpans(table, t.data(), kBuckets, rows, &y16, rule);
        DecodeSpans(w.data(), t.data(), kBuckets, rows, &y, rule);
        EXPECT_NEAR(ScoreSpans(w.data(), t.data(), kBuckets, rows, y16, rule),
                    ScoreSpans(w.data(), t.data(), kBuckets, rows, y, rule), 1e-3)
            << "seed " << seed << " sentence " << words[0] << " rule " << rule;
      }
    }
  }
}

TEST(SpanDecoder, SpanFeaturesCountWhatTheSpanHolds) {
  const std::vector<uint8_t> z = {kO, kBCue, kO, kO, kO, kO, kO, kO, kO};
  const FeatureRows rows = Rows({"``", "said", ",", "a", ",", "b", ".", "c", "''"}, z);
  std::vector<uint32_t> whole, inner, again;
  SpanFeatureIds(rows, 0, 8, kBuckets, &whole);
  SpanFeatureIds(rows, 2, 5, kBuckets, &inner);
  SpanFeatureIds(rows, 0, 8, kBuckets, &again);
  EXPECT_EQ(whole, again);
  ASSERT_EQ(whole.size(), inner.size());
  // Length, clause marks (2 inside vs 1: the first comma is inner's first
  // token), sentence ends (1 vs 0), quotes, first-pass cue and the context
  // (sentence start to sentence end vs after a first-pass cue to before a
  // final period) all differ; no source in either (the sixth template).
  constexpr size_t kSource = 5;
  for (size_t k = 0; k < whole.size(); ++k) {
    if (k != kSource) {
      EXPECT_NE(whole[k], inner[k]) << k;
    }
  }
  EXPECT_EQ(whole[kSource], inner[kSource]);
  for (uint32_t id : whole) EXPECT_GE(id, kBuckets / 2);  // the second pass's half
}

TEST(SpanDecoder, LabelSpansReadsBio) {
  const std::vector<uint8_t> y = {kBSource, kISource, kBCue, kO, kBContent, kIContent, kBContent};
  const auto spans = LabelSpans(y);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0], (std::array<int, 3>{0, 0, 1}));
  EXPECT_EQ(spans[1], (std::array<int, 3>{1, 2, 2}));
  EXPECT_EQ(spans[2], (std::array<int, 3>{2, 4, 5}));
  EXPECT_EQ(spans[3], (std::array<int, 3>{2, 6, 6}));
}

TEST(SpanDecoder, ContentWithNoOneReportingItIsDropped) {
  const std::vector<const char*> words = {"taxes", "rose", ".", "``", "we", "won", "''"};
  std::vector<Token> tokens;
  for (const char* w : words) tokens.push_back(Tok(w));
  FeatureRows rows;
  ExtractFeatures(tokens, kBuckets, &rows);
  // No cue, no source: the plain content goes, the quoted one stays.
  std::vector<uint8_t> y = {kBContent, kIContent, kIContent, kBContent, kIContent, kIContent, kIContent};
  DropUnattributedContents(rows, &y);
  EXPECT_EQ(y, (std::vector<uint8_t>{kO, kO, kO, kBContent, kIContent, kIContent, kIContent}));
  // A cue anywhere in the unit keeps every content.
  std::vector<uint8_t> cued = {kBContent, kIContent, kBCue, kO, kO, kO, kO};
  const std::vector<uint8_t> before = cued;
  DropUnattributedContents(rows, &cued);
  EXPECT_EQ(cued, before);
}

}  // namespace
}  // namespace newsmill::statements
