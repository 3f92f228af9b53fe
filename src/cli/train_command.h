// `newsmill train statements ...`: trains the statements tagger on PolNeAR.
#ifndef NEWSMILL_CLI_TRAIN_COMMAND_H_
#define NEWSMILL_CLI_TRAIN_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

struct TrainFlags {
  std::string polnear = "../shared/data/polnear";
  std::string dev;  // CofeNet sentences to report on after each epoch
  std::string output = "models/statements-v1.bin";
  int epochs = 8;
  int buckets_log2 = 18;
  int bags = 1;
  uint64_t seed = 1;
};

// Adds "train" with its "statements" subcommand to `app`.
void AddTrain(CLI::App& app, TrainFlags* flags);

// Runs it when it was given; returns the exit status (0, 1 input, 2 usage).
int RunTrainCommand(const CLI::App& app, const TrainFlags& flags);

#endif  // NEWSMILL_CLI_TRAIN_COMMAND_H_
