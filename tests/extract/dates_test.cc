#include "extract/dates.h"

#include <gtest/gtest.h>

namespace newsmill::extract {
namespace {

std::string Iso(std::string_view text) {
  FoundDate d;
  return FindDate(text, &d) ? d.iso : "";
}

TEST(DatesTest, EnglishForms) {
  EXPECT_EQ(Iso("Feb. 24, 2022"), "2022-02-24");
  EXPECT_EQ(Iso("Published February 24th, 2022 at 3:05 pm"), "2022-02-24T15:05:00");
  EXPECT_EQ(Iso("24 February 2022"), "2022-02-24");
  EXPECT_EQ(Iso("Updated: 03/15/2023"), "2023-03-15");
}

TEST(DatesTest, OtherLanguages) {
  EXPECT_EQ(Iso("24 février 2022"), "2022-02-24");
  EXPECT_EQ(Iso("24. Februar 2022, 14:20 Uhr"), "2022-02-24T14:20:00");
  EXPECT_EQ(Iso("15 de junio de 2023"), "2023-06-15");
  EXPECT_EQ(Iso("3 marzo 2023"), "2023-03-03");
  EXPECT_EQ(Iso("03.07.2023 às 08h15"), "2023-07-03T08:15:00");
}

TEST(DatesTest, NumericForms) {
  EXPECT_EQ(Iso("24.02.2022"), "2022-02-24");
  EXPECT_EQ(Iso("2022-02-24"), "2022-02-24");
  EXPECT_EQ(Iso("15/06/2023 - 09:32 h"), "2023-06-15T09:32:00");
}

TEST(DatesTest, NoDate) {
  EXPECT_EQ(Iso("The council met on Tuesday."), "");
  EXPECT_EQ(Iso("Scored 31 points in 2022"), "");
  EXPECT_EQ(Iso("31.02.2022"), "");  // no such day
}

}  // namespace
}  // namespace newsmill::extract
