#include "entities/lexicon.h"

#include <algorithm>
#include <cstring>
#include <cctype>

#include "text/tokenizer.h"

namespace newsmill::data {
extern const std::string_view kentities_titles_tsv;
extern const std::string_view kentities_title_forms_tsv;
extern const std::string_view kentities_name_cases_tsv;
extern const std::string_view kentities_demonyms_tsv;
extern const std::string_view kentities_organizations_tsv;
extern const std::string_view kentities_name_heads_tsv;
extern const std::string_view kentities_places_tsv;
extern const std::string_view kentities_first_names_tsv;
extern const std::string_view kentities_common_words_txt;
extern const std::string_view kentities_org_descriptions_txt;
extern const std::string_view kgenerated_iso_places_tsv;  // gen_iso_places.py
}  // namespace newsmill::data

namespace newsmill::entities {
namespace dictionary {  // generated at build time (gen_dictionary_words.py)
extern const unsigned char kLowerCaseOnlyText[];
extern const uint32_t kLowerCaseOnlyOffsets[];
extern const size_t kLowerCaseOnlyCount;
}  // namespace dictionary
namespace {

// Splits `name` into the tokens the tokenizer makes of it in running text.
std::vector<std::string> TokenWords(std::string_view name) {
  std::vector<Token> tokens;
  text::Tokenize(name, &tokens);
  std::vector<std::string> words;
  for (const Token& t : tokens) words.emplace_back(name.substr(t.span.begin, t.span.end - t.span.begin));
  return words;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

// "lt. gov." -> "Lt. Gov.", so the tokenizer sees the abbreviations it
// knows (it matches them case-sensitively).
std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    start = c == ' ';
  }
  return out;
}

std::optional<EntityType> ParseType(std::string_view t) {
  if (t == "PERSON") return EntityType::kPerson;
  if (t == "ORG") return EntityType::kOrg;
  if (t == "GPE") return EntityType::kGpe;
  if (t == "LOC") return EntityType::kLoc;
  if (t == "NORP") return EntityType::kNorp;
  if (t == "EVENT") return EntityType::kEvent;
  if (t == "MISC") return EntityType::kMisc;
  return std::nullopt;
}

std::vector<std::string_view> SplitComma(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const size_t comma = s.find(',');
    out.push_back(s.substr(0, comma));
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

bool WordsEqual(const std::vector<std::string>& words, const std::vector<std::string_view>& text,
                size_t i) {
  for (size_t k = 0; k < words.size(); ++k) {
    if (text[i + k] != words[k]) return false;
  }
  return true;
}

}  // namespace

void ForEachRow(std::string_view data,
                const std::function<void(const std::vector<std::string_view>&)>& fn) {
  std::vector<std::string_view> cols;
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    cols.clear();
    while (true) {
      const size_t tab = line.find('\t');
      cols.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    fn(cols);
  }
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* lexicon = new Lexicon();  // never destroyed: used at exit
  return *lexicon;
}

Lexicon::Lexicon() {
  // Country names first: places and demonyms refer to countries by them.
  SvMap<std::string> code_of;
  auto note_country = [&](const std::vector<std::string_view>& c) {
    if (c.size() < 4 || c[3] != "country") return;
    code_of.emplace(std::string(c[0]), std::string(c[2]));
    country_names_.emplace(std::string(c[2]), std::string(c[0]));
  };
  ForEachRow(data::kentities_places_tsv, note_country);
  ForEachRow(data::kgenerated_iso_places_tsv, note_country);
  LoadPlaces(data::kentities_places_tsv);
  LoadOrganizations();
  ForEachRow(data::kentities_demonyms_tsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return;
    PhraseEntry e;
    e.type = EntityType::kNorp;
    const auto code = code_of.find(c[1]);
    e.country = code == code_of.end() ? "" : code->second;
    e.key = "NORP:" + (e.country.empty() ? std::string(c[1] == "-" ? c[0] : c[1]) : e.country);
    AddPhrase(c[0], std::move(e));
  });
  LoadPlaces(data::kgenerated_iso_places_tsv);
  LoadTitles();
  LoadNameCases();
  LoadHeads();
  ForEachRow(data::kentities_first_names_tsv, [this](const std::vector<std::string_view>& c) {
    if (c.size() >= 2 && !c[1].empty()) first_names_.emplace(std::string(c[0]), c[1][0]);
  });
  ForEachRow(data::kentities_common_words_txt,
             [this](const std::vector<std::string_view>& c) { common_.emplace(c[0]); });
  ForEachRow(data::kentities_org_descriptions_txt,
             [this](const std::vector<std::string_view>& c) {
               if (c.size() < 2) return;
               const OrgNounFit fit = c[1] == "company"   ? OrgNounFit::kCompany
                                      : c[1] == "acronym" ? OrgNounFit::kNamedOrAcronym
                                      : c[1] == "any"     ? OrgNounFit::kAny
                                                          : OrgNounFit::kNamed;
               org_nouns_.emplace(std::string(c[0]), fit);
             });
  for (auto& [first, entries] : phrases_) {
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.words.size() > b.words.size();
    });
  }
}

void Lexicon::AddPhrase(std::string_view name, PhraseEntry entry) {
  entry.words = TokenWords(name);
  if (entry.words.empty()) return;
  std::vector<PhraseEntry>& list = phrases_[entry.words[0]];
  for (const PhraseEntry& e : list) {
    if (e.words == entry.words) return;  // the first list to name it wins
  }
  list.push_back(std::move(entry));
}

void Lexicon::LoadPlaces(std::string_view data) {
  ForEachRow(data, [this](const std::vector<std::string_view>& c) {
    if (c.size() < 4) return;
    PhraseEntry e;
    e.type = ParseType(c[1]).value_or(EntityType::kGpe);
    e.country = c[2] == "-" ? "" : std::string(c[2]);
    e.capital = c[3] == "capital";
    if (c[3] == "country") {
      e.key = "GPE:" + e.country;
    } else if (c[3] == "language") {
      e.key = "NORP:" + std::string(c[0]);
    } else {
      e.key = std::string(c[1]) + ":" + std::string(c[0]);
    }
    AddPhrase(c[0], std::move(e));
  });
}

void Lexicon::LoadOrganizations() {
  ForEachRow(data::kentities_organizations_tsv, [this](const std::vector<std::string_view>& c) {
    if (c.size() < 4) return;
    PhraseEntry e;
    e.type = ParseType(c[1]).value_or(EntityType::kOrg);
    e.key = "ORG:" + std::string(c[0]);
    e.country = c[3] == "-" ? "" : std::string(c[3]);
    AddPhrase(c[0], e);
    if (c[2] == "-") return;
    for (std::string_view alias : SplitComma(c[2])) AddPhrase(alias, e);
  });
}

std::string_view Lexicon::TitleForm(std::string_view lower_title) const {
  const auto it = title_forms_.find(lower_title);
  return it == title_forms_.end() ? lower_title : std::string_view(it->second);
}

void Lexicon::LoadTitles() {
  ForEachRow(data::kentities_titles_tsv, [this](const std::vector<std::string_view>& c) {
    if (c.size() < 3) return;
    TitleEntry t;
    for (const std::string& w : TokenWords(TitleCase(c[0]))) t.words.push_back(AsciiLower(w));
    if (t.words.empty()) return;
    t.honorific = c[1] == "honorific";
    t.gender = c[2].empty() ? '-' : c[2][0];
    t.surname = c.size() > 3 && c[3] == "surname";
    t.company = c.size() > 3 && c[3] == "company";
    titles_by_last_[t.words.back()].push_back(t);
    titles_by_first_[t.words.front()].push_back(std::move(t));
  });
  ForEachRow(data::kentities_title_forms_tsv, [this](const std::vector<std::string_view>& c) {
    if (c.size() >= 2) title_forms_.emplace(std::string(c[0]), std::string(c[1]));
  });
  auto longest_first = [](const TitleEntry& a, const TitleEntry& b) {
    return a.words.size() > b.words.size();
  };
  for (auto& [w, list] : titles_by_first_) std::stable_sort(list.begin(), list.end(), longest_first);
  for (auto& [w, list] : titles_by_last_) std::stable_sort(list.begin(), list.end(), longest_first);
}

void Lexicon::LoadHeads() {
  ForEachRow(data::kentities_name_heads_tsv, [this](const std::vector<std::string_view>& c) {
    if (c.size() < 3) return;
    const std::optional<EntityType> type = ParseType(c[1]);
    if (!type) return;
    const int pos = c[2] == "first" ? 1 : c[2] == "of" ? 2 : 0;
    heads_[pos].emplace(std::string(c[0]), *type);
  });
}

const PhraseEntry* Lexicon::MatchPhrase(const Words& w, size_t i, size_t end, size_t* len) const {
  const auto it = phrases_.find((*w.text)[i]);
  if (it == phrases_.end()) return nullptr;
  for (const PhraseEntry& e : it->second) {
    if (i + e.words.size() <= end && WordsEqual(e.words, *w.text, i)) {
      *len = e.words.size();
      return &e;
    }
  }
  return nullptr;
}

const TitleEntry* Lexicon::MatchTitle(const Words& w, size_t i, size_t end, size_t* len) const {
  const auto it = titles_by_first_.find((*w.lower)[i]);
  if (it == titles_by_first_.end()) return nullptr;
  for (const TitleEntry& t : it->second) {
    if (i + t.words.size() <= end && WordsEqual(t.words, *w.lower, i)) {
      *len = t.words.size();
      return &t;
    }
  }
  return nullptr;
}

const TitleEntry* Lexicon::MatchTitleEndingAt(const Words& w, size_t begin, size_t last,
                                              size_t* len) const {
  const auto it = titles_by_last_.find((*w.lower)[last]);
  if (it == titles_by_last_.end()) return nullptr;
  for (const TitleEntry& t : it->second) {
    const size_t n = t.words.size();
    if (last + 1 >= begin + n && WordsEqual(t.words, *w.lower, last + 1 - n)) {
      *len = n;
      return &t;
    }
  }
  return nullptr;
}

std::optional<EntityType> Lexicon::Head(std::string_view word, HeadPosition pos) const {
  const auto& map = heads_[static_cast<int>(pos)];
  const auto it = map.find(word);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

void Lexicon::LoadNameCases() {
  ForEachRow(data::kentities_name_cases_tsv, [this](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return;
    const std::string nominative = c[0] == "-" ? "" : std::string(c[0]);
    std::string_view endings = c[1];
    while (!endings.empty()) {
      const size_t comma = endings.find(',');
      case_endings_.emplace_back(std::string(endings.substr(0, comma)), nominative);
      endings.remove_prefix(comma == std::string_view::npos ? endings.size() : comma + 1);
    }
  });
}

namespace {

// Cyrillic letters are two bytes in UTF-8, led by 0xD0-0xD4.
bool StartsCyrillic(std::string_view word) {
  return word.size() >= 2 && static_cast<unsigned char>(word[0]) >= 0xD0 &&
         static_cast<unsigned char>(word[0]) <= 0xD4;
}

}  // namespace

std::vector<std::string> Lexicon::NominativeForms(std::string_view word) const {
  std::vector<std::string> out;
  if (!StartsCyrillic(word)) return out;
  constexpr size_t kShortestStem = 4;  // bytes: two Cyrillic letters
  for (const auto& [ending, nominative] : case_endings_) {
    if (word.size() < ending.size() + kShortestStem || !word.ends_with(ending)) continue;
    out.push_back(std::string(word.substr(0, word.size() - ending.size())) + nominative);
  }
  return out;
}

bool Lexicon::SameNameWord(std::string_view a, std::string_view b) const {
  if (a == b) return true;
  if (!StartsCyrillic(a) || !StartsCyrillic(b)) return false;
  const std::vector<std::string> as = NominativeForms(a), bs = NominativeForms(b);
  if (std::find(as.begin(), as.end(), b) != as.end()) return true;
  if (std::find(bs.begin(), bs.end(), a) != bs.end()) return true;
  for (const std::string& x : as) {
    if (std::find(bs.begin(), bs.end(), x) != bs.end()) return true;
  }
  return false;
}

bool Lexicon::IsDictionaryWordOnly(std::string_view lower) const {
  if (const size_t dash = lower.rfind('-'); dash != std::string_view::npos) {
    lower.remove_prefix(dash + 1);
  }
  if (lower.empty()) return false;
  // The word starting at `offset`: up to its newline.
  auto word_at = [](uint32_t offset) {
    const char* text = reinterpret_cast<const char*>(dictionary::kLowerCaseOnlyText);
    return std::string_view(text + offset,
                            std::strchr(text + offset, '\n') - (text + offset));
  };
  // The words are sorted by bytes: a binary search over their offsets.
  const uint32_t* first = dictionary::kLowerCaseOnlyOffsets;
  const uint32_t* last = first + dictionary::kLowerCaseOnlyCount;
  const uint32_t* it = std::lower_bound(
      first, last, lower, [&](uint32_t offset, std::string_view key) { return word_at(offset) < key; });
  return it != last && word_at(*it) == lower;
}

char Lexicon::FirstNameGender(std::string_view word) const {
  auto it = first_names_.find(word);
  for (const std::string& nominative : it == first_names_.end() ? NominativeForms(word)
                                                                 : std::vector<std::string>()) {
    it = first_names_.find(nominative);
    if (it != first_names_.end()) break;
  }
  // "Jean-Noël", "Anna-Lena": a compound given name is its first part's.
  const size_t dash = word.find('-');
  if (it == first_names_.end() && dash != std::string_view::npos && dash + 1 < word.size() &&
      std::isupper(static_cast<unsigned char>(word[dash + 1]))) {
    it = first_names_.find(word.substr(0, dash));
  }
  return it == first_names_.end() ? 0 : it->second;
}

std::string Lexicon::CountryName(std::string_view alpha2) const {
  const auto it = country_names_.find(alpha2);
  return it == country_names_.end() ? std::string(alpha2) : it->second;
}

}  // namespace newsmill::entities
