// The mixed run: a JSON Lines file, a WARC file and a directory of pages, with
// broken documents spread through all three. Every broken document is one
// that must come out as exactly one record with `error`, without disturbing
// its neighbours.
#include <random>

#include "hostile/hostile_corpus.h"

namespace newsmill::hostile {
namespace {

std::string Noise(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xff);
  return out;
}

std::string Padded(size_t i) {
  std::string s = std::to_string(i);
  return std::string(s.size() < 5 ? 5 - s.size() : 0, '0') + s;
}

// JSON string contents for plain ASCII with quotes (NewsPage has them).
std::string JsonEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

void AddJsonl(size_t count, size_t broken_every, size_t* seq, MixedRun* run) {
  const std::string name = "a.jsonl";
  std::string bytes;
  for (size_t i = 0; i < count; ++i, ++(*seq)) {
    // append, not "j" + to_string(i): GCC 12 warns (-Wrestrict) on the
    // inlined operator+ of a literal and a temporary.
    std::string id = "j";
    id += std::to_string(i);
    const size_t line = i + 1;
    std::string expected_id = id;
    const bool broken = *seq % broken_every == broken_every - 1;
    if (!broken) {
      if (i % 2 == 0) {
        bytes += R"({"id":")" + id + R"(","html":")" + JsonEscape(NewsPage(*seq)) + "\"}\n";
      } else {
        bytes += R"({"id":")" + id + R"(","text":"The mayor said on Monday that )"
                 "bridge " + std::to_string(*seq) + R"( would reopen."})" "\n";
      }
    } else {
      switch ((*seq / broken_every) % 4) {
        case 0:  // cut in the middle
          bytes += R"({"id":")" + id + R"(","html":"<p>cut)" "\n";
          expected_id = name + ":" + std::to_string(line);
          break;
        case 1:  // a NUL byte
          bytes += R"({"id":")" + id + "\",\"html\":\"<p>a" + std::string(1, '\0') +
                   "b</p>\"}\n";
          expected_id = name + ":" + std::to_string(line);
          break;
        case 2:  // a payload that is not a string
          bytes += R"({"id":")" + id + R"(","html":[1,2]})" "\n";
          break;
        default:  // neither html nor text
          bytes += R"({"id":")" + id + R"(","body":"x"})" "\n";
          break;
      }
    }
    run->expected_ids.push_back(expected_id);
    run->expected_error.push_back(broken);
  }
  run->files.push_back({name, std::move(bytes), count, "mixed JSONL"});
  run->inputs.push_back(name);
}

void AddWarc(size_t count, size_t broken_every, size_t* seq, MixedRun* run) {
  std::string bytes;
  for (size_t i = 0; i < count; ++i, ++(*seq)) {
    const std::string id = "<urn:w" + std::to_string(i) + ">";
    const std::string uri = "https://example.com/" + std::to_string(i);
    const bool broken = *seq % broken_every == broken_every - 1;
    if (!broken) {
      bytes += HttpRecord(id, uri, NewsPage(*seq));
    } else {
      switch ((*seq / broken_every) % 3) {
        case 0:
          bytes += HttpRecord(id, uri, "xyz",
                              {"Content-Type: text/html", "Content-Encoding: br"});
          break;
        case 1:
          bytes += WarcRecord("response", id, uri, "application/http; msgtype=response",
                              "NOT HTTP AT ALL\r\n\r\n<p>x</p>");
          break;
        default:
          bytes += HttpRecord(id, uri, Noise(3000, static_cast<uint32_t>(i)));
          break;
      }
    }
    run->expected_ids.push_back(id);
    run->expected_error.push_back(broken);
  }
  run->files.push_back({"b.warc", std::move(bytes), count, "mixed WARC"});
  run->inputs.push_back("b.warc");
}

void AddFiles(size_t count, size_t broken_every, size_t* seq, MixedRun* run) {
  for (size_t i = 0; i < count; ++i, ++(*seq)) {
    const bool broken = *seq % broken_every == broken_every - 1;
    std::string name;
    std::string bytes;
    if (!broken) {
      switch (i % 3) {
        case 0:
          name = "c/" + Padded(i) + ".html";
          bytes = NewsPage(*seq);
          break;
        case 1:
          name = "c/" + Padded(i) + ".txt";
          bytes = "Council vote\n\nThe council met on Monday, the mayor said.\n";
          break;
        default:
          name = "c/" + Padded(i) + ".html.gz";
          bytes = GzipOf(NewsPage(*seq));
          break;
      }
    } else {
      switch ((*seq / broken_every) % 3) {
        case 0:
          name = "c/" + Padded(i) + ".html";
          bytes = Noise(5000, static_cast<uint32_t>(i));
          break;
        case 1:
          name = "c/" + Padded(i) + ".html";  // empty
          break;
        default:
          name = "c/" + Padded(i) + ".html.gz";
          bytes = GzipOf(NewsPage(*seq));
          bytes.resize(bytes.size() / 2);
          break;
      }
    }
    run->expected_ids.push_back(name);
    run->expected_error.push_back(broken);
    run->files.push_back({name, std::move(bytes), 1, "mixed file"});
  }
  run->inputs.push_back("c");
}

}  // namespace

MixedRun MixedCorpus(size_t documents, size_t broken_every) {
  MixedRun run;
  size_t seq = 0;
  const size_t jsonl = documents * 6 / 10;
  const size_t warc = documents / 4;
  AddJsonl(jsonl, broken_every, &seq, &run);
  AddWarc(warc, broken_every, &seq, &run);
  AddFiles(documents - jsonl - warc, broken_every, &seq, &run);
  return run;
}

}  // namespace newsmill::hostile
