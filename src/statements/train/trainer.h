// Averaged passive-aggressive training for the statements tagger
// (internal; newsmill_statements_train library).
#ifndef NEWSMILL_STATEMENTS_TRAIN_TRAINER_H_
#define NEWSMILL_STATEMENTS_TRAIN_TRAINER_H_

#include <cstdio>
#include <vector>

#include "newsmill/statements.h"
#include "statements/train/corpus.h"

namespace newsmill::statements {

struct TrainOptions {
  int epochs = 8;
  uint32_t buckets = StatementModel::kDefaultBuckets;
  uint64_t seed = 1;      // shuffling order, so runs are reproducible
  int folds = 4;          // jackknife folds for the first pass's labels
  double aggressiveness = 1.0;  // C, the passive-aggressive step's cap
  // Each pass (and each jackknife fold) is trained `bags` times, with the
  // shuffling seeds seed, seed + 7919, seed + 2 * 7919, ..., and the
  // averaged weights of the runs are averaged.
  int bags = 1;
  std::FILE* log = nullptr;  // one line per epoch when set
};

// Trains both passes on `train` (the first pass also once per fold, to label
// the training data for the second); after each epoch reports exact-span F1
// on `dev` (may be empty) to options.log.
StatementModel TrainTagger(const std::vector<Example>& train,
                           const std::vector<Example>& dev,
                           const TrainOptions& options);

// Exact-span counts of `model` on `examples`.
SpanCounts Evaluate(const StatementModel& model,
                    const std::vector<Example>& examples);

}  // namespace newsmill::statements

#endif  // NEWSMILL_STATEMENTS_TRAIN_TRAINER_H_
