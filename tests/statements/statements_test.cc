// Statements stage on sentences written for these tests: quotation styles,
// interrupted and multi-paragraph quotes, scare quotes, indirect cues,
// speech-act types, speaker resolution with hand-built entities, and the
// model file round trip.
#include "newsmill/statements.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "statements/tokenize.h"

namespace newsmill {
namespace {

Article MakeArticle(const std::string& text) {
  Article a;
  a.text = text;
  for (size_t start = 0; start < text.size();) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (nl > start) a.blocks.push_back({BlockKind::kParagraph, {start, nl}});
    start = nl + 1;
  }
  return a;
}

std::string Slice(const Article& a, ByteSpan s) {
  return a.text.substr(s.begin, s.end - s.begin);
}

std::vector<Statement> Find(const Article& a, const std::vector<Entity>& e = {}) {
  StatementOptions options;
  options.model = DefaultStatementModel();
  return FindStatements(a, e, options);
}

// The statement whose content contains `words`, or nullptr.
const Statement* With(const Article& a, const std::vector<Statement>& st,
                      const std::string& words) {
  for (const Statement& s : st) {
    if (Slice(a, s.content).find(words) != std::string::npos) return &s;
  }
  return nullptr;
}

TEST(StatementsTokenize, PennTreebankForms) {
  const std::string text = "“We don’t,” Smith’s aide said. «Non» U.S. Sept. 5.";
  std::vector<statements::Token> t;
  statements::Tokenize(text, 0, text.size(), &t);
  std::vector<std::string> norms;
  for (const auto& x : t) norms.push_back(x.norm);
  const std::vector<std::string> want = {"``", "we", "do", "n't", ",", "''", "smith",
                                         "'s", "aide", "said", ".", "``", "non", "''",
                                         "u.s.", "sept.", "5", "."};
  EXPECT_EQ(norms, want);
  EXPECT_EQ(text.substr(t[2].begin, t[2].end - t[2].begin), "do");
}

TEST(StatementsTokenize, GuillemetsSpacedAndReversed) {
  // French « … », with spaces inside; German »…« the other way round.
  auto norms = [](const std::string& text) {
    std::vector<statements::Token> t;
    statements::Tokenize(text, 0, text.size(), &t);
    std::vector<std::string> out;
    for (const auto& x : t) out.push_back(x.norm);
    return out;
  };
  EXPECT_EQ(norms("\u00AB Non \u00BB, a-t-il dit."),
            (std::vector<std::string>{"``", "non", "''", ",", "a-t-il", "dit", "."}));
  EXPECT_EQ(norms("\u00BBNein\u00AB, sagte er."),
            (std::vector<std::string>{"``", "nein", "''", ",", "sagte", "er", "."}));
  // Chinese and Japanese: a token per character, punctuation as in ASCII.
  EXPECT_EQ(norms("“对话，”他说。"),
            (std::vector<std::string>{"``", "对", "话", ",", "''", "他", "说", "."}));
  EXPECT_EQ(norms("林外相は「扉」と述べた。"),
            (std::vector<std::string>{"林", "外", "相", "は", "``", "扉", "''", "と", "述",
                                      "べ", "た", "."}));
  // Every dash is --, the horizontal bar too (CoreNLP's tokens).
  EXPECT_EQ(norms("bank \u2015 5,300"), (std::vector<std::string>{"bank", "--", "5,300"}));
  // Korean: the particle after a closing mark is a word of its own.
  EXPECT_EQ(norms("“열려 있다”라고 말했다."),
            (std::vector<std::string>{"``", "열려", "있다", "''", "라고", "말했다", "."}));
}

class QuoteStyles : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(QuoteStyles, DirectQuoteWithSpeaker) {
  const std::string text = std::string(GetParam().first) +
                           "We will rebuild every school in the region" +
                           GetParam().second + ", the minister said.";
  const Article a = MakeArticle(text);
  const auto st = Find(a);
  const Statement* s = With(a, st, "rebuild every school");
  ASSERT_NE(s, nullptr) << text;
  EXPECT_EQ(s->kind, StatementKind::kDirect);
  EXPECT_EQ(Slice(a, s->content), "We will rebuild every school in the region");
  EXPECT_EQ(s->cue_lemma, "say");
  EXPECT_EQ(Slice(a, s->speaker), "the minister");
}

INSTANTIATE_TEST_SUITE_P(
    All, QuoteStyles,
    ::testing::Values(std::make_pair("\u201C", "\u201D"), std::make_pair("\"", "\""),
                      std::make_pair("\u00AB", "\u00BB"), std::make_pair("\u201E", "\u201C"),
                      std::make_pair("\u2018", "\u2019"), std::make_pair("\u201A", "\u2019"),
                      std::make_pair("\u300C", "\u300D"), std::make_pair("``", "''")));

TEST(Statements, InterruptedQuoteGivesTwoSpansOneSpeaker) {
  const Article a = MakeArticle(
      "Maria Keller spoke on Monday. \u201CThe budget is balanced,\u201D she said, "
      "\u201Cand the schools will get what they were promised.\u201D");
  const auto st = Find(a);
  const Statement* first = With(a, st, "The budget is balanced");
  const Statement* second = With(a, st, "the schools will get");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_NE(first, second);
  EXPECT_EQ(Slice(a, first->speaker), "she");
  EXPECT_EQ(Slice(a, second->speaker), "she");
}

TEST(Statements, MultiParagraphQuoteKeepsItsSpeaker) {
  const Article a = MakeArticle(
      "\u201CWe have waited long enough for this bridge,\u201D Mayor Tom Ruiz said.\n\n"
      "\u201CThe money is there and the plans are ready for the council.\n\n"
      "\u201CNow the state has to sign the contract before winter comes.\u201D");
  const auto st = Find(a);
  const Statement* last = With(a, st, "sign the contract");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->kind, StatementKind::kDirect);
  EXPECT_EQ(Slice(a, last->speaker), "Mayor Tom Ruiz");
  ASSERT_NE(With(a, st, "The money is there"), nullptr);
}

TEST(Statements, MultiParagraphQuoteTakesTheSpeakerNamedAtItsEnd) {
  const Article a = MakeArticle(
      "Senator Ann Cole spoke first and asked for more money for schools.\n\n"
      "\u201CThe harbour has been dredged twice in ten years and the silt keeps coming back.\n\n"
      "\u201CWe cannot keep paying for the same work,\u201D said Tom Ruiz, the harbour master.");
  const auto st = Find(a);
  const Statement* first = With(a, st, "dredged twice");
  const Statement* last = With(a, st, "same work");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(first->kind, StatementKind::kDirect);
  EXPECT_EQ(Slice(a, first->speaker), Slice(a, last->speaker));
  EXPECT_NE(Slice(a, first->speaker).find("Tom Ruiz"), std::string::npos);
}

TEST(Statements, QuoteAfterAStatementWithoutSpeakerHasNoCue) {
  // A quote paragraph continues the speaker of the paragraph before, but a
  // statement that names no one lends it nothing.
  const Article a = MakeArticle(
      "The solar farm is expected to cover about 85% of the plant's electricity needs.\n\n"
      "\u201CThis is the biggest single investment we have made in a generation.\u201D");
  const auto st = Find(a);
  const Statement* quote = With(a, st, "biggest single investment");
  ASSERT_NE(quote, nullptr);
  EXPECT_TRUE(Slice(a, quote->cue).empty());
  EXPECT_EQ(quote->speaker_reason, "none");
}

TEST(Statements, DashLineAfterAQuoteNamesItsSpeaker) {
  // A blockquote's footer comes out as a line of its own.
  const Article a = MakeArticle(
      "The plant opened on Thursday.\n\n"
      "\u201CThis is the biggest single investment we have made in a generation.\u201D\n\n"
      "\u2014 Daniel Marsh, chief executive of Lakeside Water\n\n"
      "The project cost 96 million pounds.");
  const auto st = Find(a);
  const Statement* quote = With(a, st, "biggest single investment");
  ASSERT_NE(quote, nullptr);
  EXPECT_EQ(Slice(a, quote->speaker), "Daniel Marsh");
  EXPECT_TRUE(quote->speaker_reason.empty());
}

TEST(Statements, DatelinesAreNotSources) {
  const Article a = MakeArticle(
      "MOSCOW \u2014 Russia's foreign minister said on Thursday that Moscow was open to talks.\n\n"
      "KYIV, Ukraine \u2014 President Volodymyr Zelenskyy said his country would never give "
      "up Crimea.\n\n"
      "WASHINGTON (Reuters) - Secretary of State Antony Blinken said the United States would "
      "keep supplying weapons.");
  const auto st = Find(a);
  const Statement* moscow = With(a, st, "Moscow was open to talks");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(Slice(a, moscow->speaker), "Russia's foreign minister");
  const Statement* kyiv = With(a, st, "never give up Crimea");
  ASSERT_NE(kyiv, nullptr);
  EXPECT_EQ(Slice(a, kyiv->speaker), "President Volodymyr Zelenskyy");
  const Statement* washington = With(a, st, "keep supplying weapons");
  ASSERT_NE(washington, nullptr);
  EXPECT_EQ(Slice(a, washington->speaker), "Secretary of State Antony Blinken");
}

TEST(Statements, TranscriptTurnsNameTheirSpeakers) {
  const Article a = MakeArticle(
      "\u201CPENCE: Well, look, this is serious business for the American people and for us.\n\n"
      "WALLACE: Do you really see those two things as equivalent, governor?\n\n"
      "The NATO summit ended on Friday with a joint statement on Ukraine.");
  const auto st = Find(a);
  const Statement* pence = With(a, st, "Well, look");
  ASSERT_NE(pence, nullptr);
  EXPECT_EQ(Slice(a, pence->speaker), "PENCE");
  EXPECT_EQ(Slice(a, pence->cue), ":");
  EXPECT_EQ(Slice(a, pence->content).rfind("Well, look", 0), 0u);
  const Statement* wallace = With(a, st, "really see those two");
  ASSERT_NE(wallace, nullptr);
  EXPECT_EQ(Slice(a, wallace->speaker), "WALLACE");
  EXPECT_EQ(Slice(a, wallace->content).rfind("Do you", 0), 0u);
  // A label is no speaker.
  const Article label = MakeArticle(
      "\u201CUPDATE: The strike has ended and the workers will return on Monday morning.\u201D");
  const auto st_label = Find(label);
  for (const Statement& s : st_label) EXPECT_EQ(Slice(label, s.speaker), "");
}

TEST(Statements, HeadlineStatementsNameAnEntityOfTheArticle) {
  StatementOptions options;
  options.model = DefaultStatementModel();
  Entity lavrov;
  lavrov.id = "E1";
  lavrov.name = "Sergey Lavrov";
  lavrov.type = EntityType::kPerson;
  Entity webb = lavrov;
  webb.id = "E2";
  webb.name = "Michael Webb";
  const std::vector<Entity> entities = {lavrov, webb};
  const std::string quote = "Lavrov: \u2018We don\u2019t shun contacts\u2019";
  const auto st = FindHeadlineStatements(quote, entities, options);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(quote.substr(st[0].content.begin, st[0].content.end - st[0].content.begin),
            "We don\u2019t shun contacts");
  EXPECT_EQ(st[0].speaker_entity, "E1");
  EXPECT_EQ(st[0].speaker_name, "Sergey Lavrov");
  // A topic before a colon is no speaker; nor is a speaker the article
  // does not name.
  EXPECT_TRUE(FindHeadlineStatements("Michael Webb: Dramatic video shows rescue of a girl",
                                     entities, options)
                  .empty());
  EXPECT_TRUE(FindHeadlineStatements("Peskov: \u2018No talks before spring\u2019", entities,
                                     options)
                  .empty());
}

TEST(Statements, ColonAndHeadlineQuotes) {
  const Article a = MakeArticle(
      "Lavrov: \u2018The West is fighting a war against our country\u2019\n\n"
      "The ministry said: \u201CNo talks will take place before the spring.\u201D");
  const auto st = Find(a);
  const Statement* head = With(a, st, "The West is fighting");
  ASSERT_NE(head, nullptr);
  EXPECT_EQ(Slice(a, head->speaker), "Lavrov");
  EXPECT_EQ(head->cue_lemma, "");  // a colon: no verb, no lemma
  const Statement* colon = With(a, st, "No talks will take place");
  ASSERT_NE(colon, nullptr);
  EXPECT_EQ(colon->cue_lemma, "say");
  // "From the ministry:": the preposition is not part of the source.
  const Article from = MakeArticle(
      "From the ministry: \u201CThe border will stay closed until the spring.\u201D");
  const auto st2 = Find(from);
  const Statement* s = With(from, st2, "border will stay closed");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(Slice(from, s->speaker), "the ministry");
}

TEST(Statements, TrailingDashAttribution) {
  const Article a = MakeArticle(
      "\u201CThe fishing quotas will be cut by a third next year.\u201D \u2013Commissioner Hansen");
  const auto st = Find(a);
  const Statement* s = With(a, st, "fishing quotas");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(Slice(a, s->speaker), "Commissioner Hansen");
  // The horizontal bar, set close to the mark: "”― Pamela Padilla".
  const Article bar = MakeArticle(
      "\u201CHe makes simple blanket statements about people he knows nothing about.\u201D"
      "\u2015 Pamela Padilla");
  const auto st_bar = Find(bar);
  const Statement* padilla = With(bar, st_bar, "blanket statements");
  ASSERT_NE(padilla, nullptr);
  EXPECT_EQ(Slice(bar, padilla->speaker), "Pamela Padilla");
}

TEST(Statements, ScareQuotesAreNotStatements) {
  const Article a = MakeArticle(
      "The plan includes vaguely formulated \u201Cdemilitarization\u201D goals and a "
      "so-called \u201Cpeace dividend\u201D for the region.");
  const auto st = Find(a);
  EXPECT_EQ(With(a, st, "demilitarization"), nullptr);
  EXPECT_EQ(With(a, st, "peace dividend"), nullptr);
}

TEST(Statements, MixedQuotation) {
  const Article a = MakeArticle(
      "Lavrov replied that \u201Cwe don\u2019t shun contacts\u201D with the West.");
  const auto st = Find(a);
  const Statement* s = With(a, st, "shun contacts");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, StatementKind::kMixed);
  EXPECT_EQ(s->cue_lemma, "reply");
}

TEST(Statements, IndirectCuesAndTypes) {
  const Article a = MakeArticle(
      "The opposition leader accused the government of hiding the true cost of the war.\n\n"
      "The Kremlin has urged Kyiv to accept the new borders.\n\n"
      "Senator Jane Moss insisted that the bill would pass before the recess.\n\n"
      "Biden also indicated he would be willing to talk with Putin.");
  const auto st = Find(a);
  const Statement* accuse = With(a, st, "hiding the true cost");
  ASSERT_NE(accuse, nullptr);
  EXPECT_EQ(accuse->type, "ACCUSE");
  EXPECT_EQ(accuse->kind, StatementKind::kIndirect);
  const Statement* urge = With(a, st, "accept the new borders");
  ASSERT_NE(urge, nullptr);
  EXPECT_EQ(urge->type, "DEMAND");
  EXPECT_EQ(urge->cue_lemma, "urge");
  const Statement* insist = With(a, st, "the bill would pass");
  ASSERT_NE(insist, nullptr);
  EXPECT_EQ(insist->type, "ASSERT");
  const Statement* offer = With(a, st, "willing to talk");
  ASSERT_NE(offer, nullptr);
  EXPECT_EQ(offer->type, "OFFER");
}

TEST(Statements, LookUpCue) {
  EXPECT_EQ(LookUpCue("also said").lemma, "say");
  EXPECT_EQ(LookUpCue("has urged").type, "DEMAND");
  EXPECT_EQ(LookUpCue("criticized").type, "CRITICIZE");
  EXPECT_EQ(LookUpCue("denied").type, "DENY");
  EXPECT_EQ(LookUpCue("threatened").type, "THREATEN");
  EXPECT_EQ(LookUpCue("warned").type, "WARN");
  EXPECT_EQ(LookUpCue("praised").type, "PRAISE");
  EXPECT_EQ(LookUpCue("rejected").type, "REJECT");
  EXPECT_EQ(LookUpCue("appealed").type, "APPEAL");
  EXPECT_EQ(LookUpCue("asked").type, "ASK");
  EXPECT_EQ(LookUpCue("according to").lemma, "according to");
}

TEST(Statements, SpeakersResolveToEntities) {
  const Article a = MakeArticle(
      "Foreign Minister Sergey Lavrov said that the talks had failed.\n\n"
      "\u201CWe are ready to listen to anyone,\u201D he said.\n\n"
      "Officials said that the border would stay closed until March.");
  Entity lavrov;
  lavrov.id = "E1";
  lavrov.name = "Sergey Lavrov";
  lavrov.type = EntityType::kPerson;
  const size_t at = a.text.find("Sergey Lavrov");
  lavrov.mentions.push_back({at, at + 13});
  const size_t he = a.text.find("he said");
  lavrov.mentions.push_back({he, he + 2});
  const auto st = Find(a, {lavrov});
  const Statement* first = With(a, st, "the talks had failed");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->speaker_entity, "E1");
  EXPECT_EQ(first->speaker_name, "Sergey Lavrov");
  const Statement* second = With(a, st, "ready to listen");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->speaker_name, "Sergey Lavrov");
  const Statement* anonymous = With(a, st, "border would stay closed");
  ASSERT_NE(anonymous, nullptr);
  EXPECT_EQ(anonymous->speaker_reason, "anonymous");
  EXPECT_TRUE(anonymous->speaker_entity.empty());
}

Entity MakeEntity(const Article& a, const std::string& id, EntityType type,
                  const std::vector<std::string>& mentions, const std::string& gender = "") {
  Entity e;
  e.id = id;
  e.name = mentions.front();
  e.type = type;
  e.gender = gender;
  size_t from = 0;
  for (const std::string& m : mentions) {
    const size_t at = a.text.find(m, from);
    EXPECT_NE(at, std::string::npos) << m;
    e.mentions.push_back({at, at + m.size()});
    from = at + m.size();
  }
  return e;
}

// A speaker span with a person and an organisation is the person at the
// head of its first noun phrase, not the longest name in it.
TEST(Statements, SpeakerIsTheHeadOfTheSourcePhrase) {
  const Article a = MakeArticle(
      "\u201CThe sanctions will not work,\u201D said Jane Smith, a spokeswoman for the "
      "European Commission.\n\n"
      "Clinton spokesman Nick Merrill said that the campaign had raised more money than ever.\n\n"
      "Scholz\u2019s office said that the call had lasted an hour.");
  const Entity smith = MakeEntity(a, "E1", EntityType::kPerson, {"Jane Smith"}, "female");
  const Entity commission = MakeEntity(a, "E2", EntityType::kOrg, {"European Commission"});
  const Entity clinton = MakeEntity(a, "E3", EntityType::kPerson, {"Clinton"}, "female");
  const Entity merrill = MakeEntity(a, "E4", EntityType::kPerson, {"Nick Merrill"}, "male");
  const Entity scholz = MakeEntity(a, "E5", EntityType::kPerson, {"Scholz"}, "male");
  const auto st = Find(a, {smith, commission, clinton, merrill, scholz});
  const Statement* sanctions = With(a, st, "sanctions will not work");
  ASSERT_NE(sanctions, nullptr);
  EXPECT_EQ(sanctions->speaker_entity, "E1");
  const Statement* money = With(a, st, "raised more money");
  ASSERT_NE(money, nullptr);
  EXPECT_EQ(money->speaker_entity, "E4");
  const Statement* call = With(a, st, "lasted an hour");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->speaker_entity, "E5");
}

// "he added" after a speaker's quotes is that speaker, even when the
// entities stage read the pronoun as someone named earlier; a pronoun of
// the other gender is not.
TEST(Statements, PronounSpeakerIsTheLastSpeakerWhenItFits) {
  const Article a = MakeArticle(
      "Chancellor Olaf Scholz met the mayors on Monday.\n\n"
      "\u201CIt is over,\u201D Smith said. \u201CWe lost.\u201D\n\n"
      "\u201CWe will try again next year,\u201D he added.\n\n"
      "\u201CI never give up,\u201D she said.");
  Entity scholz = MakeEntity(a, "E1", EntityType::kPerson, {"Olaf Scholz"}, "male");
  const size_t he = a.text.find("he added");
  scholz.mentions.push_back({he, he + 2});  // the entities stage's reading
  const Entity smith = MakeEntity(a, "E2", EntityType::kPerson, {"Smith"});
  const auto st = Find(a, {scholz, smith});
  const Statement* again = With(a, st, "try again next year");
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(Slice(a, again->speaker), "he");
  EXPECT_EQ(again->speaker_entity, "E2");
  const Statement* never = With(a, st, "never give up");
  ASSERT_NE(never, nullptr);
  EXPECT_NE(never->speaker_entity, "E1");  // "she" is not Olaf Scholz
}

// "A New York man" is one unnamed person, not New York: anonymous, and so
// is "he" after him, though the entities stage read "he" as someone named
// before.
TEST(Statements, UnnamedIndividualIsNotThePlaceInHisDescription) {
  const Article a = MakeArticle(
      "Mayor Eric Adams spoke on Monday.\n\n"
      "A New York man said that the police had not called him back.\n\n"
      "\u201CNobody came,\u201D he said.");
  Entity adams = MakeEntity(a, "E1", EntityType::kPerson, {"Eric Adams"}, "male");
  const size_t he = a.text.find("he said");
  adams.mentions.push_back({he, he + 2});
  const Entity new_york = MakeEntity(a, "E2", EntityType::kGpe, {"New York"});
  const auto st = Find(a, {adams, new_york});
  const Statement* police = With(a, st, "police had not called");
  ASSERT_NE(police, nullptr);
  EXPECT_EQ(police->speaker_entity, "");
  EXPECT_EQ(police->speaker_reason, "anonymous");
  const Statement* nobody = With(a, st, "Nobody came");
  ASSERT_NE(nobody, nullptr);
  EXPECT_EQ(Slice(a, nobody->speaker), "he");
  EXPECT_EQ(nobody->speaker_entity, "");
  EXPECT_EQ(nobody->speaker_reason, "anonymous");
}

// "Trump's supporters" and "critics of Mr. Trump" are not Trump (sources.tsv
// class group); "Trump's lawyers" speak for him; a critic named in the
// phrase is one of them.
TEST(Statements, SupportersAndCriticsAreNotWhomTheyTakeSidesAbout) {
  const Article a = MakeArticle(
      "Trump's supporters said that the election had been stolen.\n\n"
      "Critics of Mr. Trump said that the speech was dangerous.\n\n"
      "Trump's lawyers said that they would appeal.\n\n"
      "Critics of the program, like Senator Patrick Leahy, said that it had failed.");
  const Entity trump =
      MakeEntity(a, "E1", EntityType::kPerson, {"Trump", "Trump", "Trump"}, "male");
  const Entity leahy = MakeEntity(a, "E2", EntityType::kPerson, {"Patrick Leahy"}, "male");
  const auto st = Find(a, {trump, leahy});
  const Statement* stolen = With(a, st, "election had been stolen");
  ASSERT_NE(stolen, nullptr);
  EXPECT_EQ(stolen->speaker_entity, "");
  EXPECT_EQ(stolen->speaker_reason, "anonymous");
  const Statement* dangerous = With(a, st, "speech was dangerous");
  ASSERT_NE(dangerous, nullptr);
  EXPECT_EQ(dangerous->speaker_entity, "");
  const Statement* appeal = With(a, st, "would appeal");
  ASSERT_NE(appeal, nullptr);
  EXPECT_EQ(appeal->speaker_entity, "E1");
  const Statement* failed = With(a, st, "it had failed");
  ASSERT_NE(failed, nullptr);
  EXPECT_EQ(failed->speaker_entity, "E2");
}

TEST(Statements, UnnamedPeopleByTheirHeadWordAreAnonymous) {
  // The head word, not the span's last word ("matter"), says who spoke;
  // occupations in the plural name no one.
  const Article a = MakeArticle(
      "Two people familiar with the matter said that the deal was close.\n\n"
      "Scientists said that the ice was melting faster.\n\n"
      "The video shows that the car was speeding.\n\n"
      "The committee heard from a career Army officer who said that the call was improper.\n\n"
      "She met a bishop who said that the work was done.\n\n"
      "Demonstrators said that they wanted justice.");
  const auto st = Find(a, {});
  const Statement* deal = With(a, st, "deal was close");
  ASSERT_NE(deal, nullptr);
  EXPECT_EQ(deal->speaker_reason, "anonymous");
  const Statement* ice = With(a, st, "ice was melting");
  ASSERT_NE(ice, nullptr);
  EXPECT_EQ(ice->speaker_reason, "anonymous");
  // "who" after an unnamed officer.
  const Statement* call = With(a, st, "call was improper");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->speaker_reason, "anonymous");
  // Someone new and unnamed ("an architect who"), and the plural of an
  // individual's word.
  for (const char* content : {"work was done", "wanted justice"}) {
    const Statement* s = With(a, st, content);
    ASSERT_NE(s, nullptr) << content;
    EXPECT_EQ(s->speaker_reason, "anonymous") << content;
  }
  // A thing, not a person: no reason.
  const Statement* car = With(a, st, "car was speeding");
  if (car != nullptr) {
    EXPECT_EQ(car->speaker_reason, "");
  }
}

TEST(Statements, FirstPersonOutsideQuotationsIsTheWriter) {
  // In an op-ed or a letter "I" and "we" are the writer, not the person
  // named last; inside a quotation "I" is the quoted speaker.
  const Article a = MakeArticle(
      "Jane Smith said that the plan would fail.\n\n"
      "I believe that the plan will work.\n\n"
      "We know that the numbers are wrong.\n\n"
      "I\u2019ve argued that the tax is unfair.\n\n"
      "\u201CI think that the vote was fair,\u201D Smith said.");
  const Entity smith = MakeEntity(a, "E1", EntityType::kPerson, {"Jane Smith", "Smith"}, "female");
  const auto st = Find(a, {smith});
  const Statement* work = With(a, st, "plan will work");
  ASSERT_NE(work, nullptr);
  EXPECT_EQ(work->speaker_reason, "author");
  EXPECT_EQ(work->speaker_entity, "");
  const Statement* numbers = With(a, st, "numbers are wrong");
  ASSERT_NE(numbers, nullptr);
  EXPECT_EQ(numbers->speaker_reason, "author");
  const Statement* tax = With(a, st, "tax is unfair");
  ASSERT_NE(tax, nullptr);
  EXPECT_EQ(tax->speaker_reason, "author");
  const Statement* fail = With(a, st, "plan would fail");
  ASSERT_NE(fail, nullptr);
  EXPECT_EQ(fail->speaker_entity, "E1");
  for (const Statement& s : st) {
    const std::string_view content =
        std::string_view(a.text).substr(s.content.begin, s.content.end - s.content.begin);
    if (content.find("vote was fair") != std::string_view::npos) {
      EXPECT_NE(s.speaker_reason, "author");
    }
  }
}

TEST(Statements, BeliefsNobodyHoldsAreNoStatements) {
  // PolNeAR annotates these as attributions without a source; nobody says
  // anything in them.
  const Article a = MakeArticle(
      "This rumor appears to be false.\n\n"
      "The company, which is expected to lay off thousands of employees, declined to comment.\n\n"
      "Analysts expect the firm to cut 500 jobs.");
  const auto st = Find(a, {});
  for (const Statement& s : st) {
    EXPECT_FALSE(s.speaker_reason == "none" && s.type == "BELIEVE")
        << a.text.substr(s.content.begin, s.content.end - s.content.begin);
  }
  // A holder named: kept.
  EXPECT_NE(With(a, st, "cut 500 jobs"), nullptr);
}

std::vector<Statement> FindIn(const Article& a, const std::string& language,
                              const std::vector<Entity>& e = {}) {
  StatementOptions options;
  options.model = DefaultStatementModel();
  options.language = language;
  return FindStatements(a, e, options);
}

// Pages in other languages: quotations attributed by their language's cues
// (data/statements/cues_intl.tsv), with English lemmas and types.
TEST(Statements, QuotationsInOtherLanguages) {
  const Article de = MakeArticle(
      "\u201EWir lehnen diese Forderungen ab\u201C, sagte Bundeskanzler Olaf Scholz am Freitag.\n"
      "Au\u00DFenministerin Annalena Baerbock erkl\u00E4rte am Abend in Br\u00FCssel: "
      "\u201EDie Gespr\u00E4che gehen weiter.\u201C\n"
      "Der sogenannte \u201EFriedensplan\u201C wurde von Experten kritisiert.");
  const auto st_de = FindIn(de, "de");
  const Statement* scholz = With(de, st_de, "Wir lehnen");
  ASSERT_NE(scholz, nullptr);
  EXPECT_EQ(Slice(de, scholz->speaker), "Bundeskanzler Olaf Scholz");
  EXPECT_EQ(scholz->cue_lemma, "say");
  EXPECT_EQ(Slice(de, scholz->content), "Wir lehnen diese Forderungen ab");
  const Statement* baerbock = With(de, st_de, "Gespr\u00E4che");
  ASSERT_NE(baerbock, nullptr);
  EXPECT_EQ(Slice(de, baerbock->speaker), "Au\u00DFenministerin Annalena Baerbock");
  EXPECT_EQ(baerbock->cue_lemma, "state");
  EXPECT_EQ(With(de, st_de, "Friedensplan"), nullptr);  // a scare quote

  // French: spaced guillemets, "a déclaré", an inverted pronoun, a title
  // with its name in apposition.
  const Article fr = MakeArticle(
      "\u00AB Nous ne c\u00E9derons pas \u00BB, a d\u00E9clar\u00E9 Emmanuel Macron vendredi.\n"
      "\u00AB Ce sera long \u00BB, a-t-il pr\u00E9venu.\n"
      "\u00AB La France est pr\u00EAte \u00BB, a affirm\u00E9 le ministre des Affaires "
      "\u00E9trang\u00E8res, Jean-No\u00EBl Barrot.");
  const auto st_fr = FindIn(fr, "fr");
  const Statement* macron = With(fr, st_fr, "Nous ne");
  ASSERT_NE(macron, nullptr);
  EXPECT_EQ(Slice(fr, macron->content), "Nous ne c\u00E9derons pas");
  EXPECT_EQ(Slice(fr, macron->cue), "a d\u00E9clar\u00E9");
  EXPECT_EQ(macron->cue_lemma, "declare");
  EXPECT_EQ(Slice(fr, macron->speaker), "Emmanuel Macron");
  const Statement* warn = With(fr, st_fr, "Ce sera long");
  ASSERT_NE(warn, nullptr);
  EXPECT_EQ(warn->type, "WARN");
  EXPECT_EQ(Slice(fr, warn->speaker), "Emmanuel Macron");
  const Statement* barrot = With(fr, st_fr, "La France");
  ASSERT_NE(barrot, nullptr);
  EXPECT_NE(Slice(fr, barrot->speaker).find("Jean-No\u00EBl Barrot"), std::string::npos);

  const Article es = MakeArticle(
      "\u00ABNo vamos a ceder\u00BB, dijo el presidente del Gobierno, Pedro S\u00E1nchez.");
  const auto st_es = FindIn(es, "es");
  const Statement* sanchez = With(es, st_es, "No vamos");
  ASSERT_NE(sanchez, nullptr);
  EXPECT_EQ(sanchez->cue_lemma, "say");
  EXPECT_NE(Slice(es, sanchez->speaker).find("Pedro S\u00E1nchez"), std::string::npos);

  // Russian: a dash between the quotation and its cue, a capitalised
  // pronoun.
  const Article ru = MakeArticle(
      "«Вы непосредственно участвуете в этой войне», — заявил Лавров журналистам.\n"
      "«Мы никогда не просили о переговорах», — сказал он.\n"
      "Он подчеркнул: «Мы готовы выслушать предложения».");
  const auto st_ru = FindIn(ru, "ru");
  const Statement* lavrov = With(ru, st_ru, "участвуете");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(Slice(ru, lavrov->speaker), "Лавров");
  EXPECT_EQ(lavrov->cue_lemma, "state");
  const Statement* he = With(ru, st_ru, "никогда");
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(Slice(ru, he->speaker), "он");
  EXPECT_EQ(he->cue_lemma, "say");
  const Statement* stress = With(ru, st_ru, "готовы");
  ASSERT_NE(stress, nullptr);
  EXPECT_EQ(Slice(ru, stress->speaker), "Он");
  EXPECT_EQ(stress->type, "ASSERT");

  // Japanese: the speaker before the quotation, the cue after it; a label
  // in brackets is not a statement.
  const Article ja = MakeArticle(
      "林外相は記者団に「対話の扉は開かれている」と述べた。\n"
      "「プロパティ」を選びます。");
  const auto st_ja = FindIn(ja, "ja");
  ASSERT_EQ(st_ja.size(), 1u);
  EXPECT_EQ(Slice(ja, st_ja[0].content), "対話の扉は開かれている");
  EXPECT_EQ(Slice(ja, st_ja[0].speaker), "林外相");
  EXPECT_EQ(Slice(ja, st_ja[0].cue), "述べた");
  EXPECT_EQ(st_ja[0].cue_lemma, "say");

  // Chinese: a cue before a colon, and a pronoun after the quotation.
  const Article zh = MakeArticle(
      "中国外交部长王毅星期五在北京表示：“中方愿意同美方加强沟通。”\n"
      "“我们从未拒绝对话，”他说。");
  const auto st_zh = FindIn(zh, "zh");
  const Statement* wang = With(zh, st_zh, "中方愿意");
  ASSERT_NE(wang, nullptr);
  EXPECT_EQ(Slice(zh, wang->speaker), "中国外交部长王毅");
  EXPECT_EQ(wang->cue_lemma, "state");
  const Statement* pronoun = With(zh, st_zh, "从未拒绝");
  ASSERT_NE(pronoun, nullptr);
  EXPECT_EQ(Slice(zh, pronoun->speaker), "他");
  EXPECT_EQ(pronoun->cue_lemma, "say");

  // Korean: the quotative particle on the closing mark, the speaker before
  // the quotation without its topic particle.
  const Article ko = MakeArticle(
      "문재인 대통령은 이날 “대화의 문은 항상 열려 있다”라고 말했다.\n"
      "그는 “평화를 위해 노력하겠다”고 강조했다.");
  const auto st_ko = FindIn(ko, "ko");
  const Statement* moon = With(ko, st_ko, "대화의 문은");
  ASSERT_NE(moon, nullptr);
  EXPECT_EQ(Slice(ko, moon->content), "대화의 문은 항상 열려 있다");
  EXPECT_EQ(Slice(ko, moon->speaker), "문재인 대통령");
  EXPECT_EQ(moon->cue_lemma, "say");
  const Statement* stress_ko = With(ko, st_ko, "평화를");
  ASSERT_NE(stress_ko, nullptr);
  EXPECT_EQ(Slice(ko, stress_ko->speaker), "그");
  EXPECT_EQ(stress_ko->type, "ASSERT");
}

// Reported speech without quotation marks in other languages: "according
// to X" opening a sentence or after its comma (cues_intl.tsv, ACCORDING).
TEST(Statements, AccordingToInOtherLanguages) {
  const Article ru = MakeArticle(
      "\u041F\u043E \u0441\u043B\u043E\u0432\u0430\u043C "  // По словам
      "\u0417\u0435\u043B\u0435\u043D\u0441\u043A\u043E\u0433\u043E, "  // Зеленского,
      "\u0420\u043E\u0441\u0441\u0438\u044F \u0434\u043E\u043B\u0436\u043D\u0430 "
      "\u0432\u044B\u0432\u0435\u0441\u0442\u0438 \u0432\u043E\u0439\u0441\u043A"
      "\u0430.");  // Россия должна вывести войска.
  const auto st_ru = FindIn(ru, "ru");
  ASSERT_EQ(st_ru.size(), 1u);
  EXPECT_EQ(st_ru[0].kind, StatementKind::kIndirect);
  EXPECT_EQ(st_ru[0].cue_lemma, "according to");
  EXPECT_EQ(Slice(ru, st_ru[0].speaker), "\u0417\u0435\u043B\u0435\u043D\u0441\u043A\u043E"
                                         "\u0433\u043E");
  EXPECT_EQ(Slice(ru, st_ru[0].content),
            "\u0420\u043E\u0441\u0441\u0438\u044F \u0434\u043E\u043B\u0436\u043D\u0430 "
            "\u0432\u044B\u0432\u0435\u0441\u0442\u0438 \u0432\u043E\u0439\u0441\u043A"
            "\u0430");
  const Article fr = MakeArticle(
      "Les syndicats appellent \u00E0 une nouvelle gr\u00E8ve jeudi, selon la CGT. "
      "En second lieu, la mobilisation reste forte.");
  const auto st_fr = FindIn(fr, "fr");
  ASSERT_EQ(st_fr.size(), 1u);
  EXPECT_EQ(Slice(fr, st_fr[0].speaker), "la CGT");
  EXPECT_EQ(Slice(fr, st_fr[0].content), "Les syndicats appellent \u00E0 une nouvelle gr\u00E8ve jeudi");
}

// Reported clauses in other languages: a cue, then a complementizer
// (cues_intl.tsv, THAT); a passive names no one, and "so dass" is no cue.
TEST(Statements, ReportedClausesInOtherLanguages) {
  const Article fr = MakeArticle(
      "Le pr\u00E9sident Emmanuel Macron a d\u00E9clar\u00E9 mardi que la r\u00E9forme "
      "\u00E9tait n\u00E9cessaire. Il a ajout\u00E9 qu'il ne reculerait pas devant la "
      "mobilisation. Il a \u00E9t\u00E9 annonc\u00E9 que la gr\u00E8ve continuerait demain.");
  const auto st_fr = FindIn(fr, "fr");
  ASSERT_EQ(st_fr.size(), 2u);
  EXPECT_EQ(Slice(fr, st_fr[0].speaker), "Le pr\u00E9sident Emmanuel Macron");
  EXPECT_EQ(Slice(fr, st_fr[0].cue), "a d\u00E9clar\u00E9");
  EXPECT_EQ(Slice(fr, st_fr[0].content), "la r\u00E9forme \u00E9tait n\u00E9cessaire");
  EXPECT_EQ(Slice(fr, st_fr[1].content), "il ne reculerait pas devant la mobilisation");
  const Article de = MakeArticle(
      "Friedrich Merz sagte am Freitag, dass die Regierung handeln m\u00FCsse. Es regnete so, "
      "dass die Stra\u00DFen nass waren.");
  const auto st_de = FindIn(de, "de");
  ASSERT_EQ(st_de.size(), 1u);
  EXPECT_EQ(Slice(de, st_de[0].speaker), "Friedrich Merz");
  EXPECT_EQ(Slice(de, st_de[0].content), "die Regierung handeln m\u00FCsse");
}

TEST(StatementModel, SaveLoadRoundTrip) {
  StatementModel model(1u << 10);
  for (size_t i = 0; i < model.weights().size(); ++i) {
    model.weights()[i] = static_cast<float>(static_cast<int>(i % 97) - 48) / 8.0f;
  }
  model.transitions()[3] = -2.5f;
  const std::string path = ::testing::TempDir() + "/statements-roundtrip.bin";
  ASSERT_TRUE(model.Save(path).ok());
  Result<StatementModel> loaded = StatementModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->buckets(), 1u << 10);
  EXPECT_FLOAT_EQ(loaded->transitions()[3], -2.5f);
  // A loaded model keeps the int16 values in rows of 8, the pad zero.
  ASSERT_EQ(loaded->rows().size(), 1u << 10);
  for (size_t i = 0; i < model.weights().size(); ++i) {
    const auto& row = loaded->rows()[i / StatementModel::kLabels];
    EXPECT_NEAR(row.w[i % StatementModel::kLabels] * loaded->scale(), model.weights()[i], 0.001f);
    EXPECT_EQ(row.w[StatementModel::kRowWidth - 1], 0);
  }
  EXPECT_EQ(loaded->ToBytes(), model.ToBytes());
  std::remove(path.c_str());
  EXPECT_FALSE(StatementModel::FromBytes("not a model").ok());
  std::string bytes = model.ToBytes();
  bytes.pop_back();
  EXPECT_FALSE(StatementModel::FromBytes(bytes).ok());
}

TEST(Statements, RulesOnlyWithoutModel) {
  const Article a = MakeArticle(
      "\u201CThe vote was stolen from the people,\u201D Garcia said.\n\n"
      "Garcia said that the recount would start on Friday.");
  StatementOptions options;  // no model
  const auto st = FindStatements(a, {}, options);
  ASSERT_NE(With(a, st, "The vote was stolen"), nullptr);
  ASSERT_NE(With(a, st, "the recount would start"), nullptr);
}

TEST(StatementsAssemble, OneReportedClauseAndTheCueOfItsOwnSentence) {
  // The tagger cuts the content at the relative clause; the part after it
  // is still the Kremlin's urging, not the next sentence's "pushed for".
  const Article a = MakeArticle(
      "The Kremlin has urged Ukraine to acknowledge Crimea, which Moscow annexed from "
      "Ukraine in 2014, as part of Russia and to recognize other land gains that Russia "
      "has made since sending its troops into Ukraine on Feb. 24. It also has pushed for "
      "guarantees that Ukraine wouldn’t join NATO.");
  const std::vector<Statement> st = Find(a);
  const Statement* urged = With(a, st, "acknowledge Crimea");
  ASSERT_NE(urged, nullptr);
  EXPECT_EQ(Slice(a, urged->cue), "has urged");
  EXPECT_NE(Slice(a, urged->content).find("to recognize other land gains"), std::string::npos)
      << Slice(a, urged->content);
  for (const Statement& s : st) {
    if (Slice(a, s.cue).find("pushed") == std::string::npos) continue;
    EXPECT_EQ(Slice(a, s.content).find("Russia and to recognize"), std::string::npos);
  }
}

}  // namespace
}  // namespace newsmill
