// Dom: the parsed page as newsmill keeps it — a compact, read-only tree in
// three arrays (nodes, attributes, one string pool), built by a parser and
// read by the extractor. Any parser that fills a Dom can feed the stages
// after it: gumbo (the reference) or newsmill's own extraction-oriented
// parser.
//
// Text nodes hold their text with character references decoded and white
// space as written. Comments and doctypes are not kept. Element names are
// lower case; foreign elements (inside <svg> or <math>) keep their tag
// kind `kForeign`.
//
// Thread safety: a built Dom may be read from many threads.
#ifndef NEWSMILL_DOM_H_
#define NEWSMILL_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsmill {

// The elements the stages tell apart. Others are kUnknown (their name is
// still kept).
#define NEWSMILL_HTML_TAGS(X)                                                 \
  X(a) X(abbr) X(address) X(applet) X(area) X(article) X(aside) X(audio)     \
  X(b) X(base) X(bdi) X(bdo) X(blockquote) X(body) X(br) X(button)           \
  X(canvas) X(caption) X(center) X(cite) X(code) X(col) X(colgroup)          \
  X(data) X(datalist) X(dd) X(del) X(details) X(dfn) X(dialog) X(dir) X(div) \
  X(dl) X(dt) X(em) X(embed) X(fieldset) X(figcaption) X(figure) X(font)     \
  X(footer) X(form) X(frame) X(frameset) X(h1) X(h2) X(h3) X(h4) X(h5) X(h6) \
  X(head) X(header) X(hgroup) X(hr) X(html) X(i) X(iframe) X(img) X(input)   \
  X(ins) X(kbd) X(keygen) X(label) X(legend) X(li) X(link) X(listing)        \
  X(main) X(map) X(mark) X(math) X(menu) X(meta) X(meter) X(nav) X(nobr)     \
  X(noembed) X(noframes) X(noscript) X(object) X(ol) X(optgroup) X(option)   \
  X(output) X(p) X(param) X(picture) X(plaintext) X(pre) X(progress) X(q)    \
  X(rp) X(rt) X(ruby) X(s) X(samp) X(script) X(search) X(section) X(select)  \
  X(small) X(source) X(span) X(strike) X(strong) X(style) X(sub) X(summary)  \
  X(sup) X(svg) X(table) X(tbody) X(td) X(template) X(textarea) X(tfoot)     \
  X(th) X(thead) X(time) X(title) X(tr) X(track) X(tt) X(u) X(ul) X(var)     \
  X(video) X(wbr) X(xmp)

enum class HtmlTag : uint8_t {
  kUnknown = 0,
  kForeign,  // an element inside <svg> or <math> (other than the root)
#define NEWSMILL_TAG_ENUM(name) k_##name,
  NEWSMILL_HTML_TAGS(NEWSMILL_TAG_ENUM)
#undef NEWSMILL_TAG_ENUM
};

// The tag for a lower-case element name; kUnknown for anything else.
HtmlTag LookupHtmlTag(std::string_view lower_case_name);
// "div" for HtmlTag::k_div; "" for kUnknown and kForeign.
std::string_view HtmlTagName(HtmlTag tag);

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

enum class NodeType : uint8_t { kDocument, kElement, kText };

struct DomNode {
  NodeType type = NodeType::kElement;
  HtmlTag tag = HtmlTag::kUnknown;
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId last_child = kNoNode;
  NodeId next_sibling = kNoNode;
  // Text nodes: the text. Elements: the element's name.
  uint32_t data_begin = 0;
  uint32_t data_size = 0;
  // Elements: their attributes, attrs_[attr_begin, attr_begin + attr_count).
  uint32_t attr_begin = 0;
  uint32_t attr_count = 0;
};

struct DomAttribute {
  std::string_view name;   // lower case
  std::string_view value;  // character references decoded
};

class Dom {
 public:
  Dom() { Clear(); }

  // Node 0 is the document; the <html> element is one of its children.
  static constexpr NodeId kDocument = 0;

  size_t size() const { return nodes_.size(); }
  const DomNode& node(NodeId id) const { return nodes_[id]; }
  bool is_element(NodeId id, HtmlTag tag) const {
    return nodes_[id].type == NodeType::kElement && nodes_[id].tag == tag;
  }
  // A text node's text, or an element's name.
  std::string_view data(NodeId id) const {
    return std::string_view(pool_).substr(nodes_[id].data_begin, nodes_[id].data_size);
  }
  size_t attribute_count(NodeId id) const { return nodes_[id].attr_count; }
  DomAttribute attribute(NodeId id, size_t i) const;
  // The value of attribute `name` (lower case), or "" when there is none.
  std::string_view attribute(NodeId id, std::string_view name) const;
  bool has_attribute(NodeId id, std::string_view name) const;
  // The first element child of the document with tag `tag` at any depth, in
  // document order; kNoNode when there is none.
  NodeId FindFirst(HtmlTag tag) const;

  // -- Building (parsers only) -------------------------------------------
  void Clear();
  // Appends an element as the last child of `parent`. Its attributes must
  // be added right after, before any other node.
  NodeId AppendElement(NodeId parent, HtmlTag tag, std::string_view name);
  void AddAttribute(NodeId element, std::string_view name, std::string_view value);
  // Appends text as the last child of `parent`, merged into the last child
  // when that is a text node.
  NodeId AppendText(NodeId parent, std::string_view text);
  // Insert a node as a child of `parent` right after its child `after`
  // (kNoNode: as the first child), for HTML5 "foster parenting", which
  // moves content misplaced inside a table to just before the table. Such
  // nodes are stored after the table, so storage order is document order
  // only for nodes that were appended; a child is still always stored
  // after its parent. Text is merged into `after` when that is text.
  NodeId InsertElementAfter(NodeId parent, NodeId after, HtmlTag tag,
                            std::string_view name);
  NodeId InsertTextAfter(NodeId parent, NodeId after, std::string_view text);

 private:
  struct AttrOffsets {
    uint32_t name_begin, name_size, value_begin, value_size;
  };
  uint32_t Store(std::string_view s);
  NodeId Append(NodeId parent, DomNode node);
  NodeId InsertAfter(NodeId parent, NodeId after, DomNode node);

  std::vector<DomNode> nodes_;
  std::vector<AttrOffsets> attrs_;
  std::string pool_;
};

}  // namespace newsmill

#endif  // NEWSMILL_DOM_H_
