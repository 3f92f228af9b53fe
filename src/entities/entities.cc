// FindEntities: the stage's steps in order (see newsmill/entities.h), and
// the record's entities from the working ones.
#include "newsmill/entities.h"

#include <algorithm>

#include "entities/document.h"

namespace newsmill {
namespace entities {
namespace {

void Prepare(std::string_view text, const TextAnalysis& analysis, const EntityOptions& options,
             Doc* doc) {
  doc->text = text;
  doc->analysis = &analysis;
  doc->options = &options;
  doc->lower.assign(text);
  for (char& c : doc->lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  const size_t n = analysis.tokens.size();
  doc->words.resize(n);
  doc->lower_words.resize(n);
  doc->in_quote.assign(n, 0);
  doc->sentence_of.assign(n, 0);
  bool quoted = false;
  for (size_t i = 0; i < n; ++i) {
    const ByteSpan s = analysis.tokens[i].span;
    doc->words[i] = SpanText(text, s);
    doc->lower_words[i] = SpanText(doc->lower, s);
    const std::string_view w = doc->words[i];
    if (analysis.tokens[i].line_before && analysis.tokens[i].span.begin > 0 &&
        text.substr(0, s.begin).ends_with("\n\n")) {
      quoted = false;  // quotations do not run across paragraphs unclosed
    }
    if (w == "\u201C" || (w == "\"" && !quoted)) {
      quoted = true;
    } else if (w == "\u201D" || w == "\"") {
      quoted = false;
      doc->in_quote[i] = 1;
      continue;
    }
    doc->in_quote[i] = quoted;
  }
  for (size_t s = 0; s < analysis.sentences.size(); ++s) {
    const Sentence& sent = analysis.sentences[s];
    for (size_t i = sent.token_begin; i < sent.token_end; ++i) {
      doc->sentence_of[i] = static_cast<unsigned>(s);
    }
  }
}

// Entities a role names but the text does not ("German" gives Germany).
void AddAffiliationEntities(Doc* doc) {
  const Lexicon& lex = Lexicon::Get();
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    for (size_t k = 0; k < doc->entities[e].affiliation_keys.size(); ++k) {
      const std::string key = doc->entities[e].affiliation_keys[k];
      const size_t colon = key.find(':');
      const std::string_view prefix = std::string_view(key).substr(0, colon);
      const std::string rest = key.substr(colon + 1);
      const bool country = prefix == "GPE" && rest.size() == 2;
      EntityForKey(doc, key, prefix == "ORG" ? EntityType::kOrg : EntityType::kGpe,
                   country ? lex.CountryName(rest) : rest);
    }
  }
}

std::vector<Entity> Output(Doc* doc) {
  std::vector<size_t> order;
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    WorkEntity& ent = doc->entities[e];
    std::sort(ent.mentions.begin(), ent.mentions.end(),
              [](const ByteSpan& a, const ByteSpan& b) {
                return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
              });
    order.push_back(e);
  }
  // First mention first; entities only a role names come last.
  std::stable_sort(order.begin(), order.end(), [doc](size_t a, size_t b) {
    const auto& ma = doc->entities[a].mentions;
    const auto& mb = doc->entities[b].mentions;
    if (ma.empty() || mb.empty()) return !ma.empty() && mb.empty();
    return ma.front().begin < mb.front().begin;
  });
  std::vector<std::string> ids(doc->entities.size());
  for (size_t k = 0; k < order.size(); ++k) {
    ids[order[k]] = std::to_string(k + 1);
    ids[order[k]].insert(ids[order[k]].begin(), 'E');  // not "E" + ...: GCC 12 -Wrestrict
  }
  std::vector<Entity> out;
  out.reserve(order.size());
  for (size_t k : order) {
    WorkEntity& w = doc->entities[k];
    Entity e;
    e.id = ids[k];
    e.name = std::move(w.name);
    e.type = w.type;
    e.roles = std::move(w.roles);
    e.mentions = std::move(w.mentions);
    e.gender = w.gender == 'm' ? "male" : w.gender == 'f' ? "female" : "";
    for (const std::string& key : w.affiliation_keys) {
      for (size_t a = 0; a < doc->entities.size(); ++a) {
        if (doc->entities[a].key == key && a != k) e.affiliations.push_back(ids[a]);
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace
}  // namespace entities

std::vector<Entity> FindEntities(std::string_view text, const TextAnalysis& analysis,
                                 const EntityOptions& options) {
  if (analysis.tokens.empty() || analysis.tokens.size() > options.max_tokens) return {};
  entities::Doc doc;
  entities::Prepare(text, analysis, options, &doc);
  entities::FindNames(&doc);
  entities::FindRoles(&doc);
  entities::TypeNamesFromDocument(&doc);
  // Pieces were filtered: role facts point at pieces by index, so roles are
  // found again on the kept pieces.
  doc.roles.clear();
  entities::FindRoles(&doc);
  entities::BuildEntities(&doc);
  entities::ResolveRoleDescriptions(&doc);
  entities::ResolveOrganisationDescriptions(&doc);
  entities::ResolveMetonymsAndPronouns(&doc);
  entities::AddAffiliationEntities(&doc);
  return entities::Output(&doc);
}

int EntityAtSpan(const std::vector<Entity>& entities, ByteSpan span) {
  int best = -1;
  double best_score = 0;
  for (size_t e = 0; e < entities.size(); ++e) {
    for (const ByteSpan& m : entities[e].mentions) {
      const size_t lo = std::max(m.begin, span.begin);
      const size_t hi = std::min(m.end, span.end);
      if (hi <= lo) continue;
      const size_t uni = std::max(m.end, span.end) - std::min(m.begin, span.begin);
      const double score = static_cast<double>(hi - lo) / static_cast<double>(uni);
      if (score > best_score) {
        best_score = score;
        best = static_cast<int>(e);
      }
    }
  }
  return best;
}

}  // namespace newsmill
