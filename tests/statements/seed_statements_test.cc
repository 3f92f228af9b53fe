// The seed page's 17 statements (../shared/seed/expected.json) through
// ExtractFromText and FindStatements. Until the entities stage lands, the
// entities are built here by hand the way that stage should give them
// (names, short names, the role description and the "he said" pronouns).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsmill/extract.h"
#include "newsmill/statements.h"

namespace newsmill {
namespace {

const std::string kSeedDir = std::string(NEWSMILL_SOURCE_DIR) + "/../shared/seed";

std::string Norm(std::string s) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"\u2019", "'"},
                          {"\u2018", "'"}, {"\u201C", "\""}, {"\u201D", "\""}}) {
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
  }
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void AddMentions(const std::string& text, const std::string& words, size_t offset,
                 size_t length, Entity* e) {
  for (size_t at = text.find(words); at != std::string::npos; at = text.find(words, at + 1)) {
    e->mentions.push_back({at + offset, at + offset + length});
  }
}

std::vector<Entity> HandEntities(const std::string& text) {
  struct Spec {
    const char* id;
    const char* name;
    std::vector<std::string> mentions;
  };
  const std::vector<Spec> specs = {
      {"E1", "Sergey Lavrov", {"Sergey Lavrov", "Lavrov", "Russia\u2019s foreign minister"}},
      {"E2", "Vladimir Putin", {"Vladimir Putin", "Putin"}},
      {"E3", "Joe Biden", {"Joe Biden"}},
      {"E4", "Dmitry Peskov", {"Dmitry Peskov", "Peskov"}},
      {"E5", "Olaf Scholz", {"Olaf Scholz", "Scholz"}},
      {"E6", "Kremlin", {"Kremlin"}},
      {"E7", "Russia", {"Russia"}},
  };
  std::vector<Entity> out;
  for (const Spec& s : specs) {
    Entity e;
    e.id = s.id;
    e.name = s.name;
    for (const std::string& m : s.mentions) AddMentions(text, m, 0, m.size(), &e);
    if (e.id == "E1") {  // coreference: "he said" / "He said" is Lavrov here
      AddMentions(text, "he said", 0, 2, &e);
      AddMentions(text, "He said", 0, 2, &e);
    }
    out.push_back(std::move(e));
  }
  return out;
}

TEST(SeedStatements, AllSeventeen) {
  const std::string page_path = kSeedDir + "/000_1bab8556ee00fa53.txt";
  if (!std::filesystem::exists(page_path)) {
    GTEST_SKIP() << "../shared/seed is absent: no seed page to check";
  }
  std::ifstream in(page_path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const Article article = ExtractFromText(buf.str(), ExtractOptions{});
  StatementOptions options;
  options.model = DefaultStatementModel();
  ASSERT_NE(options.model, nullptr) << "models/statements-v1.bin did not load";
  const std::vector<Statement> st = FindStatements(article, HandEntities(article.text), options);

  simdjson::ondemand::parser parser;
  simdjson::padded_string json = simdjson::padded_string::load(kSeedDir + "/expected.json");
  simdjson::ondemand::document doc = parser.iterate(json);
  int checked = 0;
  for (auto item : doc["statements"].get_array()) {
    simdjson::ondemand::object e = item.get_object();
    std::string contains, speaker, cue, type;
    std::vector<std::string> names, kinds;
    for (auto field : e) {
      const std::string_view key = field.unescaped_key();
      auto value = field.value();
      auto strings = [&](std::vector<std::string>* to) {
        if (value.type() == simdjson::ondemand::json_type::array) {
          for (auto v : value.get_array()) to->push_back(Norm(std::string(std::string_view(v.get_string()))));
        } else {
          to->push_back(Norm(std::string(std::string_view(value.get_string()))));
        }
      };
      if (key == "contains") contains = Norm(std::string(std::string_view(value.get_string())));
      else if (key == "speaker" || key == "accept") strings(&names);
      else if (key == "kind") strings(&kinds);
      else if (key == "cue") cue = std::string(std::string_view(value.get_string()));
      else if (key == "type") type = std::string(std::string_view(value.get_string()));
    }
    ++checked;
    const Statement* found = nullptr;
    const Statement* good = nullptr;
    for (const Statement& s : st) {
      const std::string content = Norm(article.text.substr(s.content.begin, s.content.end - s.content.begin));
      if (content.find(contains) == std::string::npos) continue;
      if (!found) found = &s;
      const std::string name = Norm(s.speaker_name.empty()
          ? article.text.substr(s.speaker.begin, s.speaker.end - s.speaker.begin)
          : s.speaker_name);
      if (!good && std::find(names.begin(), names.end(), name) != names.end()) good = &s;
    }
    ASSERT_NE(found, nullptr) << "statement missing: " << contains;
    EXPECT_NE(good, nullptr) << "wrong speaker for: " << contains;
    const Statement& s = good ? *good : *found;
    static const char* kKinds[] = {"direct", "mixed", "indirect"};
    if (!kinds.empty()) {
      EXPECT_NE(std::find(kinds.begin(), kinds.end(), kKinds[static_cast<int>(s.kind)]), kinds.end())
          << contains << ": kind " << kKinds[static_cast<int>(s.kind)];
    }
    if (!cue.empty()) {
      EXPECT_NE(article.text.substr(s.cue.begin, s.cue.end - s.cue.begin).find(cue), std::string::npos)
          << contains << ": cue";
    }
    if (!type.empty()) {
      EXPECT_EQ(s.type, type) << contains;
    }
  }
  EXPECT_EQ(checked, 17);
  for (const Statement& s : st) {
    const std::string content = Norm(article.text.substr(s.content.begin, s.content.end - s.content.begin));
    EXPECT_NE(content, "demilitarization");
    EXPECT_NE(content, "denazification");
  }
}

}  // namespace
}  // namespace newsmill
