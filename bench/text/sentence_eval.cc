// Sentence-boundary agreement with the CoreNLP-style sentences of PolNeAR dev.
//
// Gold: sentences/valid.txt (one JSON object a line: "tokens", "id"), whose
// ids are the dev text file names plus a "_xxxx" suffix; an article repeated
// under several suffixes is counted once (its first run of lines). Each
// article's gold tokens are aligned to its raw text character by character,
// allowing for PTB normalisation (`` '' ` for quotes, -LRB- -RRB- ..., "--"
// for dashes, "..." for "…", the extra "." CoreNLP adds after "U.S." at a
// sentence end) and resynchronising over anything else; a gold boundary is
// the text offset just after a sentence's last aligned character. A system
// boundary is the end of a sentence's last non-space character. The end of
// an article is no boundary. Scores: boundary precision, recall, F1 for
// plain ICU (icu::BreakIterator::createSentenceInstance, root locale) and
// newsmill's TextAnalyzer, over all boundaries and over those inside a
// paragraph (no line break between the two sentences; both systems, like the
// gold, always break at a blank line). Then the most frequent error kinds of
// newsmill (and with --icu-errors, of ICU), grouped by the word before and
// after the boundary, with an example context.
//
// Articles whose gold does not align with their text (more than
// --max-skip percent, default 1, of characters skipped: valid.txt holds
// another version of a few articles) are left out and named.
//
// Run: build/bench/text/sentence_eval [--gold valid.txt] [--text dir]
//        [--top N] [--all] [--icu-errors] [--max-skip PERCENT]
#include <simdjson.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "newsmill/text.h"

namespace fs = std::filesystem;

namespace {

struct GoldDoc {
  std::string name;                             // text file name without .txt
  std::vector<std::vector<std::string>> sents;  // tokens of each sentence
};

// "huff-post_..._5fec" -> "huff-post_...": drops a final "_" + 4 hex digits.
std::string BaseName(const std::string& id) {
  if (id.size() > 5 && id[id.size() - 5] == '_' &&
      std::all_of(id.end() - 4, id.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c));
      })) {
    return id.substr(0, id.size() - 5);
  }
  return id;
}

bool ReadGold(const std::string& path, std::vector<GoldDoc>* docs) {
  std::ifstream in(path);
  if (!in) return false;
  simdjson::dom::parser parser;
  std::set<std::string> seen_bases;
  std::string line;
  std::string current_id;
  bool keep = false;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    simdjson::dom::element obj;
    if (parser.parse(line).get(obj) != simdjson::SUCCESS) continue;
    std::string_view id;
    if (obj["id"].get_string().get(id) != simdjson::SUCCESS) continue;
    if (id != current_id) {
      current_id = std::string(id);
      const std::string base = BaseName(current_id);
      keep = seen_bases.insert(base)
                 .second;  // an article's later copies are skipped
      if (keep) docs->push_back({base, {}});
    }
    if (!keep) continue;
    simdjson::dom::array tokens;
    if (obj["tokens"].get_array().get(tokens) != simdjson::SUCCESS) continue;
    std::vector<std::string> sent;
    for (simdjson::dom::element t : tokens) {
      std::string_view s;
      if (t.get_string().get(s) == simdjson::SUCCESS) sent.emplace_back(s);
    }
    docs->back().sents.push_back(std::move(sent));
  }
  return true;
}

// A normalised character stream: each char remembers the raw byte range it
// came from, and an owner (a gold sentence index; unused for the text).
struct Stream {
  std::string chars;
  std::vector<uint32_t> begin, end;
  std::vector<int> owner;
  void Push(char c, uint32_t b, uint32_t e, int o) {
    chars.push_back(c);
    begin.push_back(b);
    end.push_back(e);
    owner.push_back(o);
  }
};

bool IsSpaceCp(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || c == 0xAD || c == 0x200B || c == 0x200C ||
         c == 0x200D || c == 0xFEFF || c == 0x2028 || c == 0x2029 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Appends `s` to `out` in normalised form: white space dropped, quotes to
// ' and ", dashes to one '-', "…" to "...".
void Normalise(std::string_view s, uint32_t base, int owner, Stream* out) {
  int32_t pos = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (pos < n) {
    const int32_t start = pos;
    UChar32 c;
    U8_NEXT(s.data(), pos, n, c);
    const uint32_t b = base + static_cast<uint32_t>(start);
    const uint32_t e = base + static_cast<uint32_t>(pos);
    if (c < 0 || IsSpaceCp(c)) continue;
    char m = 0;
    switch (c) {
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x2032:
      case '`':
        m = '\'';
        break;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x2033:
      case 0xAB:
      case 0xBB:
        m = '"';
        break;
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2015:
      case 0x2212:
        m = '-';
        break;
      case 0x2026:
        for (int k = 0; k < 3; ++k) out->Push('.', b, e, owner);
        continue;
      default:
        break;
    }
    if (m == 0 && c < 0x80) m = static_cast<char>(c);
    if (m ==
        0) {  // other non-ASCII: its bytes, each mapped to the whole code point
      for (int32_t k = start; k < pos; ++k) out->Push(s[k], b, e, owner);
      continue;
    }
    // "''" and "``" are one double quote; a run of dashes is one dash.
    if (!out->chars.empty() && out->owner.back() == owner &&
        out->end.back() == b &&
        ((m == '\'' && out->chars.back() == '\'') ||
         (m == '-' && out->chars.back() == '-'))) {
      if (m == '\'') out->chars.back() = '"';
      out->end.back() = e;
      continue;
    }
    out->Push(m, b, e, owner);
  }
}

std::string_view UnPtb(const std::string& tok) {
  static const std::map<std::string, std::string, std::less<>> kMap = {
      {"``", "\""},   {"''", "\""},   {"`", "'"},     {"-LRB-", "("},
      {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"}, {"-LCB-", "{"},
      {"-RCB-", "}"}, {"--", "-"}};
  const auto it = kMap.find(tok);
  return it == kMap.end() ? std::string_view(tok)
                          : std::string_view(it->second);
}

struct AlignStats {
  size_t gold_chars = 0, text_chars = 0, gold_skipped = 0, text_skipped = 0;
};

// Where each gold token lies in `text`: begin and end byte offsets of its
// aligned characters (0, 0 when none aligned).
struct TokenSpans {
  std::vector<uint32_t> begin, end;
};

TokenSpans AlignGold(std::string_view text,
                     const std::vector<std::string>& tokens,
                     AlignStats* stats) {
  Stream t, g;
  Normalise(text, 0, 0, &t);
  uint32_t at = 0;  // a fake offset per token so adjacent tokens do not merge
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string_view u = UnPtb(tokens[k]);
    Normalise(u, at, static_cast<int>(k), &g);
    at += static_cast<uint32_t>(u.size()) + 1;
  }
  TokenSpans spans{std::vector<uint32_t>(tokens.size(), 0),
                   std::vector<uint32_t>(tokens.size(), 0)};
  size_t i = 0, j = 0;
  const size_t kMaxSkip = 40, kSync = 6;
  auto synced = [&](size_t a, size_t b) {
    const size_t len =
        std::min({kSync, g.chars.size() - a, t.chars.size() - b});
    if (len == 0) return a >= g.chars.size() && b >= t.chars.size();
    return g.chars.compare(a, len, t.chars, b, len) == 0;
  };
  while (i < g.chars.size() && j < t.chars.size()) {
    if (g.chars[i] == t.chars[j]) {
      const int k = g.owner[i];
      if (spans.end[k] == 0) spans.begin[k] = t.begin[j];
      spans.end[k] = t.end[j];
      ++i;
      ++j;
      continue;
    }
    // Resynchronise with the fewest skipped characters.
    bool found = false;
    for (size_t total = 1; total <= 2 * kMaxSkip && !found; ++total) {
      for (size_t a = 0; a <= std::min(total, kMaxSkip) && !found; ++a) {
        const size_t b = total - a;
        if (b > kMaxSkip || i + a > g.chars.size() || j + b > t.chars.size())
          continue;
        if (synced(i + a, j + b)) {
          stats->gold_skipped += a;
          stats->text_skipped += b;
          i += a;
          j += b;
          found = true;
        }
      }
    }
    if (!found) {  // give up on one character of each
      ++stats->gold_skipped;
      ++stats->text_skipped;
      ++i;
      ++j;
    }
  }
  stats->gold_skipped += g.chars.size() - i;
  stats->text_skipped += t.chars.size() - j;
  stats->gold_chars += g.chars.size();
  stats->text_chars += t.chars.size();
  return spans;
}

bool IsBoundaryToken(const std::string& t) {
  return t == "." ||
         (!t.empty() && t.find_first_not_of("?!") == std::string::npos);
}

bool IsFollowerToken(const std::string& t) {
  return t == "''" || t == "'" || t == "\"" || t == "-RRB-" || t == "-RSB-" ||
         t == "-RCB-" || t == ")" || t == "]" || t == "\u201D" ||
         t == "\u2019" || t == "\u00BB";
}

bool IsInnerPunct(const std::string& t) {
  return t == "," || t == ";" || t == ":" || t == "-" || t == "--";
}

bool StartsLowerAscii(const std::string& t) {
  return !t.empty() && t[0] >= 'a' && t[0] <= 'z';
}

struct GoldCounts {
  size_t units = 0, unit_ends = 0, punct = 0, punct_before_lower = 0,
         paragraphs = 0;
};

bool LineBreakBetween(std::string_view text, uint32_t from, uint32_t to) {
  return from < to && to <= text.size() &&
         text.substr(from, to - from).find('\n') != std::string_view::npos;
}

// The gold boundaries of one article: after each of CoreNLP's sentence-final
// tokens ("." "?" "!") and the closing quotes and brackets that follow it,
// except before a lower-case word or , ; : - ('"What curfew?" and kept
// going', "(R-Wis.) said", "(D-Nev.), in particular"; CoreNLP's tokenizer
// splits the dot of some abbreviations); at the end of each unit of valid.txt;
// at each blank line of the text. A closing quote that CoreNLP took from the
// next paragraph
// ('...say.\n\n'' I have') is left to that paragraph, and a quote with space
// before it and none after opens the next sentence ("said. ''If you").
std::vector<uint32_t> GoldEnds(std::string_view text, const GoldDoc& doc,
                               AlignStats* stats, GoldCounts* counts) {
  std::vector<std::string> tokens;
  std::vector<size_t> unit_end;  // token index just past each unit
  for (const auto& s : doc.sents) {
    tokens.insert(tokens.end(), s.begin(), s.end());
    unit_end.push_back(tokens.size());
  }
  const TokenSpans spans = AlignGold(text, tokens, stats);
  std::vector<uint32_t> out;
  // The boundary after token `last`, where tokens (first, last] are followers.
  auto add = [&](size_t first, size_t last) {
    size_t k = last;
    while (k > first &&
           (spans.end[k] == 0 ||
            LineBreakBetween(text, spans.end[k - 1], spans.begin[k])))
      --k;
    if (spans.end[k] != 0) out.push_back(spans.end[k]);
  };
  // A quote with space before it and none after opens: "said. ''If you".
  auto Opens = [&](size_t k) {
    return k > 0 && k + 1 < tokens.size() && spans.end[k] != 0 &&
           spans.begin[k] > spans.end[k - 1] &&
           spans.begin[k + 1] == spans.end[k];
  };
  size_t begin = 0;
  for (size_t u = 0; u < unit_end.size(); ++u) {
    const size_t end = unit_end[u];
    ++counts->units;
    for (size_t k = begin; k < end; ++k) {
      if (!IsBoundaryToken(tokens[k])) continue;
      size_t m = k + 1;
      while (m < end && (IsBoundaryToken(tokens[m]) ||
                         (IsFollowerToken(tokens[m]) && !Opens(m))))
        ++m;
      if (m == end) break;  // the unit's end
      if (StartsLowerAscii(tokens[m]) || IsInnerPunct(tokens[m])) {
        ++counts->punct_before_lower;
      } else {
        ++counts->punct;
        add(k, m - 1);
      }
      k = m - 1;
    }
    if (end > begin) {
      size_t first = end - 1;
      while (first > begin &&
             (IsFollowerToken(tokens[first]) || IsBoundaryToken(tokens[first])))
        --first;
      add(first, end - 1);
      ++counts->unit_ends;
    }
    begin = end;
  }
  // Blank lines.
  for (size_t p = text.find('\n'); p != std::string_view::npos;
       p = text.find('\n', p + 1)) {
    size_t q = p + 1;
    while (q < text.size() &&
           (text[q] == ' ' || text[q] == '\t' || text[q] == '\r'))
      ++q;
    if (q < text.size() && text[q] == '\n') {
      size_t e = p;
      while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t' ||
                       text[e - 1] == '\r' || text[e - 1] == '\n'))
        --e;
      if (e > 0) {
        out.push_back(static_cast<uint32_t>(e));
        ++counts->paragraphs;
      }
      p = q;
    }
  }
  return out;
}

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Offset just after the last non-space byte before `at` (ASCII space only;
// enough to put ICU's break, which follows trailing space, at the text's end).
uint32_t TrimBack(std::string_view text, uint32_t at) {
  while (at > 0) {
    const unsigned char c = static_cast<unsigned char>(text[at - 1]);
    if (IsSpaceByte(static_cast<char>(c))) {
      --at;
    } else if (at >= 2 && c == 0xA0 &&
               static_cast<unsigned char>(text[at - 2]) == 0xC2) {
      at -= 2;
    } else {
      break;
    }
  }
  return at;
}

// Boundaries strictly inside the text: before its last non-space byte.
std::set<uint32_t> Clean(std::string_view text,
                         const std::vector<uint32_t>& ends) {
  const uint32_t last = TrimBack(text, static_cast<uint32_t>(text.size()));
  std::set<uint32_t> out;
  for (uint32_t e : ends) {
    if (e > 0 && e < last) out.insert(e);
  }
  return out;
}

std::vector<uint32_t> IcuEnds(icu::BreakIterator* it, std::string_view text) {
  std::vector<uint32_t> out;
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(&ut, status);
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    out.push_back(TrimBack(text, static_cast<uint32_t>(b)));
  }
  utext_close(&ut);
  return out;
}

std::vector<uint32_t> NewsmillEnds(newsmill::TextAnalyzer* analyzer,
                                   std::string_view text) {
  newsmill::TextAnalysis a;
  analyzer->Analyze(text, &a);
  std::vector<uint32_t> out;
  for (const newsmill::Sentence& s : a.sentences)
    out.push_back(static_cast<uint32_t>(s.span.end));
  return out;
}

// A line break between `at` and the next non-space character.
bool AtLineBreak(std::string_view text, uint32_t at) {
  for (size_t k = at; k < text.size(); ++k) {
    if (text[k] == '\n') return true;
    if (!IsSpaceByte(text[k]) && static_cast<unsigned char>(text[k]) != 0xC2 &&
        static_cast<unsigned char>(text[k]) != 0xA0) {
      return false;
    }
  }
  return true;
}

struct Score {
  size_t tp = 0, fp = 0, fn = 0;
  void Print(const char* name) const {
    const double p = tp + fp ? 100.0 * tp / (tp + fp) : 0;
    const double r = tp + fn ? 100.0 * tp / (tp + fn) : 0;
    const double f = p + r ? 2 * p * r / (p + r) : 0;
    std::printf(
        "  %-22s P %5.1f  R %5.1f  F1 %5.1f   (tp %zu, fp %zu, fn %zu)\n", name,
        p, r, f, tp, fp, fn);
  }
};

struct Errors {
  struct Kind {
    size_t count = 0;
    std::string example;
  };
  std::map<std::string, Kind> kinds;
  std::vector<std::string> all;
};

std::string Flat(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// Start of the code point containing byte `at`.
size_t CpStart(std::string_view text, size_t at) {
  while (at > 0 && at < text.size() &&
         (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
    --at;
  return at;
}

void AddError(std::string_view text, uint32_t at, const char* type,
              const std::string& doc, Errors* errors) {
  // The key: the white-space-delimited chunks before and after the boundary.
  size_t b = at;
  while (b > 0 && !IsSpaceByte(text[b - 1])) --b;
  size_t a = at;
  while (a < text.size() && IsSpaceByte(text[a])) ++a;
  size_t e = a;
  while (e < text.size() && !IsSpaceByte(text[e])) ++e;
  std::string after(text.substr(a, e - a));
  if (after.size() > 16) after = after.substr(0, CpStart(after, 16));
  const std::string key = std::string(type) + "  " +
                          std::string(text.substr(b, at - b)) + " | " + after;
  const size_t lo = CpStart(text, at >= 25 ? at - 25 : 0);
  const size_t hi =
      CpStart(text, std::min(text.size(), static_cast<size_t>(at) + 25));
  const std::string context =
      Flat(text.substr(lo, at - lo)) + " || " + Flat(text.substr(at, hi - at));
  Errors::Kind& k = errors->kinds[key];
  if (k.count++ == 0) k.example = context;
  errors->all.push_back(std::string(type) + "  " + doc + "  " + context);
}

void Compare(std::string_view text, const std::set<uint32_t>& gold,
             const std::set<uint32_t>& sys, const std::string& doc, Score* all,
             Score* inner, Errors* errors) {
  for (uint32_t e : sys) {
    const bool line = AtLineBreak(text, e);
    const bool ok = gold.contains(e);
    (ok ? all->tp : all->fp)++;
    if (!line) (ok ? inner->tp : inner->fp)++;
    if (!ok) AddError(text, e, "FP", doc, errors);
  }
  for (uint32_t e : gold) {
    if (sys.contains(e)) continue;
    all->fn++;
    if (!AtLineBreak(text, e)) inner->fn++;
    AddError(text, e, "FN", doc, errors);
  }
}

void PrintErrors(const char* name, const Errors& errors, size_t top,
                 bool print_all) {
  std::vector<std::pair<std::string, Errors::Kind>> kinds(errors.kinds.begin(),
                                                          errors.kinds.end());
  std::stable_sort(kinds.begin(), kinds.end(),
                   [](const auto& x, const auto& y) {
                     return x.second.count > y.second.count;
                   });
  std::printf(
      "\n%s: %zu errors of %zu kinds; the %zu most frequent (FP = a break the "
      "gold lacks,\n"
      "FN = a gold break missed; 'before | after', then an example):\n",
      name, errors.all.size(), kinds.size(), std::min(top, kinds.size()));
  for (size_t k = 0; k < kinds.size() && k < top; ++k) {
    std::printf("%4zu  %-40s  %s\n", kinds[k].second.count,
                kinds[k].first.c_str(), kinds[k].second.example.c_str());
  }
  if (print_all) {
    std::printf("\nAll %s errors:\n", name);
    for (const std::string& e : errors.all) std::printf("%s\n", e.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold_path =
      NEWSMILL_SOURCE_DIR "/../shared/data/polnear/sentences/valid.txt";
  std::string text_dir =
      NEWSMILL_SOURCE_DIR "/../shared/data/polnear/data/dev/text";
  size_t top = 30;
  size_t max_skip_percent = 1;
  bool print_all = false, icu_errors = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--gold" && i + 1 < argc) {
      gold_path = argv[++i];
    } else if (arg == "--text" && i + 1 < argc) {
      text_dir = argv[++i];
    } else if (arg == "--top" && i + 1 < argc) {
      top = std::stoul(argv[++i]);
    } else if (arg == "--max-skip" && i + 1 < argc) {
      max_skip_percent = std::stoul(argv[++i]);
    } else if (arg == "--all") {
      print_all = true;
    } else if (arg == "--icu-errors") {
      icu_errors = true;
    } else {
      std::fprintf(stderr,
                   "usage: sentence_eval [--gold valid.txt] [--text dir] "
                   "[--top N] [--all] [--icu-errors]\n"
                   "                     [--max-skip PERCENT]\n");
      return 2;
    }
  }
  std::vector<GoldDoc> docs;
  if (!ReadGold(gold_path, &docs) || docs.empty()) {
    std::fprintf(stderr, "sentence_eval: cannot read gold sentences from %s\n",
                 gold_path.c_str());
    return 1;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> icu(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(),
                                                 status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "sentence_eval: no ICU sentence iterator\n");
    return 1;
  }
  newsmill::TextAnalyzer analyzer;
  AlignStats stats;
  Score icu_all, icu_inner, nm_all, nm_inner;
  Errors icu_err, nm_err;
  size_t articles = 0, missing = 0, excluded = 0, gold_sents = 0,
         gold_boundaries = 0;
  GoldCounts counts;
  for (const GoldDoc& doc : docs) {
    std::ifstream in(fs::path(text_dir) / (doc.name + ".txt"),
                     std::ios::binary);
    if (!in) {
      ++missing;
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    AlignStats doc_stats;
    GoldCounts doc_counts;
    const std::set<uint32_t> gold =
        Clean(text, GoldEnds(text, doc, &doc_stats, &doc_counts));
    const size_t skipped =
        std::max(doc_stats.gold_skipped, doc_stats.text_skipped);
    if (skipped * 100 > doc_stats.text_chars * max_skip_percent) {
      std::printf(
          "skipped: %s (%zu of %zu text chars and %zu of %zu gold chars "
          "unaligned)\n",
          doc.name.c_str(), doc_stats.text_skipped, doc_stats.text_chars,
          doc_stats.gold_skipped, doc_stats.gold_chars);
      ++excluded;
      continue;
    }
    ++articles;
    gold_sents += doc.sents.size();
    counts.units += doc_counts.units;
    counts.unit_ends += doc_counts.unit_ends;
    counts.punct += doc_counts.punct;
    counts.punct_before_lower += doc_counts.punct_before_lower;
    counts.paragraphs += doc_counts.paragraphs;
    stats.gold_chars += doc_stats.gold_chars;
    stats.text_chars += doc_stats.text_chars;
    stats.gold_skipped += doc_stats.gold_skipped;
    stats.text_skipped += doc_stats.text_skipped;
    gold_boundaries += gold.size();
    Compare(text, gold, Clean(text, IcuEnds(icu.get(), text)), doc.name,
            &icu_all, &icu_inner, &icu_err);
    Compare(text, gold, Clean(text, NewsmillEnds(&analyzer, text)), doc.name,
            &nm_all, &nm_inner, &nm_err);
  }
  std::printf(
      "PolNeAR dev: %zu articles scored, %zu left out (gold from another "
      "version of the text:\n"
      "more than %zu%% unaligned), %zu without a text file; %zu gold units\n",
      articles, excluded, max_skip_percent, missing, gold_sents);
  std::printf(
      "gold: %zu units in valid.txt (%zu ends), %zu sentence-final tokens (%zu "
      "more before a\n"
      "lower-case word, not counted), %zu blank lines: %zu distinct "
      "boundaries\n",
      counts.units, counts.unit_ends, counts.punct, counts.punct_before_lower,
      counts.paragraphs, gold_boundaries);
  std::printf(
      "alignment: %zu of %zu gold chars and %zu of %zu text chars (non-space) "
      "skipped\n",
      stats.gold_skipped, stats.gold_chars, stats.text_skipped,
      stats.text_chars);
  std::printf("\nAll boundaries (line breaks included):\n");
  icu_all.Print("plain ICU");
  nm_all.Print("newsmill");
  std::printf("Boundaries inside a paragraph (no line break):\n");
  icu_inner.Print("plain ICU");
  nm_inner.Print("newsmill");
  if (icu_errors) PrintErrors("plain ICU", icu_err, top, print_all);
  PrintErrors("newsmill", nm_err, top, print_all);
  return 0;
}
