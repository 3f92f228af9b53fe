#include "decode/charset.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

namespace newsmill::decode {
namespace {

// uchardet is statistical; a prefix this long is plenty and bounds the cost.
constexpr size_t kGuessBytes = 64 * 1024;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr Open(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(name, &err));
  if (U_FAILURE(err)) return nullptr;
  return cnv;
}

std::string LowerTrimmed(std::string_view label) {
  auto is_junk = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '"' || c == '\'';
  };
  while (!label.empty() && is_junk(label.front())) label.remove_prefix(1);
  while (!label.empty() && is_junk(label.back())) label.remove_suffix(1);
  std::string out(label);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Labels reach ICU only if they look like labels: ICU would otherwise try
// to load a converter file named after arbitrary page content.
bool LooksLikeLabel(std::string_view label) {
  if (label.empty() || label.size() > 40) return false;
  return std::all_of(label.begin(), label.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
  });
}

bool IsUtf8Label(std::string_view label) {
  static constexpr std::array<std::string_view, 6> kLabels = {
      "utf-8",         "utf8",          "unicode-1-1-utf-8",
      "unicode11utf8", "unicode20utf8", "x-unicode20utf8"};
  return std::find(kLabels.begin(), kLabels.end(), label) != kLabels.end();
}

// Labels ICU lacks or reads differently from browsers, by WHATWG label.
std::string_view PreMap(std::string_view label) {
  if (label == "x-user-defined") return "windows-1252";
  if (label == "unicodefffe") return "utf-16be";
  if (label == "utf-16" || label == "unicode" || label == "ucs-2" ||
      label == "csunicode" || label == "unicodefeff" ||
      label == "iso-10646-ucs-2") {
    return "utf-16le";  // WHATWG: a bare "utf-16" label means little endian
  }
  return label;
}

// ICU converters that browsers replace by a superset, by ICU name.
const char* PostMap(std::string_view icu_name) {
  static constexpr std::array<std::pair<std::string_view, const char*>, 9>
      kSupersets = {{
          {"ISO-8859-1", "windows-1252"},
          {"US-ASCII", "windows-1252"},
          {"ibm-920_P100-1995", "windows-1254"},  // ISO-8859-9
          {"iso-8859_11-2001", "windows-874"},
          {"ibm-1383_P110-1999", "gb18030"},             // GB2312 / EUC-CN
          {"windows-936-2000", "gb18030"},               // GBK
          {"ibm-5478_P100-1995", "gb18030"},             // GB_2312-80
          {"ibm-970_P110_P110-2006_U2", "windows-949"},  // EUC-KR
          {"UTF-16", "UTF-16LE"},
      }};
  for (const auto& [from, to] : kSupersets) {
    if (icu_name == from) return to;
  }
  return nullptr;
}

std::string DisplayName(const char* icu_name) {
  if (std::string_view(icu_name) == "windows-949-2000") return "EUC-KR";
  for (const char* standard : {"MIME", "IANA", "WINDOWS"}) {
    UErrorCode err = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(icu_name, standard, &err);
    if (U_SUCCESS(err) && name != nullptr) return name;
  }
  return icu_name;
}

// ICU calls this for every sequence it cannot decode. Writing U+FFFD
// ourselves (instead of UCNV_TO_U_CALLBACK_SUBSTITUTE) matters: some ICU
// tables substitute U+001A, a control character.
void CountAndReplace(const void* context, UConverterToUnicodeArgs* args,
                     const char* /*code_units*/, int32_t /*length*/,
                     UConverterCallbackReason reason, UErrorCode* err) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL &&
      reason != UCNV_IRREGULAR) {
    return;  // reset, close, clone: nothing to replace
  }
  ++*static_cast<size_t*>(const_cast<void*>(context));
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// Converter types without shift states: in the others (ISO-2022, HZ,
// UTF-7, ...) ASCII bytes can switch to another character set.
bool IsStatelessType(UConverterType type) {
  return type == UCNV_SBCS || type == UCNV_DBCS || type == UCNV_MBCS ||
         type == UCNV_LATIN_1 || type == UCNV_US_ASCII || type == UCNV_UTF8;
}

bool DecodesAsciiAsItself(const Charset& charset) {
  std::string probe = "\t\n\r";
  for (char c = ' '; c <= '~'; ++c) probe.push_back(c);
  std::string decoded;
  size_t replaced = 0;
  if (!ConvertToUtf8(probe, charset, &decoded, &replaced).ok()) return false;
  return decoded == probe;
}

}  // namespace

Charset Utf8Charset() { return {"UTF-8", "UTF-8", true, false, true}; }

Charset Windows1252Charset() {
  return {"windows-1252", "windows-1252", false, false, true};
}

std::optional<Charset> ResolveLabel(std::string_view label) {
  const std::string lower = LowerTrimmed(label);
  if (IsUtf8Label(lower)) return Utf8Charset();
  const std::string mapped(PreMap(lower));
  if (!LooksLikeLabel(mapped)) return std::nullopt;
  UErrorCode err = U_ZERO_ERROR;
  if (ucnv_countAliases(mapped.c_str(), &err) == 0 || U_FAILURE(err)) {
    return std::nullopt;
  }
  ConverterPtr cnv = Open(mapped.c_str());
  if (!cnv) return std::nullopt;
  err = U_ZERO_ERROR;
  const char* icu_name = ucnv_getName(cnv.get(), &err);
  if (U_FAILURE(err)) return std::nullopt;
  if (const char* superset = PostMap(icu_name)) {
    cnv = Open(superset);
    if (!cnv) return std::nullopt;
    err = U_ZERO_ERROR;
    icu_name = ucnv_getName(cnv.get(), &err);
    if (U_FAILURE(err)) return std::nullopt;
  }
  if (std::string_view(icu_name) == "UTF-8") return Utf8Charset();
  Charset charset;
  charset.icu_name = icu_name;
  charset.name = DisplayName(icu_name);
  charset.wide = ucnv_getMinCharSize(cnv.get()) > 1;
  charset.ascii_compatible =
      IsStatelessType(ucnv_getType(cnv.get())) && DecodesAsciiAsItself(charset);
  const bool japanese_2022 =
      ucnv_getType(cnv.get()) == UCNV_ISO_2022 &&
      charset.icu_name.find("locale=ja") != std::string::npos;
  if (!charset.wide && !charset.ascii_compatible && !japanese_2022) {
    return std::nullopt;
  }
  return charset;
}

Status ConvertToUtf8(std::string_view bytes, const Charset& charset,
                     std::string* out, size_t* replaced) {
  out->clear();
  *replaced = 0;
  ConverterPtr source = Open(charset.icu_name.c_str());
  ConverterPtr target = Open("UTF-8");
  if (!source || !target) {
    return Status::Unsupported("cannot open converter for " + charset.name);
  }
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(source.get(), CountAndReplace, replaced, nullptr, nullptr,
                      &err);
  if (U_FAILURE(err)) return Status::Unsupported("ICU callback setup failed");

  // Most charsets need at most 3 UTF-8 bytes per input byte; the loop grows
  // the buffer for the rest.
  out->resize(std::max<size_t>(64, bytes.size() + bytes.size() / 2));
  std::array<UChar, 4096> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  const char* src = bytes.data();
  char* dst = out->data();
  bool reset = true;
  while (true) {
    err = U_ZERO_ERROR;
    ucnv_convertEx(target.get(), source.get(), &dst, out->data() + out->size(),
                   &src, bytes.data() + bytes.size(), pivot.data(),
                   &pivot_source, &pivot_target, pivot.data() + pivot.size(),
                   reset, /*flush=*/true, &err);
    reset = false;
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    const size_t used = static_cast<size_t>(dst - out->data());
    out->resize(out->size() * 2);
    dst = out->data() + used;
  }
  if (U_FAILURE(err)) {
    out->clear();
    return Status::Corrupt(std::string("ICU conversion from ") + charset.name +
                           " failed: " + u_errorName(err));
  }
  out->resize(static_cast<size_t>(dst - out->data()));
  return Status::Ok();
}

std::string GuessCharsetLabel(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  if (detector == nullptr) return "";
  const std::string_view prefix = bytes.substr(0, kGuessBytes);
  std::string label;
  if (uchardet_handle_data(detector, prefix.data(), prefix.size()) == 0) {
    uchardet_data_end(detector);
    const char* guess = uchardet_get_charset(detector);
    if (guess != nullptr) label = guess;
  }
  uchardet_delete(detector);
  return label;
}

}  // namespace newsmill::decode
