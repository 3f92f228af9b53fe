#include "newsmill/status.h"

namespace newsmill {

std::string Status::ToString() const {
  const char* name = "ok";
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kInvalidArgument: name = "invalid argument"; break;
    case Code::kNotFound: name = "not found"; break;
    case Code::kIoError: name = "i/o error"; break;
    case Code::kCorrupt: name = "corrupt"; break;
    case Code::kTruncated: name = "truncated"; break;
    case Code::kTooLarge: name = "too large"; break;
    case Code::kUnsupported: name = "unsupported"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace newsmill
