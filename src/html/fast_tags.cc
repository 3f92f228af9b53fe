#include "html/fast_tags.h"

#include <array>

namespace newsmill::html::fast {
namespace {

struct Extra {
  std::string_view name;
  TagId id;
};

constexpr Extra kExtras[] = {
    {"annotation-xml", t_annotation_xml},
    {"basefont", t_basefont},
    {"bgsound", t_bgsound},
    {"big", t_big},
    {"desc", t_desc},
    {"foreignobject", t_foreignobject},
    {"image", t_image},
    {"malignmark", t_malignmark},
    {"marquee", t_marquee},
    {"menuitem", t_menuitem},
    {"mglyph", t_mglyph},
    {"mi", t_mi},
    {"mn", t_mn},
    {"mo", t_mo},
    {"ms", t_ms},
    {"mtext", t_mtext},
    {"rb", t_rb},
    {"rtc", t_rtc},
};

// Members of each class among HTML elements. The lists follow the HTML5
// tree construction rules as gumbo 0.10 (the reference) implements them:
// elements gumbo does not know (dialog, search) are ordinary there, so
// they are ordinary here.
struct ClassList {
  uint32_t bit;
  std::initializer_list<TagId> ids;
};

const ClassList kHtmlClasses[] = {
    {kSpecial | kSpecialNotAdp,
     {t_applet,   t_area,     t_article,    t_aside,    t_base,
      t_basefont, t_bgsound,  t_blockquote, t_body,     t_br,
      t_button,   t_caption,  t_center,     t_col,      t_colgroup,
      t_dd,       t_details,  t_dir,        t_dl,       t_dt,
      t_embed,    t_fieldset, t_figcaption, t_figure,   t_footer,
      t_form,     t_frame,    t_frameset,   t_h1,       t_h2,
      t_h3,       t_h4,       t_h5,         t_h6,       t_head,
      t_header,   t_hgroup,   t_hr,         t_html,     t_iframe,
      t_img,      t_input,    t_li,         t_link,     t_listing,
      t_main,     t_marquee,  t_menu,       t_menuitem, t_meta,
      t_nav,      t_noembed,  t_noframes,   t_noscript, t_object,
      t_ol,       t_param,    t_plaintext,  t_pre,      t_script,
      t_section,  t_select,   t_source,     t_style,    t_summary,
      t_table,    t_tbody,    t_td,         t_template, t_textarea,
      t_tfoot,    t_th,       t_thead,      t_title,    t_tr,
      t_track,    t_ul,       t_wbr,        t_xmp,      t_keygen}},
    {kSpecial, {t_address, t_div, t_p}},
    {kScope | kButtonScope | kListScope,
     {t_applet, t_caption, t_html, t_table, t_td, t_th, t_marquee, t_object,
      t_template}},
    {kButtonScope, {t_button}},
    {kListScope, {t_ol, t_ul}},
    {kTableScope | kTableContext, {t_table}},
    {kTableScope, {t_html, t_template}},
    {kTableContext, {t_tbody, t_tfoot, t_thead, t_tr}},
    {kModeReset,
     {t_select, t_td, t_th, t_tr, t_tbody, t_thead, t_tfoot, t_caption,
      t_colgroup, t_table, t_template, t_head, t_body, t_frameset, t_html}},
    {kFormatting,
     {t_a, t_b, t_big, t_code, t_em, t_font, t_i, t_nobr, t_s, t_small,
      t_strike, t_strong, t_tt, t_u}},
    {kImpliedEnd,
     {t_dd, t_dt, t_li, t_optgroup, t_option, t_p, t_rb, t_rp, t_rt, t_rtc}},
    {kVoid,
     {t_area, t_base, t_basefont, t_bgsound, t_br, t_col, t_embed, t_hr, t_img,
      t_input, t_keygen, t_link, t_menuitem, t_meta, t_param, t_source, t_track,
      t_wbr, t_frame}},
    {kClosesP,
     {t_address, t_article, t_aside,   t_blockquote, t_center,     t_details,
      t_dir,     t_div,     t_dl,      t_fieldset,   t_figcaption, t_figure,
      t_footer,  t_header,  t_hgroup,  t_main,       t_menu,       t_nav,
      t_ol,      t_p,       t_section, t_summary,    t_ul,         t_h1,
      t_h2,      t_h3,      t_h4,      t_h5,         t_h6,         t_pre,
      t_listing, t_form,    t_li,      t_dd,         t_dt,         t_plaintext,
      t_hr,      t_xmp}},
    {kHeading, {t_h1, t_h2, t_h3, t_h4, t_h5, t_h6}},
};

std::array<uint32_t, kFirstDynamicTag> MakeHtmlTable() {
  std::array<uint32_t, kFirstDynamicTag> t{};
  for (TagId id = 0; id < kFirstDynamicTag; ++id) {
    t[id] = kHtmlNamespace | kSelectScope;
  }
  t[t_option] &= ~kSelectScope;
  t[t_optgroup] &= ~kSelectScope;
  for (const ClassList& list : kHtmlClasses) {
    for (TagId id : list.ids) t[id] |= list.bit;
  }
  return t;
}

const std::array<uint32_t, kFirstDynamicTag>& HtmlTable() {
  static const std::array<uint32_t, kFirstDynamicTag> table = MakeHtmlTable();
  return table;
}

}  // namespace

TagId KnownTagId(std::string_view name) {
  const HtmlTag tag = LookupHtmlTag(name);
  if (tag != HtmlTag::kUnknown) return static_cast<TagId>(tag);
  for (const Extra& e : kExtras) {
    if (e.name == name) return e.id;
  }
  return kFirstDynamicTag;
}

uint32_t HtmlTagClasses(TagId id) {
  return id < kFirstDynamicTag ? HtmlTable()[id]
                               : kHtmlNamespace | kSelectScope;
}

uint32_t ForeignTagClasses(TagId id) {
  // MathML text integration points and SVG HTML integration points bound
  // scopes like applet or td do.
  switch (id) {
    case t_mi:
    case t_mo:
    case t_mn:
    case t_ms:
    case t_mtext:
    case t_annotation_xml:
    case t_foreignobject:
    case t_desc:
    case t_title:
      return kSpecial | kSpecialNotAdp | kScope | kButtonScope | kListScope |
             kSelectScope;
    default:
      return kSelectScope;
  }
}

}  // namespace newsmill::html::fast
