#include "extract/class_signals.h"

#include <deque>

#include "common/data_lines.h"

namespace newsmill::data {
extern const std::string_view kchrome_class_patterns_tsv;
}  // namespace newsmill::data

namespace newsmill::extract {
namespace {

constexpr int kUnlikelyBit = 0, kMaybeBit = 1, kNegativeBit = 2, kPositiveBit = 3;
constexpr int kFirstKindBit = 4;

}  // namespace

int ClassMatcher::Symbol(unsigned char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= 'A' && c <= 'Z') return c - 'A';  // as LowerAscii would give it
  if (c >= '0' && c <= '9') return 26 + (c - '0');
  if (c == '-') return 36;
  if (c == '_') return 37;
  if (c == ' ') return 38;
  return 39;
}

const ClassMatcher& ClassMatcher::Default() {
  static const ClassMatcher* matcher = new ClassMatcher(data::kchrome_class_patterns_tsv);
  return *matcher;
}

ClassMatcher::ClassMatcher(std::string_view tsv) {
  next_.assign(kAlphabet, -1);
  output_.push_back(0);
  data::ForEachLine(tsv, [this](std::string_view line) {
    const std::vector<std::string_view> cols = data::Columns(line);
    if (cols.size() < 2 || cols[1].empty()) return;
    const std::string_view group = cols[0];
    int bit = -1;
    if (group == "unlikely") bit = kUnlikelyBit;
    if (group == "maybe") bit = kMaybeBit;
    if (group == "negative") bit = kNegativeBit;
    if (group == "positive") bit = kPositiveBit;
    ChromeKind kind;
    if (bit < 0 && ChromeKindFromName(group, &kind)) bit = KindBit(kind);
    if (bit >= 0) Add(cols[1], uint64_t{1} << bit);
  });
  Build();
}

// The group bit of a chrome kind, given in the order kinds first appear.
int ClassMatcher::KindBit(ChromeKind kind) {
  for (size_t i = 0; i < kind_of_bit_.size(); ++i) {
    if (kind_of_bit_[i] == kind) return kFirstKindBit + static_cast<int>(i);
  }
  if (kind_of_bit_.size() >= 60) return -1;
  kind_of_bit_.push_back(kind);
  return kFirstKindBit + static_cast<int>(kind_of_bit_.size()) - 1;
}

void ClassMatcher::Add(std::string_view pattern, uint64_t mask) {
  int32_t state = 0;
  for (char c : pattern) {
    const int sym = Symbol(static_cast<unsigned char>(c));
    int32_t& to = next_[static_cast<size_t>(state) * kAlphabet + sym];
    if (to < 0) {
      to = static_cast<int32_t>(output_.size());
      output_.push_back(0);
      next_.resize(next_.size() + kAlphabet, -1);
    }
    state = next_[static_cast<size_t>(state) * kAlphabet + sym];
  }
  output_[state] |= mask;
}

// Turns the trie into a full automaton: missing edges point where the
// longest proper suffix would go, outputs include the suffixes' outputs.
void ClassMatcher::Build() {
  fail_.assign(output_.size(), 0);
  std::deque<int32_t> queue;
  for (int sym = 0; sym < kAlphabet; ++sym) {
    int32_t& to = next_[sym];
    if (to < 0) {
      to = 0;
    } else {
      fail_[to] = 0;
      queue.push_back(to);
    }
  }
  while (!queue.empty()) {
    const int32_t state = queue.front();
    queue.pop_front();
    output_[state] |= output_[fail_[state]];
    for (int sym = 0; sym < kAlphabet; ++sym) {
      int32_t& to = next_[static_cast<size_t>(state) * kAlphabet + sym];
      const int32_t via_fail = next_[static_cast<size_t>(fail_[state]) * kAlphabet + sym];
      if (to < 0) {
        to = via_fail;
      } else {
        fail_[to] = via_fail;
        queue.push_back(to);
      }
    }
  }
}

ClassSignals ClassMatcher::Match(std::string_view lower) const {
  uint64_t mask = 0;
  int32_t state = 0;
  for (char c : lower) {
    state = next_[static_cast<size_t>(state) * kAlphabet + Symbol(static_cast<unsigned char>(c))];
    mask |= output_[state];
  }
  return Signals(mask);
}

ClassSignals ClassMatcher::Match(std::string_view cls, std::string_view id) const {
  uint64_t mask = 0;
  int32_t state = 0;
  auto step = [&](char c) {
    state = next_[static_cast<size_t>(state) * kAlphabet + Symbol(static_cast<unsigned char>(c))];
    mask |= output_[state];
  };
  for (char c : cls) step(c);
  step(' ');
  for (char c : id) step(c);
  return Signals(mask);
}

ClassSignals ClassMatcher::Signals(uint64_t mask) const {
  ClassSignals s;
  s.unlikely = mask & (uint64_t{1} << kUnlikelyBit);
  s.maybe = mask & (uint64_t{1} << kMaybeBit);
  s.negative = mask & (uint64_t{1} << kNegativeBit);
  s.positive = mask & (uint64_t{1} << kPositiveBit);
  for (size_t i = 0; i < kind_of_bit_.size(); ++i) {
    if (mask & (uint64_t{1} << (kFirstKindBit + i))) {
      s.kind = kind_of_bit_[i];
      break;
    }
  }
  return s;
}

}  // namespace newsmill::extract
