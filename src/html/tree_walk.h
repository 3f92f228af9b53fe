// The walk over a Dom that fills an HtmlPage's title, metas and blocks
// (internal header).
#ifndef NEWSMILL_HTML_TREE_WALK_H_
#define NEWSMILL_HTML_TREE_WALK_H_

#include "newsmill/dom.h"
#include "newsmill/html.h"

namespace newsmill::html {

// Visits `dom` in document order with an explicit stack (pages can nest far
// deeper than the call stack allows) and fills page->title, metas and
// blocks.
void WalkDom(const Dom& dom, HtmlPage* page);

// True for elements a reader never sees: script, style, head, form
// controls, media, foreign content, and elements hidden by the `hidden`
// attribute, aria-hidden="true" or an inline display:none /
// visibility:hidden.
bool IsInvisible(const Dom& dom, NodeId element);

}  // namespace newsmill::html

#endif  // NEWSMILL_HTML_TREE_WALK_H_
