// Rules over the tagger's spans: pairing each content with its cue and
// source, quotations the tagger missed, interrupted and multi-paragraph
// quotes, scare quotes, and the kind of each statement.
#include "newsmill/deadline.h"
#include "statements/assemble.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <unordered_set>

#include "statements/cue_lexicon.h"
#include "statements/tagger.h"

namespace newsmill::statements {
namespace {

bool IsDeterminer(const std::string& w) {
  return w == "the" || w == "a" || w == "an" || w == "this" || w == "these" ||
         w == "those" || w == "its" || w == "his" || w == "her" || w == "their" ||
         w == "our" || w == "my" || w == "your";
}

struct Quote {
  int open = 0, close = 0;  // mark tokens; close = last token when unclosed
  bool closed = true;
};

bool IsWord(const Token& t) {
  const unsigned char c = t.norm.empty() ? 0 : static_cast<unsigned char>(t.norm[0]);
  return t.quote == QuoteMark::kNone && (c >= 0x80 || std::isalnum(c));
}

bool IsBreak(const Token& t) {
  return t.quote != QuoteMark::kNone || t.norm == "," || t.norm == "." ||
         t.norm == ":" || t.norm == ";" || t.norm == "!" || t.norm == "?" ||
         t.norm == "--" || t.norm == "(" || t.norm == ")";
}

// The cue words of the text's language: English (cues.tsv), or another
// language's from cues_intl.tsv when the page is in one.
class Cues {
 public:
  static constexpr int kMaxCjkCue = 6;  // characters
  explicit Cues(std::string_view language)
      : language_(IsEnglish(language) ? std::string_view() : language) {}
  bool IsCue(const Token& t) const {
    const CueLexicon& lex = CueLexicon::Get();
    return lex.Find(t.norm, language_) != nullptr ||
           (!language_.empty() && lex.Find(WithoutInvertedPronoun(t.norm), language_) != nullptr);
  }
  // French puts the subject pronoun after the verb in an attribution:
  // "« … », explique-t-il", "a-t-elle déclaré".
  static bool InvertedPronoun(std::string_view w) {
    return w.ends_with("-il") || w.ends_with("-elle") || w.ends_with("-ils") ||
           w.ends_with("-elles") || w.ends_with("-on");
  }
  static std::string_view WithoutInvertedPronoun(std::string_view w) {
    if (!InvertedPronoun(w)) return w;
    w = w.substr(0, w.rfind('-'));
    return w.ends_with("-t") ? w.substr(0, w.size() - 2) : w;
  }
  bool IsAuxiliary(const Token& t) const {
    return !language_.empty() &&
           CueLexicon::Get().IsAuxiliary(WithoutInvertedPronoun(t.norm), language_);
  }
  bool English() const { return language_.empty(); }
  std::string_view language() const { return language_; }
  bool Japanese() const { return language_ == "ja"; }
  bool Chinese() const { return language_ == "zh"; }
  bool Korean() const { return language_ == "ko"; }

  // The last token of a cue that starts at token k, or -1. Chinese and
  // Japanese cues span several one-character tokens ("表示", "述べた"):
  // the longest listed form wins.
  int CueEnd(const std::vector<Token>& t, int k) const {
    if (IsCue(t[k])) return k;
    if (!Japanese() && !Chinese()) return -1;
    const CueLexicon& lex = CueLexicon::Get();
    std::string w = t[k].norm;
    int end = -1;
    for (int e = k + 1; e < static_cast<int>(t.size()) && e < k + kMaxCjkCue; ++e) {
      w += t[e].norm;
      if (lex.Find(w, language_) != nullptr) end = e;
    }
    return end;
  }
  // The first token of a cue that ends at token e, or -1.
  int CueStart(const std::vector<Token>& t, int e) const {
    if (IsCue(t[e])) return e;
    if (!Japanese() && !Chinese()) return -1;
    for (int k = std::max(0, e - kMaxCjkCue + 1); k < e; ++k) {
      if (CueEnd(t, k) == e) return k;
    }
    return -1;
  }

 private:
  std::string_view language_;
};

// Quotations: double marks, and single marks outside double ones (headline
// style "Lavrov: ‘...’"). An unclosed double quote runs to the paragraph end
// (the next paragraph reopens it).
std::vector<Quote> FindQuotes(const std::vector<Token>& t) {
  std::vector<Quote> out;
  const int n = static_cast<int>(t.size());
  std::vector<bool> in_double(n, false);
  for (int i = 0, open = -1; i < n; ++i) {
    if (t[i].single_quote) continue;
    if (t[i].quote == QuoteMark::kOpen && open < 0) open = i;
    if (t[i].quote == QuoteMark::kClose && open >= 0) {
      out.push_back({open, i, true});
      std::fill(in_double.begin() + open, in_double.begin() + i + 1, true);
      open = -1;
    }
    if (i == n - 1 && open >= 0 && open < n - 1) {
      out.push_back({open, n - 1, false});
      std::fill(in_double.begin() + open, in_double.end(), true);
    }
  }
  for (int i = 0, open = -1; i < n; ++i) {
    if (!t[i].single_quote || in_double[i]) continue;
    if (t[i].quote == QuoteMark::kOpen && open < 0 && i + 1 < n && IsWord(t[i + 1])) open = i;
    // An apostrophe after a letter inside the quote closes it only when a
    // break or the end follows ("the states' rights" does not).
    if (t[i].quote == QuoteMark::kClose && open >= 0 &&
        (i + 1 == n || IsBreak(t[i + 1]) || !IsWord(t[i - 1]))) {
      out.push_back({open, i, true});
      open = -1;
    }
  }
  std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.open < b.open; });
  return out;
}

int Words(const std::vector<Token>& t, int first, int last) {
  int n = 0;
  for (int i = std::max(first, 0); i <= last && i < static_cast<int>(t.size()); ++i) n += IsWord(t[i]);
  return n;
}

// Whether tokens [first, last] hold at least `count` words; stops there, so
// asking of a long sentence costs no more than a short one.
bool HasWords(const std::vector<Token>& t, int first, int last, int count) {
  for (int i = std::max(first, 0); i <= last && i < static_cast<int>(t.size()) && count > 0; ++i) {
    count -= IsWord(t[i]);
  }
  return count <= 0;
}

struct Attribution {
  int cue_first = -1, cue_last = -1, src_first = -1, src_last = -1;
  // The speaker is a pronoun inside the cue ("a-t-il déclaré"): the one
  // who spoke before.
  bool inverted_pronoun = false;
  bool found() const { return cue_first >= 0; }
};

// The source words before token `end` (exclusive): back to a break, at
// most 8 tokens.
void SourceBefore(const std::vector<Token>& t, int end, Attribution* a) {
  int b = end;
  while (b > 0 && end - b < 8 && !IsBreak(t[b - 1])) --b;
  // "From the ministry: “...”": the preposition is not the source.
  if (b + 1 < end && t[b].norm == "from") ++b;
  if (b < end) {
    a->src_first = b;
    a->src_last = end - 1;
  }
}
void SourceAfter(const Cues& cues, const std::vector<Token>& t, int begin, Attribution* a) {
  const int n = static_cast<int>(t.size());
  int e = begin;
  // Elsewhere than in English a source that opens with a capital is read
  // as a name and its title: it ends at the first lower-case word after
  // them ("sagte Olaf Scholz am Freitag", "a déclaré Emmanuel Macron
  // vendredi").
  const bool name_first = !cues.English() && begin < n && t[begin].upper;
  while (e < n && e - begin < 8 && !IsBreak(t[e]) && !cues.IsCue(t[e])) {
    if (name_first && !t[e].upper) break;
    ++e;
  }
  // "le ministre des Affaires étrangères, Jean-Noël Barrot": a description
  // takes the name in apposition after it.
  if (!cues.English() && !name_first && e > begin && e + 1 < n && t[e].norm == "," &&
      t[e + 1].upper) {
    int f = e + 1;
    while (f < n && f - e <= 4 && t[f].upper && !IsBreak(t[f])) ++f;
    e = f;
  }
  if (e > begin) {
    a->src_first = begin;
    a->src_last = e - 1;
  }
}

// Japanese names the speaker before the quotation, as the topic or
// subject of its sentence: "林外相は記者団に「…」と述べた" (林外相).
void JapaneseSubject(const std::vector<Token>& t, int open, Attribution* a) {
  int b = open;
  while (b > 0 && open - b < 30 && t[b - 1].norm != "." && t[b - 1].quote == QuoteMark::kNone) --b;
  for (int i = b + 1; i < open; ++i) {
    if (t[i].norm == "\u306F" || t[i].norm == "\u304C") {  // は, が
      a->src_first = b;
      a->src_last = i - 1;
      return;
    }
  }
}

// The bytes of the topic or subject particle that ends a Korean word
// (은, 는, 이, 가), 0 when it ends in none.
size_t KoreanParticle(std::string_view w) {
  for (std::string_view particle : {"\uC740", "\uB294", "\uC774", "\uAC00"}) {
    if (w.size() > particle.size() && w.ends_with(particle)) return particle.size();
  }
  return 0;
}

// Korean names the speaker before the quotation too, as the word that
// carries the topic or subject particle: "문재인 대통령은 “…”라고 말했다"
// (문재인 대통령은; DropKoreanParticle takes the particle off).
void KoreanSubject(const std::vector<Token>& t, int open, Attribution* a) {
  int b = open;
  while (b > 0 && open - b < 12 && t[b - 1].norm != "." && t[b - 1].quote == QuoteMark::kNone) --b;
  for (int i = b; i < open; ++i) {
    if (KoreanParticle(t[i].norm) > 0) {
      a->src_first = b;
      a->src_last = i;
      return;
    }
  }
}

void DropKoreanParticle(std::string_view text, ByteSpan* speaker) {
  speaker->end -= KoreanParticle(text.substr(speaker->begin, speaker->end - speaker->begin));
}

// Korean quotative particles between a quotation and its cue ("라고
// 말했다", "고 밝혔다").
bool IsKoreanQuotative(const std::string& w) {
  return w == "\uB77C\uACE0" || w == "\uC774\uB77C\uACE0" || w == "\uACE0" ||
         w == "\uBA70" || w == "\uBA74\uC11C";  // 라고 이라고 고 며 면서
}

// Chinese: the clause before a cue, without the time and place that
// often stand between the speaker and the verb: "中国外交部长王毅星期五在
// 北京表示" (中国外交部长王毅).
void ChineseSubject(const std::vector<Token>& t, int cue, Attribution* a) {
  int b = cue;
  while (b > 0 && cue - b < 24 && !IsBreak(t[b - 1])) --b;
  int e = cue;
  for (int i = b + 1; i < cue; ++i) {
    const std::string& w = t[i].norm;
    const std::string next = i + 1 < cue ? t[i + 1].norm : "";
    if (w == "\u5728" || w == "\u4E8E" ||                      // 在, 于
        (w == "\u661F" && next == "\u671F") ||                  // 星期
        ((w == "\u4ECA" || w == "\u6628") && next == "\u5929") ||  // 今天, 昨天
        w == "\u5468") {                                        // 周
      e = i;
      break;
    }
  }
  if (e > b) {
    a->src_first = b;
    a->src_last = e - 1;
  }
}

// "“...,” Lavrov said", "“...,” said Lavrov", "“...” –Commissioner X";
// "「…」と述べた", "“…，”他说".
Attribution AfterQuote(const Cues& cues, const std::vector<Token>& t, int open, int close) {
  Attribution a;
  const int n = static_cast<int>(t.size());
  int j = close + 1;
  if (j < n && (t[j].norm == "--" || t[j].norm == "-") && j + 1 < n && t[j + 1].upper) {
    a.cue_first = a.cue_last = j;
    SourceAfter(cues, t, j + 1, &a);
    return a;
  }
  // Elsewhere than in English an attribution after a quote follows a comma
  // („…“, sagte er; “…，”他说) unless the quote ends in a question or an
  // exclamation („Warum?“ fragte er): "Der sogenannte „Friedensplan“
  // wurde kritisiert" attributes nothing.
  bool comma = (j < n && t[j].norm == ",") || (close > 0 && t[close - 1].norm == ",");
  if (j < n && t[j].norm == ",") ++j;
  // Russian and Ukrainian put a dash before the cue: «…», — заявил Лавров.
  if (!cues.English() && j + 1 < n && (t[j].norm == "--" || t[j].norm == "-") &&
      !t[j + 1].upper) {
    ++j;
    comma = true;
  }
  // Japanese quotes with the particle と: 「…」と述べた; Korean with 라고.
  if ((cues.Japanese() && j < n && t[j].norm == "\u3068") ||
      (cues.Korean() && j < n && IsKoreanQuotative(t[j].norm))) {
    ++j;
    comma = true;
  }
  if (!cues.English() && !comma && !(close > 0 && (t[close - 1].norm == "?" || t[close - 1].norm == "!"))) {
    return a;
  }
  for (int k = j; k < n && k < j + 8; ++k) {
    const int cue_end = cues.CueEnd(t, k);
    if (cue_end >= 0) {
      // "a déclaré", "ha detto": the auxiliary belongs to the cue.
      int first = k;
      while (first > j && cues.IsAuxiliary(t[first - 1])) --first;
      a.cue_first = first;
      a.cue_last = cue_end;
      for (int i = first; i <= cue_end; ++i) a.inverted_pronoun |= Cues::InvertedPronoun(t[i].norm);
      if (a.inverted_pronoun) return a;
      if (cues.Japanese()) {
        JapaneseSubject(t, open, &a);
      } else if (cues.Korean()) {
        KoreanSubject(t, open, &a);
      } else if (first > j) {
        a.src_first = j;
        a.src_last = first - 1;
      } else {
        SourceAfter(cues, t, cue_end + 1, &a);
      }
      return a;
    }
    if (IsBreak(t[k])) break;
  }
  return a;
}

// "Lavrov said: “...”", "Lavrov: ‘...’", "From the ministry: “...”".
Attribution BeforeQuote(const Cues& cues, const std::vector<Token>& t, int open) {
  Attribution a;
  int j = open - 1;
  if (j < 1) return a;
  if (t[j].norm == ":" || t[j].norm == ",") {
    if (const int cue_start = cues.CueStart(t, j - 1); cue_start >= 0) {
      a.cue_first = cue_start;
      a.cue_last = j - 1;
      while (a.cue_first > 0 && cues.IsAuxiliary(t[a.cue_first - 1])) --a.cue_first;
      if (cues.Chinese()) ChineseSubject(t, a.cue_first, &a);
      else SourceBefore(t, a.cue_first, &a);
      if (a.src_first < 0) SourceAfter(cues, t, j, &a);
    } else if (t[j].norm == ":") {
      a.cue_first = a.cue_last = j;
      // "Baerbock erklärte am Abend in Brüssel: „…“": the cue word of the
      // clause before the colon, when there is one.
      for (int k = j - 2; !cues.English() && k >= 0 && k >= j - 7 && !IsBreak(t[k]); --k) {
        if (!cues.IsCue(t[k])) continue;
        a.cue_first = a.cue_last = k;
        while (a.cue_first > 0 && cues.IsAuxiliary(t[a.cue_first - 1])) --a.cue_first;
        SourceBefore(t, a.cue_first, &a);
        return a;
      }
      SourceBefore(t, j, &a);
    }
  }
  return a;
}

// Where a paragraph's sentences end: a full stop, a question or an
// exclamation mark that no closing quotation mark follows ("“... war.” he
// said" ends no sentence before "he"). Counted once per paragraph, so
// asking costs nothing however many spans there are.
class SentenceEnds {
 public:
  explicit SentenceEnds(const std::vector<Token>& t) : before_(t.size() + 1, 0) {
    for (size_t i = 0; i < t.size(); ++i) {
      const std::string& w = t[i].norm;
      bool end = w == "." || w == "!" || w == "?";
      if (end && i + 1 < t.size() &&
          (t[i + 1].quote == QuoteMark::kClose || t[i + 1].quote == QuoteMark::kAmbiguous)) {
        end = false;
      }
      before_[i + 1] = before_[i] + (end ? 1 : 0);
    }
  }
  // Whether a sentence ends strictly between tokens a and b (a < b).
  bool Between(int a, int b) const { return b > a + 1 && before_[b] - before_[a + 1] > 0; }

 private:
  std::vector<int> before_;  // sentence ends among tokens [0, i)
};

// The span nearest to tokens [first, last], in tokens; one in another
// sentence only when none is in the same ("It also has pushed for" is not
// the cue of the sentence before).
const TokenSpan* Nearest(const SentenceEnds& ends, const std::vector<TokenSpan>& spans,
                         int first, int last) {
  constexpr int kOtherSentence = 1 << 20;
  const TokenSpan* best = nullptr;
  int best_d = 1 << 30;
  for (const TokenSpan& s : spans) {
    if (s.first >= first && s.last <= last) continue;  // inside
    int d = s.last < first ? first - s.last : s.first > last ? s.first - last : 0;
    if ((s.last < first && ends.Between(s.last, first)) ||
        (s.first > last && ends.Between(last, s.first))) {
      d += kOtherSentence;
    }
    if (d < best_d) {
      best_d = d;
      best = &s;
    }
  }
  return best;
}

StatementKind KindOf(const std::vector<Quote>& quotes, int first, int last,
                     const Quote** whole) {
  *whole = nullptr;
  bool any = false;
  for (const Quote& q : quotes) {
    if (q.close < first || q.open > last) continue;
    any = true;
    if (q.open >= first - 1 && q.open <= first && q.close >= last - 1) *whole = &q;
  }
  if (*whole) return StatementKind::kDirect;
  return any ? StatementKind::kMixed : StatementKind::kIndirect;
}

ByteSpan Bytes(const std::vector<Token>& t, int first, int last) {
  return {t[first].begin, t[last].end};
}


bool IsParticle(const std::string& w) {
  return w == "for" || w == "on" || w == "to" || w == "about" || w == "out" ||
         w == "up" || w == "of" || w == "that";
}

// A cue span the tagger ran over a nested attribution ("said Putin again
// blamed"): the cue ends after its first cue word and particles; the rest
// opens the content when the content follows.
void SplitNestedCue(const Cues& cues, const std::vector<Token>& t, Attribution* a,
                    TokenSpan* content) {
  int first_cue = -1, second_cue = -1;
  for (int i = a->cue_first; i <= a->cue_last; ++i) {
    if (!cues.IsCue(t[i])) continue;
    if (first_cue < 0) first_cue = i;
    else if (i > first_cue + 1) second_cue = i;
  }
  if (first_cue < 0 || second_cue < 0) return;
  int end = first_cue;
  while (end + 1 < second_cue && IsParticle(t[end + 1].norm)) ++end;
  if (content->first == a->cue_last + 1) content->first = end + 1;
  a->cue_last = end;
}

// "A statement issued by the Kremlin ... said": the issuer of a document is
// the speaker. Returns the issuer's tokens before `cue` in its sentence.
bool DocumentIssuer(const std::vector<Token>& t, int cue, Attribution* a) {
  for (int i = cue - 1; i >= 1; --i) {
    const std::string& w = t[i].norm;
    if (w == "." || w == ";" || t[i].quote != QuoteMark::kNone) return false;
    if (w != "by" && w != "from") continue;
    const std::string& before = t[i - 1].norm;
    const std::string& head = (before == "issued" || before == "released" ||
                               before == "published") && i >= 2 ? t[i - 2].norm : before;
    if (head != "statement" && head != "release" && head != "communique" &&
        head != "readout" && head != "letter" && head != "report") {
      continue;
    }
    int e = i + 1;
    if (e < cue && (t[e].norm == "the" || t[e].norm == "a")) ++e;
    const int b = i + 1;
    while (e < cue && t[e].upper) ++e;
    if (e == b || !t[e - 1].upper) return false;
    a->src_first = b;
    a->src_last = e - 1;
    return true;
  }
  return false;
}

// A transcript's turn: "PENCE: Well, look, ...", "Q: ...", at `first` (a
// paragraph's or a quotation's first word). The speaker is one to three
// words in capitals before a colon; the colon is the cue. Returns the
// colon's index, or -1.
int TranscriptTurn(std::string_view text, const std::vector<Token>& t, int first) {
  const int n = static_cast<int>(t.size());
  // Labels that open a paragraph the same way and name no one.
  static constexpr std::string_view kLabels[] = {
      "update", "updated", "breaking", "watch", "read", "note", "photos", "video",
      "exclusive", "opinion", "analysis", "correction", "clarification", "editor"};
  if (first < n && std::find(std::begin(kLabels), std::end(kLabels), t[first].norm) !=
                       std::end(kLabels)) {
    return -1;
  }
  int i = first;
  for (; i < n && i < first + 3 && t[i].norm != ":"; ++i) {
    if (!IsWord(t[i])) return -1;
    for (uint32_t b = t[i].begin; b < t[i].end; ++b) {
      const char c = text[b];
      if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) return -1;
    }
  }
  return i > first && i + 1 < n && t[i].norm == ":" ? i : -1;
}

// "MOSCOW — Russia's foreign minister said": a dateline that opens the
// paragraph (a place in capitals or with "(Reuters)", maybe a date, then a
// dash) is not part of a source. The tagger learned from PolNeAR, whose
// texts have no datelines. Returns the dash's index, or -1.
int DatelineDash(std::string_view text, const std::vector<Token>& t) {
  if (t.size() < 3) return -1;
  bool all_caps_place = true;  // "MOSCOW", "KYIV, Ukraine"
  for (uint32_t i = t[0].begin; i < t[0].end; ++i) {
    const char c = text[i];
    if (!((c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '\'')) all_caps_place = false;
  }
  bool agency = false;  // "Washington (AP) —"
  for (int i = 0; i + 1 < static_cast<int>(t.size()) && i <= 10; ++i) {
    const std::string& w = t[i].norm;
    if (w == "--" || w == "-") return i > 0 && (all_caps_place || agency) ? i : -1;
    if (w == "(") agency = true;
    const bool fits = t[i].upper || w == "," || w == "(" || w == ")" || w == "." ||
                      (!w.empty() && w[0] >= '0' && w[0] <= '9');
    if (!fits) return -1;
  }
  return -1;
}

void SkipDateline(std::string_view text, const std::vector<Token>& t, Attribution* a) {
  if (a->src_first < 0 || a->src_first > 10) return;
  const int dash = DatelineDash(text, t);
  if (dash >= a->src_first && dash < a->src_last) a->src_first = dash + 1;
}

// Chinese and Japanese set names, titles and labels in quotation marks
// (「プロパティ」): with no cue, quoted characters are a statement only when
// they end a sentence or run long (each character is a token there).
bool CjkLabel(const Cues& cues, const std::vector<Token>& t, const TokenSpan& c) {
  if (!cues.Japanese() && !cues.Chinese()) return false;
  for (int i = c.last; i >= c.first; --i) {
    const std::string& w = t[i].norm;
    if (w == "." || w == "!" || w == "?") return false;
    if (t[i].quote == QuoteMark::kNone) break;
  }
  return c.last - c.first < 24;
}

}  // namespace

// The length of the "according to" marker at token i ("по словам",
// "selon"), or 0.
int AccordingMarker(const Cues& cues, const std::vector<Token>& t, int i) {
  constexpr size_t kLongestMarker = 3;  // words ("de acordo com")
  std::array<std::string_view, kLongestMarker> words;
  const size_t n = std::min(kLongestMarker, t.size() - static_cast<size_t>(i));
  for (size_t k = 0; k < n; ++k) words[k] = t[static_cast<size_t>(i) + k].norm;
  return static_cast<int>(CueLexicon::Get().AccordingToLength(
      cues.language(), std::span<const std::string_view>(words.data(), n)));
}

// Reported speech without quotation marks in languages the tagger does not
// read, in its commonest form in news: "По словам Зеленского, Россия должна
// ...", "Según el ministro, ..." (the source runs from the marker to the
// next comma, the content on to the sentence's end), and "..., selon le
// ministre." (the content is the sentence up to the comma before the
// marker). Adds the spans to the tagger's lists.
void AccordingTo(const Cues& cues, const std::vector<Token>& t, std::vector<TokenSpan>* cue_spans,
                 std::vector<TokenSpan>* sources, std::vector<TokenSpan>* contents) {
  constexpr int kLongestSource = 10, kShortestContent = 3;
  const int n = static_cast<int>(t.size());
  int sentence = 0;      // first token of the sentence
  int sentence_end = -1;  // its last token, once a marker asked (found once
                          // per sentence, so a run of markers stays linear)
  for (int i = 0; i < n; ++i) {
    if (i > 0 && EndsSentence(t, i - 1)) sentence = i;
    const int len = AccordingMarker(cues, t, i);
    if (len == 0) continue;
    if (sentence_end < i) {
      sentence_end = i;
      while (sentence_end + 1 < n && !EndsSentence(t, sentence_end)) ++sentence_end;
    }
    int end = sentence_end;  // without its full stop
    if (EndsSentence(t, end) && end > i) --end;
    int comma = i + len;  // the comma after the source
    while (comma <= end && t[comma].norm != "," && comma - (i + len) < kLongestSource) ++comma;
    if (i == sentence) {
      if (comma > end || t[comma].norm != "," || comma == i + len) continue;
      if (end - comma < kShortestContent) continue;
      cue_spans->push_back({1, i, i + len - 1});
      sources->push_back({0, i + len, comma - 1});
      contents->push_back({2, comma + 1, end});
    } else if (t[i - 1].norm == "," && i - 1 - sentence >= kShortestContent) {
      const int last = comma <= end && t[comma].norm == "," ? comma - 1 : end;
      if (last < i + len || last - (i + len) >= kLongestSource) continue;
      cue_spans->push_back({1, i, i + len - 1});
      sources->push_back({0, i + len, last});
      contents->push_back({2, sentence, i - 2});
    }
  }
}

// The participles of "be" that make a cue passive, in the languages of
// cues_intl.tsv.
bool IsPassiveAuxiliary(std::string_view w) {
  static const std::unordered_set<std::string_view> kParticiples = {
      "stato", "stata", "stati", "state",  // it
      "été",                               // fr
      "sido",                              // es, pt
      "worden", "wurde", "wurden",         // de
      "werd", "geworden"};                 // nl
  return kParticiples.contains(w);
}

// Reported clauses in languages the tagger does not read: a cue, then
// within a few words a complementizer ("Emmanuel Macron a déclaré mardi
// que …", "Merz sagte am Freitag, dass …", "Лавров заявил, что …"): the
// source is before the cue (and its auxiliary), the content the rest of the
// sentence after the complementizer. Adds the spans to the tagger's lists.
void ReportedClauses(const Cues& cues, const std::vector<Token>& t,
                     std::vector<TokenSpan>* cue_spans, std::vector<TokenSpan>* sources,
                     std::vector<TokenSpan>* contents) {
  constexpr int kMostWordsBetween = 4, kShortestContent = 3;
  const CueLexicon& lex = CueLexicon::Get();
  const int n = static_cast<int>(t.size());
  int sentence_end = -1;  // found once per sentence, as in AccordingTo
  for (int i = 1; i < n; ++i) {
    if (!cues.IsCue(t[i]) || t[i].quote != QuoteMark::kNone) continue;
    // Not "so" or "selon" ("so dass" is "so that"): only verbs take a clause.
    const CueEntry* entry = lex.Find(t[i].norm, cues.language());
    if (entry && entry->lemma == "according to") continue;
    int c = i + 1;  // the complementizer
    while (c < n && c - i <= kMostWordsBetween + 1 && !EndsSentence(t, c - 1) &&
           !lex.IsComplementizer(t[c].norm, cues.language()) &&
           (t[c].norm == "," || !IsBreak(t[c]))) {
      ++c;
    }
    if (c >= n || c - i > kMostWordsBetween + 1 ||
        !lex.IsComplementizer(t[c].norm, cues.language())) {
      continue;
    }
    if (sentence_end < c) {
      sentence_end = c;
      while (sentence_end + 1 < n && !EndsSentence(t, sentence_end)) ++sentence_end;
    }
    int end = sentence_end;  // the content's last token, without the full stop
    if (EndsSentence(t, end)) --end;
    int first = c + 1;  // "что, хоть …": not the comma
    while (first < end && t[first].norm == ",") ++first;
    if (!HasWords(t, first, end, kShortestContent)) continue;
    // A passive ("è stato annunciato che", "il a été annoncé que") names
    // no one who spoke.
    if (IsPassiveAuxiliary(t[i - 1].norm)) continue;
    Attribution a;
    a.cue_first = i;
    while (a.cue_first > 0 && cues.IsAuxiliary(t[a.cue_first - 1])) --a.cue_first;
    SourceBefore(t, a.cue_first, &a);
    // "El presidente del Gobierno, Pedro Sánchez, dijo que": the name in
    // apposition before the comma.
    if (a.src_first < 0 && a.cue_first > 1 && t[a.cue_first - 1].norm == ",") {
      SourceBefore(t, a.cue_first - 1, &a);
    }
    if (a.src_first < 0) continue;
    cue_spans->push_back({1, a.cue_first, i});
    sources->push_back({0, a.src_first, a.src_last});
    contents->push_back({2, first, end});
    i = end;
  }
}

std::vector<TokenSpan> SpansOf(const std::vector<uint8_t>& y) {
  std::vector<TokenSpan> out;
  for (size_t i = 0; i < y.size(); ++i) {
    if (y[i] == kO) continue;
    const int role = (y[i] - 1) / 2;
    const bool begins = (y[i] - 1) % 2 == 0 || out.empty() || y[i - 1] == kO ||
                        out.back().role != role || out.back().last != static_cast<int>(i) - 1;
    if (begins) out.push_back({role, static_cast<int>(i), static_cast<int>(i)});
    else out.back().last = static_cast<int>(i);
  }
  return out;
}

std::vector<Statement> Assemble(std::string_view text,
                                const std::vector<Paragraph>& paragraphs,
                                const StatementOptions& options) {
  const Cues lexicon(options.language);
  std::vector<Statement> out;
  // The last statement of the paragraph before (a copy: `out` grows).
  Statement prev;
  bool has_prev = false;
  // Statements of a quotation left open at a paragraph's end with no
  // attribution of their own: the paragraphs that go on with the quote
  // (each opens with a quotation mark) may name its speaker at the end
  // ("“A ... ¶ “B,” said Jane Smith.").
  std::vector<size_t> awaiting;
  for (const Paragraph& p : paragraphs) {
    if (TimeUp()) break;  // the document's time budget (deadline.h)
    const std::vector<Token>& t = p.tokens;
    if (t.empty()) continue;
    const std::vector<Quote> quotes = FindQuotes(t);
    if (quotes.empty() || quotes.front().open != 0) awaiting.clear();
    // "“…” ¶ — Daniel Marsh, chief executive": a line of its own that
    // starts with a dash and a name attributes the quote just before it
    // (a <blockquote>'s <footer>).
    if (has_prev && !out.empty() && out.back().kind == StatementKind::kDirect &&
        out.back().cue.end == out.back().cue.begin && t.size() >= 2 && t.size() <= 24 &&
        (t[0].norm == "--" || t[0].norm == "-") && t[1].upper && quotes.empty()) {
      Attribution a;
      SourceAfter(lexicon, t, 1, &a);
      if (a.src_first >= 0) {
        out.back().cue = Bytes(t, 0, 0);
        out.back().speaker = Bytes(t, a.src_first, a.src_last);
        out.back().speaker_reason.clear();
        prev = out.back();
        continue;
      }
    }
    const SentenceEnds ends(t);
    std::vector<TokenSpan> cues, sources, contents;
    for (const TokenSpan& s : SpansOf(p.labels)) {
      (s.role == 0 ? sources : s.role == 1 ? cues : contents).push_back(s);
    }
    if (!lexicon.English()) {
      AccordingTo(lexicon, t, &cues, &sources, &contents);
      ReportedClauses(lexicon, t, &cues, &sources, &contents);
    }
    struct Candidate {
      TokenSpan content;
      bool from_rule = false;
    };
    std::vector<Candidate> candidates;
    for (const TokenSpan& c : contents) candidates.push_back({c, false});
    for (const Quote& q : quotes) {
      bool covered = false;
      for (const TokenSpan& c : contents) covered |= c.first <= q.close && c.last >= q.open;
      if (!covered) candidates.push_back({{2, q.open, q.close}, true});
    }
    if (!options.model && lexicon.English()) {
      // Rules only: "<source> <cue> that <content>".
      for (int i = 1; i + 2 < static_cast<int>(t.size()); ++i) {
        if (!lexicon.IsCue(t[i]) || t[i + 1].norm != "that") continue;
        int e = i + 2;
        while (e + 1 < static_cast<int>(t.size()) && t[e + 1].norm != ".") ++e;
        candidates.push_back({{2, i + 2, e}, false});
        cues.push_back({1, i, i});
        Attribution a;
        SourceBefore(t, i, &a);
        if (a.src_first >= 0) sources.push_back({0, a.src_first, a.src_last});
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.content.first < b.content.first;
    });
    const size_t para_start = out.size();
    int last_content_end = -1;  // last token of out.back()'s content, when mergeable
    for (const Candidate& cand : candidates) {
      if (TimeUp()) break;
      const TokenSpan& c = cand.content;
      const Quote* whole = nullptr;
      const StatementKind kind = KindOf(quotes, c.first, c.last, &whole);
      Attribution a;
      if (!cand.from_rule) {
        if (const TokenSpan* cue = Nearest(ends, cues, c.first, c.last)) {
          a.cue_first = cue->first;
          a.cue_last = cue->last;
          if (const TokenSpan* src = Nearest(ends, sources, cue->first, cue->last)) {
            if (!(src->first >= c.first && src->last <= c.last)) {
              a.src_first = src->first;
              a.src_last = src->last;
            }
          }
        }
      }
      // A transcript's turn, quoted or not ("“PENCE: Well, ...").
      const int turn_first = whole ? whole->open + 1 : c.first;
      const bool turn_at_start = whole ? whole->open == 0 : c.first == 0;
      const int turn_colon =
          a.found() || !turn_at_start ? -1 : TranscriptTurn(text, t, turn_first);
      if (turn_colon >= 0) {
        a.cue_first = a.cue_last = turn_colon;
        a.src_first = turn_first;
        a.src_last = turn_colon - 1;
      }
      if (!a.found() && whole) {
        a = AfterQuote(lexicon, t, whole->open, whole->close);
        if (!a.found()) a = BeforeQuote(lexicon, t, whole->open);
        if (!a.found() && cand.from_rule) {
          // A quotation next to a cue the tagger found for another part of
          // the paragraph ("“A,” he said, “B.”").
          if (const TokenSpan* cue = Nearest(ends, cues, c.first, c.last)) {
            a.cue_first = cue->first;
            a.cue_last = cue->last;
            if (const TokenSpan* src = Nearest(ends, sources, cue->first, cue->last)) {
              a.src_first = src->first;
              a.src_last = src->last;
            }
          }
        }
      }
      if (a.found() && a.src_first < 0) {
        // A cue with no cue word and no source is the tagger guessing
        // ("includes vaguely formulated “demilitarization”").
        bool cue_word = t[a.cue_first].norm == ":" || t[a.cue_first].norm == "--";
        for (int i = a.cue_first; i <= a.cue_last; ++i) cue_word |= lexicon.CueEnd(t, i) >= 0;
        // Nor is a cue word after a determiner: a noun ("The plan includes
        // ...", "a report on ..."), with no one saying anything.
        if (a.cue_first > 0 && IsDeterminer(t[a.cue_first - 1].norm)) cue_word = false;
        if (!cue_word) a = Attribution();
      }
      TokenSpan content = c;
      if (turn_colon >= 0) content.first = std::max(content.first, turn_colon + 1);
      if (a.found()) {
        SplitNestedCue(lexicon, t, &a, &content);
        DocumentIssuer(t, a.cue_first, &a);
      }
      Statement s;
      s.kind = kind;
      if (!a.found()) {
        if (kind != StatementKind::kDirect) continue;  // reported words without a cue
        if (CjkLabel(lexicon, t, c)) continue;
        const bool opens_paragraph = c.first == 0 || (whole && whole->open == 0);
        // (Only a speaker continues: a quote after a statement that named
        // no one has no speaker either, not that statement's cue.)
        if (has_prev && opens_paragraph && kind == StatementKind::kDirect &&
            prev.speaker.end > prev.speaker.begin) {
          // The quote goes on from the paragraph before, or one speaker's
          // quotes follow each other: the same speaker.
          s.cue = prev.cue;
          s.speaker = prev.speaker;
        } else if (Words(t, c.first, c.last) <= static_cast<int>(options.max_scare_quote_words)) {
          continue;  // a scare quote
        }
      } else {
        s.cue = Bytes(t, a.cue_first, a.cue_last);
        SkipDateline(text, t, &a);
        if (a.src_first >= 0) s.speaker = Bytes(t, a.src_first, a.src_last);
        if (lexicon.Korean()) DropKoreanParticle(text, &s.speaker);
        if (a.inverted_pronoun && has_prev) s.speaker = prev.speaker;
      }
      if (whole) {
        int f = turn_colon >= 0 ? turn_colon + 1 : whole->open + 1;
        int l = whole->closed ? whole->close - 1 : whole->close;
        while (l > f && (t[l].norm == "," || t[l].quote != QuoteMark::kNone)) --l;
        if (f > l) continue;
        s.content = Bytes(t, f, l);
        if (whole->open == 0 && !awaiting.empty()) {
          // The quote left open before goes on here: it is this part's
          // speaker's when this part names one; either way it ends when
          // this part closes.
          if (a.found() && a.src_first >= 0) {
            for (size_t k : awaiting) {
              out[k].cue = s.cue;
              out[k].speaker = s.speaker;
            }
          }
          if (a.found() || whole->closed) awaiting.clear();
        }
        if (!a.found() && !whole->closed) awaiting.push_back(out.size());
      } else {
        int l = content.last;
        while (l > content.first && (t[l].norm == "," || t[l].norm == ".")) --l;
        s.content = Bytes(t, content.first, l);
        // One reported clause the tagger cut in two ("urged Ukraine to
        // acknowledge Crimea, which Moscow annexed ..., as part of Russia
        // and to recognize ..."): the same cue and source, the same
        // sentence, nothing of theirs in between.
        if (last_content_end >= 0 && out.size() > para_start && a.found()) {
          Statement& before = out.back();
          const bool same = before.cue.begin == s.cue.begin && before.cue.end == s.cue.end &&
                            before.speaker.begin == s.speaker.begin &&
                            before.speaker.end == s.speaker.end;
          const bool attribution_between =
              (a.cue_first > last_content_end && a.cue_last < content.first) ||
              (a.src_first > last_content_end && a.src_last < content.first);
          if (same && !attribution_between && !ends.Between(last_content_end, content.first)) {
            before.content.end = s.content.end;
            if (s.kind == StatementKind::kMixed) before.kind = StatementKind::kMixed;
            last_content_end = l;
            continue;
          }
        }
        last_content_end = a.found() ? l : -1;
        out.push_back(s);
        continue;
      }
      last_content_end = -1;
      out.push_back(s);
    }
    has_prev = out.size() > para_start;
    if (has_prev) prev = out.back();
  }
  return out;
}

}  // namespace newsmill::statements
