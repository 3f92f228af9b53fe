// Speakers to entities, cues to lemmas and kinds of speech act.
#include <algorithm>
#include <cctype>
#include <cstdint>

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

bool Overlaps(ByteSpan m, ByteSpan span) { return m.begin < span.end && span.begin < m.end; }

// Whether mention `m` is a possessive modifier ("Scholz's office",
// "Putin’s spokesman"): the owner, not the one speaking.
bool Possessive(std::string_view text, ByteSpan m) {
  const std::string_view after = text.substr(std::min(m.end, text.size()));
  return after.starts_with("'s") || after.starts_with("\u2019s") || after.starts_with("' ");
}

// Where the speaker span's first noun phrase ends: at an apposition, a
// relative clause or a prepositional phrase ("Jane Smith, a spokeswoman
// for ...", "Dan McLaughlin at the National Review").
size_t HeadPhraseEnd(std::string_view text, ByteSpan span) {
  const std::string_view s = text.substr(span.begin, span.end - span.begin);
  size_t end = s.size();
  for (std::string_view mark : {",", " (", " --", " \u2014", " \u2013", " who ", " which ",
                                " of ", " for ", " at ", " with ", " from ", " and ", " in ",
                                " on ",
                                // Adjectives after the noun: "people familiar with the
                                // matter", "officials briefed on the talks".
                                " familiar ", " close to ", " briefed ", " involved ",
                                " knowledgeable ", " aware "}) {
    const size_t at = s.find(mark);
    if (at != std::string_view::npos && at > 0) end = std::min(end, at);
  }
  return span.begin + end;
}

// The entity a speaker span names. A mention covering the whole span comes
// first ("Russia's foreign minister" over "Russia"). Then a person: the
// head of the first noun phrase, i.e. its last person that owns nothing
// ("Clinton spokesman Nick Merrill", "Putin's spokesman Dmitry Peskov",
// "Jane Smith, a spokeswoman for the European Commission"; "Scholz's
// office" is still Scholz), else the first person elsewhere in the span
// ("A spokesman for Chancellor Olaf Scholz"; not an owner there: "X, who
// led McAuliffe's team"). Else the largest overlap.
const Entity* BestEntity(std::string_view text, const std::vector<Entity>& entities,
                         ByteSpan span) {
  const size_t head_end = HeadPhraseEnd(text, span);
  const Entity* covering = nullptr;
  const Entity* head = nullptr;        // last person in the head phrase
  const Entity* head_owner = nullptr;  // ... as a possessive
  const Entity* other = nullptr;       // first person after it
  size_t head_at = 0, head_owner_at = 0, other_at = SIZE_MAX;
  const Entity* largest = nullptr;
  size_t largest_overlap = 0;
  for (const Entity& e : entities) {
    for (const ByteSpan& m : e.mentions) {
      if (!Overlaps(m, span)) continue;
      if (m.begin <= span.begin && m.end >= span.end) covering = &e;
      const size_t overlap = std::min(m.end, span.end) - std::max(m.begin, span.begin);
      if (overlap > largest_overlap) {
        largest_overlap = overlap;
        largest = &e;
      }
      if (e.type != EntityType::kPerson) continue;
      const size_t at = std::max(m.begin, span.begin) + 1;  // 0 stays "none"
      const bool owner = Possessive(text, m);
      if (at <= head_end) {
        if (!owner && at > head_at) head_at = at, head = &e;
        if (owner && at > head_owner_at) head_owner_at = at, head_owner = &e;
      } else if (!owner && at < other_at) {
        other_at = at;
        other = &e;
      }
    }
  }
  for (const Entity* e : {covering, head, head_owner, other}) {
    if (e) return e;
  }
  return largest;
}

// "he" -> "male", "she" -> "female"; "" for pronouns that say no gender.
std::string_view PronounGender(std::string_view w) {
  if (w == "he" || w == "him") return "male";
  if (w == "she" || w == "her") return "female";
  return "";
}

const Entity* EntityById(const std::vector<Entity>& entities, std::string_view id) {
  for (const Entity& e : entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

// Whether `e` is mentioned in [from, to).
bool MentionedBetween(const Entity& e, size_t from, size_t to) {
  for (const ByteSpan& m : e.mentions) {
    if (m.begin >= from && m.end <= to) return true;
  }
  return false;
}

// "he added" after a speaker's quotes is that speaker when the pronoun fits
// and no one else the pronoun could be was named since: quote attribution
// runs on the last speaker (a name whose gender the page does not give
// still fits). `coref` is the entities stage's reading of the pronoun.
const Entity* PronounSpeaker(const std::vector<Entity>& entities, const Statement* last_named,
                             std::string_view gender, ByteSpan pronoun, const Entity* coref) {
  if (!last_named || gender.empty()) return coref;
  const Entity* last = EntityById(entities, last_named->speaker_entity);
  if (!last || last->type != EntityType::kPerson || (!last->gender.empty() && last->gender != gender)) {
    return coref;
  }
  if (!coref || coref == last) return last;
  // The entities stage chose someone else: keep it if that one was named
  // after the last speaker.
  return MentionedBetween(*coref, last_named->speaker.end, pronoun.begin) ? coref : last;
}

// The last word of the speaker's first noun phrase, lower case: its head
// ("man" of "A New York man", "supporters" of "Trump's supporters").
std::string HeadWord(std::string_view text, ByteSpan span) {
  const size_t end = HeadPhraseEnd(text, span);
  std::vector<std::string> words = LowerWords(text.substr(span.begin, end - span.begin));
  return words.empty() ? std::string() : std::move(words.back());
}

// Whether a person in the span of a group's speaker is one of the group
// ("Critics of the program, like Senator Patrick Leahy", "Trump's allies,
// including Rudy Giuliani"), not the one it takes a side about ("Trump's
// supporters", "critics of Mr. Trump").
bool NamedAsOneOfThem(std::string_view text, ByteSpan span, const Entity& person) {
  const size_t head_end = HeadPhraseEnd(text, span);
  for (const ByteSpan& m : person.mentions) {
    if (m.begin < head_end || m.begin >= span.end) continue;
    const std::string_view between = text.substr(head_end, m.begin - head_end);
    if (between.find(" like ") != std::string_view::npos ||
        between.find(" including ") != std::string_view::npos ||
        between.find(" such as ") != std::string_view::npos ||
        (between.starts_with(",") && between.find(" of ") == std::string_view::npos)) {
      return true;
    }
  }
  return false;
}

// "he said" after "A New York man said" is that man when the pronoun fits
// him and no one the pronoun could be was named since.
bool SameIndividual(const Statement* individual, std::string_view individual_gender,
                    const Statement* last_named, std::string_view gender, const Entity* coref,
                    ByteSpan pronoun) {
  if (!individual || gender.empty()) return false;
  if (!individual_gender.empty() && individual_gender != gender) return false;
  if (last_named && last_named->speaker.begin > individual->speaker.begin) return false;
  return !coref || !MentionedBetween(*coref, individual->speaker.end, pronoun.begin);
}

// The word a relative "who" right after `begin` refers back to: the last
// word before it, past a comma ("a career Army officer who described",
// "the waitress, who said"), in lower case; empty when none.
std::string WordBeforeRelative(std::string_view text, size_t begin) {
  size_t end = begin;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
  size_t start = end;
  while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
  std::string word(text.substr(start, end - start));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

// Whether the noun phrase a relative "who" at `begin` follows is
// indefinite: "an architect who said", "a bishop who sought" name someone
// new and unnamed. Not an apposition to a name ("Heather Samuelson, a
// campaign staffer who made"), whose "who" is the named person's.
bool IndefiniteBeforeRelative(std::string_view text, size_t begin) {
  size_t end = begin;
  while (end > 0 && text[end - 1] == ' ') --end;
  if (end > 0 && text[end - 1] == ',') --end;  // "an architect, who"
  for (int words = 0; words < 5; ++words) {
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t start = end;
    while (start > 0 && (std::isalpha(static_cast<unsigned char>(text[start - 1])) ||
                         text[start - 1] == '-')) {
      --start;
    }
    if (start == end) return false;  // punctuation ends the phrase
    const std::string_view w = text.substr(start, end - start);
    if (w == "a" || w == "an" || w == "A" || w == "An") {
      size_t before = start;
      while (before > 0 && text[before - 1] == ' ') --before;
      return before == 0 || text[before - 1] != ',';
    }
    end = start;
  }
  return false;
}

}  // namespace

CueInfo LookUpCue(std::string_view cue_text) { return LookUpCue(cue_text, ""); }

CueInfo LookUpCue(std::string_view cue_text, std::string_view language) {
  const std::vector<std::string> words = LowerWords(cue_text);
  CueInfo info;
  if (language == "ja" || language == "zh") {
    // Written without spaces: a cue is several one-character tokens.
    std::string joined;
    for (const std::string& w : words) joined += w;
    if (const statements::CueEntry* e = statements::CueLexicon::Get().Find(joined, language)) {
      return {e->lemma, e->type};
    }
  }
  if (!language.empty() && !statements::IsEnglish(language)) {
    // "по словам", "selon": the marker of "according to" in that language.
    const std::vector<std::string_view> views(words.begin(), words.end());
    if (!views.empty() &&
        statements::CueLexicon::Get().AccordingToLength(language, views) == views.size()) {
      return {"according to", "STATE"};
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "according" && i + 1 < words.size() && words[i + 1] == "to") {
      return {"according to", "STATE"};
    }
    if (const statements::CueEntry* e = statements::CueLexicon::Get().Find(words[i], language)) {
      // "has said": "has" is not a cue, "said" is; "said in a statement":
      // the first cue word is the verb.
      return {e->lemma, e->type};
    }
  }
  if (!words.empty()) {
    // A cue of punctuation ("Lavrov: ‘…’", "“…” –Commissioner X") has no
    // verb, so no lemma.
    const bool punctuation = std::all_of(words.begin(), words.end(), [](const std::string& w) {
      return !w.empty() && !std::isalnum(static_cast<unsigned char>(w[0])) &&
             static_cast<unsigned char>(w[0]) < 0x80;
    });
    if (!punctuation) info.lemma = GuessLemma(words.back());
    info.type = "STATE";
  }
  return info;
}

namespace statements {

void Resolve(std::string_view text, const std::vector<Entity>& entities,
             std::string_view language, std::vector<Statement>* statements) {
  const bool english = statements::IsEnglish(language);
  const CueLexicon& lex = CueLexicon::Get();
  const Statement* last_named = nullptr;
  const Statement* last_individual = nullptr;  // "A New York man said"
  std::string individual_gender;
  for (Statement& s : *statements) {
    if (TimeUp()) break;  // the document's time budget (deadline.h)
    const std::string_view cue = text.substr(s.cue.begin, s.cue.end - s.cue.begin);
    if (!cue.empty()) {
      CueInfo info = LookUpCue(cue, language);
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
    if (s.speaker_reason == "author") continue;  // MarkTheWritersWords
    const std::vector<std::string> words =
        LowerWords(text.substr(s.speaker.begin, s.speaker.end - s.speaker.begin));
    const Entity* e = BestEntity(text, entities, s.speaker);
    std::string gender;
    const bool pronoun = words.size() == 1 && (english ? lex.IsPronoun(words[0])
                                                       : lex.IsPronounIn(words[0], language, &gender));
    if (english && pronoun) gender = PronounGender(words[0]);
    // "A New York man" is one unnamed private person (sources.tsv class
    // individual), who does not speak for the place named in the phrase;
    // "Trump's supporters" (class group) are not Trump.
    std::string gender_of_individual;
    // A "who" no entity stands for takes its antecedent's word as head: "a
    // career Army officer who described" is anonymous.
    const bool relative = english && !e && words.size() == 1 && words[0] == "who";
    const std::string head = relative               ? WordBeforeRelative(text, s.speaker.begin)
                             : english && !pronoun ? HeadWord(text, s.speaker)
                                                   : std::string();
    const bool individual = !head.empty() && lex.IsIndividual(head, &gender_of_individual) &&
                            (!e || e->type != EntityType::kPerson);
    const bool side_takers = !head.empty() && lex.IsSideTaker(head) &&
                             (!e || (e->type == EntityType::kPerson &&
                                     !NamedAsOneOfThem(text, s.speaker, *e)));
    const bool new_individual = relative && IndefiniteBeforeRelative(text, s.speaker.begin);
    if (individual || side_takers || new_individual ||
        (pronoun &&
         SameIndividual(last_individual, individual_gender, last_named, gender, e, s.speaker))) {
      // Unnamed: the span stays, as for "officials said".
      s.speaker_reason = "anonymous";
      if (individual) {
        last_individual = &s;
        individual_gender = gender_of_individual;
      }
      continue;
    }
    if (pronoun) e = PronounSpeaker(entities, last_named, gender, s.speaker, e);
    if (e) {
      s.speaker_entity = e->id;
      s.speaker_name = e->name;
    } else if (pronoun && last_named && gender.empty()) {
      // Without a mention from the entities stage, "they said" is the last
      // named speaker ("he" and "she" were PronounSpeaker's to decide).
      s.speaker_entity = last_named->speaker_entity;
      s.speaker_name = last_named->speaker_name;
    } else if (!words.empty() && (lex.IsAnonymous(words.back()) ||
                                  (!head.empty() && lex.IsAnonymous(head)))) {
      // "officials said", "two people familiar with the matter said" (by the
      // head word). The span stays (the writer prints a null speaker) so that
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

// Whether byte `at` of paragraph `p` is inside double quotation marks
// (an opening mark before it not yet closed; single marks are too often
// apostrophes to count).
bool InsideQuotation(const statements::Paragraph& p, size_t at) {
  bool inside = false;
  for (const statements::Token& t : p.tokens) {
    if (t.begin >= at) break;
    if (t.single_quote) continue;
    if (t.quote == statements::QuoteMark::kOpen) inside = true;
    if (t.quote == statements::QuoteMark::kClose) inside = false;
  }
  return inside;
}

// "I think", "we know" outside quotation marks: the writer of the page
// speaks, not the person named last (the speaker the pronoun rules would
// give). Inside a quotation the "I" is the quoted speaker's and is left
// to Resolve. `spans` are the paragraphs' byte spans, in order.
void MarkTheWritersWords(std::string_view text, const std::vector<ByteSpan>& spans,
                         const std::vector<statements::Paragraph>& paragraphs,
                         std::vector<Statement>* statements) {
  for (Statement& s : *statements) {
    if (s.speaker.end <= s.speaker.begin) continue;
    std::string word(text.substr(s.speaker.begin, s.speaker.end - s.speaker.begin));
    for (char& c : word) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    // "We've", "I’m": the pronoun before its contracted verb.
    for (std::string_view apostrophe : {"'", "\u2019"}) {
      if (const size_t at = word.find(apostrophe); at != std::string::npos) word.resize(at);
    }
    if (word != "i" && word != "we") continue;
    const auto after = std::upper_bound(spans.begin(), spans.end(), s.speaker.begin,
                                        [](size_t at, const ByteSpan& b) { return at < b.begin; });
    if (after == spans.begin()) continue;
    const size_t k = static_cast<size_t>(after - spans.begin()) - 1;
    if (s.speaker.begin >= spans[k].end || InsideQuotation(paragraphs[k], s.speaker.begin)) {
      continue;
    }
    s.speaker_reason = "author";
  }
}

}  // namespace

std::vector<Statement> FindStatements(const Article& article,
                                      const std::vector<Entity>& entities,
                                      const StatementOptions& options) {
  // The tagger reads English only (StatementOptions::language).
  const bool english = statements::IsEnglish(options.language);
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
    if (options.model && english && s.end - s.begin <= options.max_paragraph_bytes) {
      statements::ExtractFeatures(p.tokens, options.model->buckets(), &rows);
      statements::Decode(*options.model, rows, &p.labels);
    }
  }
  std::vector<Statement> out = statements::Assemble(article.text, paragraphs, options);
  if (english) MarkTheWritersWords(article.text, spans, paragraphs, &out);
  statements::Resolve(article.text, entities, options.language, &out);
  // A perception or belief that nobody holds is no statement: "This rumor
  // appears to be false", "NASA is expected to launch", "it seems like".
  std::erase_if(out, [](const Statement& s) {
    return s.speaker_reason == "none" && s.type == "BELIEVE";
  });
  return out;
}

namespace {

// The article's entity a headline's speaker names: one whose name is the
// speaker's words or ends with its last word ("Lavrov" is Sergey Lavrov,
// "Russia" is Russia), a person first. The headline is not in the text, so
// no mention can say.
const Entity* EntityNamed(std::string_view speaker, const std::vector<Entity>& entities) {
  const std::vector<std::string> words = LowerWords(speaker);
  if (words.empty()) return nullptr;
  const std::string& last = words.back();
  const Entity* found = nullptr;
  for (const Entity& e : entities) {
    const std::vector<std::string> name = LowerWords(e.name);
    if (name.empty()) continue;
    const bool whole = name == words;
    const bool surname = name.back() == last && e.type == EntityType::kPerson;
    if (!whole && !surname) continue;
    if (!found || (e.type == EntityType::kPerson && found->type != EntityType::kPerson)) found = &e;
  }
  return found;
}

// Headlines drop words and use verbs loosely: a colon attributes only
// quoted words ("Lavrov: ‘…’", not "Michael Webb: Dramatic video shows
// ..."), and a verb only when the cue lexicon knows a word of it and it is
// no verb that headlines use for deeds ("NASA adds five companies",
// "Mourinho agrees deal").
bool HeadlineCue(std::string_view title, const Statement& s, std::string_view language) {
  const std::string_view cue = title.substr(s.cue.begin, s.cue.end - s.cue.begin);
  if (cue == ":" || cue == "--" || cue.empty()) return s.kind != StatementKind::kIndirect;
  bool known = false;
  for (const std::string& w : LowerWords(cue)) {
    known |= statements::CueLexicon::Get().Find(w, language) != nullptr;
  }
  return known && s.cue_lemma != "add" && s.cue_lemma != "agree";
}

}  // namespace

std::vector<Statement> FindHeadlineStatements(std::string_view title,
                                              const std::vector<Entity>& entities,
                                              const StatementOptions& options) {
  Article headline;
  headline.text = std::string(title);
  headline.blocks.push_back({BlockKind::kParagraph, {0, headline.text.size()}});
  std::vector<Statement> out;
  for (Statement& s : FindStatements(headline, {}, options)) {
    // A headline's quote with no one named ("‘He died in my hands’: 3
    // killed") or a colon after a topic ("Delhi air pollution: The law
    // that ...") is not someone's statement.
    if (s.speaker.end <= s.speaker.begin || !s.speaker_reason.empty()) continue;
    if (!HeadlineCue(title, s, options.language)) continue;
    const std::string_view speaker = title.substr(s.speaker.begin, s.speaker.end - s.speaker.begin);
    const Entity* e = EntityNamed(speaker, entities);
    if (!e) continue;
    s.speaker_entity = e->id;
    s.speaker_name = e->name;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace newsmill
