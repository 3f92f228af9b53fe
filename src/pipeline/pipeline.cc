// The pipeline: one document through every stage, and many documents on a
// pool of workers with output kept in input order.
//
// Concurrency: the reader runs on the calling thread and hands Documents to
// a queue; workers turn them into JSON lines; a writer thread writes them in
// `seq` order. At most `threads * queue_per_thread` documents, and about
// `threads` x 2 MiB of their input (kBytesInFlightPerThread), are between
// reading and writing at any time, so memory stays flat whatever the input
// size and however slow one page is.
//
// Budgets: each document runs under a Deadline (newsmill/deadline.h),
// checked after every stage and polled inside the long loops. Stopping
// (PipelineOptions::stop) cancels the deadlines too; abandoned documents
// are not written, and nothing after the first of them is, so an
// interrupted output is a prefix of complete lines.
#include "newsmill/pipeline.h"

#include <sched.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "newsmill/deadline.h"
#include "newsmill/decode.h"
#include "newsmill/entities.h"
#include "newsmill/statements.h"
#include "decode/decode_owned.h"
#include "html/dom_recycler.h"
#include "pipeline/progress.h"

namespace newsmill {
namespace {

void Append(std::vector<std::string>* to, const std::vector<std::string>& from) {
  to->insert(to->end(), from.begin(), from.end());
}

// "https://www.example.com/a/b" -> "example.com".
std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = url.rfind('@'); at != std::string_view::npos) {
    url.remove_prefix(at + 1);
  }
  if (url.starts_with("[")) return std::string(url);  // IPv6 literal
  url = url.substr(0, url.find(':'));
  if (url.starts_with("www.")) url.remove_prefix(4);
  std::string host(url);
  for (char& c : host) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return host;
}

Record ErrorRecord(const Document& doc, std::string error) {
  Record record;
  record.id = doc.id;
  record.url = doc.url;
  record.warnings = doc.warnings;
  record.error = std::move(error);
  return record;
}

// Turns `record` into an error record when the document's deadline passed
// during `stage`: what the stage left behind is incomplete, so it is dropped
// (id, url and warnings are kept).
bool OverBudget(Deadline* deadline, const PipelineOptions& options,
                const char* stage, Record* record) {
  if (!deadline->Passed()) return false;
  Record late;
  late.id = std::move(record->id);
  late.url = std::move(record->url);
  late.warnings = std::move(record->warnings);
  if (deadline->cancelled()) {
    late.error = "interrupted";
  } else {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", options.max_seconds);
    late.error = std::string("time budget exceeded: more than ") + seconds +
                 " s (max_seconds), stopped in " + stage;
  }
  *record = std::move(late);
  return true;
}

Record ProcessUnguarded(Document&& doc, const PipelineOptions& options,
                        Deadline* deadline) {
  if (!doc.error.empty()) return ErrorRecord(doc, doc.error);
  Record record;
  record.id = std::move(doc.id);
  record.url = std::move(doc.url);
  record.warnings = std::move(doc.warnings);
  // The page's bytes move into the decoded text when they need no change.
  Result<DecodedText> decoded =
      decode::DecodeOwnedToUtf8(&doc.bytes, doc.charset, doc.kind);
  if (OverBudget(deadline, options, "decode", &record)) return record;
  if (!decoded.ok()) {
    record.error = "decode: " + decoded.status().ToString();
    return record;
  }
  std::string().swap(doc.bytes);  // the raw bytes are not needed any more
  Append(&record.warnings, decoded->warnings);
  if (doc.kind == PayloadKind::kHtml) {
    Result<HtmlPage> page = ParseHtml(decoded->utf8, options.html);
    if (OverBudget(deadline, options, "html", &record)) return record;
    if (!page.ok()) {
      record.error = "html: " + page.status().ToString();
      return record;
    }
    Append(&record.warnings, page->warnings);
    record.article = ExtractFromHtml(*page, record.url, options.extract);
    html::RecycleDom(std::move(page->dom), decoded->utf8.size());
  } else {
    record.article = ExtractFromText(decoded->utf8, options.extract);
  }
  if (OverBudget(deadline, options, "extract", &record)) return record;
  Append(&record.warnings, record.article.warnings);
  if (record.article.meta.site.empty()) record.article.meta.site = HostOf(record.url);
  // People, organisations and places, with every mention (per-thread ICU
  // break iterators inside AnalyzeText).
  if (options.entities) {
    EntityOptions entity_options;
    entity_options.language = record.article.meta.language;
    record.entities =
        FindEntities(record.article.text, AnalyzeText(record.article.text), entity_options);
    if (OverBudget(deadline, options, "entities", &record)) return record;
  }
  // Who said what; speakers resolve to record.entities through their
  // mentions.
  if (options.statements) {
    StatementOptions statement_options;
    statement_options.model = DefaultStatementModel();
    statement_options.language = record.article.meta.language;
    if (statement_options.model == nullptr) {
      // Say so rather than quietly giving the weaker rules-only reading.
      record.warnings.push_back(
          "statements model not found (models/statements-v1.bin or "
          "$NEWSMILL_MODEL_DIR): statements from rules only");
    }
    record.statements = FindStatements(record.article, record.entities, statement_options);
    record.title_statements =
        FindHeadlineStatements(record.article.meta.title, record.entities, statement_options);
    if (OverBudget(deadline, options, "statements", &record)) return record;
  }
  if (options.fingerprints.enabled) {
    record.fingerprints = ComputeFingerprints(record.article.text, options.fingerprints);
  }
  return record;
}

// ProcessDocument with the caller's deadline installed for the stages.
Record ProcessGuarded(Document&& doc, const PipelineOptions& options,
                      Deadline* deadline) {
  ScopedDeadline scope(deadline);
  // Stages return errors as values; this catches what the libraries under
  // them may still throw (std::bad_alloc on a hostile page), so a document
  // is never lost.
  std::string id = doc.id, url = doc.url;
  try {
    return ProcessUnguarded(std::move(doc), options, deadline);
  } catch (const std::exception& e) {
    Record record;
    record.id = std::move(id);
    record.url = std::move(url);
    record.error = std::string("internal error: ") + e.what();
    return record;
  }
}

// Bytes of input in flight per worker. Besides the count of documents,
// the reader waits while the documents read but not yet written hold more
// than this (it always lets one in): memory stays flat also when the
// documents are large, and pages that come and go are reused while still
// in the cache instead of new ones being faulted in. On the 181 aeb pages
// with --threads 1 (about 250 KB each decompressed), 64 pages in flight
// took ~4,700 page faults and 27 MiB; with this bound ~2,600 and 19 MiB,
// and the run is a few per cent faster (perf stat -r 10).
constexpr size_t kBytesInFlightPerThread = size_t{2} << 20;

struct Output {
  std::string json;
  size_t input_bytes = 0;  // of the document, for the bound above
  bool error = false;
  // Abandoned because the run was stopped: neither it nor anything after
  // it is written.
  bool dropped = false;
};

bool Stopping(const PipelineOptions& options) {
  return options.stop != nullptr && options.stop->load(std::memory_order_relaxed);
}

Output Process(Document&& doc, const PipelineOptions& options) {
  Output output;
  if (Stopping(options)) {
    output.dropped = true;
    return output;
  }
  Deadline deadline(options.max_seconds, options.stop);
  Record record = ProcessGuarded(std::move(doc), options, &deadline);
  if (deadline.cancelled()) {
    output.dropped = true;
    return output;
  }
  output.json = RecordToJson(record);
  output.error = !record.error.empty();
  return output;
}

// Writes one document's line, in input order. After the first abandoned
// document nothing is written, so that the output stays a prefix of the
// input (what --resume relies on).
void WriteOutput(Output&& output, std::FILE* out, bool* truncated,
                 bool* write_failed, RunStats* stats, Progress* progress) {
  *truncated = *truncated || output.dropped;
  if (*truncated) return;
  output.json.push_back('\n');
  if (std::fwrite(output.json.data(), 1, output.json.size(), out) !=
      output.json.size()) {
    *write_failed = true;
  }
  ++stats->documents;
  stats->errors += output.error;
  progress->Update(stats->documents, stats->errors);
}

// True when this process may run on one CPU only (taskset, a container's
// cpuset).
bool OnlyOneCpu() {
#if defined(__linux__)
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  return sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) == 1;
#else
  return false;
#endif
}

// One worker on one CPU: the stages run on the reading thread, each
// document as soon as it is read. A worker and a writer thread beside the
// reader would only add context switches and move every page between
// caches on the way (on the aeb pages under taskset, ~1,000 switches for
// 181 pages).
class InlineRun {
 public:
  InlineRun(const PipelineOptions& options, std::FILE* out)
      : options_(options), out_(out), progress_(options.progress) {}

  void Push(Document&& doc) {
    if (truncated_) return;
    WriteOutput(Process(std::move(doc), options_), out_, &truncated_,
                &write_failed_, &stats_, &progress_);
  }
  RunStats Finish() {
    progress_.Done();
    return stats_;
  }
  bool write_failed() const { return write_failed_; }
  bool truncated() const { return truncated_; }

 private:
  const PipelineOptions& options_;
  std::FILE* out_;
  Progress progress_;
  bool truncated_ = false;
  bool write_failed_ = false;
  RunStats stats_;
};

// Restores input order and bounds the documents in flight.
class OrderedRun {
 public:
  OrderedRun(const PipelineOptions& options, unsigned threads, std::FILE* out)
      : options_(options),
        capacity_(std::max<size_t>(1, threads * options.queue_per_thread)),
        byte_capacity_(threads * kBytesInFlightPerThread),
        out_(out),
        progress_(options.progress) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
    writer_ = std::thread([this] { Write(); });
  }

  // Called on the reader's thread. Blocks while too many documents are in
  // flight.
  void Push(Document&& doc) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [this] {
      return in_flight_ < capacity_ &&
             (in_flight_ == 0 || bytes_in_flight_ < byte_capacity_);
    });
    ++in_flight_;
    bytes_in_flight_ += doc.bytes.size();
    queue_.push_back(std::move(doc));
    work_.notify_one();
  }

  // Waits for every document to be written; returns the stats.
  RunStats Finish() {
    {
      std::lock_guard lock(mu_);
      reading_done_ = true;
    }
    work_.notify_all();
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    writer_.join();
    progress_.Done();
    return stats_;
  }

  bool write_failed() const { return write_failed_; }
  // Whether a document was abandoned (so the output stops before it).
  bool truncated() const { return truncated_; }

 private:
  void Work() {
    while (true) {
      Document doc;
      {
        std::unique_lock lock(mu_);
        work_.wait(lock, [this] { return !queue_.empty() || reading_done_; });
        if (queue_.empty()) return;
        doc = std::move(queue_.front());
        queue_.pop_front();
      }
      const uint64_t seq = doc.seq;
      const size_t input_bytes = doc.bytes.size();
      Output output = Process(std::move(doc), options_);
      output.input_bytes = input_bytes;
      std::lock_guard lock(mu_);
      done_.emplace(seq, std::move(output));
      ready_.notify_one();
    }
  }

  void Write() {
    while (true) {
      Output output;
      {
        std::unique_lock lock(mu_);
        ready_.wait(lock, [this] {
          return done_.count(next_) > 0 || (reading_done_ && in_flight_ == 0);
        });
        auto it = done_.find(next_);
        if (it == done_.end()) return;
        output = std::move(it->second);
        done_.erase(it);
      }
      WriteOutput(std::move(output), out_, &truncated_, &write_failed_, &stats_,
                  &progress_);
      std::lock_guard lock(mu_);
      ++next_;
      --in_flight_;
      bytes_in_flight_ -= output.input_bytes;
      space_.notify_one();
      ready_.notify_all();
    }
  }

  const PipelineOptions& options_;
  const size_t capacity_;
  const size_t byte_capacity_;
  std::FILE* out_;
  Progress progress_;
  std::mutex mu_;
  std::condition_variable work_, ready_, space_;
  std::deque<Document> queue_;
  std::map<uint64_t, Output> done_;
  size_t in_flight_ = 0;
  size_t bytes_in_flight_ = 0;
  uint64_t next_ = 0;
  bool reading_done_ = false;
  bool write_failed_ = false;
  bool truncated_ = false;  // written by the writer thread only
  RunStats stats_;
  std::vector<std::thread> workers_;
  std::thread writer_;
};

}  // namespace

Record ProcessDocument(Document&& doc, const PipelineOptions& options) {
  Deadline deadline(options.max_seconds, options.stop);
  return ProcessGuarded(std::move(doc), options, &deadline);
}

namespace {

// Reads the inputs into `run` (an OrderedRun or an InlineRun) and writes
// what it did to *stats.
template <typename Run>
Status ReadInto(Run& run, const std::vector<std::string>& inputs,
                const PipelineOptions& options, std::FILE* out,
                RunStats* stats) {
  const auto start = std::chrono::steady_clock::now();
  uint64_t seq = 0;
  uint64_t skipped = 0;
  bool stopped = false;
  Status status = ReadInputs(inputs, options.reader, [&](Document&& doc) {
    if (Stopping(options)) {
      stopped = true;
      return false;
    }
    // Resuming: these are already in the output. They are read (a reader
    // cannot seek to the Nth document of a WARC) but not processed.
    if (skipped < options.skip_documents) {
      ++skipped;
      return true;
    }
    doc.seq = seq++;
    run.Push(std::move(doc));
    return true;
  });
  RunStats result = run.Finish();
  result.skipped = skipped;
  result.interrupted = stopped || run.truncated();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (stats) *stats = result;
  if (std::fflush(out) != 0 || run.write_failed()) {
    return Status::IoError("writing the output failed");
  }
  return status;
}

}  // namespace

Status RunExtract(const std::vector<std::string>& inputs,
                  const PipelineOptions& options, std::FILE* out,
                  RunStats* stats) {
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  if (threads == 1 && OnlyOneCpu()) {
    InlineRun run(options, out);
    return ReadInto(run, inputs, options, out, stats);
  }
  OrderedRun run(options, threads, out);
  return ReadInto(run, inputs, options, out, stats);
}

}  // namespace newsmill
