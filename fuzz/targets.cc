#include "targets.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

#include "newsmill/decode.h"
#include "newsmill/entities.h"
#include "newsmill/extract.h"
#include "newsmill/html.h"
#include "newsmill/statements.h"
#include "newsmill/text.h"
#include "readers/files.h"

namespace newsmill::fuzz {
namespace {

// Small budgets keep each execution short; the budgets themselves are part
// of what is fuzzed.
ReaderOptions FuzzReaderOptions() {
  ReaderOptions options;
  options.max_document_bytes = 1 << 20;
  options.max_decompressed_bytes = 8 << 20;
  options.ratio_floor_bytes = 1 << 20;  // below the cap, so the ratio is fuzzed too
  return options;
}

class MemorySource : public readers::ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : rest_(bytes) {}
  Result<size_t> Read(char* buf, size_t n) override {
    // Odd slice sizes exercise the readers' buffer boundaries.
    n = std::min({n, rest_.size(), size_t{4093}});
    std::memcpy(buf, rest_.data(), n);
    rest_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view rest_;
};

void Check(bool ok) {
  if (!ok) std::abort();
}

bool Inside(ByteSpan span, size_t size) {
  return span.begin <= span.end && span.end <= size;
}

std::string Utf8Of(const uint8_t* data, size_t size) {
  std::string text;
  RepairUtf8(std::string_view(reinterpret_cast<const char*>(data), size), &text);
  return text;
}

void ReadAll(const uint8_t* data, size_t size, InputFormat format) {
  const ReaderOptions options = FuzzReaderOptions();
  DocumentSink sink = [](Document&& doc) {
    Check(!doc.id.empty() || !doc.origin.empty());
    return true;
  };
  readers::Emitter emitter(&sink);
  MemorySource source(std::string_view(reinterpret_cast<const char*>(data), size));
  readers::ReadStream(&source, format, readers::ReadContext{"fuzz", &options, &emitter});
}

void CheckArticle(const Article& article) {
  for (const auto& block : article.blocks) Check(Inside(block.span, article.text.size()));
}

}  // namespace

void FuzzHtml(const uint8_t* data, size_t size) {
  const std::string html = Utf8Of(data, size);
  HtmlOptions options;
  options.max_depth = 64;
  Result<HtmlPage> page = ParseHtml(html, options);
  if (page.ok()) CheckArticle(ExtractFromHtml(*page, "https://example.com/a", {}));
  // gumbo is quadratic on some nestings; small inputs only.
  if (size <= 16384) {
    options.parser = HtmlOptions::Parser::kGumbo;
    Result<HtmlPage> gumbo = ParseHtml(html, options);
    if (gumbo.ok()) CheckArticle(ExtractFromHtml(*gumbo, "", {}));
  }
}

void FuzzText(const uint8_t* data, size_t size) {
  if (size == 0) return;
  ExtractOptions options;
  options.verbatim = data[0] & 1;  // the first byte picks the mode
  const std::string text = Utf8Of(data + 1, size - 1);
  CheckArticle(ExtractFromText(text, options));
}

void FuzzWarc(const uint8_t* data, size_t size) { ReadAll(data, size, InputFormat::kWarc); }
void FuzzGzip(const uint8_t* data, size_t size) { ReadAll(data, size, InputFormat::kAuto); }
void FuzzJsonl(const uint8_t* data, size_t size) { ReadAll(data, size, InputFormat::kJsonl); }

// What a reader handed on, without where it was read.
struct Seen {
  std::string bytes, charset, error;
  PayloadKind kind;
  std::vector<std::string> warnings;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> Collect(const std::function<void(const readers::ReadContext&)>& read) {
  const ReaderOptions options = FuzzReaderOptions();
  std::vector<Seen> seen;
  DocumentSink sink = [&seen](Document&& doc) {
    seen.push_back({doc.bytes, doc.charset, doc.error, doc.kind, doc.warnings});
    return true;
  };
  readers::Emitter emitter(&sink);
  read(readers::ReadContext{"fuzz", &options, &emitter});
  return seen;
}

// The file reader's fast path (read whole, libdeflate) must hand on exactly
// what the streaming reader does, whatever the bytes.
void FuzzWholeFile(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::vector<Seen> streamed = Collect([&](const readers::ReadContext& ctx) {
    MemorySource source(bytes);
    readers::ReadStream(&source, InputFormat::kAuto, ctx);
  });
  const int fd = memfd_create("newsmill-fuzz", 0);
  if (fd < 0) return;
  Check(write(fd, data, size) == static_cast<ssize_t>(size));
  Result<std::unique_ptr<readers::FdSource>> file =
      readers::FdSource::Open("/proc/self/fd/" + std::to_string(fd));
  close(fd);
  if (!file.ok()) return;
  readers::FdSource* source = file->get();
  const std::vector<Seen> whole = Collect([&](const readers::ReadContext& ctx) {
    readers::ReadFileStream(source, source->RegularFileSize(), InputFormat::kAuto, ctx);
  });
  Check(whole == streamed);
}

void FuzzDecode(const uint8_t* data, size_t size) {
  static constexpr const char* kLabels[] = {"",          "utf-8",  "windows-1252",
                                            "iso-8859-1", "utf-16", "utf-16be",
                                            "shift_jis",  "gb2312", "koi8-r",
                                            "x-unknown",  "euc-kr", "big5"};
  if (size == 0) return;
  const char* label = kLabels[(data[0] >> 1) % std::size(kLabels)];
  const PayloadKind kind = (data[0] & 1) ? PayloadKind::kText : PayloadKind::kHtml;
  Result<DecodedText> decoded = DecodeToUtf8(
      std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), label, kind);
  if (!decoded.ok()) return;
  std::string repaired;
  Check(RepairUtf8(decoded->utf8, &repaired) == 0);  // the decoder's promise
}

void FuzzStatements(const uint8_t* data, size_t size) {
  const std::string text = Utf8Of(data, size);
  ExtractOptions extract;
  extract.verbatim = true;  // the text as given, paragraphs on line breaks
  const Article article = ExtractFromText(text, extract);
  const std::vector<Entity> entities =
      FindEntities(article.text, AnalyzeText(article.text), EntityOptions());
  for (const Entity& e : entities) {
    for (const ByteSpan& m : e.mentions) Check(Inside(m, article.text.size()));
  }
  // English (the tagger and the rules) and other languages (the rules
  // with cues_intl.tsv: French inversions and appositions, Russian dashes,
  // Japanese and Chinese cues over characters, Korean particles).
  for (const char* language : {"en", "fr", "ru", "ja", "zh", "ko"}) {
    StatementOptions options;
    options.model = DefaultStatementModel();
    options.language = language;
    for (const Statement& s : FindStatements(article, entities, options)) {
      Check(Inside(s.content, article.text.size()));
      Check(Inside(s.cue, article.text.size()));
      Check(Inside(s.speaker, article.text.size()));
    }
  }
}

Target TargetNamed(std::string_view name) {
  if (name == "html") return FuzzHtml;
  if (name == "text") return FuzzText;
  if (name == "warc") return FuzzWarc;
  if (name == "gzip") return FuzzGzip;
  if (name == "wholefile") return FuzzWholeFile;
  if (name == "jsonl") return FuzzJsonl;
  if (name == "decode") return FuzzDecode;
  if (name == "statements") return FuzzStatements;
  return nullptr;
}

}  // namespace newsmill::fuzz
