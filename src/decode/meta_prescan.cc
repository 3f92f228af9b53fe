// SniffMetaCharset and CharsetFromContentType: finding a charset label in
// markup and in a Content-Type header value.
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/decode.h"

namespace newsmill {
namespace {

// The HTML5 prescan only looks this far into the payload.
constexpr size_t kPrescanBytes = 1024;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool HasPrefixNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (Lower(s[pos + k]) != prefix[k]) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

struct Attribute {
  std::string name;   // lower case
  std::string value;  // lower case, as the prescan specifies
};

// The prescan's "get an attribute" step. Returns false when the tag ends
// ('>' or end of input); *pos is left on the byte after the attribute.
bool NextAttribute(std::string_view s, size_t* pos, Attribute* attr) {
  size_t i = *pos;
  while (i < s.size() && (IsSpace(s[i]) || s[i] == '/')) ++i;
  *pos = i;
  if (i >= s.size() || s[i] == '>') return false;
  attr->name.clear();
  attr->value.clear();
  // A leading '=' belongs to the name, as in the specification.
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c == '=' && !attr->name.empty()) || IsSpace(c) || c == '/' || c == '>')
      break;
    attr->name.push_back(Lower(c));
  }
  i = SkipSpaces(s, i);
  if (i >= s.size() || s[i] != '=') {
    *pos = i;
    return true;
  }
  i = SkipSpaces(s, i + 1);
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
    const size_t end = s.find(s[i], i + 1);
    if (end == std::string_view::npos) {
      *pos = s.size();  // the tag runs past the prescan window
      return false;
    }
    for (size_t k = i + 1; k < end; ++k) attr->value.push_back(Lower(s[k]));
    i = end + 1;
  } else {
    for (; i < s.size() && !IsSpace(s[i]) && s[i] != '>'; ++i) {
      attr->value.push_back(Lower(s[i]));
    }
  }
  *pos = i;
  return true;
}

// WHATWG "extracting a character encoding from a meta element": the value
// after "charset=" in a content attribute such as "text/html; charset=x".
std::string CharsetFromMetaContent(std::string_view content) {
  size_t pos = 0;
  while (true) {
    const size_t found = content.find("charset", pos);  // already lower case
    if (found == std::string_view::npos) return "";
    pos = SkipSpaces(content, found + 7);
    if (pos >= content.size() || content[pos] != '=') continue;
    pos = SkipSpaces(content, pos + 1);
    if (pos >= content.size()) return "";
    const char c = content[pos];
    if (c == '"' || c == '\'') {
      const size_t end = content.find(c, pos + 1);
      if (end == std::string_view::npos) return "";
      return std::string(Trim(content.substr(pos + 1, end - pos - 1)));
    }
    size_t end = pos;
    while (end < content.size() && !IsSpace(content[end]) &&
           content[end] != ';')
      ++end;
    return std::string(content.substr(pos, end - pos));
  }
}

// Reads the attributes of a <meta> tag starting at *pos. Returns the
// charset it declares, or "".
std::string MetaTagCharset(std::string_view s, size_t* pos) {
  std::vector<std::string> seen;
  bool got_pragma = false;
  bool need_pragma = false;
  std::string charset;
  Attribute attr;
  while (NextAttribute(s, pos, &attr)) {
    bool duplicate = false;
    for (const std::string& name : seen)
      duplicate = duplicate || name == attr.name;
    if (duplicate) continue;  // the first occurrence of an attribute wins
    seen.push_back(attr.name);
    if (attr.name == "http-equiv") {
      got_pragma = got_pragma || attr.value == "content-type";
    } else if (attr.name == "content" && charset.empty()) {
      charset = CharsetFromMetaContent(attr.value);
      need_pragma = !charset.empty();
    } else if (attr.name == "charset") {
      charset = std::string(Trim(attr.value));
      need_pragma = false;
    }
  }
  if (need_pragma && !got_pragma) return "";
  return charset;
}

// Skips the attributes of any other tag so that a '>' or "<meta" inside a
// quoted attribute value is not mistaken for markup.
void SkipTag(std::string_view s, size_t* pos) {
  while (*pos < s.size() && !IsSpace(s[*pos]) && s[*pos] != '>') ++*pos;
  Attribute attr;
  while (NextAttribute(s, pos, &attr)) {
  }
}

}  // namespace

std::string SniffMetaCharset(std::string_view html) {
  const std::string_view s = html.substr(0, kPrescanBytes);
  size_t pos = 0;
  while (pos < s.size()) {
    if (s[pos] != '<') {
      ++pos;
    } else if (s.compare(pos, 4, "<!--") == 0) {
      // The "--" of "<!--" may end the comment, so "<!-->" is empty.
      const size_t end = s.find("-->", pos + 2);
      if (end == std::string_view::npos) return "";
      pos = end + 3;
    } else if (HasPrefixNoCase(s, pos, "<meta") && pos + 5 < s.size() &&
               (IsSpace(s[pos + 5]) || s[pos + 5] == '/')) {
      pos += 5;
      std::string charset = MetaTagCharset(s, &pos);
      if (!charset.empty()) return charset;
      ++pos;
    } else if (pos + 1 < s.size() &&
               (IsAlpha(s[pos + 1]) ||
                (s[pos + 1] == '/' && pos + 2 < s.size() &&
                 IsAlpha(s[pos + 2])))) {
      ++pos;
      SkipTag(s, &pos);
      ++pos;
    } else if (pos + 1 < s.size() &&
               (s[pos + 1] == '!' || s[pos + 1] == '/' || s[pos + 1] == '?')) {
      const size_t end = s.find('>', pos + 2);
      if (end == std::string_view::npos) return "";
      pos = end + 1;
    } else {
      ++pos;
    }
  }
  return "";
}

std::string CharsetFromContentType(std::string_view content_type) {
  size_t i = content_type.find(';');
  while (i != std::string_view::npos && i < content_type.size()) {
    size_t name_end = i + 1;
    while (name_end < content_type.size() && content_type[name_end] != '=' &&
           content_type[name_end] != ';') {
      ++name_end;
    }
    std::string_view name = Trim(content_type.substr(i + 1, name_end - i - 1));
    if (name_end >= content_type.size() || content_type[name_end] == ';') {
      i = name_end;
      continue;
    }
    // A quoted value may contain ';', so find its end before splitting.
    size_t v = SkipSpaces(content_type, name_end + 1);
    std::string value;
    if (v < content_type.size() && content_type[v] == '"') {
      for (++v; v < content_type.size() && content_type[v] != '"'; ++v) {
        if (content_type[v] == '\\' && v + 1 < content_type.size()) ++v;
        value.push_back(content_type[v]);
      }
      i = content_type.find(';', v);
    } else {
      i = content_type.find(';', v);
      value = std::string(content_type.substr(
          v, i == std::string_view::npos ? std::string_view::npos : i - v));
    }
    if (name.size() == 7 && HasPrefixNoCase(name, 0, "charset")) {
      std::string_view trimmed = Trim(value);
      if (!trimmed.empty()) return std::string(trimmed);
    }
  }
  return "";
}

}  // namespace newsmill
