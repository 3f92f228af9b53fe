// `newsmill cluster`: flags in, RunCluster, exit status out.
#include "cluster_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace newsmill::cli {

CLI::App* AddClusterCommand(CLI::App& app, ClusterFlags* flags) {
  CLI::App* cmd = app.add_subcommand(
      "cluster",
      "Find near-duplicate and syndicated copies: one JSON line per document "
      "with its cluster, the cluster's canonical copy, and its estimated "
      "similarity to and containment in that copy (docs/dedup.md).");
  cmd->add_option("inputs", flags->inputs,
                  "Records from `newsmill extract` (.jsonl, .jsonl.gz) or raw "
                  "inputs as `extract` takes them; '-' or nothing reads stdin");
  cmd->add_option("-o,--output", flags->output,
                  "Write to FILE (through a temporary file renamed at the end)");
  cmd->add_option("--from", flags->from,
                  "auto (.jsonl files are records, the rest raw pages), "
                  "records, or raw (extract every input first)")
      ->capture_default_str();
  cmd->add_option("--index", flags->index,
                  "Index of documents seen before: clustered against, then "
                  "rewritten with the new documents (created if missing)");
  cmd->add_flag("--read-only", flags->read_only, "Do not rewrite --index");
  cmd->add_flag("--all", flags->all,
                "Write every document of the index, not just the new ones");
  cmd->add_option("--threads", flags->threads, "Threads (default 0: one per core)");
  cmd->add_option("--shingle-words", flags->shingle_words, "Words per shingle")
      ->capture_default_str();
  cmd->add_option("--bands", flags->cluster.bands, "LSH bands")->capture_default_str();
  cmd->add_option("--rows", flags->cluster.rows, "MinHash values per band")
      ->capture_default_str();
  cmd->add_option("--jaccard", flags->cluster.jaccard_threshold,
                  "Join candidates with at least this estimated Jaccard similarity")
      ->capture_default_str();
  cmd->add_option("--containment", flags->cluster.containment_threshold,
                  "... or with the smaller one at least this much contained "
                  "in the larger")
      ->capture_default_str();
  cmd->add_option("--min-shingles", flags->cluster.min_shingles,
                  "Shingles a document needs to be joined by containment")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary on stderr");
  return cmd;
}

int RunClusterCommand(const ClusterFlags& flags) {
  ClusterRunOptions options;
  if (flags.from == "auto") {
    options.from = ClusterRunOptions::From::kAuto;
  } else if (flags.from == "records") {
    options.from = ClusterRunOptions::From::kRecords;
  } else if (flags.from == "raw") {
    options.from = ClusterRunOptions::From::kRaw;
  } else {
    std::fprintf(stderr, "newsmill: unknown --from '%s'\n", flags.from.c_str());
    return 2;
  }
  if (flags.shingle_words == 0 || flags.cluster.rows == 0 ||
      flags.cluster.bands * flags.cluster.rows > kMinHashSize) {
    std::fprintf(stderr,
                 "newsmill: need --shingle-words >= 1, --rows >= 1 and "
                 "--bands x --rows <= %zu\n", kMinHashSize);
    return 2;
  }
  options.fingerprints.shingle_words = flags.shingle_words;
  options.cluster = flags.cluster;
  options.cluster.threads = flags.threads;
  options.threads = flags.threads;
  options.index_path = flags.index;
  options.update_index = !flags.read_only;
  options.all = flags.all;
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
      return 1;
    }
  }
  ClusterRunStats stats;
  const Status status = RunCluster(inputs, options, out, &stats);
  if (!tmp.empty()) {
    const bool closed = std::fclose(out) == 0;
    if (!closed || std::rename(tmp.c_str(), flags.output.c_str()) != 0) {
      std::fprintf(stderr, "newsmill: cannot write %s: %s\n",
                   flags.output.c_str(), std::strerror(errno));
      return 1;
    }
  }
  if (!flags.quiet) {
    std::fprintf(stderr,
                 "newsmill: %llu documents (+%llu from the index), %llu in "
                 "%llu clusters, %llu candidate pairs verified, %llu joined, "
                 "%.2f s\n",
                 static_cast<unsigned long long>(stats.documents),
                 static_cast<unsigned long long>(stats.previous),
                 static_cast<unsigned long long>(stats.duplicates),
                 static_cast<unsigned long long>(stats.clusters),
                 static_cast<unsigned long long>(stats.pairs.candidates),
                 static_cast<unsigned long long>(stats.pairs.joined), stats.seconds);
  }
  if (!status.ok()) {
    std::fprintf(stderr, "newsmill: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace newsmill::cli
