// gumbo's tree -> newsmill's Dom (internal header).
#ifndef NEWSMILL_HTML_GUMBO_DOM_H_
#define NEWSMILL_HTML_GUMBO_DOM_H_

#include <gumbo.h>

#include <cstddef>

#include "newsmill/dom.h"

namespace newsmill::html {

// Copies the tree under `document` into `dom` (cleared first), iteratively.
// Nodes deeper than max_depth are left out; returns true when any was.
// `deepest` receives the depth of the deepest node seen.
bool CopyGumboTree(const GumboNode* document, size_t max_depth, Dom* dom,
                   size_t* deepest);

}  // namespace newsmill::html

#endif  // NEWSMILL_HTML_GUMBO_DOM_H_
