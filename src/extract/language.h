// The language of an article: from what the page declares (<html lang>,
// Content-Language) checked against the text with CLD2 (Debian libcld2).
#ifndef NEWSMILL_EXTRACT_LANGUAGE_H_
#define NEWSMILL_EXTRACT_LANGUAGE_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsmill::extract {

// Returns an ISO 639-1 code ("en"), or "" when neither the declaration nor
// the text tells. CLD2 wins over the declaration only when it is reliable
// and disagrees; a warning then says so.
std::string DetectLanguage(std::string_view text, std::string_view declared,
                           std::vector<std::string>* warnings);

// "en-GB" -> "en", "PT_br" -> "pt"; "" for anything that is not a tag.
std::string PrimaryLanguageSubtag(std::string_view tag);

}  // namespace newsmill::extract

#endif  // NEWSMILL_EXTRACT_LANGUAGE_H_
