// Parser throughput on one core: gumbo vs newsmill's fast parser, on the
// AEB benchmark pages (decoded to UTF-8 first; decoding is not timed).
//
// Two figures per parser: the parse alone (HTML -> tree: gumbo's own tree,
// or the fast parser's Dom) and ParseHtml as the pipeline calls it (tree,
// Dom, title, metas and blocks).
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "html/fast_parser.h"
#include "newsmill/decode.h"
#include "newsmill/html.h"
#include "newsmill/readers.h"

namespace {

// The pages of `dir`, inflated by newsmill's own reader and decoded.
std::vector<std::string> LoadPages(const std::filesystem::path& dir) {
  std::vector<std::string> pages;
  (void)newsmill::ReadInputs({dir.string()}, newsmill::ReaderOptions{},
                             [&](newsmill::Document&& doc) {
                               if (!doc.error.empty()) return true;
                               auto text = newsmill::DecodeToUtf8(
                                   doc.bytes, "", newsmill::PayloadKind::kHtml);
                               if (text.ok()) pages.push_back(std::move(text->utf8));
                               return true;
                             });
  return pages;
}

// Seconds for `rounds` passes of `parse` over all pages (best of 3 runs,
// so a noisy neighbour does not decide the figure).
template <typename Parse>
double Time(const std::vector<std::string>& pages, int rounds, Parse parse) {
  double best = 1e30;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < rounds; ++r) {
      for (const std::string& page : pages) parse(page);
    }
    const std::chrono::duration<double> took =
        std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
  }
  return best;
}

size_t sink = 0;  // keeps results alive so nothing is optimised away

void GumboOnly(const std::string& page) {
  GumboOutput* out =
      gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
  sink += out->root != nullptr;
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

void FastOnly(const std::string& page) {
  thread_local newsmill::Dom dom;
  newsmill::html::FastParseHtml(page, 512, &dom);
  sink += dom.size();
}

void Full(const std::string& page, newsmill::HtmlOptions::Parser parser) {
  newsmill::HtmlOptions options;
  options.parser = parser;
  auto result = newsmill::ParseHtml(page, options);
  sink += result.ok() ? result->blocks.size() : 0;
}

void Report(const char* what, double gumbo_s, double fast_s, double mb,
            double pages) {
  std::printf(
      "%-10s gumbo %8.1f MB/s %8.0f pages/s | fast %8.1f MB/s %8.0f pages/s | "
      "x%.1f\n",
      what, mb / gumbo_s, pages / gumbo_s, mb / fast_s, pages / fast_s,
      gumbo_s / fast_s);
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path dir =
      argc > 1 ? argv[1] : NEWSMILL_SOURCE_DIR "/../shared/data/aeb/html";
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  if (!std::filesystem::is_directory(dir)) {
    std::fprintf(stderr, "no pages directory %s\n", dir.c_str());
    return 1;
  }
  const std::vector<std::string> pages = LoadPages(dir);
  size_t bytes = 0;
  for (const std::string& p : pages) bytes += p.size();
  const double mb = static_cast<double>(bytes) * rounds / 1e6;
  const double n = static_cast<double>(pages.size()) * rounds;
  std::printf("%zu pages, %.1f MB of UTF-8, %d rounds, one core\n",
              pages.size(), static_cast<double>(bytes) / 1e6, rounds);
  using P = newsmill::HtmlOptions::Parser;
  Report("parse", Time(pages, rounds, GumboOnly), Time(pages, rounds, FastOnly),
         mb, n);
  Report("ParseHtml",
         Time(pages, rounds, [](const std::string& p) { Full(p, P::kGumbo); }),
         Time(pages, rounds, [](const std::string& p) { Full(p, P::kFast); }),
         mb, n);
  return sink == 0;  // never true with pages; keeps `sink` observable
}
