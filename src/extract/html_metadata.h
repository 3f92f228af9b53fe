// Metadata of an HTML page, from its own declarations and visible text
// (internal header).
//
// Sources, most trusted first: JSON-LD (schema.org Article and its
// subtypes, inside @graph and arrays), OpenGraph and Twitter cards, <meta>
// conventions (article:*, parsely-*, sailthru.*, dc.*/dcterms.*,
// citation_*), <time datetime>, itemprop microdata, then bylines and dates
// in the visible chrome and a date in the URL.
#ifndef NEWSMILL_EXTRACT_HTML_METADATA_H_
#define NEWSMILL_EXTRACT_HTML_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsmill/article.h"
#include "newsmill/html.h"

namespace newsmill::extract {

// Everything but the visible-text sources. `url` may be empty.
Metadata ReadDeclaredMetadata(const HtmlPage& page, std::string_view url);

// "Headline | Site Name" -> "Headline" when the tail names the site (or is
// a short tail after a longer headline).
std::string StripSiteName(std::string_view title, std::string_view site);

// An ISO 8601 date-time as pages write it ("2019-11-19T12:34:56.000+0000",
// "2019-11-19 12:34:56Z") in a canonical form ("2019-11-19T12:34:56+00:00");
// other forms through the text date parser; "" when nothing reads as a date.
std::string NormalizeDate(std::string_view text);

// A date in a URL path: /2019/11/19/, /2019-11-19/, /20191119/.
std::string DateFromUrl(std::string_view url);

// `href` resolved against `base` (absolute URLs as they are; //host/...,
// /path and relative paths).
std::string ResolveUrl(std::string_view base, std::string_view href);

}  // namespace newsmill::extract

#endif  // NEWSMILL_EXTRACT_HTML_METADATA_H_
