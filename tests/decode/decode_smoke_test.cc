#include <gtest/gtest.h>
TEST(decodeSmoke, Builds) { SUCCEED(); }
