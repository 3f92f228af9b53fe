#include "statements/train/trainer.h"

#include <algorithm>
#include <array>
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

// Averaged passive-aggressive training (PA-I, Crammer et al. 2006) over
// `rows`: after a wrong decode, the weights move along
// delta = phi(gold) - phi(predicted) by
//   step = min(C, (loss - w . delta) / |delta|^2),
// the smallest step that makes the gold labelling win by its loss, where the
// loss is the number of gold spans not predicted plus predicted spans not in
// gold (the exact-span metric's errors). The average uses the usual trick (w
// is the current vector, u sums c * update, the average after c steps is
// w - u / c). `on_epoch`, when set, gets the averaged weights after each
// epoch. With `spans` (the second pass) it decodes with DecodeSpans and
// delta also holds the boundary and span features of the gold and predicted
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
  // delta's emission and boundary entries, summed in `dense` (zero outside
  // an update), in the order first touched; and its transitions.
  std::vector<std::pair<size_t, float>> delta;
  std::vector<float> dense(nw);
  std::vector<uint8_t> touched(nw);
  std::array<float, (kNumLabels + 1) * kNumLabels> dt;
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
        ++errors;
        delta.clear();
        dt.fill(0.0f);
        auto add = [&](size_t at, float d) {
          if (!touched[at]) {
            touched[at] = 1;
            delta.push_back({at, 0.0f});
          }
          dense[at] += d;
        };
        const auto gold_spans = LabelSpans(y), predicted_spans = LabelSpans(predicted);
        if (spans) {
          // +1 for the gold spans' boundary and span features, -1 for the
          // predicted ones' (the same span's cancel out).
          auto span_features = [&](const std::vector<std::array<int, 3>>& list, float d) {
            for (const auto& [role, first, last] : list) {
              for (uint32_t f = r.bstarts[first]; f < r.bstarts[first + 1]; ++f) {
                add(static_cast<size_t>(r.bids[f]) * kNumLabels + role, d);
              }
              for (uint32_t f = r.bstarts[last]; f < r.bstarts[last + 1]; ++f) {
                add(static_cast<size_t>(r.bids[f]) * kNumLabels + 3 + role, d);
              }
              SpanFeatureIds(r, first, last, options.buckets, &span_ids);
              for (uint32_t id : span_ids) add(static_cast<size_t>(id) * kNumLabels + role, d);
            }
          };
          span_features(gold_spans, 1.0f);
          span_features(predicted_spans, -1.0f);
        }
        for (size_t i = 0; i < y.size(); ++i) {
          const int g = y[i], p = predicted[i];
          const int gp = i == 0 ? -1 : y[i - 1];
          const int pp = i == 0 ? -1 : predicted[i - 1];
          if (g != p) {
            for (uint32_t f = r.starts[i]; f < r.starts[i + 1]; ++f) {
              const size_t base = static_cast<size_t>(r.ids[f]) * kNumLabels;
              add(base + g, 1.0f);
              add(base + p, -1.0f);
            }
          }
          if (g != p || gp != pp) {
            dt[(gp + 1) * kNumLabels + g] += 1;
            dt[(pp + 1) * kNumLabels + p] -= 1;
          }
        }
        int loss = 0;
        for (const auto& s : gold_spans) {
          loss += std::find(predicted_spans.begin(), predicted_spans.end(), s) == predicted_spans.end();
        }
        for (const auto& s : predicted_spans) {
          loss += std::find(gold_spans.begin(), gold_spans.end(), s) == gold_spans.end();
        }
        double margin = 0, norm = 0;
        for (auto& [at, d] : delta) {
          d = dense[at];
          dense[at] = 0;
          touched[at] = 0;
          margin += static_cast<double>(d) * w[at];
          norm += static_cast<double>(d) * d;
        }
        for (size_t j = 0; j < nt; ++j) {
          margin += static_cast<double>(dt[j]) * tw[j];
          norm += static_cast<double>(dt[j]) * dt[j];
        }
        // The decoder's choice scores at least gold's, so margin <= 0 and the
        // step is positive (but for ties and float rounding).
        const float step =
            norm > 0 ? static_cast<float>(std::clamp((loss - margin) / norm, 0.0, options.aggressiveness))
                     : 0.0f;
        for (const auto& [at, d] : delta) {
          w[at] += step * d;
          u[at] += step * d * c;
        }
        for (size_t j = 0; j < nt; ++j) {
          tw[j] += step * dt[j];
          tu[j] += step * dt[j] * c;
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

// TrainPass options.bags times with different shuffling seeds, averaging
// the weights (on_epoch reports the first run only): the runs' orders
// differ, and their mean varies less from seed to seed than one run.
PassWeights TrainBagged(const std::vector<const FeatureRows*>& rows,
                        const std::vector<const std::vector<uint8_t>*>& gold,
                        const TrainOptions& options, const char* name, bool spans,
                        const std::function<void(const PassWeights&)>& on_epoch) {
  const int bags = std::max(1, options.bags);
  PassWeights sum = TrainPass(rows, gold, options, name, spans, on_epoch);
  for (int k = 1; k < bags; ++k) {
    TrainOptions o = options;
    o.seed = options.seed + 7919ull * static_cast<uint64_t>(k);
    const PassWeights p = TrainPass(rows, gold, o, name, spans, nullptr);
    for (size_t i = 0; i < sum.w.size(); ++i) sum.w[i] += p.w[i];
    for (size_t i = 0; i < sum.t.size(); ++i) sum.t[i] += p.t[i];
  }
  for (float& x : sum.w) x /= static_cast<float>(bags);
  for (float& x : sum.t) x /= static_cast<float>(bags);
  return sum;
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
    const PassWeights p = TrainBagged(r, g, options, "fold", false, nullptr);
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
  const PassWeights first = TrainBagged(
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
  const PassWeights second = TrainBagged(
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
