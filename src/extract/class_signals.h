// What the class and id attributes of an element say about it, from
// data/chrome/class_patterns.tsv (internal header).
#ifndef NEWSMILL_EXTRACT_CLASS_SIGNALS_H_
#define NEWSMILL_EXTRACT_CLASS_SIGNALS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/article.h"

namespace newsmill::extract {

struct ClassSignals {
  bool unlikely = false;  // says chrome
  bool maybe = false;     // says it may hold the content
  bool negative = false;  // weighs against being the article
  bool positive = false;  // weighs for being the article
  ChromeKind kind = ChromeKind::kOther;  // the first kind group that matched
};

// Matches every pattern of class_patterns.tsv in one pass over the string
// (Aho-Corasick). Written here because it was measured: one
// std::string_view::find per pattern and element took a fifth of the
// extraction time on the benchmark pages.
class ClassMatcher {
 public:
  static const ClassMatcher& Default();
  explicit ClassMatcher(std::string_view tsv);

  // `lower` is the lower-cased "class id" string.
  ClassSignals Match(std::string_view lower) const;
  // The same for an element's class and id attributes as written: matches
  // "class id" with ASCII capitals folded on the way, without building it.
  ClassSignals Match(std::string_view cls, std::string_view id) const;

 private:
  static constexpr int kAlphabet = 40;  // a-z 0-9 - _ ' ' and "other"
  static int Symbol(unsigned char c);
  int KindBit(ChromeKind kind);
  void Add(std::string_view pattern, uint64_t mask);
  void Build();
  ClassSignals Signals(uint64_t mask) const;

  std::vector<int32_t> next_;     // state * kAlphabet + symbol -> state
  std::vector<uint64_t> output_;  // state -> groups matched ending here
  std::vector<int32_t> fail_;
  // Group bits: 0 unlikely, 1 maybe, 2 negative, 3 positive, 4.. kinds in
  // file order.
  std::vector<ChromeKind> kind_of_bit_;
};

}  // namespace newsmill::extract

#endif  // NEWSMILL_EXTRACT_CLASS_SIGNALS_H_
