// Deadline: the time budget of one document, checked cooperatively.
//
// A std::thread cannot be stopped from outside, so a document that takes too
// long is stopped from inside: the pipeline installs a Deadline for the
// document a worker is on (ScopedDeadline), the long loops of the stages
// poll TimeUp() and leave early when it says so, and the pipeline then drops
// the partial result and writes a record with `error`. A loop that leaves
// early must still leave valid values behind (spans inside the text, ...);
// nothing else about its result matters.
//
// Stages called directly (tests, library users) have no deadline installed:
// TimeUp() is then always false and costs one thread-local load.
//
// Thread safety: a Deadline belongs to one thread; its cancel flag may be set
// from any thread or from a signal handler.
#ifndef NEWSMILL_DEADLINE_H_
#define NEWSMILL_DEADLINE_H_

#include <atomic>
#include <chrono>
#include <cstdint>

namespace newsmill {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  // `max_seconds` <= 0 means no time limit. `cancel` (may be null) ends the
  // deadline early when it becomes true: an interrupted run stops the
  // documents its workers are on.
  Deadline(double max_seconds, const std::atomic<bool>* cancel)
      : limited_(max_seconds > 0),
        at_(limited_ ? Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                          std::chrono::duration<double>(max_seconds))
                     : Clock::time_point::max()),
        cancel_(cancel) {}

  // Reads the clock (and the cancel flag). Sticky once true.
  bool Passed() {
    if (!passed_) {
      passed_ = cancelled() || (limited_ && Clock::now() >= at_);
    }
    return passed_;
  }

  // Like Passed(), but reads the clock only every kStride calls, so that it
  // can sit in a loop that runs once per token or node.
  bool Poll() {
    if (passed_) return true;
    if ((++polls_ & (kStride - 1)) != 0) return false;
    return Passed();
  }

  bool cancelled() const {
    return cancel_ != nullptr && cancel_->load(std::memory_order_relaxed);
  }

 private:
  // A power of two. A poll costs an increment; the clock (about 20 ns
  // through the vDSO) is read every 64th.
  static constexpr uint32_t kStride = 64;

  bool limited_;
  Clock::time_point at_;
  const std::atomic<bool>* cancel_;
  bool passed_ = false;
  uint32_t polls_ = 0;
};

namespace deadline_internal {
inline thread_local Deadline* current = nullptr;
}  // namespace deadline_internal

// True once the calling thread's document has used up its time (or the run
// was interrupted). For the long loops of the stages: leave the loop, keep
// what was built valid.
inline bool TimeUp() {
  Deadline* d = deadline_internal::current;
  return d != nullptr && d->Poll();
}

// Installs `deadline` for the calling thread for the scope's lifetime.
class ScopedDeadline {
 public:
  explicit ScopedDeadline(Deadline* deadline)
      : previous_(deadline_internal::current) {
    deadline_internal::current = deadline;
  }
  ~ScopedDeadline() { deadline_internal::current = previous_; }
  ScopedDeadline(const ScopedDeadline&) = delete;
  ScopedDeadline& operator=(const ScopedDeadline&) = delete;

 private:
  Deadline* previous_;
};

}  // namespace newsmill

#endif  // NEWSMILL_DEADLINE_H_
