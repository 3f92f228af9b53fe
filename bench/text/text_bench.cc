// Sentences + tokens + entities: MB of text per second on one core.
// Each file is one article; every article is analysed `rounds` times (3)
// with one TextAnalyzer, as a pipeline worker would.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsmill/entities.h"
#include "newsmill/text.h"

namespace fs = std::filesystem;

namespace {

void Collect(const fs::path& p, std::vector<std::string>* texts) {
  if (fs::is_directory(p)) {
    for (const auto& entry : fs::directory_iterator(p)) Collect(entry.path(), texts);
    return;
  }
  if (p.extension() != ".txt") return;
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  texts->push_back(ss.str());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> texts;
  for (int i = 1; i < argc; ++i) Collect(argv[i], &texts);
  if (argc < 2) {
    const fs::path polnear = NEWSMILL_SOURCE_DIR "/../shared/data/polnear/data";
    for (const char* split : {"train", "dev"}) {
      if (fs::exists(polnear / split / "text")) Collect(polnear / split / "text", &texts);
    }
    if (texts.empty()) Collect(NEWSMILL_SOURCE_DIR "/../shared/seed/000_1bab8556ee00fa53.txt", &texts);
  }
  if (texts.empty()) {
    std::fprintf(stderr, "text_bench: no .txt files\n");
    return 1;
  }
  size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  newsmill::TextAnalyzer analyzer;
  newsmill::TextAnalysis analysis;
  const int rounds = 3;
  size_t entities = 0;
  double text_seconds = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& t : texts) {
      const auto t0 = std::chrono::steady_clock::now();
      analyzer.Analyze(t, &analysis);
      text_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      entities += newsmill::FindEntities(t, analysis, {}).size();
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double mb = static_cast<double>(bytes) * rounds / 1e6;
  std::printf("%zu articles, %.2f MB x %d rounds, %zu entities\n", texts.size(),
              static_cast<double>(bytes) / 1e6, rounds, entities / rounds);
  std::printf("sentences+tokens:          %.1f MB/s per core\n", mb / text_seconds);
  std::printf("sentences+tokens+entities: %.1f MB/s per core\n", mb / seconds);
  return 0;
}
