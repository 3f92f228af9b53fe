// The fast parser and gumbo must give the same page: the same blocks (text
// and tag kind), title, lang and metas, on tricky inline pages and on every
// page of the AEB benchmark (../shared/data/aeb/html/*.html.gz).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/decode.h"
#include "newsmill/html.h"
#include "newsmill/readers.h"

namespace newsmill {
namespace {

HtmlPage ParseWith(std::string_view html, HtmlOptions::Parser parser) {
  HtmlOptions options;
  options.parser = parser;
  Result<HtmlPage> page = ParseHtml(html, options);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? std::move(page).value() : HtmlPage{};
}

// What the agreement is about, one line per item.
std::vector<std::string> Summary(const HtmlPage& page) {
  std::vector<std::string> lines;
  lines.push_back("title: " + page.title);
  lines.push_back("lang: " + page.lang);
  for (const HtmlMeta& m : page.metas) {
    lines.push_back("meta: " + m.name + "=" + m.content);
  }
  for (const HtmlBlock& b : page.blocks) {
    lines.push_back("block " + std::to_string(static_cast<int>(b.tag)) + ": " +
                    b.text);
  }
  return lines;
}

// "" when both parsers agree, else the first difference.
std::string Difference(std::string_view html) {
  const std::vector<std::string> fast =
      Summary(ParseWith(html, HtmlOptions::Parser::kFast));
  const std::vector<std::string> gumbo =
      Summary(ParseWith(html, HtmlOptions::Parser::kGumbo));
  const size_t n = std::min(fast.size(), gumbo.size());
  for (size_t i = 0; i < n; ++i) {
    if (fast[i] != gumbo[i]) {
      return "line " + std::to_string(i) +
             "\n  fast:  " + fast[i].substr(0, 300) +
             "\n  gumbo: " + gumbo[i].substr(0, 300);
    }
  }
  if (fast.size() != gumbo.size()) {
    const auto& longer = fast.size() > gumbo.size() ? fast : gumbo;
    return std::string(fast.size() > gumbo.size() ? "fast" : "gumbo") +
           " has more lines, first extra: " + longer[n].substr(0, 300);
  }
  return "";
}

TEST(ParserAgreementTest, TrickyPages) {
  const char* const kPages[] = {
      "plain text, no markup",
      "<p>one<p>two<div>three</div>four</p>five",
      "<div>x</p>y</div>",
      "<span><div></span>z</div>after",
      "<ul><li>a<li>b<ul><li>c</ul><li>d</ul>",
      "<dl><dt>term<dd>def<dt>term2</dl>",
      "<h1>one<h2>two</h1>three",
      "<b>x<p>y</b>z</p>w",
      "<a href=/x>link<div>block</a>tail</div>",
      "<table>before<tr><td>cell<td>cell2</table>after",
      "<table><tr><td>a</td>stray<td>b</table>",
      "<table><div>moved</div><tr><td>in</td></tr></table>",
      "<p>para<table><tr><td>cell</table>rest",
      "<!DOCTYPE html><p>para<table><tr><td>cell</table>rest",
      "<table><caption>cap</caption><col><tr><th>h<td>d</table>",
      "<select><option>one<div>dropped</div></select>visible",
      "<p>a<svg><title>svg title</title><p>breakout</p></svg>b",
      "<math><mi>x</mi></math><p>after math",
      "<noscript><p>no script</noscript>after",
      "<head><noscript><img src=x></noscript><title>T</title></head><p>body",
      "<title>A &amp; B &copy 2024</title><p>x &notit; &#x41;&#150;&#0;y",
      "<p>a<br>b</br>c<hr>d",
      "<pre>\nline1\n  line2</pre>",
      "<textarea>\ntext</textarea><p>after",
      "<script>var s = '</div>';</script><p>after script",
      "<script><!--<script>x</script>y--></script><p>z",
      "<style>p{}</style><xmp><b>raw</b></xmp><p>after",
      "<p>one</body>two</html>three",
      "<frameset><frame></frameset><noframes><p>nf</noframes>",
      "<form><p>a</form>b<form>c</form>",
      "<p>x<button>b<p>y</button>z",
      "<ruby>a<rp>(<rt>b<rp>)</ruby>",
      "<div hidden>h</div><div style='display: none'>n</div><p>shown",
      "<meta name=description content=' d  e '><meta property=og:title "
      "content=t>",
      "<html lang=fr><body><p>bonjour",
      "<p>unclosed <b>bold <i>italic",
      "<!-- comment --><p>a<!-->b<!--->c<?pi?>d<!bogus>e",
      "<p>a</>b</ x>c",
      "<p id=a id=b class='c' data-x=\"y\" z=w>attrs",
      "<table><tr><td><table><tr><td>inner</table>outer</table>",
      "<p>1<object><p>2</object>3",
      "<li>loose<li>items",
      "<center>c<p>p</center>q",
      "<p>x<listing>\nl</listing>",
      "<a href=1>a<a href=2>b</a>c",
      "<table><tr><td>a<tr><td>b<tbody><tr><td>c</table>",
      "<table><form><tr><td>f</td></tr></form></table>",
      "<p><image src=x>img</p>",
      "<body><p>a</p></body><p>after body",
      "<h3><p>nested</p></h3>",
      "<table> <tr> <td>ws</td> </tr> </table>",
  };
  for (const char* page : kPages) {
    EXPECT_EQ(Difference(page), "") << "page: " << page;
  }
}

TEST(ParserAgreementTest, AebPages) {
  const std::filesystem::path dir =
      NEWSMILL_SOURCE_DIR "/../shared/data/aeb/html";
  if (!std::filesystem::is_directory(dir)) {
    GTEST_SKIP() << "no AEB pages at " << dir.string();
  }
  // The project's own reader inflates the .html.gz pages, in sorted order.
  std::vector<Document> docs;
  ASSERT_TRUE(ReadInputs({dir.string()}, ReaderOptions{}, [&](Document&& doc) {
                docs.push_back(std::move(doc));
                return true;
              }).ok());
  size_t agree = 0;
  std::ostringstream differences;
  for (const Document& doc : docs) {
    ASSERT_TRUE(doc.error.empty()) << doc.id << ": " << doc.error;
    Result<DecodedText> text = DecodeToUtf8(doc.bytes, "", PayloadKind::kHtml);
    ASSERT_TRUE(text.ok()) << doc.id;
    const std::string diff = Difference(text->utf8);
    if (diff.empty()) {
      ++agree;
    } else {
      differences << std::filesystem::path(doc.id).filename().string() << ": "
                  << diff << "\n";
    }
  }
  std::cout << "[ AEB      ] " << agree << " of " << docs.size()
            << " pages agree exactly\n";
  EXPECT_EQ(agree, docs.size()) << differences.str();
}

}  // namespace
}  // namespace newsmill
