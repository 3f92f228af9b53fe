// Names: capitalised runs cut into names and typed (see entities.h).
#include <algorithm>

#include "common/utf8.h"
#include "entities/document.h"

namespace newsmill::entities {
namespace {

bool IsParticle(std::string_view w) {
  static const SvSet* kParticles = new SvSet{
      "de", "del", "della", "di", "da", "das", "dos", "du", "van", "von", "der", "den",
      "ter", "la", "le", "bin", "ibn", "al", "el", "ben", "abu", "bint", "y", "zu"};
  return kParticles->contains(w);
}

// Whether capitals mean what they mean in English: the rules for names no
// list knows read them so (see EntityOptions::language).
bool EnglishCapitals(const Doc& doc) {
  const std::string& language = doc.options->language;
  return language.empty() || language == "en";
}

bool IsRomanOrNumber(std::string_view w) {
  return !w.empty() && w.find_first_not_of("IVX0123456789") == std::string_view::npos;
}

// A line of two or more words all in capitals ("NISSAN SENTRA"): a
// heading set in capitals.
bool AllCapitals(const Doc& doc, const Sentence& s) {
  int words = 0;
  for (size_t i = s.token_begin; i < s.token_end; ++i) {
    if (doc.token(i).kind != TokenKind::kWord) continue;
    if (!doc.token(i).all_upper) return false;
    ++words;
  }
  return words >= 2;
}

// A title-case line: a headline or a list of names, where capitals say
// nothing about names.
bool IsHeadline(const Doc& doc, const Sentence& s) {
  int long_words = 0;
  int capitalised = 0;
  for (size_t i = s.token_begin; i < s.token_end; ++i) {
    if (doc.token(i).kind != TokenKind::kWord || doc.words[i].size() < 4) continue;
    ++long_words;
    capitalised += doc.token(i).upper_initial;
  }
  if (AllCapitals(doc, s)) return true;
  if (long_words < 3) return false;
  return capitalised * 4 >= long_words * 3 && doc.words[s.token_end - 1] != ".";
}

// Adjectives and ordinals of the common words that open names ("Big
// Machine", "First Amendment", "Old Trafford"): such a name is no person.
bool IsNameModifier(std::string_view word) {
  static const SvSet* kModifiers = new SvSet{"New",  "Old",  "Big",   "Small",  "Major", "Key",
                                             "Top",  "First", "Second", "Third", "Last",  "Next"};
  return kModifiers->contains(word);
}

class NameFinder {
 public:
  explicit NameFinder(Doc* doc) : doc_(*doc), lex_(Lexicon::Get()), w_(doc->words_view()) {}

  void Sentence(const newsmill::Sentence& s, bool headline) {
    headline_ = headline;
    sentence_begin_ = s.token_begin;
    const size_t e = s.token_end;
    size_t i = s.token_begin;
    while (i < e) {
      if (!IsNameToken(doc_, i)) {
        ++i;
        continue;
      }
      size_t j = RunEnd(i, e);
      // Drop function words and the like that open a run ("The", "On"),
      // but not a modifier capitalised inside a sentence: it is part of
      // the name ("label Big Machine", "the First Amendment").
      while (i < j && lex_.IsCommonWord(doc_.words[i]) && !PhraseAt(i, e) &&
             !lex_.FirstNameGender(doc_.words[i]) &&
             !(i + 1 < j && OpensNameInside(i))) {
        ++i;
      }
      if (i < j) Run(i, j, e);
      i = std::max(j, i + 1);
    }
  }

 private:
  // A modifier that opens a name when capitalised inside a sentence (not
  // at its start, after an opening quote or in a headline).
  bool OpensNameInside(size_t i) const {
    return !headline_ && i != sentence_begin_ && !AfterOpeningQuote(i) &&
           IsNameModifier(doc_.words[i]);
  }

  // The end of the capitalised run at i, across particles ("Ursula von der
  // Leyen") and across "of" after a head word ("Battle of Stalingrad").
  size_t RunEnd(size_t i, size_t e) const {
    size_t j = i;
    while (j < e) {
      if (IsNameToken(doc_, j)) {
        ++j;
        continue;
      }
      size_t k = j;
      while (k < e && IsParticle(doc_.words[k])) ++k;
      if (k > j && k < e && IsNameToken(doc_, k)) {
        j = k;
        continue;
      }
      if (doc_.lower_words[j] == "of" && j > i && j + 1 < e && IsNameToken(doc_, j + 1) &&
          (lex_.Head(doc_.words[j - 1], HeadPosition::kOf) || TitleSpans(j - 1, j + 1, e))) {
        j += 1;
        continue;
      }
      break;
    }
    return j;
  }

  const PhraseEntry* PhraseAt(size_t i, size_t e, size_t* len = nullptr) const {
    size_t n = 0;
    const PhraseEntry* p = lex_.MatchPhrase(w_, i, e, &n);
    if (len) *len = n;
    return p;
  }

  // A title that starts at i and reaches token `through` ("Secretary of
  // State").
  bool TitleSpans(size_t i, size_t through, size_t e) const {
    size_t n = 0;
    return lex_.MatchTitle(w_, i, e, &n) != nullptr && i + n > through;
  }

  bool TitleAt(size_t i, size_t e) const {
    size_t n = 0;
    return lex_.MatchTitle(w_, i, e, &n) != nullptr;
  }

  // A one-word title that is a surname too and the run's last token
  // ("Charlie King"; not "Hollywood Reporter").
  bool TitleEndsRun(size_t i, size_t e) const {
    size_t n = 0;
    const TitleEntry* t = i + 1 == e ? lex_.MatchTitle(w_, i, e, &n) : nullptr;
    return t && n == 1 && t->surname;
  }

  void Add(size_t b, size_t e, EntityType type, bool typed, const PhraseEntry* entry) {
    Piece p;
    p.begin = b;
    p.end = e;
    p.type = type;
    p.typed = typed;
    p.entry = entry;
    p.headline = headline_;
    p.sentence_initial = b == sentence_begin_ || AfterOpeningQuote(b);
    doc_.pieces.push_back(p);
  }

  // A quotation opens a sentence of its own: "“Nobody is against ...”"
  // capitalises "Nobody" as a sentence start would.
  bool AfterOpeningQuote(size_t b) const {
    if (b == 0 || doc_.token(b - 1).kind != TokenKind::kPunct) return false;
    // An opening mark touches the word after it; a closing one ("Titan,\"
    // Lopes said") is followed by a space.
    if (doc_.token(b - 1).span.end != doc_.token(b).span.begin) return false;
    const std::string_view q = doc_.words[b - 1];
    return q == "\u201C" || q == "\u201E" || q == "\u00AB" || q == "\u2018" || q == "\"" ||
           q == "'" || q == "\u300C";
  }

  // The whole run [b, e) is one name when a head word types it.
  bool WholeRun(size_t b, size_t e) {
    if (e - b < 2) return false;
    size_t last = e - 1;
    if (IsRomanOrNumber(doc_.words[last]) && last > b) --last;  // "World War II"
    std::optional<EntityType> type = lex_.Head(doc_.words[last], HeadPosition::kLast);
    if (!type) type = lex_.Head(doc_.words[b], HeadPosition::kFirst);
    if (!type) return false;
    // Leading titles and adjectives of nationality stay out: "Russian
    // Foreign Ministry" is one name, "Foreign Minister X" is not a run
    // with a head.
    Add(b, e, *type, true, nullptr);
    return true;
  }

  // "the Battle of Stalingrad", "Ministry of Foreign Affairs": from the
  // head word before "of" to the end.
  bool OfHead(size_t b, size_t e) {
    for (size_t k = b + 1; k + 1 < e; ++k) {
      if (doc_.lower_words[k] != "of") continue;
      const std::optional<EntityType> type = lex_.Head(doc_.words[k - 1], HeadPosition::kOf);
      if (!type) continue;
      size_t start = k - 1;
      // "Central Bank of Russia": plain capitalised words before the head.
      while (*type == EntityType::kOrg && start > b && !PhraseAt(start - 1, e) &&
             !TitleAt(start - 1, e) && !lex_.IsCommonWord(doc_.words[start - 1])) {
        --start;
      }
      // The name ends where a title or a given name starts ("Bank of
      // England Governor Andrew Bailey").
      size_t end = k + 1;
      while (end < e && !(end > k + 1 && (TitleAt(end, e) || lex_.FirstNameGender(doc_.words[end])))) {
        ++end;
      }
      if (start > b) Segment(b, start, e);
      Add(start, end, *type, true, nullptr);
      if (end < e) Segment(end, e, e);
      return true;
    }
    return false;
  }

  void Run(size_t b, size_t e, size_t sentence_end) {
    size_t len = 0;
    const PhraseEntry* whole = PhraseAt(b, e, &len);
    if (whole && len == e - b) {
      Add(b, e, whole->type, true, whole);
      return;
    }
    if (OfHead(b, e) || WholeRun(b, e)) return;
    Segment(b, e, sentence_end);
  }

  // Cuts a run into titles (skipped), gazetteer names and other names.
  void Segment(size_t b, size_t e, size_t sentence_end) {
    size_t k = b;
    bool after_honorific = false;
    while (k < e) {
      size_t len = 0;
      const bool first_name = lex_.FirstNameGender(doc_.words[k]) != 0;
      const TitleEntry* title = first_name ? nullptr : lex_.MatchTitle(w_, k, e, &len);
      // A title word that is a surname too, after "Mr." and ending the run,
      // is the surname ("Mr. King", "Ms. Bishop"; not "Mr. President").
      if (title && !(after_honorific && k + len == e && title->surname)) {
        after_honorific = title->honorific;
        k += len;
        continue;
      }
      after_honorific = false;
      if (title) {
        AddName(k, e);
        return;
      }
      if (doc_.lower_words[k].starts_with("ex-")) {  // "Ex-President"
        ++k;
        continue;
      }
      const PhraseEntry* p = PhraseAt(k, e, &len);
      // "Manchester United", "Texas Instruments": a place and words that
      // name nothing by themselves make one organisation. Not a place that
      // is a given name too before a word that is no common word: "Mary
      // Jones" (Mary is a region of Turkmenistan), "Victoria Beckham"; but
      // "Charlotte Observer", "Virginia Tech".
      const bool given_name_first = first_name && len == 1 &&
                                    !lex_.IsDictionaryWordOnly(doc_.lower_words[e - 1]);
      if (p && (p->type == EntityType::kGpe || p->type == EntityType::kLoc) && k + len < e &&
          PlainTail(k + len, e) && !given_name_first) {
        Add(k, e, EntityType::kOrg, true, nullptr);
        return;
      }
      // "Jordan Peterson": a given name before a capitalised word is a name.
      if (p && !(first_name && len == 1 && k + 1 < e && !PhraseAt(k + 1, e))) {
        Add(k, k + len, p->type, true, p);
        k += len;
        continue;
      }
      // The name runs to a place, an organisation or a title; a title word
      // that ends the run is the name's last word ("Charlie King").
      // Elsewhere than in English, where the lists know few titles, a
      // given name after other capitalised words starts the name
      // ("Bundeskanzler Olaf Scholz", "Premier ministre François Bayrou").
      const bool split_at_given_name = !first_name && !EnglishCapitals(doc_);
      size_t m = k + 1;
      while (m < e && (first_name || (!PhraseAt(m, e) && (!TitleAt(m, e) || TitleEndsRun(m, e)) &&
                                      !(split_at_given_name && m + 1 < e &&
                                        lex_.FirstNameGender(doc_.words[m]))))) {
        ++m;
      }
      while (m > k + 1 && IsParticle(doc_.words[m - 1])) --m;
      AddName(k, m);
      k = m;
    }
    (void)sentence_end;
  }

  // Tokens [b, e) are capitalised words that are no title, place, given
  // name or common word.
  bool PlainTail(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k) {
      if (TitleAt(k, e) || PhraseAt(k, e) || lex_.FirstNameGender(doc_.words[k]) ||
          lex_.IsCommonWord(doc_.words[k]) || IsParticle(doc_.words[k])) {
        return false;
      }
    }
    return true;
  }

  void AddName(size_t b, size_t e) {
    Add(b, e, EntityType::kMisc, false, nullptr);
    Piece& p = doc_.pieces.back();
    const char gender = lex_.FirstNameGender(doc_.words[b]);
    // "von", "de", "der" inside a run make a name of it in English text; in
    // German or Dutch they are prepositions and articles.
    bool particle = false;
    for (size_t k = b + 1; k + 1 < e && EnglishCapitals(doc_); ++k) {
      particle |= IsParticle(doc_.words[k]);
    }
    if (e - b == 1 && doc_.token(b).all_upper && doc_.words[b].size() <= 6) {
      p.type = EntityType::kOrg;  // an acronym: "FIFA", "UNHCR"
      p.typed = true;
    } else if ((gender && e - b >= 2) || particle) {
      p.type = EntityType::kPerson;
      p.typed = true;
      p.gender = gender ? gender : '-';
    } else if (b >= 2 && doc_.lower_words[b - 1] == "of" &&
               (doc_.lower_words[b - 2] == "city" || doc_.lower_words[b - 2] == "town" ||
                doc_.lower_words[b - 2] == "village")) {
      p.type = EntityType::kGpe;  // "the city of Stalingrad"
      p.typed = true;
    }
  }

  Doc& doc_;
  const Lexicon& lex_;
  Words w_;
  bool headline_ = false;
  size_t sentence_begin_ = 0;
};

std::string_view PieceText(const Doc& doc, const Piece& p) {
  return SpanText(doc.text, doc.Span(p.begin, p.end));
}

bool FollowedBySpeechVerb(const Doc& doc, const Piece& p) {
  size_t i = p.end;
  if (i < doc.size() && doc.token(i).kind == TokenKind::kPossessive) return false;
  if (i < doc.size() && (doc.lower_words[i] == "also" || doc.lower_words[i] == "has")) ++i;
  return i < doc.size() && IsSpeechVerb(doc.lower_words[i]);
}

// "“...,” said Smith": a speech verb right before the name.
bool PrecededBySpeechVerb(const Doc& doc, const Piece& p) {
  if (p.begin == 0) return false;
  const std::string_view w = doc.lower_words[p.begin - 1];
  return w == "said" || w == "says" || w == "added" || w == "asked";
}

// "Smith said", "Lavrov replied", "said Smith": one unknown capitalised
// word speaking is a person. Opening a sentence, a plural-looking word is
// more likely a common noun ("Protesters said"), so that one is left.
bool SpeakingName(const Doc& doc, const Piece& p) {
  if (p.end - p.begin != 1) return false;
  const std::string_view w = doc.lower_words[p.begin];
  const bool plural = w.size() > 3 && w.ends_with('s') && !w.ends_with("ss") &&
                      !w.ends_with("us") && !w.ends_with("is");
  if (p.sentence_initial && plural) return false;
  return FollowedBySpeechVerb(doc, p) || (!p.sentence_initial && PrecededBySpeechVerb(doc, p));
}

// An unknown name of two or three words with a word a dictionary has only
// as a common word, first or last ("Smart Keyboard", "Border Protection",
// "Fort Worth", "Face ID", "Bay Area"), names a thing or a place, not a
// person. Unless its last word comes alone elsewhere on the page, as
// surnames do ("Elon Musk" ... "Musk said"), or a given name follows the
// common word ("Administrator Jim Bridenstine"). On the AEB pages this
// untyped 464 of the 787 such names typed as people, most not people.
bool NamesAThing(const Doc& doc, const Piece& p, const SvSet& alone) {
  const Lexicon& lex = Lexicon::Get();
  bool given_name = false;
  for (size_t k = p.begin + 1; k < p.end; ++k) given_name |= lex.FirstNameGender(doc.words[k]) != 0;
  const bool common = lex.IsDictionaryWordOnly(doc.lower_words[p.end - 1]) ||
                      (!given_name && lex.IsDictionaryWordOnly(doc.lower_words[p.begin]));
  return common && !alone.contains(doc.words[p.end - 1]);
}

// Whether a plural verb follows the name, with no "and" before it that
// would make it one of several: "Tottenham Hotspur have appointed",
// "Manchester United are": a team or a company in British usage, not a
// person.
bool TakesPluralVerb(const Doc& doc, const Piece& p) {
  if (p.end >= doc.size() || doc.sentence_of[p.end] != doc.sentence_of[p.begin]) return false;
  const std::string_view verb = doc.lower_words[p.end];
  if (verb != "have" && verb != "are" && verb != "were") return false;
  if (p.begin == 0) return true;
  const std::string_view before = doc.lower_words[p.begin - 1];
  return before != "and" && before != "&" && before != "," && before != "or" &&
         before != "nor";
}

// Whether the first and last words of a name typed a person by default
// look like a given name and a surname: no common word ("National Mall",
// "Getting Disney+ right"), no acronym or digits ("Roth IRA", "Super
// PACs", "FC Porto", "PS4 DualShock", "Radeon Pro 5500M"), no initial
// standing for a word ("N. Korea"), no hyphen joining capitals ("Wi-Fi").
bool WordsOfAPersonsName(const Doc& doc, const Piece& p) {
  const Lexicon& lex = Lexicon::Get();
  for (const size_t i : {p.begin, p.end - 1}) {
    const std::string_view w = doc.words[i];
    if (lex.IsDictionaryWordOnly(doc.lower_words[i])) return false;
    if (w.size() >= 2 && w[1] >= 'A' && w[1] <= 'Z') return false;
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    if (doc.token(i).kind == TokenKind::kAbbreviation && w.size() <= 2) return false;
    const size_t hyphen = w.find('-');
    if (hyphen != std::string_view::npos && hyphen + 1 < w.size() && w[hyphen + 1] >= 'A' &&
        w[hyphen + 1] <= 'Z' && w.size() - hyphen <= 3) {
      return false;  // "Wi-Fi", not "Ocasio-Cortez"
    }
  }
  return true;
}

// Whether an office held in a company follows the name, maybe after a
// possessive: "SoftBank CEO Masayoshi Son", "WeWork's founder", "T-Mobile
// chief executive". Such a name is an organisation.
bool NamesAnEmployer(const Doc& doc, const Piece& p) {
  const size_t end = doc.sentence_at(p.begin).token_end;
  size_t k = p.end;
  if (k < end && doc.token(k).kind == TokenKind::kPossessive) ++k;
  if (k >= end) return false;
  size_t len = 0;
  const TitleEntry* t = Lexicon::Get().MatchTitle(doc.words_view(), k, end, &len);
  return t != nullptr && t->company;
}

// The speakers of a transcript, in lower case: words in capitals of three
// letters or more that open turns ("WALLACE:"), on a page with two turns or
// more. They are people even when the page never names them in full; words
// the dictionary has only in lower case ("MODERATOR:", "UPDATE:") are not.
SvSet TranscriptSpeakers(const Doc& doc) {
  SvSet speakers;
  size_t turns = 0;
  for (const Piece& p : doc.pieces) {
    if (p.entry || p.end - p.begin != 1 || !OpensATurn(doc, p.begin) ||
        !doc.token(p.begin).all_upper ||
        utf8::CountCodePoints(doc.words[p.begin]) < 3 ||
        Lexicon::Get().IsDictionaryWordOnly(doc.lower_words[p.begin])) {
      continue;
    }
    ++turns;
    speakers.emplace(std::string(doc.lower_words[p.begin]));
  }
  if (turns < 2) speakers.clear();
  return speakers;
}

}  // namespace

bool IsNameToken(const Doc& doc, size_t i) {
  const Token& t = doc.token(i);
  if (t.kind != TokenKind::kWord && t.kind != TokenKind::kAbbreviation) return false;
  const std::string_view w = doc.words[i];
  const size_t dash = w.find('-');
  if (t.upper_initial) {
    // "Russian-speaking" is an adjective; "Rolls-Royce" a name.
    return dash == std::string_view::npos || dash + 1 >= w.size() ||
           !(w[dash + 1] >= 'a' && w[dash + 1] <= 'z');
  }
  // "al-Assad", "bin-Salman": a particle joined to a capitalised name.
  return dash != std::string_view::npos && dash <= 4 && dash + 1 < w.size() &&
         w[dash + 1] >= 'A' && w[dash + 1] <= 'Z' && IsParticleWord(w.substr(0, dash));
}

bool IsParticleWord(std::string_view w) { return IsParticle(w); }

bool OpensATurn(const Doc& doc, size_t i) {
  if (i + 1 >= doc.size() || doc.words[i + 1] != ":") return false;
  if (i == 0 || doc.token(i).line_before) return true;
  const std::string_view before = doc.words[i - 1];
  const bool quote = before == "\"" || before == "\u201c" || before == "\u00ab";
  return quote && (i == 1 || doc.token(i - 1).line_before);
}

bool IsSpeechVerb(std::string_view w) {
  static const SvSet* kVerbs = new SvSet{
      "said", "says", "told", "tells", "added", "adds", "stated", "explained", "noted",
      "argued", "insisted", "warned", "claimed", "wrote", "writes", "announced", "declared",
      "replied", "responded", "asked", "urged", "accused", "denied", "acknowledged", "admitted",
      "confirmed", "reiterated", "indicated", "suggested", "stressed", "emphasized",
      "emphasised", "believes", "thinks", "tweeted", "posted", "recalled", "predicted"};
  return kVerbs->contains(w);
}

void FindNames(Doc* doc) {
  NameFinder finder(doc);
  const auto& sentences = doc->analysis->sentences;
  doc->headline.assign(sentences.size(), 0);
  for (size_t s = 0; s < sentences.size(); ++s) {
    doc->headline[s] = IsHeadline(*doc, sentences[s]);
    finder.Sentence(sentences[s], doc->headline[s]);
  }
}

void TypeNamesFromDocument(Doc* doc) {
  // What the typed names of the page say: their texts and the surnames of
  // people ("Lavrov" once "Sergey Lavrov" is a person).
  SvMap<EntityType> known;
  // Single words capitalised inside a sentence somewhere on the page: the
  // same word opening a sentence is that name too ("Nissan is hoping ...").
  SvSet inside;
  // Single words capitalised anywhere but in the headline ("Musk").
  SvSet alone;
  for (const Piece& p : doc->pieces) {
    if (!p.typed && !p.headline && !p.sentence_initial && p.end - p.begin == 1) {
      inside.emplace(std::string(PieceText(*doc, p)));
    }
    if (!p.headline && p.end - p.begin == 1) alone.emplace(std::string(PieceText(*doc, p)));
  }
  // The surnames of people named in full, in lower case: a transcript's
  // "WALLACE:" or "PENCE:" is Chris Wallace or Mike Pence, not an acronym.
  SvSet surnames;
  for (const Piece& p : doc->pieces) {
    if (!p.typed || p.headline) continue;
    known.emplace(std::string(PieceText(*doc, p)), p.type);
    if (p.type == EntityType::kPerson && p.end - p.begin >= 2) {
      surnames.emplace(std::string(doc->lower_words[p.end - 1]));
      known.emplace(std::string(doc->words[p.end - 1]), EntityType::kPerson);
      // "Лаврову" once "Сергея Лаврова" is a person: by their nominatives.
      for (std::string& nominative : Lexicon::Get().NominativeForms(doc->words[p.end - 1])) {
        known.emplace(std::move(nominative), EntityType::kPerson);
      }
    }
  }
  // A Cyrillic surname in another case than the one the page typed.
  auto known_type = [&](std::string_view text) {
    auto it = known.find(text);
    if (it != known.end()) return it;
    for (const std::string& nominative : Lexicon::Get().NominativeForms(text)) {
      it = known.find(nominative);
      if (it != known.end() && it->second == EntityType::kPerson) return it;
    }
    return known.end();
  };
  const SvSet transcript_speakers = TranscriptSpeakers(*doc);
  // Names a plural verb follows somewhere on the page, and names of
  // companies by their officers.
  SvSet plural_subjects;
  SvSet employers;
  for (const Piece& p : doc->pieces) {
    if (TakesPluralVerb(*doc, p)) plural_subjects.emplace(std::string(PieceText(*doc, p)));
    if (!p.typed && !p.entry && !p.headline && NamesAnEmployer(*doc, p)) {
      employers.emplace(std::string(PieceText(*doc, p)));
    }
  }
  const bool english_capitals = EnglishCapitals(*doc);
  // Types piece p; false when it is no name after all.
  auto type_piece = [&](Piece& p) {
    if (p.end - p.begin == 1 && !p.entry && doc->token(p.begin).all_upper &&
        utf8::CountCodePoints(doc->words[p.begin]) >= 3 &&
        (surnames.contains(doc->lower_words[p.begin]) ||
         transcript_speakers.contains(doc->lower_words[p.begin]))) {
      p.type = EntityType::kPerson;
      p.typed = true;
    }
    if (p.typed) return true;
    const auto it = known_type(PieceText(*doc, p));
    const size_t n = p.end - p.begin;
    if (it != known.end()) {
      p.type = it->second;
    } else if (english_capitals && employers.contains(PieceText(*doc, p))) {
      p.type = EntityType::kOrg;
    } else if (english_capitals && !p.headline && SpeakingName(*doc, p) &&
               utf8::CountCodePoints(doc->words[p.begin]) >= 2) {
      p.type = EntityType::kPerson;
    } else if (!english_capitals || p.headline ||
               (n == 1 && ((p.sentence_initial && !inside.contains(PieceText(*doc, p))) ||
                           utf8::CountCodePoints(doc->words[p.begin]) < 2))) {
      return false;  // capitals in a headline or opening a sentence prove nothing
    } else if (IsNameModifier(doc->words[p.begin])) {
      // "Old Trafford", "First Amendment": left untyped.
    } else if (n >= 2 && n <= 3 && FollowedBySpeechVerb(*doc, p)) {
      p.type = EntityType::kPerson;
    } else if (n >= 2 && n <= 3 && !NamesAThing(*doc, p, alone) &&
               !plural_subjects.contains(PieceText(*doc, p))) {
      p.type = EntityType::kPerson;  // most unknown two-word names are people
    }
    p.typed = true;
    return true;
  };
  // Longer names first: the surname of a person typed here is known to the
  // single words ("Kerr Putney, the Charlotte-Mecklenburg police chief,
  // said" ... "Putney later told CNN", where no title made him a person).
  std::vector<char> keep(doc->pieces.size(), 1);
  for (size_t k = 0; k < doc->pieces.size(); ++k) {
    Piece& p = doc->pieces[k];
    if (p.end - p.begin < 2 || p.typed) continue;
    keep[k] = type_piece(p);
    // Only a surname that is no common word: a name typed a person by
    // default may be none ("National Mall", "Summary Studies"), and its
    // "Mall" must not become one.
    if (keep[k] && p.type == EntityType::kPerson && !p.headline &&
        WordsOfAPersonsName(*doc, p)) {
      known.emplace(std::string(doc->words[p.end - 1]), EntityType::kPerson);
    }
  }
  std::vector<Piece> kept;
  kept.reserve(doc->pieces.size());
  for (size_t k = 0; k < doc->pieces.size(); ++k) {
    Piece& p = doc->pieces[k];
    if (keep[k] && type_piece(p)) kept.push_back(p);
  }
  doc->pieces.swap(kept);
}

}  // namespace newsmill::entities
