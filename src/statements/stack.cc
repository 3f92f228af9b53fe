// The tagger's second pass: features of the first pass's labels, stacked on
// the token features (see tagger.h). A pipeline of this kind lets the
// source and content spans see where the cues were found in the whole
// sentence, which a first-order tagger's local features cannot.
#include <algorithm>
#include <iterator>
#include <string_view>

#include "statements/tagger.h"

namespace newsmill::statements {
namespace {

// 0 none; 1..6 by distance.
uint64_t Dist(int d) {
  if (d <= 0) return 0;
  if (d <= 2) return static_cast<uint64_t>(d);
  if (d <= 4) return 3;
  if (d <= 8) return 4;
  if (d <= 16) return 5;
  return 6;
}

int Role(int label) { return label == kO ? 3 : (label - 1) / 2; }

uint64_t Fnv(std::string_view s) {  // tagger.cc's word hash
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// A comma, semicolon, colon, dash or parenthesis: a clause boundary.
bool ClauseMark(uint64_t word) {
  static const uint64_t kMarks[] = {Fnv(","), Fnv(";"), Fnv(":"), Fnv("--"), Fnv("("), Fnv(")")};
  return std::find(std::begin(kMarks), std::end(kMarks), word) != std::end(kMarks);
}

// Shape values of tagger.cc for quotation marks.
constexpr uint8_t kOpenQuoteShape = 1, kCloseQuoteShape = 2;

}  // namespace

uint32_t FirstPassTransitionBucket(int prev, uint32_t buckets) {
  return static_cast<uint32_t>(Mix(0x7452414e53ull + static_cast<uint64_t>(prev + 1))) &
         (buckets / 2 - 1);
}

void StackFeatures(const FeatureRows& rows, const std::vector<uint8_t>& z,
                   uint32_t buckets, FeatureRows* out) {
  const int n = static_cast<int>(z.size());
  const uint32_t half = buckets / 2, mask = half - 1;
  out->ids.clear();
  out->starts.assign(1, 0);
  // Nearest predicted cue token, and the role of the nearest predicted span
  // token, left and right within the sentence; whether the sentence has a
  // predicted cue / source at all.
  std::vector<int> cue_left(n, -1), cue_right(n, -1), role_left(n, 3), role_right(n, 3);
  std::vector<uint8_t> sent_cue(n, 0), sent_source(n, 0);
  for (int i = 0, lc = -1, lr = 3; i < n; ++i) {
    if (rows.sentence_starts[i]) lc = -1, lr = 3;
    cue_left[i] = lc;
    role_left[i] = lr;
    if (Role(z[i]) == 1) lc = i;
    if (z[i] != kO && (i + 1 >= n || Role(z[i + 1]) != Role(z[i]))) lr = Role(z[i]);
  }
  for (int i = n - 1, rc = -1, rr = 3; i >= 0; --i) {
    cue_right[i] = rc;
    role_right[i] = rr;
    if (Role(z[i]) == 1) rc = i;
    if (z[i] != kO && (i == 0 || Role(z[i - 1]) != Role(z[i]))) rr = Role(z[i]);
    if (rows.sentence_starts[i]) rc = -1, rr = 3;
  }
  for (int i = 0, b = 0; i <= n; ++i) {
    if (i == n || rows.sentence_starts[i]) {
      uint8_t c = 0, src = 0;
      for (int j = b; j < i; ++j) {
        c |= Role(z[j]) == 1;
        src |= Role(z[j]) == 0;
      }
      for (int j = b; j < i; ++j) sent_cue[j] = c, sent_source[j] = src;
      b = i;
    }
  }
  auto zl = [&](int j) -> uint64_t { return j < 0 ? 8 : j >= n ? 9 : z[j]; };
  auto word = [&](int j) -> uint64_t { return j < 0 ? 1 : j >= n ? 2 : rows.words[j]; };
  for (int i = 0; i < n; ++i) {
    for (uint32_t k = rows.starts[i]; k < rows.starts[i + 1]; ++k) {
      out->ids.push_back((static_cast<uint32_t>(Mix(rows.ids[k] + 0x5354ull)) & mask) | half);
    }
    uint64_t tmpl = 1000;
    auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
      ++tmpl;
      const uint64_t h = Mix(Mix(Mix(tmpl * 0x9E3779B97F4A7C15ull ^ a) ^ b) ^ c);
      out->ids.push_back((static_cast<uint32_t>(h) & mask) | half);
    };
    const uint64_t cl = Dist(cue_left[i] < 0 ? 0 : i - cue_left[i]);
    const uint64_t cr = Dist(cue_right[i] < 0 ? 0 : cue_right[i] - i);
    const uint64_t q = rows.in_quote[i];
    add(zl(i));
    add(zl(i - 1));
    add(zl(i + 1));
    add(zl(i - 2));
    add(zl(i + 2));
    add(zl(i - 1), zl(i), zl(i + 1));
    add(zl(i), word(i));
    add(zl(i), rows.shapes[i]);
    add(zl(i - 1), word(i));
    add(zl(i + 1), word(i));
    add(cl, cr, zl(i));
    add(cl, q);
    add(cr, q);
    add(role_left[i], role_right[i]);
    add(role_left[i], role_right[i], zl(i));
    add(role_left[i], cl);
    add(role_right[i], cr);
    add(sent_cue[i], sent_source[i], zl(i));
    add(sent_cue[i], q, rows.shapes[i]);
    add(zl(i), rows.cue[i]);
    add(cl, word(i - 1));
    add(cr, word(i + 1));
    out->starts.push_back(static_cast<uint32_t>(out->ids.size()));
  }

  // Boundary features (columns: a span of role r starting here, r; ending
  // here, 3 + r) and the flags the span features count.
  out->bids.clear();
  out->bstarts.assign(1, 0);
  out->flags.assign(static_cast<size_t>(n), 0);
  out->before.assign(static_cast<size_t>(n), 0);
  out->after.assign(static_cast<size_t>(n), 0);
  static const uint64_t kThat = Fnv("that"), kTo = Fnv("to"), kColon = Fnv(":"), kComma = Fnv(",");
  for (int i = 0; i < n; ++i) {
    // Before token i (where a span would start).
    uint8_t b = 7;
    if (i == 0 || rows.sentence_starts[i]) b = 0;
    else if (Role(z[i - 1]) == 1) b = 1;
    else if (rows.words[i - 1] == kThat) b = 2;
    else if (rows.words[i - 1] == kTo) b = 3;
    else if (rows.shapes[i - 1] == kOpenQuoteShape) b = 4;
    else if (rows.words[i - 1] == kColon) b = 5;
    else if (rows.words[i - 1] == kComma) b = 6;
    out->before[i] = b;
    // After token i (where a span would end).
    uint8_t a = 7;
    if (i + 1 >= n || rows.sentence_starts[i + 1]) a = 0;
    else if (Role(z[i + 1]) == 1) a = 1;
    else if (rows.words[i + 1] == kComma) a = 2;
    else if (rows.shapes[i + 1] == kCloseQuoteShape) a = 3;
    else if (i + 2 >= n || rows.sentence_starts[i + 2]) a = 4;
    else if (Role(z[i + 1]) == 0) a = 5;
    else if (rows.cue[i + 1]) a = 6;
    out->after[i] = a;
  }
  auto shape = [&](int j) -> uint64_t { return j < 0 || j >= n ? 9 : rows.shapes[j]; };
  auto cue = [&](int j) -> uint64_t { return j < 0 || j >= n ? 2 : rows.cue[j]; };
  for (int i = 0; i < n; ++i) {
    uint8_t f = 0;
    if (ClauseMark(rows.words[i])) f |= kClauseMark;
    if (i + 1 >= n || rows.sentence_starts[i + 1]) f |= kSentenceEnd;
    if (rows.shapes[i] == kOpenQuoteShape) f |= kOpensQuote;
    if (rows.shapes[i] == kCloseQuoteShape) f |= kClosesQuote;
    if (Role(z[i]) == 1) f |= kFirstPassCue;
    if (Role(z[i]) == 0) f |= kFirstPassSource;
    if (rows.cue[i]) f |= kCueWord;
    out->flags[i] = f;
    uint64_t tmpl = 3000;
    auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
      ++tmpl;
      const uint64_t h = Mix(Mix(Mix(tmpl * 0x9E3779B97F4A7C15ull ^ a) ^ b) ^ c);
      out->bids.push_back((static_cast<uint32_t>(h) & mask) | half);
    };
    const uint64_t sentence_end = i + 1 >= n || rows.sentence_starts[i + 1];
    add(0);
    add(word(i));
    add(word(i - 1));
    add(word(i + 1));
    add(word(i - 1), word(i));
    add(word(i), word(i + 1));
    add(shape(i - 1), shape(i), shape(i + 1));
    add(zl(i - 1), zl(i), zl(i + 1));
    add(zl(i - 1), word(i));
    add(word(i), zl(i + 1));
    add(rows.sentence_starts[i], sentence_end, rows.in_quote[i]);
    add(cue(i - 1), cue(i), cue(i + 1));
    out->bstarts.push_back(static_cast<uint32_t>(out->bids.size()));
  }
}

}  // namespace newsmill::statements
