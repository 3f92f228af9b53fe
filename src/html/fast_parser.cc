// The insertion modes of the fast tree builder, and FastParseHtml.
#include "html/fast_parser.h"

#include <algorithm>
#include <initializer_list>

#include "html/fast_tree.h"
#include "newsmill/deadline.h"

namespace newsmill::html {
namespace fast {
namespace {

// A token is reprocessed at most this often (HTML5 needs a handful); the
// bound makes termination obvious whatever the input.
constexpr int kMaxReprocess = 32;

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
}

size_t LeadingSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

bool In(TagId id, std::initializer_list<TagId> ids) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool IsStart(const FastToken& t) { return t.kind == TokenKind::kStartTag; }
bool IsEnd(const FastToken& t) { return t.kind == TokenKind::kEndTag; }

// Start tags that end svg / math content (HTML5 "breakout" elements).
bool BreaksOutOfForeign(TagId id, const FastToken& t) {
  if (id == t_font) {
    std::string_view v;
    return t.FindAttribute("color", &v) || t.FindAttribute("face", &v) ||
           t.FindAttribute("size", &v);
  }
  return In(id, {t_b,       t_big,  t_blockquote, t_body,  t_br,   t_center,
                 t_code,    t_dd,   t_div,        t_dl,    t_dt,   t_em,
                 t_embed,   t_h1,   t_h2,         t_h3,    t_h4,   t_h5,
                 t_h6,      t_head, t_hr,         t_i,     t_img,  t_li,
                 t_listing, t_menu, t_meta,       t_nobr,  t_ol,   t_p,
                 t_pre,     t_ruby, t_s,          t_small, t_span, t_strong,
                 t_strike,  t_sub,  t_sup,        t_table, t_tt,   t_u,
                 t_ul,      t_var});
}

}  // namespace

bool TreeBuilder::Run() {
  FastToken t;
  do {
    tokenizer_.Next(&t);
    if (t.kind == TokenKind::kStartTag || t.kind == TokenKind::kEndTag) {
      id_ = IdOf(t.text);
    }
    const bool drop_lf = ignore_lf_;
    ignore_lf_ = false;
    if (drop_lf && t.kind == TokenKind::kText && t.text.front() == '\n') {
      t.text.remove_prefix(1);
      if (t.text.empty()) continue;
    }
    Process(t);
    tokenizer_.set_cdata_allowed(!stack_.empty() && Top().ns != Ns::kHtml);
    // Out of time: the tree built so far is a valid Dom; the pipeline
    // drops it anyway.
  } while (t.kind != TokenKind::kEof && !TimeUp());
  return cut_;
}

void TreeBuilder::Process(FastToken& t) {
  for (int i = 0; i < kMaxReprocess && Step(t); ++i) {
  }
}

bool TreeBuilder::Step(FastToken& t) {
  return UseForeignRules(t) ? Foreign(t) : StepMode(t);
}

bool TreeBuilder::StepMode(FastToken& t) {
  switch (mode_) {
    case Mode::kInitial:
      return Initial(t);
    case Mode::kBeforeHtml:
      return BeforeHtml(t);
    case Mode::kBeforeHead:
      return BeforeHead(t);
    case Mode::kInHead:
      return InHead(t);
    case Mode::kInHeadNoscript:
      return InHeadNoscript(t);
    case Mode::kAfterHead:
      return AfterHead(t);
    case Mode::kInBody:
      return InBody(t);
    case Mode::kText:
      return TextMode(t);
    case Mode::kInTable:
      return InTable(t);
    case Mode::kInCaption:
      return InCaption(t);
    case Mode::kInColumnGroup:
      return InColumnGroup(t);
    case Mode::kInTableBody:
      return InTableBody(t);
    case Mode::kInRow:
      return InRow(t);
    case Mode::kInCell:
      return InCell(t);
    case Mode::kInSelect:
      return InSelect(t);
    case Mode::kInSelectInTable:
      return InSelectInTable(t);
    case Mode::kAfterBody:
    case Mode::kAfterAfterBody:
      return AfterBody(t);
    case Mode::kInFrameset:
    case Mode::kAfterFrameset:
      return InFrameset(t);
  }
  return false;
}

bool TreeBuilder::UseForeignRules(const FastToken& t) const {
  if (stack_.empty() || t.kind == TokenKind::kEof) return false;
  const Open& top = Top();
  if (top.ns == Ns::kHtml) return false;
  const bool text = t.kind == TokenKind::kText;
  const bool start = IsStart(t);
  const bool math_text =
      top.ns == Ns::kMath && In(top.id, {t_mi, t_mo, t_mn, t_ms, t_mtext});
  if (math_text &&
      (text || (start && id_ != t_mglyph && id_ != t_malignmark))) {
    return false;
  }
  if (top.ns == Ns::kMath && top.id == t_annotation_xml && start &&
      id_ == t_svg) {
    return false;
  }
  return !(top.html_integration && (start || text));
}

bool TreeBuilder::Foreign(FastToken& t) {
  if (t.kind == TokenKind::kText) {
    InsertText(t.text);
    return false;
  }
  if (IsStart(t)) {
    if (BreaksOutOfForeign(id_, t)) {
      while (stack_.size() > 1 && Top().ns != Ns::kHtml &&
             !Top().html_integration &&
             !(Top().ns == Ns::kMath &&
               In(TopId(), {t_mi, t_mo, t_mn, t_ms, t_mtext}))) {
        Pop();
      }
      return true;
    }
    InsertElement(t, Top().ns);
    if (t.self_closing) Pop();
    return false;
  }
  if (IsEnd(t)) {
    // The topmost open element of that name, if no HTML element is above
    // it; otherwise the end tag is the HTML rules' business.
    const uint32_t at = Topmost(id_);
    const uint32_t html = Mark(kHtmlNamespace);
    if (at != kNone && (html == kNone || at > html)) {
      PopTo(at);
      return false;
    }
    return StepMode(t);
  }
  return false;  // doctype
}

bool TreeBuilder::Initial(FastToken& t) {
  if (t.kind == TokenKind::kText) {
    t.text.remove_prefix(LeadingSpace(t.text));
    if (t.text.empty()) return false;
  }
  mode_ = Mode::kBeforeHtml;
  if (t.kind == TokenKind::kDoctype) {
    quirks_ = t.quirks;
    return false;
  }
  quirks_ = true;  // no doctype
  return true;
}

bool TreeBuilder::BeforeHtml(FastToken& t) {
  if (t.kind == TokenKind::kDoctype) return false;
  if (t.kind == TokenKind::kText) {
    t.text.remove_prefix(LeadingSpace(t.text));
    if (t.text.empty()) return false;
  }
  if (IsStart(t) && id_ == t_html) {
    InsertElement(t, Ns::kHtml);
    mode_ = Mode::kBeforeHead;
    return false;
  }
  if (IsEnd(t) && !In(id_, {t_head, t_body, t_html, t_br})) return false;
  InsertSynthetic(t_html);
  mode_ = Mode::kBeforeHead;
  return true;
}

bool TreeBuilder::BeforeHead(FastToken& t) {
  if (t.kind == TokenKind::kDoctype) return false;
  if (t.kind == TokenKind::kText) {
    t.text.remove_prefix(LeadingSpace(t.text));
    if (t.text.empty()) return false;
  }
  if (IsStart(t) && id_ == t_html) return InBody(t);
  if (IsEnd(t) && !In(id_, {t_head, t_body, t_html, t_br})) return false;
  if (IsStart(t) && id_ == t_head) {
    InsertElement(t, Ns::kHtml);
  } else {
    InsertSynthetic(t_head);
  }
  head_seen_ = true;
  head_node_ = Top().node;
  head_depth_ = Top().depth;
  mode_ = Mode::kInHead;
  return !(IsStart(t) && id_ == t_head);
}

bool TreeBuilder::InHead(FastToken& t) {
  if (t.kind == TokenKind::kText) {
    const size_t space = LeadingSpace(t.text);
    if (space > 0) InsertText(t.text.substr(0, space));
    t.text.remove_prefix(space);
    if (t.text.empty()) return false;
  } else if (t.kind == TokenKind::kDoctype) {
    return false;
  } else if (IsStart(t)) {
    switch (id_) {
      case t_html:
        return InBody(t);
      case t_base:
      case t_basefont:
      case t_bgsound:
      case t_link:
      case t_meta:
        InsertVoid(t);
        return false;
      case t_title:
        InsertRaw(t, RawKind::kRcdata);
        return false;
      case t_noframes:
      case t_style:
        InsertRaw(t, RawKind::kRawText);
        return false;
      case t_script:
        InsertRaw(t, RawKind::kScript);
        return false;
      case t_noscript:
        // Scripting off, as in gumbo: <noscript> content is markup.
        InsertElement(t, Ns::kHtml);
        mode_ = Mode::kInHeadNoscript;
        return false;
      case t_template:
        // Template content is parsed as body content (it is never shown).
        InsertElement(t, Ns::kHtml);
        mode_ = Mode::kInBody;
        return false;
      case t_head:
        return false;
      default:
        break;
    }
  } else if (IsEnd(t)) {
    if (id_ == t_head) {
      if (TopIs(t_head)) Pop();
      mode_ = Mode::kAfterHead;
      return false;
    }
    if (id_ == t_template) {
      if (Topmost(t_template) == kNone) return false;
      GenerateImpliedEndTags(kNone);
      PopUntil(t_template);
      ResetMode();
      return false;
    }
    if (!In(id_, {t_body, t_html, t_br})) return false;
  }
  if (TopIs(t_head)) Pop();
  mode_ = Mode::kAfterHead;
  return true;
}

bool TreeBuilder::InHeadNoscript(FastToken& t) {
  if (t.kind == TokenKind::kDoctype) return false;
  if (IsStart(t) && id_ == t_html) return InBody(t);
  if (IsEnd(t) && id_ == t_noscript) {
    Pop();
    mode_ = Mode::kInHead;
    return false;
  }
  if (t.kind == TokenKind::kText) {
    const size_t space = LeadingSpace(t.text);
    if (space > 0) InsertText(t.text.substr(0, space));
    t.text.remove_prefix(space);
    if (t.text.empty()) return false;
  } else if (IsStart(t)) {
    if (In(id_, {t_basefont, t_bgsound, t_link, t_meta, t_noframes, t_style})) {
      return InHead(t);
    }
    if (id_ == t_head || id_ == t_noscript) return false;
  } else if (IsEnd(t) && id_ != t_br) {
    return false;
  }
  Pop();  // the noscript
  mode_ = Mode::kInHead;
  return true;
}

bool TreeBuilder::AfterHead(FastToken& t) {
  if (t.kind == TokenKind::kText) {
    const size_t space = LeadingSpace(t.text);
    if (space > 0) InsertText(t.text.substr(0, space));
    t.text.remove_prefix(space);
    if (t.text.empty()) return false;
  } else if (t.kind == TokenKind::kDoctype) {
    return false;
  } else if (IsStart(t)) {
    if (id_ == t_html) return InBody(t);
    if (id_ == t_body || id_ == t_frameset) {
      InsertElement(t, Ns::kHtml);
      mode_ = id_ == t_body ? Mode::kInBody : Mode::kInFrameset;
      return false;
    }
    if (In(id_, {t_base, t_basefont, t_bgsound, t_link, t_meta, t_noframes,
                 t_script, t_style, t_template, t_title})) {
      // Head content after </head> still goes in the head.
      Push(head_node_, t_head, Ns::kHtml, head_depth_, false);
      const auto head = static_cast<uint32_t>(stack_.size() - 1);
      InHead(t);
      Remove(head, true);
      return false;
    }
    if (id_ == t_head) return false;
  } else if (IsEnd(t)) {
    if (id_ == t_template) return InHead(t);
    if (!In(id_, {t_body, t_html, t_br})) return false;
  }
  InsertSynthetic(t_body);
  mode_ = Mode::kInBody;
  return true;
}

bool TreeBuilder::TextMode(FastToken& t) {
  if (t.kind == TokenKind::kText) {
    InsertText(t.text);
    return false;
  }
  Pop();  // the end tag of the raw text element, or EOF
  mode_ = text_return_mode_;
  return t.kind == TokenKind::kEof;
}

bool TreeBuilder::InBody(FastToken& t) {
  switch (t.kind) {
    case TokenKind::kText:
      InsertText(t.text);
      return false;
    case TokenKind::kStartTag:
      return BodyStartTag(t);
    case TokenKind::kEndTag:
      return BodyEndTag(t);
    default:
      return false;  // doctype, EOF
  }
}

}  // namespace fast

bool FastParseHtml(std::string_view html, size_t max_depth, Dom* dom) {
  fast::TreeBuilder builder(html, max_depth, dom);
  return builder.Run();
}

}  // namespace newsmill::html
