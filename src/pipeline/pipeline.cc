#include "newsmill/pipeline.h"
namespace newsmill {
Record ProcessDocument(Document&& doc, const PipelineOptions&) { Record r; r.id = doc.id; return r; }
Status RunExtract(const std::vector<std::string>&, const PipelineOptions&, std::FILE*, RunStats*) { return Status::Ok(); }
}  // namespace newsmill
