// Deterministic article-like texts for the dedup tests.
#ifndef NEWSMILL_TESTS_DEDUP_TEST_TEXTS_H_
#define NEWSMILL_TESTS_DEDUP_TEST_TEXTS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newsmill::testing {

// `paragraphs` paragraphs of 40 pronounceable words each, from `seed`. Two
// seeds share almost no 4-word shingles.
inline std::vector<std::string> Paragraphs(uint64_t seed, int paragraphs) {
  static const char* kSyllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to",
                                     "vi", "be", "do", "fa", "gu", "pe", "ti"};
  uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(state >> 33);
  };
  std::vector<std::string> out;
  for (int p = 0; p < paragraphs; ++p) {
    std::string para;
    for (int w = 0; w < 40; ++w) {
      if (w) para += ' ';
      const unsigned n = 2 + next() % 3;
      for (unsigned s = 0; s < n; ++s) para += kSyllables[next() % 14];
    }
    out.push_back(para + ".");
  }
  return out;
}

inline std::string Join(const std::vector<std::string>& paragraphs, size_t begin,
                        size_t end) {
  std::string text;
  for (size_t i = begin; i < end && i < paragraphs.size(); ++i) {
    if (!text.empty()) text += "\n\n";
    text += paragraphs[i];
  }
  return text;
}

inline std::string Join(const std::vector<std::string>& paragraphs) {
  return Join(paragraphs, 0, paragraphs.size());
}

}  // namespace newsmill::testing

#endif  // NEWSMILL_TESTS_DEDUP_TEST_TEXTS_H_
