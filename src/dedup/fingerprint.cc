// Fingerprints: normalised words -> w-word shingles -> MinHash and SimHash.
//
// Words are hashed once (XXH3) and a shingle's hash is the XXH3 of its
// words' hashes, so no shingle string is ever built. MinHash uses one 64-bit
// hash per shingle and kMinHashSize multiply-shift permutations of it
// ((a*x + b) >> 32 with odd a): one xxhash per shingle instead of 128.
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <memory>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "newsmill/dedup.h"

namespace newsmill {
namespace {

// Apostrophes and the quote marks that double as apostrophes: dropped
// without breaking the word, so "don’t", "don't" and "dont" agree.
bool IsApostrophe(char32_t cp) {
  switch (cp) {
    case U'\'': case U'`': case 0x00B4: case 0x02BC: case 0x2018:
    case 0x2019: case 0x201B: case 0x2032:
      return true;
    default:
      return false;
  }
}

// Scripts written without spaces: each character is a word of its own, so
// shingles still overlap where a page in Chinese or Japanese repeats text.
bool IsWordPerCharacter(char32_t cp) {
  if (cp < 0x2E80) return false;
  if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_IDEOGRAPHIC)) return true;
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &err);
  return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

bool IsWordPart(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (u_isalnum(c)) return true;
  // Combining marks stay with their letter (Devanagari vowel signs, ...).
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

// Calls emit(word) for each normalised word of `text`; `word` is scratch.
template <typename Emit>
void ForEachWord(std::string_view text, std::string* word, Emit&& emit) {
  word->clear();
  auto flush = [&] {
    if (!word->empty()) emit(std::string_view(*word));
    word->clear();
  };
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // ASCII: most of the text in most languages' news
      ++i;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word->push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        word->push_back(static_cast<char>(c + 32));
      } else if (!IsApostrophe(c)) {
        flush();
      }
      continue;
    }
    const char32_t cp = utf8::Next(text, &i);
    if (IsApostrophe(cp)) continue;
    if (!IsWordPart(cp)) {
      flush();
    } else if (IsWordPerCharacter(cp)) {
      flush();
      utf8::Append(cp, word);
      flush();
    } else {
      utf8::Append(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp),
                                                    U_FOLD_CASE_DEFAULT)),
                   word);
    }
  }
  flush();
}

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The kMinHashSize permutations for one seed.
struct Permutations {
  explicit Permutations(uint64_t seed) {
    uint64_t state = seed;
    for (size_t i = 0; i < kMinHashSize; ++i) {
      a[i] = SplitMix64(&state) | 1;
      b[i] = SplitMix64(&state);
    }
  }
  std::array<uint64_t, kMinHashSize> a, b;
};

const Permutations& PermutationsFor(uint64_t seed) {
  static const Permutations kDefault(FingerprintOptions{}.seed);
  if (seed == FingerprintOptions{}.seed) return kDefault;
  thread_local uint64_t custom_seed = 0;
  thread_local std::unique_ptr<Permutations> custom;
  if (!custom || custom_seed != seed) {
    custom = std::make_unique<Permutations>(seed);
    custom_seed = seed;
  }
  return *custom;
}

// The hot loop (80% of `newsmill cluster` on records): compiled for AVX2
// too, picked at load time, as the 64-bit multiplies vectorise there.
__attribute__((target_clones("avx2", "default")))
void MinHashInto(const Permutations& perm, const uint64_t* shingles, size_t n,
                 uint32_t* sig) {
  for (size_t k = 0; k < n; ++k) {
    const uint64_t x = shingles[k];
    for (size_t i = 0; i < kMinHashSize; ++i) {
      const auto h = static_cast<uint32_t>((perm.a[i] * x + perm.b[i]) >> 32);
      sig[i] = std::min(sig[i], h);
    }
  }
}

}  // namespace

std::string NormalizeForDedup(std::string_view text) {
  std::string out, word;
  ForEachWord(text, &word, [&](std::string_view w) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  });
  return out;
}

Fingerprints ComputeFingerprints(std::string_view text,
                                 const FingerprintOptions& options) {
  // Scratch kept per thread: the pipeline calls this once per document.
  thread_local std::string word;
  thread_local std::vector<uint64_t> words, shingles;
  words.clear();
  shingles.clear();
  ForEachWord(text, &word, [&](std::string_view w) {
    words.push_back(XXH3_64bits(w.data(), w.size()));
  });
  const size_t w = std::max(1u, options.shingle_words);
  if (!words.empty() && words.size() < w) {
    shingles.push_back(XXH3_64bits(words.data(), words.size() * sizeof(uint64_t)));
  }
  for (size_t i = 0; i + w <= words.size(); ++i) {
    shingles.push_back(XXH3_64bits(words.data() + i, w * sizeof(uint64_t)));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());

  Fingerprints fp;
  fp.shingles = static_cast<uint32_t>(shingles.size());
  fp.minhash.assign(kMinHashSize, UINT32_MAX);
  MinHashInto(PermutationsFor(options.seed), shingles.data(), shingles.size(),
              fp.minhash.data());
  // SimHash: a bit is set when most shingle hashes have it set. Counting
  // ones (no branch) lets the compiler vectorise the loop.
  std::array<uint32_t, 64> ones{};
  for (const uint64_t x : shingles) {
    for (unsigned bit = 0; bit < 64; ++bit) ones[bit] += (x >> bit) & 1;
  }
  for (unsigned bit = 0; bit < 64; ++bit) {
    if (2 * static_cast<uint64_t>(ones[bit]) > shingles.size()) {
      fp.simhash |= uint64_t{1} << bit;
    }
  }
  return fp;
}

double EstimateJaccard(const Fingerprints& a, const Fingerprints& b) {
  if (a.minhash.size() != kMinHashSize || b.minhash.size() != kMinHashSize) return 0;
  if (a.shingles == 0 || b.shingles == 0) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) equal += a.minhash[i] == b.minhash[i];
  return static_cast<double>(equal) / kMinHashSize;
}

double EstimateContainment(double jaccard, uint32_t a_shingles,
                           uint32_t b_shingles) {
  if (a_shingles == 0 || jaccard <= 0) return 0;
  const double c = jaccard * (static_cast<double>(a_shingles) + b_shingles) /
                   ((1 + jaccard) * a_shingles);
  return std::min(1.0, c);
}

int SimHashDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace newsmill
