// The tokenizer of newsmill's own HTML parser (internal header).
//
// A pull tokenizer over the whole input: each Next() yields one text run,
// tag or doctype. Comments are skipped. Text and attribute values come with
// character references decoded and CR / CRLF turned into LF. The tree
// builder switches it into raw text modes after <script>, <style>,
// <title>, ... since only the tree knows where those are (an <svg><style>
// is ordinary markup).
//
// Every scan moves forward only: finding a raw text end tag or the end of a
// comment never rescans, so tokenizing is linear in the input.
#ifndef NEWSMILL_HTML_FAST_TOKENIZER_H_
#define NEWSMILL_HTML_FAST_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsmill::html {

enum class TokenKind : uint8_t { kText, kStartTag, kEndTag, kDoctype, kEof };

struct TokenAttribute {
  std::string_view name;  // lower case
  std::string_view value;
};

// Valid until the next call to FastTokenizer::Next.
struct FastToken {
  TokenKind kind = TokenKind::kEof;
  // kText: the text. Tags: the lower-case name.
  std::string_view text;
  bool self_closing = false;
  bool quirks = false;  // kDoctype: the doctype puts the page in quirks mode
  std::vector<TokenAttribute> attributes;  // start tags; first one wins

  // True when the tag has attribute `name`; its value goes to *value.
  bool FindAttribute(std::string_view name, std::string_view* value) const;
};

// How the content of the element just opened is tokenized.
enum class RawKind : uint8_t {
  kNone,
  kRcdata,     // title, textarea: text with references, up to the end tag
  kRawText,    // style, xmp, iframe, noembed, noframes: text as written
  kScript,     // script: raw text with the <!-- <script> escape rules
  kPlaintext,  // plaintext: the rest of the input
};

class FastTokenizer {
 public:
  explicit FastTokenizer(std::string_view input) : in_(input) {}

  void Next(FastToken* token);

  // The element `name` (lower case) was opened: its content up to the
  // matching end tag comes next as one text token.
  void StartRawText(RawKind kind, std::string_view name);
  // <![CDATA[...]]> is text inside svg / math, a comment elsewhere.
  void set_cdata_allowed(bool allowed) { cdata_allowed_ = allowed; }

 private:
  bool AtEnd() const { return pos_ >= in_.size(); }
  void RawText(FastToken* token);
  size_t FindRawEnd(size_t from) const;
  size_t FindScriptEnd(size_t from) const;
  bool MatchesEndTag(size_t lt) const;
  // Data state: text up to the next markup. False when there is none.
  bool Text(FastToken* token);
  // At '<': true when a token was produced, false when the markup was a
  // comment (or nothing) and scanning goes on.
  bool Markup(FastToken* token);
  bool Tag(bool end_tag, FastToken* token);
  size_t ReadName(std::string* out);
  bool ReadAttribute();
  bool ReadAttributeValue(std::string* out);
  void Doctype(FastToken* token);
  void SkipComment();
  void SkipBogusComment();
  void Cdata(FastToken* token);
  // Appends in_[begin, end) decoded: CR LF normalised, NUL replaced (or
  // dropped with `drop_nul`), references decoded when `refs`.
  void AppendDecoded(size_t begin, size_t end, bool refs, bool in_attribute,
                     bool drop_nul, std::string* out);

  std::string_view in_;
  size_t pos_ = 0;
  RawKind raw_ = RawKind::kNone;
  std::string raw_name_;  // the element whose end tag ends the raw text
  bool cdata_allowed_ = false;

  std::string text_;   // text needing decoding
  std::string names_;  // tag name, attribute names and values
  struct AttrOffsets {
    uint32_t name_begin, name_size, value_begin, value_size;
  };
  std::vector<AttrOffsets> attrs_;
};

}  // namespace newsmill::html

#endif  // NEWSMILL_HTML_FAST_TOKENIZER_H_
