#include "train_command.h"

#include <chrono>
#include <cstdio>

#include "statements/train/corpus.h"
#include "statements/train/trainer.h"

void AddTrain(CLI::App& app, TrainFlags* flags) {
  CLI::App* train = app.add_subcommand("train", "Train a model (see docs/statements.md)");
  train->require_subcommand(1);
  CLI::App* cmd = train->add_subcommand(
      "statements",
      "Train the source/cue/content tagger on PolNeAR's training split");
  cmd->add_option("--polnear", flags->polnear,
                  "PolNeAR directory (with data/train/{text,attributions})")
      ->capture_default_str();
  cmd->add_option("--dev", flags->dev,
                  "CofeNet sentences (JSON Lines) to report exact-span F1 on "
                  "after each epoch");
  cmd->add_option("-o,--output", flags->output, "Model file to write")
      ->capture_default_str();
  cmd->add_option("--epochs", flags->epochs, "Passes over the training data")
      ->capture_default_str()->check(CLI::Range(1, 100));
  cmd->add_option("--buckets-log2", flags->buckets_log2,
                  "log2 of the feature hash buckets")
      ->capture_default_str()->check(CLI::Range(10, 24));
  cmd->add_option("--seed", flags->seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--bags", flags->bags,
                  "Runs per pass with other shuffling seeds whose weights are averaged")
      ->capture_default_str()->check(CLI::Range(1, 8));
}

int RunTrainCommand(const CLI::App& app, const TrainFlags& flags) {
  using newsmill::statements::Example;
  const auto start = std::chrono::steady_clock::now();
  auto articles = newsmill::statements::ReadPolnearSplit(flags.polnear + "/data/train");
  if (!articles.ok()) {
    std::fprintf(stderr, "newsmill: %s\n", articles.status().ToString().c_str());
    return 1;
  }
  std::vector<Example> train;
  for (const auto& a : *articles) newsmill::statements::ArticleExamples(a, &train);
  std::vector<Example> dev;
  if (!flags.dev.empty()) {
    auto read = newsmill::statements::ReadCofenet(flags.dev);
    if (!read.ok()) {
      std::fprintf(stderr, "newsmill: %s\n", read.status().ToString().c_str());
      return 1;
    }
    dev = std::move(read).value();
  }
  std::fprintf(stderr, "newsmill: %zu articles, %zu paragraphs\n", articles->size(), train.size());
  newsmill::statements::TrainOptions options;
  options.epochs = flags.epochs;
  options.buckets = 1u << flags.buckets_log2;
  options.seed = flags.seed;
  options.bags = flags.bags;
  options.log = stderr;
  const newsmill::StatementModel model = TrainTagger(train, dev, options);
  const newsmill::Status status = model.Save(flags.output);
  if (!status.ok()) {
    std::fprintf(stderr, "newsmill: %s\n", status.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "newsmill: wrote %s in %.1f s\n", flags.output.c_str(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  (void)app;
  return 0;
}
