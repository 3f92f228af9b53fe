// ParseHtml: page metadata and visible text blocks.
#include "newsmill/html.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsmill {
namespace {

using Tag = HtmlBlock::Tag;

HtmlPage Parse(std::string_view html, HtmlOptions options = {}) {
  Result<HtmlPage> page = ParseHtml(html, options);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? std::move(page).value() : HtmlPage{};
}

std::vector<std::string> Texts(const HtmlPage& page) {
  std::vector<std::string> out;
  for (const HtmlBlock& b : page.blocks) out.push_back(b.text);
  return out;
}

std::vector<Tag> Tags(const HtmlPage& page) {
  std::vector<Tag> out;
  for (const HtmlBlock& b : page.blocks) out.push_back(b.tag);
  return out;
}

using Strings = std::vector<std::string>;

TEST(HtmlTest, TitleLangAndMetas) {
  HtmlPage page = Parse(R"(<!DOCTYPE html>
<html lang=" en-GB "><head>
  <title>
    The   Headline
    | Site </title>
  <title>Second title</title>
  <meta charset="utf-8">
  <meta name="Description" content="  A short   summary. ">
  <meta property="og:title" content="OG title">
  <meta name="author">
  <meta http-equiv="refresh" content="5">
</head><body>
  <div itemscope><meta itemprop="datePublished" content="2024-01-02"></div>
  <p>Body</p>
</body></html>)");
  EXPECT_EQ(page.title, "The Headline | Site");
  EXPECT_EQ(page.lang, "en-GB");
  ASSERT_EQ(page.metas.size(), 3u);
  EXPECT_EQ(page.metas[0].name, "description");
  EXPECT_EQ(page.metas[0].content, "A short summary.");
  EXPECT_EQ(page.metas[1].name, "og:title");
  EXPECT_EQ(page.metas[1].content, "OG title");
  EXPECT_EQ(page.metas[2].name, "datepublished");
  EXPECT_EQ(page.metas[2].content, "2024-01-02");
  EXPECT_EQ(Texts(page), Strings({"Body"}));
  EXPECT_TRUE(page.warnings.empty());
}

TEST(HtmlTest, MetaWithNameAndPropertyGivesBoth) {
  HtmlPage page = Parse(
      R"(<meta name="description" property="og:description" content="x">)");
  ASSERT_EQ(page.metas.size(), 2u);
  EXPECT_EQ(page.metas[0].name, "description");
  EXPECT_EQ(page.metas[1].name, "og:description");
}

TEST(HtmlTest, SvgTitleIsNotThePageTitle) {
  HtmlPage page =
      Parse("<body><svg><title>icon</title></svg><title>Real</title>");
  EXPECT_EQ(page.title, "Real");
  EXPECT_TRUE(page.blocks.empty());
}

TEST(HtmlTest, BlocksInReadingOrderWithKinds) {
  HtmlPage page = Parse(R"(<body>
    <h1>Big <em>news</em></h1>
    <p>First   paragraph
       over lines.</p>
    <ul><li>One</li><li>Two <b>bold</b></li></ul>
    <blockquote>Quoted words</blockquote>
    <pre>  line 1
    line 2  </pre>
    <div>Loose <span>div</span> text<p>inner</p>tail</div>
    <dl><dt>Term</dt><dd>Definition</dd></dl>
  </body>)");
  EXPECT_EQ(Texts(page),
            Strings({"Big news", "First paragraph over lines.", "One",
                     "Two bold", "Quoted words", "  line 1\n    line 2",
                     "Loose div text", "inner", "tail", "Term", "Definition"}));
  EXPECT_EQ(Tags(page),
            std::vector<Tag>({Tag::kHeading, Tag::kParagraph, Tag::kListItem,
                              Tag::kListItem, Tag::kQuote, Tag::kPre,
                              Tag::kOther, Tag::kParagraph, Tag::kOther,
                              Tag::kOther, Tag::kParagraph}));
}

TEST(HtmlTest, InlineElementsDoNotAddSpaces) {
  HtmlPage page = Parse("<p>foo<b>bar</b>baz <i> qux </i> end</p>");
  EXPECT_EQ(Texts(page), Strings({"foobarbaz qux end"}));
}

TEST(HtmlTest, InvisibleContentIsSkipped) {
  HtmlPage page = Parse(R"(<html><head><style>p{}</style>
    <script>var head = 1;</script></head><body>
    <p>visible<script>document.write("no")</script> text</p>
    <noscript>enable js</noscript>
    <template><p>tmpl</p></template>
    <p hidden>hidden attr</p>
    <p aria-hidden="TRUE">aria hidden</p>
    <div style="color: red; DISPLAY : none">display none</div>
    <span style="visibility:hidden">vis hidden</span>
    <svg><text>svg text</text></svg>
    <math><mi>x</mi></math>
    <iframe>frame</iframe><object>obj</object><canvas>cv</canvas>
    <select><option>opt</option></select><button>btn</button>
    <textarea>ta</textarea><input value="in">
    <p>after<img alt="alt text" src="x.png"></p>
  </body></html>)");
  EXPECT_EQ(Texts(page), Strings({"visible text", "after"}));
}

TEST(HtmlTest, HiddenInlineDoesNotSplitBlock) {
  HtmlPage page = Parse("<div>foo<span hidden><div>x</div></span>bar</div>");
  EXPECT_EQ(Texts(page), Strings({"foobar"}));
}

// A hover card inside a sentence (photo, name, latest headlines, shown by a
// style sheet on pointing) is not text; the name it hangs on stays, and so
// do two links of running text with words between them.
TEST(HtmlTest, HoverCardsInRunningTextAreSkipped) {
  HtmlPage page = Parse(
      "<p>He threatened Rep. <span class=\"people\"><a href=\"/p/omar\">Ilhan Omar</a>"
      "<span class=\"card\"><span><img src=\"o.jpg\"></span><a href=\"/p/omar\">Ilhan "
      "Omar</a><a href=\"/n/1\">Progressives oppose funding bill over surveillance</a> "
      "<a href=\"/n/2\">Omar asks court for compassion</a></span></span> (D-Minn.) on "
      "Monday.</p>"
      "<p>See <span><a href=\"/a\">the first long report on the subject</a> and "
      "<a href=\"/b\">the second long report on it</a></span> today.</p>");
  EXPECT_EQ(Texts(page),
            Strings({"He threatened Rep. Ilhan Omar (D-Minn.) on Monday.",
                     "See the first long report on the subject and the second long report on "
                     "it today."}));
}

TEST(HtmlTest, BrSplitsBlocks) {
  HtmlPage page =
      Parse("<p>line one<br>line two<br/><br>line three</p><div>a<hr>b</div>");
  EXPECT_EQ(Texts(page),
            Strings({"line one", "line two", "line three", "a", "b"}));
  EXPECT_EQ(Tags(page),
            std::vector<Tag>({Tag::kParagraph, Tag::kParagraph, Tag::kParagraph,
                              Tag::kOther, Tag::kOther}));
}

TEST(HtmlTest, LinkDensityAndHref) {
  HtmlPage page = Parse(R"(<body>
    <p>abcd <a href="/x">efgh</a></p>
    <li><a href=" /story/1 "> Whole <b>link</b> </a></li>
    <p><a href="/a">one</a> <a href="/b">two</a></p>
    <p>no links</p>
  </body>)");
  ASSERT_EQ(page.blocks.size(), 4u);
  EXPECT_FLOAT_EQ(page.blocks[0].link_density, 0.5f);
  EXPECT_EQ(page.blocks[0].link_href, "");
  EXPECT_EQ(page.blocks[1].text, "Whole link");
  EXPECT_FLOAT_EQ(page.blocks[1].link_density, 1.0f);
  EXPECT_EQ(page.blocks[1].link_href, "/story/1");
  EXPECT_FLOAT_EQ(page.blocks[2].link_density, 1.0f);
  EXPECT_EQ(page.blocks[2].link_href, "");  // two links, not one
  EXPECT_FLOAT_EQ(page.blocks[3].link_density, 0.0f);
}

TEST(HtmlTest, EntitiesAreDecoded) {
  HtmlPage page = Parse(
      "<title>A &amp; B</title><p>Tom&amp;Jerry&nbsp;&nbsp;rock"
      " &#x2019;n&#8217; roll &lt;3 &copy</p>");
  EXPECT_EQ(page.title, "A & B");
  EXPECT_EQ(Texts(page),
            Strings({"Tom&Jerry rock \u2019n\u2019 roll <3 \u00A9"}));
}

TEST(HtmlTest, MalformedMarkupStillGivesText) {
  HtmlPage page = Parse(
      "<body><p>one<p>two</i></p></p><div><span>three"
      "<li>four</b><table><tr><td>five</div>six");
  // A stray </div> inside a table cell is ignored, so "six" joins the cell.
  EXPECT_EQ(Texts(page), Strings({"one", "two", "three", "four", "fivesix"}));
}

TEST(HtmlTest, TablesGiveCells) {
  HtmlPage page = Parse(R"(<table><caption>Results</caption>
    <tr><th>Name</th><th>Score</th></tr>
    <tr><td>Ann</td><td> 10 </td></tr>
    <tr><td></td><td><p>nested</p></td></tr></table>)");
  EXPECT_EQ(Texts(page),
            Strings({"Results", "Name", "Score", "Ann", "10", "nested"}));
  EXPECT_EQ(Tags(page), std::vector<Tag>({Tag::kOther, Tag::kTableCell,
                                          Tag::kTableCell, Tag::kTableCell,
                                          Tag::kTableCell, Tag::kParagraph}));
}

TEST(HtmlTest, EmptyAndWhitespaceOnlyInput) {
  EXPECT_TRUE(Parse("").blocks.empty());
  EXPECT_TRUE(Parse(" \n <p> \u00A0 </p>").blocks.empty());
}

TEST(HtmlTest, TextOutsideAnyBlock) {
  HtmlPage page = Parse("just text, no tags");
  EXPECT_EQ(Texts(page), Strings({"just text, no tags"}));
  EXPECT_EQ(Tags(page), std::vector<Tag>({Tag::kOther}));
}

}  // namespace
}  // namespace newsmill
