// The cue lexicon and the source-word lists of data/statements/ (internal).
#ifndef NEWSMILL_STATEMENTS_CUE_LEXICON_H_
#define NEWSMILL_STATEMENTS_CUE_LEXICON_H_

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsmill::statements {

// Whether a text's language (ISO 639-1, "" when unknown) is read as
// English: the tagger and cues.tsv; other languages have cues_intl.tsv.
inline bool IsEnglish(std::string_view language) { return language.empty() || language == "en"; }

struct CueEntry {
  int lemma_id = 0;   // index into the lexicon's lemmas, stable per build
  std::string lemma;  // "say"
  std::string type;   // "STATE"
};

class CueLexicon {
 public:
  // The lexicon built from the embedded data files, once.
  static const CueLexicon& Get();

  // The entry for a lower-cased word form ("said"), or nullptr.
  const CueEntry* Find(std::string_view form) const;
  // The same in a language ("de": "sagte" -> say, STATE); English ("en" or
  // "") is Find(form); other languages have only cues_intl.tsv's forms.
  const CueEntry* Find(std::string_view form, std::string_view language) const;
  // An auxiliary before a cue of that language ("a" of "a déclaré").
  bool IsAuxiliary(std::string_view form, std::string_view language) const;
  // A subject pronoun of that language ("er", "elle"): true, and its
  // gender ("male", "female" or "") in *gender.
  bool IsPronounIn(std::string_view form, std::string_view language, std::string* gender) const;
  // How many of `words` (from the first) are a marker of "according to X"
  // in that language ("по словам", "selon", "según"; type ACCORDING of
  // cues_intl.tsv), in any case; 0 when they do not start with one.
  size_t AccordingToLength(std::string_view language,
                           std::span<const std::string_view> words) const;
  // A word that opens a reported clause after a cue in that language
  // ("que", "dass", "что"; type THAT of cues_intl.tsv).
  bool IsComplementizer(std::string_view form, std::string_view language) const;
  // A word for a source the text does not name ("officials", "a man").
  bool IsAnonymous(std::string_view lower_word) const;
  // A word for one unnamed private person, who speaks for no one else ("A
  // New York man", "the woman"): true, and the gender ("male", "female" or
  // "") in *gender.
  bool IsIndividual(std::string_view lower_word, std::string* gender) const;
  // People who take a side about someone and do not speak for them
  // ("supporters", "critics"): anonymous too.
  bool IsSideTaker(std::string_view lower_word) const;
  bool IsPronoun(std::string_view lower_word) const;
  // CAMEO code of a type ("ACCUSE" -> "112"), empty when unknown.
  std::string_view Cameo(std::string_view type) const;

 private:
  CueLexicon();
  std::vector<CueEntry> entries_;
  std::unordered_map<std::string, size_t> forms_;
  // Other languages, keyed "language\tform": cue entries, and the
  // auxiliaries and pronouns (pronoun -> gender).
  std::unordered_map<std::string, size_t> intl_forms_;
  std::unordered_map<std::string, bool> intl_auxiliaries_;
  std::unordered_map<std::string, std::string> intl_pronouns_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> intl_according_;
  std::unordered_map<std::string, bool> intl_complementizers_;  // "language\tform"
  struct SourceWord {
    bool anonymous = false;   // else a pronoun
    bool individual = false;  // anonymous, one private person
    bool side_taker = false;  // anonymous, "supporters", "critics"
    std::string gender;       // of an individual: "male", "female" or ""
  };
  std::unordered_map<std::string, SourceWord> sources_;
  std::unordered_map<std::string, std::string> cameo_;
};

}  // namespace newsmill::statements

#endif  // NEWSMILL_STATEMENTS_CUE_LEXICON_H_
