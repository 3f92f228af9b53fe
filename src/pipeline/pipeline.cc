// The pipeline: one document through every stage, and many documents on a
// pool of workers with output kept in input order.
//
// Concurrency: the reader runs on the calling thread and hands Documents to
// a queue; workers turn them into JSON lines; a writer thread writes them in
// `seq` order. At most `threads * queue_per_thread` documents are between
// reading and writing at any time, so memory stays flat whatever the input
// size and however slow one page is.
#include "newsmill/pipeline.h"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "newsmill/decode.h"
#include "newsmill/entities.h"
#include "newsmill/statements.h"
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

Record ProcessUnguarded(Document&& doc, const PipelineOptions& options) {
  if (!doc.error.empty()) return ErrorRecord(doc, doc.error);
  Result<DecodedText> decoded = DecodeToUtf8(doc.bytes, doc.charset, doc.kind);
  if (!decoded.ok()) {
    return ErrorRecord(doc, "decode: " + decoded.status().ToString());
  }
  std::string().swap(doc.bytes);  // the raw bytes are not needed any more
  Record record;
  record.id = std::move(doc.id);
  record.url = std::move(doc.url);
  record.warnings = std::move(doc.warnings);
  Append(&record.warnings, decoded->warnings);
  if (doc.kind == PayloadKind::kHtml) {
    Result<HtmlPage> page = ParseHtml(decoded->utf8, options.html);
    if (!page.ok()) {
      record.error = "html: " + page.status().ToString();
      return record;
    }
    Append(&record.warnings, page->warnings);
    record.article = ExtractFromHtml(*page, record.url, options.extract);
  } else {
    record.article = ExtractFromText(decoded->utf8, options.extract);
  }
  Append(&record.warnings, record.article.warnings);
  if (record.article.meta.site.empty()) record.article.meta.site = HostOf(record.url);
  // People, organisations and places, with every mention (per-thread ICU
  // break iterators inside AnalyzeText).
  record.entities = FindEntities(record.article.text, AnalyzeText(record.article.text),
                                 EntityOptions());
  // Who said what; speakers resolve to record.entities through their
  // mentions.
  StatementOptions statement_options;
  statement_options.model = DefaultStatementModel();
  record.statements = FindStatements(record.article, record.entities, statement_options);
  if (options.fingerprints.enabled) {
    record.fingerprints = ComputeFingerprints(record.article.text, options.fingerprints);
  }
  return record;
}

struct Output {
  std::string json;
  bool error = false;
};

Output Process(Document&& doc, const PipelineOptions& options) {
  Record record = ProcessDocument(std::move(doc), options);
  return {RecordToJson(record), !record.error.empty()};
}

// Restores input order and bounds the documents in flight.
class OrderedRun {
 public:
  OrderedRun(const PipelineOptions& options, unsigned threads, std::FILE* out)
      : options_(options),
        capacity_(std::max<size_t>(1, threads * options.queue_per_thread)),
        out_(out),
        progress_(options.progress) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
    writer_ = std::thread([this] { Write(); });
  }

  // Called on the reader's thread. Blocks while too many documents are in
  // flight.
  void Push(Document&& doc) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [this] { return in_flight_ < capacity_; });
    ++in_flight_;
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
      Output output = Process(std::move(doc), options_);
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
      output.json.push_back('\n');
      if (std::fwrite(output.json.data(), 1, output.json.size(), out_) !=
          output.json.size()) {
        write_failed_ = true;
      }
      ++stats_.documents;
      stats_.errors += output.error;
      progress_.Update(stats_.documents, stats_.errors);
      std::lock_guard lock(mu_);
      ++next_;
      --in_flight_;
      space_.notify_one();
      ready_.notify_all();
    }
  }

  const PipelineOptions& options_;
  const size_t capacity_;
  std::FILE* out_;
  Progress progress_;
  std::mutex mu_;
  std::condition_variable work_, ready_, space_;
  std::deque<Document> queue_;
  std::map<uint64_t, Output> done_;
  size_t in_flight_ = 0;
  uint64_t next_ = 0;
  bool reading_done_ = false;
  bool write_failed_ = false;
  RunStats stats_;
  std::vector<std::thread> workers_;
  std::thread writer_;
};

}  // namespace

Record ProcessDocument(Document&& doc, const PipelineOptions& options) {
  // Stages return errors as values; this catches what the libraries under
  // them may still throw (std::bad_alloc on a hostile page), so a document
  // is never lost.
  std::string id = doc.id, url = doc.url;
  try {
    return ProcessUnguarded(std::move(doc), options);
  } catch (const std::exception& e) {
    Record record;
    record.id = std::move(id);
    record.url = std::move(url);
    record.error = std::string("internal error: ") + e.what();
    return record;
  }
}

Status RunExtract(const std::vector<std::string>& inputs,
                  const PipelineOptions& options, std::FILE* out,
                  RunStats* stats) {
  const auto start = std::chrono::steady_clock::now();
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  OrderedRun run(options, threads, out);
  uint64_t seq = 0;
  Status status = ReadInputs(inputs, options.reader, [&](Document&& doc) {
    doc.seq = seq++;
    run.Push(std::move(doc));
    return true;
  });
  RunStats result = run.Finish();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (stats) *stats = result;
  if (std::fflush(out) != 0 || run.write_failed()) {
    return Status::IoError("writing the output failed");
  }
  return status;
}

}  // namespace newsmill
