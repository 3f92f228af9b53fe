#include "text/lexicon.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/data_lines.h"

namespace newsmill::data {
extern const std::string_view ktext_abbreviations_txt;
extern const std::string_view ktext_sentence_starters_txt;
}  // namespace newsmill::data

namespace newsmill::text {
namespace {

struct Lists {
  std::unordered_map<std::string, AbbreviationKind> abbreviations;
  std::unordered_set<std::string> starters;

  Lists() {
    data::ForEachLine(data::ktext_abbreviations_txt, [this](std::string_view line) {
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos) return;
      const std::string_view kind = line.substr(tab + 1);
      AbbreviationKind k = AbbreviationKind::kOther;
      if (kind == "title") k = AbbreviationKind::kTitle;
      if (kind == "month") k = AbbreviationKind::kMonth;
      abbreviations.emplace(std::string(line.substr(0, tab)), k);
    });
    data::ForEachLine(data::ktext_sentence_starters_txt,
                [this](std::string_view line) { starters.emplace(line); });
  }
};

const Lists& GetLists() {
  static const Lists* lists = new Lists();  // never destroyed: used at exit
  return *lists;
}

}  // namespace

AbbreviationKind LookupAbbreviation(std::string_view word) {
  const auto& map = GetLists().abbreviations;
  const auto it = map.find(std::string(word));
  return it == map.end() ? AbbreviationKind::kNone : it->second;
}

bool IsSentenceStarter(std::string_view word) {
  return GetLists().starters.contains(std::string(word));
}

}  // namespace newsmill::text
