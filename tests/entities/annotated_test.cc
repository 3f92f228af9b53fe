// Entity precision and recall on tests/entities/fixtures/annotated.txt
// (typed, exact span), printed, with floors the stage reaches today.
//
// Only name mentions are scored: pronouns ("he") and role descriptions
// ("Russia's foreign minister") are mentions too, but the fixture marks
// names, so a mention that starts or ends in lower case is left out.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "newsmill/entities.h"
#include "newsmill/text.h"

namespace newsmill {
namespace {

std::string_view TypeName(EntityType t) {
  static constexpr std::string_view kNames[] = {"PERSON", "ORG", "GPE", "LOC",
                                                "NORP", "EVENT", "MISC"};
  return kNames[static_cast<int>(t)];
}

using Gold = std::set<std::tuple<size_t, size_t, std::string>>;

// "[Olaf Scholz|PERSON] spoke" -> "Olaf Scholz spoke" and its spans.
std::string Parse(std::string_view line, Gold* gold) {
  std::string text;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] != '[') {
      text.push_back(line[i++]);
      continue;
    }
    const size_t bar = line.find('|', i);
    const size_t close = line.find(']', i);
    const size_t begin = text.size();
    text.append(line.substr(i + 1, bar - i - 1));
    gold->emplace(begin, text.size(), std::string(line.substr(bar + 1, close - bar - 1)));
    i = close + 1;
  }
  return text;
}

bool IsNameMention(std::string_view m) {
  if (m.empty()) return false;
  const size_t sp = m.rfind(' ');
  const std::string_view last = m.substr(sp == std::string_view::npos ? 0 : sp + 1);
  const bool last_has_capital =
      std::any_of(last.begin(), last.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return !(m.front() >= 'a' && m.front() <= 'z') && last_has_capital && m != "He" &&
         m != "She" && m != "It" && m != "They";
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double P() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1; }
  double R() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1; }
};

TEST(AnnotatedEntities, PrecisionAndRecall) {
  std::ifstream in(NEWSMILL_SOURCE_DIR "/tests/entities/fixtures/annotated.txt");
  ASSERT_TRUE(in) << "fixture missing";
  std::map<std::string, Counts> by_type;
  Counts all;
  int lines = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++lines;
    Gold gold;
    const std::string text = Parse(line, &gold);
    Gold got;
    for (const Entity& e : FindEntities(text, AnalyzeText(text), EntityOptions())) {
      for (const ByteSpan& m : e.mentions) {
        if (IsNameMention(SpanText(text, m))) got.emplace(m.begin, m.end, TypeName(e.type));
      }
    }
    for (const auto& g : gold) {
      const bool hit = got.contains(g);
      (hit ? all.tp : all.fn)++;
      (hit ? by_type[std::get<2>(g)].tp : by_type[std::get<2>(g)].fn)++;
      if (!hit) std::printf("  missed %-7s %s\n", std::get<2>(g).c_str(),
                            text.substr(std::get<0>(g), std::get<1>(g) - std::get<0>(g)).c_str());
    }
    for (const auto& g : got) {
      if (gold.contains(g)) continue;
      all.fp++;
      by_type[std::get<2>(g)].fp++;
      std::printf("  extra  %-7s %s\n", std::get<2>(g).c_str(),
                  text.substr(std::get<0>(g), std::get<1>(g) - std::get<0>(g)).c_str());
    }
  }
  EXPECT_GE(lines, 40);
  for (const auto& [type, c] : by_type) {
    std::printf("%-7s P %.3f R %.3f (tp %d fp %d fn %d)\n", type.c_str(), c.P(), c.R(), c.tp,
                c.fp, c.fn);
  }
  std::printf("ALL     P %.3f R %.3f F1 %.3f on %d sentences\n", all.P(), all.R(),
              2 * all.P() * all.R() / (all.P() + all.R()), lines);
  EXPECT_GE(all.P(), 0.80);
  EXPECT_GE(all.R(), 0.80);
}

}  // namespace
}  // namespace newsmill
