#include "extract/text_lines.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <unordered_set>

#include "common/data_lines.h"
#include "common/utf8.h"
#include "extract/dates.h"

namespace newsmill::data {
extern const std::string_view kchrome_byline_roles_txt;
}  // namespace newsmill::data

namespace newsmill::extract {
namespace {

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x2009 || cp == 0x200A || cp == 0x202F ||
         cp == 0x3000 || cp == 0xFEFF || cp == 0x200B;
}

// Closing marks after a sentence's end, German „…“ and ‚…‘ (which close
// with “ and ‘) included.
bool IsClosing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
         cp == 0x2019 || cp == 0xBB || cp == 0x203A || cp == 0x300D ||
         cp == 0x300F || cp == '*' || cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

bool IsTerminal(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ':' ||
         cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x061F ||
         cp == 0x06D4 || cp == 0x0964;
}

std::string CollapseSpaces(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  size_t pos = 0;
  bool pending_space = false;
  while (pos < line.size()) {
    const size_t start = pos;
    const char32_t cp = utf8::Next(line, &pos);
    if (IsSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(line.substr(start, pos - start));
  }
  return out;
}

void ComputeEnds(TextLine* line) {
  const std::string& s = line->text;
  size_t pos = s.size();
  char32_t last = 0;
  while (pos > 0) {
    last = utf8::Prev(s, &pos);
    if (!IsClosing(last)) break;
  }
  line->ends_sentence = IsTerminal(last);
  line->ends_ellipsis =
      last == 0x2026 || (s.size() >= 3 && s.ends_with("..."));
  line->ends_continuable = last == ',' || last == '-' || last == 0xAD ||
                           u_isalnum(static_cast<UChar32>(last));
}

void ComputeStarts(TextLine* line) {
  const std::string& s = line->text;
  size_t pos = 0;
  const char32_t first = utf8::Next(s, &pos);
  line->starts_bullet = first == 0x2022 || first == 0x25CF || first == 0x25AA ||
                        first == 0xB7 || first == 0x2023 ||
                        ((first == '-' || first == '*' || first == 0x2013) &&
                         pos < s.size() && s[pos] == ' ');
  if (!line->starts_bullet && first >= '0' && first <= '9') {
    size_t p = pos;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    line->starts_bullet = p + 1 < s.size() && (s[p] == '.' || s[p] == ')') &&
                          s[p + 1] == ' ' && p <= 2;
  }
  // The first letter, past opening quotes and brackets.
  pos = 0;
  while (pos < s.size()) {
    const char32_t cp = utf8::Next(s, &pos);
    if (u_isalpha(static_cast<UChar32>(cp))) {
      line->starts_lower = u_islower(static_cast<UChar32>(cp));
      return;
    }
    if (u_isdigit(static_cast<UChar32>(cp))) return;
  }
}

const std::unordered_set<std::string>& BylineRoleWords() {
  static const auto* words = [] {
    auto* set = new std::unordered_set<std::string>;
    data::ForEachLine(data::kchrome_byline_roles_txt,
                      [set](std::string_view w) { set->insert(std::string(w)); });
    return set;
  }();
  return *words;
}

bool IsParticle(std::string_view w) {
  static const std::unordered_set<std::string_view> kParticles = {
      "de", "da", "das", "do", "dos", "di", "del", "della", "der", "den",
      "van", "von", "zu", "la", "le", "du", "des", "y", "e", "bin", "ibn",
      "al", "el", "ben", "ter", "ten", "af", "mac", "st."};
  return kParticles.count(w) > 0;
}

std::vector<std::string_view> SplitAny(std::string_view s,
                                       std::initializer_list<std::string_view> seps) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  size_t i = 0;
  while (i < s.size()) {
    bool cut = false;
    for (std::string_view sep : seps) {
      if (s.substr(i).starts_with(sep)) {
        parts.push_back(s.substr(start, i - start));
        i += sep.size();
        start = i;
        cut = true;
        break;
      }
    }
    if (!cut) ++i;
  }
  parts.push_back(s.substr(start));
  return parts;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',' || s.front() == '(')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '.' ||
                        s.back() == ')')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

size_t CountWords(std::string_view s) {
  size_t n = 0;
  size_t cjk = 0;  // Chinese and Japanese characters
  bool in_word = false;
  size_t pos = 0;
  while (pos < s.size()) {
    const auto byte = static_cast<unsigned char>(s[pos]);
    char32_t c = byte;
    if (byte < 0x80) ++pos;
    else c = utf8::Next(s, &pos);
    const bool cjk_letter = utf8::IsHanOrKana(c);
    const bool cjk_punct = (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF20);
    if (cjk_letter) ++cjk;
    const bool space = c == ' ' || cjk_letter || cjk_punct;
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n + (cjk + 1) / 2;
}

std::vector<TextLine> SplitLines(std::string_view text,
                                 const ChromeLexicon& lexicon) {
  std::vector<TextLine> lines;
  size_t start = 0;
  bool blank_before = false;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    TextLine line;
    line.text = CollapseSpaces(raw);
    if (line.text.empty()) {
      blank_before = !lines.empty();
    } else {
      line.source = {start, start + raw.size()};
      line.blank_before = blank_before;
      blank_before = false;
      line.words = CountWords(line.text);
      ComputeEnds(&line);
      ComputeStarts(&line);
      line.has_hit = MatchChrome(lexicon, line.text, line.words, &line.hit);
      lines.push_back(std::move(line));
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// Byline words followed by a name rather than a date.
bool IsBylineNameWord(std::string_view phrase) {
  static constexpr std::string_view kNameWords[] = {
      "by", "par", "von", "por", "di", "door", "av", "about", "über", "sobre"};
  for (std::string_view w : kNameWords) {
    if (phrase == w) return true;
  }
  return false;
}

bool MatchChrome(const ChromeLexicon& lexicon, std::string_view text, size_t words,
                 LexiconHit* hit) {
  if (!lexicon.Match(text, words, hit)) return false;
  // Bylines and author boxes need what follows their phrase checked:
  // "Posted on March 3" is a byline, "Posted on social media by analysts,
  // the port ..." is prose. Phrases ending in a colon ("Tags:") say enough.
  if (hit->match != MatchType::kPrefix || hit->phrase.ends_with(":") ||
      (hit->kind != ChromeKind::kByline && hit->kind != ChromeKind::kAuthorBox)) {
    return true;
  }
  // Credit lines of wire copy list many names: "(Reporting by A and B;
  // additional reporting by C; Editing by D)".
  const bool credit = hit->phrase.find("reporting") != std::string::npos ||
                      hit->phrase.find("editing") != std::string::npos;
  FoundDate date;
  const bool names =
      !NamesFromByline(hit->rest).empty() && (words <= 12 || (credit && words <= 40));
  // "Published 1 day ago", "Updated at 1:23 p.m.": dates a date parser
  // does not read; but "By 2020, ..." is prose, so only for words that
  // announce a date rather than a name.
  const bool date_word = !IsBylineNameWord(hit->phrase);
  const bool dated =
      hit->kind == ChromeKind::kByline && words <= 16 &&
      (FindDate(hit->rest, &date) ||
       (date_word && words <= 8 &&
        hit->rest.find_first_of("0123456789") != std::string::npos));
  if (names || dated) return true;
  return lexicon.Match(text, words, hit, /*prefixes=*/false);
}

bool HitNamesAuthors(const LexiconHit& hit) {
  return hit.match == MatchType::kPrefix &&
         (hit.kind == ChromeKind::kByline || hit.kind == ChromeKind::kAuthorBox) &&
         !hit.phrase.starts_with("editing") && !hit.phrase.starts_with("additional");
}

bool HitIntroducesNames(const LexiconHit& hit) {
  std::string_view phrase = hit.phrase;
  const size_t space = phrase.rfind(' ');
  if (space != std::string_view::npos) phrase.remove_prefix(space + 1);
  // "About Me", "Über uns": an author box's heading, not a byline.
  const bool about = phrase == "about" || phrase == "über" || phrase == "sobre";
  return HitNamesAuthors(hit) && IsBylineNameWord(phrase) && !about;
}

bool IsNameLike(std::string_view s) {
  size_t words = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    if (pos >= s.size()) break;
    size_t end = s.find(' ', pos);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view word = s.substr(pos, end - pos);
    pos = end;
    ++words;
    if (IsParticle(word)) continue;
    size_t p = 0;
    const char32_t first = utf8::Next(word, &p);
    const auto c = static_cast<UChar32>(first);
    const bool caseless_letter = u_isalpha(c) && !u_islower(c) && !u_isupper(c);
    if (!(u_isupper(c) || u_istitle(c) || caseless_letter)) return false;
    for (size_t q = 0; q < word.size();) {
      const auto cp = static_cast<UChar32>(utf8::Next(word, &q));
      if (u_isdigit(cp) || cp == '|' || cp == '@' || cp == ':') return false;
    }
  }
  return words >= 1 && words <= 6;
}

// "Louis Jacobson on Monday", "Moritz Bachmann publiziert am 25.": a name
// ends where a word in lower case (other than a particle such as "van")
// begins.
std::string_view UpToLowerCaseWord(std::string_view part) {
  size_t pos = part.find(' ');
  while (pos != std::string_view::npos) {
    const size_t start = pos + 1;
    size_t end = part.find(' ', start);
    const std::string_view word =
        part.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    size_t p = 0;
    if (!word.empty() && !IsParticle(word) &&
        u_islower(static_cast<UChar32>(utf8::Next(word, &p)))) {
      return Trim(part.substr(0, pos));
    }
    pos = end;
  }
  return part;
}

// "RDN", "CNN", "M.D.": two to six capital letters, dots allowed.
bool IsAcronym(std::string_view word) {
  size_t letters = 0;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '.') {
      return false;
    }
  }
  return letters >= 2 && letters <= 6;
}

// "TOM KRISHER" -> "Tom Krisher": bylines set in capitals by a style sheet
// rule are names all the same. Mixed-case text is left alone.
std::string UnshoutName(std::string_view name) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  bool lower = false, upper = false;
  for (int32_t i = 0; i < u.length(); ++i) {
    lower |= u_islower(u.charAt(i)) != 0;
    upper |= u_isupper(u.charAt(i)) != 0;
  }
  if (lower || !upper) return std::string(name);
  u.toTitle(nullptr);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::vector<std::string> NamesFromByline(std::string_view rest) {
  // "Will Dunham; Editing by Tom Brown)": the first credit is the author's.
  rest = rest.substr(0, rest.find(';'));
  // "March 19, 2023 by Sam Whitfield": the names follow the last "by".
  for (std::string_view by : {" by ", " By ", " par ", " von ", " por ", " di ", " door "}) {
    const size_t at = rest.rfind(by);
    if (at != std::string_view::npos) {
      rest = rest.substr(at + by.size());
      break;
    }
  }
  // What follows a separator is a date, a role or a site, not a name.
  for (std::string_view stop : {" | ", " · ", " • ", " — ", " – ", " - ", "|"}) {
    const size_t at = rest.find(stop);
    if (at != std::string_view::npos) rest = rest.substr(0, at);
  }
  std::vector<std::string> names;
  for (std::string_view part :
       SplitAny(rest, {", ", " and ", " & ", " und ", " et ", " y ", " e ",
                       " en ", " och ", " og ", " и ", " i "})) {
    part = Trim(part);
    // "A, B, and C": the serial comma leaves the conjunction on the part.
    for (std::string_view conj : {"and ", "& "}) {
      if (part.starts_with(conj)) part = Trim(part.substr(conj.size()));
    }
    // "Jane Doe, MS, RDN", "Jane Doe, CNN": one word in capitals is a
    // credential or an agency, not a name.
    bool role = false;
    const std::string folded = FoldForMatch(part);
    for (std::string_view w : SplitAny(folded, {" ", "-"})) {
      role |= BylineRoleWords().count(std::string(w)) > 0;
    }
    if (role) continue;
    part = UpToLowerCaseWord(part);
    if (part.find(' ') == std::string_view::npos && IsAcronym(part)) continue;
    const std::string name = UnshoutName(part);
    if (!name.empty() && IsNameLike(name)) names.push_back(name);
  }
  return names;
}

}  // namespace newsmill::extract
