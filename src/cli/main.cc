// newsmill: the command line. A thin layer over the library: it parses
// flags, wires the stages together through RunExtract, and maps the result
// to an exit status (0: done, even when some documents failed and carry an
// `error`; 1: an input could not be opened or the output not written;
// 2: usage error; 128 + the signal number: interrupted by SIGINT or SIGTERM,
// the output holds the documents done, resumable with --resume).
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cluster_command.h"
#include "newsmill/pipeline.h"
#include "train_command.h"

namespace {

constexpr int kExitInput = 1;
constexpr int kExitUsage = 2;

// Set by SIGINT/SIGTERM; the pipeline polls it (a lock-free atomic store is
// async-signal-safe).
std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void OnStopSignal(int sig) {
  g_signal.store(sig);
  g_stop.store(true);
}

// The first SIGINT or SIGTERM stops the run cleanly; SA_RESETHAND restores
// the default action, so a second one ends the process at once.
void InstallStopHandlers() {
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string format = "auto";
  unsigned threads = 0;
  bool verbatim = false;
  bool quiet = false;
  bool fingerprints = true;
  bool entities = true;
  bool statements = true;
  std::string parser = "fast";
  size_t max_bytes = newsmill::ReaderOptions{}.max_document_bytes;
  size_t max_depth = newsmill::HtmlOptions{}.max_depth;
  double max_seconds = newsmill::PipelineOptions{}.max_seconds;
  double max_ratio = newsmill::ReaderOptions{}.max_decompression_ratio;
  bool resume = false;
};

void AddExtract(CLI::App& app, ExtractFlags* flags) {
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Read pages (HTML, WARC, JSON Lines, scraped text) and write one JSON "
      "record per page (JSON Lines).");
  cmd->add_option("inputs", flags->inputs,
                  "Files or directories (recursive); '-' or nothing reads stdin");
  cmd->add_option("-o,--output", flags->output,
                  "Write to FILE (through a temporary file renamed at the end) "
                  "instead of stdout");
  cmd->add_option("--format", flags->format,
                  "Input format: auto (by file name, else sniffed), html, warc, "
                  "jsonl, text")
      ->capture_default_str();
  cmd->add_option("--threads", flags->threads,
                  "Worker threads (default 0: one per core); output stays in "
                  "input order");
  cmd->add_flag("--verbatim", flags->verbatim,
                "Keep text input exactly as given (no chrome removal, no "
                "paragraph repair), so offsets are offsets into the input");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress line on stderr");
  cmd->add_flag("--fingerprints,!--no-fingerprints", flags->fingerprints,
                "Write MinHash and SimHash fingerprints in each record "
                "(default on; docs/dedup.md)");
  cmd->add_flag("--entities,!--no-entities", flags->entities,
                "Find people, organisations and places (default on)");
  cmd->add_flag("--statements,!--no-statements", flags->statements,
                "Find who said what (default on)");
  cmd->add_option("--parser", flags->parser,
                  "HTML parser: fast (newsmill's own) or gumbo (the HTML5 "
                  "reference)")
      ->capture_default_str();
  cmd->add_option("--max-bytes", flags->max_bytes,
                  "Cut documents larger than this many bytes (with a warning)")
      ->capture_default_str();
  cmd->add_option("--max-depth", flags->max_depth,
                  "Skip HTML elements nested deeper than this (with a warning)")
      ->capture_default_str();
  cmd->add_option("--max-seconds", flags->max_seconds,
                  "Time budget per document; a document over it becomes a "
                  "record with `error` (0: none)")
      ->capture_default_str();
  cmd->add_option("--max-ratio", flags->max_ratio,
                  "gzip members that inflate past this many times their size "
                  "(beyond 16 MiB) are an error: zip bombs (0: no bound)")
      ->capture_default_str();
  cmd->add_flag("--resume", flags->resume,
                "Continue an interrupted run with -o FILE: keep the complete "
                "lines of FILE.tmp, skip that many input documents, append");
}

// Counts the complete lines of `path` and cuts off a torn last line (left
// by a crash or SIGKILL), so that appending goes on from a line boundary.
// Returns false (errno set) on an I/O error; a missing file has 0 lines.
bool CompleteLines(const std::string& path, uint64_t* lines) {
  *lines = 0;
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT;
  char buf[1 << 16];
  off_t offset = 0, end_of_last_line = 0;
  ssize_t got;
  while ((got = ::read(fd, buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < got; ++i) {
      if (buf[i] == '\n') {
        ++*lines;
        end_of_last_line = offset + i + 1;
      }
    }
    offset += got;
  }
  const bool ok = got == 0 && ::ftruncate(fd, end_of_last_line) == 0;
  ::close(fd);
  return ok;
}

int RunExtractCommand(const ExtractFlags& flags) {
  newsmill::PipelineOptions options;
  if (!newsmill::ParseInputFormat(flags.format, &options.reader.format)) {
    std::fprintf(stderr, "newsmill: unknown --format '%s'\n", flags.format.c_str());
    return kExitUsage;
  }
  if (flags.parser == "fast") {
    options.html.parser = newsmill::HtmlOptions::Parser::kFast;
  } else if (flags.parser == "gumbo") {
    options.html.parser = newsmill::HtmlOptions::Parser::kGumbo;
  } else {
    std::fprintf(stderr, "newsmill: unknown --parser '%s'\n", flags.parser.c_str());
    return kExitUsage;
  }
  options.reader.max_document_bytes = flags.max_bytes;
  options.reader.max_decompression_ratio = flags.max_ratio;
  options.html.max_depth = flags.max_depth;
  options.max_seconds = flags.max_seconds;
  options.stop = &g_stop;
  options.extract.verbatim = flags.verbatim;
  options.threads = flags.threads;
  options.progress = !flags.quiet;
  options.fingerprints.enabled = flags.fingerprints;
  options.entities = flags.entities;
  options.statements = flags.statements;
  std::vector<std::string> inputs = flags.inputs;
  if (inputs.empty()) inputs.push_back("-");

  std::FILE* out = stdout;
  std::string tmp;
  if (flags.resume && (flags.output.empty() || flags.output == "-")) {
    std::fprintf(stderr, "newsmill: --resume needs -o FILE\n");
    return kExitUsage;
  }
  if (!flags.output.empty() && flags.output != "-") {
    tmp = flags.output + ".tmp";
    if (flags.resume) {
      uint64_t done = 0;
      if (!CompleteLines(tmp, &done)) {
        std::fprintf(stderr, "newsmill: cannot resume from %s: %s\n", tmp.c_str(),
                     std::strerror(errno));
        return kExitInput;
      }
      options.skip_documents = done;
      if (!flags.quiet) {
        std::fprintf(stderr, "newsmill: resuming after %llu documents in %s\n",
                     static_cast<unsigned long long>(done), tmp.c_str());
      }
    }
    out = std::fopen(tmp.c_str(), flags.resume ? "ab" : "wb");
    if (!out) {
      std::fprintf(stderr, "newsmill: cannot write %s: %s\n", tmp.c_str(),
                   std::strerror(errno));
      return kExitInput;
    }
  }
  newsmill::RunStats stats;
  InstallStopHandlers();
  const newsmill::Status status = newsmill::RunExtract(inputs, options, out, &stats);
  if (stats.interrupted) {
    // What is written is a prefix of complete lines; it stays in FILE.tmp
    // (never renamed to FILE, which would look finished).
    const bool flushed = tmp.empty() ? std::fflush(out) == 0 : std::fclose(out) == 0;
    const unsigned long long done = stats.skipped + stats.documents;
    std::fprintf(stderr,
                 "newsmill: interrupted after %llu documents (%llu this run)%s%s%s\n",
                 done, static_cast<unsigned long long>(stats.documents),
                 tmp.empty() ? "" : "; they are in ", tmp.c_str(),
                 tmp.empty() ? "" : "; run again with --resume to continue");
    if (!flushed) return kExitInput;
    return 128 + g_signal.load();
  }
  if (!tmp.empty()) {
    const bool closed = std::fclose(out) == 0;
    if (!closed || std::rename(tmp.c_str(), flags.output.c_str()) != 0) {
      std::fprintf(stderr, "newsmill: cannot write %s: %s\n",
                   flags.output.c_str(), std::strerror(errno));
      return kExitInput;
    }
  }
  if (!flags.quiet && stats.seconds > 0 && !flags.output.empty()) {
    std::fprintf(stderr, "newsmill: %llu documents (%llu errors) in %.2f s\n",
                 static_cast<unsigned long long>(stats.documents),
                 static_cast<unsigned long long>(stats.errors), stats.seconds);
    if (stats.skipped > 0) {
      std::fprintf(stderr, "newsmill: %llu documents were already in %s\n",
                   static_cast<unsigned long long>(stats.skipped), tmp.c_str());
    }
  }
  if (!status.ok()) {
    std::fprintf(stderr, "newsmill: %s\n", status.ToString().c_str());
    return kExitInput;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Pages come and go by the thousand, each with buffers of a few hundred
  // KiB: glibc would map and unmap every one of them, and the page faults
  // cost a tenth of the run (measured with perf on the benchmark pages).
  // Keeping freed memory in the heap for reuse avoids that; the heap stays
  // bounded by the documents in flight.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  CLI::App app{"newsmill: news pages to structured records of who said what"};
  app.set_version_flag("--version", std::string("newsmill ") + NEWSMILL_VERSION);
  app.require_subcommand(1);
  ExtractFlags extract;
  AddExtract(app, &extract);
  newsmill::cli::ClusterFlags cluster;
  newsmill::cli::AddClusterCommand(app, &cluster);
  TrainFlags train;
  AddTrain(app, &train);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (app.got_subcommand("extract")) return RunExtractCommand(extract);
  if (app.got_subcommand("cluster")) return newsmill::cli::RunClusterCommand(cluster);
  if (app.got_subcommand("train")) return RunTrainCommand(app, train);
  return kExitUsage;
}
