#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include "common/utf8.h"
#include "newsmill/deadline.h"
#include "text/lexicon.h"

namespace newsmill::text {
namespace {

// A cursor over the text that decodes code points on demand; ASCII, nearly
// all of an English article, takes the fast path.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  // The code point at byte offset `at` and its length in bytes.
  char32_t At(size_t at, size_t* len) const {
    if (at >= text_.size()) {
      *len = 0;
      return 0;
    }
    const unsigned char c = static_cast<unsigned char>(text_[at]);
    if (c < 0x80) {
      *len = 1;
      return c;
    }
    size_t p = at;
    const char32_t cp = utf8::Next(text_, &p);
    *len = p - at;
    return cp;
  }

 private:
  std::string_view text_;
};

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(c)) ||
         (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}
bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(static_cast<UChar32>(c));
}
bool IsAlnum(char32_t c) { return IsLetter(c) || IsDigit(c); }
bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0xFEFF;
}
bool IsLineBreak(char32_t c) { return c == '\n' || c == 0x2028 || c == 0x2029; }
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsPunct(char32_t c) {
  if (c < 0x80) return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
                       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
  return u_ispunct(static_cast<UChar32>(c));
}

// Scans one word starting at `start` (an alphanumeric code point) and
// returns its end. Joins across an apostrophe or hyphen between letters
// ("Kan'ani", "Russian-speaking") but stops before a possessive "'s"; joins
// digits across "." "," ":" followed by a digit ("3.5", "1,000").
size_t ScanWord(const Cursor& c, size_t start, bool* has_letter) {
  size_t pos = start;
  size_t len = 0;
  char32_t prev = 0;
  while (true) {
    const char32_t cp = c.At(pos, &len);
    if (len == 0) break;
    if (IsAlnum(cp)) {
      *has_letter |= IsLetter(cp);
      prev = cp;
      pos += len;
      continue;
    }
    size_t next_len = 0;
    const char32_t next = c.At(pos + len, &next_len);
    if (IsApostrophe(cp) && IsLetter(prev) && IsLetter(next)) {
      size_t after_len = 0;
      const char32_t after = c.At(pos + len + next_len, &after_len);
      if ((next == 's' || next == 'S') && !IsAlnum(after)) break;  // possessive
      pos += len;
      continue;
    }
    if (IsHyphen(cp) && IsAlnum(prev) && IsAlnum(next)) {
      pos += len;
      continue;
    }
    if ((cp == '.' || cp == ',' || cp == ':') && IsDigit(prev) && IsDigit(next)) {
      pos += len;
      continue;
    }
    break;
  }
  return pos;
}

// Letter-dot runs ("U.S.", "a.m.", "Ph.D."): returns the end after the last
// dot when `start` opens one of two or more dotted parts, else `start`.
size_t ScanDotted(const Cursor& c, size_t start) {
  size_t pos = start;
  int parts = 0;
  size_t len = 0;
  while (true) {
    size_t p = pos;
    int letters = 0;
    while (true) {
      const char32_t cp = c.At(p, &len);
      if (len == 0 || !IsLetter(cp)) break;
      p += len;
      ++letters;
    }
    if (letters == 0 || letters > 2) break;
    const char32_t dot = c.At(p, &len);
    if (dot != '.') break;
    pos = p + len;
    ++parts;
  }
  return parts >= 2 ? pos : start;
}

void SetCase(std::string_view word, Token* t) {
  size_t pos = 0;
  int letters = 0;
  int upper = 0;
  bool first = true;
  while (pos < word.size()) {
    const char32_t cp = utf8::Next(word, &pos);
    if (!IsLetter(cp)) continue;
    ++letters;
    const bool up = IsUpper(cp);
    upper += up;
    if (first) t->upper_initial = up;
    first = false;
  }
  t->all_upper = letters >= 2 && upper == letters;
}

}  // namespace

AbbreviationKind AbbreviationOf(std::string_view token_text) {
  std::string_view word = token_text;
  if (word.ends_with('.')) word.remove_suffix(1);
  if (word.find('.') != std::string_view::npos) return AbbreviationKind::kOther;
  const AbbreviationKind listed = LookupAbbreviation(word);
  if (listed != AbbreviationKind::kNone) return listed;
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return AbbreviationKind::kTitle;
  return AbbreviationKind::kNone;
}

void Tokenize(std::string_view text, std::vector<Token>* out) {
  Cursor c(text);
  bool space = false;
  bool line = false;
  size_t pos = 0;
  size_t len = 0;
  // Leaving early on the document's time budget still leaves valid tokens.
  while (pos < text.size() && !TimeUp()) {
    const char32_t cp = c.At(pos, &len);
    if (IsSpace(cp)) {
      space = true;
      line |= IsLineBreak(cp);
      pos += len;
      continue;
    }
    Token t;
    t.space_before = space;
    t.line_before = line;
    space = line = false;
    const size_t start = pos;
    if (IsAlnum(cp)) {
      size_t end = ScanDotted(c, start);
      if (end != start) {
        t.kind = TokenKind::kAbbreviation;
      } else {
        bool has_letter = false;
        end = ScanWord(c, start, &has_letter);
        t.kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
        size_t dot_len = 0;
        if (has_letter && c.At(end, &dot_len) == '.' &&
            AbbreviationOf(text.substr(start, end - start)) != AbbreviationKind::kNone) {
          end += dot_len;
          t.kind = TokenKind::kAbbreviation;
        }
      }
      pos = end;
    } else if (IsApostrophe(cp) && !out->empty() && !t.space_before) {
      // A possessive after a word: "'s" not followed by a letter.
      const size_t s_at = pos + len;
      size_t s_len = 0;
      size_t a_len = 0;
      const char32_t s = c.At(s_at, &s_len);
      if ((s == 's' || s == 'S') && !IsAlnum(c.At(s_at + s_len, &a_len))) {
        t.kind = TokenKind::kPossessive;
        pos = s_at + s_len;
      } else {
        t.kind = TokenKind::kPunct;
        pos += len;
      }
    } else if (cp == '.' && text.substr(pos, 3) == "...") {
      t.kind = TokenKind::kPunct;
      while (pos < text.size() && text[pos] == '.') ++pos;
    } else {
      t.kind = IsPunct(cp) ? TokenKind::kPunct : TokenKind::kSymbol;
      pos += len;
    }
    t.span = {start, pos};
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kAbbreviation) {
      SetCase(text.substr(start, pos - start), &t);
    }
    out->push_back(t);
  }
}

}  // namespace newsmill::text
