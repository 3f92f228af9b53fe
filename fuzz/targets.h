// The bodies of the fuzz targets, shared by the libFuzzer programs
// (fuzz_<target>.cc) and by the GoogleTest that replays every file under
// fuzz/regressions/<target>/ in the ordinary builds
// (tests/hostile/fuzz_regressions_test.cc).
//
// Each body runs a stage on arbitrary bytes and checks what must hold
// whatever the input (valid UTF-8 out of the decoder, spans inside the
// text); a broken property calls std::abort so that libFuzzer records the
// input as a crash.
#ifndef NEWSMILL_FUZZ_TARGETS_H_
#define NEWSMILL_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsmill::fuzz {

using Target = void (*)(const uint8_t* data, size_t size);

void FuzzHtml(const uint8_t* data, size_t size);        // both parsers + extract
void FuzzText(const uint8_t* data, size_t size);        // ExtractFromText
void FuzzWarc(const uint8_t* data, size_t size);        // WARC reader (+ gzip)
void FuzzGzip(const uint8_t* data, size_t size);        // gzip + sniffed format
void FuzzWholeFile(const uint8_t* data, size_t size);   // file fast path == streaming
void FuzzJsonl(const uint8_t* data, size_t size);       // JSON Lines reader
void FuzzDecode(const uint8_t* data, size_t size);      // DecodeToUtf8
void FuzzStatements(const uint8_t* data, size_t size);  // entities + statements

// The target called `name` ("html", "text", ...), or nullptr.
Target TargetNamed(std::string_view name);

}  // namespace newsmill::fuzz

#endif  // NEWSMILL_FUZZ_TARGETS_H_
