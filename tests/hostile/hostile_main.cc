// newsmill_hostile DIR [--long-line MiB] [--mixed N]: writes the adversarial
// corpus (and optionally the 50 MB line and a mixed run of N documents) to
// DIR, one line per case on stdout: file, documents expected, what it tries.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "hostile/hostile_corpus.h"

int main(int argc, char** argv) {
  using newsmill::hostile::Case;
  if (argc < 2) {
    std::fprintf(stderr, "usage: newsmill_hostile DIR [--long-line MiB] [--mixed N]\n");
    return 2;
  }
  const std::string dir = argv[1];
  std::vector<Case> cases = newsmill::hostile::AdversarialCases();
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const size_t n = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--long-line") {
      cases.push_back(newsmill::hostile::LongLineCase(n << 20, false));
      cases.push_back(newsmill::hostile::LongLineCase(n << 20, true));
    } else if (flag == "--mixed") {
      newsmill::hostile::MixedRun run = newsmill::hostile::MixedCorpus(n, 10);
      for (Case& c : run.files) {
        c.name = "mixed/" + c.name;
        cases.push_back(std::move(c));
      }
    }
  }
  if (!newsmill::hostile::WriteCases(dir, cases)) {
    std::fprintf(stderr, "newsmill_hostile: cannot write to %s\n", dir.c_str());
    return 1;
  }
  for (const Case& c : cases) {
    if (c.name.starts_with("mixed/")) continue;
    std::printf("%s\t%zu\t%s\n", c.name.c_str(), c.documents, c.about.c_str());
  }
  return 0;
}
