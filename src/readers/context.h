// State shared by the format readers while one input is read.
#ifndef NEWSMILL_READERS_CONTEXT_H_
#define NEWSMILL_READERS_CONTEXT_H_

#include <string>
#include <utility>

#include "newsmill/document.h"
#include "newsmill/readers.h"

namespace newsmill::readers {

// Passes Documents to the sink and remembers when it asked to stop, so that
// every reader can check one flag between documents.
class Emitter {
 public:
  explicit Emitter(const DocumentSink* sink) : sink_(sink) {}

  // False once the sink has asked to stop; later documents are dropped.
  bool Emit(Document doc) {
    if (stopped_) return false;
    if (!(*sink_)(std::move(doc))) stopped_ = true;
    return !stopped_;
  }
  bool stopped() const { return stopped_; }

 private:
  const DocumentSink* sink_;
  bool stopped_ = false;
};

struct ReadContext {
  std::string path;  // as given, or as found in a directory; "-" is stdin
  const ReaderOptions* options = nullptr;
  Emitter* emitter = nullptr;
};

// A Document that carries only an error.
inline Document ErrorDocument(std::string id, std::string origin,
                              std::string error) {
  Document doc;
  doc.id = std::move(id);
  doc.origin = std::move(origin);
  doc.error = std::move(error);
  return doc;
}

}  // namespace newsmill::readers

#endif  // NEWSMILL_READERS_CONTEXT_H_
