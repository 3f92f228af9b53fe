// Pipeline: Document -> Record for one page, and the parallel run over many
// inputs that keeps output in input order.
#ifndef NEWSMILL_PIPELINE_H_
#define NEWSMILL_PIPELINE_H_

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
  // Worker threads; 0 means one per core.
  unsigned threads = 0;
  // Documents read ahead of the writer at most, per thread (64): bounds
  // memory however large the input.
  size_t queue_per_thread = 64;
  // Show a progress line on stderr (only when stderr is a terminal).
  bool progress = true;
};

// Runs every stage on one document. Never fails: a failure becomes
// Record::error.
Record ProcessDocument(Document&& doc, const PipelineOptions& options);

struct RunStats {
  uint64_t documents = 0;
  uint64_t errors = 0;
  double seconds = 0;
};

// Reads `inputs`, processes them on `options.threads` workers and writes one
// JSON line per document to `out`, in input order. Returns the readers'
// status (an input that could not be opened) or an output write error.
Status RunExtract(const std::vector<std::string>& inputs,
                  const PipelineOptions& options, std::FILE* out,
                  RunStats* stats);

}  // namespace newsmill

#endif  // NEWSMILL_PIPELINE_H_
