// ParseHtml: the fast parser or gumbo (with a teardown that survives deep
// trees) builds the Dom; then the common part: lang, depth warning, walk.
#include "newsmill/html.h"

#include <gumbo.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom_recycler.h"
#include "html/fast_parser.h"
#include "html/gumbo_dom.h"
#include "html/tree_walk.h"

namespace newsmill {
namespace {

// gumbo_destroy_output recurses once per tree level; past this depth the
// tree is flattened first so the teardown cannot overflow the stack.
constexpr size_t kFlattenDepth = 1000;

// The allocator is set explicitly (gumbo's default is also malloc/free)
// because FlattenTree allocates memory that gumbo later frees.
void* Allocate(void* /*userdata*/, size_t size) { return std::malloc(size); }
void Deallocate(void* /*userdata*/, void* ptr) { std::free(ptr); }

GumboOptions MakeOptions() {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = Allocate;
  options.deallocator = Deallocate;
  // Every parse error stores a copy of the open-element stack, which makes
  // errors quadratic in memory on deeply nested pages (100,000 unclosed
  // tags need tens of gigabytes). Nothing here reads the errors; this only
  // stops recording them, parsing goes on.
  options.max_errors = 0;
  return options;
}

// Re-parents every node directly under the document node. gumbo frees a
// node's children recursively, so afterwards the recursion is two levels
// deep whatever the page's nesting.
void FlattenTree(GumboOutput* output) {
  GumboNode* document = output->document;
  std::vector<GumboNode*> all;
  std::vector<GumboNode*> pending;
  GumboVector& top = document->v.document.children;
  for (unsigned i = 0; i < top.length; ++i) {
    pending.push_back(static_cast<GumboNode*>(top.data[i]));
  }
  while (!pending.empty()) {
    GumboNode* node = pending.back();
    pending.pop_back();
    all.push_back(node);
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
      continue;
    }
    GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      pending.push_back(static_cast<GumboNode*>(children.data[i]));
    }
    children.length = 0;  // the array itself is still freed by gumbo
  }
  void** data = static_cast<void**>(std::malloc(sizeof(void*) * all.size()));
  if (data == nullptr) return;  // keep the tree as it is
  std::memcpy(data, all.data(), sizeof(void*) * all.size());
  std::free(top.data);
  top.data = data;
  top.length = static_cast<unsigned>(all.size());
  top.capacity = top.length;
}

std::string Trimmed(std::string_view s) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// <html lang>, as the parser left it in the Dom.
std::string RootLang(const Dom& dom) {
  for (NodeId c = dom.node(Dom::kDocument).first_child; c != kNoNode;
       c = dom.node(c).next_sibling) {
    if (dom.is_element(c, HtmlTag::k_html)) return Trimmed(dom.attribute(c, "lang"));
  }
  return "";
}

// Fills `dom` with gumbo's tree; *cut tells whether content deeper than
// max_depth was left out.
Status ParseWithGumbo(std::string_view utf8, size_t max_depth, Dom* dom, bool* cut) {
  const GumboOptions gumbo_options = MakeOptions();
  GumboOutput* output =
      gumbo_parse_with_options(&gumbo_options, utf8.data(), utf8.size());
  if (output == nullptr || output->document == nullptr) {
    return Status::Corrupt("HTML parser returned no document");
  }
  size_t deepest = 0;
  *cut = html::CopyGumboTree(output->document, max_depth, dom, &deepest);
  if (*cut || deepest > kFlattenDepth) FlattenTree(output);
  gumbo_destroy_output(&gumbo_options, output);
  return Status::Ok();
}

// At most one spare Dom per thread (see dom_recycler.h).
constexpr size_t kMaxRecycledInput = size_t{4} << 20;
thread_local Dom spare_dom;
thread_local bool have_spare_dom = false;

}  // namespace

namespace html {

void RecycleDom(Dom&& dom, size_t input_bytes) {
  if (input_bytes > kMaxRecycledInput) return;
  spare_dom = std::move(dom);
  have_spare_dom = true;
}

Dom TakeRecycledDom() {
  if (!have_spare_dom) return Dom();
  have_spare_dom = false;
  Dom dom = std::move(spare_dom);
  dom.Clear();
  return dom;
}

}  // namespace html

Result<HtmlPage> ParseHtml(std::string_view utf8, const HtmlOptions& options) {
  HtmlPage page;
  page.dom = html::TakeRecycledDom();
  bool cut = false;
  if (options.parser == HtmlOptions::Parser::kGumbo) {
    Status status = ParseWithGumbo(utf8, options.max_depth, &page.dom, &cut);
    if (!status.ok()) return status;
  } else {
    cut = html::FastParseHtml(utf8, options.max_depth, &page.dom);
  }
  page.lang = RootLang(page.dom);
  if (cut) {
    page.warnings.push_back("tree deeper than " +
                            std::to_string(options.max_depth) +
                            ": deeper content skipped");
  }
  html::WalkDom(page.dom, &page);
  return page;
}

}  // namespace newsmill
