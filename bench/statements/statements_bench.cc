// Statements benchmark: exact-span P/R/F1 with CofeNet's sentence-level
// metric on PolNeAR dev, token-overlap F1 per article, the share of
// statements whose speaker span is the gold source, and throughput on one
// core. Usage: statements_bench [--model FILE] [--polnear DIR]
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <string>

#include "newsmill/statements.h"
#include "statements/tagger.h"
#include "statements/train/corpus.h"

namespace {
using namespace newsmill;
using namespace newsmill::statements;

// Seconds of this thread's CPU time: the machine is shared, so wall time
// would count other processes.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

struct Prf {
  double p = 0, r = 0, f = 0;
};
Prf Score(double correct, double predicted, double gold) {
  Prf s;
  s.p = predicted > 0 ? 100 * correct / predicted : 0;
  s.r = gold > 0 ? 100 * correct / gold : 0;
  s.f = s.p + s.r > 0 ? 2 * s.p * s.r / (s.p + s.r) : 0;
  return s;
}
const char* kRoles[] = {"source", "cue", "content"};

bool Overlaps(ByteSpan a, Span b) { return a.begin < b.end && b.begin < a.end; }

// Token-overlap counts for one article: tokens of the article inside gold
// spans of a role against tokens inside predicted spans of that role.
void ArticleCounts(const BratArticle& a, const std::vector<Statement>& st,
                   std::array<double, 9>* c) {
  std::vector<Token> tokens;
  Tokenize(a.text, 0, a.text.size(), &tokens);
  for (int role = 0; role < 3; ++role) {
    for (const Token& t : tokens) {
      const Span ts{t.begin, t.end};
      bool gold = false, pred = false;
      for (const Attribution& at : a.attributions) {
        const auto& spans = role == 0 ? at.source : role == 1 ? at.cue : at.content;
        for (const Span& s : spans) gold |= s.begin < ts.end && ts.begin < s.end;
      }
      for (const Statement& s : st) {
        const ByteSpan b = role == 0 ? s.speaker : role == 1 ? s.cue : s.content;
        pred |= b.end > b.begin && Overlaps(b, ts);
      }
      (*c)[role * 3] += gold && pred;
      (*c)[role * 3 + 1] += pred;
      (*c)[role * 3 + 2] += gold;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = std::string(NEWSMILL_SOURCE_DIR) + "/models/statements-v1.bin";
  std::string polnear = std::string(NEWSMILL_SOURCE_DIR) + "/../shared/data/polnear";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--model")) model_path = argv[i + 1];
    else if (!std::strcmp(argv[i], "--polnear")) polnear = argv[i + 1];
  }
  Result<StatementModel> model = StatementModel::Load(model_path);
  if (!model.ok()) {
    std::fprintf(stderr, "statements_bench: %s\n", model.status().ToString().c_str());
    return 1;
  }
  auto sentences = ReadCofenet(polnear + "/sentences/valid.txt");
  auto articles = ReadPolnearSplit(polnear + "/data/dev");
  if (!sentences.ok() || !articles.ok()) {
    std::fprintf(stderr, "statements_bench: PolNeAR data not found under %s\n", polnear.c_str());
    return 1;
  }
  std::printf("model %s (%u buckets)\n", model_path.c_str(), model->buckets());

  // 1. CofeNet's metric on the dev sentences (their tokens).
  SpanCounts counts;
  FeatureRows rows;
  std::vector<uint8_t> labels;
  long tokens = 0;
  const double t0 = CpuSeconds();
  for (const Example& ex : *sentences) {
    ExtractFeatures(ex.tokens, model->buckets(), &rows);
    Decode(*model, rows, &labels);
    CountSpans(ex.labels, labels, &counts);
    tokens += static_cast<long>(ex.tokens.size());
  }
  const double tag_s = CpuSeconds() - t0;
  std::printf("\nCofeNet sentence-level exact span (%zu dev sentences)\n", sentences->size());
  std::printf("%-8s %6s %6s %6s %6s %6s\n", "role", "P", "R", "F1", "gold", "pred");
  for (int r = 0; r < 3; ++r) {
    const Prf s = Score(counts.correct[r], counts.predicted[r], counts.gold[r]);
    std::printf("%-8s %6.1f %6.1f %6.1f %6ld %6ld\n", kRoles[r], s.p, s.r, s.f,
                counts.gold[r], counts.predicted[r]);
  }

  // 2. Article level: FindStatements on the dev texts, token overlap.
  StatementOptions options;
  options.model = &*model;
  std::array<double, 9> c{};
  long matched = 0, speaker_right = 0, paragraphs = 0;
  const auto t1 = std::chrono::steady_clock::now();
  double find_s = 0;
  for (const BratArticle& a : *articles) {
    Article article;
    article.text = a.text;
    for (size_t start = 0; start < a.text.size();) {
      size_t nl = a.text.find('\n', start);
      if (nl == std::string::npos) nl = a.text.size();
      if (nl > start) {
        article.blocks.push_back({BlockKind::kParagraph, {start, nl}});
        ++paragraphs;
      }
      start = nl + 1;
    }
    const double s0 = CpuSeconds();
    const std::vector<Statement> st = FindStatements(article, {}, options);
    find_s += CpuSeconds() - s0;
    ArticleCounts(a, st, &c);
    for (const Statement& s : st) {
      for (const Attribution& at : a.attributions) {
        bool content = false, source = false;
        for (const Span& g : at.content) content |= Overlaps(s.content, g);
        if (!content || at.source.empty()) continue;
        for (const Span& g : at.source) source |= Overlaps(s.speaker, g);
        ++matched;
        speaker_right += source;
        break;
      }
    }
  }
  (void)t1;
  std::printf("\nArticle level, token-overlap (%zu dev articles)\n", articles->size());
  std::printf("%-8s %6s %6s %6s\n", "role", "P", "R", "F1");
  for (int r = 0; r < 3; ++r) {
    const Prf s = Score(c[r * 3], c[r * 3 + 1], c[r * 3 + 2]);
    std::printf("%-8s %6.1f %6.1f %6.1f\n", kRoles[r], s.p, s.r, s.f);
  }
  std::printf("\nspeaker: %ld of %ld statements matching a gold content (%.1f%%) have a "
              "speaker span on the gold source\n",
              speaker_right, matched, matched ? 100.0 * speaker_right / matched : 0);
  std::printf("\nthroughput (one core, CPU time): tagger %.0f sentences/s (%.0f tokens/s); "
              "FindStatements %.0f paragraphs/s\n",
              sentences->size() / tag_s, tokens / tag_s, paragraphs / find_s);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak memory %.1f MiB (model, dev data and all articles)\n", ru.ru_maxrss / 1024.0);
  return 0;
}
