// Accumulates visible text into HtmlBlocks (internal header).
//
// The tree walk reports structure (a block opens or closes, a line break, a
// link or <pre> starts or ends) and text; this class owns everything about
// the text itself: whitespace collapsing, trimming, dropping empty blocks,
// and the link statistics of each block.
#ifndef NEWSMILL_HTML_BLOCK_BUILDER_H_
#define NEWSMILL_HTML_BLOCK_BUILDER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsmill/html.h"

namespace newsmill::html {

class BlockBuilder {
 public:
  explicit BlockBuilder(std::vector<HtmlBlock>* out) : out_(out) {}

  // A block element starts or ends: either way the current block is over.
  void OpenBlock(HtmlBlock::Tag tag);
  void CloseBlock();
  // <br> and <hr>: scraped text treats a line break as a new block.
  void Break() { Flush(); }

  // Inside <pre> whitespace is kept as written.
  void EnterPre() { ++pre_depth_; }
  void LeavePre() { --pre_depth_; }

  // Text added until LeaveLink belongs to the link `id` (unique per <a>).
  void EnterLink(size_t id, std::string_view href);
  void LeaveLink();

  // `parent` is the element the text belongs to (HtmlBlock::node).
  void AddText(std::string_view text, NodeId parent = kNoNode);

  // Ends the current block; emits it unless it is empty.
  void Flush();

 private:
  void AppendVisible(std::string_view bytes);
  void AppendPre(std::string_view text);
  void StartBlockIfEmpty();

  std::vector<HtmlBlock>* out_;
  std::vector<HtmlBlock::Tag> open_tags_;  // enclosing block elements
  int pre_depth_ = 0;
  size_t link_id_ = 0;  // 0: not inside a link
  NodeId text_parent_ = kNoNode;
  NodeId block_node_ = kNoNode;
  std::string link_href_;

  // The block being accumulated.
  HtmlBlock::Tag tag_ = HtmlBlock::Tag::kOther;
  std::string text_;
  bool pending_space_ = false;
  size_t chars_ = 0;       // non-space code points
  size_t link_chars_ = 0;  // ... of which inside <a>
  size_t block_link_id_ = 0;
  std::string block_link_href_;
  bool several_links_ = false;
};

}  // namespace newsmill::html

#endif  // NEWSMILL_HTML_BLOCK_BUILDER_H_
