// `newsmill cluster`: near-duplicate and syndication clusters (docs/dedup.md).
#ifndef NEWSMILL_CLI_CLUSTER_COMMAND_H_
#define NEWSMILL_CLI_CLUSTER_COMMAND_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "newsmill/dedup.h"

namespace newsmill::cli {

struct ClusterFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string from = "auto";
  std::string index;
  bool read_only = false;
  bool all = false;
  bool quiet = false;
  unsigned threads = 0;
  unsigned shingle_words = FingerprintOptions{}.shingle_words;
  ClusterOptions cluster;
};

// Adds the subcommand to `app`; its flags are parsed into `flags`.
CLI::App* AddClusterCommand(CLI::App& app, ClusterFlags* flags);

// Exit status: 0 done, 1 an input, the index or the output failed, 2 usage.
int RunClusterCommand(const ClusterFlags& flags);

}  // namespace newsmill::cli

#endif  // NEWSMILL_CLI_CLUSTER_COMMAND_H_
