#include "html/block_builder.h"

#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsmill::html {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// U+00A0 NO-BREAK SPACE (&nbsp;) is written as C2 A0. Scraped text wants a
// plain space, and pages use runs of &nbsp; for layout, so it collapses
// like any other whitespace.
bool IsNbspAt(std::string_view s, size_t i) {
  return s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
}

// The end of the run of white space and no-break spaces at text[i].
// Pages are full of indentation between tags; where SSE2 is there (every
// x86-64) it is skipped sixteen bytes at a time (byte by byte this loop
// was the walk's hottest spot, ~2 % of a text-only run).
size_t SkipSpace(std::string_view text, size_t i) {
  const size_t n = text.size();
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'),
                lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                ff = _mm_set1_epi8('\f');
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i white = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab)),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)),
                     _mm_cmpeq_epi8(v, ff)));
    const unsigned other = static_cast<unsigned>(_mm_movemask_epi8(white)) ^ 0xFFFFu;
    if (other == 0) {
      i += 16;
      continue;
    }
    i += static_cast<size_t>(__builtin_ctz(other));
    if (!IsNbspAt(text, i)) return i;
    i += 2;
  }
#endif
  while (i < n) {
    if (IsSpace(text[i])) {
      ++i;
    } else if (IsNbspAt(text, i)) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

bool IsLeadByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

}  // namespace

void BlockBuilder::OpenBlock(HtmlBlock::Tag tag) {
  Flush();
  open_tags_.push_back(tag);
}

void BlockBuilder::CloseBlock() {
  Flush();
  if (!open_tags_.empty()) open_tags_.pop_back();
}

void BlockBuilder::EnterLink(size_t id, std::string_view href) {
  link_id_ = id;
  link_href_.assign(href);
}

void BlockBuilder::LeaveLink() {
  link_id_ = 0;
  link_href_.clear();
}

void BlockBuilder::AddText(std::string_view text, NodeId parent) {
  text_parent_ = parent;
  if (pre_depth_ > 0) {
    AppendPre(text);
    return;
  }
  size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i]) || IsNbspAt(text, i)) {
      i = SkipSpace(text, i);  // the whole run: one pending space
      pending_space_ = !text_.empty();
      continue;
    }
    size_t end = i + 1;
    while (end < text.size() && !IsSpace(text[end]) && !IsNbspAt(text, end))
      ++end;
    if (pending_space_) text_.push_back(' ');
    pending_space_ = false;
    AppendVisible(text.substr(i, end - i));
    i = end;
  }
}

void BlockBuilder::AppendPre(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (IsNbspAt(text, i)) {
      text_.push_back(' ');
      i += 2;
    } else if (IsSpace(text[i])) {
      text_.push_back(text[i]);
      ++i;
    } else {
      size_t end = i + 1;
      while (end < text.size() && !IsSpace(text[end]) && !IsNbspAt(text, end))
        ++end;
      AppendVisible(text.substr(i, end - i));
      i = end;
    }
  }
}

// Appends a run without whitespace and counts its characters.
void BlockBuilder::AppendVisible(std::string_view bytes) {
  StartBlockIfEmpty();
  text_.append(bytes);
  size_t n = 0;
  for (char c : bytes) n += IsLeadByte(c);
  chars_ += n;
  if (link_id_ == 0) return;
  link_chars_ += n;
  if (block_link_id_ == 0) {
    block_link_id_ = link_id_;
    block_link_href_ = link_href_;
  } else if (block_link_id_ != link_id_) {
    several_links_ = true;
  }
}

void BlockBuilder::StartBlockIfEmpty() {
  if (chars_ > 0) return;
  // The kind is the innermost block element open when text first appears.
  tag_ = open_tags_.empty() ? HtmlBlock::Tag::kOther : open_tags_.back();
  block_node_ = text_parent_;
}

void BlockBuilder::Flush() {
  if (tag_ == HtmlBlock::Tag::kPre && chars_ > 0) {
    // Keep indentation but not the blank lines around the block.
    size_t end = text_.size();
    while (end > 0 && IsSpace(text_[end - 1])) --end;
    text_.resize(end);
    size_t begin = 0;
    while (begin < text_.size() &&
           (text_[begin] == '\n' || text_[begin] == '\r')) {
      ++begin;
    }
    text_.erase(0, begin);
  }
  if (chars_ > 0) {
    HtmlBlock block;
    block.tag = tag_;
    block.text = std::move(text_);
    block.node = block_node_;
    block.link_density =
        static_cast<float>(link_chars_) / static_cast<float>(chars_);
    if (link_chars_ == chars_ && !several_links_) {
      block.link_href = std::move(block_link_href_);
    }
    out_->push_back(std::move(block));
  }
  text_.clear();
  pending_space_ = false;
  chars_ = 0;
  link_chars_ = 0;
  block_link_id_ = 0;
  block_link_href_.clear();
  several_links_ = false;
  tag_ = HtmlBlock::Tag::kOther;
  block_node_ = kNoNode;
}

}  // namespace newsmill::html
