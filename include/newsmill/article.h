// Article: what extraction makes of a page. The article text is one UTF-8
// string; every later stage points into it with byte ranges, and the record
// writer turns those into code-point offsets.
#ifndef NEWSMILL_ARTICLE_H_
#define NEWSMILL_ARTICLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsmill {

// [begin, end) byte offsets into Article::text.
struct ByteSpan {
  size_t begin = 0;
  size_t end = 0;
};

// What a piece of removed page chrome was.
enum class ChromeKind : unsigned char {
  kHeadline,     // the page's headline, kept as `title`, not as body text
  kBreadcrumb,
  kNav,
  kHeader,
  kByline,       // "By NAME", dates and reading times above the article
  kAuthorBox,    // "About NAME" and the author's bio
  kRelated,      // "Related", "Check Also", "Read more" and their teasers
  kTags,
  kShare,
  kNewsletter,
  kCookie,
  kCaption,      // photo credits and captions
  kComments,
  kCommentForm,
  kAds,
  kFooter,       // copyright lines, legal links
  kSidebar,      // asides and widget columns beside the article
  kOther,
};

// "headline", "breadcrumb", ... as written in the record.
std::string_view ChromeKindName(ChromeKind kind);
// The kind a name gives; false when the name is not one of them.
bool ChromeKindFromName(std::string_view name, ChromeKind* kind);

struct Boilerplate {
  ChromeKind kind = ChromeKind::kOther;
  std::string text;
};

struct RelatedLink {
  std::string title;
  std::string url;  // empty when the page gave none (scraped text)
};

struct Metadata {
  std::string title;
  std::vector<std::string> authors;
  std::string published;  // ISO 8601, empty when unknown
  std::string modified;   // ISO 8601, empty when unknown
  std::string canonical_url;
  std::string site;
  std::string section;
  std::string language;   // BCP 47 primary tag ("en"), empty when unknown
  std::vector<RelatedLink> related;
};

enum class BlockKind : unsigned char { kParagraph, kHeading, kListItem, kQuote };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  ByteSpan span;
};

struct Article {
  std::string text;            // paragraphs joined by "\n\n"
  std::vector<Block> blocks;   // one per paragraph, in order
  std::vector<Boilerplate> boilerplate;
  Metadata meta;
  std::vector<std::string> warnings;
};

}  // namespace newsmill

#endif  // NEWSMILL_ARTICLE_H_
