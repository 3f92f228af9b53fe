#include "statements/tokenize.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <array>

#include "common/utf8.h"

namespace newsmill::statements {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         c == 0x2009 || c == 0x200A || c == 0x202F || c == 0x3000 ||
         c == 0x2002 || c == 0x2003 || c == 0x200B || c == 0xFEFF;
}

bool IsOpenDouble(char32_t c) {
  return c == 0x201C || c == 0x201E || c == 0xAB || c == 0x300C ||
         c == 0x300E || c == 0x201F;
}
bool IsCloseDouble(char32_t c) {
  return c == 0x201D || c == 0xBB || c == 0x300D || c == 0x300F;
}
bool IsOpenSingle(char32_t c) { return c == 0x2018 || c == 0x201A || c == 0x2039; }
bool IsCloseSingle(char32_t c) { return c == 0x2019 || c == 0x203A; }

// Punctuation split off either end of a chunk whatever its context.
bool IsEdgePunct(char32_t c) {
  switch (c) {
    case ',': case ';': case '!': case '?': case '(': case ')': case '[':
    case ']': case '{': case '}': case 0x2014: case 0x2013: case 0x2015: case 0x2026:
      return true;
    default:
      return false;
  }
}

// Em and en dashes, and the horizontal bar some sites set for both ("the
// bank ― 5,300 employees", "”― Pamela Padilla"); CoreNLP's tokens, which
// CofeNet's sentences use, write them all as --.
bool IsDash(char32_t c) { return c == 0x2014 || c == 0x2013 || c == 0x2015; }

// Words whose final period belongs to them.
bool IsAbbreviation(std::string_view lower) {
  static constexpr std::array<std::string_view, 38> kAbbr = {
      "mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen",
      "lt", "col", "sgt", "capt", "prof", "inc", "corp", "co", "ltd", "jan",
      "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
      "dec", "no", "vs", "ft", "mt", "rev", "ave"};
  return std::find(kAbbr.begin(), kAbbr.end(), lower) != kAbbr.end();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool FirstIsUpper(std::string_view s) {
  if (s.empty()) return false;
  size_t pos = 0;
  const char32_t c = utf8::Next(s, &pos);
  return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c));
}

// CJK punctuation and its token: 「 」 『 』 are quotation marks, the others
// are read as their ASCII counterparts. Empty when `c` is none of them.
std::string_view CjkPunctuation(char32_t c, QuoteMark* quote) {
  *quote = QuoteMark::kNone;
  switch (c) {
    case 0x300C: case 0x300E: *quote = QuoteMark::kOpen; return "``";
    case 0x300D: case 0x300F: *quote = QuoteMark::kClose; return "''";
    case 0x3002: case 0xFF0E: return ".";
    case 0x3001: case 0xFF0C: return ",";
    case 0xFF1A: return ":";
    case 0xFF1B: return ";";
    case 0xFF01: return "!";
    case 0xFF1F: return "?";
    case 0xFF08: case 0x3010: case 0x3014: return "(";
    case 0xFF09: case 0x3011: case 0x3015: return ")";
    default: return {};
  }
}

bool IsHangul(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

bool IsCjk(char32_t c) {
  QuoteMark q;
  return utf8::IsHanOrKana(c) || !CjkPunctuation(c, &q).empty();
}

class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, std::vector<Token>* out)
      : text_(text), out_(out) {}

  // One Chinese or Japanese character or punctuation mark, text_[b, e).
  void SplitCjk(size_t b, size_t e, char32_t c) {
    QuoteMark q;
    const std::string_view punct = CjkPunctuation(c, &q);
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.norm = punct.empty() ? std::string(text_.substr(b, e - b)) : std::string(punct);
    t.quote = q;
    out_->push_back(std::move(t));
  }

  void Split(size_t b, size_t e) {
    std::vector<Token> tail;
    // Leading marks: quotes, brackets, currency.
    while (b < e) {
      size_t p = b;
      const char32_t c = utf8::Next(text_, &p);
      QuoteMark q = QuoteMark::kNone;
      bool single = false;
      if (IsOpenDouble(c) || (c == '"' && p < e) || (c == '`' && p < e)) {
        q = QuoteMark::kOpen;
        if (c == '`' && p < e && text_[p] == '`') ++p;
        else if (c == '`') single = true;
      } else if (IsCloseDouble(c) && p < e && LetterAt(p)) {
        // »Guillemets« in German order open with »; French « … », closes
        // with it (before a comma or a full stop).
        q = QuoteMark::kOpen;
      } else if (IsOpenSingle(c) || ((c == '\'' || c == 0x2019) && p < e &&
                                     !IsDigitAt(p))) {
        q = QuoteMark::kOpen;
        single = true;
      } else if (!IsEdgePunct(c) && c != '$') {
        break;
      }
      Emit(b, p, q, single, &*out_);
      b = p;
    }
    // Trailing marks, collected right to left.
    while (e > b) {
      size_t p = e;
      const char32_t c = utf8::Prev(text_, &p);
      QuoteMark q = QuoteMark::kNone;
      bool single = false;
      // “ at a word's end is the German closing mark („So“).
      if (IsCloseDouble(c) || c == '"' || c == 0x201C) {
        q = QuoteMark::kClose;
      } else if (c == '\'' && p > b && text_[p - 1] == '\'') {
        --p;
        q = QuoteMark::kClose;
      } else if (IsCloseSingle(c) || c == '\'') {
        // "states'" is a possessive; "..., he said.’" a closing mark. Both
        // are the token ' in PTB.
        q = QuoteMark::kClose;
        single = true;
      } else if (IsOpenDouble(c) && c == 0xAB) {
        q = QuoteMark::kClose;  // «...» closes with » but »...« with «
      } else if (c == '.' && p > b) {
        if (p >= b + 2 && text_.substr(p - 2, 2) == "..") {
          while (p > b && text_[p - 1] == '.') --p;
        } else if (!KeepsPeriod(b, p)) {
          // split the period off
        } else {
          break;
        }
      } else if (c == ':' && p > b) {
        // "10:30" keeps its colon; "said:" does not.
      } else if (!IsEdgePunct(c) || p == b) {
        if (c == '.' || c == ':') {
          // a lone mark
        } else {
          break;
        }
      }
      Emit(p, e, q, single, &tail);
      e = p;
    }
    SplitMiddle(b, e);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) out_->push_back(*it);
  }

 private:
  bool LetterAt(size_t p) const {
    const char32_t c = utf8::Next(text_, &p);
    return c < 0x80 ? std::isalnum(static_cast<int>(c)) != 0 : u_isalnum(static_cast<UChar32>(c));
  }

  bool IsDigitAt(size_t p) const {
    return p < text_.size() && text_[p] >= '0' && text_[p] <= '9';
  }

  // True when the word text_[b, p) followed by '.' keeps the period.
  bool KeepsPeriod(size_t b, size_t p) const {
    const std::string_view word = text_.substr(b, p - b);
    if (word.find('.') != std::string_view::npos) return true;  // U.S.
    if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
    return IsAbbreviation(Lower(word));
  }

  // A word, possibly with inner dashes and a clitic.
  void SplitMiddle(size_t b, size_t e) {
    size_t start = b, p = b;
    while (p < e) {
      const size_t at = p;
      const char32_t c = utf8::Next(text_, &p);
      const bool double_hyphen = c == '-' && p < e && text_[p] == '-';
      if (IsDash(c) || double_hyphen) {
        if (double_hyphen) ++p;
        Word(start, at);
        Emit(at, p, QuoteMark::kNone, false, &*out_);
        start = p;
      }
    }
    Word(start, e);
  }

  void Word(size_t b, size_t e) {
    if (b >= e) return;
    const std::string_view w = text_.substr(b, e - b);
    // French elides "que" before a vowel ("qu'il", "qu’elle"): the
    // complementizer is a token of its own, as the reported clause after it
    // starts with the pronoun.
    for (std::string_view apo : {std::string_view("'"), std::string_view("\u2019")}) {
      const size_t n = 2 + apo.size();
      if (w.size() > n && Lower(w.substr(0, 2)) == "qu" && w.substr(2, apo.size()) == apo) {
        Emit(b, b + n, QuoteMark::kNone, false, &*out_);
        Word(b + n, e);
        return;
      }
    }
    // Clitics, with either apostrophe.
    for (std::string_view apo : {std::string_view("'"), std::string_view("\u2019")}) {
      const std::string_view nt = apo.size() == 1 ? std::string_view("n't")
                                                  : std::string_view("n\u2019t");
      if (w.size() > nt.size() + 1 &&
          (Lower(w.substr(w.size() - nt.size())) == nt)) {
        Emit(b, e - nt.size(), QuoteMark::kNone, false, &*out_);
        Emit(e - nt.size(), e, QuoteMark::kNone, false, &*out_);
        return;
      }
      for (std::string_view cl : {"s", "re", "ve", "ll", "d", "m"}) {
        const size_t n = apo.size() + cl.size();
        if (w.size() > n && w.substr(w.size() - n, apo.size()) == apo &&
            Lower(w.substr(w.size() - cl.size())) == cl) {
          Emit(b, e - n, QuoteMark::kNone, false, &*out_);
          Emit(e - n, e, QuoteMark::kNone, false, &*out_);
          return;
        }
      }
    }
    Emit(b, e, QuoteMark::kNone, false, &*out_);
  }

  void Emit(size_t b, size_t e, QuoteMark q, bool single,
            std::vector<Token>* to) {
    Token t = MakeToken(text_.substr(b, e - b));
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    if (q != QuoteMark::kNone) {
      t.quote = q;
      t.single_quote = single;
      t.norm = std::string(single ? (q == QuoteMark::kOpen ? "`" : "'")
                                  : (q == QuoteMark::kOpen ? "``" : "''"));
    }
    to->push_back(std::move(t));
  }

  std::string_view text_;
  std::vector<Token>* out_;
};

}  // namespace

Token MakeToken(std::string_view word) {
  Token t;
  t.upper = FirstIsUpper(word);
  if (word == "``" || word == "\u201C" || word == "\u201E" || word == "\u00AB") {
    t.norm = std::string("``");
    t.quote = QuoteMark::kOpen;
  } else if (word == "''" || word == "\u201D" || word == "\u00BB") {
    t.norm = std::string("''");
    t.quote = QuoteMark::kClose;
  } else if (word == "\"") {
    t.norm = std::string("''");
    t.quote = QuoteMark::kAmbiguous;
  } else if (word == "`" || word == "\u2018") {
    t.norm = std::string("`");
    t.quote = QuoteMark::kOpen;
    t.single_quote = true;
  } else if (word == "'" || word == "\u2019") {
    t.norm = std::string("'");
    t.quote = QuoteMark::kClose;
    t.single_quote = true;
  } else if (word == "\u2014" || word == "\u2013" || word == "\u2015" || word == "--") {
    t.norm = std::string("--");
  } else if (word == "\u2026") {
    t.norm = std::string("...");
  } else {
    // Curly apostrophes inside words become straight ones ("don’t").
    constexpr std::string_view kCurly = "\u2019";
    const std::string lower = Lower(word);
    std::string_view rest = lower;
    for (size_t at; (at = rest.find(kCurly)) != std::string_view::npos;) {
      t.norm.append(rest.substr(0, at));
      t.norm.push_back('\'');
      rest.remove_prefix(at + kCurly.size());
    }
    t.norm.append(rest);
  }
  return t;
}

void Tokenize(std::string_view text, size_t begin, size_t end,
              std::vector<Token>* out) {
  ChunkSplitter splitter(text, out);
  size_t p = begin;
  while (p < end) {
    size_t q = p;
    const char32_t c = utf8::Next(text, &q);
    if (IsSpace(c)) {
      p = q;
      continue;
    }
    if (IsCjk(c)) {
      splitter.SplitCjk(p, std::min(q, end), c);
      p = q;
      continue;
    }
    size_t chunk_end = q;
    char32_t last = c;
    while (chunk_end < end) {
      size_t r = chunk_end;
      const char32_t next = utf8::Next(text, &r);
      if (IsSpace(next) || IsCjk(next)) break;
      // Korean attaches its quotative particle to the closing mark
      // ("…했다.”라고 말했다"): the mark ends the chunk.
      if (IsHangul(next) && (IsCloseDouble(last) || IsCloseSingle(last) || last == '"')) break;
      last = next;
      chunk_end = r;
    }
    splitter.Split(p, std::min(chunk_end, end));
    p = chunk_end;
  }
}

}  // namespace newsmill::statements
