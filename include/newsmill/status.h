// Status and Result<T>: errors are values inside newsmill.
//
// A stage returns a Status (or a Result<T> carrying a value or a Status) and
// never throws across its public API. The pipeline turns a failed document
// into a record with an `error` field; the run goes on.
//
// Thread safety: a Status is an immutable value; copies may be used from any
// thread.
#ifndef NEWSMILL_STATUS_H_
#define NEWSMILL_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace newsmill {

class Status {
 public:
  enum class Code : uint8_t {
    kOk = 0,
    kInvalidArgument,  ///< the caller asked for something that cannot be done
    kNotFound,         ///< an input path does not exist
    kIoError,          ///< the operating system refused a read or write
    kCorrupt,          ///< the bytes are not what their format promises
    kTruncated,        ///< the input ends in the middle of a unit
    kTooLarge,         ///< a budget (bytes, depth, ratio) was exceeded
    kUnsupported,      ///< binary content, unknown encoding, ...
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  static Status NotFound(std::string_view msg) {
    return Status(Code::kNotFound, msg);
  }
  static Status IoError(std::string_view msg) {
    return Status(Code::kIoError, msg);
  }
  static Status Corrupt(std::string_view msg) {
    return Status(Code::kCorrupt, msg);
  }
  static Status Truncated(std::string_view msg) {
    return Status(Code::kTruncated, msg);
  }
  static Status TooLarge(std::string_view msg) {
    return Status(Code::kTooLarge, msg);
  }
  static Status Unsupported(std::string_view msg) {
    return Status(Code::kUnsupported, msg);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corrupt: <message>", or "ok".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that says why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace newsmill

#endif  // NEWSMILL_STATUS_H_
