#include "html/gumbo_dom.h"

#include <string>
#include <vector>

namespace newsmill::html {
namespace {

// An unknown element's name, from its original tag text ("<My-Tag a=b>").
std::string UnknownName(const GumboElement& element) {
  std::string name;
  const GumboStringPiece& tag = element.original_tag;
  size_t i = (tag.length > 0 && tag.data[0] == '<') ? 1 : 0;
  for (; i < tag.length; ++i) {
    const char c = tag.data[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '/' || c == '>') {
      break;
    }
    name.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  }
  return name;
}

NodeId CopyElement(const GumboNode* node, NodeId parent, Dom* dom) {
  const GumboElement& element = node->v.element;
  HtmlTag tag;
  std::string name;
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML &&
      element.tag != GUMBO_TAG_SVG && element.tag != GUMBO_TAG_MATH) {
    tag = HtmlTag::kForeign;
    name = element.tag == GUMBO_TAG_UNKNOWN ? UnknownName(element)
                                            : gumbo_normalized_tagname(element.tag);
  } else if (element.tag == GUMBO_TAG_UNKNOWN) {
    name = UnknownName(element);
    tag = LookupHtmlTag(name);
  } else {
    name = gumbo_normalized_tagname(element.tag);
    tag = LookupHtmlTag(name);
  }
  const NodeId id = dom->AppendElement(parent, tag, name);
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    dom->AddAttribute(id, attr->name, attr->value);
  }
  return id;
}

}  // namespace

bool CopyGumboTree(const GumboNode* document, size_t max_depth, Dom* dom,
                   size_t* deepest) {
  dom->Clear();
  struct Frame {
    const GumboNode* node;
    NodeId id;
    unsigned next_child;
  };
  bool cut = false;
  *deepest = 0;
  std::vector<Frame> stack;
  stack.push_back({document, Dom::kDocument, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->type == GUMBO_NODE_DOCUMENT
                                      ? top.node->v.document.children
                                      : top.node->v.element.children;
    if (top.next_child >= children.length) {
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    const NodeId parent = top.id;  // `top` dies when the stack grows
    const size_t depth = stack.size();
    if (depth > *deepest) *deepest = depth;
    if (depth > max_depth) {
      cut = true;
      continue;
    }
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        dom->AppendText(parent, child->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        stack.push_back({child, CopyElement(child, parent, dom), 0});
        break;
      default:
        break;  // comments, doctype
    }
  }
  return cut;
}

}  // namespace newsmill::html
