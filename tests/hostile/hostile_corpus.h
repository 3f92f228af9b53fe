// The adversarial corpus: inputs a crawl really contains (or an attacker
// would write), built in memory so that no large file lives in the
// repository. Used by the hostile tests and by the newsmill_hostile tool,
// which writes it to a directory for manual runs.
#ifndef NEWSMILL_TESTS_HOSTILE_HOSTILE_CORPUS_H_
#define NEWSMILL_TESTS_HOSTILE_HOSTILE_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsmill::hostile {

// One input file and what newsmill must make of it.
struct Case {
  std::string name;    // file name relative to the corpus directory; its
                       // extension picks the reader
  std::string bytes;
  size_t documents = 1;  // output lines it must give
  std::string about;     // what it tries, for the figures
};

// gzip helpers. GzipOf compresses a whole string; GzipOfRepeated streams
// `count` copies of `unit` through deflate without holding them, so a
// gigabyte bomb costs a few megabytes of memory.
std::string GzipOf(std::string_view bytes);
std::string GzipOfRepeated(std::string_view unit, uint64_t count);

// A WARC/1.0 record; `length_delta` makes its Content-Length lie.
std::string WarcRecord(std::string_view type, std::string_view id,
                       std::string_view uri, std::string_view content_type,
                       std::string_view block, long length_delta = 0);
// A response record holding an HTTP response with these extra headers.
std::string HttpRecord(std::string_view id, std::string_view uri,
                       std::string_view body,
                       const std::vector<std::string>& headers = {
                           "Content-Type: text/html; charset=utf-8"});

// A short, ordinary news page (HTML), different for each `n`.
std::string NewsPage(size_t n);

// Every adversarial case but the 50 MB line: deep nesting, a million
// attributes, invalid UTF-8 of every class, UTF-16 with and without a BOM,
// gzip bombs, lying WARC Content-Lengths, broken JSONL with NUL bytes,
// binary files named .html, ...
std::vector<Case> AdversarialCases();

// A single line of `bytes` bytes, as text ("long_line.txt") or as one HTML
// paragraph ("long_line.html").
Case LongLineCase(size_t bytes, bool html);

// A run over several files and a directory: `documents` documents in all,
// one in every `broken_every` broken so that it must come out as an error.
struct MixedRun {
  std::vector<Case> files;
  std::vector<std::string> inputs;         // command line arguments
  std::vector<std::string> expected_ids;   // in output order
  std::vector<bool> expected_error;        // per output line
};
MixedRun MixedCorpus(size_t documents, size_t broken_every);

// Writes each case under `dir` (parent directories created). False on an
// I/O error.
bool WriteCases(const std::string& dir, const std::vector<Case>& cases);

}  // namespace newsmill::hostile

#endif  // NEWSMILL_TESTS_HOSTILE_HOSTILE_CORPUS_H_
