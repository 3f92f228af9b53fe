#include "statements/train/trainer.h"

#include <algorithm>
#include <functional>
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

// Averaged weights of one pass: emissions over all buckets and transitions.
struct PassWeights {
  std::vector<float> w, t;
};

// Averaged structured perceptron over `rows` (with the averaging trick: w is
// the current vector, u sums c * update, the average after c steps is
// w - u / c). `on_epoch`, when set, gets the averaged weights after each
// epoch. With `spans` (the second pass) it decodes with DecodeSpans and
// also updates the boundary and span features of the gold and predicted
// spans.
PassWeights TrainPass(const std::vector<const FeatureRows*>& rows,
                      const std::vector<const std::vector<uint8_t>*>& gold,
                      const TrainOptions& options, const char* name, bool spans,
                      const std::function<void(const PassWeights&)>& on_epoch) {
  const size_t nw = static_cast<size_t>(options.buckets) * kNumLabels;
  const size_t nt = (kNumLabels + 1) * kNumLabels;
  std::vector<float> w(nw), u(nw), tw(nt), tu(nt);
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  std::vector<uint8_t> predicted;
  std::vector<uint32_t> span_ids;
  float c = 1;
  PassWeights avg;
  auto average = [&] {
    avg.w.resize(nw);
    avg.t.resize(nt);
    for (size_t i = 0; i < nw; ++i) avg.w[i] = w[i] - u[i] / c;
    for (size_t i = 0; i < nt; ++i) avg.t[i] = tw[i] - tu[i] / c;
  };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    long errors = 0;
    for (size_t k : order) {
      const FeatureRows& r = *rows[k];
      const std::vector<uint8_t>& y = *gold[k];
      if (spans) DecodeSpans(w.data(), tw.data(), options.buckets, r, &predicted);
      else DecodeWith(w.data(), tw.data(), r, &predicted);
      if (predicted != y) {
        auto bump = [&](size_t at, float d) {
          w[at] += d;
          u[at] += d * c;
        };
        if (spans) {
          // +1 for the gold spans' boundary and span features, -1 for the
          // predicted ones' (the same span's cancel out).
          auto update_spans = [&](const std::vector<uint8_t>& labels, float d) {
            for (const auto& [role, first, last] : LabelSpans(labels)) {
              for (uint32_t f = r.bstarts[first]; f < r.bstarts[first + 1]; ++f) {
                bump(static_cast<size_t>(r.bids[f]) * kNumLabels + role, d);
              }
              for (uint32_t f = r.bstarts[last]; f < r.bstarts[last + 1]; ++f) {
                bump(static_cast<size_t>(r.bids[f]) * kNumLabels + 3 + role, d);
              }
              SpanFeatureIds(r, first, last, options.buckets, &span_ids);
              for (uint32_t id : span_ids) bump(static_cast<size_t>(id) * kNumLabels + role, d);
            }
          };
          update_spans(y, 1.0f);
          update_spans(predicted, -1.0f);
        }
        ++errors;
        for (size_t i = 0; i < y.size(); ++i) {
          const int g = y[i], p = predicted[i];
          const int gp = i == 0 ? -1 : y[i - 1];
          const int pp = i == 0 ? -1 : predicted[i - 1];
          if (g != p) {
            for (uint32_t f = r.starts[i]; f < r.starts[i + 1]; ++f) {
              const size_t base = static_cast<size_t>(r.ids[f]) * kNumLabels;
              w[base + g] += 1;
              u[base + g] += c;
              w[base + p] -= 1;
              u[base + p] -= c;
            }
          }
          if (g != p || gp != pp) {
            const size_t a = (gp + 1) * kNumLabels + g, b = (pp + 1) * kNumLabels + p;
            tw[a] += 1;
            tu[a] += c;
            tw[b] -= 1;
            tu[b] -= c;
          }
        }
      }
      ++c;
    }
    if (options.log) {
      std::fprintf(options.log, "%s epoch %d: %ld of %zu sequences wrong", name,
                   epoch, errors, rows.size());
    }
    if (on_epoch) {
      average();
      on_epoch(avg);
    }
    if (options.log) {
      std::fprintf(options.log, "\n");
      std::fflush(options.log);
    }
  }
  average();
  return avg;
}

void LogF1(std::FILE* log, const SpanCounts& s) {
  std::fprintf(log, "; dev exact F1 source %.1f cue %.1f content %.1f",
               F1(s.correct[0], s.predicted[0], s.gold[0]),
               F1(s.correct[1], s.predicted[1], s.gold[1]),
               F1(s.correct[2], s.predicted[2], s.gold[2]));
}

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
  const size_t n = train.size();
  std::vector<FeatureRows> rows1(n), dev1(dev.size());
  for (size_t i = 0; i < n; ++i) ExtractFeatures(train[i].tokens, options.buckets, &rows1[i]);
  for (size_t i = 0; i < dev.size(); ++i) ExtractFeatures(dev[i].tokens, options.buckets, &dev1[i]);
  std::vector<const std::vector<uint8_t>*> gold(n);
  for (size_t i = 0; i < n; ++i) gold[i] = &train[i].labels;

  // First-pass labels of the training data by jackknifing: each fold (a run
  // of consecutive examples, so mostly whole articles) is tagged by a first
  // pass trained on the other folds, as unseen text would be.
  std::vector<std::vector<uint8_t>> z(n);
  const size_t folds = static_cast<size_t>(std::max(2, options.folds));
  for (size_t f = 0; f < folds; ++f) {
    const size_t lo = n * f / folds, hi = n * (f + 1) / folds;
    std::vector<const FeatureRows*> r;
    std::vector<const std::vector<uint8_t>*> g;
    for (size_t i = 0; i < n; ++i) {
      if (i >= lo && i < hi) continue;
      r.push_back(&rows1[i]);
      g.push_back(gold[i]);
    }
    const PassWeights p = TrainPass(r, g, options, "fold", false, nullptr);
    for (size_t i = lo; i < hi; ++i) DecodeWith(p.w.data(), p.t.data(), rows1[i], &z[i]);
  }
  std::vector<const FeatureRows*> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = &rows1[i];
  auto eval_pass = [&](const PassWeights& p, bool second,
                       const std::vector<std::vector<uint8_t>>* dz) {
    if (!options.log || dev.empty()) return;
    SpanCounts s;
    std::vector<uint8_t> predicted;
    FeatureRows stacked;
    for (size_t i = 0; i < dev.size(); ++i) {
      if (second) {
        StackFeatures(dev1[i], (*dz)[i], options.buckets, &stacked);
        // As at run time (Decode): with the rules, which training leaves out.
        DecodeSpans(p.w.data(), p.t.data(), options.buckets, stacked, &predicted,
                    /*cue_rule=*/true);
      } else {
        DecodeWith(p.w.data(), p.t.data(), dev1[i], &predicted);
      }
      CountSpans(dev[i].labels, predicted, &s);
    }
    LogF1(options.log, s);
  };
  const PassWeights first = TrainPass(
      all, gold, options, "pass 1", false,
      [&](const PassWeights& p) { eval_pass(p, false, nullptr); });
  std::vector<std::vector<uint8_t>> dev_z(dev.size());
  for (size_t i = 0; i < dev.size(); ++i) {
    DecodeWith(first.w.data(), first.t.data(), dev1[i], &dev_z[i]);
  }

  std::vector<FeatureRows> rows2(n);
  for (size_t i = 0; i < n; ++i) StackFeatures(rows1[i], z[i], options.buckets, &rows2[i]);
  rows1.clear();
  for (size_t i = 0; i < n; ++i) all[i] = &rows2[i];
  const PassWeights second = TrainPass(
      all, gold, options, "pass 2", true,
      [&](const PassWeights& p) { eval_pass(p, true, &dev_z); });

  // One table: the passes' features use disjoint halves of the buckets.
  StatementModel model(options.buckets);
  for (size_t i = 0; i < model.weights().size(); ++i) {
    model.weights()[i] = first.w[i] + second.w[i];
  }
  for (int p = -1; p < kNumLabels; ++p) {
    const size_t base = static_cast<size_t>(FirstPassTransitionBucket(p, options.buckets)) * kNumLabels;
    for (int y = 0; y < kNumLabels; ++y) {
      model.weights()[base + y] = first.t[(p + 1) * kNumLabels + y];
    }
  }
  model.transitions() = second.t;
  return model;
}

}  // namespace newsmill::statements
