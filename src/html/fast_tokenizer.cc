#include "html/fast_tokenizer.h"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "html/fast_entities.h"

namespace newsmill::html {
namespace {

// More attributes on one tag are dropped: the duplicate check is a linear
// scan, and this bound keeps a hostile tag from making it quadratic.
constexpr size_t kMaxAttributes = 512;

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
}
bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// Bytes that end a plain run of text in the data state.
constexpr std::array<bool, 256> MakeTextStops() {
  std::array<bool, 256> t{};
  t['<'] = t['&'] = t['\r'] = t['\0'] = true;
  return t;
}
constexpr std::array<bool, 256> kTextStop = MakeTextStops();

// Word-at-a-time search for the bytes that need attention: script, style
// and long text runs are mostly plain bytes, and a byte loop over them was
// the parser's largest cost (AppendDecoded, ~14 % of a text-only run in
// callgrind). Portable SWAR: a word has a byte equal to `b` when
// HasZero(w ^ Broadcast(b)).
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t Broadcast(unsigned char b) { return kOnes * b; }
inline uint64_t HasZero(uint64_t w) {
  return (w - kOnes) & ~w & (kOnes << 7);
}
inline uint64_t Load64(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// The first i in [from, end) with s[i] one of CR, NUL or (when `amp`) '&';
// `end` when there is none.
size_t FindDecodeStop(std::string_view s, size_t from, size_t end, bool amp) {
  size_t i = from;
  const char* p = s.data();
#if defined(__SSE2__)
  // Sixteen bytes at a time where SSE2 is there (every x86-64).
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i ampersand = _mm_set1_epi8('&');
  const __m128i zero = _mm_setzero_si128();
  for (; i + 16 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, zero));
    if (amp) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, ampersand));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 8 <= end; i += 8) {
    const uint64_t w = Load64(p + i);
    uint64_t hit = HasZero(w) | HasZero(w ^ Broadcast('\r'));
    if (amp) hit |= HasZero(w ^ Broadcast('&'));
    if (hit != 0) break;
  }
  for (; i < end; ++i) {
    const char c = p[i];
    if (c == '\r' || c == '\0' || (amp && c == '&')) return i;
  }
  return end;
}

// The first i >= from with s[i] a text stop (kTextStop), or s.size().
size_t FindTextStop(std::string_view s, size_t from) {
  size_t i = from;
  const size_t n = s.size();
  const char* p = s.data();
#if defined(__SSE2__)
  const __m128i lt = _mm_set1_epi8('<');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i ampersand = _mm_set1_epi8('&');
  const __m128i zero = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, cr)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, ampersand), _mm_cmpeq_epi8(v, zero)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = Load64(p + i);
    if ((HasZero(w) | HasZero(w ^ Broadcast('\r')) | HasZero(w ^ Broadcast('&')) |
         HasZero(w ^ Broadcast('<'))) != 0)
      break;
  }
  while (i < n && !kTextStop[static_cast<unsigned char>(p[i])]) ++i;
  return i;
}

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view lower) {
  if (s.size() - at < lower.size() || at > s.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (Lower(s[at + i]) != lower[i]) return false;
  }
  return true;
}

constexpr std::string_view kQuirkyPublicPrefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer ",
    "-//netscape comm. corp.//dtd ",
    "-//o'reilly and associates//dtd html ",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava ",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental ",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html",
};

// Reads the quoted identifier at s[*i] (after spaces), lower-cased, into
// *out; false when there is none.
bool ReadQuoted(std::string_view s, size_t* i, std::string* out) {
  while (*i < s.size() && IsSpace(s[*i])) ++*i;
  if (*i >= s.size() || (s[*i] != '"' && s[*i] != '\'')) return false;
  const char quote = s[(*i)++];
  while (*i < s.size() && s[*i] != quote) out->push_back(Lower(s[(*i)++]));
  if (*i < s.size()) ++*i;
  return true;
}

// HTML5 "quirks mode" from a doctype's content (after "<!doctype").
// Limited quirks mode changes nothing the tree builder here does.
bool IsQuirkyDoctype(std::string_view s, bool hit_eof) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  std::string name;
  while (i < s.size() && !IsSpace(s[i])) name.push_back(Lower(s[i++]));
  if (hit_eof || name != "html") return true;
  while (i < s.size() && IsSpace(s[i])) ++i;
  std::string public_id, system_id;
  bool has_system = false;
  if (StartsWithNoCase(s, i, "public")) {
    i += 6;
    ReadQuoted(s, &i, &public_id);
    has_system = ReadQuoted(s, &i, &system_id);
  } else if (StartsWithNoCase(s, i, "system")) {
    i += 6;
    has_system = ReadQuoted(s, &i, &system_id);
  }
  if (public_id == "-//w3o//dtd w3 html strict 3.0//en//" ||
      public_id == "-/w3c/dtd html 4.0 transitional/en" ||
      public_id == "html" ||
      system_id ==
          "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd") {
    return true;
  }
  for (std::string_view prefix : kQuirkyPublicPrefixes) {
    if (public_id.starts_with(prefix)) return true;
  }
  return !has_system &&
         (public_id.starts_with("-//w3c//dtd html 4.01 frameset//") ||
          public_id.starts_with("-//w3c//dtd html 4.01 transitional//"));
}

}  // namespace

bool FastToken::FindAttribute(std::string_view name,
                              std::string_view* value) const {
  for (const TokenAttribute& a : attributes) {
    if (a.name == name) {
      *value = a.value;
      return true;
    }
  }
  return false;
}

void FastTokenizer::StartRawText(RawKind kind, std::string_view name) {
  raw_ = kind;
  raw_name_.assign(name);
}

void FastTokenizer::Next(FastToken* token) {
  token->attributes.clear();
  token->self_closing = false;
  token->quirks = false;
  if (raw_ != RawKind::kNone) {
    RawText(token);
    if (!token->text.empty()) return;
  }
  while (!AtEnd()) {
    const bool markup = in_[pos_] == '<' && pos_ + 1 < in_.size() &&
                        (IsAlpha(in_[pos_ + 1]) || in_[pos_ + 1] == '!' ||
                         in_[pos_ + 1] == '?' ||
                         (in_[pos_ + 1] == '/' && pos_ + 2 < in_.size()));
    if (markup ? Markup(token) : Text(token)) return;
  }
  token->kind = TokenKind::kEof;
  token->text = {};
}

void FastTokenizer::AppendDecoded(size_t begin, size_t end, bool refs,
                                  bool in_attribute, bool drop_nul,
                                  std::string* out) {
  size_t flushed = begin;
  size_t i = begin;
  while ((i = FindDecodeStop(in_, i, end, refs)) < end) {
    const char c = in_[i];
    out->append(in_.substr(flushed, i - flushed));
    if (c == '&') {
      size_t used = DecodeCharRef(in_.substr(i, end - i), in_attribute, out);
      if (used == 0) {
        out->push_back('&');
        used = 1;
      }
      i += used;
    } else if (c == '\r') {
      out->push_back('\n');
      i += (i + 1 < end && in_[i + 1] == '\n') ? 2 : 1;
    } else {
      if (!drop_nul) out->append("\xEF\xBF\xBD");  // U+FFFD
      ++i;
    }
    flushed = i;
  }
  out->append(in_.substr(flushed, end - flushed));
}

bool FastTokenizer::Text(FastToken* token) {
  const size_t n = in_.size();
  const size_t begin = pos_;
  size_t i = pos_;
  size_t flushed = begin;
  bool copied = false;
  while (true) {
    i = FindTextStop(in_, i);
    if (i >= n) break;
    if (in_[i] == '<') {
      const char next = i + 1 < n ? in_[i + 1] : ' ';
      if (IsAlpha(next) || next == '!' || next == '?' ||
          (next == '/' && i + 2 < n))
        break;
      ++i;  // a '<' that starts no markup is text
      continue;
    }
    if (!copied) text_.clear();
    copied = true;
    AppendDecoded(flushed, i, false, false, true, &text_);
    // One special byte (and what it starts) at a time.
    size_t stop = i + 1;
    if (in_[i] == '&') {
      stop = i + 1 + DecodeCharRef(in_.substr(i), false, &text_);
      if (stop == i + 1)
        text_.push_back('&');
      else
        --stop;
    } else if (in_[i] == '\r') {
      text_.push_back('\n');
      if (i + 1 < n && in_[i + 1] == '\n') ++stop;
    }  // NUL: dropped, as the tree builder would
    i = flushed = stop;
  }
  pos_ = i;
  if (copied) {
    text_.append(in_.substr(flushed, i - flushed));
    token->text = text_;
  } else {
    token->text = in_.substr(begin, i - begin);
  }
  token->kind = TokenKind::kText;
  return !token->text.empty();
}

bool FastTokenizer::Markup(FastToken* token) {
  const char c = in_[pos_ + 1];
  if (IsAlpha(c)) return Tag(false, token);
  if (c == '/') {
    if (IsAlpha(in_[pos_ + 2])) return Tag(true, token);
    if (in_[pos_ + 2] == '>') {
      pos_ += 3;  // "</>" is dropped
      return false;
    }
    pos_ += 2;
    SkipBogusComment();
    return false;
  }
  if (c == '!') {
    if (in_.substr(pos_, 4) == "<!--") {
      SkipComment();
      return false;
    }
    if (StartsWithNoCase(in_, pos_ + 2, "doctype")) {
      Doctype(token);
      return true;
    }
    if (cdata_allowed_ && in_.substr(pos_, 9) == "<![CDATA[") {
      Cdata(token);
      return !token->text.empty();
    }
    pos_ += 2;
  } else {
    pos_ += 1;  // "<?": the '?' belongs to the bogus comment
  }
  SkipBogusComment();
  return false;
}

void FastTokenizer::SkipBogusComment() {
  const size_t gt = in_.find('>', pos_);
  pos_ = gt == std::string_view::npos ? in_.size() : gt + 1;
}

void FastTokenizer::SkipComment() {
  const size_t start = pos_ + 4;
  // "<!-->" and "<!--->" are (empty) comments.
  if (start < in_.size() && in_[start] == '>') {
    pos_ = start + 1;
    return;
  }
  if (in_.substr(start, 2) == "->") {
    pos_ = start + 2;
    return;
  }
  size_t i = start;
  while (true) {
    const size_t gt = in_.find('>', i);
    if (gt == std::string_view::npos) {
      pos_ = in_.size();
      return;
    }
    if ((gt >= start + 2 && in_.substr(gt - 2, 2) == "--") ||
        (gt >= start + 3 && in_.substr(gt - 3, 3) == "--!")) {
      pos_ = gt + 1;
      return;
    }
    i = gt + 1;
  }
}

void FastTokenizer::Doctype(FastToken* token) {
  const size_t begin = pos_ + 9;
  const size_t gt = in_.find('>', begin);
  const bool eof = gt == std::string_view::npos;
  const size_t end = eof ? in_.size() : gt;
  token->kind = TokenKind::kDoctype;
  token->quirks = IsQuirkyDoctype(in_.substr(begin, end - begin), eof);
  pos_ = eof ? in_.size() : gt + 1;
}

void FastTokenizer::Cdata(FastToken* token) {
  const size_t begin = pos_ + 9;
  const size_t close = in_.find("]]>", begin);
  const size_t end = close == std::string_view::npos ? in_.size() : close;
  text_.clear();
  AppendDecoded(begin, end, false, false, false, &text_);
  token->kind = TokenKind::kText;
  token->text = text_;
  pos_ = close == std::string_view::npos ? in_.size() : close + 3;
}

size_t FastTokenizer::ReadName(std::string* out) {
  const size_t begin = out->size();
  while (!AtEnd()) {
    const char c = in_[pos_];
    if (IsSpace(c) || c == '/' || c == '>') break;
    if (c == '\0') {
      out->append("\xEF\xBF\xBD");
    } else {
      out->push_back(Lower(c));
    }
    ++pos_;
  }
  return out->size() - begin;
}

bool FastTokenizer::Tag(bool end_tag, FastToken* token) {
  names_.clear();
  attrs_.clear();
  pos_ += end_tag ? 2 : 1;
  const size_t name_size = ReadName(&names_);
  while (true) {
    while (!AtEnd() && IsSpace(in_[pos_])) ++pos_;
    if (AtEnd() || (in_[pos_] != '>' && in_[pos_] != '/' && !ReadAttribute())) {
      // EOF inside a tag: HTML5 drops the tag.
      pos_ = in_.size();
      token->kind = TokenKind::kEof;
      token->text = {};
      return true;
    }
    if (in_[pos_] == '>') {
      ++pos_;
      break;
    }
    if (in_[pos_] == '/') {
      ++pos_;
      if (!AtEnd() && in_[pos_] == '>') {
        token->self_closing = true;
        ++pos_;
        break;
      }
    }
  }
  token->kind = end_tag ? TokenKind::kEndTag : TokenKind::kStartTag;
  const std::string_view names(names_);
  token->text = names.substr(0, name_size);
  if (!end_tag) {
    for (const AttrOffsets& a : attrs_) {
      token->attributes.push_back({names.substr(a.name_begin, a.name_size),
                                   names.substr(a.value_begin, a.value_size)});
    }
  }
  return true;
}

bool FastTokenizer::ReadAttribute() {
  AttrOffsets a;
  a.name_begin = static_cast<uint32_t>(names_.size());
  // The first character is part of the name even when it is '='.
  names_.push_back(in_[pos_] == '\0' ? '?' : Lower(in_[pos_]));
  ++pos_;
  while (!AtEnd() && in_[pos_] != '=') {
    const char c = in_[pos_];
    if (IsSpace(c) || c == '/' || c == '>') break;
    if (c == '\0') {
      names_.append("\xEF\xBF\xBD");
    } else {
      names_.push_back(Lower(c));
    }
    ++pos_;
  }
  a.name_size = static_cast<uint32_t>(names_.size()) - a.name_begin;
  while (!AtEnd() && IsSpace(in_[pos_])) ++pos_;
  a.value_begin = static_cast<uint32_t>(names_.size());
  if (!AtEnd() && in_[pos_] == '=') {
    ++pos_;
    while (!AtEnd() && IsSpace(in_[pos_])) ++pos_;
    if (!ReadAttributeValue(&names_)) return false;
  }
  if (AtEnd()) return false;
  a.value_size = static_cast<uint32_t>(names_.size()) - a.value_begin;
  const std::string_view names(names_);
  const std::string_view name = names.substr(a.name_begin, a.name_size);
  bool keep = attrs_.size() < kMaxAttributes;
  for (size_t i = 0; keep && i < attrs_.size(); ++i) {
    keep = names.substr(attrs_[i].name_begin, attrs_[i].name_size) != name;
  }
  if (keep) {
    attrs_.push_back(a);
  } else {
    names_.resize(a.name_begin);  // a duplicate: the first one wins
  }
  return true;
}

bool FastTokenizer::ReadAttributeValue(std::string* out) {
  if (AtEnd()) return false;
  const char quote = in_[pos_];
  if (quote == '"' || quote == '\'') {
    const size_t close = in_.find(quote, pos_ + 1);
    if (close == std::string_view::npos) return false;
    AppendDecoded(pos_ + 1, close, true, true, false, out);
    pos_ = close + 1;
    return true;
  }
  const size_t begin = pos_;
  while (!AtEnd() && !IsSpace(in_[pos_]) && in_[pos_] != '>') ++pos_;
  AppendDecoded(begin, pos_, true, true, false, out);
  return !AtEnd();
}

void FastTokenizer::RawText(FastToken* token) {
  const size_t begin = pos_;
  size_t end = in_.size();
  if (raw_ == RawKind::kScript) {
    end = FindScriptEnd(begin);
  } else if (raw_ != RawKind::kPlaintext) {
    end = FindRawEnd(begin);
  }
  const bool refs = raw_ == RawKind::kRcdata;
  raw_ = RawKind::kNone;
  pos_ = end;
  token->kind = TokenKind::kText;
  // Most raw text (scripts, styles) needs no decoding: hand out the input.
  if (FindDecodeStop(in_, begin, end, refs) == end) {
    token->text = in_.substr(begin, end - begin);
    return;
  }
  text_.clear();
  AppendDecoded(begin, end, refs, false, false, &text_);
  token->text = text_;
}

bool FastTokenizer::MatchesEndTag(size_t lt) const {
  const size_t after = lt + 2 + raw_name_.size();
  return after < in_.size() && StartsWithNoCase(in_, lt + 2, raw_name_) &&
         (IsSpace(in_[after]) || in_[after] == '/' || in_[after] == '>');
}

size_t FastTokenizer::FindRawEnd(size_t from) const {
  size_t i = from;
  while ((i = in_.find("</", i)) != std::string_view::npos) {
    if (MatchesEndTag(i)) return i;
    i += 2;
  }
  return in_.size();
}

// Script data with its escape states: inside "<!--", a "<script" starts a
// "double escaped" part where "</script>" does not end the element (it
// ends the inner script); "-->" leaves both.
size_t FastTokenizer::FindScriptEnd(size_t from) const {
  enum { kNormal, kEscaped, kDoubleEscaped } state = kNormal;
  size_t dashes = 0;
  const auto is_delim = [&](size_t at) {
    return at < in_.size() &&
           (IsSpace(in_[at]) || in_[at] == '/' || in_[at] == '>');
  };
  for (size_t i = from; i < in_.size(); ++i) {
    if (state == kNormal) {
      // Only a '<' matters here (a '>' after dashes would set kNormal
      // again): jump to it.
      const size_t lt = in_.find('<', i);
      if (lt == std::string_view::npos) break;
      i = lt;
    }
    const char c = in_[i];
    if (c == '-') {
      ++dashes;
      continue;
    }
    if (c == '>' && dashes >= 2) state = kNormal;
    dashes = 0;
    if (c != '<') continue;
    if (state == kNormal && in_.substr(i, 4) == "<!--") {
      state = kEscaped;
      dashes = 2;
      i += 3;
    } else if (in_.substr(i, 2) == "</" &&
               StartsWithNoCase(in_, i + 2, "script") && is_delim(i + 8)) {
      if (state != kDoubleEscaped) return i;
      state = kEscaped;
    } else if (state == kEscaped && StartsWithNoCase(in_, i + 1, "script") &&
               is_delim(i + 7)) {
      state = kDoubleEscaped;
    }
  }
  return in_.size();
}

}  // namespace newsmill::html
