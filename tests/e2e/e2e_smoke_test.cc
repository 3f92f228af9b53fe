#include <gtest/gtest.h>
TEST(e2eSmoke, Builds) { SUCCEED(); }
