// The article in HTML pages written for the test: each kind of chrome is
// set aside and labelled, the article text is kept in order.
#include <gtest/gtest.h>

#include <algorithm>

#include "newsmill/extract.h"

namespace newsmill {
namespace {

constexpr std::string_view kArticle =
    "<p>The council approved the budget on Tuesday, after a long debate that "
    "ran late into the night, and the mayor said the vote was a relief.</p>"
    "<h2>What changes</h2>"
    "<p>Members said the plan would raise spending on schools, roads and "
    "parks, while keeping property taxes at last year's level.</p>"
    "<ul><li>New buses for the eastern districts, from the spring.</li>"
    "<li>Longer opening hours at the public library, on weekends too.</li></ul>"
    "<blockquote><p>This is the budget the city needed, and it came on time, "
    "said the treasurer, who had warned of cuts.</p></blockquote>"
    "<p>Opponents promised to challenge the vote at the next session of the "
    "council, which meets in March, and to ask for an independent audit.</p>";

Article Extract(std::string_view body) {
  std::string html = "<html lang=en><head><title>Council approves budget</title></head><body>";
  html += body;
  html += "</body></html>";
  Result<HtmlPage> page = ParseHtml(html, HtmlOptions{});
  EXPECT_TRUE(page.ok());
  return ExtractFromHtml(*page, "https://example.com/a", ExtractOptions{});
}

std::string Wrap(std::string_view chrome_before, std::string_view chrome_after) {
  return std::string(chrome_before) + "<div class=\"article-body\">" + std::string(kArticle) +
         "</div>" + std::string(chrome_after);
}

bool Labelled(const Article& a, ChromeKind kind, std::string_view text) {
  return std::any_of(a.boilerplate.begin(), a.boilerplate.end(), [&](const Boilerplate& b) {
    return b.kind == kind && b.text.find(text) != std::string::npos;
  });
}

void ExpectArticleOnly(const Article& a) {
  EXPECT_TRUE(a.text.starts_with("The council approved")) << a.text;
  EXPECT_TRUE(a.text.ends_with("independent audit.")) << a.text;
  EXPECT_NE(a.text.find("What changes"), std::string::npos);
  EXPECT_NE(a.text.find("New buses"), std::string::npos);
  EXPECT_NE(a.text.find("the budget the city needed"), std::string::npos);
}

TEST(HtmlExtractorTest, KeepsArticleInOrderWithBlockKinds) {
  const Article a = Extract(Wrap("", ""));
  ExpectArticleOnly(a);
  ASSERT_GE(a.blocks.size(), 6u);
  EXPECT_EQ(a.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(a.blocks[3].kind, BlockKind::kListItem);
}

TEST(HtmlExtractorTest, EachChromeKindIsLabelled) {
  const Article a = Extract(Wrap(
      "<nav><a href=/>Home</a> <a href=/world>World news today</a></nav>"
      "<header class=site-header><span>The Daily Example paper</span></header>"
      "<div class=breadcrumb><a href=/>Home</a> › <a href=/local>Local</a></div>"
      "<h1>Council approves budget</h1>"
      "<div class=byline>By Jane Doe</div>"
      "<div class=cookie-banner>We use cookies to improve your experience.</div>"
      "<div class=share-tools><a href=#>Share on Facebook</a></div>",
      "<figure><img src=x.jpg><figcaption>The council chamber on Tuesday.</figcaption></figure>"
      "<div class=tags><a href=/t/budget>budget</a></div>"
      "<div class=newsletter-signup>Sign up for our newsletter today</div>"
      "<div class=author-bio>Jane Doe covers the city hall for the paper.</div>"
      "<div class=related-stories><a href=/b>Schools brace for larger classes</a></div>"
      "<div class=ad-slot>Advertisement</div>"
      "<div id=comments class=comments><p>Great news, finally some sense!</p></div>"
      "<form class=comment-form><label>Leave a Reply</label></form>"
      "<aside><p>Most read: the weather this week in the city</p></aside>"
      "<footer>© 2023 The Daily Example. All rights reserved.</footer>"));
  ExpectArticleOnly(a);
  EXPECT_TRUE(Labelled(a, ChromeKind::kNav, "World news"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kHeader, "Daily Example paper"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kBreadcrumb, "Local"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kHeadline, "Council approves budget"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kByline, "Jane Doe"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kCookie, "cookies"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kShare, "Facebook"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kCaption, "council chamber"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kTags, "budget"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kNewsletter, "Sign up"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kAuthorBox, "covers the city hall"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kRelated, "Schools brace"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kAds, "Advertisement"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kComments, "finally some sense"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kCommentForm, "Leave a Reply"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kSidebar, "Most read"));
  EXPECT_TRUE(Labelled(a, ChromeKind::kFooter, "All rights reserved"));
  EXPECT_EQ(a.meta.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(a.meta.section, "Local");
  ASSERT_EQ(a.meta.related.size(), 1u);
  EXPECT_EQ(a.meta.related[0].url, "https://example.com/b");
}

TEST(HtmlExtractorTest, ArticleSplitIntoSectionsIsKeptWhole) {
  std::string body = "<div class=page><div class=chunk>";
  body += "<p>The first part of the story is long enough to count as prose, with commas, "
          "clauses, and details about the council, the mayor and the city budget.</p>";
  body += "</div><div class=ad-slot>Advertisement</div><div class=chunk>";
  body += "<p>The second part of the story goes on after the advertisement, with more detail "
          "about the schools, the roads, the parks and the property taxes.</p>";
  body += "</div></div>";
  const Article a = Extract(body);
  EXPECT_NE(a.text.find("The first part"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("The second part"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Advertisement"), std::string::npos);
}

TEST(HtmlExtractorTest, MarkupThatCallsTheWholePageChromeIsNotTrusted) {
  // ASP.NET pages wrap everything in one <form>; some themes name their
  // outer wrapper "header-style-2".
  const Article a = Extract("<form id=aspnetForm><div class='wrapper header-style-2'>" +
                            Wrap("", "") + "</div></form>");
  ExpectArticleOnly(a);
}

TEST(HtmlExtractorTest, TextWrittenStraightIntoAContainerIsItsParagraph) {
  // A short story written as text and <br>s in a column beside an archive
  // menu; the footer's address line must not win over it.
  std::string body = "<div class=row><div class=col-3><ul>";
  for (int i = 0; i < 40; ++i) {
    body += "<li><a href=/archive/" + std::to_string(i) + ">Archive, month " +
            std::to_string(i) + "</a></li>";
  }
  body +=
      "</ul></div><div class=col-9><p class=title>Council approves budget</p>"
      "<small>05/10/2018 - Posted by: Ana Souza</small><br><br>"
      "The city council approved the new budget this morning, after a debate "
      "of three hours, and the mayor thanked the members.<br><br><br></div></div>"
      "<div class=bottom><div>Example City - Main Street, 1111 - Downtown - "
      "89259-565 - Phone: (047) 2106-8000, Fax: (047) 2106-8001</div></div>";
  const Article a = Extract(body);
  EXPECT_NE(a.text.find("The city council approved"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Main Street"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Archive"), std::string::npos) << a.text;
}

TEST(HtmlExtractorTest, ArticlesNestedInTheArticleAreTeasers) {
  // HTML's nested <article>: teasers (or comments) inside the story's own
  // <article> element.
  std::string body = "<article class=post><h1>Council approves budget</h1>";
  body += kArticle;
  body += "<h3>More stories</h3>";
  for (int i = 0; i < 3; ++i) {
    body += "<article class=post><h2><a href=/s" + std::to_string(i) +
            ">Another story</a></h2><p>A teaser paragraph about another story, long "
            "enough to count as prose, with commas, clauses and a few more words.</p>"
            "</article>";
  }
  body += "</article>";
  const Article a = Extract(body);
  ExpectArticleOnly(a);
  EXPECT_EQ(a.text.find("A teaser paragraph"), std::string::npos) << a.text;
  EXPECT_TRUE(Labelled(a, ChromeKind::kRelated, "A teaser paragraph"));
}

TEST(HtmlExtractorTest, TeaserCardsAfterTheStoryAreRelated) {
  // "Most read": cards of a linked title and a one-line summary, inside
  // the story's container.
  std::string body = "<div class=article-body>";
  body += kArticle;
  body += "<h2>Most read</h2><div class=grid>";
  for (int i = 0; i < 4; ++i) {
    body += "<div class=card><div class=title><a href=/story" + std::to_string(i) +
            ">Another story number " + std::to_string(i) +
            "</a></div><div class=body>A short summary of that other story, in one "
            "sentence.</div></div>";
  }
  body += "</div></div>";
  const Article a = Extract(body);
  EXPECT_TRUE(a.text.starts_with("The council approved")) << a.text;
  EXPECT_EQ(a.text.find("A short summary"), std::string::npos) << a.text;
  EXPECT_TRUE(Labelled(a, ChromeKind::kRelated, "A short summary"));
}

TEST(HtmlExtractorTest, ListOfLinkedItemsInTheStoryIsKept) {
  // A story that lists linked items with a line on each, as its own
  // paragraphs, is not a teaser list.
  std::string body = "<div class=article-body>";
  body += kArticle;
  for (int i = 0; i < 4; ++i) {
    body += "<p><a href=/item" + std::to_string(i) + ">Item number " + std::to_string(i) +
            "</a></p><p>Why this item is worth a look, in one line.</p>";
  }
  body += "</div>";
  const Article a = Extract(body);
  EXPECT_NE(a.text.find("Why this item is worth a look"), std::string::npos) << a.text;
}

TEST(HtmlExtractorTest, CommasOfOtherScriptsCount) {
  // Chinese prose with fullwidth and ideographic commas against short
  // English lines with ASCII ones: the story's commas must count too.
  std::string body = "<div class=a>";
  for (int i = 0; i < 3; ++i) body += "<p>Weather today, sunny spells.</p>";
  body += "</div><div class=b>";
  for (int i = 0; i < 3; ++i) {
    body +=
        "<p>市议会周二通过了新的预算，经过长时间的辩论，市长表示，这次投票让人松了一口气，"
        "学校、道路和公园的支出将增加。</p>";
  }
  body += "</div>";
  const Article a = Extract(body);
  EXPECT_NE(a.text.find("市议会周二通过了新的预算"), std::string::npos) << a.text;
}

TEST(HtmlExtractorTest, EmbeddedPostsInTheStoryAreKept) {
  // A tweet the story quotes, in a wrapper whose class also says "social".
  std::string body = "<div class=article-body>";
  body += kArticle;
  body +=
      "<div class=social-media-embed><blockquote class=twitter-tweet><p>The budget "
      "passed tonight, and we are proud of every member who voted for it.</p>"
      "&mdash; City Council (@council) <a href=https://twitter.com/x>March 1, 2022</a>"
      "</blockquote></div><div class=social-share><a href=/s>Share</a></div></div>";
  const Article a = Extract(body);
  EXPECT_NE(a.text.find("we are proud of every member"), std::string::npos) << a.text;
}

TEST(HtmlExtractorTest, AQuotationsFooterIsItsAttribution) {
  // HTML's <blockquote><footer> names who is quoted: part of the story,
  // while the page's own <footer> stays chrome.
  std::string body = "<div class=article-body>";
  body += kArticle;
  body +=
      "<blockquote><p>\u201CThis is the biggest investment we have made in a generation.\u201D"
      "</p><footer>\u2014 Daniel Marsh, chief executive</footer></blockquote></div>"
      "<footer>\u00A9 2023 Example News. All rights reserved.</footer>";
  const Article a = Extract(body);
  EXPECT_NE(a.text.find("\u2014 Daniel Marsh, chief executive"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("All rights reserved"), std::string::npos) << a.text;
}

TEST(HtmlExtractorTest, EmptyPageWarns) {
  const Article a = Extract("");
  EXPECT_TRUE(a.text.empty());
  EXPECT_FALSE(a.warnings.empty());
}

}  // namespace
}  // namespace newsmill
