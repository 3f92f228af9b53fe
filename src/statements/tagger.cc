#include "statements/tagger.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "statements/cue_lexicon.h"

namespace newsmill::statements {
namespace {

uint64_t HashString(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
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

// A coarse part of speech from closed-class lists and suffixes (no tagger
// runs at this stage): 1 determiner, 2 preposition, 3 pronoun, 4
// conjunction, 5 wh-word, 6 auxiliary or modal, 7 "to", 8 "that", 9 -ly,
// 10 -ing, 11 -ed, 12 -s, 13 other, 14 negation, 15 possessive 's.
uint8_t WordClass(const std::string& w) {
  static const std::unordered_map<std::string_view, uint8_t> kClosed = [] {
    std::unordered_map<std::string_view, uint8_t> m;
    for (std::string_view x : {"the", "a", "an", "this", "these", "those",
                               "his", "her", "its", "their", "our", "my",
                               "your", "some", "any", "no", "every", "each",
                               "all", "both"}) m[x] = 1;
    for (std::string_view x : {"of", "in", "on", "at", "by", "for", "with",
                               "from", "about", "into", "over", "after",
                               "before", "during", "against", "under",
                               "between", "through", "without", "since",
                               "as", "than", "like", "despite"}) m[x] = 2;
    for (std::string_view x : {"he", "she", "they", "we", "i", "you", "it",
                               "him", "them", "us", "me", "himself",
                               "herself", "themselves"}) m[x] = 3;
    for (std::string_view x : {"and", "or", "but", "because", "if", "while",
                               "although", "though", "so", "whether",
                               "unless"}) m[x] = 4;
    for (std::string_view x : {"who", "what", "which", "when", "where",
                               "why", "how", "whom", "whose"}) m[x] = 5;
    for (std::string_view x : {"is", "are", "was", "were", "be", "been",
                               "being", "has", "have", "had", "do", "does",
                               "did", "will", "would", "can", "could",
                               "should", "may", "might", "must", "'s",
                               "'re", "'ve", "'ll", "'d", "'m", "wo", "ca"})
      m[x] = 6;
    m["to"] = 7;
    m["that"] = 8;
    m["not"] = 14;
    m["n't"] = 14;
    m["never"] = 14;
    return m;
  }();
  if (auto it = kClosed.find(w); it != kClosed.end()) return it->second;
  const size_t n = w.size();
  if (n > 4 && w.ends_with("ly")) return 9;
  if (n > 4 && w.ends_with("ing")) return 10;
  if (n > 3 && w.ends_with("ed")) return 11;
  if (n > 3 && w.ends_with("s") && !w.ends_with("ss")) return 12;
  return 13;
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
  uint64_t word = 0, suffix = 0, suffix2 = 0, suffix4 = 0, prefix = 0;
  uint8_t cls = 0;
  bool cap_run = false;  // capitalized, not first in its sentence, or next to one
  int cue = 0;  // lemma id; kAccording for "according to"
  uint8_t shape = 0;
  bool in_quote = false, pronoun = false, sentence_start = false;
  int sentence = 0, position = 0;  // position in the sentence
};

constexpr int kAccording = 100000;

}  // namespace

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
    {
      const std::string_view v(t.norm);
      x.suffix2 = HashString(v.substr(v.size() > 2 ? v.size() - 2 : 0));
      x.suffix4 = HashString(v.substr(v.size() > 4 ? v.size() - 4 : 0));
      x.prefix = HashString(v.substr(0, 3));
    }
    x.cls = t.quote != QuoteMark::kNone ? 0 : WordClass(t.norm);
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
    x.position = next_starts ? 0 : info[i - 1].position + 1;
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
  // Nearest quotation mark left and right; a "that" or "to" between the
  // left cue and the token.
  std::vector<int> qleft(n, -1), qright(n, -1);
  std::vector<uint8_t> comp_between(n, 0);
  for (int i = 0, last = -1; i < n; ++i) {
    qleft[i] = last;
    if (tokens[i].quote != QuoteMark::kNone) last = i;
  }
  for (int i = n - 1, last = -1; i >= 0; --i) {
    qright[i] = last;
    if (tokens[i].quote != QuoteMark::kNone) last = i;
  }
  for (int i = 0, comp = 0; i < n; ++i) {
    if (info[i].sentence_start || info[i].cue) comp = 0;
    comp_between[i] = static_cast<uint8_t>(comp);
    if (left[i] >= 0 && !comp) {
      if (tokens[i].norm == "that") comp = 1;
      else if (tokens[i].norm == "to") comp = 2;
      else if (tokens[i].norm == ":") comp = 3;
    }
  }
  for (int i = 0; i < n; ++i) {
    const bool cap = info[i].shape == kCapital || info[i].shape == kAllCaps;
    const bool cap_next = i + 1 < n && info[i + 1].shape == kCapital;
    info[i].cap_run = cap && (!info[i].sentence_start || cap_next);
  }
  // Headline and transcript attributions, "Pence: ..." / "The Latest: ...":
  // a colon among a sentence's first five tokens with only capitalized
  // words before it. 1 the words before it, 2 the colon, 3 after it.
  std::vector<uint8_t> name_colon(n, 0);
  for (int i = 0; i < n; ++i) {
    if (!info[i].sentence_start) continue;
    int j = i;
    if (j < n && tokens[j].quote == QuoteMark::kOpen) ++j;
    const int first = j;
    while (j < n && j - first < 5 && (info[j].shape == kCapital || info[j].shape == kAllCaps)) ++j;
    if (j > first && j < n && tokens[j].norm == ":") {
      for (int k = first; k < j; ++k) name_colon[k] = 1;
      name_colon[j] = 2;
      for (int k = j + 1; k < n && info[k].sentence == info[i].sentence; ++k) name_colon[k] = 3;
    }
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

  // Pass-1 features take the lower half of the buckets (see stack.cc).
  const uint32_t mask = buckets / 2 - 1;
  out->ids.clear();
  out->starts.assign(1, 0);
  out->words.resize(n);
  out->shapes.resize(n);
  out->sentence_starts.resize(n);
  out->in_quote.resize(n);
  out->cue.resize(n);
  for (int i = 0; i < n; ++i) {
    out->words[i] = info[i].word;
    out->shapes[i] = info[i].shape;
    out->sentence_starts[i] = info[i].sentence_start;
    out->in_quote[i] = info[i].in_quote;
    out->cue[i] = info[i].cue != 0;
  }
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
    // Feature set 2.
    auto cls = [&](int j) { return j < 0 ? 20 : j >= n ? 21 : info[j].cls; };
    add(word(i - 3));
    add(word(i + 3));
    add(x.prefix);
    add(x.suffix2);
    add(x.suffix4);
    add(word(i - 1), word(i + 1));
    add(cue(i - 2));
    add(cue(i + 2));
    add(cls(i));
    add(cls(i - 1), cls(i));
    add(cls(i), cls(i + 1));
    add(cls(i - 1), cls(i), cls(i + 1));
    add(cls(i - 2), cls(i - 1), cls(i));
    add(cls(i), ld, rd);
    add(x.cap_run, i > 0 && info[i - 1].cap_run, i + 1 < n && info[i + 1].cap_run);
    add(x.cap_run, rd, ld);
    add(comp_between[i], ld);
    add(comp_between[i], q, x.cls);
    add(DistBucket(qleft[i] < 0 ? 0 : i - qleft[i]), qleft[i] >= 0 && tokens[qleft[i]].quote == QuoteMark::kOpen, q);
    add(DistBucket(qright[i] < 0 ? 0 : qright[i] - i), qright[i] >= 0 && tokens[qright[i]].quote == QuoteMark::kOpen, q);
    add(x.word, cls(i - 1));
    add(x.word, cls(i + 1));
    add(DistBucket(x.position + 1), ld > 0);
    // Feature set 5.
    add(name_colon[i], x.shape, q);
    add(name_colon[i], x.cls);
    out->starts.push_back(static_cast<uint32_t>(out->ids.size()));
  }
}

template <WeightTable Weights>
void DecodeWith(const Weights& weights, const float* transitions,
                const FeatureRows& rows, std::vector<uint8_t>* labels) {
  const size_t n = rows.starts.size() - 1;
  labels->assign(n, kO);
  if (n == 0) return;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  std::vector<std::array<float, kNumLabels>> score(n);
  std::vector<std::array<uint8_t, kNumLabels>> back(n);
  std::vector<std::array<float, kNumLabels>> emissions;
  SumRows(weights, rows.ids, rows.starts, &emissions);
  for (size_t i = 0; i < n; ++i) {
    const std::array<float, kNumLabels>& emit = emissions[i];
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

template void DecodeWith(const FloatWeights&, const float*, const FeatureRows&,
                         std::vector<uint8_t>*);
template void DecodeWith(const Int16Weights&, const float*, const FeatureRows&,
                         std::vector<uint8_t>*);

void DropUnattributedContents(const FeatureRows& rows, std::vector<uint8_t>* labels) {
  bool attributed = false;
  for (uint8_t l : *labels) attributed |= l != kO && l != kBContent && l != kIContent;
  if (attributed) return;
  for (const auto& [role, first, last] : LabelSpans(*labels)) {
    if (role != 2) continue;  // roles: 0 source, 1 cue, 2 content
    bool quoted = false;
    for (int i = first; i <= last && !quoted; ++i) quoted = rows.in_quote[i];
    if (quoted) continue;
    for (int i = first; i <= last; ++i) (*labels)[i] = kO;
  }
}

namespace {

template <WeightTable Weights>
void DecodeBoth(const StatementModel& model, const Weights& weights, const FeatureRows& rows,
                std::vector<uint8_t>* labels) {
  std::array<float, (kNumLabels + 1) * kNumLabels> first;
  FirstPassTransitions(weights, model.buckets(), first.data());
  std::vector<uint8_t> pass1;
  DecodeWith(weights, first.data(), rows, &pass1);
  FeatureRows second;
  StackFeatures(rows, pass1, model.buckets(), &second);
  DecodeSpans(weights, model.transitions().data(), model.buckets(), second, labels,
              /*cue_rule=*/true);
  DropUnattributedContents(rows, labels);
}

}  // namespace

void Decode(const StatementModel& model, const FeatureRows& rows,
            std::vector<uint8_t>* labels) {
  // A loaded model has the file's int16 rows (Int16Weights); one built in
  // memory (the trainer's) its floats.
  if (!model.rows().empty()) {
    DecodeBoth(model, Int16Weights{model.rows().data()->w, model.scale()}, rows, labels);
  } else {
    DecodeBoth(model, FloatWeights{model.weights().data()}, rows, labels);
  }
}

}  // namespace newsmill::statements
