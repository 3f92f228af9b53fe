#include <gtest/gtest.h>
TEST(recordSmoke, Builds) { SUCCEED(); }
