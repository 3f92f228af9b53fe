#include <gtest/gtest.h>
TEST(extractSmoke, Builds) { SUCCEED(); }
