#include "newsmill/extract.h"
namespace newsmill {
Article ExtractFromHtml(const HtmlPage& page, std::string_view, const ExtractOptions&) { Article a; a.meta.title = page.title; return a; }
}  // namespace newsmill
