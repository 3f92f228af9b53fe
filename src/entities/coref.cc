// Coreference: names into entities (keys, surnames, acronyms), capitals that
// act for their country, and pronouns in subject position.
#include <algorithm>
#include <unordered_map>

#include "entities/document.h"
#include "newsmill/deadline.h"

namespace newsmill::entities {
namespace {

std::string_view TypePrefix(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "PERSON:";
    case EntityType::kOrg: return "ORG:";
    case EntityType::kGpe: return "GPE:";
    case EntityType::kLoc: return "LOC:";
    case EntityType::kNorp: return "NORP:";
    case EntityType::kEvent: return "EVENT:";
    case EntityType::kMisc: return "MISC:";
  }
  return "MISC:";
}

bool IsPreposition(std::string_view w) {
  static const SvSet* k = new SvSet{"in", "to", "from", "at", "near", "outside", "into", "of",
                                    "with", "on", "across", "around", "toward", "towards", "via",
                                    "through", "inside", "over", "between", "and", "or"};
  return k->contains(w);
}

bool IsFiniteVerb(std::string_view w) {
  static const SvSet* k = new SvSet{
      "will", "would", "could", "can", "should", "must", "may", "might", "has", "have", "had",
      "is", "was", "did", "does", "says", "said", "remains", "insists", "wants", "denies",
      "accuses", "claims", "warns", "hopes", "believes", "considers", "sees", "views",
      "rejects", "demands", "seeks", "plans", "continues", "refuses", "maintains", "argues",
      "needs", "intends", "expects", "threatens", "urges", "calls", "blames", "supports",
      "opposes", "backs", "sends", "controls", "regards", "withdraws", "agrees", "responds"};
  return k->contains(w) || (w.size() > 4 && w.ends_with("ed"));
}

bool IsAdverb(std::string_view w) {
  return w == "also" || w == "first" || w == "again" || w == "still" || w == "now" ||
         w == "already" || w == "then" || w == "never" || w == "later" || w == "too" ||
         (w.size() > 4 && w.ends_with("ly"));
}

// A verb follows token i (after at most one adverb).
bool VerbFollows(const Doc& doc, size_t i) {
  if (i < doc.size() && IsAdverb(doc.lower_words[i])) ++i;
  return i < doc.size() && doc.token(i).kind == TokenKind::kWord &&
         !doc.token(i).upper_initial && IsFiniteVerb(doc.lower_words[i]);
}

// "Moscow remains open", "Moscow's stated goal": a capital as an actor.
bool ActsAsGovernment(const Doc& doc, const Piece& p) {
  // "with Moscow's stated goal": the preposition governs the goal.
  if (p.end < doc.size() && doc.token(p.end).kind == TokenKind::kPossessive) {
    return p.end + 1 < doc.size() && !doc.token(p.end + 1).upper_initial;
  }
  if (p.begin > 0 && IsPreposition(doc.lower_words[p.begin - 1])) return false;
  return VerbFollows(doc, p.end);
}

bool Compatible(std::string_view a, std::string_view b) {
  if (Lexicon::Get().SameNameWord(a, b)) return true;  // also "Сергея", "Сергей"
  // "J." and "Joe", "Joe" and "Joseph"? Only initials are joined.
  return (a.size() == 2 && a[1] == '.' && b.starts_with(a.substr(0, 1))) ||
         (b.size() == 2 && b[1] == '.' && a.starts_with(b.substr(0, 1)));
}

// The person entity a full name belongs to: same surname, compatible first
// name.
int SamePerson(const Doc& doc, const std::vector<std::string_view>& words) {
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const WorkEntity& ent = doc.entities[e];
    if (ent.type != EntityType::kPerson || ent.name_words.empty()) continue;
    if (!Lexicon::Get().SameNameWord(ent.name_words.back(), words.back())) continue;
    if (ent.name_words.size() == 1 || Compatible(ent.name_words.front(), words.front())) {
      return static_cast<int>(e);
    }
  }
  return -1;
}

// Whether a name word and a word of the text are one name: SameNameWord,
// or the text's word in capitals ("WALLACE" in a transcript).
bool SameNameOrInCapitals(const Doc& doc, std::string_view name_word, size_t i) {
  if (Lexicon::Get().SameNameWord(name_word, doc.words[i])) return true;
  if (!doc.token(i).all_upper || name_word.size() != doc.lower_words[i].size()) return false;
  return std::equal(name_word.begin(), name_word.end(), doc.lower_words[i].begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b; });
}

// The person whose surname (or, failing that, given name) is the word at
// token i, the one mentioned nearest before i first, of the gender a title
// gave the mention ("Mr. Obama" is not Michelle Obama).
int PersonBySurname(const Doc& doc, size_t i, char gender) {
  int best = -1;
  size_t best_token = 0;
  for (int pass = 0; pass < 2 && best < 0; ++pass) {
    for (size_t e = 0; e < doc.entities.size(); ++e) {
      const WorkEntity& ent = doc.entities[e];
      if (ent.type != EntityType::kPerson || ent.name_words.empty()) continue;
      // A surname alone is another surname's entity only when a title
      // split it off by gender ("Mr. Obama" made one; "Obama" may join it).
      if (ent.name_words.size() < 2 && (pass == 1 || ent.gender == '-')) continue;
      if (gender != '-' && ent.gender != '-' && ent.gender != gender) continue;
      const std::string_view name_word = pass == 0 ? ent.name_words.back() : ent.name_words.front();
      if (!SameNameOrInCapitals(doc, name_word, i)) continue;
      size_t last_before = 0;
      for (size_t t : ent.mention_tokens) last_before = t < i ? std::max(last_before, t + 1) : last_before;
      if (best < 0 || last_before > best_token) {
        best = static_cast<int>(e);
        best_token = last_before;
      }
    }
  }
  return best;
}

// "NATO" for "North Atlantic Treaty Organization": initials of capitalised
// words.
int OrgByAcronym(const Doc& doc, std::string_view acronym) {
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const WorkEntity& ent = doc.entities[e];
    if (ent.type != EntityType::kOrg) continue;
    std::string initials;
    bool word_start = true;
    for (char c : ent.name) {
      if (word_start && c >= 'A' && c <= 'Z') initials.push_back(c);
      word_start = c == ' ' || c == '-';
    }
    if (initials.size() >= 2 && initials == acronym) return static_cast<int>(e);
  }
  return -1;
}

std::vector<std::string_view> NameWords(const Doc& doc, const Piece& p) {
  return {doc.words.begin() + static_cast<long>(p.begin), doc.words.begin() + static_cast<long>(p.end)};
}

// Whether the name of piece `p` names an entity better than its name now:
// it is longer, or as many words with the given name in the nominative
// ("Владимир Зеленский" over "Владимиром Зеленским").
bool BetterName(const Doc& doc, const WorkEntity& ent, const Piece& p, std::string_view text) {
  if (ent.type != p.type) return false;
  const size_t words = p.end - p.begin;
  if (p.type == EntityType::kPerson && words >= 2 && words == ent.name_words.size()) {
    const Lexicon& lex = Lexicon::Get();
    const bool listed = lex.ListsFirstName(doc.words[p.begin]);
    if (listed != lex.ListsFirstName(ent.name_words.front())) return listed;
  }
  return text.size() > ent.name.size();
}

void Grow(Doc* doc, int e, const Piece& p) {
  WorkEntity& ent = doc->entities[e];
  const std::string_view text = SpanText(doc->text, doc->Span(p.begin, p.end));
  if (BetterName(*doc, ent, p, text)) {
    ent.name = std::string(text);
    if (p.type == EntityType::kPerson) ent.name_words = NameWords(*doc, p);
  }
  if (ent.gender == '-' && p.gender != '-') ent.gender = p.gender;
  AddMention(doc, e, p.begin, doc->Span(p.begin, p.end));
}

}  // namespace

int EntityForKey(Doc* doc, const std::string& key, EntityType type, const std::string& name) {
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    if (doc->entities[e].key == key) return static_cast<int>(e);
  }
  WorkEntity ent;
  ent.key = key;
  ent.type = type;
  ent.name = name;
  doc->entities.push_back(std::move(ent));
  return static_cast<int>(doc->entities.size() - 1);
}

void AddMention(Doc* doc, int entity, size_t begin_token, ByteSpan span) {
  WorkEntity& ent = doc->entities[entity];
  for (const ByteSpan& m : ent.mentions) {
    if (m.begin == span.begin && m.end == span.end) return;
  }
  ent.mentions.push_back(span);
  ent.mention_tokens.push_back(begin_token);
}

void BuildEntities(Doc* doc) {
  const Lexicon& lex = Lexicon::Get();
  std::vector<size_t> single_people;
  for (size_t pi = 0; pi < doc->pieces.size(); ++pi) {
    Piece& p = doc->pieces[pi];
    const std::string text(SpanText(doc->text, doc->Span(p.begin, p.end)));
    if (p.entry && p.entry->capital && doc->options->capital_as_government &&
        ActsAsGovernment(*doc, p)) {
      const std::string key = "GPE:" + p.entry->country;
      p.entity = EntityForKey(doc, key, EntityType::kGpe, lex.CountryName(p.entry->country));
      AddMention(doc, p.entity, p.begin, doc->Span(p.begin, p.end));
      continue;
    }
    if (p.type == EntityType::kPerson && !p.entry) {
      if (p.end - p.begin == 1) {
        single_people.push_back(pi);
        continue;
      }
      p.entity = SamePerson(*doc, NameWords(*doc, p));
      if (p.entity < 0) {
        p.entity = EntityForKey(doc, "PERSON:" + text, EntityType::kPerson, text);
        doc->entities[p.entity].name_words = NameWords(*doc, p);
      }
      Grow(doc, p.entity, p);
      continue;
    }
    if (!p.entry && p.type == EntityType::kOrg && doc->token(p.begin).all_upper) {
      p.entity = OrgByAcronym(*doc, text);
      if (p.entity >= 0) {
        AddMention(doc, p.entity, p.begin, doc->Span(p.begin, p.end));
        continue;
      }
    }
    const std::string key = p.entry ? p.entry->key : std::string(TypePrefix(p.type)) + text;
    p.entity = EntityForKey(doc, key, p.type, text);
    Grow(doc, p.entity, p);
  }
  // Surnames after every full name is known, so "Lavrov" can come first.
  for (size_t pi : single_people) {
    Piece& p = doc->pieces[pi];
    p.entity = PersonBySurname(*doc, p.begin, p.gender);
    if (p.entity < 0) {
      const std::string text(doc->words[p.begin]);
      std::string key = "PERSON:" + text;
      // "Mrs. Clinton" beside "Mr. Clinton": one key a gender.
      for (const WorkEntity& ent : doc->entities) {
        if (ent.key == key && p.gender != '-' && ent.gender != '-' && ent.gender != p.gender) {
          key += p.gender;
        }
      }
      p.entity = EntityForKey(doc, key, EntityType::kPerson, text);
      doc->entities[p.entity].name_words = {doc->words[p.begin]};
    }
    Grow(doc, p.entity, p);
  }
  for (const RoleFact& f : doc->roles) {
    const int e = doc->pieces[f.piece].entity;
    if (e < 0) continue;
    WorkEntity& ent = doc->entities[e];
    if (ent.gender == '-' && f.gender != '-') ent.gender = f.gender;
    if (std::find(ent.roles.begin(), ent.roles.end(), f.title) == ent.roles.end()) {
      ent.roles.push_back(f.title);
    }
    if (!f.affiliation_key.empty() &&
        std::find(ent.affiliation_keys.begin(), ent.affiliation_keys.end(), f.affiliation_key) ==
            ent.affiliation_keys.end()) {
      ent.affiliation_keys.push_back(f.affiliation_key);
    }
  }
}

namespace {

struct Antecedent {
  size_t token;
  int entity;
};

// Whether person `ent` can be "he", "she" or "he/she" (either).
bool PersonFits(const WorkEntity& ent, std::string_view pronoun) {
  return ent.gender == '-' || pronoun == "he/she" || ent.gender == (pronoun == "he" ? 'm' : 'f');
}

// Whether the mention starting at token t ends in a possessive ("Parise's").
bool PossessiveAfter(const Doc& doc, size_t t) {
  for (size_t k = t; k < doc.size() && k < t + 6; ++k) {
    if (doc.token(k).kind == TokenKind::kPossessive) return true;
    if (!IsNameToken(doc, k)) return false;
  }
  return false;
}

// The entity a pronoun at token i stands for, or -1.
int ResolvePronoun(const Doc& doc, const std::vector<Antecedent>& before, size_t i,
                   std::string_view pronoun) {
  const unsigned sentence = doc.sentence_of[i];
  // "he/she": a person of either gender ("the 56-year-old").
  const bool person = pronoun == "he" || pronoun == "she" || pronoun == "he/she";
  const unsigned reach = person ? 6 : (pronoun == "it" ? 1 : 2);
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    if (it->token >= i) continue;
    if (sentence - doc.sentence_of[it->token] > reach) break;
    if (doc.in_quote[it->token]) continue;
    // A transcript's "WALLACE:" speaks the turn; its "she" is someone else.
    if (OpensATurn(doc, it->token)) continue;
    const WorkEntity& ent = doc.entities[it->entity];
    if (person) {
      if (ent.type != EntityType::kPerson) continue;
      if (!PersonFits(ent, pronoun)) continue;
      if (doc.sentence_of[it->token] == sentence) return it->entity;
      // In a sentence before, its first person is its subject more often
      // than its last: "Wild defenseman Ryan Suter, who joked about
      // Parise's penchant, could see the frustration. ¶ “…,” he said."
      // A possessive ("Parise's") is no subject.
      // At most 64 mentions back: a page that is one long "sentence" of
      // names must not make each pronoun read all of them.
      int subject = -1;
      const unsigned candidate_sentence = doc.sentence_of[it->token];
      size_t looked = 0;
      for (auto jt = it; jt != before.rend() && looked < 64 &&
                         doc.sentence_of[jt->token] == candidate_sentence;
           ++jt, ++looked) {
        const WorkEntity& other = doc.entities[jt->entity];
        if (other.type != EntityType::kPerson || !PersonFits(other, pronoun) ||
            doc.in_quote[jt->token] || PossessiveAfter(doc, jt->token)) {
          continue;
        }
        subject = jt->entity;
      }
      return subject >= 0 ? subject : it->entity;
    }
    if (pronoun == "they" && (ent.type == EntityType::kOrg || ent.type == EntityType::kNorp)) {
      return it->entity;
    }
    if (pronoun == "it" && (ent.type == EntityType::kOrg || ent.type == EntityType::kGpe)) {
      // The subject of the sentence before: its first such mention.
      int first = it->entity;
      for (auto jt = it; jt != before.rend() && doc.sentence_of[jt->token] ==
                                                  doc.sentence_of[it->token]; ++jt) {
        const EntityType t = doc.entities[jt->entity].type;
        if (t == EntityType::kOrg || t == EntityType::kGpe) first = jt->entity;
      }
      return first;
    }
  }
  return -1;
}

// The name mentions by the byte they end at: (entity, first token).
using MentionEnds = std::unordered_map<size_t, std::vector<std::pair<int, size_t>>>;

MentionEnds EndsOfMentions(const Doc& doc) {
  MentionEnds ends;
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const WorkEntity& ent = doc.entities[e];
    for (size_t k = 0; k < ent.mentions.size(); ++k) {
      ends[ent.mentions[k].end].emplace_back(static_cast<int>(e), ent.mention_tokens[k]);
    }
  }
  return ends;
}

// The entity with a mention ending at byte `end`, or -1: a person for
// "who", an organisation or a country for "which" ("the Chicago Police
// Department, which reported"). Not one governed by a preposition: in "a
// report by Reuters, which found" the clause is the report's.
int AntecedentEndingAt(const Doc& doc, const MentionEnds& ends, size_t end, bool person) {
  const auto it = ends.find(end);
  if (it == ends.end()) return -1;
  for (const auto& [e, t] : it->second) {
    const EntityType type = doc.entities[e].type;
    if (person ? type != EntityType::kPerson
               : type != EntityType::kOrg && type != EntityType::kGpe) {
      continue;
    }
    if (t > 0 && doc.lower_words[t - 1] == "by") return -1;
    if (!person && t > 0 && IsPreposition(doc.lower_words[t - 1])) return -1;
    return e;
  }
  return -1;
}

// A comma or a dash, which open and close appositions and relative clauses
// ("Hillary Clinton — who has called for ...").
bool CommaOrDash(std::string_view w) {
  return w == "," || w == "\u2014" || w == "\u2013" || w == "--";
}

// "X, who ...", "X — who ...", "X which ...": the entity whose mention ends
// just before the relative pronoun or its comma or dash, or before an
// apposition between them ("Marc Morial, the chief executive of the
// National Urban League, who said ...").
void ResolveRelative(Doc* doc, const MentionEnds& ends, size_t i) {
  const bool person = doc->lower_words[i] == "who";
  const bool comma = CommaOrDash(doc->words[i - 1]);
  if (comma && i < 2) return;
  int antecedent =
      AntecedentEndingAt(*doc, ends, doc->token(comma ? i - 2 : i - 1).span.end, person);
  constexpr size_t kLongestApposition = 12;
  for (size_t j = i - 2; comma && antecedent < 0 && j >= 2 && i - j <= kLongestApposition + 2;
       --j) {
    if (doc->sentence_of[j] != doc->sentence_of[i]) break;
    if (!CommaOrDash(doc->words[j])) continue;
    const std::string_view first = doc->lower_words[j + 1];
    const bool apposition = first == "the" || first == "a" || first == "an" ||
                            first == "his" || first == "her" || first == "its";
    if (apposition) {
      antecedent = AntecedentEndingAt(*doc, ends, doc->token(j - 1).span.end, person);
    }
    break;  // only the comma that opens the apposition
  }
  if (antecedent >= 0) AddMention(doc, antecedent, i, doc->token(i).span);
}

}  // namespace

namespace {

// Whether `name` has `noun` as a word, ignoring case ("Supreme Court").
bool NameHasNoun(std::string_view name, std::string_view noun) {
  size_t pos = 0;
  while (pos < name.size()) {
    size_t end = name.find(' ', pos);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view word = name.substr(pos, end - pos);
    if (word.size() == noun.size() &&
        std::equal(word.begin(), word.end(), noun.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b;
        })) {
      return true;
    }
    pos = end + 1;
  }
  return false;
}

// "this", "its", "whose": the noun phrase is not "the ... <noun>".
bool IsDeterminerOrPronoun(std::string_view w) {
  static const SvSet* kWords = new SvSet{"this", "that", "these", "those", "its", "their",
                                         "his", "her", "our", "your", "my", "whose", "which",
                                         "what", "a", "an", "any", "every", "each", "another"};
  return kWords->contains(w);
}

// Whether token i is inside a nationality or place name ("the German
// automaker", "the Texas court"). Pieces are sorted by their first token.
bool InNationalityOrPlace(const Doc& doc, size_t i) {
  const auto it = std::upper_bound(doc.pieces.begin(), doc.pieces.end(), i,
                                   [](size_t t, const Piece& p) { return t < p.begin; });
  if (it == doc.pieces.begin()) return false;
  const Piece& p = *(it - 1);
  return i < p.end && (p.type == EntityType::kNorp || p.type == EntityType::kGpe);
}

// An acronym's name: two to six capitals ("NASA", "CBP", "EPA").
bool IsAcronym(std::string_view name) {
  return name.size() >= 2 && name.size() <= 6 &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Whether the organisation `e` can be what "the <modifiers> <noun>"
// refers to. An organisation the noun names must have the modifiers in its
// name too ("the appeals court" is the Court of Appeals, not the Supreme
// Court).
bool DescriptionFits(const WorkEntity& e, std::string_view noun, OrgNounFit fit,
                     const std::vector<std::string_view>& modifiers) {
  if (e.type != EntityType::kOrg) return false;
  switch (fit) {
    case OrgNounFit::kAny:
      return true;
    case OrgNounFit::kNamedOrAcronym:
      if (IsAcronym(e.name)) return true;
      [[fallthrough]];
    case OrgNounFit::kNamed:
      if (!NameHasNoun(e.name, noun)) return false;
      for (std::string_view m : modifiers) {
        if (!NameHasNoun(e.name, m)) return false;
      }
      return true;
    case OrgNounFit::kCompany:
      break;
  }
  for (const auto& [other, other_fit] : Lexicon::Get().OrgDescriptions()) {
    if (other_fit != OrgNounFit::kCompany && NameHasNoun(e.name, other)) {
      return false;
    }
  }
  return true;
}

}  // namespace

void ResolveOrganisationDescriptions(Doc* doc) {
  if (!doc->options->resolve_descriptions) return;
  constexpr unsigned kReach = 3;       // sentences back to the organisation
  constexpr size_t kMaxModifiers = 2;  // "the German automaker", "the state-run bank"
  const SvMap<OrgNounFit>& nouns = Lexicon::Get().OrgDescriptions();
  // The organisations' mentions in text order, to look back from each noun.
  std::vector<Antecedent> orgs;
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    if (doc->entities[e].type != EntityType::kOrg) continue;
    for (size_t t : doc->entities[e].mention_tokens) orgs.push_back({t, static_cast<int>(e)});
  }
  std::sort(orgs.begin(), orgs.end(),
            [](const Antecedent& a, const Antecedent& b) { return a.token < b.token; });
  // rank[k]: how many of orgs[0 .. k] are mentions of orgs[k]'s entity.
  std::vector<size_t> rank(orgs.size());
  {
    std::unordered_map<int, size_t> seen;
    for (size_t k = 0; k < orgs.size(); ++k) rank[k] = ++seen[orgs[k].entity];
  }
  for (size_t i = 1; i < doc->size(); ++i) {
    if (doc->token(i).upper_initial) continue;
    const auto noun = nouns.find(doc->lower_words[i]);
    if (noun == nouns.end()) continue;
    // "the company Tesla", "the ministry of health": a name follows.
    if (i + 1 < doc->size() &&
        (IsNameToken(*doc, i + 1) || doc->lower_words[i + 1] == "of")) {
      continue;
    }
    // Back over lower-case adjectives or a nationality to "the"; a name
    // before the noun ("the Trump campaign") makes another organisation.
    const unsigned sentence = doc->sentence_of[i];
    size_t start = i;
    bool named = false;
    std::vector<std::string_view> modifiers;
    while (start > 0 && i - start < kMaxModifiers && doc->sentence_of[start - 1] == sentence &&
           doc->lower_words[start - 1] != "the" && doc->token(start - 1).kind == TokenKind::kWord) {
      --start;
      named |= (doc->token(start).upper_initial && !InNationalityOrPlace(*doc, start)) ||
               IsDeterminerOrPronoun(doc->lower_words[start]);
      modifiers.push_back(doc->lower_words[start]);
    }
    if (named || start == 0 || doc->lower_words[start - 1] != "the") continue;
    --start;
    // The nearest organisation before that fits the noun. A noun that
    // fits many ("the organization", "the agency") takes the one named
    // most often so far, the nearest of those: "the United Nations ...
    // the Security Council is the arm of the organization" is the UN.
    const bool by_mentions = noun->second == OrgNounFit::kAny ||
                             noun->second == OrgNounFit::kNamedOrAcronym;
    const auto before = std::lower_bound(orgs.begin(), orgs.end(), start,
                                         [](const Antecedent& a, size_t t) { return a.token < t; });
    int best = -1;
    size_t best_mentions = 0;
    // At most kMaxLookBack mentions back: a page that is one long
    // "sentence" of names must not make this quadratic.
    constexpr size_t kMaxLookBack = 64;
    size_t k = static_cast<size_t>(before - orgs.begin());
    for (size_t looked = 0; k > 0 && looked < kMaxLookBack; ++looked) {
      --k;
      const Antecedent& a = orgs[k];
      if (sentence - doc->sentence_of[a.token] > kReach) break;
      if (!DescriptionFits(doc->entities[a.entity], noun->first, noun->second, modifiers)) {
        continue;
      }
      if (!by_mentions) {
        best = a.entity;
        break;
      }
      // The nearest mention of an entity has its highest rank so far.
      if (rank[k] > best_mentions) {
        best = a.entity;
        best_mentions = rank[k];
      }
    }
    if (best >= 0) AddMention(doc, best, start, doc->Span(start, i + 1));
  }
}

// Whether the pronoun at token i is one ResolvePronoun is asked about:
// outside quotations (speakers stand outside them), and "it" only as the
// subject of a sentence ("It has ...", "It said ...", not "it is").
bool ResolvablePronoun(const Doc& doc, size_t i) {
  const std::string_view w = doc.lower_words[i];
  if (w != "he" && w != "she" && w != "they" && w != "it") return false;
  if (doc.in_quote[i]) return false;
  return w != "it" || (doc.token(i).upper_initial && VerbFollows(doc, i + 1) &&
                       doc.lower_words[i + 1] != "is" && doc.lower_words[i + 1] != "was");
}

// Whether token i is "N-year-old" standing alone after "the", outside
// quotations: "The 56-year-old said", not "the 43-year-old man" (a noun
// follows) or "a 56-year-old".
bool AgeDescription(const Doc& doc, size_t i) {
  if (i == 0 || doc.lower_words[i - 1] != "the" || doc.in_quote[i]) return false;
  const std::string_view w = doc.lower_words[i];
  constexpr std::string_view kSuffix = "-year-old";
  if (w.size() <= kSuffix.size() || !w.ends_with(kSuffix)) return false;
  const std::string_view number = w.substr(0, w.size() - kSuffix.size());
  if (number.size() > 3 || !std::all_of(number.begin(), number.end(),
                                        [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  // What follows is no noun of the phrase: a verb, punctuation, or the end.
  if (i + 1 >= doc.size() || doc.sentence_of[i + 1] != doc.sentence_of[i]) return true;
  return doc.token(i + 1).kind != TokenKind::kWord || VerbFollows(doc, i + 1) ||
         IsAdverb(doc.lower_words[i + 1]);
}

void ResolveMetonymsAndPronouns(Doc* doc) {
  if (!doc->options->resolve_pronouns) return;
  std::vector<Antecedent> antecedents;
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    for (size_t t : doc->entities[e].mention_tokens) {
      antecedents.push_back({t, static_cast<int>(e)});
    }
  }
  std::sort(antecedents.begin(), antecedents.end(),
            [](const Antecedent& a, const Antecedent& b) { return a.token < b.token; });
  const MentionEnds ends = EndsOfMentions(*doc);
  for (size_t i = 0; i < doc->size(); ++i) {
    // Each pronoun looks back over the entities: quadratic on a page of
    // pronouns and names, so the document's time budget is checked.
    if (TimeUp()) break;
    const std::string_view w = doc->lower_words[i];
    if ((w == "who" || w == "which") && i >= 1) {
      ResolveRelative(doc, ends, i);  // "Sergey Lavrov, who said ..."
      continue;
    }
    if (AgeDescription(*doc, i)) {
      // "The 56-year-old said": the person named last, as a "he" or "she"
      // whose gender is not known would be.
      const int e = ResolvePronoun(*doc, antecedents, i, "he/she");
      if (e >= 0) AddMention(doc, e, i - 1, doc->Span(i - 1, i + 1));
      continue;
    }
    if (!ResolvablePronoun(*doc, i)) continue;
    const int e = ResolvePronoun(*doc, antecedents, i, w);
    if (e < 0) continue;
    // The first "he" or "she" resolved to a person gives the gender. A
    // majority of their pronouns was measured and not kept (docs/design.md).
    WorkEntity& ent = doc->entities[e];
    if (ent.gender == '-' && (w == "he" || w == "she")) ent.gender = w == "he" ? 'm' : 'f';
    AddMention(doc, e, i, doc->token(i).span);
  }
}

}  // namespace newsmill::entities
