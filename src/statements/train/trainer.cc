#include "statements/train/trainer.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "statements/tagger.h"

namespace newsmill::statements {
namespace {

double F1(long correct, long predicted, long gold) {
  if (predicted == 0 || gold == 0 || correct == 0) return 0;
  const double p = static_cast<double>(correct) / predicted;
  const double r = static_cast<double>(correct) / gold;
  return 200 * p * r / (p + r);
}

// Weights with the averaging trick: w is the current vector, u sums
// c * update, and the average after c steps is w - u / c.
struct Averaged {
  std::vector<float> w, u, tw, tu;
  void Update(size_t index, float delta, float c, bool transition) {
    if (transition) {
      tw[index] += delta;
      tu[index] += c * delta;
    } else {
      w[index] += delta;
      u[index] += c * delta;
    }
  }
};

}  // namespace

SpanCounts Evaluate(const StatementModel& model,
                    const std::vector<Example>& examples) {
  SpanCounts counts;
  FeatureRows rows;
  std::vector<uint8_t> predicted;
  for (const Example& ex : examples) {
    ExtractFeatures(ex.tokens, model.buckets(), &rows);
    Decode(model, rows, &predicted);
    CountSpans(ex.labels, predicted, &counts);
  }
  return counts;
}

StatementModel TrainTagger(const std::vector<Example>& train,
                           const std::vector<Example>& dev,
                           const TrainOptions& options) {
  // Features do not change between epochs: extract them once.
  std::vector<FeatureRows> rows(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    ExtractFeatures(train[i].tokens, options.buckets, &rows[i]);
  }
  const size_t nw = static_cast<size_t>(options.buckets) * kNumLabels;
  const size_t nt = (kNumLabels + 1) * kNumLabels;
  Averaged a{std::vector<float>(nw), std::vector<float>(nw),
             std::vector<float>(nt), std::vector<float>(nt)};
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  std::vector<uint8_t> predicted;
  float c = 1;
  StatementModel model(options.buckets);
  auto average_into = [&] {
    for (size_t i = 0; i < nw; ++i) model.weights()[i] = a.w[i] - a.u[i] / c;
    for (size_t i = 0; i < nt; ++i) model.transitions()[i] = a.tw[i] - a.tu[i] / c;
  };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    long errors = 0;
    for (size_t k : order) {
      const Example& ex = train[k];
      DecodeWith(a.w.data(), a.tw.data(), rows[k], &predicted);
      if (predicted != ex.labels) {
        ++errors;
        for (size_t i = 0; i < ex.labels.size(); ++i) {
          const int g = ex.labels[i], p = predicted[i];
          const int gp = i == 0 ? -1 : ex.labels[i - 1];
          const int pp = i == 0 ? -1 : predicted[i - 1];
          if (g != p) {
            for (uint32_t f = rows[k].starts[i]; f < rows[k].starts[i + 1]; ++f) {
              const size_t base = static_cast<size_t>(rows[k].ids[f]) * kNumLabels;
              a.Update(base + g, 1, c, false);
              a.Update(base + p, -1, c, false);
            }
          }
          if (g != p || gp != pp) {
            a.Update((gp + 1) * kNumLabels + g, 1, c, true);
            a.Update((pp + 1) * kNumLabels + p, -1, c, true);
          }
        }
      }
      ++c;
    }
    if (options.log) {
      std::fprintf(options.log, "epoch %d: %ld of %zu sequences wrong",
                   epoch, errors, train.size());
      if (!dev.empty()) {
        average_into();
        const SpanCounts s = Evaluate(model, dev);
        std::fprintf(options.log, "; dev exact F1 source %.1f cue %.1f content %.1f",
                     F1(s.correct[0], s.predicted[0], s.gold[0]),
                     F1(s.correct[1], s.predicted[1], s.gold[1]),
                     F1(s.correct[2], s.predicted[2], s.gold[2]));
      }
      std::fprintf(options.log, "\n");
      std::fflush(options.log);
    }
  }
  average_into();
  return model;
}

}  // namespace newsmill::statements
