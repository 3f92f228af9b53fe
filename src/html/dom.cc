#include "newsmill/dom.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace newsmill {
namespace {

struct TagEntry {
  std::string_view name;
  HtmlTag tag;
};

constexpr TagEntry kTags[] = {
#define NEWSMILL_TAG_ENTRY(name) {#name, HtmlTag::k_##name},
    NEWSMILL_HTML_TAGS(NEWSMILL_TAG_ENTRY)
#undef NEWSMILL_TAG_ENTRY
};

// The list above is alphabetical, so lookup is a binary search.
constexpr bool Sorted() {
  for (size_t i = 1; i < std::size(kTags); ++i) {
    if (!(kTags[i - 1].name < kTags[i].name)) return false;
  }
  return true;
}
static_assert(Sorted(), "NEWSMILL_HTML_TAGS must stay in alphabetical order");

// Lookup is by an open-addressing hash table built at compile time: the
// parser looks up every tag it reads, and the binary search (string
// compares) was ~5 % of a text-only run in callgrind.
constexpr uint32_t HashName(std::string_view name) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}
constexpr size_t kTagSlots = 1024;  // a power of two, over 4x the tags
static_assert(std::size(kTags) < kTagSlots / 4);

constexpr std::array<uint16_t, kTagSlots> MakeTagSlots() {
  std::array<uint16_t, kTagSlots> slots{};  // index + 1 into kTags; 0 = free
  for (size_t i = 0; i < std::size(kTags); ++i) {
    size_t h = HashName(kTags[i].name) & (kTagSlots - 1);
    while (slots[h] != 0) h = (h + 1) & (kTagSlots - 1);
    slots[h] = static_cast<uint16_t>(i + 1);
  }
  return slots;
}
constexpr std::array<uint16_t, kTagSlots> kTagSlotsTable = MakeTagSlots();

constexpr size_t MaxTagLength() {
  size_t n = 0;
  for (const TagEntry& e : kTags) n = std::max(n, e.name.size());
  return n;
}

}  // namespace

HtmlTag LookupHtmlTag(std::string_view name) {
  if (name.empty() || name.size() > MaxTagLength()) return HtmlTag::kUnknown;
  size_t h = HashName(name) & (kTagSlots - 1);
  while (const uint16_t slot = kTagSlotsTable[h]) {
    const TagEntry& e = kTags[slot - 1];
    if (e.name == name) return e.tag;
    h = (h + 1) & (kTagSlots - 1);
  }
  return HtmlTag::kUnknown;
}

std::string_view HtmlTagName(HtmlTag tag) {
  const auto index = static_cast<size_t>(tag);
  if (index < 2 || index - 2 >= std::size(kTags)) return "";
  return kTags[index - 2].name;
}

DomAttribute Dom::attribute(NodeId id, size_t i) const {
  const AttrOffsets& a = attrs_[nodes_[id].attr_begin + i];
  const char* pool = pool_.data();  // offsets are in range: Store made them
  return {std::string_view(pool + a.name_begin, a.name_size),
          std::string_view(pool + a.value_begin, a.value_size)};
}

// The extractor asks for class, id, style, hidden, ... of every element:
// compare sizes before bytes, and no bounds-checked substr per attribute
// (these two were ~4 % of a text-only run in callgrind).
std::string_view Dom::attribute(NodeId id, std::string_view name) const {
  const DomNode& n = nodes_[id];
  const char* pool = pool_.data();
  const AttrOffsets* a = attrs_.data() + n.attr_begin;
  for (uint32_t i = 0; i < n.attr_count; ++i, ++a) {
    if (a->name_size == name.size() &&
        std::memcmp(pool + a->name_begin, name.data(), name.size()) == 0) {
      return std::string_view(pool + a->value_begin, a->value_size);
    }
  }
  return {};
}

bool Dom::has_attribute(NodeId id, std::string_view name) const {
  const DomNode& n = nodes_[id];
  const char* pool = pool_.data();
  const AttrOffsets* a = attrs_.data() + n.attr_begin;
  for (uint32_t i = 0; i < n.attr_count; ++i, ++a) {
    if (a->name_size == name.size() &&
        std::memcmp(pool + a->name_begin, name.data(), name.size()) == 0) {
      return true;
    }
  }
  return false;
}

NodeId Dom::FindFirst(HtmlTag tag) const {
  // Nodes are stored in document order (parsers append in order; only
  // foster-parented nodes come later, see InsertElementAfter).
  for (NodeId id = 0; id < nodes_.size(); ++id) {
    if (is_element(id, tag)) return id;
  }
  return kNoNode;
}

void Dom::Clear() {
  nodes_.clear();
  attrs_.clear();
  pool_.clear();
  DomNode document;
  document.type = NodeType::kDocument;
  nodes_.push_back(document);
}

uint32_t Dom::Store(std::string_view s) {
  const auto begin = static_cast<uint32_t>(pool_.size());
  pool_.append(s);
  return begin;
}

NodeId Dom::Append(NodeId parent, DomNode node) {
  const auto id = static_cast<NodeId>(nodes_.size());
  node.parent = parent;
  DomNode& p = nodes_[parent];
  if (p.last_child == kNoNode) {
    p.first_child = id;
  } else {
    nodes_[p.last_child].next_sibling = id;
  }
  p.last_child = id;
  nodes_.push_back(node);
  return id;
}

NodeId Dom::AppendElement(NodeId parent, HtmlTag tag, std::string_view name) {
  DomNode node;
  node.type = NodeType::kElement;
  node.tag = tag;
  node.data_begin = Store(name);
  node.data_size = static_cast<uint32_t>(name.size());
  node.attr_begin = static_cast<uint32_t>(attrs_.size());
  return Append(parent, node);
}

void Dom::AddAttribute(NodeId element, std::string_view name, std::string_view value) {
  AttrOffsets a;
  a.name_begin = Store(name);
  a.name_size = static_cast<uint32_t>(name.size());
  a.value_begin = Store(value);
  a.value_size = static_cast<uint32_t>(value.size());
  attrs_.push_back(a);
  ++nodes_[element].attr_count;
}

NodeId Dom::AppendText(NodeId parent, std::string_view text) {
  const NodeId last = nodes_[parent].last_child;
  if (last != kNoNode && nodes_[last].type == NodeType::kText &&
      nodes_[last].data_begin + nodes_[last].data_size == pool_.size()) {
    pool_.append(text);
    nodes_[last].data_size += static_cast<uint32_t>(text.size());
    return last;
  }
  DomNode node;
  node.type = NodeType::kText;
  node.data_begin = Store(text);
  node.data_size = static_cast<uint32_t>(text.size());
  return Append(parent, node);
}

NodeId Dom::InsertAfter(NodeId parent, NodeId after, DomNode node) {
  const auto id = static_cast<NodeId>(nodes_.size());
  node.parent = parent;
  DomNode& p = nodes_[parent];
  if (after == kNoNode) {
    node.next_sibling = p.first_child;
    p.first_child = id;
  } else {
    node.next_sibling = nodes_[after].next_sibling;
    nodes_[after].next_sibling = id;
  }
  if (node.next_sibling == kNoNode) p.last_child = id;
  nodes_.push_back(node);
  return id;
}

NodeId Dom::InsertElementAfter(NodeId parent, NodeId after, HtmlTag tag,
                               std::string_view name) {
  DomNode node;
  node.type = NodeType::kElement;
  node.tag = tag;
  node.data_begin = Store(name);
  node.data_size = static_cast<uint32_t>(name.size());
  node.attr_begin = static_cast<uint32_t>(attrs_.size());
  return InsertAfter(parent, after, node);
}

NodeId Dom::InsertTextAfter(NodeId parent, NodeId after, std::string_view text) {
  if (after != kNoNode && nodes_[after].type == NodeType::kText &&
      nodes_[after].data_begin + nodes_[after].data_size == pool_.size()) {
    pool_.append(text);
    nodes_[after].data_size += static_cast<uint32_t>(text.size());
    return after;
  }
  DomNode node;
  node.type = NodeType::kText;
  node.data_begin = Store(text);
  node.data_size = static_cast<uint32_t>(text.size());
  return InsertAfter(parent, after, node);
}

}  // namespace newsmill
