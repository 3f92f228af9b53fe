#include <gtest/gtest.h>
TEST(readersSmoke, Builds) { SUCCEED(); }
