#include "newsmill/decode.h"
namespace newsmill {
Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view, PayloadKind) { DecodedText d; d.utf8 = std::string(bytes); d.charset = "UTF-8"; return d; }
std::string SniffMetaCharset(std::string_view) { return ""; }
std::string CharsetFromContentType(std::string_view) { return ""; }
size_t RepairUtf8(std::string_view in, std::string* out) { *out = std::string(in); return 0; }
}  // namespace newsmill
