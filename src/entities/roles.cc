// Roles: titles before names ("German Chancellor Olaf Scholz"), appositions
// after them ("Hugh Hill, a doctor,"), and role descriptions that stand for
// a person named elsewhere ("Russia's foreign minister").
#include <algorithm>

#include "entities/document.h"

namespace newsmill::entities {
namespace {

bool IsModifier(std::string_view w) {
  static const SvSet* kModifiers = new SvSet{
      "deputy", "vice", "acting", "former", "interim", "chief", "senior", "top", "then",
      "ex", "outgoing", "incoming", "longtime", "assistant", "associate", "executive",
      "principal", "lead", "regional", "national", "federal", "state", "general"};
  return kModifiers->contains(w);
}

bool IsDeterminer(std::string_view w) { return w == "the" || w == "a" || w == "an"; }

// Index of the piece that covers token i, or -1 (pieces are sorted).
int PieceAt(const Doc& doc, size_t i) {
  const auto it = std::upper_bound(doc.pieces.begin(), doc.pieces.end(), i,
                                   [](size_t t, const Piece& p) { return t < p.begin; });
  if (it == doc.pieces.begin()) return -1;
  const Piece& p = *(it - 1);
  return i < p.end ? static_cast<int>(it - 1 - doc.pieces.begin()) : -1;
}

// The entity key a piece gives a role it qualifies: "German" and "Russia"
// both give Russia's and Germany's country keys.
std::string AffiliationKey(const Doc& doc, const Piece& p) {
  if (p.type != EntityType::kGpe && p.type != EntityType::kOrg && p.type != EntityType::kNorp) {
    return "";
  }
  if (p.entry) {
    if (p.type == EntityType::kNorp && !p.entry->country.empty()) {
      return "GPE:" + p.entry->country;
    }
    return p.entry->key;
  }
  return std::string(p.type == EntityType::kOrg ? "ORG:" : "GPE:") +
         std::string(SpanText(doc.text, doc.Span(p.begin, p.end)));
}

// An affiliation that ends just before token `end`: "Russia's", "German",
// "Kremlin". Sets *begin to its first token.
std::string AffiliationBefore(const Doc& doc, size_t floor, size_t end, size_t* begin) {
  if (end <= floor) return "";
  size_t last = end - 1;
  if (doc.token(last).kind == TokenKind::kPossessive && last > floor) --last;
  const int pi = PieceAt(doc, last);
  if (pi < 0 || doc.pieces[pi].end != last + 1 || doc.pieces[pi].begin < floor) return "";
  std::string key = AffiliationKey(doc, doc.pieces[pi]);
  if (!key.empty()) *begin = doc.pieces[pi].begin;
  return key;
}

class RoleFinder {
 public:
  explicit RoleFinder(Doc* doc)
      : doc_(*doc), lex_(Lexicon::Get()), w_(doc->words_view()), used_(doc->size(), 0) {}

  void Run() {
    for (size_t pi = 0; pi < doc_.pieces.size(); ++pi) {
      const Piece& p = doc_.pieces[pi];
      if (p.entry || (p.typed && p.type != EntityType::kPerson)) continue;
      if (p.headline && !p.typed) continue;  // capitals in a headline prove nothing
      const bool before = TitleBefore(pi);
      const bool after = Apposition(pi);
      if (before || after) {
        doc_.pieces[pi].type = EntityType::kPerson;
        doc_.pieces[pi].typed = true;
      }
    }
  }
  std::vector<char>& used() { return used_; }

 private:
  void Record(size_t pi, size_t tb, size_t te, const TitleEntry& t, std::string affiliation) {
    for (size_t k = tb; k < te; ++k) used_[k] = 1;
    Piece& p = doc_.pieces[pi];
    if (t.gender != '-' && p.gender == '-') p.gender = t.gender;
    if (t.honorific) return;
    RoleFact f;
    f.piece = static_cast<int>(pi);
    f.title = std::string(SpanText(doc_.text, doc_.Span(tb, te)));
    f.affiliation_key = std::move(affiliation);
    f.gender = t.gender;
    doc_.roles.push_back(std::move(f));
  }

  // "Kremlin spokesman Dmitry Peskov", "U.S. President Joe Biden", "Mr.
  // Lavrov", and "Russia's foreign minister, Sergey Lavrov,".
  bool TitleBefore(size_t pi) {
    const Piece& p = doc_.pieces[pi];
    const size_t floor = doc_.sentence_at(p.begin).token_begin;
    size_t end = p.begin;
    bool comma = false;
    if (end > floor + 1 && doc_.words[end - 1] == ",") {
      --end;
      comma = true;
    }
    if (end <= floor) return false;
    size_t len = 0;
    const TitleEntry* t = lex_.MatchTitleEndingAt(w_, floor, end - 1, &len);
    if (!t) return false;
    size_t tb = end - len;
    while (tb > floor && IsModifier(doc_.lower_words[tb - 1])) --tb;
    size_t ab = tb;
    std::string affiliation = AffiliationBefore(doc_, floor, tb, &ab);
    if (comma && affiliation.empty() && !(tb > floor && IsDeterminer(doc_.lower_words[tb - 1]))) {
      return false;  // "..., minister, X" is a list, not an apposition
    }
    Record(pi, tb, end, *t, std::move(affiliation));
    return true;
  }

  // "Hugh Hill, a doctor," and "Nasser Kan'ani, the ministry's spokesperson".
  bool Apposition(size_t pi) {
    const Piece& p = doc_.pieces[pi];
    const size_t e = doc_.sentence_at(p.begin).token_end;
    size_t k = p.end;
    if (k >= e || doc_.words[k] != ",") return false;
    ++k;
    std::string affiliation;
    int plain_words = 0;
    for (size_t steps = 0; k < e && steps < 8; ++steps) {
      size_t len = 0;
      const TitleEntry* t = lex_.MatchTitle(w_, k, e, &len);
      if (t && !t->honorific && TitleEndsPhrase(k + len, e)) {
        size_t tb = k;
        while (tb > p.end + 1 && IsModifier(doc_.lower_words[tb - 1])) --tb;
        if (affiliation.empty()) affiliation = AffiliationAfter(k + len, e);
        Record(pi, tb, k + len, *t, std::move(affiliation));
        return true;
      }
      const int qi = PieceAt(doc_, k);
      if (qi >= 0) {
        const std::string key = AffiliationKey(doc_, doc_.pieces[qi]);
        if (key.empty()) return false;
        affiliation = key;
        k = doc_.pieces[qi].end;
        continue;
      }
      const std::string_view lw = doc_.lower_words[k];
      if (doc_.token(k).kind == TokenKind::kPossessive || IsDeterminer(lw) || IsModifier(lw)) {
        ++k;
        continue;
      }
      if (doc_.token(k).kind != TokenKind::kWord || ++plain_words > 2) return false;
      ++k;
    }
    return false;
  }

  bool TitleEndsPhrase(size_t i, size_t e) const {
    if (i >= e) return true;
    const std::string_view w = doc_.lower_words[i];
    return w == "," || w == "." || w == "of" || w == "at" || w == "for" || w == "in" ||
           w == "who" || w == ")" || w == ";" || w == "and" || w == "said" || w == "told";
  }

  // "director of the FBI": the body after "of", "at" or "for".
  std::string AffiliationAfter(size_t i, size_t e) const {
    if (i >= e) return "";
    const std::string_view w = doc_.lower_words[i];
    if (w != "of" && w != "at" && w != "for") return "";
    ++i;
    if (i < e && doc_.lower_words[i] == "the") ++i;
    if (i >= e) return "";
    const int qi = PieceAt(doc_, i);
    return qi < 0 ? "" : AffiliationKey(doc_, doc_.pieces[qi]);
  }

  Doc& doc_;
  const Lexicon& lex_;
  Words w_;
  std::vector<char> used_;  // tokens that are part of a recorded title
};

// A title as compared with a person's roles: lower case, without "former"
// and the like, in its full form ("Gov." is "governor"). *former tells
// whether it had "former": a former chairman is not the interim chairwoman.
std::string NormalTitle(std::string_view title, bool* former) {
  std::string out;
  for (char c : title) out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  *former = false;
  for (std::string_view m : {"former ", "acting ", "interim ", "then ", "outgoing ", "top "}) {
    if (!out.starts_with(m)) continue;
    *former |= m == "former ";
    out.erase(0, m.size());
  }
  return std::string(Lexicon::Get().TitleForm(out));
}

std::string_view LastWord(std::string_view s) {
  const size_t sp = s.rfind(' ');
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}

// The person entity a description (title `title`, affiliation `key`, "the
// former ..." or not) at token i stands for, or -1.
int PersonForDescription(const Doc& doc, std::string_view title, const std::string& key,
                         bool former, size_t i) {
  int best = -1;
  size_t best_distance = 0;
  bool unused = false;
  const std::string want = NormalTitle(title, &unused);
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const WorkEntity& ent = doc.entities[e];
    if (ent.type != EntityType::kPerson || ent.mention_tokens.empty()) continue;
    bool match = false;
    for (const std::string& r : ent.roles) {
      bool role_former = false;
      const std::string have = NormalTitle(r, &role_former);
      if (role_former != former) continue;
      match |= have == want || (want.find(' ') == std::string::npos && LastWord(have) == want);
    }
    if (!match) continue;
    if (!key.empty() && !ent.affiliation_keys.empty() &&
        std::find(ent.affiliation_keys.begin(), ent.affiliation_keys.end(), key) ==
            ent.affiliation_keys.end()) {
      continue;
    }
    for (size_t t : ent.mention_tokens) {
      const size_t d = t > i ? t - i : i - t;
      if (best < 0 || d < best_distance) {
        best = static_cast<int>(e);
        best_distance = d;
      }
    }
  }
  return best;
}

}  // namespace

void FindRoles(Doc* doc) {
  RoleFinder finder(doc);
  finder.Run();
  doc->title_tokens.swap(finder.used());
}

void ResolveRoleDescriptions(Doc* doc) {
  if (!doc->options->resolve_descriptions) return;
  const Lexicon& lex = Lexicon::Get();
  const Words w = doc->words_view();
  for (const Sentence& s : doc->analysis->sentences) {
    for (size_t i = s.token_begin; i < s.token_end; ++i) {
      size_t len = 0;
      const TitleEntry* t = lex.MatchTitle(w, i, s.token_end, &len);
      if (!t || t->honorific || doc->title_tokens[i]) continue;
      const size_t te = i + len;
      if (te < s.token_end && IsNameToken(*doc, te)) continue;  // a title of a name we missed
      size_t tb = i;
      while (tb > s.token_begin && IsModifier(doc->lower_words[tb - 1])) --tb;
      size_t start = tb;
      const std::string key = AffiliationBefore(*doc, s.token_begin, tb, &start);
      const bool definite = tb > s.token_begin && doc->lower_words[tb - 1] == "the";
      if (key.empty() && !definite) continue;  // "a spokesman" names no one
      const std::string_view title = SpanText(doc->text, doc->Span(i, te));
      // "the former governor", "a former DNC chairman"
      bool former = false;
      for (size_t k = std::max(s.token_begin + 2, start) - 2; k < i; ++k) {
        former |= doc->lower_words[k] == "former";
      }
      const int e = PersonForDescription(*doc, title, key, former, i);
      if (e < 0) continue;
      AddMention(doc, e, start, doc->Span(start, te));
      WorkEntity& ent = doc->entities[e];
      if (!key.empty() && std::find(ent.affiliation_keys.begin(), ent.affiliation_keys.end(),
                                    key) == ent.affiliation_keys.end()) {
        ent.affiliation_keys.push_back(key);
      }
      i = te - 1;
    }
  }
}

}  // namespace newsmill::entities
