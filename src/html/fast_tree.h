// The tree builder of newsmill's own HTML parser (internal header).
//
// HTML5 tree construction, insertion mode by insertion mode, as far as it
// decides where text ends up: implied html/head/body, implied end tags,
// tables with foster parenting, select, foreign content (svg, math) and
// framesets. What only shapes the tree without moving text is simplified:
// formatting elements are not reconstructed and misnested ones are closed
// rather than cloned (the adoption agency algorithm in one step), and
// <template> content is parsed like body content.
//
// Linear time: the stack of open elements keeps, for every entry, the
// topmost entry at or below it in each scope class, and for every tag the
// topmost open element with that tag, so "is X in scope" and "which open
// element does this end tag close" are O(1) instead of stack scans.
#ifndef NEWSMILL_HTML_FAST_TREE_H_
#define NEWSMILL_HTML_FAST_TREE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "html/fast_tags.h"
#include "html/fast_tokenizer.h"
#include "newsmill/dom.h"

namespace newsmill::html::fast {

inline constexpr uint32_t kNone = 0xFFFFFFFFu;

enum class Mode : uint8_t {
  kInitial,
  kBeforeHtml,
  kBeforeHead,
  kInHead,
  kInHeadNoscript,
  kAfterHead,
  kInBody,
  kText,
  kInTable,
  kInCaption,
  kInColumnGroup,
  kInTableBody,
  kInRow,
  kInCell,
  kInSelect,
  kInSelectInTable,
  kAfterBody,
  kInFrameset,
  kAfterFrameset,
  kAfterAfterBody,
};

enum class Ns : uint8_t { kHtml, kSvg, kMath };

class TreeBuilder {
 public:
  TreeBuilder(std::string_view html, size_t max_depth, Dom* dom);
  // Builds the whole tree; true when content deeper than max_depth was left
  // out.
  bool Run();

 private:
  // One entry of the stack of open elements.
  static constexpr int kMarkCount = 9;  // the first 9 TagClass bits
  struct Open {
    NodeId node;  // kNoNode when left out (too deep)
    TagId id;
    uint32_t classes;            // TagClass bits
    uint32_t prev_same;          // the entry below with the same id, or kNone
    uint32_t depth;              // of the node: html is 1
    uint32_t marks[kMarkCount];  // topmost entry at or below per class
    NodeId foster_after;         // tables: foster-parented nodes go after this
    uint32_t serial;             // tells entries that reused an index apart
    Ns ns;
    bool html_integration;  // svg foreignObject/desc/title, annotation-xml
    bool dead;              // removed from the middle of the stack
  };
  struct Location {
    NodeId parent;
    uint32_t depth;         // of the parent
    uint32_t foster_table;  // stack index of the table, or kNone
  };

  // -- Stack of open elements (fast_tree.cc) ------------------------------
  const Open& Top() const { return stack_.back(); }
  TagId TopId() const { return stack_.back().id; }
  bool TopIs(TagId id) const {
    return stack_.back().id == id && stack_.back().ns == Ns::kHtml;
  }
  bool TopHas(uint32_t tag_class) const {
    return (stack_.back().classes & tag_class) != 0;
  }
  uint32_t Mark(uint32_t tag_class) const;
  uint32_t Topmost(TagId id) const {
    return id < last_.size() ? last_[id] : kNone;
  }
  bool InScope(TagId id, uint32_t scope) const;
  void Push(NodeId node, TagId id, Ns ns, uint32_t depth, bool integration);
  void Pop();
  void PopTo(uint32_t index);  // pops entries until the stack has `index`
  void PopUntil(TagId id);     // pops up to and including the topmost `id`
  void Remove(uint32_t index, bool recompute);
  uint32_t SkipDead(uint32_t index) const;
  void ComputeMarks(uint32_t index);
  void GenerateImpliedEndTags(TagId except);
  void ClosePInButtonScope();

  // -- Insertion (fast_tree.cc) --------------------------------------------
  TagId IdOf(std::string_view name);
  Location Where() const;
  NodeId NewNode(const Location& at, uint32_t depth, HtmlTag tag,
                 std::string_view name);
  void InsertElement(const FastToken& t, Ns ns);
  void InsertSynthetic(TagId id);
  void InsertVoid(const FastToken& t) {
    InsertElement(t, Ns::kHtml);
    Pop();
  }
  void InsertRaw(const FastToken& t, RawKind kind);
  void InsertText(std::string_view text);
  void ResetMode();

  // -- Insertion modes (fast_parser.cc) -----------------------------------
  void Process(FastToken& t);
  bool Step(FastToken& t);  // true: reprocess the token (mode changed)
  bool StepMode(FastToken& t);
  bool UseForeignRules(const FastToken& t) const;
  bool Foreign(FastToken& t);
  bool Initial(FastToken& t);
  bool BeforeHtml(FastToken& t);
  bool BeforeHead(FastToken& t);
  bool InHead(FastToken& t);
  bool InHeadNoscript(FastToken& t);
  bool AfterHead(FastToken& t);
  bool InBody(FastToken& t);
  bool BodyStartTag(FastToken& t);
  bool BodyEndTag(FastToken& t);
  void AdoptionAgency();
  void AnyOtherEndTag();
  bool TextMode(FastToken& t);
  bool InTable(FastToken& t);
  bool InCaption(FastToken& t);
  bool InColumnGroup(FastToken& t);
  bool InTableBody(FastToken& t);
  bool InRow(FastToken& t);
  bool InCell(FastToken& t);
  bool InSelect(FastToken& t);
  bool InSelectInTable(FastToken& t);
  bool AfterBody(FastToken& t);
  bool InFrameset(FastToken& t);
  // Pops until the current node is html, template, a, b or c.
  void ClearTo(TagId a, TagId b, TagId c);
  void CloseCell();
  bool FormIsOpen() const;

  Dom* dom_;
  FastTokenizer tokenizer_;
  size_t max_depth_;
  bool cut_ = false;

  std::vector<Open> stack_;
  std::vector<uint32_t> last_;  // per tag id: topmost open entry
  std::unordered_map<std::string, TagId> dynamic_ids_;
  TagId next_dynamic_id_ = kFirstDynamicTag;

  Mode mode_ = Mode::kInitial;
  Mode text_return_mode_ = Mode::kInBody;  // after a raw text element
  TagId id_ = 0;                           // the current tag token's id
  bool quirks_ = false;
  bool foster_ = false;
  bool ignore_lf_ = false;  // drop a newline right after <pre>, <textarea>
  bool head_seen_ = false;
  NodeId head_node_ = kNoNode;
  uint32_t head_depth_ = 2;
  // The form element pointer: the entry (index and serial) of the open
  // <form>, kNone when there is none. It outlives the element's closing.
  uint32_t form_index_ = kNone;
  uint32_t form_serial_ = kNone;
  uint32_t next_serial_ = 0;
};

}  // namespace newsmill::html::fast

#endif  // NEWSMILL_HTML_FAST_TREE_H_
