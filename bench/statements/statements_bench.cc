// Statements benchmark: exact-span P/R/F1 with CofeNet's sentence-level
// metric on PolNeAR dev, token-overlap F1 per article, the share of
// statements whose speaker span is the gold source, and throughput on one
// core. Usage: statements_bench [--model FILE] [--polnear DIR] [--errors N]
// [--dump FILE] (README.md)
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "newsmill/entities.h"
#include "newsmill/statements.h"
#include "newsmill/text.h"
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

// --errors: what went wrong with each gold span the tagger missed, by role:
// the predicted spans of the role overlapping it decide the category.
struct ErrorTable {
  std::array<std::map<std::string, long>, 3> by_role;
  void Add(int role, const std::string& what) { ++by_role[role][what]; }
};

std::string TokenClass(const std::string& w) {
  if (w == "that") return "that";
  if (w == "," || w == "." || w == ":" || w == ";" || w == "--") return "punct";
  if (w == "``" || w == "''" || w == "`" || w == "'") return "quote";
  return "word";
}

void AnalyseErrors(const Example& ex, const std::vector<uint8_t>& predicted,
                   ErrorTable* table, int* shown) {
  const auto gold = LabelSpans(ex.labels), pred = LabelSpans(predicted);
  auto word = [&](int i) {
    return i < 0 || i >= static_cast<int>(ex.tokens.size()) ? std::string("<edge>")
                                                            : ex.tokens[i].norm;
  };
  for (const auto& g : gold) {
    if (std::find(pred.begin(), pred.end(), g) != pred.end()) continue;
    std::vector<std::array<int, 3>> over;
    for (const auto& p : pred) {
      if (p[0] == g[0] && p[1] <= g[2] && g[1] <= p[2]) over.push_back(p);
    }
    std::string what;
    if (over.empty()) {
      bool other = false;
      for (const auto& p : pred) other |= p[1] <= g[2] && g[1] <= p[2];
      what = other ? "missed (other role there)" : "missed (nothing there)";
    } else if (over.size() > 1) {
      what = over.size() == 2 ? "split into 2 pieces" : "split into 3+ pieces";
    } else {
      const auto& p = over[0];
      const int ds = p[1] - g[1], de = p[2] - g[2];
      auto side = [&](const char* name, int d, int gi, int pi) {
        if (d == 0) return std::string();
        // The tokens in one span but not the other at this boundary.
        const int a = std::min(gi, pi), b = std::max(gi, pi);
        std::string cls = b - a == 1 ? TokenClass(word(a)) : "";
        std::string s = std::string(name) + (d < 0 ? "-" : "+");
        s += std::abs(d) == 1 ? "1" : std::abs(d) <= 3 ? "2..3" : ">3";
        if (!cls.empty()) s += "(" + cls + ")";
        return s;
      };
      // Start: tokens between the two starts; end: between the two ends.
      const std::string s1 = side("start", ds, g[1], p[1]);
      const std::string s2 = side("end", de, g[2] + 1, p[2] + 1);
      what = s1.empty() ? s2 : s2.empty() ? s1 : "both ends";
    }
    table->Add(g[0], what);
    if (*shown > 0 && g[0] != 1) {
      --*shown;
      std::printf("  [%s] %s:", kRoles[g[0]], what.c_str());
      for (size_t i = 0; i < ex.tokens.size(); ++i) {
        std::printf(" %s", ex.tokens[i].norm.c_str());
        const uint8_t gl = ex.labels[i], pl = predicted[i];
        if (gl != kO || pl != kO) {
          static const char* kShort[] = {"O", "Bs", "Is", "Bq", "Iq", "Bc", "Ic"};
          std::printf("/%s|%s", kShort[gl], kShort[pl]);
        }
      }
      std::printf("\n");
    }
  }
}

// Token-overlap counts for one article: tokens of the article inside gold
// spans of a role against tokens inside predicted spans of that role.
void ArticleCounts(const BratArticle& a, const std::vector<Statement>& st,
                   std::array<double, 9>* c) {
  std::vector<statements::Token> tokens;
  Tokenize(a.text, 0, a.text.size(), &tokens);
  for (int role = 0; role < 3; ++role) {
    for (const statements::Token& t : tokens) {
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

// Whether a gold source names someone: a capitalised word other than a
// determiner or a pronoun ("Richard Revesz, director of ...", "the EPA";
// not "He", "The company").
bool NamesSomeone(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    const std::string_view w = text.substr(i, j - i);
    if (!w.empty() && std::isupper(static_cast<unsigned char>(w[0]))) {
      bool common = false;
      for (std::string_view c : {"The", "A", "An", "This", "That", "These", "Those", "Some",
                                 "Many", "Other", "Others", "He", "She", "They", "It", "We",
                                 "I", "His", "Her", "Their", "Its", "Our", "My", "Officials"}) {
        common |= w == c;
      }
      if (!common) return true;
    }
    i = j;
  }
  return false;
}

int main(int argc, char** argv) {
  std::string model_path = std::string(NEWSMILL_SOURCE_DIR) + "/models/statements-v1.bin";
  std::string polnear = std::string(NEWSMILL_SOURCE_DIR) + "/../shared/data/polnear";
  std::string dump_path;  // --dump FILE: tokens, gold and predicted labels a line
  int errors = -1;  // --errors N: tabulate missed spans, show N of them
  std::string speakers_path;  // --speakers FILE: the named speakers judged, a line each
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--errors")) errors = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--dump")) dump_path = argv[i + 1];
    if (!std::strcmp(argv[i], "--speakers")) speakers_path = argv[i + 1];
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
  // The tagger's throughput: the median of this run and five more over the
  // sentences (one run is ~0.15 s, at the mercy of whatever else the
  // machine is doing).
  std::vector<double> runs = {CpuSeconds() - t0};
  for (int rep = 0; rep < 5; ++rep) {
    const double r0 = CpuSeconds();
    for (const Example& ex : *sentences) {
      ExtractFeatures(ex.tokens, model->buckets(), &rows);
      Decode(*model, rows, &labels);
    }
    runs.push_back(CpuSeconds() - r0);
  }
  std::sort(runs.begin(), runs.end());
  const double tag_s = runs[runs.size() / 2];
  if (!dump_path.empty()) {
    std::FILE* f = std::fopen(dump_path.c_str(), "w");
    if (!f) {
      std::fprintf(stderr, "statements_bench: cannot write %s\n", dump_path.c_str());
      return 1;
    }
    for (const Example& ex : *sentences) {
      ExtractFeatures(ex.tokens, model->buckets(), &rows);
      Decode(*model, rows, &labels);
      for (size_t i = 0; i < ex.tokens.size(); ++i) {
        std::fprintf(f, "%s%s %d %d", i ? "\t" : "", ex.tokens[i].norm.c_str(), ex.labels[i], labels[i]);
      }
      std::fprintf(f, "\n");
    }
    std::fclose(f);
  }
  if (errors >= 0) {
    ErrorTable table;
    int shown = errors;
    for (const Example& ex : *sentences) {
      ExtractFeatures(ex.tokens, model->buckets(), &rows);
      Decode(*model, rows, &labels);
      AnalyseErrors(ex, labels, &table, &shown);
    }
    for (int r = 0; r < 3; ++r) {
      std::printf("\nmissed %s spans by kind:\n", kRoles[r]);
      std::vector<std::pair<long, std::string>> rows_by;
      for (const auto& [k, v] : table.by_role[r]) rows_by.push_back({-v, k});
      std::sort(rows_by.begin(), rows_by.end());
      for (const auto& [v, k] : rows_by) std::printf("  %5ld  %s\n", -v, k.c_str());
    }
  }
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
  long named = 0, entity_right = 0, entity_none = 0;
  std::FILE* speakers = speakers_path.empty() ? nullptr : std::fopen(speakers_path.c_str(), "w");
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
    // The entities stage first, as the pipeline runs it (not timed).
    EntityOptions entity_options;
    entity_options.language = "en";
    const std::vector<Entity> entities =
        FindEntities(article.text, AnalyzeText(article.text), entity_options);
    const double s0 = CpuSeconds();
    const std::vector<Statement> st = FindStatements(article, entities, options);
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
        // The entity: PolNeAR has no entity ids, so a gold source that
        // names someone (a capitalised word) is the judge: the speaker's
        // entity must have a mention on it.
        const Span& g = at.source.front();
        if (NamesSomeone(a.text.substr(g.begin, g.end - g.begin))) {
          ++named;
          const Entity* e = nullptr;
          for (const Entity& x : entities) {
            if (x.id == s.speaker_entity) e = &x;
          }
          bool on_source = false;
          for (const Span& gs : at.source) {
            for (const ByteSpan& m : e ? e->mentions : std::vector<ByteSpan>{}) {
              on_source |= m.begin < gs.end && gs.begin < m.end;
            }
          }
          entity_right += on_source;
          entity_none += e == nullptr;
          if (speakers) {
            // right|wrong|none <tab> gold source <tab> speaker span <tab>
            // entity <tab> content
            const std::string_view text = a.text;
            const std::string_view said = text.substr(s.speaker.begin, s.speaker.end - s.speaker.begin);
            const std::string_view said_words = text.substr(s.content.begin, s.content.end - s.content.begin);
            std::fprintf(speakers, "%s\t%s\t%.*s\t%s\t%.*s\n",
                         on_source ? "right" : e ? "wrong" : "none",
                         a.text.substr(g.begin, g.end - g.begin).c_str(),
                         static_cast<int>(said.size()), said.data(), e ? e->name.c_str() : "",
                         static_cast<int>(said_words.size()), said_words.data());
          }
        }
        break;
      }
    }
  }
  (void)t1;
  if (speakers) std::fclose(speakers);
  std::printf("\nArticle level, token-overlap (%zu dev articles)\n", articles->size());
  std::printf("%-8s %6s %6s %6s\n", "role", "P", "R", "F1");
  for (int r = 0; r < 3; ++r) {
    const Prf s = Score(c[r * 3], c[r * 3 + 1], c[r * 3 + 2]);
    std::printf("%-8s %6.1f %6.1f %6.1f\n", kRoles[r], s.p, s.r, s.f);
  }
  std::printf("\nspeaker: %ld of %ld statements matching a gold content (%.1f%%) have a "
              "speaker span on the gold source\n",
              speaker_right, matched, matched ? 100.0 * speaker_right / matched : 0);
  std::printf("speaker entity: of %ld of them whose gold source names someone (a capitalised word), "
              "%ld (%.1f%%) resolve to an entity with a mention on that source; %ld (%.1f%%) "
              "to no entity\n",
              named, entity_right, named ? 100.0 * entity_right / named : 0, entity_none,
              named ? 100.0 * entity_none / named : 0);
  std::printf("\nthroughput (one core, CPU time; tagger: median of 6 runs): tagger %.0f sentences/s (%.0f tokens/s); "
              "FindStatements %.0f paragraphs/s\n",
              sentences->size() / tag_s, tokens / tag_s, paragraphs / find_s);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak memory %.1f MiB (model, dev data and all articles)\n", ru.ru_maxrss / 1024.0);
  return 0;
}
