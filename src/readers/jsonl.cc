// JSON Lines reader: {"id", "url"?, "html"} or {"id", "text"} per line.
//
// Lines are read with a growing buffer up to max_document_bytes; a longer
// line is reported and skipped without being held. simdjson is used through
// its error-code interface only.
#include <simdjson.h>

#include <charconv>
#include <string>
#include <string_view>
#include <utility>

#include "readers/formats.h"

namespace newsmill::readers {
namespace {

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// The id as text: strings as they are, numbers in their shortest form.
// False for other JSON types, which do not make an id.
bool IdText(simdjson::dom::element value, std::string* id) {
  std::string_view sv;
  int64_t i = 0;
  uint64_t u = 0;
  double d = 0;
  if (!value.get_string().get(sv)) {
    *id = std::string(sv);
  } else if (!value.get_int64().get(i)) {
    *id = std::to_string(i);
  } else if (!value.get_uint64().get(u)) {
    *id = std::to_string(u);
  } else if (!value.get_double().get(d)) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), d);
    if (ec != std::errc()) return false;
    *id = std::string(buf, end);
  } else {
    return false;
  }
  return true;
}

class JsonlReader {
 public:
  JsonlReader(BufferedReader* in, const ReadContext& ctx)
      : in_(in), ctx_(ctx) {}

  void Run() {
    std::string line;
    uint64_t number = 0;
    while (!ctx_.emitter->stopped()) {
      LineInfo info;
      Status s = in_->ReadLine(ctx_.options->max_document_bytes, &line, &info);
      if (!s.ok()) {
        ctx_.emitter->Emit(
            ErrorDocument(ctx_.path, Where(number + 1), s.message()));
        return;
      }
      if (info.eof) return;
      ++number;
      if (info.too_long) {
        ctx_.emitter->Emit(
            ErrorDocument(Where(number), Where(number),
                          Prefix(number) + "longer than max_document_bytes (" +
                              std::to_string(info.length) + " bytes)"));
        continue;
      }
      if (IsBlank(line)) continue;
      ctx_.emitter->Emit(ParseLine(line, number));
    }
  }

 private:
  std::string Where(uint64_t number) const {
    return ctx_.path + ":" + std::to_string(number);
  }
  static std::string Prefix(uint64_t number) {
    return "line " + std::to_string(number) + ": ";
  }

  Document ParseLine(const std::string& line, uint64_t number) {
    Document doc;
    doc.id = Where(number);
    doc.origin = Where(number);
    auto fail = [&](std::string why) {
      doc.error = Prefix(number) + why;
      return std::move(doc);
    };
    // simdjson would stop at the NUL with a less helpful message.
    if (size_t nul = line.find('\0'); nul != std::string::npos) {
      return fail("invalid JSON: NUL byte at column " +
                  std::to_string(nul + 1));
    }
    simdjson::dom::element root;
    if (auto err = parser_.parse(line.data(), line.size()).get(root)) {
      return fail(std::string("invalid JSON: ") + simdjson::error_message(err));
    }
    simdjson::dom::object object;
    if (root.get_object().get(object)) return fail("not a JSON object");

    simdjson::dom::element value;
    if (!object["id"].get(value)) IdText(value, &doc.id);
    std::string_view text;
    if (!object["url"].get(value) && !value.get_string().get(text)) {
      doc.url = std::string(text);
    }
    if (!object["html"].get(value)) {
      doc.kind = PayloadKind::kHtml;
      if (value.get_string().get(text)) return fail("\"html\" is not a string");
    } else if (!object["text"].get(value)) {
      doc.kind = PayloadKind::kText;
      if (value.get_string().get(text)) return fail("\"text\" is not a string");
    } else {
      return fail("neither \"html\" nor \"text\"");
    }
    doc.bytes = std::string(text);
    doc.charset = "utf-8";  // JSON text is UTF-8 (simdjson validated it)
    return doc;
  }

  BufferedReader* in_;
  const ReadContext& ctx_;
  simdjson::dom::parser parser_;
};

}  // namespace

void ReadJsonl(BufferedReader* in, const ReadContext& ctx) {
  JsonlReader(in, ctx).Run();
}

}  // namespace newsmill::readers
