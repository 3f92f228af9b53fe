// The "in body" insertion mode of the fast tree builder: start and end
// tags.
#include <algorithm>
#include <initializer_list>

#include "html/fast_tree.h"

namespace newsmill::html::fast {
namespace {

bool In(TagId id, std::initializer_list<TagId> ids) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

uint32_t Higher(uint32_t a, uint32_t b) {
  if (a == kNone) return b;
  if (b == kNone) return a;
  return std::max(a, b);
}

bool IsTableMode(Mode m) {
  return m == Mode::kInTable || m == Mode::kInCaption ||
         m == Mode::kInTableBody || m == Mode::kInRow || m == Mode::kInCell;
}

}  // namespace

bool TreeBuilder::BodyStartTag(FastToken& t) {
  switch (id_) {
    case t_html:
    case t_body:
    case t_frameset:
      return false;  // their attributes are not merged
    case t_base:
    case t_basefont:
    case t_bgsound:
    case t_link:
    case t_meta:
    case t_noframes:
    case t_script:
    case t_style:
    case t_template:
    case t_title:
      return InHead(t);
    case t_li:
    case t_dd:
    case t_dt: {
      // Close the open item of the same list, unless a special element
      // (other than address, div, p) lies between.
      const uint32_t item =
          id_ == t_li ? Topmost(t_li) : Higher(Topmost(t_dd), Topmost(t_dt));
      const uint32_t stop = Mark(kSpecialNotAdp);
      if (item != kNone && (stop == kNone || item >= stop)) {
        GenerateImpliedEndTags(stack_[item].id);
        PopTo(item);
      }
      ClosePInButtonScope();
      InsertElement(t, Ns::kHtml);
      return false;
    }
    case t_h1:
    case t_h2:
    case t_h3:
    case t_h4:
    case t_h5:
    case t_h6:
      ClosePInButtonScope();
      if (TopHas(kHeading) && Top().ns == Ns::kHtml) Pop();
      InsertElement(t, Ns::kHtml);
      return false;
    case t_pre:
    case t_listing:
      ClosePInButtonScope();
      InsertElement(t, Ns::kHtml);
      ignore_lf_ = true;
      return false;
    case t_form:
      if (form_serial_ != kNone) return false;
      ClosePInButtonScope();
      InsertElement(t, Ns::kHtml);
      form_index_ = static_cast<uint32_t>(stack_.size() - 1);
      form_serial_ = Top().serial;
      return false;
    case t_plaintext:
      ClosePInButtonScope();
      InsertRaw(t, RawKind::kPlaintext);
      return false;
    case t_xmp:
      ClosePInButtonScope();
      InsertRaw(t, RawKind::kRawText);
      return false;
    case t_hr:
      ClosePInButtonScope();
      InsertVoid(t);
      return false;
    case t_table:
      if (!quirks_) ClosePInButtonScope();
      InsertElement(t, Ns::kHtml);
      mode_ = Mode::kInTable;
      return false;
    case t_button:
      if (InScope(t_button, kScope)) {
        GenerateImpliedEndTags(kNone);
        PopUntil(t_button);
      }
      InsertElement(t, Ns::kHtml);
      return false;
    case t_area:
    case t_br:
    case t_embed:
    case t_img:
    case t_keygen:
    case t_wbr:
    case t_image:
    case t_input:
    case t_param:
    case t_source:
    case t_track:
      InsertVoid(t);
      return false;
    case t_textarea:
      InsertRaw(t, RawKind::kRcdata);
      ignore_lf_ = true;
      return false;
    case t_iframe:
    case t_noembed:
      InsertRaw(t, RawKind::kRawText);
      return false;
    case t_select: {
      const bool in_table = IsTableMode(mode_);
      InsertElement(t, Ns::kHtml);
      mode_ = in_table ? Mode::kInSelectInTable : Mode::kInSelect;
      return false;
    }
    case t_optgroup:
    case t_option:
      if (TopIs(t_option)) Pop();
      InsertElement(t, Ns::kHtml);
      return false;
    case t_rb:
    case t_rtc:
    case t_rp:
    case t_rt:
      if (InScope(t_ruby, kScope)) {
        GenerateImpliedEndTags(id_ == t_rp || id_ == t_rt ? t_rtc : kNone);
      }
      InsertElement(t, Ns::kHtml);
      return false;
    case t_math:
    case t_svg:
      InsertElement(t, id_ == t_svg ? Ns::kSvg : Ns::kMath);
      if (t.self_closing) Pop();
      return false;
    case t_caption:
    case t_col:
    case t_colgroup:
    case t_frame:
    case t_head:
    case t_tbody:
    case t_td:
    case t_tfoot:
    case t_th:
    case t_thead:
    case t_tr:
      return false;
    default:
      if (HtmlTagClasses(id_) & kClosesP) ClosePInButtonScope();
      InsertElement(t, Ns::kHtml);
      return false;
  }
}

bool TreeBuilder::BodyEndTag(FastToken& t) {
  switch (id_) {
    case t_body:
    case t_html:
      if (!InScope(t_body, kScope)) return false;
      mode_ = Mode::kAfterBody;
      return id_ == t_html;
    case t_template:
      return InHead(t);
    case t_form: {
      const bool open = FormIsOpen();
      const uint32_t form = form_index_;
      form_serial_ = form_index_ = kNone;
      const uint32_t scope = Mark(kScope);
      if (!open || (scope != kNone && form < scope)) return false;
      GenerateImpliedEndTags(kNone);
      Remove(form, true);
      return false;
    }
    case t_p:
      if (!InScope(t_p, kButtonScope)) InsertSynthetic(t_p);
      GenerateImpliedEndTags(t_p);
      PopUntil(t_p);
      return false;
    case t_li:
    case t_dd:
    case t_dt:
      if (!InScope(id_, id_ == t_li ? kListScope : kScope)) return false;
      GenerateImpliedEndTags(id_);
      PopUntil(id_);
      return false;
    case t_h1:
    case t_h2:
    case t_h3:
    case t_h4:
    case t_h5:
    case t_h6: {
      uint32_t heading = kNone;
      for (TagId h : {t_h1, t_h2, t_h3, t_h4, t_h5, t_h6}) {
        heading = Higher(heading, Topmost(h));
      }
      const uint32_t scope = Mark(kScope);
      if (heading == kNone || (scope != kNone && heading < scope)) return false;
      GenerateImpliedEndTags(kNone);
      PopTo(heading);
      return false;
    }
    case t_applet:
    case t_marquee:
    case t_object:
      if (!InScope(id_, kScope)) return false;
      GenerateImpliedEndTags(kNone);
      PopUntil(id_);
      return false;
    case t_br:
      InsertSynthetic(t_br);  // </br> is a <br>
      Pop();
      return false;
    default:
      break;
  }
  if (HtmlTagClasses(id_) & kFormatting) {
    AdoptionAgency();
  } else if (In(id_,
                {t_address,  t_article,    t_aside,   t_blockquote, t_button,
                 t_center,   t_details,    t_dir,     t_div,        t_dl,
                 t_fieldset, t_figcaption, t_figure,  t_footer,     t_header,
                 t_hgroup,   t_listing,    t_main,    t_menu,       t_nav,
                 t_ol,       t_pre,        t_section, t_summary,    t_ul})) {
    if (!InScope(id_, kScope)) return false;
    GenerateImpliedEndTags(kNone);
    PopUntil(id_);
  } else {
    AnyOtherEndTag();
  }
  return false;
}

// The adoption agency algorithm, for text: a formatting element closed
// while a block (a "furthest block") is open inside it is only taken off
// the stack, so the block and what follows it keep their place in the
// text; gumbo's clones of the formatting element would carry no text of
// their own. Without such a block it is an ordinary close.
void TreeBuilder::AdoptionAgency() {
  const uint32_t element = Topmost(id_);
  if (element == kNone) return;
  const uint32_t scope = Mark(kScope);
  if (scope != kNone && element < scope) return;
  const uint32_t special = Mark(kSpecial);
  if (special != kNone && special > element) {
    Remove(element, false);
    return;
  }
  PopTo(element);
}

// HTML5 "any other end tag": closes the topmost element of that name
// unless a special element is open above it.
void TreeBuilder::AnyOtherEndTag() {
  const uint32_t element = Topmost(id_);
  if (element == kNone) return;
  const uint32_t special = Mark(kSpecial);
  if (special != kNone && special > element) return;
  GenerateImpliedEndTags(id_);
  PopTo(element);
}

}  // namespace newsmill::html::fast
