// Turning tagged paragraphs into statements (internal header).
#ifndef NEWSMILL_STATEMENTS_ASSEMBLE_H_
#define NEWSMILL_STATEMENTS_ASSEMBLE_H_

#include <string_view>
#include <vector>

#include "newsmill/record.h"
#include "newsmill/statements.h"
#include "statements/tokenize.h"

namespace newsmill::statements {

struct Paragraph {
  std::vector<Token> tokens;   // offsets into the article text
  std::vector<uint8_t> labels;  // Label per token (all kO without a model)
};

// A role span over tokens [first, last].
struct TokenSpan {
  int role = 0;  // 0 source, 1 cue, 2 content
  int first = 0, last = 0;
};
std::vector<TokenSpan> SpansOf(const std::vector<uint8_t>& labels);

// Statements of the paragraphs in order; speakers are not resolved yet
// (speaker spans only). `text` is the article text.
std::vector<Statement> Assemble(std::string_view text,
                                const std::vector<Paragraph>& paragraphs,
                                const StatementOptions& options);

// Fills speaker_entity, speaker_name and speaker_reason, cue_lemma and type.
// `language` as StatementOptions::language.
void Resolve(std::string_view text, const std::vector<Entity>& entities,
             std::string_view language, std::vector<Statement>* statements);

}  // namespace newsmill::statements

#endif  // NEWSMILL_STATEMENTS_ASSEMBLE_H_
