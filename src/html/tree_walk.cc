#include "html/tree_walk.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "html/block_builder.h"

namespace newsmill::html {
namespace {

using Tag = HtmlBlock::Tag;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Collapses whitespace runs to one space and trims.
void AppendCollapsed(std::string_view s, std::string* out) {
  for (char c : s) {
    if (!IsSpace(c)) {
      out->push_back(c);
    } else if (!out->empty() && out->back() != ' ') {
      out->push_back(' ');
    }
  }
}

std::string Collapsed(std::string_view s) {
  std::string out;
  AppendCollapsed(s, &out);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view Attr(const GumboElement& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr == nullptr ? std::string_view() : std::string_view(attr->value);
}

bool HasAttr(const GumboElement& element, const char* name) {
  return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

// Lower case; with `drop_all`, every whitespace byte goes, otherwise only
// leading and trailing ones.
std::string Lower(std::string_view s, bool drop_all) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  std::string out;
  for (char c : s) {
    if (drop_all && IsSpace(c)) continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  }
  return out;
}

std::string LowerNoSpace(std::string_view s) { return Lower(s, true); }

// Elements whose content a reader never sees as body text.
bool IsInvisibleTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_METER:
      return true;
    default:
      return false;
  }
}

bool IsInvisible(const GumboNode* node) {
  const GumboElement& element = node->v.element;
  // Foreign content (inside <svg> or <math>) and <template> contents are
  // never body text.
  if (node->type == GUMBO_NODE_TEMPLATE) return true;
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return true;
  if (IsInvisibleTag(element.tag)) return true;
  if (HasAttr(element, "hidden")) return true;
  if (LowerNoSpace(Attr(element, "aria-hidden")) == "true") return true;
  const std::string style = LowerNoSpace(Attr(element, "style"));
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

enum class Role : uint8_t { kInline, kBlock, kBreak };

// Whether an element starts a block, and of which kind.
Role RoleOf(GumboTag tag, Tag* kind) {
  *kind = Tag::kOther;
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_ADDRESS:
      *kind = Tag::kParagraph;
      return Role::kBlock;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      *kind = Tag::kHeading;
      return Role::kBlock;
    case GUMBO_TAG_LI:
      *kind = Tag::kListItem;
      return Role::kBlock;
    case GUMBO_TAG_BLOCKQUOTE:
      *kind = Tag::kQuote;
      return Role::kBlock;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      *kind = Tag::kTableCell;
      return Role::kBlock;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
      *kind = Tag::kPre;
      return Role::kBlock;
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
      return Role::kBreak;
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_CENTER:
      return Role::kBlock;
    default:
      return Role::kInline;
  }
}

class Walker {
 public:
  Walker(size_t max_depth, HtmlPage* page)
      : max_depth_(max_depth), page_(page), builder_(&page->blocks) {}

  WalkStats Run(const GumboNode* document);

 private:
  // What leaving an element has to undo.
  enum Undo : uint8_t { kHidden = 1, kBlock = 2, kPre = 4, kLink = 8 };
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    uint8_t undo;
  };

  static const GumboVector& Children(const GumboNode* node) {
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                             : node->v.element.children;
  }

  void Visit(const GumboNode* child, std::vector<Frame>* stack);
  uint8_t Enter(const GumboNode* node);
  void Leave(uint8_t undo);
  void CaptureTitle(const GumboElement& title);
  void CaptureMeta(const GumboElement& meta);

  size_t max_depth_;
  HtmlPage* page_;
  BlockBuilder builder_;
  size_t hidden_ = 0;  // > 0: inside invisible content
  size_t links_ = 0;   // numbers the <a> elements
  bool have_title_ = false;
  WalkStats stats_;
};

WalkStats Walker::Run(const GumboNode* document) {
  std::vector<Frame> stack;
  stack.push_back({document, 0, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = Children(top.node);
    if (top.next_child >= children.length) {
      Leave(top.undo);
      stack.pop_back();
      continue;
    }
    const auto* child =
        static_cast<const GumboNode*>(children.data[top.next_child++]);
    Visit(child, &stack);  // may grow the stack: `top` is dead from here
  }
  builder_.Flush();
  return stats_;
}

void Walker::Visit(const GumboNode* child, std::vector<Frame>* stack) {
  const size_t depth = stack->size();  // the document is depth 0
  if (depth > max_depth_) {
    stats_.depth_limited = true;
    return;
  }
  if (depth > stats_.deepest) stats_.deepest = depth;
  switch (child->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      if (hidden_ == 0) builder_.AddText(child->v.text.text);
      break;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      stack->push_back({child, 0, Enter(child)});
      break;
    default:
      break;  // comments
  }
}

uint8_t Walker::Enter(const GumboNode* node) {
  const GumboElement& element = node->v.element;
  const bool html = element.tag_namespace == GUMBO_NAMESPACE_HTML;
  // Title and metas are read even where text is invisible (<head>, hidden
  // microdata blocks).
  if (html && element.tag == GUMBO_TAG_TITLE && !have_title_)
    CaptureTitle(element);
  if (html && element.tag == GUMBO_TAG_META) CaptureMeta(element);
  if (hidden_ > 0 || IsInvisible(node)) {
    ++hidden_;
    return kHidden;
  }
  Tag kind;
  const Role role = RoleOf(element.tag, &kind);
  uint8_t undo = 0;
  if (role == Role::kBreak) {
    builder_.Break();
  } else if (role == Role::kBlock) {
    builder_.OpenBlock(kind);
    undo |= kBlock;
    if (kind == Tag::kPre) {
      builder_.EnterPre();
      undo |= kPre;
    }
  }
  if (element.tag == GUMBO_TAG_A) {
    builder_.EnterLink(++links_, Collapsed(Attr(element, "href")));
    undo |= kLink;
  }
  return undo;
}

void Walker::Leave(uint8_t undo) {
  if (undo & kHidden) --hidden_;
  if (undo & kLink) builder_.LeaveLink();
  if (undo & kPre) builder_.LeavePre();
  if (undo & kBlock) builder_.CloseBlock();
}

void Walker::CaptureTitle(const GumboElement& title) {
  std::string text;
  for (unsigned i = 0; i < title.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(title.children.data[i]);
    if (child->type == GUMBO_NODE_TEXT ||
        child->type == GUMBO_NODE_WHITESPACE) {
      text += child->v.text.text;
    }
  }
  page_->title = Collapsed(text);
  have_title_ = true;
}

void Walker::CaptureMeta(const GumboElement& meta) {
  const GumboAttribute* content =
      gumbo_get_attribute(&meta.attributes, "content");
  if (content == nullptr) return;
  std::string previous;
  for (const char* key_attr : {"name", "property", "itemprop"}) {
    std::string key = Lower(Attr(meta, key_attr), false);
    // <meta name="x" property="x"> is one meta, not two.
    if (key.empty() || key == previous) continue;
    page_->metas.push_back({key, Collapsed(content->value)});
    previous = std::move(key);
  }
}

}  // namespace

WalkStats WalkTree(const GumboNode* document, size_t max_depth,
                   HtmlPage* page) {
  Walker walker(max_depth, page);
  return walker.Run(document);
}

}  // namespace newsmill::html
