// The stack of open elements and node insertion for the fast tree builder.
#include "html/fast_tree.h"

#include <algorithm>
#include <bit>

namespace newsmill::html::fast {
namespace {

int MarkIndex(uint32_t tag_class) { return std::countr_zero(tag_class); }

}  // namespace

TreeBuilder::TreeBuilder(std::string_view html, size_t max_depth, Dom* dom)
    : dom_(dom), tokenizer_(html), max_depth_(max_depth) {
  dom_->Clear();
  last_.assign(kFirstDynamicTag, kNone);
}

uint32_t TreeBuilder::Mark(uint32_t tag_class) const {
  return stack_.empty() ? kNone : stack_.back().marks[MarkIndex(tag_class)];
}

bool TreeBuilder::InScope(TagId id, uint32_t scope) const {
  const uint32_t at = Topmost(id);
  if (at == kNone) return false;
  const uint32_t boundary = Mark(scope);
  return boundary == kNone || at >= boundary;
}

void TreeBuilder::ComputeMarks(uint32_t index) {
  Open& e = stack_[index];
  for (int k = 0; k < kMarkCount; ++k) {
    if (e.classes & (1u << k)) {
      e.marks[k] = index;
    } else {
      e.marks[k] = index == 0 ? kNone : stack_[index - 1].marks[k];
    }
  }
}

void TreeBuilder::Push(NodeId node, TagId id, Ns ns, uint32_t depth,
                       bool integration) {
  Open e;
  e.node = node;
  e.id = id;
  e.classes = ns == Ns::kHtml ? HtmlTagClasses(id) : ForeignTagClasses(id);
  if (ns != Ns::kHtml && !integration) {
    // Only svg integration points and the MathML text ones bound scopes.
    const bool math_text =
        ns == Ns::kMath &&
        (id == t_mi || id == t_mo || id == t_mn || id == t_ms || id == t_mtext);
    if (!math_text && id != t_annotation_xml) e.classes = kSelectScope;
  }
  if (id >= last_.size()) last_.resize(id + 1, kNone);
  e.prev_same = last_[id];
  e.depth = depth;
  e.foster_after = kNoNode;
  e.serial = next_serial_++;
  e.ns = ns;
  e.html_integration = integration;
  e.dead = false;
  const auto index = static_cast<uint32_t>(stack_.size());
  last_[id] = index;
  stack_.push_back(e);
  ComputeMarks(index);
}

uint32_t TreeBuilder::SkipDead(uint32_t index) const {
  while (index != kNone && stack_[index].dead) index = stack_[index].prev_same;
  return index;
}

void TreeBuilder::Pop() {
  if (stack_.size() <= 1) return;  // <html> stays
  const Open& e = stack_.back();
  if (!e.dead) last_[e.id] = SkipDead(e.prev_same);
  stack_.pop_back();
  while (stack_.size() > 1 && stack_.back().dead) stack_.pop_back();
}

void TreeBuilder::PopTo(uint32_t index) {
  index = std::max<uint32_t>(index, 1);
  while (stack_.size() > index) Pop();
}

void TreeBuilder::PopUntil(TagId id) {
  const uint32_t at = Topmost(id);
  if (at != kNone) PopTo(at);
}

// Removes an entry from the middle of the stack (HTML5 does this to <form>,
// <head> and misnested formatting elements). The entry stays as a dead
// tombstone so indices keep their meaning. With `recompute`, the marks of
// the entries above are recomputed (O(entries above)); formatting elements
// skip that: they are in no scope class, so the marks stay right.
void TreeBuilder::Remove(uint32_t index, bool recompute) {
  if (index == 0 || index >= stack_.size()) return;
  if (index + 1 == stack_.size()) {
    Pop();
    return;
  }
  Open& e = stack_[index];
  e.dead = true;
  if (last_[e.id] == index) last_[e.id] = SkipDead(e.prev_same);
  if (!recompute) return;
  e.classes = 0;
  for (auto i = index; i < stack_.size(); ++i) ComputeMarks(i);
}

void TreeBuilder::GenerateImpliedEndTags(TagId except) {
  while (stack_.size() > 1 && TopHas(kImpliedEnd) && !TopIs(except) &&
         Top().ns == Ns::kHtml) {
    Pop();
  }
}

void TreeBuilder::ClosePInButtonScope() {
  if (!InScope(t_p, kButtonScope)) return;
  GenerateImpliedEndTags(t_p);
  PopUntil(t_p);
}

TagId TreeBuilder::IdOf(std::string_view name) {
  const TagId id = KnownTagId(name);
  if (id != kFirstDynamicTag) return id;
  auto [it, added] =
      dynamic_ids_.try_emplace(std::string(name), next_dynamic_id_);
  if (added) ++next_dynamic_id_;
  return it->second;
}

TreeBuilder::Location TreeBuilder::Where() const {
  if (stack_.empty()) return {Dom::kDocument, 0, kNone};  // for <html>
  const Open& top = Top();
  if (foster_ && top.ns == Ns::kHtml && (top.classes & kTableContext)) {
    const uint32_t table = Topmost(t_table);
    if (table != kNone) {
      const Open& t = stack_[table];
      const NodeId parent =
          t.node == kNoNode ? kNoNode : dom_->node(t.node).parent;
      return {parent, t.depth - 1, table};
    }
  }
  return {top.node, top.depth, kNone};
}

NodeId TreeBuilder::NewNode(const Location& at, uint32_t depth, HtmlTag tag,
                            std::string_view name) {
  if (at.parent == kNoNode) return kNoNode;
  if (depth > max_depth_) {
    cut_ = true;
    return kNoNode;
  }
  if (at.foster_table == kNone)
    return dom_->AppendElement(at.parent, tag, name);
  Open& table = stack_[at.foster_table];
  table.foster_after =
      dom_->InsertElementAfter(at.parent, table.foster_after, tag, name);
  return table.foster_after;
}

void TreeBuilder::InsertElement(const FastToken& t, Ns ns) {
  const Location at = Where();
  const uint32_t depth = at.depth + 1;
  std::string_view name = t.text;
  HtmlTag tag;
  if (ns == Ns::kHtml) {
    if (id_ == t_image) {
      id_ = t_img;  // HTML5 renames <image>
      name = "img";
    }
    // id_ is KnownTagId(name) (Run): below t_marquee, the first id of a
    // name outside HtmlTag, it is the HtmlTag itself, with no second
    // lookup of the name.
    tag = id_ < t_marquee ? static_cast<HtmlTag>(id_) : HtmlTag::kUnknown;
  } else {
    tag = id_ == t_svg    ? HtmlTag::k_svg
          : id_ == t_math ? HtmlTag::k_math
                          : HtmlTag::kForeign;
  }
  // A table remembers the node before it: foster-parented content goes
  // there.
  NodeId before = kNoNode;
  if (at.foster_table != kNone) {
    before = stack_[at.foster_table].foster_after;
  } else if (at.parent != kNoNode) {
    before = dom_->node(at.parent).last_child;
  }
  const NodeId node = NewNode(at, depth, tag, name);
  if (node != kNoNode) {
    for (const TokenAttribute& a : t.attributes) {
      dom_->AddAttribute(node, a.name, a.value);
    }
  }
  bool integration = false;
  if (ns == Ns::kSvg) {
    integration = id_ == t_foreignobject || id_ == t_desc || id_ == t_title;
  } else if (ns == Ns::kMath && id_ == t_annotation_xml) {
    std::string_view encoding;
    t.FindAttribute("encoding", &encoding);
    std::string lower(encoding);
    for (char& c : lower)
      c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    integration = lower == "text/html" || lower == "application/xhtml+xml";
  }
  Push(node, id_, ns, depth, integration);
  if (id_ == t_table && ns == Ns::kHtml) stack_.back().foster_after = before;
}

void TreeBuilder::InsertSynthetic(TagId id) {
  const Location at = Where();
  const uint32_t depth = at.depth + 1;
  const auto tag = static_cast<HtmlTag>(id);
  Push(NewNode(at, depth, tag, HtmlTagName(tag)), id, Ns::kHtml, depth, false);
}

void TreeBuilder::InsertRaw(const FastToken& t, RawKind kind) {
  InsertElement(t, Ns::kHtml);
  tokenizer_.StartRawText(kind, t.text);
  text_return_mode_ = mode_;
  mode_ = Mode::kText;
}

void TreeBuilder::InsertText(std::string_view text) {
  const Location at = Where();
  if (at.parent == kNoNode) return;
  if (at.depth + 1 > max_depth_) {
    cut_ = true;
    return;
  }
  if (at.foster_table == kNone) {
    dom_->AppendText(at.parent, text);
    return;
  }
  Open& table = stack_[at.foster_table];
  table.foster_after =
      dom_->InsertTextAfter(at.parent, table.foster_after, text);
}

void TreeBuilder::ResetMode() {
  const uint32_t at = Mark(kModeReset);
  const Open& e = stack_[at == kNone ? 0 : at];
  const bool last = at == 0 || at == kNone;
  switch (e.id) {
    case t_select: {
      const uint32_t table = Topmost(t_table);
      mode_ = table != kNone && table < at ? Mode::kInSelectInTable
                                           : Mode::kInSelect;
      return;
    }
    case t_td:
    case t_th:
      mode_ = last ? Mode::kInBody : Mode::kInCell;
      return;
    case t_tr:
      mode_ = Mode::kInRow;
      return;
    case t_tbody:
    case t_thead:
    case t_tfoot:
      mode_ = Mode::kInTableBody;
      return;
    case t_caption:
      mode_ = Mode::kInCaption;
      return;
    case t_colgroup:
      mode_ = Mode::kInColumnGroup;
      return;
    case t_table:
      mode_ = Mode::kInTable;
      return;
    case t_head:
      mode_ = last ? Mode::kInBody : Mode::kInHead;
      return;
    case t_frameset:
      mode_ = Mode::kInFrameset;
      return;
    case t_html:
      mode_ = head_seen_ ? Mode::kAfterHead : Mode::kBeforeHead;
      return;
    default:
      mode_ = Mode::kInBody;
      return;  // body, template
  }
}

bool TreeBuilder::FormIsOpen() const {
  return form_index_ < stack_.size() &&
         stack_[form_index_].serial == form_serial_ &&
         !stack_[form_index_].dead;
}

void TreeBuilder::ClearTo(TagId a, TagId b, TagId c) {
  while (stack_.size() > 1) {
    const TagId id = TopId();
    if (Top().ns == Ns::kHtml &&
        (id == t_html || id == t_template || id == a || id == b || id == c)) {
      return;
    }
    Pop();
  }
}

void TreeBuilder::CloseCell() {
  GenerateImpliedEndTags(kNone);
  const uint32_t td = Topmost(t_td);
  const uint32_t th = Topmost(t_th);
  const uint32_t cell = td == kNone ? th : th == kNone ? td : std::max(td, th);
  if (cell != kNone) PopTo(cell);
  mode_ = Mode::kInRow;
}

}  // namespace newsmill::html::fast
