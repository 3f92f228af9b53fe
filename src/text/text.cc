// Sentences: ICU's sentence breaks, repaired for news text (see
// newsmill/text.h for the repairs and why).
#include "newsmill/text.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "common/utf8.h"
#include "newsmill/deadline.h"
#include "text/lexicon.h"
#include "text/tokenizer.h"

namespace newsmill {
namespace {

using text::AbbreviationKind;

bool IsClosingMark(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\u201D" ||
         t == "\u2019" || t == "\u00BB";
}

bool IsBullet(std::string_view t) {
  return t == "\u2022" || t == "\u25AA" || t == "\u25CF" || t == "\u25E6" ||
         t == "\u2023" || t == "\u25A0";
}

bool StartsLower(std::string_view t) {
  if (t.empty()) return false;
  size_t pos = 0;
  const char32_t cp = utf8::Next(t, &pos);
  return u_islower(static_cast<UChar32>(cp));
}

// Whether ICU's break before token `i` is wrong for news text.
bool IsFalseBreak(std::string_view text, const std::vector<Token>& tokens,
                  size_t i) {
  const Token& next = tokens[i];
  const std::string_view next_text = SpanText(text, next.span);
  // '"Why?" he asked.' and "the U.S. officials": a lower-case word goes on.
  if (StartsLower(next_text)) return true;
  // No sentence starts with , ; or : ("Trump vs. Clinton?; His ...").
  if (next_text == "," || next_text == ";" || next_text == ":") return true;
  size_t p = i;
  while (p > 0 && IsClosingMark(SpanText(text, tokens[p - 1].span))) --p;
  if (p == 0 || p != i) return false;  // a quote closed after the dot
  const Token& last = tokens[p - 1];
  if (last.kind != TokenKind::kAbbreviation) return false;
  switch (text::AbbreviationOf(SpanText(text, last.span))) {
    case AbbreviationKind::kTitle:  // "Sen. Warren", "J. K. Rowling"
      return true;
    case AbbreviationKind::kMonth:  // "Feb. 24", "No. 5"
      return next.kind == TokenKind::kNumber;
    case AbbreviationKind::kOther:  // "U.S. President" but "the U.S. The"
      return next.kind != TokenKind::kPunct &&
             !text::IsSentenceStarter(next_text);
    case AbbreviationKind::kNone:
      return false;
  }
  return false;
}

bool IsEllipsis(std::string_view t) {
  return t == "\u2026" ||
         (t.size() >= 3 && t.find_first_not_of('.') == std::string_view::npos);
}

bool IsFullStop(std::string_view t) { return t == "." || t == "?" || t == "!"; }

// A line break inside a hard-wrapped paragraph ("Trump regularly\nincites
// violence"): one line break, before a lower-case word, after a word,
// number or comma. Headlines, list items and blank lines still break.
bool IsWrappedLine(std::string_view text, const std::vector<Token>& tokens,
                   size_t i) {
  const Token& prev = tokens[i - 1];
  if (prev.kind == TokenKind::kPunct) {
    if (SpanText(text, prev.span) != ",") return false;
  } else if (prev.kind == TokenKind::kSymbol) {
    return false;
  }
  if (!StartsLower(SpanText(text, tokens[i].span))) return false;
  const std::string_view gap =
      text.substr(prev.span.end, tokens[i].span.begin - prev.span.end);
  const size_t nl = gap.find('\n');
  return nl != std::string_view::npos &&
         gap.find('\n', nl + 1) == std::string_view::npos &&
         gap.find("\u2028") == std::string_view::npos &&
         gap.find("\u2029") == std::string_view::npos;
}

// An ellipsis after a full stop and a space opens the next sentence: the
// omission is at its start ("he said. ... We have to", "grown-up. … he
// came"), so the break goes before it, not after it.
bool OpensWithEllipsis(std::string_view text, const std::vector<Token>& tokens,
                       size_t i) {
  const Token& t = tokens[i];
  return i >= 2 && t.kind == TokenKind::kPunct && t.space_before &&
         !t.line_before && tokens[i - 1].kind == TokenKind::kPunct &&
         IsFullStop(SpanText(text, tokens[i - 1].span)) &&
         IsEllipsis(SpanText(text, t.span));
}

}  // namespace

struct TextAnalyzer::Impl {
  std::unique_ptr<icu::BreakIterator> sentences;
  UText utext = UTEXT_INITIALIZER;
  std::vector<char> breaks;  // breaks[i]: a sentence starts at token i

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    sentences.reset(icu::BreakIterator::createSentenceInstance(
        icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) sentences.reset();
  }
  ~Impl() { utext_close(&utext); }

  // Marks the tokens ICU starts a sentence with.
  void MarkIcuBreaks(std::string_view text, const std::vector<Token>& tokens) {
    if (!sentences) return;
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()),
                   &status);
    if (U_FAILURE(status)) return;
    sentences->setText(&utext, status);
    if (U_FAILURE(status)) return;
    size_t i = 0;
    for (int32_t b = sentences->next(); b != icu::BreakIterator::DONE;
         b = sentences->next()) {
      const size_t at = static_cast<size_t>(b);
      while (i < tokens.size() && tokens[i].span.begin < at) ++i;
      if (i == tokens.size() || TimeUp()) break;
      breaks[i] = 1;
    }
  }

  void Run(std::string_view text, TextAnalysis* out) {
    out->Clear();
    text::Tokenize(text, &out->tokens);
    const std::vector<Token>& tokens = out->tokens;
    breaks.assign(tokens.size(), 0);
    MarkIcuBreaks(text, tokens);
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i == 0 || (tokens[i].kind == TokenKind::kPunct &&
                     IsBullet(SpanText(text, tokens[i].span)))) {
        breaks[i] = 1;
      } else if (tokens[i].line_before) {
        breaks[i] = !IsWrappedLine(text, tokens, i);
      } else if (OpensWithEllipsis(text, tokens, i)) {
        breaks[i] = 1;
        const size_t n =
            i + 1;  // the word after the ellipsis goes on its sentence
        if (n < tokens.size() && !tokens[n].line_before &&
            !(tokens[n].kind == TokenKind::kPunct &&
              IsBullet(SpanText(text, tokens[n].span)))) {
          breaks[n] = 0;
          ++i;
        }
      } else if (breaks[i] && IsFalseBreak(text, tokens, i)) {
        breaks[i] = 0;
      }
    }
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (breaks[i]) {
        out->sentences.push_back(
            {{tokens[i].span.begin, tokens[i].span.end}, i, i + 1});
      } else {
        Sentence& s = out->sentences.back();
        s.span.end = tokens[i].span.end;
        s.token_end = i + 1;
      }
    }
  }
};

TextAnalyzer::TextAnalyzer() : impl_(std::make_unique<Impl>()) {}
TextAnalyzer::~TextAnalyzer() = default;

void TextAnalyzer::Analyze(std::string_view text, TextAnalysis* out) {
  impl_->Run(text, out);
}

TextAnalysis AnalyzeText(std::string_view text) {
  thread_local TextAnalyzer analyzer;
  TextAnalysis analysis;
  analyzer.Analyze(text, &analysis);
  return analysis;
}

}  // namespace newsmill
