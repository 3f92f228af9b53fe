// Reuse of a Dom's storage from one page to the next on the same thread
// (internal header).
#ifndef NEWSMILL_HTML_DOM_RECYCLER_H_
#define NEWSMILL_HTML_DOM_RECYCLER_H_

#include <cstddef>

#include "newsmill/dom.h"

namespace newsmill::html {

// Gives `dom` (done with) back to this thread, so that the next ParseHtml
// on it fills the same node, attribute and string storage instead of
// growing new ones (allocations, copies on growth, page faults: ~1 % of a
// text-only run). `input_bytes` is the size of the HTML it was parsed
// from: the Dom of a page over 4 MiB is freed, not kept, so what a thread
// holds stays small.
void RecycleDom(Dom&& dom, size_t input_bytes);

// The Dom given back last on this thread (empty), or a new one.
Dom TakeRecycledDom();

}  // namespace newsmill::html

#endif  // NEWSMILL_HTML_DOM_RECYCLER_H_
