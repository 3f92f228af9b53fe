#include "statements/cue_lexicon.h"

#include <unicode/uchar.h>

#include "common/data_lines.h"
#include "common/utf8.h"
#include "newsmill/statements.h"

namespace newsmill::data {
extern const std::string_view kstatements_cues_tsv;
extern const std::string_view kstatements_acts_tsv;
extern const std::string_view kstatements_sources_tsv;
extern const std::string_view kstatements_cues_intl_tsv;
}  // namespace newsmill::data

namespace newsmill::statements {
namespace {

// A word in lower case, beyond ASCII too: the tokenizer lower-cases ASCII
// only (the English tagger's features), so "Он" arrives as it was written.
std::string FoldCase(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  size_t pos = 0;
  while (pos < w.size()) {
    utf8::Append(static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::Next(w, &pos)))),
                 &out);
  }
  return out;
}

// The non-empty pieces of `list` between `separator`s: the forms of a row
// ("sagte,sagt"), the words of a form ("по словам").
std::vector<std::string_view> Split(std::string_view list, char separator) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    const size_t at = list.find(separator);
    if (at != 0) out.push_back(list.substr(0, at));
    list.remove_prefix(at == std::string_view::npos ? list.size() : at + 1);
  }
  return out;
}

// Calls fn(columns) for each data line but the first (the column header).
template <typename Fn>
void ForEachRow(std::string_view file, Fn fn) {
  bool header = true;
  data::ForEachLine(file, [&](std::string_view line) {
    if (header) {
      header = false;
      return;
    }
    fn(data::Columns(line));
  });
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// The regular -s, -ed and -ing forms of an English verb.
std::vector<std::string> RegularForms(const std::string& v) {
  std::vector<std::string> out = {v};
  const char last = v.back();
  const bool consonant_y = last == 'y' && v.size() > 1 && !IsVowel(v[v.size() - 2]);
  if (consonant_y) {
    const std::string stem = v.substr(0, v.size() - 1);
    out.push_back(stem + "ies");
    out.push_back(stem + "ied");
  } else if (v.ends_with("s") || v.ends_with("sh") || v.ends_with("ch") ||
             v.ends_with("x") || v.ends_with("o")) {
    out.push_back(v + "es");
    out.push_back(v + "ed");
  } else {
    out.push_back(v + "s");
    out.push_back(last == 'e' ? v + "d" : v + "ed");
  }
  if (last == 'e' && !v.ends_with("ee")) {
    out.push_back(v.substr(0, v.size() - 1) + "ing");
  } else {
    out.push_back(v + "ing");
  }
  return out;
}

}  // namespace

CueLexicon::CueLexicon() {
  ForEachRow(data::kstatements_cues_tsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return;
    CueEntry e;
    e.lemma_id = static_cast<int>(entries_.size()) + 1;
    e.lemma = std::string(c[0]);
    e.type = std::string(c[1]);
    std::vector<std::string> forms = RegularForms(e.lemma);
    if (c.size() > 2) {
      std::string_view extra = c[2];
      while (!extra.empty()) {
        const size_t comma = extra.find(',');
        forms.emplace_back(extra.substr(0, comma));
        extra.remove_prefix(comma == std::string_view::npos ? extra.size() : comma + 1);
      }
    }
    entries_.push_back(std::move(e));
    // An explicit form wins over a generated one of another lemma ("found"
    // is find, not found).
    for (size_t i = 0; i < forms.size(); ++i) {
      const bool explicit_form = i >= 4;
      auto [it, inserted] = forms_.emplace(forms[i], entries_.size() - 1);
      if (!inserted && explicit_form) it->second = entries_.size() - 1;
    }
  });
  // Other languages: each row's lemma and type are an English entry's
  // (a lemma cues.tsv lacks gets an entry of its own).
  ForEachRow(data::kstatements_cues_intl_tsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 4) return;
    const std::string language(c[0]), lemma(c[2]), type(c[3]);
    size_t entry = entries_.size();
    if (type == "THAT") {
      for (std::string_view form : Split(c[1], ',')) {
        intl_complementizers_[language + "\t" + std::string(form)] = true;
      }
      return;
    }
    if (type == "ACCORDING") {
      for (std::string_view form : Split(c[1], ',')) {
        std::vector<std::string> words;
        for (std::string_view w : Split(form, ' ')) words.emplace_back(w);
        intl_according_[language].push_back(std::move(words));
      }
      return;
    }
    if (type != "AUX" && type != "PRONOUN") {
      for (size_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].lemma == lemma && entries_[i].type == type) entry = i;
      }
      if (entry == entries_.size()) {
        CueEntry e;
        e.lemma_id = static_cast<int>(entries_.size()) + 1;
        e.lemma = lemma;
        e.type = type;
        entries_.push_back(std::move(e));
      }
    }
    for (std::string_view form : Split(c[1], ',')) {
      const std::string key = language + "\t" + std::string(form);
      if (type == "AUX") intl_auxiliaries_[key] = true;
      else if (type == "PRONOUN") intl_pronouns_[key] = lemma == "-" ? "" : lemma;
      else intl_forms_.emplace(key, entry);
    }
  });
  ForEachRow(data::kstatements_sources_tsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return;
    SourceWord& w = sources_[std::string(c[0])];
    w.individual = c[1] == "individual";
    w.side_taker = c[1] == "group";
    w.anonymous = w.individual || w.side_taker || c[1] == "anonymous";
    if (w.individual && c.size() > 2) w.gender = c[2] == "m" ? "male" : c[2] == "f" ? "female" : "";
  });
  ForEachRow(data::kstatements_acts_tsv, [&](const std::vector<std::string_view>& c) {
    if (c.size() >= 2) cameo_[std::string(c[0])] = std::string(c[1]);
  });
}

const CueLexicon& CueLexicon::Get() {
  static const CueLexicon* lexicon = new CueLexicon();
  return *lexicon;
}

const CueEntry* CueLexicon::Find(std::string_view form) const {
  auto it = forms_.find(std::string(form));
  return it == forms_.end() ? nullptr : &entries_[it->second];
}

const CueEntry* CueLexicon::Find(std::string_view form, std::string_view language) const {
  if (IsEnglish(language)) return Find(form);
  auto it = intl_forms_.find(std::string(language) + "\t" + FoldCase(form));
  return it == intl_forms_.end() ? nullptr : &entries_[it->second];
}

bool CueLexicon::IsAuxiliary(std::string_view form, std::string_view language) const {
  return intl_auxiliaries_.contains(std::string(language) + "\t" + FoldCase(form));
}

bool CueLexicon::IsPronounIn(std::string_view form, std::string_view language,
                             std::string* gender) const {
  auto it = intl_pronouns_.find(std::string(language) + "\t" + FoldCase(form));
  if (it == intl_pronouns_.end()) return false;
  *gender = it->second;
  return true;
}

size_t CueLexicon::AccordingToLength(std::string_view language,
                                     std::span<const std::string_view> words) const {
  const auto it = intl_according_.find(std::string(language));
  if (it == intl_according_.end()) return 0;
  for (const std::vector<std::string>& marker : it->second) {
    if (marker.size() > words.size()) continue;
    bool match = true;
    for (size_t k = 0; k < marker.size() && match; ++k) match = FoldCase(words[k]) == marker[k];
    if (match) return marker.size();
  }
  return 0;
}

bool CueLexicon::IsComplementizer(std::string_view form, std::string_view language) const {
  // An elided complementizer stays glued to the next word: "qu'il", "qu’elle".
  for (std::string_view apostrophe : {"'", "\u2019"}) {
    const size_t at = form.find(apostrophe);
    if (at != std::string_view::npos && at > 0) {
      return intl_complementizers_.contains(std::string(language) + "\t" +
                                            FoldCase(form.substr(0, at)) + "'");
    }
  }
  return intl_complementizers_.contains(std::string(language) + "\t" + FoldCase(form));
}

bool CueLexicon::IsAnonymous(std::string_view w) const {
  auto it = sources_.find(std::string(w));
  return it != sources_.end() && it->second.anonymous;
}

bool CueLexicon::IsIndividual(std::string_view w, std::string* gender) const {
  auto it = sources_.find(std::string(w));
  if (it == sources_.end() || !it->second.individual) return false;
  *gender = it->second.gender;
  return true;
}

bool CueLexicon::IsSideTaker(std::string_view w) const {
  auto it = sources_.find(std::string(w));
  return it != sources_.end() && it->second.side_taker;
}

bool CueLexicon::IsPronoun(std::string_view w) const {
  auto it = sources_.find(std::string(w));
  return it != sources_.end() && !it->second.anonymous;
}

std::string_view CueLexicon::Cameo(std::string_view type) const {
  auto it = cameo_.find(std::string(type));
  return it == cameo_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace newsmill::statements
