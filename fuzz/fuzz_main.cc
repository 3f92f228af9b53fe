// libFuzzer entry point; NEWSMILL_FUZZ_TARGET names the body in targets.cc
// (one program per target, built by fuzz/CMakeLists.txt).
#include <cstdlib>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const newsmill::fuzz::Target target =
      newsmill::fuzz::TargetNamed(NEWSMILL_FUZZ_TARGET);
  if (target == nullptr) std::abort();
  target(data, size);
  return 0;
}
