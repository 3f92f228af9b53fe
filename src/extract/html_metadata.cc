#include "extract/html_metadata.h"

#include <simdjson.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include <cstdio>
#include <optional>

#include "extract/dates.h"
#include "extract/language.h"
#include "extract/lexicon.h"
#include "extract/text_lines.h"
#include "html/fast_entities.h"

namespace newsmill::extract {
namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' ||
                        s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' ||
                        s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

bool IsUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//") ||
         s.starts_with("/");
}

// Collects the first non-empty value offered for each field, so the order
// of the Offer calls is the order of trust.
struct Collected {
  std::string title, site, section, language, published, modified, canonical;
  std::vector<std::string> authors;

  static void Offer(std::string* field, std::string_view value) {
    if (field->empty()) *field = Trim(value);
  }
  void OfferAuthor(std::string_view raw) {
    std::string value = Trim(raw);
    if (value.empty() || IsUrl(value)) return;
    // "By Jane Doe and John Roe", "Jane Doe, John Roe": names only, without
    // the byline word, desks and agencies.
    LexiconHit hit;
    const size_t words = std::count(value.begin(), value.end(), ' ') + 1;
    if (MatchChrome(ChromeLexicon::Default(), value, words, &hit) &&
        hit.kind == ChromeKind::kByline && hit.match == MatchType::kPrefix) {
      value = hit.rest;
    }
    std::vector<std::string> names = NamesFromByline(value);
    for (std::string& n : names) {
      // A site or publication signing its own pages is not an author.
      if (n.find(".com") != std::string::npos) continue;
      bool seen = false;
      for (const std::string& a : authors) seen |= FoldForMatch(a) == FoldForMatch(n);
      if (!seen) authors.push_back(std::move(n));
    }
  }
};

// -- JSON-LD -----------------------------------------------------------------

bool IsArticleType(std::string_view type) {
  static constexpr std::string_view kTypes[] = {
      "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
      "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
      "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "TechArticle",
      "ScholarlyArticle", "Report", "SatiricalArticle", "AskPublicNewsArticle"};
  for (std::string_view t : kTypes) {
    if (type == t) return true;
  }
  return false;
}

bool HasArticleType(simdjson::dom::element obj) {
  std::string_view type;
  if (obj["@type"].get_string().get(type) == simdjson::SUCCESS) return IsArticleType(type);
  simdjson::dom::array types;
  if (obj["@type"].get_array().get(types) == simdjson::SUCCESS) {
    for (simdjson::dom::element t : types) {
      if (t.get_string().get(type) == simdjson::SUCCESS && IsArticleType(type)) return true;
    }
  }
  return false;
}

// JSON-LD strings as many sites write them: with HTML character references
// still in ("Anthony Lynn: &#8220;We needed to win this&nbsp;game&#8221;");
// the no-break space becomes a plain one.
std::string JsonLdText(std::string_view v) {
  if (v.find('&') == std::string_view::npos) return std::string(v);
  std::string out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size();) {
    if (v[i] == '&') {
      const size_t used = html::DecodeCharRef(v.substr(i), false, &out);
      if (used > 0) {
        i += used;
        if (out.ends_with("\u00A0")) out.replace(out.size() - 2, 2, " ");
        continue;
      }
    }
    out.push_back(v[i++]);
  }
  return out;
}

std::string StringField(simdjson::dom::element obj, std::string_view key) {
  std::string_view v;
  if (obj[key].get_string().get(v) == simdjson::SUCCESS) return JsonLdText(v);
  // A list of strings: the first; an object: its name or @id.
  simdjson::dom::array arr;
  if (obj[key].get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : arr) {
      if (e.get_string().get(v) == simdjson::SUCCESS) return JsonLdText(v);
    }
  }
  simdjson::dom::object o;
  if (obj[key].get_object().get(o) == simdjson::SUCCESS) {
    if (o["name"].get_string().get(v) == simdjson::SUCCESS) return JsonLdText(v);
    if (o["@id"].get_string().get(v) == simdjson::SUCCESS) return std::string(v);
    if (o["url"].get_string().get(v) == simdjson::SUCCESS) return std::string(v);
  }
  return "";
}

void OfferJsonAuthors(simdjson::dom::element author, Collected* c) {
  std::string_view v;
  if (author.get_string().get(v) == simdjson::SUCCESS) {
    c->OfferAuthor(JsonLdText(v));
    return;
  }
  simdjson::dom::array arr;
  if (author.get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : arr) OfferJsonAuthors(e, c);
    return;
  }
  simdjson::dom::object o;
  if (author.get_object().get(o) == simdjson::SUCCESS) {
    // Organisations sign wire copy ("Reuters"); they are not authors.
    std::string_view type;
    if (o["@type"].get_string().get(type) == simdjson::SUCCESS && type == "Organization") {
      return;
    }
    if (o["name"].get_string().get(v) == simdjson::SUCCESS) c->OfferAuthor(JsonLdText(v));
  }
}

void ReadArticleObject(simdjson::dom::element obj, Collected* c) {
  Collected::Offer(&c->title, StringField(obj, "headline"));
  Collected::Offer(&c->title, StringField(obj, "name"));
  simdjson::dom::element author;
  if (obj["author"].get(author) == simdjson::SUCCESS) OfferJsonAuthors(author, c);
  if (obj["creator"].get(author) == simdjson::SUCCESS && c->authors.empty()) {
    OfferJsonAuthors(author, c);
  }
  Collected::Offer(&c->published, NormalizeDate(StringField(obj, "datePublished")));
  Collected::Offer(&c->published, NormalizeDate(StringField(obj, "dateCreated")));
  Collected::Offer(&c->modified, NormalizeDate(StringField(obj, "dateModified")));
  Collected::Offer(&c->section, StringField(obj, "articleSection"));
  Collected::Offer(&c->language, StringField(obj, "inLanguage"));
  simdjson::dom::element publisher;
  if (obj["publisher"].get(publisher) == simdjson::SUCCESS) {
    std::string_view v;
    if (publisher["name"].get_string().get(v) == simdjson::SUCCESS) {
      Collected::Offer(&c->site, JsonLdText(v));
    }
  }
  const std::string main = StringField(obj, "mainEntityOfPage");
  if (main.starts_with("http")) Collected::Offer(&c->canonical, main);
  const std::string url = StringField(obj, "url");
  if (url.starts_with("http")) Collected::Offer(&c->canonical, url);
}

// Visits every object of a JSON-LD value (arrays, @graph, nesting a few
// levels deep) and reads the article ones. Depth-bounded: JSON-LD from the
// web can nest arbitrarily.
void VisitJsonLd(simdjson::dom::element e, int depth, Collected* c, Collected* site_info) {
  if (depth > 8) return;
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element x : arr) VisitJsonLd(x, depth + 1, c, site_info);
    return;
  }
  simdjson::dom::object obj;
  if (e.get_object().get(obj) != simdjson::SUCCESS) return;
  if (HasArticleType(e)) ReadArticleObject(e, c);
  std::string_view type;
  if (e["@type"].get_string().get(type) == simdjson::SUCCESS &&
      (type == "WebSite" || type == "Organization" || type == "NewsMediaOrganization")) {
    Collected::Offer(&site_info->site, StringField(e, "name"));
  }
  simdjson::dom::element graph;
  if (e["@graph"].get(graph) == simdjson::SUCCESS) VisitJsonLd(graph, depth + 1, c, site_info);
  if (e["mainEntity"].get(graph) == simdjson::SUCCESS) VisitJsonLd(graph, depth + 1, c, site_info);
}

// -- The tree: scripts, links, times, microdata ---------------------------------

std::string TextOf(const Dom& dom, NodeId id) {
  std::string text;
  // Depth-first over the subtree, iteratively.
  std::vector<NodeId> stack{id};
  while (!stack.empty()) {
    const NodeId x = stack.back();
    stack.pop_back();
    if (dom.node(x).type == NodeType::kText) {
      text.append(dom.data(x));
      continue;
    }
    std::vector<NodeId> children;
    for (NodeId ch = dom.node(x).first_child; ch != kNoNode; ch = dom.node(ch).next_sibling) {
      children.push_back(ch);
    }
    stack.insert(stack.end(), children.rbegin(), children.rend());
    if (text.size() > 4096) break;
  }
  std::string collapsed;
  for (char ch : text) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (space) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed.push_back(' ');
    } else {
      collapsed.push_back(ch);
    }
  }
  return Trim(collapsed);
}

void ReadTree(const Dom& dom, Collected* jsonld, Collected* site_info, Collected* tree) {
  simdjson::dom::parser parser;
  for (NodeId id = 1; id < dom.size(); ++id) {
    const DomNode& n = dom.node(id);
    if (n.type != NodeType::kElement) continue;
    if (n.tag == HtmlTag::k_script) {
      if (Lower(Trim(dom.attribute(id, "type"))) != "application/ld+json") continue;
      std::string json;
      for (NodeId c = n.first_child; c != kNoNode; c = dom.node(c).next_sibling) {
        if (dom.node(c).type == NodeType::kText) json.append(dom.data(c));
      }
      simdjson::dom::element root;
      if (parser.parse(json).get(root) == simdjson::SUCCESS) {
        VisitJsonLd(root, 0, jsonld, site_info);
      }
    } else if (n.tag == HtmlTag::k_link) {
      if (Lower(dom.attribute(id, "rel")) == "canonical") {
        Collected::Offer(&tree->canonical, dom.attribute(id, "href"));
      }
    } else if (n.tag == HtmlTag::k_time) {
      const std::string_view itemprop = dom.attribute(id, "itemprop");
      const std::string date = NormalizeDate(dom.attribute(id, "datetime"));
      if (itemprop == "dateModified") {
        Collected::Offer(&tree->modified, date);
      } else if (itemprop == "datePublished" || dom.has_attribute(id, "pubdate")) {
        // A time marked as the publication date beats the first <time>.
        if (!date.empty()) tree->published = date;
      } else {
        Collected::Offer(&tree->published, date);
      }
    }
    const std::string_view prop = dom.attribute(id, "itemprop");
    if (prop.empty()) continue;
    if (prop == "headline") {
      Collected::Offer(&tree->title, TextOf(dom, id));
    } else if (prop == "author" || prop == "creator") {
      // itemprop=author holds a name, or an item whose itemprop=name does.
      NodeId name = kNoNode;
      for (NodeId x = id + 1; x < dom.size() && x < id + 64; ++x) {
        if (dom.attribute(x, "itemprop") == "name") {
          name = x;
          break;
        }
      }
      const std::string content(dom.attribute(id, "content"));
      tree->OfferAuthor(!content.empty() ? content
                                         : TextOf(dom, name != kNoNode ? name : id));
    } else if (prop == "datePublished" && n.tag != HtmlTag::k_time) {
      std::string_view v = dom.attribute(id, "content");
      Collected::Offer(&tree->published, NormalizeDate(v.empty() ? TextOf(dom, id) : v));
    } else if (prop == "articleSection") {
      std::string_view v = dom.attribute(id, "content");
      Collected::Offer(&tree->section, v.empty() ? TextOf(dom, id) : v);
    }
  }
}

std::string MetaContent(const HtmlPage& page, std::string_view name) {
  for (const HtmlMeta& meta : page.metas) {
    if (meta.name == name && !meta.content.empty()) return meta.content;
  }
  return "";
}

void ReadMetas(const HtmlPage& page, Collected* c) {
  for (std::string_view key : {"og:title", "twitter:title", "parsely-title", "sailthru.title",
                               "dc.title", "dcterms.title", "citation_title", "title"}) {
    Collected::Offer(&c->title, MetaContent(page, key));
  }
  for (std::string_view key : {"og:site_name", "application-name", "twitter:site",
                               "dc.publisher", "citation_journal_title"}) {
    std::string v = MetaContent(page, key);
    if (key == "twitter:site" && v.starts_with("@")) continue;  // a handle
    Collected::Offer(&c->site, v);
  }
  for (std::string_view key : {"article:section", "parsely-section", "section",
                               "sailthru.section", "dc.subject", "og:article:section"}) {
    Collected::Offer(&c->section, MetaContent(page, key));
  }
  for (std::string_view key :
       {"article:published_time", "og:article:published_time", "parsely-pub-date",
        "sailthru.date", "article.published", "published_time", "publish-date",
        "pubdate", "publishdate", "date", "dc.date.issued", "dc.date", "dcterms.issued",
        "dcterms.created", "citation_publication_date", "citation_date",
        "datepublished", "article:published", "cxenseparse:recs:publishtime"}) {
    Collected::Offer(&c->published, NormalizeDate(MetaContent(page, key)));
  }
  for (std::string_view key : {"article:modified_time", "og:updated_time",
                               "dcterms.modified", "last-modified", "datemodified"}) {
    Collected::Offer(&c->modified, NormalizeDate(MetaContent(page, key)));
  }
  for (std::string_view key : {"author", "article:author", "parsely-author",
                               "sailthru.author", "dc.creator", "dcterms.creator",
                               "citation_author", "byl"}) {
    for (const HtmlMeta& meta : page.metas) {
      if (meta.name == key) c->OfferAuthor(meta.content);
    }
    if (!c->authors.empty()) break;
  }
  Collected::Offer(&c->canonical, MetaContent(page, "og:url"));
  std::string locale = MetaContent(page, "og:locale");
  if (locale.empty()) locale = MetaContent(page, "content-language");
  if (locale.empty()) locale = MetaContent(page, "dc.language");
  Collected::Offer(&c->language, locale);
}

template <typename F>
std::string First(const Collected& a, const Collected& b, const Collected& c, F field) {
  if (!field(a).empty()) return field(a);
  if (!field(b).empty()) return field(b);
  return field(c);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Number(std::string_view s, size_t at, size_t len) {
  int v = 0;
  for (size_t i = 0; i < len; ++i) {
    if (at + i >= s.size() || !IsDigit(s[at + i])) return -1;
    v = v * 10 + (s[at + i] - '0');
  }
  return v;
}

}  // namespace

std::string NormalizeDate(std::string_view text) {
  std::string s = Trim(text);
  if (s.empty()) return "";
  const int y = Number(s, 0, 4), mo = Number(s, 5, 2), d = Number(s, 8, 2);
  if (y >= 1900 && y <= 2100 && s.size() >= 10 && (s[4] == '-' || s[4] == '/') &&
      s[7] == s[4] && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    std::string out = buf;
    if (s.size() >= 16 && (s[10] == 'T' || s[10] == ' ')) {
      const int h = Number(s, 11, 2), mi = Number(s, 14, 2);
      if (h < 0 || h > 23 || mi < 0 || mi > 59 || s[13] != ':') return out;
      int sec = 0;
      size_t i = 16;
      if (i + 2 < s.size() + 1 && i < s.size() && s[i] == ':') {
        sec = std::max(0, Number(s, i + 1, 2));
        i += 3;
      }
      while (i < s.size() && (s[i] == '.' || IsDigit(s[i]))) ++i;  // fraction
      std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, mi, sec);
      out += buf;
      while (i < s.size() && s[i] == ' ') ++i;
      if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        out += "+00:00";
      } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        const int oh = Number(s, i + 1, 2);
        const size_t m_at = (i + 3 < s.size() && s[i + 3] == ':') ? i + 4 : i + 3;
        const int om = Number(s, m_at, 2);
        if (oh >= 0 && oh <= 14) {
          std::snprintf(buf, sizeof buf, "%c%02d:%02d", s[i], oh, om < 0 ? 0 : om);
          out += buf;
        }
      }
    }
    return out;
  }
  FoundDate found;
  if (s.size() <= 80 && FindDate(s, &found)) return found.iso;
  return "";
}

std::string DateFromUrl(std::string_view url) {
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    const int y = Number(url, i + 1, 4);
    if (y < 1990 || y > 2100) continue;
    const char sep = i + 5 < url.size() ? url[i + 5] : 0;
    int mo = -1, d = -1;
    if (sep == '/' || sep == '-' || sep == '_') {
      mo = Number(url, i + 6, 2);
      if (i + 8 < url.size() && url[i + 8] == sep) d = Number(url, i + 9, 2);
    } else {
      mo = Number(url, i + 5, 2);
      d = Number(url, i + 7, 2);
      if (i + 9 < url.size() && IsDigit(url[i + 9])) continue;  // a longer number
    }
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
      return buf;
    }
  }
  return "";
}

std::string StripSiteName(std::string_view title, std::string_view site) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ",
                                                     " · ", " • ", " « ", " » "};
  std::string best(title);
  for (std::string_view sep : kSeparators) {
    const size_t at = title.rfind(sep);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view head = title.substr(0, at);
    const std::string_view tail = title.substr(at + sep.size());
    const size_t tail_words = std::count(tail.begin(), tail.end(), ' ') + 1;
    const size_t head_words = std::count(head.begin(), head.end(), ' ') + 1;
    const bool names_site = !site.empty() && FoldForMatch(tail) == FoldForMatch(site);
    if (names_site || (tail_words <= 4 && head_words >= 2 && head_words >= tail_words)) {
      if (head.size() < best.size()) best = std::string(head);
    }
  }
  return best;
}

std::string ResolveUrl(std::string_view base, std::string_view href) {
  std::string h = Trim(href);
  if (h.empty() || h.starts_with("#") || h.starts_with("javascript:") ||
      h.starts_with("mailto:")) {
    return "";
  }
  if (h.find("://") != std::string::npos) return h;
  const size_t scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return h;
  if (h.starts_with("//")) return std::string(base.substr(0, scheme_end + 1)) + h;
  const size_t host_end = base.find('/', scheme_end + 3);
  const std::string origin(base.substr(0, host_end));
  if (h.starts_with("/")) return origin + h;
  std::string dir(host_end == std::string_view::npos ? std::string(base) + "/"
                                                     : std::string(base.substr(0, base.rfind('/') + 1)));
  return dir + h;
}

Metadata ReadDeclaredMetadata(const HtmlPage& page, std::string_view url) {
  Collected jsonld, site_info, metas, tree;
  ReadTree(page.dom, &jsonld, &site_info, &tree);
  ReadMetas(page, &metas);
  Metadata m;
  m.site = First(jsonld, metas, site_info, [](const Collected& c) { return c.site; });
  std::string title = First(jsonld, metas, tree, [](const Collected& c) { return c.title; });
  if (title.empty()) title = page.title;
  m.title = StripSiteName(title, m.site);
  m.authors = !jsonld.authors.empty() ? jsonld.authors
              : !metas.authors.empty() ? metas.authors
                                       : tree.authors;
  // A site or publication signing its own pages is not an author.
  std::erase_if(m.authors, [&](const std::string& a) {
    return FoldForMatch(a) == FoldForMatch(m.site) ||
           FoldForMatch(a) == FoldForMatch(site_info.site);
  });
  m.published = First(jsonld, metas, tree, [](const Collected& c) { return c.published; });
  if (m.published.empty()) m.published = DateFromUrl(url);
  m.modified = First(jsonld, metas, tree, [](const Collected& c) { return c.modified; });
  m.section = First(jsonld, metas, tree, [](const Collected& c) { return c.section; });
  m.canonical_url = First(tree, metas, jsonld, [](const Collected& c) { return c.canonical; });
  if (!m.canonical_url.empty() && !url.empty()) m.canonical_url = ResolveUrl(url, m.canonical_url);
  std::string lang = PrimaryLanguageSubtag(page.lang);
  if (lang.empty()) lang = PrimaryLanguageSubtag(jsonld.language);
  if (lang.empty()) lang = PrimaryLanguageSubtag(metas.language);
  m.language = lang;
  return m;
}

}  // namespace newsmill::extract
