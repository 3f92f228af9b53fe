#include "pipeline/progress.h"

#include <unistd.h>

#include <cstdio>

namespace newsmill {

Progress::Progress(bool wanted)
    : enabled_(wanted && isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Update(uint64_t documents, uint64_t errors) {
  documents_ = documents;
  errors_ = errors;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  Print(documents, errors);
}

void Progress::Print(uint64_t documents, uint64_t errors) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(documents) / seconds : 0;
  std::fprintf(stderr, "\r\033[Knewsmill: %llu documents, %.1f/s, %llu errors",
               static_cast<unsigned long long>(documents), rate,
               static_cast<unsigned long long>(errors));
  shown_ = true;
}

void Progress::Done() {
  if (!enabled_) return;
  Print(documents_, errors_);
  std::fputc('\n', stderr);
}

}  // namespace newsmill
