// The walk over gumbo's tree that fills an HtmlPage (internal header).
#ifndef NEWSMILL_HTML_TREE_WALK_H_
#define NEWSMILL_HTML_TREE_WALK_H_

#include <gumbo.h>

#include <cstddef>

#include "newsmill/html.h"

namespace newsmill::html {

struct WalkStats {
  size_t deepest = 0;          // depth of the deepest node visited
  bool depth_limited = false;  // some nodes were skipped for depth
};

// Visits the tree under `document` in document order with an explicit
// stack (pages can nest far deeper than the call stack allows) and fills
// page->title, metas and blocks. Nodes deeper than max_depth are skipped.
WalkStats WalkTree(const GumboNode* document, size_t max_depth, HtmlPage* page);

}  // namespace newsmill::html

#endif  // NEWSMILL_HTML_TREE_WALK_H_
