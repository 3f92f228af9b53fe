// newsmill's own HTML parser, feature by feature: through ParseHtml (blocks,
// title, metas) and through the Dom it builds.
#include "html/fast_parser.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/html.h"

namespace newsmill {
namespace {

using Tag = HtmlBlock::Tag;
using Strings = std::vector<std::string>;

HtmlPage Parse(std::string_view html, size_t max_depth = 512) {
  HtmlOptions options;
  options.parser = HtmlOptions::Parser::kFast;
  options.max_depth = max_depth;
  Result<HtmlPage> page = ParseHtml(html, options);
  EXPECT_TRUE(page.ok());
  return page.ok() ? std::move(page).value() : HtmlPage{};
}

Strings Texts(std::string_view html) {
  Strings out;
  for (const HtmlBlock& b : Parse(html).blocks) out.push_back(b.text);
  return out;
}

// The first element named `name` (document order).
NodeId Find(const Dom& dom, std::string_view name) {
  for (NodeId id = 0; id < dom.size(); ++id) {
    if (dom.node(id).type == NodeType::kElement && dom.data(id) == name)
      return id;
  }
  return kNoNode;
}

// The concatenated text of an element's text children.
std::string ChildText(const Dom& dom, NodeId element) {
  std::string out;
  for (NodeId c = dom.node(element).first_child; c != kNoNode;
       c = dom.node(c).next_sibling) {
    if (dom.node(c).type == NodeType::kText) out += dom.data(c);
  }
  return out;
}

TEST(FastParserTest, NamedAndNumericReferencesInText) {
  EXPECT_EQ(Texts("<p>a &amp; b &lt;c&gt; &quot;d&quot;"),
            Strings{"a & b <c> \"d\""});
  // Legacy names match without ';' (and inside longer words).
  EXPECT_EQ(Texts("<p>&amp &lt &copy2024 &notit; &AElig"),
            Strings{"& < \xC2\xA9"
                    "2024 \xC2\xACit; \xC3\x86"});
  EXPECT_EQ(Texts("<p>&NotNestedGreaterGreater; &fjlig;"),
            Strings{"\xE2\xAA\xA2\xCC\xB8 fj"});
  EXPECT_EQ(Texts("<p>&#65;&#x42;&#X43 &#150; &#x80;"),
            Strings{"ABC \xE2\x80\x93 \xE2\x82\xAC"});
  // 0, surrogates and out-of-range code points become U+FFFD.
  EXPECT_EQ(Texts("<p>&#0;&#xD800;&#x110000;&#99999999999;"),
            Strings{"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"});
  EXPECT_EQ(Texts("<p>&bogus; &#; &#x; & &;"),
            Strings{"&bogus; &#; &#x; & &;"});
  // &nbsp; is whitespace to the blocks.
  EXPECT_EQ(Texts("<p>a&nbsp;&nbsp;b"), Strings{"a b"});
}

TEST(FastParserTest, ReferencesInAttributes) {
  const HtmlPage page = Parse(
      "<a id=x href=\"/q?a=1&copy=2&amp;b=3&#38;&not\" title='&lt;&gt'>t</a>");
  const NodeId a = Find(page.dom, "a");
  ASSERT_NE(a, kNoNode);
  // "&copy=" is not decoded in an attribute (a URL parameter); "&not" at
  // the end is, since nothing alphanumeric or '=' follows.
  EXPECT_EQ(page.dom.attribute(a, "href"), "/q?a=1&copy=2&b=3&\xC2\xAC");
  EXPECT_EQ(page.dom.attribute(a, "title"), "<>");
}

TEST(FastParserTest, AttributeQuotingCaseAndDuplicates) {
  const HtmlPage page = Parse(
      "<DIV ID=one Class='two three' data-X=\"4 > 3\" empty id=dup "
      "bare=val/ue lone=>t</DIV>");
  const Dom& dom = page.dom;
  const NodeId div = Find(dom, "div");
  ASSERT_NE(div, kNoNode);
  EXPECT_EQ(dom.attribute(div, "id"), "one");  // the first one wins
  EXPECT_EQ(dom.attribute(div, "class"), "two three");
  EXPECT_EQ(dom.attribute(div, "data-x"), "4 > 3");
  EXPECT_TRUE(dom.has_attribute(div, "empty"));
  EXPECT_EQ(dom.attribute(div, "bare"), "val/ue");
  EXPECT_EQ(dom.attribute(div, "lone"), "");
  EXPECT_EQ(dom.attribute_count(div), 6u);
  EXPECT_EQ(ChildText(dom, div), "t");
}

TEST(FastParserTest, UnknownElementsKeepTheirName) {
  const HtmlPage page = Parse("<my-Widget foo=1>x</my-widget><p>y");
  const NodeId w = Find(page.dom, "my-widget");
  ASSERT_NE(w, kNoNode);
  EXPECT_EQ(page.dom.node(w).tag, HtmlTag::kUnknown);
  EXPECT_EQ(ChildText(page.dom, w), "x");
}

TEST(FastParserTest, RawTextElements) {
  const HtmlPage page = Parse(
      "<title>A &amp; <b>B</b></title><script>if (a<b) x='</div><p>';</SCRIPT >"
      "<style>p > a {}</style><p>shown<textarea>&lt;t&gt;</textarea>"
      "<xmp><i>x</i></xmp><iframe><p>f</p></iframe><noembed>n</noembed>");
  EXPECT_EQ(page.title, "A & <b>B</b>");
  const Dom& dom = page.dom;
  EXPECT_EQ(ChildText(dom, Find(dom, "script")), "if (a<b) x='</div><p>';");
  EXPECT_EQ(ChildText(dom, Find(dom, "style")), "p > a {}");
  EXPECT_EQ(ChildText(dom, Find(dom, "textarea")), "<t>");
  EXPECT_EQ(ChildText(dom, Find(dom, "xmp")), "<i>x</i>");
  EXPECT_EQ(ChildText(dom, Find(dom, "iframe")), "<p>f</p>");
  EXPECT_EQ(ChildText(dom, Find(dom, "noembed")), "n");
  EXPECT_EQ(Texts("<p>a<plaintext>b</plaintext><p>c"),
            (Strings{"a", "b</plaintext><p>c"}));
}

TEST(FastParserTest, ScriptEscapes) {
  // Inside "<!--", a "<script>" hides the next "</script>".
  const HtmlPage page =
      Parse("<script><!--<script>a</script>b--></script><p>after");
  EXPECT_EQ(ChildText(page.dom, Find(page.dom, "script")),
            "<!--<script>a</script>b-->");
  EXPECT_EQ(Texts("<script><!-- a --></script><p>z"), Strings{"z"});
}

TEST(FastParserTest, SpecialBytesAtEveryPositionOfAWord) {
  // The tokenizer scans eight bytes at a time: put the bytes that need
  // decoding (& CR NUL <) at every offset of a word, in text, attribute
  // values and raw text.
  for (size_t k = 0; k < 20; ++k) {
    SCOPED_TRACE(k);
    const std::string a(k, 'a'), b(k, 'b'), c(k, 'c');
    const HtmlPage page = Parse(
        "<p title=\"" + a + "&lt;\r\n" + b + "\">" + a + "x&amp;y\r\nz" +
        std::string(1, '\0') + b + "<i>" + b + "</i></p><script>" + c +
        "\r\n" + c + "</script><style>" + c + "</style><title>" + c +
        "&amp;</title><script>" + a + "<!--" + c + "</script>");
    const Dom& dom = page.dom;
    const NodeId p = Find(dom, "p");
    ASSERT_NE(p, kNoNode);
    EXPECT_EQ(dom.attribute(p, "title"), a + "<\n" + b);
    EXPECT_EQ(ChildText(dom, p), a + "x&y\nz" + b);
    EXPECT_EQ(ChildText(dom, Find(dom, "script")), c + "\n" + c);
    EXPECT_EQ(ChildText(dom, Find(dom, "style")), c);
    EXPECT_EQ(page.title, c + "&");
  }
}

TEST(FastParserTest, ImpliedEndTags) {
  EXPECT_EQ(Texts("<p>one<p>two<div>three</div>four"),
            (Strings{"one", "two", "three", "four"}));
  EXPECT_EQ(Texts("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>"),
            (Strings{"a", "b", "c", "d"}));
  EXPECT_EQ(Texts("<dl><dt>t<dd>d<dt>u</dl>"), (Strings{"t", "d", "u"}));
  EXPECT_EQ(Texts("<h1>one<h2>two</h1>three"),
            (Strings{"one", "two", "three"}));
  // An end tag with nothing open is ignored; </p> alone makes an empty p.
  EXPECT_EQ(Texts("<div>a</span>b</p>c</div>"), (Strings{"ab", "c"}));
  // An end tag closes what is open inside it.
  EXPECT_EQ(Texts("<div><span><b>a</div>b"), (Strings{"a", "b"}));
  const HtmlPage page = Parse("<p>x<li>y");
  EXPECT_EQ(page.blocks[0].tag, Tag::kParagraph);
  EXPECT_EQ(page.blocks[1].tag, Tag::kListItem);
}

TEST(FastParserTest, MisnestedFormattingKeepsTextOrder) {
  EXPECT_EQ(Texts("<b>x<p>y</b>z</p>w"), (Strings{"x", "yz", "w"}));
  EXPECT_EQ(Texts("<a href=/x>link<div>block</a>tail</div>"),
            (Strings{"link", "blocktail"}));
}

TEST(FastParserTest, VoidElements) {
  const HtmlPage page = Parse("<p>a<br>b<img src=i.png>c<hr>d<input>e<wbr>f");
  EXPECT_EQ(page.blocks.size(), 3u);  // br and hr break blocks
  for (const char* name : {"br", "img", "hr", "input", "wbr"}) {
    const NodeId id = Find(page.dom, name);
    ASSERT_NE(id, kNoNode) << name;
    EXPECT_EQ(page.dom.node(id).first_child, kNoNode) << name;
  }
  EXPECT_EQ(Texts("<p>a</br>b"), (Strings{"a", "b"}));
}

TEST(FastParserTest, HeadAndBodyAreImplied) {
  const HtmlPage page = Parse("<meta name=a content=b><title>T</title>text");
  const Dom& dom = page.dom;
  const NodeId html = dom.node(Dom::kDocument).first_child;
  ASSERT_TRUE(dom.is_element(html, HtmlTag::k_html));
  const NodeId head = dom.node(html).first_child;
  ASSERT_TRUE(dom.is_element(head, HtmlTag::k_head));
  EXPECT_TRUE(dom.is_element(dom.node(head).first_child, HtmlTag::k_meta));
  EXPECT_TRUE(dom.is_element(dom.node(head).next_sibling, HtmlTag::k_body));
  EXPECT_EQ(page.title, "T");
  ASSERT_EQ(page.metas.size(), 1u);
  EXPECT_EQ(Texts("<html lang=de>x</body>y</html>z"), Strings{"xyz"});
  EXPECT_EQ(Parse("<html lang=' de '>").lang, "de");
}

TEST(FastParserTest, FosterParenting) {
  // Text straight inside a table goes before it; cells keep their order.
  EXPECT_EQ(
      Texts(
          "<div><table>before<tr><td>cell</td>stray<td>c2</table>after</div>"),
      (Strings{"beforestray", "cell", "c2", "after"}));
  const HtmlPage page = Parse("<table><div>moved</div><tr><td>in</table>");
  EXPECT_EQ(page.blocks[0].text, "moved");
  const NodeId table = Find(page.dom, "table");
  const NodeId div = Find(page.dom, "div");
  EXPECT_EQ(page.dom.node(div).next_sibling, table);
  // Cells and rows close each other as the table model says.
  EXPECT_EQ(Texts("<table><tr><td>a<td>b<tr><td>c</table>"),
            (Strings{"a", "b", "c"}));
}

TEST(FastParserTest, ForeignContent) {
  const HtmlPage page = Parse(
      "<title>Page</title><p>a<svg viewBox='0 0 1 1'><title>icon</title>"
      "<path "
      "d='M0'/><![CDATA[cdata]]><foreignObject><div>f</div></foreignObject>"
      "</svg>b<math><mi>x</mi></math>c");
  EXPECT_EQ(page.title, "Page");  // the svg <title> is not the page's
  const Dom& dom = page.dom;
  const NodeId svg = Find(dom, "svg");
  ASSERT_NE(svg, kNoNode);
  EXPECT_EQ(dom.node(svg).tag, HtmlTag::k_svg);
  const NodeId path = Find(dom, "path");
  EXPECT_EQ(dom.node(path).tag, HtmlTag::kForeign);
  EXPECT_EQ(dom.node(path).first_child, kNoNode);  // self-closing honoured
  EXPECT_EQ(dom.node(Find(dom, "mi")).tag, HtmlTag::kForeign);
  EXPECT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].text, "abc");
  // A breakout tag leaves svg.
  EXPECT_EQ(Texts("<svg><g><p>out</p></g></svg>"), Strings{"out"});
  // CDATA outside foreign content is a comment.
  EXPECT_EQ(Texts("<p>x<![CDATA[y]]>z"), Strings{"xz"});
}

TEST(FastParserTest, CommentsAndDoctypes) {
  EXPECT_EQ(
      Texts("<!DOCTYPE html><!-- c --><p>a<!-->b<!--->c<!-- x --!>d<?pi>e<!x>f"
            "</ bogus>g"),
      Strings{"abcdefg"});
  EXPECT_EQ(Texts("<p>a<!-- unterminated <p>b"), Strings{"a"});
}

TEST(FastParserTest, QuirksModeTableDoesNotCloseP) {
  EXPECT_EQ(Parse("<p>x<table><tr><td>y</table>z").blocks.back().tag,
            Tag::kParagraph);
  EXPECT_EQ(
      Parse("<!DOCTYPE html><p>x<table><tr><td>y</table>z").blocks.back().tag,
      Tag::kOther);
}

TEST(FastParserTest, TruncatedInputAtEof) {
  for (const char* html :
       {"<p>text<a href='x", "<p>text<div", "<p>text<!--", "<p>text</",
        "<p>text<", "<p>text&", "<p>text&#x", "<p>text<script>",
        "<p>text<![CDATA[", "<p>text<svg><![CDATA[x", "<p>text<!DOCTYPE",
        "<p>text<a b=", "<p>text<a b"}) {
    const HtmlPage page = Parse(html);
    ASSERT_FALSE(page.blocks.empty()) << html;
    EXPECT_EQ(page.blocks[0].text.substr(0, 4), "text") << html;
  }
  EXPECT_EQ(Texts("<p>a</"), Strings{"a</"});
  EXPECT_EQ(Texts("<p>a<"), Strings{"a<"});
}

TEST(FastParserTest, NulAndCarriageReturns) {
  static constexpr char kHtml[] = "<p>a\0b\r\nc\rd<pre>x\r\ny</pre>";
  const std::string html(kHtml, sizeof(kHtml) - 1);
  const HtmlPage page = Parse(html);
  EXPECT_EQ(page.blocks[0].text, "ab c d");
  EXPECT_EQ(ChildText(page.dom, Find(page.dom, "pre")), "x\ny");
}

// Runs `fn` on a thread with a 256 KiB stack: nothing may recurse per
// nesting level.
void OnSmallStack(void (*fn)()) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_t thread;
  ASSERT_EQ(pthread_create(
                &thread, &attr,
                [](void* f) -> void* {
                  reinterpret_cast<void (*)()>(f)();
                  return nullptr;
                },
                reinterpret_cast<void*>(fn)),
            0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

TEST(FastParserTest, HundredThousandDeepOnASmallStack) {
  OnSmallStack([] {
    std::string html;
    for (int i = 0; i < 100000; ++i) html += "<div>";
    html += "deep";
    Dom dom;
    EXPECT_FALSE(html::FastParseHtml(html, 200000, &dom));
    EXPECT_GT(dom.size(), 100000u);
    EXPECT_TRUE(html::FastParseHtml(html, 512, &dom));  // cut, no crash
  });
  HtmlPage page = Parse(std::string(300000, 'x').insert(0, "<p>"), 512);
  EXPECT_EQ(page.blocks.size(), 1u);
}

TEST(FastParserTest, DepthLimitMatchesGumboSemantics) {
  // html(1) > body(2) > div(3) > text(4).
  EXPECT_TRUE(Parse("<div>ok</div>", 4).warnings.empty());
  const HtmlPage cut = Parse("<div>ok</div>", 3);
  ASSERT_EQ(cut.warnings.size(), 1u);
  EXPECT_EQ(cut.warnings[0], "tree deeper than 3: deeper content skipped");
  EXPECT_TRUE(cut.blocks.empty());
}

TEST(FastParserTest, PathologicalInputsStayLinear) {
  // Each would be quadratic with stack scans: misnested formatting closed
  // across blocks, unmatched end tags under deep inline nesting, li and
  // heading checks, many attributes, table restarts.
  std::string a, b, c, d;
  for (int i = 0; i < 50000; ++i) a += "<b><div>";
  for (int i = 0; i < 50000; ++i) a += "</b>";
  for (int i = 0; i < 50000; ++i) b += "<span>";
  for (int i = 0; i < 50000; ++i) b += "</x-y><li><h1>t</div>";
  c = "<p";
  for (int i = 0; i < 200000; ++i) c += " a" + std::to_string(i % 1000) + "=1";
  c += ">x";
  for (int i = 0; i < 50000; ++i) d += "<table><tr><td><span>";
  for (const std::string* html : {&a, &b, &c, &d}) {
    Dom dom;
    html::FastParseHtml(*html, 1u << 20, &dom);
    EXPECT_GT(dom.size(), 3u);
  }
}

TEST(FastParserTest, GarbageDoesNotCrash) {
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<unsigned char>(state >> 56);
  };
  const std::string alphabet = "<>/!-?&#;=\"' abcdxyz\0\r\nptsvgmahlr[]CDATA";
  for (int round = 0; round < 200; ++round) {
    std::string html;
    for (int i = 0; i < 2000; ++i) {
      html.push_back(round % 2 ? static_cast<char>(next())
                               : alphabet[next() % alphabet.size()]);
    }
    Parse(html);
  }
}

}  // namespace
}  // namespace newsmill
