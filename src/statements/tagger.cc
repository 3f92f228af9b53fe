#include "statements/tagger.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>

#include "statements/cue_lexicon.h"

namespace newsmill::statements {
namespace {

uint64_t HashString(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

enum Shape : uint8_t {
  kPunct, kOpenQuote, kCloseQuote, kLower, kCapital, kAllCaps, kNumber, kOther
};

Shape ShapeOf(const Token& t) {
  if (t.quote == QuoteMark::kOpen) return kOpenQuote;
  if (t.quote == QuoteMark::kClose) return kCloseQuote;
  const std::string& s = t.norm;
  if (s.empty()) return kOther;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= '0' && c <= '9') return kNumber;
  if (c < 0x80 && !(c >= 'a' && c <= 'z')) return kPunct;
  if (!t.upper) return kLower;
  return kCapital;
}

// 0 none; 1..7 by distance.
uint8_t DistBucket(int d) {
  if (d <= 0) return 0;
  if (d <= 3) return static_cast<uint8_t>(d);
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 15) return 6;
  return 7;
}

struct TokenInfo {
  uint64_t word = 0, suffix = 0;
  int cue = 0;  // lemma id; kAccording for "according to"
  uint8_t shape = 0;
  bool in_quote = false, pronoun = false, sentence_start = false;
  int sentence = 0;
};

constexpr int kAccording = 100000;

bool EndsSentence(const std::vector<Token>& t, size_t i) {
  const std::string& s = t[i].norm;
  if (s == "." || s == "!" || s == "?") {
    return i + 1 >= t.size() || t[i + 1].quote != QuoteMark::kClose;
  }
  if (t[i].quote == QuoteMark::kClose && i > 0) {
    const std::string& p = t[i - 1].norm;
    return p == "." || p == "!" || p == "?";
  }
  return false;
}

}  // namespace

void ResolveQuotes(std::vector<Token>* tokens) {
  bool open = false;
  for (Token& t : *tokens) {
    if (t.single_quote || t.quote == QuoteMark::kNone) continue;
    if (t.quote == QuoteMark::kAmbiguous) {
      t.quote = open ? QuoteMark::kClose : QuoteMark::kOpen;
      t.norm = std::string(open ? "''" : "``");
    }
    open = t.quote == QuoteMark::kOpen;
  }
}

void ExtractFeatures(const std::vector<Token>& tokens, uint32_t buckets,
                     FeatureRows* out) {
  const CueLexicon& lex = CueLexicon::Get();
  const int n = static_cast<int>(tokens.size());
  std::vector<TokenInfo> info(n);
  int depth = 0, single_depth = 0, sentence = 0;
  bool next_starts = true;
  for (int i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    TokenInfo& x = info[i];
    x.word = HashString(t.norm);
    x.suffix = HashString(std::string_view(t.norm).substr(
        t.norm.size() > 3 ? t.norm.size() - 3 : 0));
    x.shape = ShapeOf(t);
    if (const CueEntry* e = lex.Find(t.norm)) x.cue = e->lemma_id;
    if (t.norm == "according" && i + 1 < n && tokens[i + 1].norm == "to") {
      x.cue = kAccording;
    }
    x.pronoun = lex.IsPronoun(t.norm);
    if (t.quote == QuoteMark::kOpen) {
      (t.single_quote ? single_depth : depth)++;
    }
    x.in_quote = depth > 0 || single_depth > 0;
    if (t.quote == QuoteMark::kClose) {
      int& d = t.single_quote ? single_depth : depth;
      d = std::max(0, d - 1);
    }
    x.sentence_start = next_starts;
    x.sentence = sentence;
    next_starts = EndsSentence(tokens, i);
    if (next_starts) ++sentence;
  }
  // Nearest cue word to the left and right within the sentence.
  std::vector<int> left(n, -1), right(n, -1);
  for (int i = 0, last = -1; i < n; ++i) {
    if (info[i].sentence_start) last = -1;
    left[i] = last;
    if (info[i].cue) last = i;
  }
  for (int i = n - 1, last = -1; i >= 0; --i) {
    right[i] = last;
    if (info[i].sentence_start) last = -1;
    if (info[i].cue) last = i;
  }
  std::vector<uint8_t> punct_before(n + 1, 0);  // prefix counts of , and ''
  for (int i = 0; i < n; ++i) {
    punct_before[i + 1] = static_cast<uint8_t>(
        std::min(255, punct_before[i] + (tokens[i].norm == "," ||
                                         tokens[i].quote == QuoteMark::kClose)));
  }
  const bool starts_with_quote = n > 0 && tokens[0].quote == QuoteMark::kOpen;
  const int last_sentence = n > 0 ? info[n - 1].sentence : 0;
  const uint64_t kBos = HashString("<s>"), kEos = HashString("</s>");
  auto word = [&](int j) { return j < 0 ? kBos : j >= n ? kEos : info[j].word; };
  auto shape = [&](int j) { return j < 0 || j >= n ? 9 : info[j].shape; };
  auto cue = [&](int j) { return j < 0 || j >= n ? -1 : info[j].cue; };

  const uint32_t mask = buckets - 1;
  out->ids.clear();
  out->starts.assign(1, 0);
  for (int i = 0; i < n; ++i) {
    const TokenInfo& x = info[i];
    uint64_t tmpl = 0;
    auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
      ++tmpl;
      const uint64_t h = Mix(Mix(Mix(tmpl * 0x9E3779B97F4A7C15ull ^ a) ^ b) ^ c);
      out->ids.push_back(static_cast<uint32_t>(h) & mask);
    };
    const int l = left[i], r = right[i];
    const uint8_t ld = DistBucket(l < 0 ? 0 : i - l);
    const uint8_t rd = DistBucket(r < 0 ? 0 : r - i);
    const bool q = x.in_quote;
    const bool that_after_left =
        l >= 0 && l + 1 < n &&
        (tokens[l + 1].norm == "that" || tokens[l + 1].norm == ":" ||
         tokens[l + 1].quote == QuoteMark::kOpen);
    const bool punct_to_right = r >= 0 && punct_before[r] > punct_before[i + 1];
    const bool punct_to_left = l >= 0 && punct_before[i] > punct_before[l + 1];
    add(0);
    add(x.word);
    add(word(i - 1));
    add(word(i + 1));
    add(word(i - 2));
    add(word(i + 2));
    add(word(i - 1), x.word);
    add(x.word, word(i + 1));
    add(x.suffix);
    add(shape(i - 1), x.shape, shape(i + 1));
    add(x.cue);
    add(cue(i - 1));
    add(cue(i + 1));
    add(q, x.shape);
    add(q, i > 0 && info[i - 1].in_quote, i + 1 < n && info[i + 1].in_quote);
    add(ld, q);
    add(rd, q);
    add(ld, rd);
    add(ld, that_after_left, punct_to_left);
    add(rd, punct_to_right, q);
    add(x.sentence_start, x.shape);
    add(x.sentence == 0, x.sentence == last_sentence, q);
    add(x.pronoun, rd);
    add(l < 0 ? 0 : info[l].cue, ld);
    add(r < 0 ? 0 : info[r].cue, rd);
    add(x.word, q);
    add(starts_with_quote, q, x.sentence == 0);
    add(word(i - 1), rd);
    add(x.word, ld > 0, rd > 0);
    add(cue(i - 1), x.shape);
    add(shape(i - 2), shape(i - 1), x.shape);
    out->starts.push_back(static_cast<uint32_t>(out->ids.size()));
  }
}

void DecodeWith(const float* weights, const float* transitions,
                const FeatureRows& rows, std::vector<uint8_t>* labels) {
  const size_t n = rows.starts.size() - 1;
  labels->assign(n, kO);
  if (n == 0) return;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  std::vector<std::array<float, kNumLabels>> score(n);
  std::vector<std::array<uint8_t, kNumLabels>> back(n);
  for (size_t i = 0; i < n; ++i) {
    std::array<float, kNumLabels> emit{};
    for (uint32_t k = rows.starts[i]; k < rows.starts[i + 1]; ++k) {
      const float* w = weights + static_cast<size_t>(rows.ids[k]) * kNumLabels;
      for (int y = 0; y < kNumLabels; ++y) emit[y] += w[y];
    }
    for (int y = 0; y < kNumLabels; ++y) {
      if (i == 0) {
        score[0][y] = Allowed(-1, y) ? emit[y] + transitions[y] : kNone;
        continue;
      }
      float best = kNone;
      uint8_t arg = 0;
      for (int p = 0; p < kNumLabels; ++p) {
        if (!Allowed(p, y) || score[i - 1][p] == kNone) continue;
        const float s = score[i - 1][p] + transitions[(p + 1) * kNumLabels + y];
        if (s > best) {
          best = s;
          arg = static_cast<uint8_t>(p);
        }
      }
      score[i][y] = best == kNone ? kNone : best + emit[y];
      back[i][y] = arg;
    }
  }
  int y = 0;
  for (int k = 1; k < kNumLabels; ++k) {
    if (score[n - 1][k] > score[n - 1][y]) y = k;
  }
  for (size_t i = n; i-- > 0;) {
    (*labels)[i] = static_cast<uint8_t>(y);
    if (i > 0) y = back[i][y];
  }
}

void Decode(const StatementModel& model, const FeatureRows& rows,
            std::vector<uint8_t>* labels) {
  DecodeWith(model.weights().data(), model.transitions().data(), rows, labels);
}

}  // namespace newsmill::statements
