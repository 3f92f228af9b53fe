// Finding the article in a parsed page.
//
// 1. Subtrees a reader does not read as the article are set aside: hidden
//    elements, <nav>, <aside>, <footer>, ARIA landmarks other than main,
//    and elements whose class or id say they are page chrome (sharing,
//    comments, related stories, ads, ...), unless they also say they hold
//    the content.
// 2. Every paragraph-like element scores 1 + its commas + its length/100
//    (at most 3), given to its parent, grandparent and great-grandparent
//    in falling shares (text written straight into a container is a
//    paragraph of that container, which takes the first share); an
//    element's total, less its link density and plus or minus what its
//    class says, makes it a candidate for the article's container (the
//    scoring of Arc90's Readability, which Firefox's reader view still
//    uses).
// 3. The best candidate, widened to an ancestor when other strong
//    candidates sit under it, and its siblings that score nearly as well,
//    are the article. Blocks inside them are body text unless they are
//    mostly links, repeat the headline, or are chrome phrases of the
//    lexicon ("Advertisement", "Share this"), and unless they sit in an
//    <article> nested inside another one away from the best candidate
//    (teasers, comments: what HTML means by a nested article), or are the
//    summaries of a list of teaser cards.
// Every other block is labelled with the kind of chrome it sits in.
#include "extract/dom_content.h"

#include <algorithm>
#include <string>

#include "common/utf8.h"
#include "extract/class_signals.h"
#include "extract/dates.h"
#include "extract/lexicon.h"
#include "extract/text_lines.h"
#include "html/tree_walk.h"

namespace newsmill::extract {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

// "class id" of an element, lower case.
std::string ClassAndId(const Dom& dom, NodeId id) {
  const std::string_view cls = dom.attribute(id, "class");
  const std::string_view ident = dom.attribute(id, "id");
  if (cls.empty() && ident.empty()) return "";
  std::string s = LowerAscii(cls);
  s.push_back(' ');
  s += LowerAscii(ident);
  return s;
}

int ClassWeight(const ClassSignals& signals) {
  return (signals.negative ? -25 : 0) + (signals.positive ? 25 : 0);
}

bool IsLandmarkChrome(std::string_view role) {
  return role == "navigation" || role == "complementary" || role == "contentinfo" ||
         role == "banner" || role == "search" || role == "dialog" ||
         role == "alertdialog" || role == "menu" || role == "menubar";
}

// A <footer> of a <blockquote> is the quotation's attribution (HTML's own
// example: "<footer>— Daniel Marsh, chief executive</footer>"), part of
// the story.
bool IsQuotationFooter(const Dom& dom, NodeId id) {
  const DomNode& n = dom.node(id);
  return n.tag == HtmlTag::k_footer && n.parent != kNoNode &&
         dom.node(n.parent).tag == HtmlTag::k_blockquote;
}

// The kind of chrome an element is, from its class and id (the kind groups
// of class_patterns.tsv), its tag and its ARIA role.
ChromeKind KindOfElement(const Dom& dom, NodeId id, const ClassSignals& signals) {
  if (signals.kind != ChromeKind::kOther) return signals.kind;
  if (IsQuotationFooter(dom, id)) return ChromeKind::kOther;
  switch (dom.node(id).tag) {
    case HtmlTag::k_figcaption:
    case HtmlTag::k_figure:
      return ChromeKind::kCaption;
    case HtmlTag::k_nav:
      return ChromeKind::kNav;
    case HtmlTag::k_aside:
      return ChromeKind::kSidebar;
    case HtmlTag::k_footer:
      return ChromeKind::kFooter;
    case HtmlTag::k_header:
      return ChromeKind::kHeader;
    case HtmlTag::k_form:
      return ChromeKind::kCommentForm;
    default:
      break;
  }
  const std::string_view role = dom.attribute(id, "role");
  if (role.empty()) return ChromeKind::kOther;
  if (role == "navigation") return ChromeKind::kNav;
  if (role == "contentinfo") return ChromeKind::kFooter;
  if (role == "banner") return ChromeKind::kHeader;
  if (role == "complementary") return ChromeKind::kSidebar;
  return ChromeKind::kOther;
}

// Whether an element is chrome by its own markup. `by_markup` false leaves
// only invisibility (the retry when the markup misled).
bool IsExcludedByItself(const Dom& dom, NodeId id, const ClassSignals& signals,
                        bool invisible, bool by_markup) {
  const DomNode& n = dom.node(id);
  if (n.type != NodeType::kElement) return false;
  if (invisible || !by_markup) return invisible;
  switch (n.tag) {
    case HtmlTag::k_body:
    case HtmlTag::k_html:
    case HtmlTag::k_article:
    case HtmlTag::k_main:
    case HtmlTag::k_a:
      return false;
    case HtmlTag::k_footer:
      return !IsQuotationFooter(dom, id);
    case HtmlTag::k_nav:
    case HtmlTag::k_aside:
    case HtmlTag::k_form:
    case HtmlTag::k_figure:
    case HtmlTag::k_figcaption:
      return true;
    default:
      break;
  }
  if (signals.unlikely && !signals.maybe) return true;
  const std::string_view role = dom.attribute(id, "role");
  return !role.empty() && IsLandmarkChrome(LowerAscii(role));
}

bool IsParagraphLike(HtmlTag tag) {
  return tag == HtmlTag::k_p || tag == HtmlTag::k_pre || tag == HtmlTag::k_td ||
         tag == HtmlTag::k_blockquote || tag == HtmlTag::k_h2 ||
         tag == HtmlTag::k_h3 || tag == HtmlTag::k_h4;
}

int TagWeight(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::k_div:
    case HtmlTag::k_article:
    case HtmlTag::k_section:
    case HtmlTag::k_main:
      return 5;
    case HtmlTag::k_pre:
    case HtmlTag::k_td:
    case HtmlTag::k_blockquote:
      return 3;
    case HtmlTag::k_address:
    case HtmlTag::k_ol:
    case HtmlTag::k_ul:
    case HtmlTag::k_dl:
    case HtmlTag::k_dd:
    case HtmlTag::k_dt:
    case HtmlTag::k_li:
    case HtmlTag::k_form:
      return -3;
    case HtmlTag::k_h1:
    case HtmlTag::k_h2:
    case HtmlTag::k_h3:
    case HtmlTag::k_h4:
    case HtmlTag::k_h5:
    case HtmlTag::k_h6:
    case HtmlTag::k_th:
      return -5;
    default:
      return 0;
  }
}

struct NodeStats {
  bool excluded = false;
  ChromeKind kind = ChromeKind::kOther;  // of the excluded subtree's root
  uint32_t chars = 0;       // visible non-space bytes below
  uint32_t link_chars = 0;  // ... of which inside <a>
  uint32_t own_chars = 0;   // in text children directly
  uint32_t commas = 0;
  uint32_t own_commas = 0;  // in text children directly
  uint32_t good_chars = 0;  // in paragraphs below that are not mostly links
  bool good_chars_self = false;  // a paragraph counted in good_chars
  double score = 0;
  bool candidate = false;
};

// Commas of the world's scripts, as Readability counts them, and the
// ideographic comma of Chinese and Japanese text.
bool IsComma(char32_t c) {
  switch (c) {
    case U',':
    case U'\u060C':  // Arabic
    case U'\u3001':  // ideographic
    case U'\uFF0C':  // fullwidth
    case U'\uFE50':
    case U'\uFE10':
    case U'\uFE11':
    case U'\u2E41':
    case U'\u2E34':
    case U'\u2E32':
      return true;
    default:
      return false;
  }
}

// Visible code points (not spaces), and the commas among them.
uint32_t CountVisible(std::string_view text, uint32_t* commas) {
  uint32_t n = 0;
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      if (byte == ' ' || byte == '\n' || byte == '\t' || byte == '\r' || byte == '\f') continue;
      ++n;
      if (byte == ',') ++*commas;
      continue;
    }
    ++n;
    if (IsComma(utf8::Next(text, &i))) ++*commas;
  }
  return n;
}

// What does not change between the finder's runs on one page: each
// element's class and id, what is invisible, and how much visible text
// every text node and subtree holds. Computed once, in three linear passes.
struct PageFacts {
  explicit PageFacts(const Dom& dom);

  std::vector<ClassSignals> signals;  // what each element's class and id say
  std::vector<uint8_t> invisible;     // the element or an ancestor is hidden
  std::vector<uint32_t> text_chars;   // text nodes: visible characters
  std::vector<uint32_t> text_commas;  // text nodes: commas
  std::vector<uint32_t> raw_chars;    // visible characters below, all kept
  // The kind of chrome the nearest ancestor-or-self says it is (kOther
  // when none says anything).
  std::vector<ChromeKind> context_kind;
  uint32_t body_chars = 0;
};

PageFacts::PageFacts(const Dom& dom)
    : signals(dom.size()),
      invisible(dom.size(), 0),
      text_chars(dom.size(), 0),
      text_commas(dom.size(), 0),
      raw_chars(dom.size(), 0),
      context_kind(dom.size(), ChromeKind::kOther) {
  // Parents come before their children in a Dom: forward for inheritance,
  // backward for sums.
  for (NodeId id = 1; id < dom.size(); ++id) {
    const DomNode& n = dom.node(id);
    const bool parent_hidden = n.parent != kNoNode && invisible[n.parent];
    const ChromeKind inherited =
        n.parent != kNoNode ? context_kind[n.parent] : ChromeKind::kOther;
    if (n.type == NodeType::kElement) {
      const std::string_view cls = dom.attribute(id, "class");
      const std::string_view ident = dom.attribute(id, "id");
      if (!cls.empty() || !ident.empty()) {
        signals[id] = ClassMatcher::Default().Match(cls, ident);
      }
      invisible[id] = parent_hidden || html::IsInvisible(dom, id);
      const ChromeKind own = KindOfElement(dom, id, signals[id]);
      context_kind[id] = own != ChromeKind::kOther ? own : inherited;
    } else if (n.type == NodeType::kText && !parent_hidden) {
      text_chars[id] = CountVisible(dom.data(id), &text_commas[id]);
    }
  }
  for (NodeId id = static_cast<NodeId>(dom.size()); id-- > 1;) {
    const NodeId p = dom.node(id).parent;
    if (p == kNoNode) continue;
    raw_chars[p] += dom.node(id).type == NodeType::kText ? text_chars[id] : raw_chars[id];
  }
  const NodeId body = dom.FindFirst(HtmlTag::k_body);
  body_chars = raw_chars[body != kNoNode ? body : Dom::kDocument];
}

class ContentFinder {
 public:
  ContentFinder(const Dom& dom, const PageFacts& facts) : dom_(dom), facts_(facts) {}

  // `by_markup` false: set aside only what is invisible.
  void Run(bool by_markup) {
    stats_.assign(dom_.size(), NodeStats{});
    MarkExcluded(by_markup);
    CountText();
    Score();
    Choose();
    MarkNestedArticles();
    in_chosen_.assign(dom_.size(), false);
    for (NodeId id = 0; id < dom_.size(); ++id) {
      const NodeId p = dom_.node(id).parent;
      in_chosen_[id] =
          !nested_article_[id] && (chosen_[id] || (p != kNoNode && in_chosen_[p]));
    }
  }

  bool InArticle(NodeId id, ChromeKind* kind) const;

 private:
  void MarkExcluded(bool by_markup);
  void CountText();
  void Score();
  void Choose();
  void MarkNestedArticles();
  double LinkDensity(NodeId id) const {
    const NodeStats& s = stats_[id];
    return s.chars ? static_cast<double>(s.link_chars) / s.chars : 0;
  }

  const Dom& dom_;
  const PageFacts& facts_;
  std::vector<NodeStats> stats_;
  std::vector<bool> chosen_;
  std::vector<bool> in_chosen_;  // chosen, or below a chosen element
  // Inside an <article> that is inside another and does not hold the best
  // scoring element: a teaser or a comment (HTML's meaning of a nested
  // article), not part of the story.
  std::vector<bool> nested_article_;
  NodeId best_ = kNoNode;
  NodeId top_scored_ = kNoNode;  // the best candidate before any widening
};

// Parents come before their children in a Dom, so one forward pass sees a
// parent's verdict before its children.
void ContentFinder::MarkExcluded(bool by_markup) {
  for (NodeId id = 1; id < dom_.size(); ++id) {
    const DomNode& n = dom_.node(id);
    if (n.type != NodeType::kElement) continue;
    const NodeId p = n.parent;
    // Markup that calls most of the page chrome (a <form> around the whole
    // page, a wrapper named "header-style-2") is not describing chrome.
    const bool most_of_page = facts_.raw_chars[id] * 2 > facts_.body_chars;
    if (p != kNoNode && stats_[p].excluded) {
      stats_[id].excluded = true;
      stats_[id].kind = stats_[p].kind;
    } else if (IsExcludedByItself(dom_, id, facts_.signals[id], facts_.invisible[id],
                                  by_markup && !most_of_page)) {
      stats_[id].excluded = true;
      stats_[id].kind = facts_.context_kind[id];
    }
  }
}

// Children come after their parents, so one backward pass sums subtrees.
void ContentFinder::CountText() {
  for (NodeId id = static_cast<NodeId>(dom_.size()); id-- > 1;) {
    const DomNode& n = dom_.node(id);
    const NodeId p = n.parent;
    if (n.type == NodeType::kText) {
      if (p == kNoNode || stats_[p].excluded) continue;
      const uint32_t commas = facts_.text_commas[id];
      const uint32_t chars = facts_.text_chars[id];
      stats_[p].chars += chars;
      stats_[p].own_chars += chars;
      stats_[p].commas += commas;
      stats_[p].own_commas += commas;
      if (dom_.is_element(p, HtmlTag::k_a)) stats_[p].link_chars += chars;
      continue;
    }
    if (n.type != NodeType::kElement || stats_[id].excluded || p == kNoNode) continue;
    NodeStats& s = stats_[id];
    if (n.tag == HtmlTag::k_a) s.link_chars = s.chars;
    stats_[p].chars += s.chars;
    stats_[p].link_chars += s.link_chars;
    stats_[p].commas += s.commas;
  }
}

void ContentFinder::Score() {
  for (NodeId id = 1; id < dom_.size(); ++id) {
    const DomNode& n = dom_.node(id);
    if (n.type != NodeType::kElement || stats_[id].excluded) continue;
    const NodeStats& s = stats_[id];
    // Paragraph-like elements, and containers that hold text directly
    // (pages that write paragraphs as <div>text<br><br>text</div>). Such a
    // container's paragraph is its own text, not what its children hold.
    const bool paragraph_tag = IsParagraphLike(n.tag) && s.chars >= 25;
    if (!paragraph_tag && s.own_chars < 80) continue;
    const uint32_t chars = paragraph_tag ? s.chars : s.own_chars;
    const uint32_t commas = paragraph_tag ? s.commas : s.own_commas;
    const double density = paragraph_tag ? LinkDensity(id) : n.tag == HtmlTag::k_a ? 1 : 0;
    if (density < 0.35) {
      // Counted once, at the outermost paragraph: nested ones are inside it.
      bool nested = false;
      for (NodeId a = n.parent; a != kNoNode; a = dom_.node(a).parent) {
        if (stats_[a].good_chars_self) {
          nested = true;
          break;
        }
      }
      if (!nested) {
        stats_[id].good_chars_self = paragraph_tag;
        for (NodeId a = id; a != kNoNode; a = dom_.node(a).parent) {
          stats_[a].good_chars += chars;
        }
      }
    }
    const double score = 1.0 + commas + std::min(3.0, chars / 100.0);
    // Text written straight into a container is that container's paragraph
    // (Readability wraps such text in a <p> of its own): the container is
    // the first to receive its score.
    NodeId ancestor = paragraph_tag ? n.parent : id;
    for (int level = 0; level < 3 && ancestor != kNoNode && ancestor != Dom::kDocument;
         ++level, ancestor = dom_.node(ancestor).parent) {
      NodeStats& a = stats_[ancestor];
      if (!a.candidate) {
        a.candidate = true;
        a.score = TagWeight(dom_.node(ancestor).tag) +
                  ClassWeight(facts_.signals[ancestor]);
      }
      const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3.0;
      a.score += score / divider;
    }
  }
}

void ContentFinder::Choose() {
  chosen_.assign(dom_.size(), false);
  std::vector<std::pair<double, NodeId>> top;
  for (NodeId id = 1; id < dom_.size(); ++id) {
    if (!stats_[id].candidate) continue;
    stats_[id].score *= 1.0 - LinkDensity(id);
    top.emplace_back(stats_[id].score, id);
  }
  if (top.empty()) {
    const NodeId body = dom_.FindFirst(HtmlTag::k_body);
    best_ = body != kNoNode ? body : Dom::kDocument;
    chosen_[best_] = true;
    return;
  }
  std::sort(top.begin(), top.end(), std::greater<>());
  best_ = top[0].second;
  top_scored_ = best_;
  const double best_score = top[0].first;
  // Widen to a common ancestor when several strong candidates sit under it
  // (an article split into sections, each scored on its own).
  std::vector<NodeId> strong;
  for (size_t i = 1; i < top.size() && i < 5; ++i) {
    if (top[i].first >= 0.75 * best_score) strong.push_back(top[i].second);
  }
  if (strong.size() >= 2) {
    for (NodeId a = dom_.node(best_).parent; a != kNoNode && a != Dom::kDocument;
         a = dom_.node(a).parent) {
      if (dom_.is_element(a, HtmlTag::k_body)) break;
      size_t under = 0;
      for (NodeId s : strong) {
        for (NodeId x = s; x != kNoNode; x = dom_.node(x).parent) {
          if (x == a) {
            ++under;
            break;
          }
        }
      }
      if (under >= 2) {
        best_ = a;
        break;
      }
    }
  }
  // An article cut into sections (around ads, figures, pull quotes) scores
  // each section on its own. Climb while what the parent adds is mostly
  // good paragraphs rather than links and short lines.
  while (true) {
    const NodeId p = dom_.node(best_).parent;
    if (p == kNoNode || dom_.node(p).type != NodeType::kElement ||
        dom_.is_element(p, HtmlTag::k_body) || dom_.is_element(p, HtmlTag::k_html)) {
      break;
    }
    const NodeStats& cur = stats_[best_];
    const NodeStats& up = stats_[p];
    const double good_gain = static_cast<double>(up.good_chars) - cur.good_chars;
    const double bad_gain = static_cast<double>(up.chars - up.good_chars) -
                            static_cast<double>(cur.chars - cur.good_chars);
    if (good_gain < 0 || good_gain < 5 * bad_gain) break;
    best_ = p;
  }
  // An only child says nothing about where the article ends.
  while (dom_.node(best_).parent != kNoNode &&
         dom_.node(dom_.node(best_).parent).type == NodeType::kElement &&
         !dom_.is_element(dom_.node(best_).parent, HtmlTag::k_body)) {
    const NodeId p = dom_.node(best_).parent;
    size_t element_children = 0;
    for (NodeId c = dom_.node(p).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
      element_children += dom_.node(c).type == NodeType::kElement;
    }
    if (element_children != 1) break;
    best_ = p;
  }
  chosen_[best_] = true;
  // Siblings that score nearly as well, or are good paragraphs of their own.
  const NodeId parent = dom_.node(best_).parent;
  if (parent == kNoNode) return;
  const double threshold = std::max(10.0, stats_[best_].score * 0.2);
  for (NodeId c = dom_.node(parent).first_child; c != kNoNode; c = dom_.node(c).next_sibling) {
    if (c == best_ || dom_.node(c).type != NodeType::kElement || stats_[c].excluded) continue;
    const NodeStats& s = stats_[c];
    // Readability's bonus for siblings dressed like the best candidate.
    const std::string class_id = ClassAndId(dom_, c);
    const double bonus = !class_id.empty() && class_id == ClassAndId(dom_, best_)
                             ? best_score * 0.2
                             : 0;
    bool take = s.candidate && s.score + bonus >= threshold;
    if (!take && dom_.is_element(c, HtmlTag::k_p)) {
      const double density = LinkDensity(c);
      take = (s.chars > 80 && density < 0.25) ||
             (s.chars > 0 && s.chars <= 80 && density == 0 && s.commas + 1 > 1);
    }
    if (take) chosen_[c] = true;
  }
}

// Parents come before their children: one forward pass.
void ContentFinder::MarkNestedArticles() {
  nested_article_.assign(dom_.size(), false);
  if (top_scored_ == kNoNode) return;
  std::vector<bool> holds_top(dom_.size(), false);
  for (NodeId x = top_scored_; x != kNoNode; x = dom_.node(x).parent) holds_top[x] = true;
  std::vector<uint8_t> articles_above(dom_.size(), 0);  // <article> ancestors, capped
  for (NodeId id = 1; id < dom_.size(); ++id) {
    const NodeId p = dom_.node(id).parent;
    if (p == kNoNode) continue;
    articles_above[id] = articles_above[p];
    nested_article_[id] = nested_article_[p];
    if (!dom_.is_element(id, HtmlTag::k_article)) continue;
    if (articles_above[id] > 0 && !holds_top[id]) nested_article_[id] = true;
    if (articles_above[id] < 2) ++articles_above[id];
  }
}

bool ContentFinder::InArticle(NodeId id, ChromeKind* kind) const {
  if (id == kNoNode) return false;
  if (nested_article_[id] && !stats_[id].excluded) {
    *kind = facts_.context_kind[id] != ChromeKind::kOther ? facts_.context_kind[id]
                                                          : ChromeKind::kRelated;
    return false;
  }
  if (stats_[id].excluded) {
    *kind = stats_[id].kind;
    return false;
  }
  if (in_chosen_[id]) return true;
  // Outside the article: say what kind of chrome, from the nearest
  // ancestor that tells.
  *kind = facts_.context_kind[id];
  return false;
}

// An e-mail address, a URL or a bare domain name and nothing else.
bool IsAddressOnly(std::string_view text) {
  const bool has_marker = text.find('@') != std::string_view::npos ||
                          text.find("://") != std::string_view::npos ||
                          text.find(".com") != std::string_view::npos ||
                          text.find("www.") != std::string_view::npos;
  return has_marker && text.find(' ') == std::string_view::npos;
}

// The page's <h1>, or a heading that repeats its title.
bool IsHeadline(const Dom& dom, const HtmlBlock& block, const std::string& folded_title) {
  if (block.tag != HtmlBlock::Tag::kHeading) return false;
  for (NodeId x = block.node; x != kNoNode; x = dom.node(x).parent) {
    if (dom.is_element(x, HtmlTag::k_h1)) return true;
    if (dom.node(x).type == NodeType::kElement &&
        LookupHtmlTag(dom.data(x)) != HtmlTag::kUnknown &&
        dom.node(x).tag >= HtmlTag::k_h1 && dom.node(x).tag <= HtmlTag::k_h6) {
      break;
    }
  }
  if (folded_title.empty()) return false;
  const std::string text = FoldForMatch(block.text);
  return text == folded_title ||
         (text.size() >= 20 && folded_title.starts_with(text));
}

bool IsAncestorOrSelf(const Dom& dom, NodeId ancestor, NodeId id) {
  for (NodeId x = id; x != kNoNode; x = dom.node(x).parent) {
    if (x == ancestor) return true;
  }
  return false;
}

size_t Depth(const Dom& dom, NodeId id) {
  size_t depth = 0;
  for (NodeId x = dom.node(id).parent; x != kNoNode; x = dom.node(x).parent) ++depth;
  return depth;
}

// Linear in the depth (a page may nest hundreds of levels deep).
NodeId CommonAncestor(const Dom& dom, NodeId a, NodeId b) {
  if (a == kNoNode || b == kNoNode) return Dom::kDocument;
  size_t da = Depth(dom, a), db = Depth(dom, b);
  for (; da > db; --da) a = dom.node(a).parent;
  for (; db > da; --db) b = dom.node(b).parent;
  while (a != b && a != kNoNode && b != kNoNode) {
    a = dom.node(a).parent;
    b = dom.node(b).parent;
  }
  return a != kNoNode ? a : Dom::kDocument;
}

// Teaser lists ("Most popular", "More from the site"): a linked title,
// then a line or two of summary, again and again. The titles are set aside
// as links; their summaries are not the story either. A title is a block
// that is one link; a summary is a short block right after it; three or
// more such pairs with at most two short lines (dates, authors) between
// them make a list, when each pair has an element of its own (a card):
// a story that lists linked items with a line on each, as paragraphs of
// its body, is not a teaser list.
void SetAsideTeaserSummaries(const HtmlPage& page, std::vector<BlockVerdict>* verdicts) {
  constexpr size_t kMaxSummaryWords = 45;
  constexpr size_t kMaxTitleWords = 20;
  constexpr size_t kMaxGapBlocks = 2;
  constexpr size_t kMinPairs = 3;
  const auto& blocks = page.blocks;
  std::vector<size_t> run;  // summaries of the current run
  size_t last_summary = 0;
  auto close_run = [&] {
    if (run.size() >= kMinPairs) {
      for (size_t j : run) {
        (*verdicts)[j].article = false;
        (*verdicts)[j].kind = ChromeKind::kRelated;
      }
    }
    run.clear();
  };
  for (size_t i = 0; i + 1 < blocks.size(); ++i) {
    const HtmlBlock& title = blocks[i];
    const HtmlBlock& summary = blocks[i + 1];
    const bool is_title = title.link_density >= 0.9f && CountWords(title.text) <= kMaxTitleWords;
    const bool is_summary = (*verdicts)[i + 1].article && summary.link_density < 0.5f &&
                            CountWords(summary.text) <= kMaxSummaryWords;
    if (!is_title || !is_summary) continue;
    const NodeId card = CommonAncestor(page.dom, title.node, summary.node);
    if (!run.empty()) {
      bool joined = i > last_summary && i - last_summary - 1 <= kMaxGapBlocks &&
                    !IsAncestorOrSelf(page.dom, card, blocks[last_summary].node);
      for (size_t k = last_summary + 1; joined && k < i; ++k) {
        joined = CountWords(blocks[k].text) <= 12;
      }
      if (!joined) close_run();
    }
    run.push_back(i + 1);
    last_summary = i + 1;
  }
  close_run();
}

// Text shorter than this is not an article; the finder tries again
// trusting less of the markup (as Readability retries with its flags off).
constexpr size_t kMinArticleChars = 250;

std::vector<BlockVerdict> Classify(const HtmlPage& page, const PageFacts& facts,
                                   std::string_view title, bool by_markup,
                                   size_t* article_chars) {
  ContentFinder finder(page.dom, facts);
  finder.Run(by_markup);
  const ChromeLexicon& lexicon = ChromeLexicon::Default();
  const std::string folded_title = FoldForMatch(title);
  std::vector<BlockVerdict> verdicts(page.blocks.size());
  *article_chars = 0;
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const HtmlBlock& block = page.blocks[i];
    BlockVerdict& v = verdicts[i];
    v.article = finder.InArticle(block.node, &v.kind);
    if (!v.article) {
      if (v.kind == ChromeKind::kOther && IsHeadline(page.dom, block, folded_title)) {
        v.kind = ChromeKind::kHeadline;
      }
      continue;
    }
    const size_t words = CountWords(block.text);
    LexiconHit hit;
    FoundDate date;
    if (MatchChrome(lexicon, block.text, words, &hit)) {
      v.article = false;
      v.kind = hit.kind;
    } else if (block.link_density > 0.5 && words * (1 - block.link_density) < 8) {
      // Mostly a link, and little besides: a teaser or a menu entry. (A
      // list item that opens with a linked phrase and goes on is prose.)
      v.article = false;
      v.kind = ChromeKind::kRelated;
    } else if (IsHeadline(page.dom, block, folded_title)) {
      v.article = false;
      v.kind = ChromeKind::kHeadline;
    } else if (block.text.starts_with("<") && block.text.find("=\"") != std::string::npos) {
      // Markup shown as text: a <noscript> tracking pixel that the parser
      // read as raw text.
      v.article = false;
      v.kind = ChromeKind::kOther;
    } else if (words <= 3 && IsAddressOnly(block.text)) {
      // "paul.takahashi@chron.com", "twitter.com/paultakahashi".
      v.article = false;
      v.kind = ChromeKind::kOther;
    } else if (words <= 10 && block.text.find("(@") == std::string::npos &&
               FindDate(block.text, &date)) {
      // "November 20, 2019 / 1:07 AM / CBS News": a dateline, not prose.
      v.article = false;
      v.kind = ChromeKind::kByline;
    }
  }
  SetAsideTeaserSummaries(page, &verdicts);
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    if (verdicts[i].article) *article_chars += page.blocks[i].text.size();
  }
  return verdicts;
}

}  // namespace

std::vector<BlockVerdict> ClassifyBlocks(const HtmlPage& page, std::string_view title) {
  const PageFacts facts(page.dom);
  size_t chars = 0;
  std::vector<BlockVerdict> verdicts = Classify(page, facts, title, true, &chars);
  if (chars >= kMinArticleChars) return verdicts;
  size_t retry_chars = 0;
  std::vector<BlockVerdict> retry = Classify(page, facts, title, false, &retry_chars);
  return retry_chars > chars ? retry : verdicts;
}

}  // namespace newsmill::extract
