// Tag ids and tag classes for newsmill's own HTML tree builder (internal
// header).
//
// A tag id is the HtmlTag value for the elements Dom names, then a few
// names the HTML5 tree construction rules single out that Dom does not
// (marquee, big, mi, ...), then ids handed out per parse to other names
// (custom elements, svg children) so that every name can be matched by
// number.
#ifndef NEWSMILL_HTML_FAST_TAGS_H_
#define NEWSMILL_HTML_FAST_TAGS_H_

#include <cstdint>
#include <string_view>

#include "newsmill/dom.h"

namespace newsmill::html::fast {

using TagId = uint32_t;

#define NEWSMILL_FAST_TAG_ID(name) \
  inline constexpr TagId t_##name = static_cast<TagId>(HtmlTag::k_##name);
NEWSMILL_HTML_TAGS(NEWSMILL_FAST_TAG_ID)
#undef NEWSMILL_FAST_TAG_ID

// Names outside HtmlTag with rules of their own.
enum : TagId {
  t_marquee = 200,
  t_big,
  t_image,
  t_basefont,
  t_bgsound,
  t_rb,
  t_rtc,
  t_menuitem,
  t_mi,
  t_mo,
  t_mn,
  t_ms,
  t_mtext,
  t_annotation_xml,
  t_foreignobject,
  t_desc,
  t_mglyph,
  t_malignmark,
  kFirstDynamicTag = 256,
};
static_assert(static_cast<TagId>(HtmlTag::k_xmp) < t_marquee);

// The id of a lower-case name that Dom or the rules know; kFirstDynamicTag
// when neither does.
TagId KnownTagId(std::string_view lower_case_name);

// Tag classes, as bits. An element's classes depend on its namespace: an
// svg <title> is not the HTML <title>.
enum TagClass : uint32_t {
  kSpecial = 1u << 0,        // HTML5 "special" category
  kScope = 1u << 1,          // bounds "has an element in scope"
  kButtonScope = 1u << 2,    // ... in button scope (kScope + button)
  kListScope = 1u << 3,      // ... in list item scope (kScope + ol, ul)
  kTableScope = 1u << 4,     // html, table, template
  kSpecialNotAdp = 1u << 5,  // special but not address, div or p
  kModeReset = 1u << 6,      // elements "reset the insertion mode" looks at
  kHtmlNamespace = 1u << 7,
  kSelectScope = 1u << 8,  // everything but option and optgroup
  kFormatting = 1u << 9,
  kImpliedEnd = 1u << 10,  // closed by "generate implied end tags"
  kVoid = 1u << 11,
  kClosesP = 1u << 12,  // a start tag that closes an open <p>
  kHeading = 1u << 13,
  kTableContext = 1u << 14,  // table, tbody, tfoot, thead, tr
};

uint32_t HtmlTagClasses(TagId id);
uint32_t ForeignTagClasses(TagId id);

}  // namespace newsmill::html::fast

#endif  // NEWSMILL_HTML_FAST_TAGS_H_
