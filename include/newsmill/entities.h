// Entities: people, organisations and places in an article, with their roles
// and every mention, names, role descriptions and pronouns alike.
//
//   newsmill::TextAnalysis analysis = newsmill::AnalyzeText(article.text);
//   std::vector<newsmill::Entity> entities =
//       newsmill::FindEntities(article.text, analysis, {});
//   // "he said": which entity is the speaker?
//   int e = newsmill::EntityAtSpan(entities, speaker_span);
//
// How (docs/design.md, "Entities"): capitalised runs are cut into names with
// gazetteers (countries, subdivisions and languages from Debian's iso-codes;
// places, organisations, nationalities, titles and given names from
// data/entities/) and typed by the lexicon, head words ("... Ministry",
// "Battle of ..."), titles and appositions. Names that share a key or a
// surname form one entity; a role description ("Russia's foreign minister")
// joins the person whose role it names, a capital acting as a government
// ("Moscow remains open") joins its country, and he/she/they/it in subject
// position join the most recent compatible entity outside quotations.
//
// Mentions are byte spans of the text: a name without a title before it or a
// possessive "'s" after it ("Sergey Lavrov", "Peskov"), a whole role
// description ("Russia's foreign minister"), or a pronoun ("he").
//
// Thread safety: FindEntities is reentrant; the lexicons are loaded once,
// on first use, and shared read-only.
#ifndef NEWSMILL_ENTITIES_H_
#define NEWSMILL_ENTITIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsmill/article.h"
#include "newsmill/record.h"
#include "newsmill/text.h"

namespace newsmill {

struct EntityOptions {
  // Join he, she, they and it to the entity they stand for (true).
  bool resolve_pronouns = true;
  // Join role descriptions ("the German chancellor") to the person (true).
  bool resolve_descriptions = true;
  // Join a capital acting as a government ("Moscow said") to its country
  // (true).
  bool capital_as_government = true;
  // Articles with more tokens than this get no entities (2,000,000).
  size_t max_tokens = 2'000'000;
  // The text's language (ISO 639-1, "" when unknown). The rules for names
  // that no list knows read English capitals; in another language (German
  // capitalises every noun) only names the lists know, or that open with a
  // known given name, are kept.
  std::string language;
};

// The entities of `text`, which `analysis` must describe (AnalyzeText on
// the same text). Entities come in order of first mention, ids "E1", "E2",
// ...; each entity's mentions are sorted. An entity made only because a
// role named it ("German Chancellor" names Germany) may have no mentions.
std::vector<Entity> FindEntities(std::string_view text, const TextAnalysis& analysis,
                                 const EntityOptions& options);

// The index of the entity whose mention best matches `span`: the mention
// with the greatest overlap relative to the span and the mention together
// (so "Scholz's office" finds Olaf Scholz, "Russia's foreign minister" the
// minister rather than Russia); -1 when no mention overlaps.
int EntityAtSpan(const std::vector<Entity>& entities, ByteSpan span);

}  // namespace newsmill

#endif  // NEWSMILL_ENTITIES_H_
