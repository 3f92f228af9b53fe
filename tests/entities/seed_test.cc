// The seed page's entity checks (../shared/seed/expected.json): every
// expected entity is found with its type, role and enough mentions.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>
#include <string>

#include "newsmill/entities.h"
#include "newsmill/extract.h"
#include "newsmill/text.h"

namespace newsmill {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string_view TypeName(EntityType t) {
  static constexpr std::string_view kNames[] = {"PERSON", "ORG", "GPE", "LOC",
                                                "NORP", "EVENT", "MISC"};
  return kNames[static_cast<int>(t)];
}

TEST(SeedEntities, ExpectedEntitiesAreFound) {
  const std::string dir = NEWSMILL_SOURCE_DIR "/../shared/seed/";
  const std::string page = ReadFile(dir + "000_1bab8556ee00fa53.txt");
  const std::string expected = ReadFile(dir + "expected.json");
  if (page.empty() || expected.empty()) {
    GTEST_SKIP() << "../shared/seed is absent: the seed check needs the shared folder";
  }
  const Article article = ExtractFromText(page, ExtractOptions());
  const std::vector<Entity> entities =
      FindEntities(article.text, AnalyzeText(article.text), EntityOptions());

  simdjson::dom::parser parser;
  const simdjson::padded_string json(expected);
  simdjson::dom::element root = parser.parse(json);
  int checked = 0;
  for (simdjson::dom::object want : root["entities"].get_array()) {
    const std::string_view name = want["name"].get_string();
    const Entity* got = nullptr;
    for (const Entity& e : entities) {
      if (e.name == name) got = &e;
      if (got) break;
    }
    ASSERT_NE(got, nullptr) << "missing entity " << name;
    std::vector<std::string_view> types;
    simdjson::dom::element type = want["type"];
    if (type.is_string()) {
      types.push_back(type.get_string());
    } else {
      for (simdjson::dom::element t : type.get_array()) types.push_back(t.get_string());
    }
    EXPECT_NE(std::find(types.begin(), types.end(), TypeName(got->type)), types.end())
        << name << " is " << TypeName(got->type);
    std::string_view role;
    if (want["role"].get(role) == simdjson::SUCCESS) {
      bool has = false;
      for (const std::string& r : got->roles) {
        std::string lower = r;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string want_lower(role);
        for (char& c : want_lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        has |= lower.find(want_lower) != std::string::npos;
      }
      EXPECT_TRUE(has) << name << " lacks role " << role;
    }
    int64_t min_mentions = 0;
    if (want["min_mentions"].get(min_mentions) == simdjson::SUCCESS) {
      EXPECT_GE(static_cast<int64_t>(got->mentions.size()), min_mentions) << name;
    }
    ++checked;
  }
  EXPECT_GE(checked, 12);
}

}  // namespace
}  // namespace newsmill
