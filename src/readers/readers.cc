#include "newsmill/readers.h"
namespace newsmill {
bool ParseInputFormat(std::string_view, InputFormat*) { return false; }
InputFormat FormatFromPath(std::string_view) { return InputFormat::kAuto; }
Status ReadInputs(const std::vector<std::string>&, const ReaderOptions&, const DocumentSink&) { return Status::Unsupported("not yet"); }
}  // namespace newsmill
