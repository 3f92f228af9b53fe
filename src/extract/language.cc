#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which is not meant to be included
// on its own.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace newsmill::extract {
namespace {

// CLD2 reports a few languages under their withdrawn ISO 639 codes.
std::string Modern(std::string code) {
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "jw") return "jv";
  if (code == "mo") return "ro";
  return code;
}

// CLD2 needs some text to be reliable; it reads at most this much.
constexpr size_t kMinBytes = 40;
// Past a few kilobytes the answer does not change; the cost does.
constexpr size_t kMaxBytes = 2 << 10;

}  // namespace

std::string PrimaryLanguageSubtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c < 'a' || c > 'z') return "";
    out.push_back(c);
  }
  return out.size() >= 2 && out.size() <= 3 ? out : "";
}

std::string DetectLanguage(std::string_view text, std::string_view declared,
                           std::vector<std::string>* warnings) {
  const std::string from_page = PrimaryLanguageSubtag(declared);
  if (text.size() < kMinBytes) return from_page;
  if (text.size() > kMaxBytes) {
    // Cut at a character boundary.
    size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  // The language of most of the text. CLD2's summary answer (what
  // DetectLanguage returns) prefers a second language over English when that
  // one has a fifth of the text or so, which suits whole pages with English
  // chrome but not an extracted English article quoting a paragraph of
  // Russian: that read as "ru" and turned the English statement tagger off.
  // (Left as they are when CLD2 stops at bytes it does not take for UTF-8.)
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
      /*cld_hints=*/nullptr, /*flags=*/0, language3, percent3, normalized_score3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix);
  const CLD2::Language lang = language3[0];
  if (lang == CLD2::UNKNOWN_LANGUAGE) return from_page;
  const std::string from_text = Modern(PrimaryLanguageSubtag(CLD2::LanguageCode(lang)));
  if (from_page.empty()) return reliable ? from_text : "";
  if (!reliable || from_text == from_page || from_text.empty()) return from_page;
  if (warnings) {
    warnings->push_back("page declares language '" + std::string(declared) +
                        "' but the text reads as '" + from_text + "'");
  }
  return from_text;
}

}  // namespace newsmill::extract
