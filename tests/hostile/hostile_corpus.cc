#include "hostile/hostile_corpus.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <utility>

namespace newsmill::hostile {
namespace {

std::string Repeat(std::string_view unit, size_t count) {
  std::string out;
  out.reserve(unit.size() * count);
  for (size_t i = 0; i < count; ++i) out += unit;
  return out;
}

// Deterministic noise: the same corpus on every run.
std::string Noise(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xff);
  return out;
}

std::string Page(std::string_view body, std::string_view head = "") {
  return "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>" +
         std::string(head) + "<title>Hostile</title></head><body>" +
         std::string(body) + "</body></html>";
}

// UTF-16 of an ASCII string.
std::string Utf16(std::string_view ascii, bool big_endian) {
  std::string out;
  for (char c : ascii) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}

class Deflater {
 public:
  Deflater() {
    deflateInit2(&zs_, Z_BEST_COMPRESSION, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);
  }
  ~Deflater() { deflateEnd(&zs_); }
  void Add(std::string_view in, bool last) {
    zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs_.avail_in = static_cast<uInt>(in.size());
    char buf[1 << 16];
    int rc;
    do {
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = sizeof buf;
      rc = deflate(&zs_, last ? Z_FINISH : Z_NO_FLUSH);
      out_.append(buf, sizeof buf - zs_.avail_out);
    } while (zs_.avail_in > 0 || (last && rc != Z_STREAM_END));
  }
  std::string Take() { return std::move(out_); }

 private:
  z_stream zs_{};
  std::string out_;
};

void AddInvalidUtf8(std::vector<Case>* cases) {
  // One file per class of invalid sequence, each inside ordinary prose.
  const std::pair<const char*, std::string> kClasses[] = {
      {"lone_continuation", "\x80\xbf"},
      {"overlong_2", "\xc0\xaf\xc1\xbf"},
      {"overlong_3", "\xe0\x80\xaf"},
      {"overlong_4", "\xf0\x80\x80\xaf"},
      {"surrogate", "\xed\xa0\x80\xed\xbf\xbf"},
      {"above_10ffff", "\xf4\x90\x80\x80"},
      {"invalid_lead_f5_ff", "\xf5\xf8\xfc\xfe\xff"},
      {"truncated_2", "\xc3"},
      {"truncated_3", "\xe2\x82"},
      {"truncated_4", "\xf0\x9f\x98"},
  };
  std::string all;
  for (const auto& [name, bytes] : kClasses) {
    all += bytes;
    cases->push_back({std::string("invalid_utf8_") + name + ".html",
                      Page("<p>The minister said " + bytes +
                           " the talks would go on.</p>"),
                      1, std::string("invalid UTF-8: ") + name});
  }
  cases->push_back({"invalid_utf8_all.txt",
                    "The council met.\n" + Repeat(all + " word ", 1000) +
                        "\xe2\x82",  // and a sequence cut by the end
                    1, "invalid UTF-8: every class, in text, cut at the end"});
}

void AddUtf16(std::vector<Case>* cases) {
  const std::string page = Page("<p>Prose in UTF-16, read as such.</p>");
  cases->push_back({"utf16le_bom.html", "\xff\xfe" + Utf16(page, false), 1,
                    "UTF-16LE with a BOM"});
  cases->push_back({"utf16be_bom.html", "\xfe\xff" + Utf16(page, true), 1,
                    "UTF-16BE with a BOM"});
  cases->push_back({"utf16le_nobom.html", Utf16(page, false), 1,
                    "UTF-16LE without a BOM"});
  cases->push_back({"utf16be_nobom.html", Utf16(page, true), 1,
                    "UTF-16BE without a BOM"});
  cases->push_back({"utf16le_odd_length.html",
                    "\xff\xfe" + Utf16(page, false) + "x", 1,
                    "UTF-16 with an odd byte count"});
  cases->push_back({"utf16le_lone_surrogate.html",
                    "\xff\xfe" + Utf16("<p>a", false) + "\x00\xd8" +
                        Utf16("b</p>", false),
                    1, "UTF-16 with a lone surrogate"});
}

void AddGzip(std::vector<Case>* cases) {
  const std::string zeros(1 << 16, '\0');
  const std::string bomb = GzipOfRepeated(zeros, 4096);  // 256 MiB of NUL
  cases->push_back({"gzip_bomb.html.gz", bomb, 1, "gzip bomb, 256 MiB of NUL"});
  cases->push_back({"gzip_bomb_markup.html.gz",
                    GzipOfRepeated(Repeat("<div>", 1 << 12), 1 << 13), 1,
                    "gzip bomb, 160 MiB of <div>"});
  cases->push_back(
      {"gzip_bomb.warc.gz",
       GzipOf(HttpRecord("<urn:a>", "https://a.example/", NewsPage(1))) +
           GzipOfRepeated(zeros, 4096),
       2, "gzip bomb as a .warc.gz member after a good record"});
  cases->push_back(
      {"content_encoding_bomb.warc",
       HttpRecord("<urn:bomb>", "https://b.example/", GzipOfRepeated(zeros, 2048),
                  {"Content-Type: text/html", "Content-Encoding: gzip"}) +
           HttpRecord("<urn:c>", "https://c.example/", NewsPage(2)),
       2, "Content-Encoding: gzip bomb in a WARC response, then a good record"});
  cases->push_back({"gzip_in_gzip.html.gz", GzipOf(GzipOf(NewsPage(3))), 1,
                    "gzip inside gzip"});
  std::string cut = GzipOf(NewsPage(4));
  cases->push_back({"gzip_truncated.html.gz", cut.substr(0, cut.size() / 2), 1,
                    "truncated gzip"});
  std::string corrupt = GzipOf(Repeat(NewsPage(5), 20));
  for (size_t i = 20; i < corrupt.size(); i += 7) corrupt[i] ^= 0x5a;
  cases->push_back({"gzip_corrupt.html.gz", corrupt, 1, "corrupt gzip"});
}

void AddWarc(std::vector<Case>* cases) {
  const std::string a = HttpRecord("<urn:a>", "https://a.example/", NewsPage(10));
  const std::string c = HttpRecord("<urn:c>", "https://c.example/", NewsPage(12));
  const std::string block =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + NewsPage(11);
  auto lying = [&](long delta) {
    return WarcRecord("response", "<urn:b>", "https://b.example/",
                      "application/http; msgtype=response", block, delta);
  };
  // Too short: the record is cut and its tail is garbage before the next
  // version line (a record, an error, then the next record).
  cases->push_back({"warc_length_short.warc", a + lying(-200) + c, 4,
                    "WARC Content-Length 200 bytes short"});
  // Too long: the block swallows the start of the next record, whose rest
  // is garbage (that record is lost: its header was read as payload).
  cases->push_back({"warc_length_long.warc", a + lying(300) + c, 3,
                    "WARC Content-Length 300 bytes long, into the next record"});
  cases->push_back({"warc_length_past_end.warc", a + lying(100000), 2,
                    "WARC Content-Length past the end of the file"});
  std::string huge = lying(0);
  huge.replace(huge.find("Content-Length: ") + 16,
               std::to_string(block.size()).size(), "999999999999999999");
  cases->push_back({"warc_length_huge.warc", a + huge, 2,
                    "WARC Content-Length of 10^18"});
  std::string words = lying(0);
  words.replace(words.find("Content-Length: ") + 16,
                std::to_string(block.size()).size(), "-12");
  cases->push_back({"warc_length_negative.warc", words + c, 2,
                    "WARC Content-Length negative, then a good record"});
  cases->push_back({"warc_garbage.warc", Noise(100000, 7) + "\r\n" + a, 2,
                    "noise before a WARC record"});
  cases->push_back({"warc_header_only.warc", "WARC/1.0\r\nWARC-Type: response\r\n",
                    1, "a WARC header cut off"});
  cases->push_back({"warc_long_header_line.warc",
                    "WARC/1.0\r\nX: " + Repeat("h", 1 << 20) + "\r\n\r\n" + c, 2,
                    "a 1 MiB WARC header line"});
  cases->push_back({"warc_binary_payload.warc",
                    HttpRecord("<urn:bin>", "https://bin.example/", Noise(50000, 8)) + c,
                    2, "binary bytes served as text/html"});
  cases->push_back({"warc_unknown_encoding.warc",
                    HttpRecord("<urn:br>", "https://br.example/", "xyz",
                               {"Content-Type: text/html", "Content-Encoding: br"}) + c,
                    2, "Content-Encoding: br"});
}

void AddJsonl(std::vector<Case>* cases) {
  std::string lines;
  lines += R"({"id":"ok1","html":"<p>A good line.</p>"})" "\n";
  lines += R"({"id":"cut","html":"<p>the line ends)" "\n";
  lines += std::string(R"({"id":"nul","html":"<p>a)") + '\0' + R"(b</p>"})" "\n";
  lines += R"({"id":"escaped_nul","html":"<p>a\u0000b</p>"})" "\n";
  lines += R"({"id":"lone_surrogate","text":"a \ud800 b"})" "\n";
  lines += "[1,2,3]\n";
  lines += R"({"id":{"a":1},"html":"<p>id is an object</p>"})" "\n";
  lines += R"({"id":"num","html":12})" "\n";
  lines += Repeat("[", 100000) + Repeat("]", 100000) + "\n";
  std::string noise = Noise(4000, 9);
  for (char& ch : noise) ch = ch == '\n' ? ' ' : ch;  // one line of noise
  lines += noise + "\n";
  lines += "\n  \n\r\n";  // blank lines: no documents
  lines += R"({"id":"bad_utf8","text":")" "\xff\xfe" R"("})" "\n";
  lines += R"({"id":"ok2","text":"The mayor said the bridge would reopen."})";
  // No final newline.
  cases->push_back({"broken.jsonl", lines, 12,
                    "JSONL: cut lines, NUL bytes, \\u0000, lone surrogates, "
                    "100,000-deep arrays, noise, blank lines"});
  cases->push_back({"nul_only.jsonl", std::string(100000, '\0'), 1,
                    "JSONL of NUL bytes"});
}

void AddBinary(std::vector<Case>* cases) {
  cases->push_back({"noise.html", Noise(1 << 16, 1), 1, "random bytes named .html"});
  cases->push_back({"png.html", "\x89PNG\r\n\x1a\n" + Noise(20000, 2), 1,
                    "a PNG named .html"});
  cases->push_back({"elf.html", "\x7f" "ELF\x02\x01\x01" + Noise(20000, 3), 1,
                    "an ELF binary named .html"});
  cases->push_back({"nul.html", std::string(1 << 20, '\0'), 1, "1 MiB of NUL"});
  cases->push_back({"noise.txt", Noise(1 << 16, 4), 1, "random bytes named .txt"});
  cases->push_back({"empty.html", "", 1, "an empty file"});
}

void AddMarkup(std::vector<Case>* cases) {
  cases->push_back({"deep_div.html", Page(Repeat("<div>", 100000) + "deep"), 1,
                    "100,000 nested <div>"});
  cases->push_back({"deep_mixed.html",
                    Page(Repeat("<div><span><b><i><ul><li><table><tr><td>", 12000) +
                         "deep"),
                    1, "108,000 nested mixed elements (lists, tables, formatting)"});
  cases->push_back({"deep_formatting.html",
                    Page(Repeat("<b><p>", 50000) + "x" + Repeat("</b>", 50000)), 1,
                    "50,000 misnested <b><p> (adoption agency)"});
  cases->push_back({"deep_svg.html", Page(Repeat("<svg><g>", 50000)), 1,
                    "100,000 nested foreign elements"});
  std::string attrs = "<div";
  for (int i = 0; i < 1000000; ++i) attrs += " a" + std::to_string(i) + "=v";
  cases->push_back({"million_attributes.html", Page(attrs + ">text</div>"), 1,
                    "1,000,000 attributes on one element"});
  cases->push_back({"million_duplicate_attributes.html",
                    Page("<p" + Repeat(" class=x", 1000000) + ">text</p>"), 1,
                    "1,000,000 copies of one attribute"});
  cases->push_back({"unclosed_comment.html",
                    Page("<p>before</p><!--" + Repeat("-- x ", 2000000)), 1,
                    "a 10 MB unclosed comment"});
  cases->push_back({"unclosed_script.html",
                    Page("<script>" + Repeat("</scrip <!-- ", 800000)), 1,
                    "a 10 MB unclosed script"});
  cases->push_back({"many_entities.html",
                    Page("<p>" + Repeat("&amp;&#99999999999;&#x110000;&notanentity", 100000) +
                         "</p>"),
                    1, "400,000 character references, some out of range"});
  cases->push_back({"many_paragraphs.html", Page(Repeat("<p>Short one.</p>", 200000)),
                    1, "200,000 paragraphs"});
  cases->push_back({"long_word.html", Page("<p>" + std::string(5 << 20, 'a') + "</p>"),
                    1, "a 5 MB word"});
  cases->push_back({"many_quotes.txt",
                    Repeat("\"Yes,\" said Mr. Smith. \"No,\" replied the minister. ", 50000),
                    1, "50,000 quotations on one line"});
  cases->push_back({"many_lines.txt", Repeat("A\n", 1000000), 1,
                    "1,000,000 one-letter lines"});
}

}  // namespace

std::string GzipOf(std::string_view bytes) {
  Deflater d;
  d.Add(bytes, true);
  return d.Take();
}

std::string GzipOfRepeated(std::string_view unit, uint64_t count) {
  Deflater d;
  for (uint64_t i = 0; i < count; ++i) d.Add(unit, false);
  d.Add("", true);
  return d.Take();
}

std::string WarcRecord(std::string_view type, std::string_view id,
                       std::string_view uri, std::string_view content_type,
                       std::string_view block, long length_delta) {
  std::string out = "WARC/1.0\r\nWARC-Type: " + std::string(type) +
                    "\r\nWARC-Record-ID: " + std::string(id) +
                    "\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n";
  if (!uri.empty()) out += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  out += "Content-Type: " + std::string(content_type) + "\r\n";
  out += "Content-Length: " +
         std::to_string(static_cast<long>(block.size()) + length_delta) + "\r\n\r\n";
  out += block;
  out += "\r\n\r\n";
  return out;
}

std::string HttpRecord(std::string_view id, std::string_view uri,
                       std::string_view body, const std::vector<std::string>& headers) {
  std::string http = "HTTP/1.1 200 OK\r\n";
  for (const std::string& h : headers) http += h + "\r\n";
  http += "\r\n";
  http += body;
  return WarcRecord("response", id, uri, "application/http; msgtype=response", http);
}

std::string NewsPage(size_t n) {
  const std::string k = std::to_string(n);
  return Page("<nav><a href=/>Home</a></nav><article><h1>Council vote " + k +
              "</h1><p>The council met on Monday and voted on budget " + k +
              ", the mayor, Anna Berg, said.</p><p>\"We will build the bridge,\" "
              "she told reporters after meeting " + k + ".</p></article>");
}

std::vector<Case> AdversarialCases() {
  std::vector<Case> cases;
  AddMarkup(&cases);
  AddInvalidUtf8(&cases);
  AddUtf16(&cases);
  AddGzip(&cases);
  AddWarc(&cases);
  AddJsonl(&cases);
  AddBinary(&cases);
  return cases;
}

Case LongLineCase(size_t bytes, bool html) {
  static constexpr std::string_view kWords =
      "the council said on Monday that Anna Berg would lead the talks, ";
  std::string line = html ? "<p>" : "";
  while (line.size() < bytes) line += kWords;
  if (html) line += "</p>";
  return {html ? "long_line.html" : "long_line.txt", std::move(line), 1,
          "a single line of " + std::to_string(bytes >> 20) + " MiB"};
}

bool WriteCases(const std::string& dir, const std::vector<Case>& cases) {
  namespace fs = std::filesystem;
  for (const Case& c : cases) {
    const fs::path path = fs::path(dir) / c.name;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(c.bytes.data(), static_cast<std::streamsize>(c.bytes.size()));
    if (!out) return false;
  }
  return true;
}

}  // namespace newsmill::hostile
