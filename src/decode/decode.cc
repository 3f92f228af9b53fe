// DecodeToUtf8: binary detection, charset choice, conversion.
#include "newsmill/decode.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "decode/charset.h"
#include "decode/content_sniff.h"
#include "decode/decode_owned.h"
#include "decode/utf8_scan.h"

namespace newsmill {
namespace {

using decode::Charset;

// Labels come from page content and end up in JSON warnings: keep them
// short and printable ASCII.
std::string Printable(std::string_view label) {
  std::string out;
  for (char c : label.substr(0, 40))
    out.push_back(c >= ' ' && c <= '~' ? c : '?');
  return out;
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
  });
}

// `body` as it is: moved from `*owned` when that holds exactly these bytes
// (saves a copy of the page), else copied.
void TakeAsIs(std::string_view body, std::string* owned, DecodedText* out) {
  if (owned != nullptr && owned->data() == body.data() &&
      owned->size() == body.size()) {
    out->utf8 = std::move(*owned);
  } else {
    out->utf8.assign(body);
  }
}

// Copies UTF-8 input as it is, or repaired when it is not valid.
void CopyUtf8(std::string_view body, const decode::Utf8Scan& scan,
              std::string* owned, DecodedText* out) {
  if (scan.valid) {
    TakeAsIs(body, owned, out);
    return;
  }
  const size_t replaced = RepairUtf8(body, &out->utf8);
  out->warnings.push_back(std::to_string(replaced) +
                          " invalid UTF-8 sequences replaced");
}

Status Convert(std::string_view body, const Charset& charset,
               const decode::Utf8Scan& scan, std::string* owned,
               DecodedText* out) {
  out->charset = charset.name;
  if (charset.utf8) {
    CopyUtf8(body, scan, owned, out);
    return Status::Ok();
  }
  // Pure ASCII means the same in every ASCII-compatible charset; a copy is
  // much cheaper than a round trip through ICU.
  if (scan.ascii && charset.ascii_compatible) {
    TakeAsIs(body, owned, out);
    return Status::Ok();
  }
  size_t replaced = 0;
  Status status = decode::ConvertToUtf8(body, charset, &out->utf8, &replaced);
  if (!status.ok()) return status;
  if (replaced > 0) {
    out->warnings.push_back(std::to_string(replaced) +
                            " byte sequences invalid in " + charset.name +
                            " replaced");
  }
  return Status::Ok();
}

// A declared charset, checked against the bytes. Returns nullopt when the
// label is unknown, so the caller moves on to the next source.
std::optional<Charset> CheckDeclared(std::string_view label,
                                     std::string_view source,
                                     const decode::Utf8Scan& scan,
                                     std::vector<std::string>* warnings) {
  std::optional<Charset> charset = decode::ResolveLabel(label);
  if (!charset) {
    warnings->push_back("unknown charset \"" + Printable(label) + "\" (" +
                        std::string(source) + ") ignored");
    return std::nullopt;
  }
  // WHATWG: a page that declares itself in ASCII bytes cannot be UTF-16.
  if (source == "meta" && charset->wide) return decode::Utf8Charset();
  // Pages that say windows-1252 but are UTF-8 are common; the reverse
  // (legacy bytes that happen to be valid UTF-8 with non-ASCII) is rare.
  if (!charset->utf8 && scan.valid && (!scan.ascii || charset->wide)) {
    warnings->push_back("charset " + charset->name + " declared (" +
                        std::string(source) +
                        ") but content is valid UTF-8; decoded as UTF-8");
    return decode::Utf8Charset();
  }
  return charset;
}

// Declared charset, then <meta>, then UTF-8 validity, then uchardet, then
// windows-1252.
Charset ChooseCharset(std::string_view body, std::string_view declared,
                      PayloadKind kind, const decode::Utf8Scan& scan,
                      std::vector<std::string>* warnings) {
  if (!declared.empty()) {
    if (auto charset = CheckDeclared(declared, "declared", scan, warnings)) {
      return *charset;
    }
  }
  if (kind == PayloadKind::kHtml) {
    const std::string meta = SniffMetaCharset(body);
    if (!meta.empty()) {
      if (auto charset = CheckDeclared(meta, "meta", scan, warnings)) {
        return *charset;
      }
    }
  }
  if (scan.valid) return decode::Utf8Charset();
  if (scan.MostlyUtf8()) return decode::Utf8Charset();  // repaired, with a warning
  const std::string guess = decode::GuessCharsetLabel(body);
  if (!guess.empty()) {
    if (auto charset = decode::ResolveLabel(guess)) {
      // Not valid UTF-8 and nothing declared: say what the bytes were read
      // as, since it was a guess (and may be corrupt UTF-8 instead).
      warnings->push_back("not valid UTF-8 and no charset declared; decoded as " +
                          guess + " (guessed by uchardet)");
      return *charset;
    }
  }
  warnings->push_back("charset not detected; decoded as windows-1252");
  return decode::Windows1252Charset();
}

// Output hygiene that holds whatever the path: no leading BOM, no NULs.
void Finish(std::string* utf8) {
  if (utf8->compare(0, 3, "\xEF\xBB\xBF") == 0) utf8->erase(0, 3);
  if (std::memchr(utf8->data(), '\0', utf8->size()) != nullptr) {
    utf8->erase(std::remove(utf8->begin(), utf8->end(), '\0'), utf8->end());
  }
}

// DecodeToUtf8; `owned`, when not null, holds `bytes` and may be moved
// from.
Result<DecodedText> Decode(std::string_view bytes,
                           std::string_view declared_charset, PayloadKind kind,
                           std::string* owned) {
  if (bytes.empty()) return Status::InvalidArgument("empty document");
  const std::string_view magic = decode::DetectBinaryMagic(bytes);
  if (!magic.empty()) {
    return Status::Unsupported("binary content (" + std::string(magic) + ")");
  }
  DecodedText result;
  std::string_view body = bytes;
  // A byte order mark, or the NUL pattern of UTF-16, outranks any
  // declaration: both are properties of the bytes themselves.
  std::optional<Charset> forced;
  const decode::Bom bom = decode::DetectBom(bytes);
  if (bom.length > 0) {
    forced = decode::ResolveLabel(bom.label);
    body.remove_prefix(bom.length);
  } else if (std::string_view utf16 = decode::DetectBomlessUtf16(bytes);
             !utf16.empty()) {
    forced = decode::ResolveLabel(utf16);
    result.warnings.push_back(std::string(utf16) +
                              " without byte order mark detected");
  } else if (std::string why = decode::DescribeBinaryBytes(bytes);
             !why.empty()) {
    return Status::Unsupported("binary content (" + why + ")");
  }
  if (bom.length > 0 && !forced) {
    return Status::Unsupported("no converter for " + std::string(bom.label));
  }

  const decode::Utf8Scan scan = decode::ScanUtf8(body);
  const Charset charset = forced ? *forced
                                 : ChooseCharset(body, declared_charset, kind,
                                                 scan, &result.warnings);
  Status status = Convert(body, charset, scan, owned, &result);
  if (!status.ok()) return status;
  Finish(&result.utf8);
  if (IsBlank(result.utf8)) return Status::InvalidArgument("empty document");
  return result;
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                 std::string_view declared_charset,
                                 PayloadKind kind) {
  return Decode(bytes, declared_charset, kind, nullptr);
}

namespace decode {

Result<DecodedText> DecodeOwnedToUtf8(std::string* bytes,
                                      std::string_view declared_charset,
                                      PayloadKind kind) {
  return Decode(*bytes, declared_charset, kind, bytes);
}

}  // namespace decode

}  // namespace newsmill
