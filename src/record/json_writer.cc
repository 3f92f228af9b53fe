#include "newsmill/record.h"
namespace newsmill {
std::string RecordToJson(const Record&) { return "{}"; }
}  // namespace newsmill
