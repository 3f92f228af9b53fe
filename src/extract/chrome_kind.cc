#include "newsmill/article.h"

namespace newsmill {

std::string_view ChromeKindName(ChromeKind kind) {
  switch (kind) {
    case ChromeKind::kHeadline: return "headline";
    case ChromeKind::kBreadcrumb: return "breadcrumb";
    case ChromeKind::kNav: return "nav";
    case ChromeKind::kHeader: return "header";
    case ChromeKind::kByline: return "byline";
    case ChromeKind::kAuthorBox: return "author_box";
    case ChromeKind::kRelated: return "related";
    case ChromeKind::kTags: return "tags";
    case ChromeKind::kShare: return "share";
    case ChromeKind::kNewsletter: return "newsletter";
    case ChromeKind::kCookie: return "cookie";
    case ChromeKind::kCaption: return "caption";
    case ChromeKind::kComments: return "comments";
    case ChromeKind::kCommentForm: return "comment_form";
    case ChromeKind::kAds: return "ads";
    case ChromeKind::kFooter: return "footer";
    case ChromeKind::kSidebar: return "sidebar";
    case ChromeKind::kOther: return "other";
  }
  return "other";
}

bool ChromeKindFromName(std::string_view name, ChromeKind* kind) {
  for (int k = 0; k <= static_cast<int>(ChromeKind::kOther); ++k) {
    if (ChromeKindName(static_cast<ChromeKind>(k)) == name) {
      *kind = static_cast<ChromeKind>(k);
      return true;
    }
  }
  return false;
}

}  // namespace newsmill
