// Replays every file under fuzz/regressions/<target>/ through the fuzz
// target of that name (fuzz/targets.cc), in the ordinary and the sanitizer
// builds: each is an input that once crashed, hung or broke a property.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz/targets.h"

namespace newsmill::fuzz {
namespace {

namespace fs = std::filesystem;

TEST(FuzzRegressionsTest, EveryRegressionInputRunsCleanly) {
  const fs::path root = fs::path(NEWSMILL_SOURCE_DIR) / "fuzz" / "regressions";
  ASSERT_TRUE(fs::is_directory(root));
  size_t replayed = 0;
  for (const fs::directory_entry& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const Target target = TargetNamed(dir.path().filename().string());
    ASSERT_NE(target, nullptr) << "no fuzz target named " << dir.path().filename();
    for (const fs::directory_entry& file : fs::directory_iterator(dir.path())) {
      std::ifstream in(file.path(), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      SCOPED_TRACE(file.path().string());
      target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0u);
}

}  // namespace
}  // namespace newsmill::fuzz
