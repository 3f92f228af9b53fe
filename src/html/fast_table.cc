// The table, select, after-body and frameset insertion modes of the fast
// tree builder.
#include <algorithm>
#include <initializer_list>

#include "html/fast_tree.h"

namespace newsmill::html::fast {
namespace {

bool In(TagId id, std::initializer_list<TagId> ids) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
}

bool AllSpace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), IsSpace);
}

bool EqualsNoCase(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c =
        (s[i] >= 'A' && s[i] <= 'Z') ? static_cast<char>(s[i] + 32) : s[i];
    if (c != lower[i]) return false;
  }
  return true;
}

bool IsStart(const FastToken& t) { return t.kind == TokenKind::kStartTag; }
bool IsEnd(const FastToken& t) { return t.kind == TokenKind::kEndTag; }

}  // namespace

bool TreeBuilder::InTable(FastToken& t) {
  if (t.kind == TokenKind::kText) {
    if (Top().ns != Ns::kHtml || !TopHas(kTableContext)) return InBody(t);
    // Text straight inside table, tbody or tr is not in any cell: browsers
    // (and gumbo) show it before the table ("foster parenting").
    foster_ = !AllSpace(t.text);
    InsertText(t.text);
    foster_ = false;
    return false;
  }
  if (IsStart(t)) {
    switch (id_) {
      case t_caption:
      case t_colgroup:
        ClearTo(t_table, t_table, t_table);
        InsertElement(t, Ns::kHtml);
        mode_ = id_ == t_caption ? Mode::kInCaption : Mode::kInColumnGroup;
        return false;
      case t_col:
        ClearTo(t_table, t_table, t_table);
        InsertSynthetic(t_colgroup);
        mode_ = Mode::kInColumnGroup;
        return true;
      case t_tbody:
      case t_tfoot:
      case t_thead:
        ClearTo(t_table, t_table, t_table);
        InsertElement(t, Ns::kHtml);
        mode_ = Mode::kInTableBody;
        return false;
      case t_td:
      case t_th:
      case t_tr:
        ClearTo(t_table, t_table, t_table);
        InsertSynthetic(t_tbody);
        mode_ = Mode::kInTableBody;
        return true;
      case t_table:
        if (!InScope(t_table, kTableScope)) return false;
        PopUntil(t_table);
        ResetMode();
        return true;
      case t_style:
      case t_script:
      case t_template:
        return InHead(t);
      case t_input: {
        std::string_view type;
        t.FindAttribute("type", &type);
        if (!EqualsNoCase(type, "hidden")) break;
        InsertVoid(t);  // a hidden input stays in the table
        return false;
      }
      case t_form:
        if (form_serial_ != kNone) return false;
        InsertElement(t, Ns::kHtml);
        form_index_ = static_cast<uint32_t>(stack_.size() - 1);
        form_serial_ = Top().serial;
        Pop();
        return false;
      default:
        break;
    }
  } else if (IsEnd(t)) {
    if (id_ == t_table) {
      if (!InScope(t_table, kTableScope)) return false;
      PopUntil(t_table);
      ResetMode();
      return false;
    }
    if (In(id_, {t_body, t_caption, t_col, t_colgroup, t_html, t_tbody, t_td,
                 t_tfoot, t_th, t_thead, t_tr})) {
      return false;
    }
    if (id_ == t_template) return InHead(t);
  } else if (t.kind == TokenKind::kDoctype) {
    return false;
  }
  // Anything else is foster-parented: in-body rules, with nodes that
  // would land in the table put before it.
  foster_ = true;
  const bool again = InBody(t);
  foster_ = false;
  return again;
}

bool TreeBuilder::InCaption(FastToken& t) {
  const bool closes =
      (IsEnd(t) && (id_ == t_caption || id_ == t_table)) ||
      (IsStart(t) && In(id_, {t_caption, t_col, t_colgroup, t_tbody, t_td,
                              t_tfoot, t_th, t_thead, t_tr}));
  if (closes) {
    if (!InScope(t_caption, kTableScope)) return false;
    GenerateImpliedEndTags(kNone);
    PopUntil(t_caption);
    mode_ = Mode::kInTable;
    return id_ != t_caption || IsStart(t);
  }
  if (IsEnd(t) && In(id_, {t_body, t_col, t_colgroup, t_html, t_tbody, t_td,
                           t_tfoot, t_th, t_thead, t_tr})) {
    return false;
  }
  return InBody(t);
}

bool TreeBuilder::InColumnGroup(FastToken& t) {
  if (t.kind == TokenKind::kText) {
    size_t space = 0;
    while (space < t.text.size() && IsSpace(t.text[space])) ++space;
    if (space > 0) InsertText(t.text.substr(0, space));
    t.text.remove_prefix(space);
    if (t.text.empty()) return false;
  } else if (t.kind == TokenKind::kDoctype) {
    return false;
  } else if (IsStart(t)) {
    if (id_ == t_html) return InBody(t);
    if (id_ == t_col) {
      InsertVoid(t);
      return false;
    }
    if (id_ == t_template) return InHead(t);
  } else if (IsEnd(t)) {
    if (id_ == t_colgroup) {
      if (!TopIs(t_colgroup)) return false;
      Pop();
      mode_ = Mode::kInTable;
      return false;
    }
    if (id_ == t_col) return false;
    if (id_ == t_template) return InHead(t);
  } else {
    return InBody(t);  // EOF
  }
  if (!TopIs(t_colgroup)) return false;
  Pop();
  mode_ = Mode::kInTable;
  return true;
}

bool TreeBuilder::InTableBody(FastToken& t) {
  if (IsStart(t) && (id_ == t_tr || id_ == t_td || id_ == t_th)) {
    ClearTo(t_tbody, t_tfoot, t_thead);
    if (id_ == t_tr) {
      InsertElement(t, Ns::kHtml);
    } else {
      InsertSynthetic(t_tr);
    }
    mode_ = Mode::kInRow;
    return id_ != t_tr;
  }
  if (IsEnd(t) && In(id_, {t_tbody, t_tfoot, t_thead})) {
    if (!InScope(id_, kTableScope)) return false;
    ClearTo(t_tbody, t_tfoot, t_thead);
    Pop();
    mode_ = Mode::kInTable;
    return false;
  }
  if ((IsStart(t) &&
       In(id_, {t_caption, t_col, t_colgroup, t_tbody, t_tfoot, t_thead})) ||
      (IsEnd(t) && id_ == t_table)) {
    if (!InScope(t_tbody, kTableScope) && !InScope(t_thead, kTableScope) &&
        !InScope(t_tfoot, kTableScope)) {
      return false;
    }
    ClearTo(t_tbody, t_tfoot, t_thead);
    Pop();
    mode_ = Mode::kInTable;
    return true;
  }
  if (IsEnd(t) && In(id_, {t_body, t_caption, t_col, t_colgroup, t_html, t_td,
                           t_th, t_tr})) {
    return false;
  }
  return InTable(t);
}

bool TreeBuilder::InRow(FastToken& t) {
  if (IsStart(t) && (id_ == t_td || id_ == t_th)) {
    ClearTo(t_tr, t_tr, t_tr);
    InsertElement(t, Ns::kHtml);
    mode_ = Mode::kInCell;
    return false;
  }
  const bool end_row = IsEnd(t) && id_ == t_tr;
  const bool closes_row =
      (IsStart(t) && In(id_, {t_caption, t_col, t_colgroup, t_tbody, t_tfoot,
                              t_thead, t_tr})) ||
      (IsEnd(t) && id_ == t_table);
  const bool section_end = IsEnd(t) && In(id_, {t_tbody, t_tfoot, t_thead});
  if (end_row || closes_row || section_end) {
    if (section_end && !InScope(id_, kTableScope)) return false;
    if (!InScope(t_tr, kTableScope)) return false;
    ClearTo(t_tr, t_tr, t_tr);
    Pop();
    mode_ = Mode::kInTableBody;
    return !end_row;
  }
  if (IsEnd(t) &&
      In(id_, {t_body, t_caption, t_col, t_colgroup, t_html, t_td, t_th})) {
    return false;
  }
  return InTable(t);
}

bool TreeBuilder::InCell(FastToken& t) {
  if (IsEnd(t) && (id_ == t_td || id_ == t_th)) {
    if (!InScope(id_, kTableScope)) return false;
    GenerateImpliedEndTags(kNone);
    PopUntil(id_);
    mode_ = Mode::kInRow;
    return false;
  }
  if (IsStart(t) && In(id_, {t_caption, t_col, t_colgroup, t_tbody, t_td,
                             t_tfoot, t_th, t_thead, t_tr})) {
    if (!InScope(t_td, kTableScope) && !InScope(t_th, kTableScope))
      return false;
    CloseCell();
    return true;
  }
  if (IsEnd(t) && In(id_, {t_body, t_caption, t_col, t_colgroup, t_html})) {
    return false;
  }
  if (IsEnd(t) && In(id_, {t_table, t_tbody, t_tfoot, t_thead, t_tr})) {
    if (!InScope(id_, kTableScope)) return false;
    CloseCell();
    return true;
  }
  return InBody(t);
}

bool TreeBuilder::InSelect(FastToken& t) {
  switch (t.kind) {
    case TokenKind::kText:
      InsertText(t.text);
      return false;
    case TokenKind::kEof:
      return false;
    case TokenKind::kDoctype:
      return false;
    default:
      break;
  }
  const bool start = IsStart(t);
  if (start && id_ == t_html) return InBody(t);
  if (start && (id_ == t_option || id_ == t_optgroup)) {
    if (TopIs(t_option)) Pop();
    if (id_ == t_optgroup && TopIs(t_optgroup)) Pop();
    InsertElement(t, Ns::kHtml);
    return false;
  }
  if (!start && id_ == t_optgroup) {
    if (TopIs(t_option) && stack_.size() > 1 &&
        stack_[stack_.size() - 2].id == t_optgroup) {
      Pop();
    }
    if (TopIs(t_optgroup)) Pop();
    return false;
  }
  if (!start && id_ == t_option) {
    if (TopIs(t_option)) Pop();
    return false;
  }
  const bool closes =
      id_ == t_select || (start && In(id_, {t_input, t_keygen, t_textarea}));
  if (closes) {
    if (!InScope(t_select, kSelectScope)) return false;
    PopUntil(t_select);
    ResetMode();
    return id_ != t_select;
  }
  if ((start && (id_ == t_script || id_ == t_template)) ||
      (!start && id_ == t_template)) {
    return InHead(t);
  }
  return false;  // everything else inside <select> is dropped
}

bool TreeBuilder::InSelectInTable(FastToken& t) {
  if ((IsStart(t) || IsEnd(t)) && In(id_, {t_caption, t_table, t_tbody, t_tfoot,
                                           t_thead, t_tr, t_td, t_th})) {
    if (IsEnd(t) && !InScope(id_, kTableScope)) return false;
    PopUntil(t_select);
    ResetMode();
    return true;
  }
  return InSelect(t);
}

bool TreeBuilder::AfterBody(FastToken& t) {
  switch (t.kind) {
    case TokenKind::kText:
      if (AllSpace(t.text)) return InBody(t);
      break;
    case TokenKind::kDoctype:
    case TokenKind::kEof:
      return false;
    case TokenKind::kStartTag:
      if (id_ == t_html) return InBody(t);
      break;
    case TokenKind::kEndTag:
      if (id_ == t_html) {
        mode_ = Mode::kAfterAfterBody;
        return false;
      }
      break;
  }
  mode_ = Mode::kInBody;  // content after </body> still goes in the body
  return true;
}

bool TreeBuilder::InFrameset(FastToken& t) {
  if (t.kind == TokenKind::kText) {
    if (AllSpace(t.text)) InsertText(t.text);
    return false;
  }
  if (IsStart(t)) {
    switch (id_) {
      case t_html:
        return InBody(t);
      case t_noframes:
        return InHead(t);
      case t_frameset:
        if (mode_ == Mode::kInFrameset) InsertElement(t, Ns::kHtml);
        return false;
      case t_frame:
        if (mode_ == Mode::kInFrameset) InsertVoid(t);
        return false;
      default:
        return false;
    }
  }
  if (IsEnd(t) && id_ == t_frameset && mode_ == Mode::kInFrameset &&
      stack_.size() > 1) {
    Pop();
    if (!TopIs(t_frameset)) mode_ = Mode::kAfterFrameset;
  }
  return false;
}

}  // namespace newsmill::html::fast
