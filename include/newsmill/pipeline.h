// Pipeline: Document -> Record for one page, and the parallel run over many
// inputs that keeps output in input order.
#ifndef NEWSMILL_PIPELINE_H_
#define NEWSMILL_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "newsmill/dedup.h"
#include "newsmill/document.h"
#include "newsmill/extract.h"
#include "newsmill/html.h"
#include "newsmill/readers.h"
#include "newsmill/record.h"
#include "newsmill/status.h"

namespace newsmill {

struct PipelineOptions {
  ReaderOptions reader;
  HtmlOptions html;
  ExtractOptions extract;
  // MinHash and SimHash of the article text (docs/dedup.md); `enabled`
  // false leaves them out of the records.
  FingerprintOptions fingerprints;
  // The analysis stages after extraction (both on). Off, the record keeps
  // empty `entities` / `statements` lists: for corpus building, where only
  // the text and metadata are wanted. Statements without entities have
  // speakers but no entity ids.
  bool entities = true;
  bool statements = true;
  // Worker threads; 0 means one per core.
  unsigned threads = 0;
  // Documents read ahead of the writer at most, per thread (64): bounds
  // memory however large the input.
  size_t queue_per_thread = 64;
  // Show a progress line on stderr (only when stderr is a terminal).
  bool progress = true;
  // Time budget per document, in seconds (30); 0 or less means none. A
  // document over it becomes a record with `error` ("time budget
  // exceeded ...") and the run goes on. Checked cooperatively
  // (newsmill/deadline.h): between stages and in the stages' long loops,
  // so a document may overrun by one loop step, never by a whole stage
  // that polls.
  double max_seconds = 30;
  // When it becomes true (from any thread or a signal handler), the run
  // stops: reading stops, the documents being worked on are abandoned, and
  // RunExtract returns after writing every document before the first one
  // not finished, so the output is a prefix of complete lines in input
  // order (RunStats::interrupted). May be null.
  const std::atomic<bool>* stop = nullptr;
  // Input documents read and dropped unprocessed before the first one
  // processed: --resume passes the number of lines the output already has.
  uint64_t skip_documents = 0;
};

// Runs every stage on one document within options.max_seconds. Never
// fails: a failure (or running over time) becomes Record::error.
Record ProcessDocument(Document&& doc, const PipelineOptions& options);

struct RunStats {
  uint64_t documents = 0;  // written
  uint64_t errors = 0;     // written with `error`
  uint64_t skipped = 0;    // dropped unread (skip_documents)
  double seconds = 0;
  bool interrupted = false;  // `stop` ended the run before the input did
};

// Reads `inputs`, processes them on `options.threads` workers and writes one
// JSON line per document to `out`, in input order. Returns the readers'
// status (an input that could not be opened) or an output write error.
Status RunExtract(const std::vector<std::string>& inputs,
                  const PipelineOptions& options, std::FILE* out,
                  RunStats* stats);

}  // namespace newsmill

#endif  // NEWSMILL_PIPELINE_H_
