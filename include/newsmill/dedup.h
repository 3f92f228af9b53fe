// Dedup: fingerprints of an article text, and clustering of near-duplicate
// and syndicated copies (docs/dedup.md).
//
// Usage:
//   Fingerprints fp = ComputeFingerprints(record.article.text, {});
//
//   DedupIndex index;                                  // or DedupIndex::Load
//   index.Add("a.html", fp_a);
//   index.Add("b.html", fp_b);
//   index.Cluster(ClusterOptions{});
//   ClusterAssignment a = index.Assignment(1);         // cluster, canonical...
//   Status s = index.Save("seen.nmdx");                // for tomorrow's crawl
//
// A fingerprint is a MinHash signature (kMinHashSize 32-bit minima) over the
// set of w-word shingles of the normalised text, the number of distinct
// shingles (so containment can be estimated from Jaccard), and a 64-bit
// SimHash of the same shingles.
//
// Thread safety: ComputeFingerprints and the estimators are pure functions.
// A DedupIndex is not synchronised; use one from one thread at a time.
#ifndef NEWSMILL_DEDUP_H_
#define NEWSMILL_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/status.h"

namespace newsmill {

// MinHash values per signature. Fixed: an index file and a record's
// fingerprints are only comparable with the same size and seed.
inline constexpr size_t kMinHashSize = 128;

struct FingerprintOptions {
  // Compute fingerprints in the pipeline and write them in records (true).
  bool enabled = true;
  // Words per shingle (4). Fewer words tolerate more edits but make two
  // articles on the same topic share more shingles.
  unsigned shingle_words = 4;
  // Seed of the MinHash permutations (fixed so signatures are comparable
  // across runs and machines).
  uint64_t seed = 0x6e6577736d696c6cULL;  // "newsmill"
};

struct Fingerprints {
  // kMinHashSize minima, or empty when not computed. All 0xFFFFFFFF when
  // the text has no words.
  std::vector<uint32_t> minhash;
  uint64_t simhash = 0;
  uint32_t shingles = 0;  // distinct shingles (the set size MinHash sketches)
};

// The words of `text` as the fingerprints see them, joined by one space:
// case folded, quote marks and apostrophes dropped (so "Russia’s" and
// "russia's" are both "russias"), every other non-letter, non-digit a word
// break, and each CJK ideograph or kana a word of its own.
std::string NormalizeForDedup(std::string_view text);

Fingerprints ComputeFingerprints(std::string_view text,
                                 const FingerprintOptions& options);

// Fraction of equal MinHash values: an unbiased estimate of the Jaccard
// similarity of the two shingle sets. 0 when either signature is missing.
double EstimateJaccard(const Fingerprints& a, const Fingerprints& b);

// Estimated |A∩B| / |A| from the Jaccard estimate and the set sizes:
// J(|A|+|B|) / ((1+J)|A|), capped at 1.
double EstimateContainment(double jaccard, uint32_t a_shingles,
                           uint32_t b_shingles);

// Number of differing bits.
int SimHashDistance(uint64_t a, uint64_t b);

struct ClusterOptions {
  // LSH banding: `bands` bands of `rows` MinHash values each
  // (bands * rows <= kMinHashSize). A pair becomes a candidate with
  // probability 1 - (1 - J^rows)^bands: 64 x 2 gives 0.93 at J = 0.2, which a
  // copy holding 80% of a story four times its length still reaches.
  unsigned bands = 64;
  unsigned rows = 2;
  // A candidate pair is joined when its estimated Jaccard similarity is at
  // least this (0.5) ...
  double jaccard_threshold = 0.5;
  // ... or when the smaller document's estimated containment in the larger is
  // at least this (0.6) and it has at least `min_shingles` shingles (20): a
  // two-line page is contained in anything that repeats its two lines.
  double containment_threshold = 0.6;
  uint32_t min_shingles = 20;
  // In a band bucket, each document is compared with at most this many
  // earlier ones (64): bounds the work a degenerate bucket can cause.
  unsigned max_bucket_compare = 64;
  // Threads for sorting band tables; 0 means one per core.
  unsigned threads = 0;
};

// What Cluster() decided for one document.
struct ClusterAssignment {
  std::string_view id;
  // The position (in the index) of the cluster's earliest document: stable
  // across incremental runs unless two clusters merge (the smaller number
  // wins).
  uint32_t cluster = 0;
  // The longest copy (most shingles); the earliest among equals.
  uint32_t canonical = 0;
  std::string_view canonical_id;
  double similarity = 1;   // estimated Jaccard with the canonical copy
  double containment = 1;  // estimated share of this document in it
};

struct ClusterStats {
  uint64_t candidates = 0;  // candidate pairs looked at (after skipping
                            // pairs already in one cluster)
  uint64_t joined = 0;      // candidate pairs that passed the verify step
};

// The documents seen so far, with their signatures and cluster assignments.
// Documents loaded from an index file keep their clusters; Cluster() only
// verifies pairs in which at least one document is new.
class DedupIndex {
 public:
  explicit DedupIndex(const FingerprintOptions& options = {});

  // Reads an index written by Save(). NotFound when `path` does not exist,
  // Corrupt when its checksum or layout is wrong, InvalidArgument when it was
  // made with other fingerprint options than `options`.
  static Result<DedupIndex> Load(const std::string& path,
                                 const FingerprintOptions& options);
  // Writes every document through a temporary file renamed over `path`.
  Status Save(const std::string& path) const;

  // Appends a document. A fingerprint without a MinHash signature (an empty
  // or failed document) makes a cluster of its own.
  void Add(std::string_view id, const Fingerprints& fp);

  // Assigns every document to a cluster; Assignment() is valid afterwards.
  void Cluster(const ClusterOptions& options, ClusterStats* stats = nullptr);

  size_t size() const { return shingles_.size(); }
  // Documents that came from Load(); they are positions [0, loaded()).
  size_t loaded() const { return loaded_; }
  std::string_view id(size_t i) const;
  uint32_t cluster(size_t i) const { return cluster_[i]; }
  ClusterAssignment Assignment(size_t i) const;

 private:
  const uint32_t* Signature(size_t i) const {
    return signatures_.data() + i * kMinHashSize;
  }
  bool Joins(uint32_t a, uint32_t b, const ClusterOptions& options) const;

  FingerprintOptions options_;
  size_t loaded_ = 0;
  std::vector<uint32_t> signatures_;  // size() * kMinHashSize
  std::vector<uint64_t> simhash_;
  std::vector<uint32_t> shingles_;
  std::vector<uint32_t> cluster_;    // earliest member, per document
  std::vector<uint32_t> canonical_;  // canonical member, per document
  std::string ids_;                  // all ids, concatenated
  std::vector<uint64_t> id_end_;     // end of each id in ids_
};

// `newsmill cluster` as a library call.
struct ClusterRunOptions {
  // How inputs are read: kAuto takes .jsonl(.gz) files as records (the
  // output of `newsmill extract`: their "text" is fingerprinted as it is)
  // and runs every other input (HTML, WARC, text, directories, stdin)
  // through extraction first. kRecords and kRaw force one way.
  enum class From : uint8_t { kAuto, kRecords, kRaw };
  From from = From::kAuto;
  FingerprintOptions fingerprints;
  ClusterOptions cluster;
  // Index of documents seen before (empty: none). Loaded when it exists and
  // rewritten with the new documents added unless `update_index` is false.
  std::string index_path;
  bool update_index = true;
  // Write a line for every document in the index, not just the new ones.
  bool all = false;
  // Fingerprinting threads; 0 means one per core.
  unsigned threads = 0;
};

struct ClusterRunStats {
  uint64_t documents = 0;      // new documents read
  uint64_t previous = 0;       // documents loaded from the index
  uint64_t clusters = 0;       // clusters with two or more documents
  uint64_t duplicates = 0;     // new documents in such clusters
  ClusterStats pairs;
  double seconds = 0;
};

// Reads `inputs`, clusters them (against the index, if any) and writes one
// JSON line per document: {"id","cluster","canonical","similarity",
// "containment"}. Returns an input, index or output error.
Status RunCluster(const std::vector<std::string>& inputs,
                  const ClusterRunOptions& options, std::FILE* out,
                  ClusterRunStats* stats);

}  // namespace newsmill

#endif  // NEWSMILL_DEDUP_H_
