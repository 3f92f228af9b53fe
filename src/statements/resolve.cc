// Speakers to entities, cues to lemmas and kinds of speech act.
#include <algorithm>
#include <cctype>

#include "newsmill/deadline.h"
#include "statements/assemble.h"
#include "statements/cue_lexicon.h"
#include "statements/tagger.h"
#include "statements/tokenize.h"

namespace newsmill {
namespace {

std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<statements::Token> tokens;
  statements::Tokenize(text, 0, text.size(), &tokens);
  std::vector<std::string> out;
  for (const statements::Token& t : tokens) out.push_back(t.norm);
  return out;
}

// A crude lemma for a cue word the lexicon lacks: "lauded" -> "laud".
std::string GuessLemma(std::string w) {
  if (w.size() > 5 && w.ends_with("ing")) return w.substr(0, w.size() - 3);
  if (w.size() > 4 && w.ends_with("ed")) return w.substr(0, w.size() - 2);
  if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss")) return w.substr(0, w.size() - 1);
  return w;
}

// Offers: "would be willing to talk", "is ready for negotiations".
bool SoundsLikeOffer(std::string_view content) {
  std::string lower(content);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view w : {"willing to", "ready to", "prepared to", "open to talk",
                             "open for talk", "offered to", "ready for talk"}) {
    const size_t at = lower.find(w);
    if (at == std::string::npos) continue;
    // "not willing to", "n't ready to" refuse rather than offer.
    const std::string before = lower.substr(at >= 8 ? at - 8 : 0, at >= 8 ? 8 : at);
    if (before.find("not ") == std::string::npos && before.find("n't") == std::string::npos &&
        before.find("n’t") == std::string::npos) {
      return true;
    }
  }
  return false;
}

const Entity* BestEntity(const std::vector<Entity>& entities, ByteSpan span) {
  const Entity* best = nullptr;
  long best_score = 0;
  for (const Entity& e : entities) {
    for (const ByteSpan& m : e.mentions) {
      const long overlap = static_cast<long>(std::min(m.end, span.end)) -
                           static_cast<long>(std::max(m.begin, span.begin));
      if (overlap <= 0) continue;
      // A mention covering the whole speaker span beats partial overlaps
      // ("Russia's foreign minister" over "Russia").
      const bool covers = m.begin <= span.begin && m.end >= span.end;
      const long score = overlap + (covers ? 1 << 20 : 0);
      if (score > best_score) {
        best_score = score;
        best = &e;
      }
    }
  }
  return best;
}

}  // namespace

CueInfo LookUpCue(std::string_view cue_text) {
  const std::vector<std::string> words = LowerWords(cue_text);
  CueInfo info;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "according" && i + 1 < words.size() && words[i + 1] == "to") {
      return {"according to", "STATE"};
    }
    if (const statements::CueEntry* e = statements::CueLexicon::Get().Find(words[i])) {
      // "has said": "has" is not a cue, "said" is; "said in a statement":
      // the first cue word is the verb.
      return {e->lemma, e->type};
    }
  }
  if (!words.empty()) {
    info.lemma = words.size() == 1 && !std::isalpha(static_cast<unsigned char>(words[0][0]))
                     ? words[0]
                     : GuessLemma(words.back());
    info.type = "STATE";
  }
  return info;
}

namespace statements {

void Resolve(std::string_view text, const std::vector<Entity>& entities,
             std::vector<Statement>* statements) {
  const CueLexicon& lex = CueLexicon::Get();
  const Statement* last_named = nullptr;
  for (Statement& s : *statements) {
    if (TimeUp()) break;  // the document's time budget (deadline.h)
    const std::string_view cue = text.substr(s.cue.begin, s.cue.end - s.cue.begin);
    if (!cue.empty()) {
      CueInfo info = LookUpCue(cue);
      s.cue_lemma = info.lemma;
      s.type = info.type;
    } else {
      s.type = "STATE";
    }
    const std::string_view content = text.substr(s.content.begin, s.content.end - s.content.begin);
    if ((s.type == "STATE" || s.type == "ASSERT" || s.type == "BELIEVE") && SoundsLikeOffer(content)) {
      s.type = "OFFER";
    }
    if (s.speaker.end <= s.speaker.begin) {
      s.speaker = {};
      s.speaker_reason = "none";
      continue;
    }
    const std::vector<std::string> words =
        LowerWords(text.substr(s.speaker.begin, s.speaker.end - s.speaker.begin));
    if (const Entity* e = BestEntity(entities, s.speaker)) {
      s.speaker_entity = e->id;
      s.speaker_name = e->name;
    } else if (words.size() == 1 && lex.IsPronoun(words[0]) && last_named) {
      // Without a mention from the entities stage, "he said" is the last
      // named speaker.
      s.speaker_entity = last_named->speaker_entity;
      s.speaker_name = last_named->speaker_name;
    } else if (!words.empty() && lex.IsAnonymous(words.back())) {
      // The span stays (the writer prints a null speaker) so that
      // benchmarks can still score it.
      s.speaker_reason = "anonymous";
      continue;
    }
    if (!s.speaker_name.empty()) last_named = &s;
  }
}

}  // namespace statements

namespace {

void ParagraphsOf(const Article& article, std::vector<ByteSpan>* out) {
  if (!article.blocks.empty()) {
    for (const Block& b : article.blocks) out->push_back(b.span);
    return;
  }
  const std::string& text = article.text;
  for (size_t start = 0; start < text.size();) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (nl > start) out->push_back({start, nl});
    start = nl + 1;
  }
}

}  // namespace

std::vector<Statement> FindStatements(const Article& article,
                                      const std::vector<Entity>& entities,
                                      const StatementOptions& options) {
  std::vector<ByteSpan> spans;
  ParagraphsOf(article, &spans);
  std::vector<statements::Paragraph> paragraphs(spans.size());
  statements::FeatureRows rows;
  for (size_t i = 0; i < spans.size(); ++i) {
    statements::Paragraph& p = paragraphs[i];
    const ByteSpan s = spans[i];
    if (s.end > article.text.size() || s.begin >= s.end) continue;
    statements::Tokenize(article.text, s.begin, s.end, &p.tokens);
    statements::ResolveQuotes(&p.tokens);
    p.labels.assign(p.tokens.size(), statements::kO);
    if (options.model && s.end - s.begin <= options.max_paragraph_bytes) {
      statements::ExtractFeatures(p.tokens, options.model->buckets(), &rows);
      statements::Decode(*options.model, rows, &p.labels);
    }
  }
  std::vector<Statement> out = statements::Assemble(article.text, paragraphs, options);
  statements::Resolve(article.text, entities, &out);
  return out;
}

}  // namespace newsmill
