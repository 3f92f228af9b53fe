// A live progress line on stderr: documents, documents per second, errors.
// Shown only when stderr is a terminal, at most a few times a second.
#ifndef NEWSMILL_PIPELINE_PROGRESS_H_
#define NEWSMILL_PIPELINE_PROGRESS_H_

#include <chrono>
#include <cstdint>

namespace newsmill {

class Progress {
 public:
  explicit Progress(bool wanted);
  // Called by the writer after each document.
  void Update(uint64_t documents, uint64_t errors);
  // Prints the final line and a newline (when anything was shown).
  void Done();

 private:
  void Print(uint64_t documents, uint64_t errors);
  bool enabled_;
  bool shown_ = false;
  uint64_t documents_ = 0;
  uint64_t errors_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace newsmill

#endif  // NEWSMILL_PIPELINE_PROGRESS_H_
