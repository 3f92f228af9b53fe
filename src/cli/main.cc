// newsmill: the command line. A thin layer over the library: it parses
// flags, wires the stages together through RunExtract, and maps the result
// to an exit status (0: done, even when some documents failed and carry an
// `error`; 1: an input could not be opened or the output not written;
// 2: usage error).
#include <CLI/CLI.hpp>
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

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string format = "auto";
  unsigned threads = 0;
  bool verbatim = false;
  bool quiet = false;
  bool fingerprints = true;
  std::string parser = "fast";
  size_t max_bytes = newsmill::ReaderOptions{}.max_document_bytes;
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
  cmd->add_option("--parser", flags->parser,
                  "HTML parser: fast (newsmill's own) or gumbo (the HTML5 "
                  "reference)")
      ->capture_default_str();
  cmd->add_option("--max-bytes", flags->max_bytes,
                  "Cut documents larger than this many bytes (with a warning)")
      ->capture_default_str();
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
  options.extract.verbatim = flags.verbatim;
  options.threads = flags.threads;
  options.progress = !flags.quiet;
  options.fingerprints.enabled = flags.fingerprints;
  std::vector<std::string> inputs = flags.inputs;
  if (inputs.empty()) inputs.push_back("-");

  std::FILE* out = stdout;
  std::string tmp;
  if (!flags.output.empty() && flags.output != "-") {
    tmp = flags.output + ".tmp";
    out = std::fopen(tmp.c_str(), "wb");
    if (!out) {
      std::fprintf(stderr, "newsmill: cannot write %s: %s\n", tmp.c_str(),
                   std::strerror(errno));
      return kExitInput;
    }
  }
  newsmill::RunStats stats;
  const newsmill::Status status = newsmill::RunExtract(inputs, options, out, &stats);
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
  }
  if (!status.ok()) {
    std::fprintf(stderr, "newsmill: %s\n", status.ToString().c_str());
    return kExitInput;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
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
