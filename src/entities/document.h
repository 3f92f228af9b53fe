// The working state of the entities stage for one article (internal
// header): token texts, the names found, roles, and the entities they form.
#ifndef NEWSMILL_ENTITIES_DOCUMENT_H_
#define NEWSMILL_ENTITIES_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "entities/lexicon.h"
#include "newsmill/entities.h"
#include "newsmill/text.h"

namespace newsmill::entities {

// A name in the text: tokens [begin, end).
struct Piece {
  size_t begin = 0;
  size_t end = 0;
  EntityType type = EntityType::kMisc;
  bool typed = false;     // the lexicon, a head word or the context typed it
  const PhraseEntry* entry = nullptr;  // gazetteer hit
  char gender = '-';
  bool headline = false;  // in a title-case line
  bool sentence_initial = false;
  int entity = -1;        // index into Doc::entities
};

// A role said of a name: "Foreign Minister" before it, ", a doctor," after.
struct RoleFact {
  int piece = -1;
  std::string title;            // as written ("Foreign Minister")
  std::string affiliation_key;  // entity key of the country or body, or ""
  char gender = '-';
};

struct WorkEntity {
  std::string key;
  EntityType type = EntityType::kMisc;
  std::string name;
  char gender = '-';
  std::vector<std::string> roles;
  std::vector<std::string> affiliation_keys;
  std::vector<ByteSpan> mentions;
  std::vector<size_t> mention_tokens;  // first token of each mention
  std::vector<std::string_view> name_words;  // of the fullest name (PERSON)
};

struct Doc {
  std::string_view text;
  const TextAnalysis* analysis = nullptr;
  const EntityOptions* options = nullptr;
  std::string lower;  // `text` with ASCII letters lower-cased (same offsets)
  std::vector<std::string_view> words;        // token texts
  std::vector<std::string_view> lower_words;  // the same, lower case
  std::vector<unsigned> sentence_of;          // token -> sentence
  std::vector<char> in_quote;                 // token inside quotation marks
  std::vector<char> headline;                 // sentence in title case
  std::vector<Piece> pieces;                  // in text order
  std::vector<RoleFact> roles;
  std::vector<char> title_tokens;             // token is part of a title of a name
  std::vector<WorkEntity> entities;

  Words words_view() const { return {&words, &lower_words}; }
  const Token& token(size_t i) const { return analysis->tokens[i]; }
  size_t size() const { return words.size(); }
  const Sentence& sentence_at(size_t token) const {
    return analysis->sentences[sentence_of[token]];
  }
  ByteSpan Span(size_t begin, size_t end) const {  // tokens [begin, end)
    return {token(begin).span.begin, token(end - 1).span.end};
  }
};

// names.cc: capitalised runs cut into names and typed.
void FindNames(Doc* doc);
// names.cc: types left open by FindNames, from the whole document.
void TypeNamesFromDocument(Doc* doc);
// roles.cc: titles before names and appositions after them.
void FindRoles(Doc* doc);
// roles.cc: "Russia's foreign minister" as a mention of the person.
void ResolveRoleDescriptions(Doc* doc);
// coref.cc: entities from names; surnames, aliases, acronyms.
void BuildEntities(Doc* doc);
// coref.cc: "Moscow said" as a mention of Russia; he, she, they, it.
void ResolveMetonymsAndPronouns(Doc* doc);
// "the company", "the German automaker": the organisation named last.
void ResolveOrganisationDescriptions(Doc* doc);
// coref.cc: the entity with `key`, made when missing.
int EntityForKey(Doc* doc, const std::string& key, EntityType type, const std::string& name);
// coref.cc: adds a mention (kept once).
void AddMention(Doc* doc, int entity, size_t begin_token, ByteSpan span);

// Small word tests shared by the files.
bool IsNameToken(const Doc& doc, size_t i);
bool IsParticleWord(std::string_view w);
bool IsSpeechVerb(std::string_view lower_word);
// names.cc: token i opens a line, maybe after an opening quotation mark,
// and a colon follows it: a transcript's turn ("WALLACE: Let's start ...",
// "“PENCE: Well, ...").
bool OpensATurn(const Doc& doc, size_t i);

}  // namespace newsmill::entities

#endif  // NEWSMILL_ENTITIES_DOCUMENT_H_
