#include "html/tree_walk.h"

#include <cctype>
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
  // Run by run rather than byte by byte.
  size_t i = 0;
  while (i < s.size()) {
    size_t end = i;
    while (end < s.size() && !IsSpace(s[end])) ++end;
    out->append(s.data() + i, end - i);
    if (end == s.size()) break;
    if (!out->empty() && out->back() != ' ') out->push_back(' ');
    i = end + 1;
  }
}

std::string Collapsed(std::string_view s) {
  std::string out;
  AppendCollapsed(s, &out);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
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
bool IsInvisibleTag(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kForeign:
    case HtmlTag::k_head:
    case HtmlTag::k_title:
    case HtmlTag::k_script:
    case HtmlTag::k_style:
    case HtmlTag::k_noscript:
    case HtmlTag::k_template:
    case HtmlTag::k_svg:
    case HtmlTag::k_math:
    case HtmlTag::k_iframe:
    case HtmlTag::k_object:
    case HtmlTag::k_embed:
    case HtmlTag::k_applet:
    case HtmlTag::k_canvas:
    case HtmlTag::k_video:
    case HtmlTag::k_audio:
    case HtmlTag::k_select:
    case HtmlTag::k_option:
    case HtmlTag::k_optgroup:
    case HtmlTag::k_datalist:
    case HtmlTag::k_button:
    case HtmlTag::k_input:
    case HtmlTag::k_textarea:
    case HtmlTag::k_keygen:
    case HtmlTag::k_frameset:
    case HtmlTag::k_frame:
    case HtmlTag::k_noframes:
    case HtmlTag::k_noembed:
    case HtmlTag::k_map:
    case HtmlTag::k_progress:
    case HtmlTag::k_meter:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool IsInvisible(const Dom& dom, NodeId id) {
  if (IsInvisibleTag(dom.node(id).tag)) return true;
  // One pass over the attributes rather than a lookup per name (this runs
  // for every element, in the walk and in the extractor); the first of
  // each name counts, as Dom::attribute's lookup would give it.
  const size_t count = dom.attribute_count(id);
  if (count == 0) return false;
  std::string_view aria_hidden, raw_style;
  bool seen_aria = false, seen_style = false;
  for (size_t i = 0; i < count; ++i) {
    const DomAttribute a = dom.attribute(id, i);
    if (a.name == "hidden") return true;
    if (!seen_aria && a.name == "aria-hidden") {
      seen_aria = true;
      aria_hidden = a.value;
    } else if (!seen_style && a.name == "style") {
      seen_style = true;
      raw_style = a.value;
    }
  }
  if (!aria_hidden.empty() && LowerNoSpace(aria_hidden) == "true") return true;
  if (raw_style.empty()) return false;
  const std::string style = LowerNoSpace(raw_style);
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

namespace {

// What a hover card's test counts in one element's subtree.
struct LinkTally {
  uint32_t links = 0;        // <a> elements
  uint32_t link_chars = 0;   // visible bytes inside them
  uint32_t plain_chars = 0;  // visible bytes outside them
  bool card_below = false;   // a descendant is a hover card itself
};

uint32_t VisibleBytes(std::string_view text) {
  uint32_t n = 0;
  for (char c : text) n += !std::isspace(static_cast<unsigned char>(c));
  return n;
}

bool LooksLikeCard(const LinkTally& t) {
  constexpr uint32_t kHeadlineBytes = 40;
  return t.links >= 2 && t.link_chars >= kHeadlineBytes && t.plain_chars == 0;
}

// A hover card: a <span> in running text that only a pointer over a name
// shows (a person's photo, name and latest headlines), hidden by a style
// sheet the walk does not read. Its mark: all its text is in two or more
// links with a headline's worth of text, and no <span> inside it is such a
// card (the <span> around the name and its card is not one). The scan stops
// at kMaxNodes, so a large subtree is never a card and the test stays cheap.
bool IsHoverCard(const Dom& dom, NodeId span) {
  constexpr size_t kMaxNodes = 256;
  // Breadth-first: every node after its parent, so a backward pass sums.
  std::vector<NodeId> order{span};
  std::vector<uint32_t> parent_at{0};
  for (size_t i = 0; i < order.size(); ++i) {
    for (NodeId c = dom.node(order[i]).first_child; c != kNoNode; c = dom.node(c).next_sibling) {
      if (order.size() >= kMaxNodes) return false;
      order.push_back(c);
      parent_at.push_back(static_cast<uint32_t>(i));
    }
  }
  std::vector<LinkTally> tally(order.size());
  for (size_t i = order.size(); i-- > 0;) {
    const DomNode& n = dom.node(order[i]);
    LinkTally& t = tally[i];
    if (n.type == NodeType::kText) {
      t.plain_chars = VisibleBytes(dom.data(order[i]));
    } else if (n.tag == HtmlTag::k_a) {
      t.links += 1;
      t.link_chars += t.plain_chars;
      t.plain_chars = 0;
    } else if (i > 0 && n.tag == HtmlTag::k_span && LooksLikeCard(t)) {
      t.card_below = true;
    }
    if (i == 0) break;
    LinkTally& up = tally[parent_at[i]];
    up.links += t.links;
    up.link_chars += t.link_chars;
    up.plain_chars += t.plain_chars;
    up.card_below |= t.card_below;
  }
  return LooksLikeCard(tally[0]) && !tally[0].card_below;
}

enum class Role : uint8_t { kInline, kBlock, kBreak };

// Whether an element starts a block, and of which kind.
Role RoleOf(HtmlTag tag, Tag* kind) {
  *kind = Tag::kOther;
  switch (tag) {
    case HtmlTag::k_p:
    case HtmlTag::k_dd:
    case HtmlTag::k_address:
      *kind = Tag::kParagraph;
      return Role::kBlock;
    case HtmlTag::k_h1:
    case HtmlTag::k_h2:
    case HtmlTag::k_h3:
    case HtmlTag::k_h4:
    case HtmlTag::k_h5:
    case HtmlTag::k_h6:
      *kind = Tag::kHeading;
      return Role::kBlock;
    case HtmlTag::k_li:
      *kind = Tag::kListItem;
      return Role::kBlock;
    case HtmlTag::k_blockquote:
      *kind = Tag::kQuote;
      return Role::kBlock;
    case HtmlTag::k_td:
    case HtmlTag::k_th:
      *kind = Tag::kTableCell;
      return Role::kBlock;
    case HtmlTag::k_pre:
    case HtmlTag::k_listing:
    case HtmlTag::k_xmp:
    case HtmlTag::k_plaintext:
      *kind = Tag::kPre;
      return Role::kBlock;
    case HtmlTag::k_br:
    case HtmlTag::k_hr:
      return Role::kBreak;
    case HtmlTag::k_body:
    case HtmlTag::k_div:
    case HtmlTag::k_section:
    case HtmlTag::k_article:
    case HtmlTag::k_header:
    case HtmlTag::k_footer:
    case HtmlTag::k_nav:
    case HtmlTag::k_aside:
    case HtmlTag::k_main:
    case HtmlTag::k_form:
    case HtmlTag::k_fieldset:
    case HtmlTag::k_legend:
    case HtmlTag::k_dt:
    case HtmlTag::k_dl:
    case HtmlTag::k_figure:
    case HtmlTag::k_figcaption:
    case HtmlTag::k_caption:
    case HtmlTag::k_ul:
    case HtmlTag::k_ol:
    case HtmlTag::k_dir:
    case HtmlTag::k_menu:
    case HtmlTag::k_table:
    case HtmlTag::k_thead:
    case HtmlTag::k_tbody:
    case HtmlTag::k_tfoot:
    case HtmlTag::k_tr:
    case HtmlTag::k_details:
    case HtmlTag::k_summary:
    case HtmlTag::k_hgroup:
    case HtmlTag::k_center:
      return Role::kBlock;
    default:
      return Role::kInline;
  }
}

class Walker {
 public:
  Walker(const Dom& dom, HtmlPage* page)
      : dom_(dom), page_(page), builder_(&page->blocks) {}

  void Run();

 private:
  // What leaving an element has to undo.
  enum Undo : uint8_t { kHidden = 1, kBlock = 2, kPre = 4, kLink = 8 };
  struct Frame {
    NodeId node;
    NodeId next_child;
    uint8_t undo;
  };

  uint8_t Enter(NodeId node);
  void Leave(uint8_t undo);
  void CaptureTitle(NodeId title);
  void CaptureMeta(NodeId meta);

  const Dom& dom_;
  HtmlPage* page_;
  BlockBuilder builder_;
  size_t hidden_ = 0;  // > 0: inside invisible content
  size_t links_ = 0;   // numbers the <a> elements
  bool have_title_ = false;
};

void Walker::Run() {
  std::vector<Frame> stack;
  stack.push_back({Dom::kDocument, dom_.node(Dom::kDocument).first_child, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next_child == kNoNode) {
      Leave(top.undo);
      stack.pop_back();
      continue;
    }
    const NodeId child = top.next_child;
    top.next_child = dom_.node(child).next_sibling;
    const DomNode& node = dom_.node(child);
    if (node.type == NodeType::kText) {
      if (hidden_ == 0) builder_.AddText(dom_.data(child), node.parent);
    } else if (node.type == NodeType::kElement) {
      const uint8_t undo = Enter(child);  // may grow the stack: `top` dies
      stack.push_back({child, node.first_child, undo});
    }
  }
  builder_.Flush();
}

uint8_t Walker::Enter(NodeId node) {
  const HtmlTag tag = dom_.node(node).tag;
  // Title and metas are read even where text is invisible (<head>, hidden
  // microdata blocks).
  if (tag == HtmlTag::k_title && !have_title_) CaptureTitle(node);
  if (tag == HtmlTag::k_meta) CaptureMeta(node);
  if (hidden_ > 0 || IsInvisible(dom_, node) ||
      (tag == HtmlTag::k_span && IsHoverCard(dom_, node))) {
    ++hidden_;
    return kHidden;
  }
  Tag kind;
  const Role role = RoleOf(tag, &kind);
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
  if (tag == HtmlTag::k_a) {
    builder_.EnterLink(++links_, Collapsed(dom_.attribute(node, "href")));
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

void Walker::CaptureTitle(NodeId title) {
  std::string text;
  for (NodeId c = dom_.node(title).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
    if (dom_.node(c).type == NodeType::kText) text += dom_.data(c);
  }
  page_->title = Collapsed(text);
  have_title_ = true;
}

void Walker::CaptureMeta(NodeId meta) {
  if (!dom_.has_attribute(meta, "content")) return;
  const std::string_view content = dom_.attribute(meta, "content");
  std::string previous;
  for (const char* key_attr : {"name", "property", "itemprop"}) {
    std::string key = Lower(dom_.attribute(meta, key_attr), false);
    // <meta name="x" property="x"> is one meta, not two.
    if (key.empty() || key == previous) continue;
    page_->metas.push_back({key, Collapsed(content)});
    previous = std::move(key);
  }
}

}  // namespace

void WalkDom(const Dom& dom, HtmlPage* page) {
  Walker walker(dom, page);
  walker.Run();
}

}  // namespace newsmill::html
