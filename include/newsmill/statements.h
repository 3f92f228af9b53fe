// Statements: who said what. Finds direct, mixed and indirect statements in
// an article, with the speaker (resolved to an entity), the cue and the kind
// of speech act.
//
// Usage:
//   const newsmill::StatementModel* model = newsmill::DefaultStatementModel();
//   newsmill::StatementOptions options;
//   options.model = model;  // nullptr: rules only (quotation marks, cues)
//   record.statements = newsmill::FindStatements(record.article,
//                                                record.entities, options);
//
// Spans are byte ranges into article.text. A learned tagger (an averaged
// structured perceptron, docs/statements.md) marks source, cue and content
// spans paragraph by paragraph; rules find quotations, join the parts of a
// quote interrupted by its attribution, carry a speaker across paragraphs,
// drop scare quotes and resolve speakers to entities.
//
// Thread safety: FindStatements may run on many threads with one model; a
// model is immutable once loaded.
#ifndef NEWSMILL_STATEMENTS_H_
#define NEWSMILL_STATEMENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/article.h"
#include "newsmill/record.h"
#include "newsmill/status.h"

namespace newsmill {

// The tagger's weights. Format version 1 (docs/statements.md): a header
// "NMSTMT1\n", then little-endian uint32 version, labels, buckets, feature
// set; float transitions[(labels + 1) * labels]; float scale; int16
// weights[buckets * labels] (weight = value * scale).
class StatementModel {
 public:
  static constexpr uint32_t kVersion = 1;
  static constexpr uint32_t kLabels = 7;  // O, B/I-source, B/I-cue, B/I-content
  static constexpr uint32_t kDefaultBuckets = 1u << 18;

  // Zero weights with `buckets` hash buckets (a power of two).
  explicit StatementModel(uint32_t buckets = kDefaultBuckets);

  // Errors: kNotFound / kIoError for the file, kCorrupt when the bytes are
  // not a version-1 model.
  static Result<StatementModel> Load(const std::string& path);
  static Result<StatementModel> FromBytes(std::string_view bytes);
  std::string ToBytes() const;
  Status Save(const std::string& path) const;

  uint32_t buckets() const { return buckets_; }
  // The weights of a model built in memory (the trainer's), which the
  // tagger reads as they are and ToBytes quantizes: weights[bucket * kLabels
  // + label]. Empty in a loaded model, which keeps the file's int16 values
  // instead (rows()). transitions[(prev + 1) * kLabels + label], prev = -1
  // at the start of a paragraph.
  std::vector<float>& weights() { return weights_; }
  const std::vector<float>& weights() const { return weights_; }
  std::vector<float>& transitions() { return transitions_; }
  const std::vector<float>& transitions() const { return transitions_; }

  // A loaded model's weights as the file stores them (weight = value *
  // scale()), a row per bucket: the labels' values and a zero, 16 bytes,
  // so that the tagger reads one cache line per feature (Int16Weights in
  // src/statements/tagger.h).
  static constexpr uint32_t kRowWidth = 8;
  struct alignas(16) Row {
    int16_t w[kRowWidth];
  };
  const std::vector<Row>& rows() const { return rows_; }
  float scale() const { return scale_; }

 private:
  uint32_t buckets_;
  std::vector<float> weights_;
  std::vector<float> transitions_;
  std::vector<Row> rows_;
  float scale_ = 1.0f;
};

// The shipped model, loaded once: $NEWSMILL_MODEL_DIR/statements-v1.bin if
// that variable is set, else models/statements-v1.bin of the source tree
// newsmill was built from. nullptr when neither loads (rules only).
const StatementModel* DefaultStatementModel();

struct StatementOptions {
  // The tagger; nullptr finds quotations and cue patterns by rules only.
  const StatementModel* model = nullptr;
  // Quoted words with no cue and no speaker nearby and at most this many
  // words are scare quotes, not statements (4).
  size_t max_scare_quote_words = 4;
  // Paragraphs longer than this many bytes are not tagged (20000): a page
  // without paragraph breaks would make one huge sequence.
  size_t max_paragraph_bytes = 20000;
  // The text's language (ISO 639-1; "" when unknown, read as English). The
  // tagger is trained on English news: in another language only the rules
  // for quotations run, with that language's cues (data/statements/
  // cues_intl.tsv: de, fr, es, it, pt, nl, ru, uk, ja, zh, ko), and cue
  // lemmas and types are the English ones ("sagte" -> say, STATE).
  std::string language;
};

// Statements of `article`, in text order. `entities` (may be empty) are the
// entities stage's output: a speaker resolves to the entity whose mention
// covers or best overlaps the speaker span.
std::vector<Statement> FindStatements(const Article& article,
                                      const std::vector<Entity>& entities,
                                      const StatementOptions& options);

// Statements in the headline (`title`, not part of article.text):
// "Russia: West Directly Involved in Ukraine War", "Lavrov: ‘We don’t shun
// contacts’", "Biden says he would talk to Putin". Spans are byte ranges
// into `title`. Only statements whose speaker names an entity of the
// article (`entities`, by name: "Lavrov" is Sergey Lavrov) are kept, so a
// colon after a topic ("Delhi air pollution: The law ...") gives none.
std::vector<Statement> FindHeadlineStatements(std::string_view title,
                                              const std::vector<Entity>& entities,
                                              const StatementOptions& options);

// Lemma and speech-act type of a cue phrase ("also said" -> say, STATE;
// "urged" -> urge, DEMAND). Empty strings when no word of it is a known cue.
struct CueInfo {
  std::string lemma;
  std::string type;
};
CueInfo LookUpCue(std::string_view cue_text);
// The same for a cue of a text in `language` ("a déclaré", "fr" -> declare).
CueInfo LookUpCue(std::string_view cue_text, std::string_view language);

}  // namespace newsmill

#endif  // NEWSMILL_STATEMENTS_H_
