// Helpers for the decode tests: building payloads in legacy charsets.
#ifndef NEWSMILL_TESTS_DECODE_DECODE_TEST_UTIL_H_
#define NEWSMILL_TESTS_DECODE_DECODE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>
#include <string_view>

namespace newsmill::decode_test {

// `utf8` encoded in `charset` (an ICU converter name), via ICU.
inline std::string Encode(std::string_view utf8, const char* charset) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(),
                                 static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(U_SUCCESS(err) ? static_cast<size_t>(n) : 0);
  return out;
}

// A paragraph long enough for uchardet to be confident about.
inline constexpr std::string_view kRussian =
    "Москва — столица России, город федерального значения, административный "
    "центр Центрального федерального округа и центр Московской области, в "
    "состав которой не входит. Крупнейший по численности населения город "
    "России и её субъект. Самый населённый из городов, полностью "
    "расположенных в Европе. Историческая столица Великого княжества "
    "Московского, Русского царства, Российской империи.";

inline constexpr std::string_view kJapanese =
    "日本語のテキストです。東京は日本の首都であり、世界最大の都市圏の一つです"
    "。";

inline constexpr std::string_view kChinese =
    "中文文本。北京是中华人民共和国的首都，也是全国的政治和文化中心。";

}  // namespace newsmill::decode_test

#endif  // NEWSMILL_TESTS_DECODE_DECODE_TEST_UTIL_H_
