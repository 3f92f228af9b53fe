#include "extract/dates.h"

#include <cstdio>
#include <unordered_map>
#include <vector>

#include "common/data_lines.h"
#include "extract/lexicon.h"

namespace newsmill::data {
extern const std::string_view kdates_months_tsv;
}  // namespace newsmill::data

namespace newsmill::extract {
namespace {

// A token of the date grammar: a number, a word, or one punctuation byte.
struct Token {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string text;  // folded for words
  int value = 0;     // for numbers
  size_t begin = 0;
  size_t end = 0;
};

const std::unordered_map<std::string, int>& MonthNames() {
  static const auto* names = [] {
    auto* m = new std::unordered_map<std::string, int>;
    data::ForEachLine(data::kdates_months_tsv, [m](std::string_view line) {
      const std::vector<std::string_view> cols = data::Columns(line);
      if (cols.size() < 3) return;
      const int month = std::atoi(std::string(cols[1]).c_str());
      const std::string_view spellings = cols[2];
      size_t p = 0;
      while (p <= spellings.size()) {
        size_t comma = spellings.find(',', p);
        if (comma == std::string_view::npos) comma = spellings.size();
        if (comma > p) m->emplace(FoldForMatch(spellings.substr(p, comma - p)), month);
        p = comma + 1;
      }
    });
    return m;
  }();
  return *names;
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c >= '0' && c <= '9') {
      Token t{Token::kNumber, "", 0, i, i};
      while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - t.begin < 9) {
        t.value = t.value * 10 + (s[i] - '0');
        ++i;
      }
      t.end = i;
      t.text = std::string(s.substr(t.begin, i - t.begin));
      out.push_back(std::move(t));
    } else if (IsWordByte(c)) {
      Token t{Token::kWord, "", 0, i, i};
      // Stop at non-breaking spaces (C2 A0) too.
      while (i < s.size() && IsWordByte(static_cast<unsigned char>(s[i])) &&
             !(static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0xA0)) {
        ++i;
      }
      if (i == t.begin) {  // a lone NBSP
        i += 2;
        continue;
      }
      t.end = i;
      t.text = FoldForMatch(s.substr(t.begin, i - t.begin));
      out.push_back(std::move(t));
    } else {
      out.push_back(Token{Token::kPunct, std::string(1, s[i]), 0, i, i + 1});
      ++i;
    }
  }
  return out;
}

bool ValidDay(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
         d <= kDays[m - 1];
}

int Year(const Token& t) {
  if (t.kind != Token::kNumber) return -1;
  if (t.text.size() == 4) return t.value;
  return -1;
}

int Month(const Token& t) {
  if (t.kind != Token::kWord) return -1;
  auto it = MonthNames().find(t.text);
  return it == MonthNames().end() ? -1 : it->second;
}

bool IsPunct(const std::vector<Token>& ts, size_t i, char c) {
  return i < ts.size() && ts[i].kind == Token::kPunct && ts[i].text[0] == c;
}

bool IsNumber(const std::vector<Token>& ts, size_t i) {
  return i < ts.size() && ts[i].kind == Token::kNumber;
}

// Skips tokens that may sit between the parts of a date: "." after an
// abbreviation or a German day number, ",", "de", "of", "th"/"st"/"er".
size_t SkipFiller(const std::vector<Token>& ts, size_t i) {
  while (i < ts.size()) {
    const Token& t = ts[i];
    if (t.kind == Token::kPunct && (t.text == "." || t.text == ",")) {
      ++i;
    } else if (t.kind == Token::kWord &&
               (t.text == "de" || t.text == "of" || t.text == "th" ||
                t.text == "st" || t.text == "nd" || t.text == "rd" ||
                t.text == "er" || t.text == "del" || t.text == "º")) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// Reads "14:20", "2:05 pm", "14h20", "14.20 Uhr" at ts[i]; returns the index
// after it, or i when there is no time.
size_t ReadTime(const std::vector<Token>& ts, size_t i, int* hour, int* minute) {
  i = SkipFiller(ts, i);
  if (IsPunct(ts, i, '-') || IsPunct(ts, i, '|')) i = SkipFiller(ts, i + 1);
  if (i < ts.size() && ts[i].kind == Token::kWord &&
      (ts[i].text == "at" || ts[i].text == "à" || ts[i].text == "um" ||
       ts[i].text == "a" || ts[i].text == "las" || ts[i].text == "às" ||
       ts[i].text == "alle" || ts[i].text == "om")) {
    ++i;
  }
  if (!IsNumber(ts, i) || ts[i].value > 23 || ts[i].text.size() > 2) return i;
  const bool sep = IsPunct(ts, i + 1, ':') ||
                   (i + 1 < ts.size() && ts[i + 1].kind == Token::kWord &&
                    ts[i + 1].text == "h");
  if (!sep || !IsNumber(ts, i + 2) || ts[i + 2].value > 59 ||
      ts[i + 2].text.size() != 2) {
    return i;
  }
  int h = ts[i].value;
  const int m = ts[i + 2].value;
  size_t next = i + 3;
  if (next < ts.size() && ts[next].kind == Token::kWord) {
    const std::string& w = ts[next].text;
    if ((w == "pm" || w == "p") && h < 12) h += 12;
    if ((w == "am" || w == "a") && h == 12) h = 0;
    if (w == "am" || w == "pm" || w == "uhr" || w == "h") ++next;
  }
  *hour = h;
  *minute = m;
  return next;
}

bool Emit(const std::vector<Token>& ts, size_t first, size_t after, int y,
          int m, int d, FoundDate* found) {
  if (!ValidDay(y, m, d)) return false;
  int hour = -1;
  int minute = 0;
  const size_t end = ReadTime(ts, after, &hour, &minute);
  char buf[64];
  if (hour >= 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00", y, m, d,
                  hour, minute);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  found->iso = buf;
  found->begin = ts[first].begin;
  found->end = ts[(hour >= 0 ? end : after) - 1].end;
  return true;
}

// Numeric forms: 2022-02-24, 24.02.2022, 02/24/2022, 24-02-2022.
bool TryNumeric(const std::vector<Token>& ts, size_t i, FoundDate* found) {
  if (!IsNumber(ts, i) || !IsNumber(ts, i + 2) || !IsNumber(ts, i + 4)) {
    return false;
  }
  const char s1 = ts[i + 1].kind == Token::kPunct ? ts[i + 1].text[0] : 0;
  const char s2 = ts[i + 3].kind == Token::kPunct ? ts[i + 3].text[0] : 0;
  if (s1 != s2 || (s1 != '-' && s1 != '.' && s1 != '/')) return false;
  const int a = ts[i].value, b = ts[i + 2].value, c = ts[i + 4].value;
  if (Year(ts[i]) > 0) return Emit(ts, i, i + 5, a, b, c, found);
  if (Year(ts[i + 4]) < 0) return false;
  int month = b, day = a;  // day first, as most of the world writes it
  if (s1 == '/' && a <= 12) month = a, day = b;  // US style when it can be
  if (month > 12) std::swap(month, day);
  return Emit(ts, i, i + 5, c, month, day, found);
}

// Month-name forms: "Feb. 24, 2022", "24 février 2022", "24. Februar 2022",
// "24 de febrero de 2022", "February 24th, 2022".
bool TryNamed(const std::vector<Token>& ts, size_t i, FoundDate* found) {
  const int m1 = Month(ts[i]);
  if (m1 > 0) {  // month day year
    size_t j = SkipFiller(ts, i + 1);
    if (!IsNumber(ts, j) || ts[j].value > 31) return false;
    const int day = ts[j].value;
    size_t k = SkipFiller(ts, j + 1);
    if (k < ts.size() && Year(ts[k]) > 0) {
      return Emit(ts, i, k + 1, ts[k].value, m1, day, found);
    }
    return false;
  }
  if (!IsNumber(ts, i) || ts[i].value > 31 || ts[i].text.size() > 2) {
    return false;
  }
  size_t j = SkipFiller(ts, i + 1);
  if (j >= ts.size()) return false;
  const int m2 = Month(ts[j]);
  if (m2 < 0) return false;
  size_t k = SkipFiller(ts, j + 1);
  if (k < ts.size() && Year(ts[k]) > 0) {
    return Emit(ts, i, k + 1, ts[k].value, m2, ts[i].value, found);
  }
  return false;
}

}  // namespace

bool FindDate(std::string_view text, FoundDate* found) {
  const std::vector<Token> ts = Tokenize(text);
  for (size_t i = 0; i < ts.size(); ++i) {
    if (TryNumeric(ts, i, found) || TryNamed(ts, i, found)) return true;
  }
  return false;
}

}  // namespace newsmill::extract
