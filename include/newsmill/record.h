// Record: what newsmill writes for one input document (schema v1, see
// docs/schema.md). Spans inside are byte ranges into article.text; the JSON
// writer turns them into [start, end) code-point offsets.
#ifndef NEWSMILL_RECORD_H_
#define NEWSMILL_RECORD_H_

#include <string>
#include <vector>

#include "newsmill/article.h"
#include "newsmill/dedup.h"

namespace newsmill {

inline constexpr int kSchemaVersion = 1;

enum class EntityType : unsigned char { kPerson, kOrg, kGpe, kLoc, kNorp, kEvent, kMisc };

struct Entity {
  std::string id;     // "E1", "E2", ... unique within the record
  std::string name;   // the fullest name the page gives
  EntityType type = EntityType::kMisc;
  std::vector<std::string> roles;  // titles as written: "Foreign Minister"
  std::vector<ByteSpan> mentions;
  std::string gender;              // "male", "female", or "" when unknown
  std::vector<std::string> affiliations;  // ids of the countries and bodies
                                          // its roles name ("German Chancellor")
};

enum class StatementKind : unsigned char { kDirect, kMixed, kIndirect };

struct Statement {
  StatementKind kind = StatementKind::kIndirect;
  ByteSpan content;          // the words said (or reported)
  ByteSpan cue;              // the verb or phrase that introduces them
  std::string cue_lemma;
  ByteSpan speaker;          // empty span when the text names no source
  std::string speaker_entity;  // Entity::id, empty when unresolved
  std::string speaker_name;
  // Why the speaker is null: "anonymous" (an unnamed source: "officials
  // said"; `speaker` keeps its span, the writer prints a null speaker),
  // "author" (the page's writer: "I", "we" outside quotation marks; the
  // span stays too) or "none" (no source in the text); empty when there is
  // a named speaker.
  std::string speaker_reason;
  std::string type;          // speech act: STATE, ACCUSE, DEMAND, ...
};

struct Record {
  std::string id;
  std::string url;
  Article article;
  std::vector<Entity> entities;
  std::vector<Statement> statements;
  // Statements in the headline, spans into article.meta.title.
  std::vector<Statement> title_statements;
  Fingerprints fingerprints;  // empty minhash: not computed, not written
  std::vector<std::string> warnings;  // reader, decoder and extractor warnings
  std::string error;  // non-empty: the document failed; only id, url, error
                      // and warnings are written
};

// One JSON object, no trailing newline. Invalid UTF-8 in any field is
// replaced, so the output is always valid JSON.
std::string RecordToJson(const Record& record);

}  // namespace newsmill

#endif  // NEWSMILL_RECORD_H_
