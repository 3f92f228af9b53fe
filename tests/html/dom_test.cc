#include "newsmill/dom.h"

#include <gtest/gtest.h>

#include "newsmill/html.h"

namespace newsmill {
namespace {

TEST(DomTest, TagLookupRoundTrips) {
  EXPECT_EQ(LookupHtmlTag("div"), HtmlTag::k_div);
  EXPECT_EQ(HtmlTagName(HtmlTag::k_blockquote), "blockquote");
  EXPECT_EQ(LookupHtmlTag("my-widget"), HtmlTag::kUnknown);
  EXPECT_EQ(HtmlTagName(HtmlTag::kUnknown), "");
}

TEST(DomTest, EveryTagIsFoundByItsName) {
#define NEWSMILL_TAG_CHECK(name) \
  EXPECT_EQ(LookupHtmlTag(#name), HtmlTag::k_##name) << #name;
  NEWSMILL_HTML_TAGS(NEWSMILL_TAG_CHECK)
#undef NEWSMILL_TAG_CHECK
  for (std::string_view miss : {"", "DIV", "di", "divv", "x", "blockquotes",
                                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
    EXPECT_EQ(LookupHtmlTag(miss), HtmlTag::kUnknown) << miss;
  }
}

TEST(DomTest, BuildAndRead) {
  Dom dom;
  const NodeId html = dom.AppendElement(Dom::kDocument, HtmlTag::k_html, "html");
  dom.AddAttribute(html, "lang", "en");
  const NodeId p = dom.AppendElement(html, HtmlTag::k_p, "p");
  dom.AddAttribute(p, "class", "lead");
  dom.AppendText(p, "Hello ");
  dom.AppendText(p, "world");
  ASSERT_EQ(dom.node(p).first_child, dom.node(p).last_child);  // merged
  EXPECT_EQ(dom.data(dom.node(p).first_child), "Hello world");
  EXPECT_EQ(dom.attribute(html, "lang"), "en");
  EXPECT_EQ(dom.attribute(p, "class"), "lead");
  EXPECT_EQ(dom.attribute(p, "id"), "");
  EXPECT_FALSE(dom.has_attribute(p, "id"));
  EXPECT_EQ(dom.FindFirst(HtmlTag::k_p), p);
  EXPECT_EQ(dom.node(p).parent, html);
}

TEST(DomTest, GumboTreeIsCopied) {
  Result<HtmlPage> page = ParseHtml(
      "<html lang=fr><body><div id=main class='a b'><p>One &amp; two</p>"
      "<my-el data-x=1>custom</my-el><svg><circle r=1></circle></svg></div>",
      HtmlOptions{});
  ASSERT_TRUE(page.ok());
  const Dom& dom = page->dom;
  const NodeId div = dom.FindFirst(HtmlTag::k_div);
  ASSERT_NE(div, kNoNode);
  EXPECT_EQ(dom.attribute(div, "class"), "a b");
  const NodeId p = dom.FindFirst(HtmlTag::k_p);
  EXPECT_EQ(dom.data(dom.node(p).first_child), "One & two");
  const NodeId custom = dom.node(p).next_sibling;
  EXPECT_EQ(dom.node(custom).tag, HtmlTag::kUnknown);
  EXPECT_EQ(dom.data(custom), "my-el");
  const NodeId svg = dom.node(custom).next_sibling;
  EXPECT_EQ(dom.node(svg).tag, HtmlTag::k_svg);
  EXPECT_EQ(dom.node(dom.node(svg).first_child).tag, HtmlTag::kForeign);
}

}  // namespace
}  // namespace newsmill
