#include <gtest/gtest.h>
#include <simdjson.h>

#include "newsmill/record.h"

namespace newsmill {
namespace {

simdjson::dom::element Parse(simdjson::dom::parser& parser, const std::string& json) {
  simdjson::dom::element e;
  EXPECT_EQ(parser.parse(json).get(e), simdjson::SUCCESS) << json;
  return e;
}

TEST(JsonWriterTest, FullRecordHasEverySchemaField) {
  Record r;
  r.id = "doc-1";
  r.article.text = "Hello";
  simdjson::dom::parser parser;
  auto e = Parse(parser, RecordToJson(r));
  for (const char* key : {"id", "url", "title", "authors", "published", "site", "section",
                          "language", "text", "boilerplate", "related", "entities",
                          "statements", "title_statements", "warnings"}) {
    EXPECT_EQ(e[key].error(), simdjson::SUCCESS) << key;
  }
  EXPECT_EQ(e["error"].error(), simdjson::NO_SUCH_FIELD);
  EXPECT_TRUE(e["url"].is_null());
  EXPECT_TRUE(e["published"].is_null());
}

TEST(JsonWriterTest, ErrorRecordCarriesOnlyIdUrlWarningsAndError) {
  Record r;
  r.id = "x";
  r.error = "decode: binary content";
  simdjson::dom::parser parser;
  auto e = Parse(parser, RecordToJson(r));
  EXPECT_EQ(std::string_view(e["error"]), "decode: binary content");
  EXPECT_EQ(e["text"].error(), simdjson::NO_SUCH_FIELD);
}

TEST(JsonWriterTest, EscapesControlsAndReplacesInvalidUtf8) {
  Record r;
  r.id = std::string("a\"b\\c\n\t\x01\xff\xc3", 10);
  r.article.text = "line\u2028sep";
  const std::string json = RecordToJson(r);
  EXPECT_EQ(json.find('\n'), std::string::npos);
  simdjson::dom::parser parser;
  auto e = Parse(parser, json);
  EXPECT_EQ(std::string_view(e["id"]), "a\"b\\c\n\t\x01\xef\xbf\xbd\xef\xbf\xbd");
}

TEST(JsonWriterTest, SpansAreCodePointOffsets) {
  Record r;
  r.article.text = "Russia\xe2\x80\x99s minister said \xe2\x80\x9cno\xe2\x80\x9d.";
  // "no" starts after the curly quote: byte 30, code point 24.
  const size_t no = r.article.text.find("no\xe2\x80\x9d");
  Entity ent;
  ent.id = "E1";
  ent.name = "Russia";
  ent.type = EntityType::kGpe;
  ent.mentions.push_back({0, 6});
  r.entities.push_back(ent);
  Statement st;
  st.kind = StatementKind::kDirect;
  st.content = {no, no + 2};
  st.cue = {r.article.text.find("said"), r.article.text.find("said") + 4};
  st.cue_lemma = "say";
  st.type = "STATE";
  r.statements.push_back(st);
  simdjson::dom::parser parser;
  auto e = Parse(parser, RecordToJson(r));
  auto span = e["statements"].at(0)["span"];
  EXPECT_EQ(int64_t(span.at(0)), 24);
  EXPECT_EQ(int64_t(span.at(1)), 26);
  EXPECT_EQ(std::string_view(e["statements"].at(0)["content"]), "no");
  EXPECT_TRUE(e["statements"].at(0)["speaker"].is_null());
  EXPECT_EQ(std::string_view(e["entities"].at(0)["type"]), "GPE");
  EXPECT_EQ(int64_t(e["entities"].at(0)["mentions"].at(0).at(1)), 6);
}

TEST(JsonWriterTest, TitleStatementSpansPointIntoTheTitle) {
  Record r;
  r.article.text = "Body text.";
  r.article.meta.title = "Lavrov: \u2018We don\u2019t shun contacts\u2019";
  Statement st;
  st.kind = StatementKind::kDirect;
  const size_t we = r.article.meta.title.find("We");
  st.content = {we, r.article.meta.title.find("\u2019", r.article.meta.title.find("shun"))};
  st.cue = {6, 7};
  st.speaker = {0, 6};
  st.speaker_entity = "E1";
  st.speaker_name = "Sergey Lavrov";
  r.title_statements.push_back(st);
  simdjson::dom::parser parser;
  auto e = Parse(parser, RecordToJson(r));
  auto s = e["title_statements"].at(0);
  EXPECT_EQ(std::string_view(s["content"]), "We don\u2019t shun contacts");
  EXPECT_EQ(int64_t(s["span"].at(0)), 9);  // after "Lavrov: ‘", in code points
  EXPECT_EQ(int64_t(s["span"].at(1)), 31);
  EXPECT_EQ(std::string_view(s["speaker"]["text"]), "Lavrov");
  EXPECT_EQ(std::string_view(s["cue"]["text"]), ":");
  EXPECT_EQ(e["statements"].get_array().size(), 0u);
}

}  // namespace
}  // namespace newsmill
