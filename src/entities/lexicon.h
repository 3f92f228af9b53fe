// The lexicons of the entities stage (internal header): gazetteers of places,
// organisations and nationalities, titles, name heads, given names and common
// words, read once from data/entities/ and the iso-codes table generated at
// build time.
#ifndef NEWSMILL_ENTITIES_LEXICON_H_
#define NEWSMILL_ENTITIES_LEXICON_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "newsmill/record.h"

namespace newsmill::entities {

struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using SvMap = std::unordered_map<std::string, V, SvHash, std::equal_to<>>;
using SvSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;

// A name in a gazetteer, as tokens ("St.", "Petersburg").
struct PhraseEntry {
  std::vector<std::string> words;
  EntityType type = EntityType::kMisc;
  std::string key;      // one entity per key: "GPE:RU", "ORG:NATO", "NORP:RU"
  std::string country;  // ISO 3166-1 alpha-2 it belongs to, or ""
  bool capital = false;  // the capital of `country`
};

struct TitleEntry {
  std::vector<std::string> words;  // lower case
  bool honorific = false;          // "Mr.", "Mrs.": no role
  char gender = '-';               // 'm', 'f' or '-'
  bool surname = false;            // a common surname too ("King", "Bishop")
  bool company = false;            // held in a company ("CEO", "founder")
};

enum class HeadPosition : unsigned char { kLast, kFirst, kOf };

// Token texts of a span of the document, and the same lower-cased (ASCII).
struct Words {
  const std::vector<std::string_view>* text;
  const std::vector<std::string_view>* lower;
};

// What an organisation noun after "the" can refer to (org_descriptions.txt).
enum class OrgNounFit : uint8_t {
  kCompany,         // one whose name has none of the other nouns ("the company")
  kNamed,           // one whose name has the noun ("the court": Supreme Court)
  kNamedOrAcronym,  // that, or an acronym ("the agency": NASA, CBP)
  kAny,             // any organisation ("the organization")
};

class Lexicon {
 public:
  static const Lexicon& Get();

  // The longest gazetteer phrase that starts at token i and ends before
  // `end` (exact case), or nullptr. Sets *len to its length in tokens.
  const PhraseEntry* MatchPhrase(const Words& w, size_t i, size_t end, size_t* len) const;
  // The longest title that ends at token `last` (inclusive) and starts at or
  // after `begin` (any case), or nullptr. Sets *len.
  const TitleEntry* MatchTitleEndingAt(const Words& w, size_t begin, size_t last,
                                       size_t* len) const;
  // The longest title that starts at token i and ends before `end`.
  const TitleEntry* MatchTitle(const Words& w, size_t i, size_t end, size_t* len) const;
  // The type a head word gives a name at `pos`, if any.
  std::optional<EntityType> Head(std::string_view word, HeadPosition pos) const;
  // The title a form stands for ("gov." -> "governor", "spokeswoman" ->
  // "spokesperson"; title_forms.tsv), or `lower_title` itself.
  std::string_view TitleForm(std::string_view lower_title) const;
  // 'm', 'f' or '-' for a given name; 0 when `word` is not one. A Russian
  // or Ukrainian given name counts in any case ("Сергея").
  char FirstNameGender(std::string_view word) const;
  // Whether `word` is a given name as the list writes it (for Russian and
  // Ukrainian names: in the nominative).
  bool ListsFirstName(std::string_view word) const { return first_names_.contains(word); }
  // The nominatives a Cyrillic name in another case may have ("Лаврова" ->
  // "Лавров", "Лаврово"...; name_cases.tsv): candidates, not checked
  // against any list. Empty for other scripts.
  std::vector<std::string> NominativeForms(std::string_view word) const;
  // Whether two name words are one name: equal, or Cyrillic forms with a
  // nominative in common ("Лавров", "Лаврова", "Лаврову").
  bool SameNameWord(std::string_view a, std::string_view b) const;
  bool IsCommonWord(std::string_view word) const { return common_.contains(word); }
  // Whether an English dictionary (Debian's wamerican) has `lower` only in
  // lower case, as a common word and never a name: "keyboard", "worth";
  // not "swift" or "green", which it also has as names. For a hyphenated
  // word, its last part ("pre-workout" -> "workout"). Some surnames are
  // such words too ("musk", "sacks"): callers need other evidence.
  bool IsDictionaryWordOnly(std::string_view lower) const;
  // Lower-case nouns that, after "the", stand for an organisation named
  // before ("the company", "the court"): org_descriptions.txt. For each,
  // which organisations it can refer to (OrgNounFit).
  const SvMap<OrgNounFit>& OrgDescriptions() const { return org_nouns_; }
  // The short English name of a country ("Russia" for "RU").
  std::string CountryName(std::string_view alpha2) const;

 private:
  Lexicon();
  void AddPhrase(std::string_view name, PhraseEntry entry);
  void LoadPlaces(std::string_view data);
  void LoadOrganizations();
  void LoadDemonyms();
  void LoadTitles();
  void LoadHeads();
  void LoadNameCases();

  SvMap<std::vector<PhraseEntry>> phrases_;  // by first word, longest first
  SvMap<std::vector<TitleEntry>> titles_by_first_;
  SvMap<std::vector<TitleEntry>> titles_by_last_;
  SvMap<std::string> title_forms_;
  // name_cases.tsv: (ending of another case, ending of the nominative).
  std::vector<std::pair<std::string, std::string>> case_endings_;
  SvMap<EntityType> heads_[3];
  SvMap<char> first_names_;
  SvSet common_;
  SvMap<OrgNounFit> org_nouns_;
  SvMap<std::string> country_names_;
};

// Calls fn(columns) for each data line (not empty, not a # comment) of a
// tab-separated file.
void ForEachRow(std::string_view data,
                const std::function<void(const std::vector<std::string_view>&)>& fn);

}  // namespace newsmill::entities

#endif  // NEWSMILL_ENTITIES_LEXICON_H_
