// ReadInputs: paths, directories and stdin to Documents.
#include "newsmill/readers.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "readers/byte_source.h"
#include "readers/context.h"
#include "readers/files.h"
#include "readers/http.h"

namespace newsmill {
namespace {

namespace fs = std::filesystem;
using readers::Emitter;
using readers::ReadContext;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Opens and reads one file. Only a failure to open is returned; everything
// after that becomes Documents.
Status ReadFile(const std::string& path, InputFormat format,
                const ReaderOptions& options, Emitter* emitter) {
  Result<std::unique_ptr<readers::FdSource>> source =
      readers::FdSource::Open(path);
  if (!source.ok()) return source.status();
  readers::FdSource* file = source.value().get();
  readers::ReadFileStream(file, file->RegularFileSize(), format,
                          ReadContext{path, &options, emitter});
  return Status::Ok();
}

InputFormat FormatFor(const std::string& path, const ReaderOptions& options) {
  return options.format == InputFormat::kAuto ? FormatFromPath(path)
                                              : options.format;
}

// Reads the files under `dir` whose names imply a format, in sorted order.
Status ReadDirectory(const std::string& dir, const ReaderOptions& options,
                     Emitter* emitter) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(
      dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    std::string path = it->path().string();
    if (FormatFromPath(path) != InputFormat::kAuto) files.push_back(path);
  }
  Status status;
  if (ec) status = Status::IoError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const std::string& path : files) {
    if (emitter->stopped()) break;
    Status s = ReadFile(path, FormatFor(path, options), options, emitter);
    if (status.ok()) status = s;
  }
  return status;
}

Status ReadPath(const std::string& path, const ReaderOptions& options,
                Emitter* emitter) {
  if (path == "-") {
    std::unique_ptr<readers::FdSource> in = readers::FdSource::Stdin();
    // stdin has no name to go by: sniff unless the format was given.
    readers::ReadStream(in.get(), options.format,
                        ReadContext{path, &options, emitter});
    return Status::Ok();
  }
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found) {
    return Status::NotFound(path + ": no such file or directory");
  }
  if (ec) return Status::IoError(path + ": " + ec.message());
  if (st.type() == fs::file_type::directory) {
    return ReadDirectory(path, options, emitter);
  }
  return ReadFile(path, FormatFor(path, options), options, emitter);
}

}  // namespace

bool ParseInputFormat(std::string_view name, InputFormat* format) {
  std::string lower = readers::AsciiLower(name);
  if (lower == "auto") {
    *format = InputFormat::kAuto;
  } else if (lower == "html") {
    *format = InputFormat::kHtml;
  } else if (lower == "warc") {
    *format = InputFormat::kWarc;
  } else if (lower == "jsonl") {
    *format = InputFormat::kJsonl;
  } else if (lower == "text" || lower == "txt") {
    *format = InputFormat::kText;
  } else {
    return false;
  }
  return true;
}

InputFormat FormatFromPath(std::string_view path) {
  std::string name = readers::AsciiLower(path.substr(path.rfind('/') + 1));
  for (std::string_view ext : {".html", ".htm", ".html.gz", ".htm.gz"}) {
    if (EndsWith(name, ext)) return InputFormat::kHtml;
  }
  if (EndsWith(name, ".warc") || EndsWith(name, ".warc.gz")) {
    return InputFormat::kWarc;
  }
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".jsonl.gz")) {
    return InputFormat::kJsonl;
  }
  if (EndsWith(name, ".txt")) return InputFormat::kText;
  return InputFormat::kAuto;
}

Status ReadInputs(const std::vector<std::string>& paths,
                  const ReaderOptions& options, const DocumentSink& sink) {
  Emitter emitter(&sink);
  Status first_failure;
  for (const std::string& path : paths) {
    if (emitter.stopped()) break;
    Status s = ReadPath(path, options, &emitter);
    if (first_failure.ok()) first_failure = s;
  }
  return first_failure;
}

}  // namespace newsmill
