#include <gtest/gtest.h>
TEST(htmlSmoke, Builds) { SUCCEED(); }
