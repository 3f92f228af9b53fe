// RunCluster: read inputs, fingerprint them on a pool of threads, cluster
// against the index, write one line per document.
//
// The reader runs on the calling thread and fills batches; a batch is
// fingerprinted by `threads` workers while the next one is read. Only the
// fingerprints and ids are kept (about 0.6 KiB a document), never the texts.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <future>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "common/json.h"
#include "common/utf8.h"
#include "newsmill/dedup.h"
#include "newsmill/pipeline.h"
#include "newsmill/readers.h"

namespace newsmill {
namespace {

struct Batch {
  std::vector<Document> docs;
  std::vector<bool> raw;  // run through extraction first
  std::vector<Fingerprints> fingerprints;
};

void Fingerprint(Batch* batch, size_t begin, size_t end,
                 const PipelineOptions& pipeline) {
  for (size_t i = begin; i < end; ++i) {
    Document& doc = batch->docs[i];
    if (!doc.error.empty()) continue;  // a cluster of its own
    if (batch->raw[i]) {
      std::string id = doc.id;
      Record record = ProcessDocument(std::move(doc), pipeline);
      batch->fingerprints[i] = std::move(record.fingerprints);
      doc.id = std::move(id);
    } else {
      batch->fingerprints[i] = ComputeFingerprints(doc.bytes, pipeline.fingerprints);
      std::string().swap(doc.bytes);
    }
  }
}

void FingerprintBatch(Batch* batch, unsigned threads, const PipelineOptions& pipeline) {
  batch->fingerprints.assign(batch->docs.size(), Fingerprints{});
  const size_t n = batch->docs.size();
  std::vector<std::thread> workers;
  const size_t per = (n + threads - 1) / threads;
  for (unsigned t = 1; t < threads && t * per < n; ++t) {
    workers.emplace_back(Fingerprint, batch, t * per, std::min(n, (t + 1) * per),
                         std::cref(pipeline));
  }
  Fingerprint(batch, 0, std::min(n, per), pipeline);
  for (std::thread& w : workers) w.join();
}


std::string AssignmentJson(const ClusterAssignment& a) {
  std::string line = "{\"id\":";
  json::AppendString(a.id, &line);
  line += ",\"cluster\":" + std::to_string(a.cluster) + ",\"canonical\":";
  json::AppendString(a.canonical_id, &line);
  char buf[64];
  std::snprintf(buf, sizeof buf, ",\"similarity\":%.3f,\"containment\":%.3f}\n",
                a.similarity, a.containment);
  line += buf;
  return line;
}

}  // namespace

Status RunCluster(const std::vector<std::string>& inputs,
                  const ClusterRunOptions& options, std::FILE* out,
                  ClusterRunStats* stats) {
  const auto start = std::chrono::steady_clock::now();
  ClusterRunStats local;
  DedupIndex index(options.fingerprints);
  if (!options.index_path.empty()) {
    Result<DedupIndex> loaded = DedupIndex::Load(options.index_path, options.fingerprints);
    if (loaded.ok()) {
      index = std::move(*loaded);
    } else if (loaded.status().code() != Status::Code::kNotFound) {
      return loaded.status();
    }
  }
  local.previous = index.size();

  PipelineOptions pipeline;
  pipeline.fingerprints = options.fingerprints;
  pipeline.fingerprints.enabled = true;
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const size_t batch_size = 256 * threads;

  Batch filling;
  std::future<Batch> working;
  auto collect = [&] {
    if (!working.valid()) return;
    Batch done = working.get();
    for (size_t i = 0; i < done.docs.size(); ++i) {
      index.Add(done.docs[i].id, done.fingerprints[i]);
    }
  };
  auto dispatch = [&] {
    collect();
    working = std::async(std::launch::async, [&pipeline, threads](Batch b) {
      FingerprintBatch(&b, threads, pipeline);
      return b;
    }, std::move(filling));
    filling = Batch{};
  };

  Status read_status;
  for (const std::string& input : inputs) {
    bool raw = true;
    ReaderOptions reader;
    if (options.from == ClusterRunOptions::From::kRecords ||
        (options.from == ClusterRunOptions::From::kAuto &&
         FormatFromPath(input) == InputFormat::kJsonl)) {
      raw = false;
      reader.format = InputFormat::kJsonl;
    }
    Status s = ReadInputs({input}, reader, [&](Document&& doc) {
      filling.docs.push_back(std::move(doc));
      filling.raw.push_back(raw);
      if (filling.docs.size() >= batch_size) dispatch();
      return true;
    });
    if (read_status.ok() && !s.ok()) read_status = s;
  }
  if (!filling.docs.empty()) dispatch();
  collect();
  local.documents = index.size() - index.loaded();

  index.Cluster(options.cluster, &local.pairs);
  std::vector<uint32_t> members(index.size(), 0);
  for (size_t i = 0; i < index.size(); ++i) ++members[index.cluster(i)];
  for (size_t i = 0; i < index.size(); ++i) {
    local.clusters += members[i] >= 2;
    if (i >= index.loaded()) local.duplicates += members[index.cluster(i)] >= 2;
  }

  bool write_ok = true;
  for (size_t i = options.all ? 0 : index.loaded(); i < index.size(); ++i) {
    const std::string line = AssignmentJson(index.Assignment(i));
    write_ok = write_ok && std::fwrite(line.data(), 1, line.size(), out) == line.size();
  }
  if (std::fflush(out) != 0 || !write_ok) return Status::IoError("writing the output failed");
  if (!options.index_path.empty() && options.update_index) {
    Status saved = index.Save(options.index_path);
    if (!saved.ok()) return saved;
  }
  local.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (stats) *stats = local;
  return read_status;
}

}  // namespace newsmill
