// Each metadata source on a small page written for it.
#include "extract/html_metadata.h"

#include <gtest/gtest.h>

#include "newsmill/extract.h"

namespace newsmill {
namespace {

// A page whose body is a short article, with `head` and `top` spliced in.
std::string Page(std::string_view head, std::string_view top = "",
                 std::string_view lang = "en") {
  std::string html = "<!doctype html><html lang=\"" + std::string(lang) + "\"><head>";
  html += head;
  html += "</head><body>";
  html += top;
  html +=
      "<article><p>The council approved the budget on Tuesday, after a long "
      "debate that ran late into the night.</p><p>Members said the plan would "
      "raise spending on schools, roads and parks, while keeping taxes flat.</p>"
      "<p>Opponents promised to challenge the vote at the next session of the "
      "council, which meets in March.</p></article></body></html>";
  return html;
}

Article Extract(const std::string& html, std::string_view url = "") {
  Result<HtmlPage> page = ParseHtml(html, HtmlOptions{});
  EXPECT_TRUE(page.ok());
  return ExtractFromHtml(*page, url, ExtractOptions{});
}

TEST(HtmlMetadataTest, JsonLdNewsArticle) {
  const Article a = Extract(Page(R"(<script type="application/ld+json">
    {"@context":"https://schema.org","@type":"NewsArticle",
     "headline":"Council approves budget","datePublished":"2023-03-03T10:14:00.000Z",
     "dateModified":"2023-03-04T08:00:00+0100",
     "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
     "publisher":{"@type":"Organization","name":"The Daily Example"},
     "articleSection":"Local","mainEntityOfPage":"https://example.com/a/1"}
    </script><title>Something else | The Daily Example</title>)"));
  EXPECT_EQ(a.meta.title, "Council approves budget");
  EXPECT_EQ(a.meta.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(a.meta.published, "2023-03-03T10:14:00+00:00");
  EXPECT_EQ(a.meta.modified, "2023-03-04T08:00:00+01:00");
  EXPECT_EQ(a.meta.site, "The Daily Example");
  EXPECT_EQ(a.meta.section, "Local");
  EXPECT_EQ(a.meta.canonical_url, "https://example.com/a/1");
}

TEST(HtmlMetadataTest, JsonLdGraphArraysAndTypeLists) {
  const Article a = Extract(Page(R"(<script type="application/ld+json">
    {"@graph":[{"@type":"WebSite","name":"Example News"},
               {"@type":["Article","BlogPosting"],"headline":"In a graph",
                "author":{"@type":"Organization","name":"Reuters"},
                "datePublished":"2022-02-24"}]}
    </script><script type="application/ld+json">[{"@type":"BreadcrumbList"}]</script>
    <script type="application/ld+json">{ broken json</script>)"));
  EXPECT_EQ(a.meta.title, "In a graph");
  EXPECT_TRUE(a.meta.authors.empty());  // an organisation is not an author
  EXPECT_EQ(a.meta.published, "2022-02-24");
  EXPECT_EQ(a.meta.site, "Example News");
}

TEST(HtmlMetadataTest, JsonLdStringsWithCharacterReferences) {
  // Many sites write JSON-LD strings HTML-escaped.
  const Article a = Extract(Page(R"(<script type="application/ld+json">
    {"@type":"NewsArticle","headline":"Anthony Lynn: &#8220;We needed to win this&nbsp;game&#8221;",
     "author":{"@type":"Person","name":"Jos&eacute; Ram&#237;rez"},
     "publisher":{"@type":"Organization","name":"Sports &amp; More"}}
    </script>)"));
  EXPECT_EQ(a.meta.title, "Anthony Lynn: \u201CWe needed to win this game\u201D");
  EXPECT_EQ(a.meta.authors, (std::vector<std::string>{"Jos\u00E9 Ram\u00EDrez"}));
  EXPECT_EQ(a.meta.site, "Sports & More");
}

TEST(HtmlMetadataTest, OpenGraphAndArticleMetas) {
  const Article a = Extract(Page(
      R"(<meta property="og:title" content="OG headline">
         <meta property="og:site_name" content="OG Site">
         <meta property="article:published_time" content="2021-05-06T07:08:09-04:00">
         <meta property="article:modified_time" content="2021-05-07T00:00:00Z">
         <meta property="article:section" content="Politics">
         <meta property="article:author" content="https://facebook.com/someone">
         <meta name="author" content="By JANE DOE">
         <meta property="og:url" content="https://example.com/og">
         <meta property="og:locale" content="fr_FR">)",
      "", ""));
  EXPECT_EQ(a.meta.title, "OG headline");
  EXPECT_EQ(a.meta.site, "OG Site");
  EXPECT_EQ(a.meta.published, "2021-05-06T07:08:09-04:00");
  EXPECT_EQ(a.meta.modified, "2021-05-07T00:00:00+00:00");
  EXPECT_EQ(a.meta.section, "Politics");
  EXPECT_EQ(a.meta.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(a.meta.canonical_url, "https://example.com/og");
}

TEST(HtmlMetadataTest, ParselySailthruDublinCoreCitation) {
  EXPECT_EQ(Extract(Page(R"(<meta name="parsely-pub-date" content="2020-01-02T03:04:05Z">
                           <meta name="parsely-author" content="Ann Lee">
                           <meta name="parsely-section" content="Tech">)"))
                .meta.section,
            "Tech");
  const Article s = Extract(Page(R"(<meta name="sailthru.date" content="2020-01-02">
                                   <meta name="sailthru.author" content="Bo Chen">)"));
  EXPECT_EQ(s.meta.published, "2020-01-02");
  EXPECT_EQ(s.meta.authors, std::vector<std::string>{"Bo Chen"});
  const Article d = Extract(Page(R"(<meta name="DC.date.issued" content="2019-12-31">
                                   <meta name="DC.creator" content="Cy Twombly">)"));
  EXPECT_EQ(d.meta.published, "2019-12-31");
  EXPECT_EQ(d.meta.authors, std::vector<std::string>{"Cy Twombly"});
  const Article c = Extract(Page(R"(<meta name="citation_title" content="A Paper">
                                   <meta name="citation_publication_date" content="2018/07/01">
                                   <meta name="citation_author" content="Di Fu">)"));
  EXPECT_EQ(c.meta.title, "A Paper");
  EXPECT_EQ(c.meta.published, "2018-07-01");
}

TEST(HtmlMetadataTest, AuthorsWithoutCredentialsAgenciesOrRoles) {
  EXPECT_EQ(Extract(Page(R"(<meta name="author" content="Ilana Muhlstein, MS, RDN">)"))
                .meta.authors,
            std::vector<std::string>{"Ilana Muhlstein"});
  EXPECT_EQ(Extract(Page(R"(<meta name="author" content="Sandee LaMotte, CNN">)")).meta.authors,
            std::vector<std::string>{"Sandee LaMotte"});
  EXPECT_EQ(Extract(Page(R"(<meta name="author" content="Ann Lee, PhD, and Bo Chen">)"))
                .meta.authors,
            (std::vector<std::string>{"Ann Lee", "Bo Chen"}));
  EXPECT_EQ(
      Extract(Page(R"(<meta name="author" content="Chris Roe, CNN Editor-at-large">)"))
          .meta.authors,
      std::vector<std::string>{"Chris Roe"});
}

TEST(HtmlMetadataTest, TimeElementAndMicrodata) {
  const Article a = Extract(Page("<title>T</title>",
      R"(<div itemscope itemtype="https://schema.org/NewsArticle">
         <h1 itemprop="headline">Microdata headline</h1>
         <span itemprop="author" itemscope><span itemprop="name">Eve Park</span></span>
         <time datetime="2017-08-09T10:11:12+02:00" itemprop="datePublished">9 Aug</time>
         </div>)"));
  EXPECT_EQ(a.meta.title, "Microdata headline");
  EXPECT_EQ(a.meta.authors, std::vector<std::string>{"Eve Park"});
  EXPECT_EQ(a.meta.published, "2017-08-09T10:11:12+02:00");
}

TEST(HtmlMetadataTest, VisibleBylineDateAndUrlDate) {
  const Article a = Extract(Page("<title>Budget vote | Gazette</title>",
                                 R"(<div class="byline">By Sam Whitfield</div>
                                    <div class="dateline">24 février 2022</div>)"),
                            "https://example.com/news/2022/02/24/budget");
  EXPECT_EQ(a.meta.title, "Budget vote");
  EXPECT_EQ(a.meta.authors, std::vector<std::string>{"Sam Whitfield"});
  EXPECT_EQ(a.meta.published, "2022-02-24");
  EXPECT_EQ(extract::DateFromUrl("https://x.org/2019/11/19/story"), "2019-11-19");
  EXPECT_EQ(extract::DateFromUrl("https://x.org/a/2019-11-19-story"), "2019-11-19");
  EXPECT_EQ(extract::DateFromUrl("https://x.org/a/20191119123/story"), "");
  EXPECT_EQ(extract::DateFromUrl("https://x.org/20191119/story"), "2019-11-19");
}

TEST(HtmlMetadataTest, BylinesAndDatelinesTheMarkupDoesNotName) {
  // Plain lines near the article, in no element that calls them bylines.
  const Article a = Extract(Page(
      "", "<div><p>About Me</p><p>By Louis Jacobson, Ann Lee on Monday, November 18th, "
          "2019 at 11:04 a.m.</p></div>"));
  EXPECT_EQ(a.meta.authors, (std::vector<std::string>{"Louis Jacobson", "Ann Lee"}));
  EXPECT_EQ(a.meta.published, "2019-11-18T11:04:00");
  const Article de =
      Extract(Page("", "<div><p>Von Moritz Bachmann publiziert am 25. September 2018</p></div>",
                   "de"));
  EXPECT_EQ(de.meta.authors, std::vector<std::string>{"Moritz Bachmann"});
  EXPECT_EQ(de.meta.published, "2018-09-25");
  const Article ko = Extract(Page("", "<div><p>기사입력 :[ 2018-08-25 15:24 ]</p></div>"));
  EXPECT_EQ(ko.meta.published, "2018-08-25T15:24:00");
  // The first byline is the article's, even when it names an agency.
  const Article agency = Extract(Page(R"(<meta name="author" content="Science X staff">)",
                                      "<div><p>by European Space Agency</p></div>"));
  EXPECT_TRUE(agency.meta.authors.empty());
}

TEST(HtmlMetadataTest, LanguageFromPageCheckedAgainstText) {
  EXPECT_EQ(Extract(Page("")).meta.language, "en");
  // Declared German, written in English: the text wins, with a warning.
  const Article a = Extract(Page("", "", "de"));
  EXPECT_EQ(a.meta.language, "en");
  EXPECT_FALSE(a.warnings.empty());
  // English with a paragraph of Russian quoted in it is English (CLD2's
  // summary answer would be Russian).
  const Article quoting = Extract(
      "<html lang=\"en\"><body><article><p>Russia's foreign minister said on "
      "Thursday that Moscow was open to talks.</p><p>Kremlin spokesman Dmitry "
      "Peskov said the West must accept new realities before any negotiations "
      "could begin.</p><p>«Мы не уклоняемся от контактов», — заявил Лавров "
      "журналистам.</p></article></body></html>");
  EXPECT_EQ(quoting.meta.language, "en");
  EXPECT_TRUE(quoting.warnings.empty());
}

TEST(HtmlMetadataTest, HelpersNormalise) {
  EXPECT_EQ(extract::NormalizeDate("2019-11-20T01:50:59.403"), "2019-11-20T01:50:59");
  EXPECT_EQ(extract::NormalizeDate("2019-11-20 01:50:59 -0500"), "2019-11-20T01:50:59-05:00");
  EXPECT_EQ(extract::NormalizeDate("Feb. 24, 2022"), "2022-02-24");
  EXPECT_EQ(extract::NormalizeDate("yesterday"), "");
  EXPECT_EQ(extract::StripSiteName("Budget vote - The Gazette", "The Gazette"), "Budget vote");
  EXPECT_EQ(extract::StripSiteName("Council approves the new budget | Gazette", ""),
            "Council approves the new budget");
  EXPECT_EQ(extract::StripSiteName("Q&A - why", ""), "Q&A - why");
  EXPECT_EQ(extract::ResolveUrl("https://a.com/x/y.html", "z.html"), "https://a.com/x/z.html");
  EXPECT_EQ(extract::ResolveUrl("https://a.com/x/y.html", "/z"), "https://a.com/z");
  EXPECT_EQ(extract::ResolveUrl("https://a.com/x/y.html", "//b.com/z"), "https://b.com/z");
  EXPECT_EQ(extract::ResolveUrl("https://a.com/x", "#top"), "");
}

}  // namespace
}  // namespace newsmill
