// Record -> one line of JSON (schema v1, docs/schema.md).
//
// Spans are byte ranges into the article text inside newsmill and code-point
// offsets in the record; the conversion happens here, in one pass over the
// text, so no stage upstream counts code points.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "common/json.h"
#include "common/utf8.h"
#include "newsmill/record.h"

namespace newsmill {
namespace {

void AppendEscaped(std::string_view s, std::string* out) { json::AppendString(s, out); }

void AppendStringOrNull(std::string_view s, std::string* out) {
  if (s.empty()) {
    out->append("null");
  } else {
    AppendEscaped(s, out);
  }
}

void AppendStringList(const std::vector<std::string>& list, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out->push_back(',');
    AppendEscaped(list[i], out);
  }
  out->push_back(']');
}

// Maps byte offsets of one text to code-point offsets.
class CodePointMap {
 public:
  explicit CodePointMap(std::string_view text) : text_(text) {}

  size_t operator()(size_t byte) {
    if (byte > text_.size()) byte = text_.size();
    if (table_.empty()) Build();
    return table_[byte];
  }

 private:
  void Build() {
    table_.resize(text_.size() + 1);
    size_t cp = 0;
    for (size_t i = 0; i < text_.size(); ++i) {
      table_[i] = cp;
      // Continuation bytes share the offset of their lead byte's successor:
      // a span boundary is only ever placed at a lead byte.
      cp += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    }
    table_[text_.size()] = cp;
  }

  std::string_view text_;
  std::vector<size_t> table_;
};

void AppendSpan(ByteSpan span, CodePointMap& map, std::string* out) {
  out->push_back('[');
  out->append(std::to_string(map(span.begin)));
  out->push_back(',');
  out->append(std::to_string(map(span.end)));
  out->push_back(']');
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kGpe: return "GPE";
    case EntityType::kLoc: return "LOC";
    case EntityType::kNorp: return "NORP";
    case EntityType::kEvent: return "EVENT";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

std::string_view StatementKindName(StatementKind kind) {
  switch (kind) {
    case StatementKind::kDirect: return "direct";
    case StatementKind::kMixed: return "mixed";
    case StatementKind::kIndirect: return "indirect";
  }
  return "indirect";
}

void AppendEntities(const Record& r, CodePointMap& map, std::string* out) {
  out->append(",\"entities\":[");
  for (size_t i = 0; i < r.entities.size(); ++i) {
    const Entity& e = r.entities[i];
    if (i) out->push_back(',');
    out->append("{\"id\":");
    AppendEscaped(e.id, out);
    out->append(",\"name\":");
    AppendEscaped(e.name, out);
    out->append(",\"type\":\"");
    out->append(EntityTypeName(e.type));
    out->append("\",\"roles\":");
    AppendStringList(e.roles, out);
    out->append(",\"mentions\":[");
    for (size_t m = 0; m < e.mentions.size(); ++m) {
      if (m) out->push_back(',');
      AppendSpan(e.mentions[m], map, out);
    }
    out->append("],\"gender\":");
    if (e.gender.empty()) {
      out->append("null");
    } else {
      AppendEscaped(e.gender, out);
    }
    out->append(",\"affiliations\":");
    AppendStringList(e.affiliations, out);
    out->push_back('}');
  }
  out->push_back(']');
}

std::string_view Slice(std::string_view text, ByteSpan span) {
  if (span.begin > span.end || span.end > text.size()) return {};
  return text.substr(span.begin, span.end - span.begin);
}

// `key`: a list of statements whose spans point into `text`.
void AppendStatements(std::string_view key, const std::vector<Statement>& statements,
                      std::string_view text, CodePointMap& map, std::string* out) {
  out->append(",\"");
  out->append(key);
  out->append("\":[");
  for (size_t i = 0; i < statements.size(); ++i) {
    const Statement& s = statements[i];
    if (i) out->push_back(',');
    out->append("{\"kind\":\"");
    out->append(StatementKindName(s.kind));
    out->append("\",\"content\":");
    AppendEscaped(Slice(text, s.content), out);
    out->append(",\"span\":");
    AppendSpan(s.content, map, out);
    out->append(",\"cue\":{\"text\":");
    AppendEscaped(Slice(text, s.cue), out);
    out->append(",\"span\":");
    AppendSpan(s.cue, map, out);
    out->append(",\"lemma\":");
    AppendStringOrNull(s.cue_lemma, out);
    out->append("},\"speaker\":");
    if (s.speaker.end > s.speaker.begin && s.speaker_reason.empty()) {
      out->append("{\"text\":");
      AppendEscaped(Slice(text, s.speaker), out);
      out->append(",\"span\":");
      AppendSpan(s.speaker, map, out);
      out->append(",\"entity\":");
      AppendStringOrNull(s.speaker_entity, out);
      out->append(",\"name\":");
      AppendStringOrNull(s.speaker_name, out);
      out->push_back('}');
    } else {
      out->append("null,\"speaker_reason\":");
      AppendStringOrNull(s.speaker_reason.empty() ? "none" : s.speaker_reason, out);
    }
    out->append(",\"type\":");
    AppendStringOrNull(s.type, out);
    out->push_back('}');
  }
  out->push_back(']');
}

// "fingerprints":{"minhash":[...],"simhash":"16 hex digits","shingles":N},
// left out when they were not computed.
void AppendFingerprints(const Fingerprints& fp, std::string* out) {
  if (fp.minhash.empty()) return;
  out->append(",\"fingerprints\":{\"minhash\":[");
  for (size_t i = 0; i < fp.minhash.size(); ++i) {
    if (i) out->push_back(',');
    out->append(std::to_string(fp.minhash[i]));
  }
  char simhash[64];
  std::snprintf(simhash, sizeof simhash, "],\"simhash\":\"%016llx\",\"shingles\":",
                static_cast<unsigned long long>(fp.simhash));
  out->append(simhash);
  out->append(std::to_string(fp.shingles));
  out->push_back('}');
}

void AppendArticle(const Record& r, std::string* out) {
  const Metadata& m = r.article.meta;
  out->append(",\"title\":");
  AppendStringOrNull(m.title, out);
  out->append(",\"authors\":");
  AppendStringList(m.authors, out);
  out->append(",\"published\":");
  AppendStringOrNull(m.published, out);
  out->append(",\"modified\":");
  AppendStringOrNull(m.modified, out);
  out->append(",\"site\":");
  AppendStringOrNull(m.site, out);
  out->append(",\"section\":");
  AppendStringOrNull(m.section, out);
  out->append(",\"language\":");
  AppendStringOrNull(m.language, out);
  out->append(",\"canonical_url\":");
  AppendStringOrNull(m.canonical_url, out);
  out->append(",\"text\":");
  AppendEscaped(r.article.text, out);
  out->append(",\"boilerplate\":[");
  for (size_t i = 0; i < r.article.boilerplate.size(); ++i) {
    const Boilerplate& b = r.article.boilerplate[i];
    if (i) out->push_back(',');
    out->append("{\"kind\":\"");
    out->append(ChromeKindName(b.kind));
    out->append("\",\"text\":");
    AppendEscaped(b.text, out);
    out->push_back('}');
  }
  out->append("],\"related\":[");
  for (size_t i = 0; i < m.related.size(); ++i) {
    if (i) out->push_back(',');
    out->append("{\"title\":");
    AppendEscaped(m.related[i].title, out);
    out->append(",\"url\":");
    AppendStringOrNull(m.related[i].url, out);
    out->push_back('}');
  }
  out->push_back(']');
}

}  // namespace

std::string RecordToJson(const Record& record) {
  std::string out;
  out.reserve(256 + record.article.text.size() * 5 / 4);
  out.append("{\"id\":");
  AppendEscaped(record.id, &out);
  out.append(",\"url\":");
  AppendStringOrNull(record.url, &out);
  if (record.error.empty()) {
    AppendArticle(record, &out);
    CodePointMap map(record.article.text);
    AppendEntities(record, map, &out);
    AppendStatements("statements", record.statements, record.article.text, map, &out);
    CodePointMap title_map(record.article.meta.title);
    AppendStatements("title_statements", record.title_statements, record.article.meta.title,
                     title_map, &out);
    AppendFingerprints(record.fingerprints, &out);
  }
  out.append(",\"warnings\":");
  AppendStringList(record.warnings, &out);
  if (!record.error.empty()) {
    out.append(",\"error\":");
    AppendEscaped(record.error, &out);
  }
  out.push_back('}');
  return out;
}

}  // namespace newsmill
