// Internal entry point of the scraped-text extractor (see
// text_extractor.cc), shared with the HTML baseline.
#ifndef NEWSMILL_EXTRACT_TEXT_EXTRACTOR_H_
#define NEWSMILL_EXTRACT_TEXT_EXTRACTOR_H_

#include <string_view>

#include "newsmill/extract.h"

namespace newsmill::extract {

// ExtractFromText, with the language the page declares (an <html lang>, or
// "" when none) to check the text's language against.
Article ExtractScrapedText(std::string_view text, const ExtractOptions& options,
                           std::string_view declared_language);

}  // namespace newsmill::extract

#endif  // NEWSMILL_EXTRACT_TEXT_EXTRACTOR_H_
