// Clustering: LSH banding for candidates, a verify step on the signatures,
// union-find for the clusters (docs/dedup.md).
//
// Bands are processed one at a time: a band's table is a sorted vector of
// (band key, document), 12 bytes a document, so memory is that of one band
// however many bands there are. The next band is sorted on another thread
// while the current one is scanned. This is the single-machine form of the
// distributed plan in docs/dedup.md, where each band table is a shard.
#include <xxhash.h>

#include <algorithm>
#include <future>
#include <thread>
#include <utility>
#include <vector>

#include "newsmill/dedup.h"

namespace newsmill {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    for (size_t i = 0; i < n; ++i) parent_[i] = static_cast<uint32_t>(i);
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];  // path halving
      x = parent_[x];
    }
    return x;
  }
  // The smaller root wins, so a cluster's root is its earliest document.
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (a < b) std::swap(a, b);
    parent_[a] = b;
  }

 private:
  std::vector<uint32_t> parent_;
};

struct BandEntry {
  uint64_t key;
  uint32_t doc;
  bool operator<(const BandEntry& o) const {
    return key != o.key ? key < o.key : doc < o.doc;
  }
};

}  // namespace

bool DedupIndex::Joins(uint32_t a, uint32_t b, const ClusterOptions& options) const {
  const uint32_t* sa = Signature(a);
  const uint32_t* sb = Signature(b);
  size_t equal = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) equal += sa[i] == sb[i];
  const double j = static_cast<double>(equal) / kMinHashSize;
  if (j >= options.jaccard_threshold) return true;
  const uint32_t small = std::min(shingles_[a], shingles_[b]);
  const uint32_t large = std::max(shingles_[a], shingles_[b]);
  if (small < options.min_shingles) return false;
  return EstimateContainment(j, small, large) >= options.containment_threshold;
}

void DedupIndex::Cluster(const ClusterOptions& options, ClusterStats* stats) {
  const size_t n = size();
  UnionFind sets(n);
  // Loaded documents keep the clusters an earlier run found.
  for (size_t i = 0; i < loaded_; ++i) sets.Union(static_cast<uint32_t>(i), cluster_[i]);

  std::vector<uint32_t> docs;  // the documents that take part in banding
  docs.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (shingles_[i] > 0) docs.push_back(static_cast<uint32_t>(i));
  }
  const unsigned rows = std::max(1u, options.rows);
  const unsigned bands =
      std::min<unsigned>(options.bands, static_cast<unsigned>(kMinHashSize / rows));
  auto build = [&](unsigned band) {
    std::vector<BandEntry> table(docs.size());
    for (size_t k = 0; k < docs.size(); ++k) {
      const uint32_t* sig = Signature(docs[k]) + size_t{band} * rows;
      table[k] = {XXH3_64bits(sig, rows * sizeof(uint32_t)), docs[k]};
    }
    std::sort(table.begin(), table.end());
    return table;
  };
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const auto policy = threads > 1 ? std::launch::async : std::launch::deferred;

  ClusterStats local;
  std::future<std::vector<BandEntry>> next;
  if (bands > 0) next = std::async(policy, build, 0u);
  for (unsigned band = 0; band < bands; ++band) {
    std::vector<BandEntry> table = next.get();
    if (band + 1 < bands) next = std::async(policy, build, band + 1);
    for (size_t begin = 0; begin < table.size();) {
      size_t end = begin + 1;
      while (end < table.size() && table[end].key == table[begin].key) ++end;
      for (size_t x = begin + 1; x < end; ++x) {
        const uint32_t dx = table[x].doc;
        const size_t first = x - begin > options.max_bucket_compare
                                 ? x - options.max_bucket_compare
                                 : begin;
        for (size_t y = first; y < x; ++y) {
          const uint32_t dy = table[y].doc;
          // Both seen before: that pair was decided by an earlier run.
          if (dx < loaded_ && dy < loaded_) continue;
          if (sets.Find(dx) == sets.Find(dy)) continue;
          ++local.candidates;
          if (Joins(dx, dy, options)) {
            ++local.joined;
            sets.Union(dx, dy);
          }
        }
      }
      begin = end;
    }
  }

  // Each root is the earliest document of its cluster; the canonical copy
  // is the one with the most shingles, the earliest among equals.
  std::vector<uint32_t> best(n);
  for (size_t i = 0; i < n; ++i) best[i] = static_cast<uint32_t>(i);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t root = sets.Find(static_cast<uint32_t>(i));
    cluster_[i] = root;
    if (shingles_[i] > shingles_[best[root]]) best[root] = static_cast<uint32_t>(i);
  }
  for (size_t i = 0; i < n; ++i) canonical_[i] = best[cluster_[i]];
  if (stats) {
    stats->candidates += local.candidates;
    stats->joined += local.joined;
  }
}

ClusterAssignment DedupIndex::Assignment(size_t i) const {
  ClusterAssignment a;
  a.id = id(i);
  a.cluster = cluster_[i];
  a.canonical = canonical_[i];
  a.canonical_id = id(a.canonical);
  if (a.canonical != i && shingles_[i] > 0) {
    const uint32_t* sa = Signature(i);
    const uint32_t* sb = Signature(a.canonical);
    size_t equal = 0;
    for (size_t k = 0; k < kMinHashSize; ++k) equal += sa[k] == sb[k];
    a.similarity = static_cast<double>(equal) / kMinHashSize;
    a.containment = EstimateContainment(a.similarity, shingles_[i],
                                        shingles_[a.canonical]);
  }
  return a;
}

}  // namespace newsmill
