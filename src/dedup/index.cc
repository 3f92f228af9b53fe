// DedupIndex storage and its file format (docs/dedup.md, "Index file").
//
// One file, little-endian, read and written whole: a header, a table of
// fixed-size document entries, the signatures, the ids, and an XXH64 of all
// that precedes it. Reading a million documents' signatures (0.5 GiB) takes
// about a second, against minutes to re-read and re-extract the pages.
#include <xxhash.h>

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "newsmill/dedup.h"

namespace newsmill {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the index format is little-endian; add byte swaps here");

constexpr char kMagic[8] = {'N', 'M', 'D', 'E', 'D', 'U', 'P', '1'};
constexpr uint32_t kFormatVersion = 1;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t shingle_words;
  uint32_t minhash_size;
  uint32_t reserved;
  uint64_t seed;
  uint64_t documents;
  uint64_t id_bytes;
};
static_assert(sizeof(Header) == 48);

struct Entry {
  uint64_t simhash;
  uint32_t shingles;
  uint32_t cluster;
  uint32_t id_length;
  uint32_t reserved;
};
static_assert(sizeof(Entry) == 24);

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Writes and hashes everything it is given.
class HashingWriter {
 public:
  explicit HashingWriter(std::FILE* f) : f_(f) { XXH64_reset(state_.get(), 0); }
  void Write(const void* data, size_t n) {
    if (n == 0) return;
    XXH64_update(state_.get(), data, n);
    ok_ = ok_ && std::fwrite(data, 1, n, f_) == n;
  }
  uint64_t digest() const { return XXH64_digest(state_.get()); }
  bool ok() const { return ok_; }

 private:
  struct Free {
    void operator()(XXH64_state_t* s) const { XXH64_freeState(s); }
  };
  std::FILE* f_;
  std::unique_ptr<XXH64_state_t, Free> state_{XXH64_createState()};
  bool ok_ = true;
};

class HashingReader {
 public:
  explicit HashingReader(std::FILE* f) : f_(f) { XXH64_reset(state_.get(), 0); }
  bool Read(void* data, size_t n) {
    if (n == 0) return true;
    if (std::fread(data, 1, n, f_) != n) return false;
    XXH64_update(state_.get(), data, n);
    return true;
  }
  uint64_t digest() const { return XXH64_digest(state_.get()); }

 private:
  struct Free {
    void operator()(XXH64_state_t* s) const { XXH64_freeState(s); }
  };
  std::FILE* f_;
  std::unique_ptr<XXH64_state_t, Free> state_{XXH64_createState()};
};

}  // namespace

DedupIndex::DedupIndex(const FingerprintOptions& options) : options_(options) {}

void DedupIndex::Add(std::string_view id, const Fingerprints& fp) {
  const auto self = static_cast<uint32_t>(size());
  if (fp.minhash.size() == kMinHashSize && fp.shingles > 0) {
    signatures_.insert(signatures_.end(), fp.minhash.begin(), fp.minhash.end());
    shingles_.push_back(fp.shingles);
  } else {
    signatures_.resize(signatures_.size() + kMinHashSize, UINT32_MAX);
    shingles_.push_back(0);
  }
  simhash_.push_back(fp.simhash);
  cluster_.push_back(self);
  canonical_.push_back(self);
  ids_.append(id);
  id_end_.push_back(ids_.size());
}

std::string_view DedupIndex::id(size_t i) const {
  const size_t begin = i == 0 ? 0 : id_end_[i - 1];
  return std::string_view(ids_).substr(begin, id_end_[i] - begin);
}

Status DedupIndex::Save(const std::string& path) const {
  const std::string tmp = path + ".tmp";
  File f(std::fopen(tmp.c_str(), "wb"));
  if (!f) return Status::IoError("cannot write " + tmp + ": " + std::strerror(errno));
  HashingWriter w(f.get());
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kFormatVersion;
  h.shingle_words = options_.shingle_words;
  h.minhash_size = kMinHashSize;
  h.seed = options_.seed;
  h.documents = size();
  h.id_bytes = ids_.size();
  w.Write(&h, sizeof h);
  std::vector<Entry> entries(size());
  for (size_t i = 0; i < size(); ++i) {
    entries[i] = Entry{simhash_[i], shingles_[i], cluster_[i],
                       static_cast<uint32_t>(id(i).size()), 0};
  }
  w.Write(entries.data(), entries.size() * sizeof(Entry));
  w.Write(signatures_.data(), signatures_.size() * sizeof(uint32_t));
  w.Write(ids_.data(), ids_.size());
  const uint64_t digest = w.digest();
  const bool written = w.ok() && std::fwrite(&digest, sizeof digest, 1, f.get()) == 1;
  if (std::fclose(f.release()) != 0 || !written) {
    std::remove(tmp.c_str());
    return Status::IoError("writing " + tmp + " failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::IoError("cannot rename " + tmp + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Result<DedupIndex> DedupIndex::Load(const std::string& path,
                                    const FingerprintOptions& options) {
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    if (errno == ENOENT) return Status::NotFound(path);
    return Status::IoError("cannot read " + path + ": " + std::strerror(errno));
  }
  HashingReader r(f.get());
  const std::string where = "dedup index " + path + ": ";
  Header h{};
  if (!r.Read(&h, sizeof h) || std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) {
    return Status::Corrupt(where + "not a newsmill dedup index");
  }
  if (h.version != kFormatVersion || h.minhash_size != kMinHashSize) {
    return Status::Unsupported(where + "format version " + std::to_string(h.version));
  }
  if (h.shingle_words != options.shingle_words || h.seed != options.seed) {
    return Status::InvalidArgument(
        where + "made with " + std::to_string(h.shingle_words) +
        "-word shingles and another seed or shingle size than asked for");
  }
  // Bounds before allocating: a corrupt count must not ask for terabytes.
  if (h.documents > UINT32_MAX || h.id_bytes > (uint64_t{1} << 40)) {
    return Status::Corrupt(where + "implausible document count");
  }
  DedupIndex index(options);
  const size_t n = h.documents;
  std::vector<Entry> entries(n);
  index.signatures_.resize(n * kMinHashSize);
  index.ids_.resize(h.id_bytes);
  uint64_t digest = 0;
  if (!r.Read(entries.data(), n * sizeof(Entry)) ||
      !r.Read(index.signatures_.data(), index.signatures_.size() * sizeof(uint32_t)) ||
      !r.Read(index.ids_.data(), index.ids_.size())) {
    return Status::Truncated(where + "ends early");
  }
  const uint64_t expected = r.digest();
  if (std::fread(&digest, sizeof digest, 1, f.get()) != 1 || digest != expected) {
    return Status::Corrupt(where + "checksum mismatch");
  }
  index.simhash_.resize(n);
  index.shingles_.resize(n);
  index.cluster_.resize(n);
  index.canonical_.resize(n);
  index.id_end_.resize(n);
  uint64_t end = 0;
  for (size_t i = 0; i < n; ++i) {
    const Entry& e = entries[i];
    end += e.id_length;
    if (e.cluster > i || end > index.ids_.size()) {
      return Status::Corrupt(where + "entry " + std::to_string(i) + " is inconsistent");
    }
    index.simhash_[i] = e.simhash;
    index.shingles_[i] = e.shingles;
    index.cluster_[i] = e.cluster;
    index.canonical_[i] = static_cast<uint32_t>(i);
    index.id_end_[i] = end;
  }
  if (end != index.ids_.size()) return Status::Corrupt(where + "id table size");
  index.loaded_ = n;
  return index;
}

}  // namespace newsmill
