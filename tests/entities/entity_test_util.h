// Helpers for the entities tests: run the stage on a string and look up
// entities and mention texts.
#ifndef NEWSMILL_TESTS_ENTITIES_ENTITY_TEST_UTIL_H_
#define NEWSMILL_TESTS_ENTITIES_ENTITY_TEST_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsmill/entities.h"
#include "newsmill/text.h"

namespace newsmill::testing {

struct Found {
  std::string text;
  std::vector<Entity> entities;

  const Entity* Named(std::string_view name) const {
    for (const Entity& e : entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
  std::vector<std::string> Mentions(const Entity& e) const {
    std::vector<std::string> out;
    for (const ByteSpan& m : e.mentions) out.emplace_back(SpanText(text, m));
    return out;
  }
};

inline Found Find(std::string text, std::string language = "") {
  Found f;
  f.text = std::move(text);
  EntityOptions options;
  options.language = std::move(language);
  f.entities = FindEntities(f.text, AnalyzeText(f.text), options);
  return f;
}

}  // namespace newsmill::testing

#endif  // NEWSMILL_TESTS_ENTITIES_ENTITY_TEST_UTIL_H_
