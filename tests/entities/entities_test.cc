// One test per rule of the entities stage.
#include <gtest/gtest.h>

#include "entities/entity_test_util.h"

namespace newsmill {
namespace {

using testing::Find;
using Strings = std::vector<std::string>;

TEST(Entities, TitleBeforeNameGivesRoleAndAffiliation) {
  const auto f = Find("German Chancellor Olaf Scholz spoke to reporters.");
  const Entity* scholz = f.Named("Olaf Scholz");
  ASSERT_NE(scholz, nullptr);
  EXPECT_EQ(scholz->type, EntityType::kPerson);
  EXPECT_EQ(scholz->roles, Strings{"Chancellor"});
  ASSERT_EQ(scholz->affiliations.size(), 1u);
  const Entity* germany = f.Named("Germany");
  ASSERT_NE(germany, nullptr);
  EXPECT_EQ(scholz->affiliations[0], germany->id);
  EXPECT_EQ(f.Mentions(*scholz), Strings{"Olaf Scholz"});
}

TEST(Entities, LowerCaseTitleAfterOrganisation) {
  const auto f = Find("Kremlin spokesman Dmitry Peskov denied it. Peskov's remarks followed.");
  const Entity* peskov = f.Named("Dmitry Peskov");
  ASSERT_NE(peskov, nullptr);
  EXPECT_EQ(peskov->roles, Strings{"spokesman"});
  EXPECT_EQ(peskov->gender, "male");
  EXPECT_EQ(f.Mentions(*peskov), (Strings{"Dmitry Peskov", "Peskov"}));
  ASSERT_NE(f.Named("Kremlin"), nullptr);
  EXPECT_EQ(f.Named("Kremlin")->type, EntityType::kOrg);
}

TEST(Entities, Appositions) {
  const auto f = Find(
      "Hugh Hill, a doctor, said the wait was long. Nasser Kan'ani, the ministry's "
      "spokesperson, rejected the claim.");
  ASSERT_NE(f.Named("Hugh Hill"), nullptr);
  EXPECT_EQ(f.Named("Hugh Hill")->type, EntityType::kPerson);
  EXPECT_EQ(f.Named("Hugh Hill")->roles, Strings{"doctor"});
  ASSERT_NE(f.Named("Nasser Kan'ani"), nullptr);
  EXPECT_EQ(f.Named("Nasser Kan'ani")->roles, Strings{"spokesperson"});
}

TEST(Entities, RoleDescriptionBeforeTheName) {
  const auto f = Find(
      "Russia's foreign minister accused the West. Foreign Minister Sergey Lavrov also said "
      "more. Lavrov left.");
  const Entity* lavrov = f.Named("Sergey Lavrov");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(f.Mentions(*lavrov),
            (Strings{"Russia's foreign minister", "Sergey Lavrov", "Lavrov"}));
  const Entity* russia = f.Named("Russia");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(lavrov->affiliations, Strings{russia->id});
}

// A description uses the title's full form ("the Indiana governor" is "Gov.
// Mike Pence"), and a former holder is not the current one.
TEST(Entities, RoleDescriptionMatchesTheTitlesAbbreviation) {
  const auto f = Find(
      "Indiana Gov. Mike Pence spoke in Ohio. Interim DNC Chairwoman Donna Brazile was "
      "there too. The Indiana governor said more. A former DNC chairman said less.");
  const Entity* pence = f.Named("Mike Pence");
  ASSERT_NE(pence, nullptr);
  EXPECT_EQ(f.Mentions(*pence), (Strings{"Mike Pence", "Indiana governor"}));
  const Entity* brazile = f.Named("Donna Brazile");
  ASSERT_NE(brazile, nullptr);
  EXPECT_EQ(f.Mentions(*brazile), Strings{"Donna Brazile"});
}

// "X, the ... of Y, who said": the relative pronoun is X across the
// apposition, not Y.
TEST(Entities, RelativePronounAfterAnApposition) {
  const auto f = Find(
      "Marc Morial, the chief executive of the National Urban League, who spoke on Monday, "
      "called for calm.");
  const Entity* morial = f.Named("Marc Morial");
  ASSERT_NE(morial, nullptr);
  EXPECT_EQ(f.Mentions(*morial), (Strings{"Marc Morial", "who"}));
}

TEST(Entities, RelativePronounAfterADash) {
  const auto f = Find(
      "It is an issue in the campaign, with Hillary Clinton \u2014 who has called for tax "
      "hikes \u2014 leading.");
  const Entity* clinton = f.Named("Hillary Clinton");
  ASSERT_NE(clinton, nullptr);
  EXPECT_EQ(f.Mentions(*clinton), (Strings{"Hillary Clinton", "who"}));
}

// "which" after an organisation or a country is that organisation, not
// one after "by" ("a report by Reuters, which found").
TEST(Entities, WhichAfterAnOrganisation) {
  const auto f = Find(
      "They turned to the Chicago Police Department which reported more. A report by "
      "Reuters, which found more, was cited.");
  const Entity* police = f.Named("Chicago Police Department");
  ASSERT_NE(police, nullptr);
  EXPECT_EQ(f.Mentions(*police), (Strings{"Chicago Police Department", "which"}));
  const Entity* reuters = f.Named("Reuters");
  ASSERT_NE(reuters, nullptr);
  EXPECT_EQ(f.Mentions(*reuters), Strings{"Reuters"});
}

// A capitalised modifier inside a sentence opens the name ("Big Machine",
// "the First Amendment"), and such a name is no person; at a sentence's
// start the word is dropped as before.
TEST(Entities, CapitalisedModifiersInsideASentenceOpenTheName) {
  const auto f = Find(
      "She sued her former label Big Machine over the First Amendment. Big changes came.");
  const Entity* label = f.Named("Big Machine");
  ASSERT_NE(label, nullptr);
  EXPECT_NE(label->type, EntityType::kPerson);
  const Entity* amendment = f.Named("First Amendment");
  ASSERT_NE(amendment, nullptr);
  EXPECT_NE(amendment->type, EntityType::kPerson);
  EXPECT_EQ(f.Named("Big"), nullptr);
}

TEST(Entities, NamesOfCommonWordsAreNotPeople) {
  // Unknown two-word names default to people, but not those a dictionary
  // spells with common words; a surname that is one ("Musk") comes alone.
  const auto f = Find(
      "She bought a Smart Keyboard near Fort Worth. Elon Musk bought one too. Later "
      "Musk laughed.");
  const Entity* keyboard = f.Named("Smart Keyboard");
  ASSERT_NE(keyboard, nullptr);
  EXPECT_NE(keyboard->type, EntityType::kPerson);
  const Entity* worth = f.Named("Fort Worth");
  ASSERT_NE(worth, nullptr);
  EXPECT_NE(worth->type, EntityType::kPerson);
  const Entity* musk = f.Named("Elon Musk");
  ASSERT_NE(musk, nullptr);
  EXPECT_EQ(musk->type, EntityType::kPerson);
}

TEST(Entities, NamesTakingAPluralVerbAreNotPeople) {
  // British usage: a team or a company takes a plural verb, a person
  // does not; "Smith and Jane Doe have" is two people.
  const auto f = Find(
      "Tottenham Hotspur have appointed a new coach. John Smith and Jane Doe have "
      "welcomed him.");
  const Entity* spurs = f.Named("Tottenham Hotspur");
  ASSERT_NE(spurs, nullptr);
  EXPECT_NE(spurs->type, EntityType::kPerson);
  const Entity* doe = f.Named("Jane Doe");
  ASSERT_NE(doe, nullptr);
  EXPECT_EQ(doe->type, EntityType::kPerson);
}

TEST(Entities, SurnameOpeningASentenceJoinsAPersonTypedByDefault) {
  // No list or title makes "Kerr Putney" a person, only the default for
  // unknown two-word names; his "Putney" opening a sentence still joins
  // him. A name typed so that holds a common word or an acronym lends its
  // words to no one ("National Mall" ... "the Mall").
  const auto f = Find(
      "Kerr Putney, the Charlotte-Mecklenburg police chief, said the video was unclear. "
      "Putney later told CNN that it did not show a gun. Crowds gathered on the National "
      "Mall. Mall visitors waited.");
  const Entity* putney = f.Named("Kerr Putney");
  ASSERT_NE(putney, nullptr);
  EXPECT_EQ(f.Mentions(*putney), (Strings{"Kerr Putney", "Putney"}));
  for (const Entity& e : f.entities) {
    if (e.name == "Mall") {
      EXPECT_NE(e.type, EntityType::kPerson);
    }
  }
}

TEST(Entities, NameBeforeACompanyOfficeIsAnOrganisation) {
  // No list knows SoftBank or WeWork; their officers make them companies,
  // and "the company" can then be one of them.
  const auto f = Find(
      "SoftBank CEO Masayoshi Son has told WeWork's founder to cut costs. WeWork said it "
      "would. The company confirmed the layoffs.");
  for (const char* name : {"SoftBank", "WeWork"}) {
    const Entity* e = f.Named(name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kOrg) << name;
  }
  const Entity* wework = f.Named("WeWork");
  ASSERT_NE(wework, nullptr);
  EXPECT_EQ(f.Mentions(*wework).back(), "The company");
}

TEST(Entities, GivenNameThatIsAPlaceOpensAPersonsName) {
  // Mary is a region of Turkmenistan, Charlotte a city: with a surname
  // they are people, with a common word an organisation.
  const auto f = Find(
      "Mary Jones spoke to Alexandria Ocasio-Cortez. The Charlotte Observer reported it.");
  for (const char* name : {"Mary Jones", "Alexandria Ocasio-Cortez"}) {
    const Entity* person = f.Named(name);
    ASSERT_NE(person, nullptr) << name;
    EXPECT_EQ(person->type, EntityType::kPerson) << name;
  }
  const Entity* paper = f.Named("Charlotte Observer");
  ASSERT_NE(paper, nullptr);
  EXPECT_EQ(paper->type, EntityType::kOrg);
}

TEST(Entities, AgencyAndOrganizationTakeTheOrganisationNamedMost) {
  // "the agency" may be an acronym's organisation, "the organization" any;
  // of those within reach, the one named most so far.
  const auto f = Find(
      "NASA announced the mission on Monday, and NASA chose a crater. The VIPER rover will "
      "land there. The agency said it was ready.\n\n"
      "The United Nations was founded in 1945. The United Nations has 193 members, and the "
      "Security Council is the arm of the organization with the mandate.");
  const Entity* nasa = f.Named("NASA");
  ASSERT_NE(nasa, nullptr);
  EXPECT_EQ(f.Mentions(*nasa), (Strings{"NASA", "NASA", "The agency"}));
  const Entity* un = f.Named("United Nations");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(f.Mentions(*un), (Strings{"United Nations", "United Nations", "the organization"}));
}

TEST(Entities, SurnamesInCapitalsJoinTheirPerson) {
  // A transcript's turns name the speakers in capitals; "PENCE" is no
  // acronym.
  const auto f = Find(
      "Chris Wallace interviewed Gov. Mike Pence on Sunday.\n\n"
      "WALLACE: Do you agree with him?\n\nPENCE: Well, look, I think so.");
  const Entity* pence = f.Named("Mike Pence");
  ASSERT_NE(pence, nullptr);
  EXPECT_EQ(f.Mentions(*pence), (Strings{"Mike Pence", "PENCE"}));
  const Entity* wallace = f.Named("Chris Wallace");
  ASSERT_NE(wallace, nullptr);
  EXPECT_EQ(f.Mentions(*wallace), (Strings{"Chris Wallace", "WALLACE"}));
  EXPECT_EQ(f.Named("PENCE"), nullptr);
}

TEST(Entities, TranscriptSpeakersInCapitalsArePeople) {
  // Speakers the page names only in its turns are people, and the "she"
  // of a turn is not its speaker.
  const auto f = Find(
      "Hillary Clinton spoke in Ohio.\n\nWALLACE: Will she be there?\n\n"
      "KELLY: I think so.\n\nMODERATOR: Thank you both.");
  const Entity* wallace = f.Named("WALLACE");
  ASSERT_NE(wallace, nullptr);
  EXPECT_EQ(wallace->type, EntityType::kPerson);
  const Entity* clinton = f.Named("Hillary Clinton");
  ASSERT_NE(clinton, nullptr);
  EXPECT_EQ(f.Mentions(*clinton), (Strings{"Hillary Clinton", "she"}));
  const Entity* kelly = f.Named("KELLY");
  ASSERT_NE(kelly, nullptr);
  EXPECT_EQ(kelly->type, EntityType::kPerson);
  const Entity* moderator = f.Named("MODERATOR");
  EXPECT_TRUE(moderator == nullptr || moderator->type != EntityType::kPerson);
}

TEST(Entities, AgeStandingAloneIsThePersonNamedLast) {
  const auto f = Find(
      "Tottenham appointed Jose Mourinho on Wednesday. The 56-year-old said he was "
      "excited. The 43-year-old man who sold him a car was not.");
  const Entity* mourinho = f.Named("Jose Mourinho");
  ASSERT_NE(mourinho, nullptr);
  EXPECT_EQ(f.Mentions(*mourinho), (Strings{"Jose Mourinho", "The 56-year-old", "he"}));
}

TEST(Entities, PronounsInSubjectPosition) {
  const auto f = Find(
      "Angela Merkel arrived late. \u201CHe is wrong,\u201D she said. Olaf Scholz said he "
      "would wait.");
  const Entity* merkel = f.Named("Angela Merkel");
  ASSERT_NE(merkel, nullptr);
  EXPECT_EQ(f.Mentions(*merkel), (Strings{"Angela Merkel", "she"}));
  const Entity* scholz = f.Named("Olaf Scholz");
  ASSERT_NE(scholz, nullptr);
  EXPECT_EQ(f.Mentions(*scholz), (Strings{"Olaf Scholz", "he"}));
}

TEST(Entities, PronounInALaterSentenceTakesTheSubject) {
  // The sentence before names two men; "he" is its subject, not the
  // owner named last or the object.
  const auto f = Find(
      "Wild defenseman Ryan Suter, who joked about Zach Parise's sticks, saw the "
      "frustration. He smiled. Donald Trump met Vladimir Putin in Paris. He said nothing.");
  const Entity* suter = f.Named("Ryan Suter");
  ASSERT_NE(suter, nullptr);
  EXPECT_EQ(f.Mentions(*suter).back(), "He");
  const Entity* putin = f.Named("Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(f.Mentions(*putin), (Strings{"Vladimir Putin"}));
}

TEST(Entities, CapitalActingAsGovernmentJoinsItsCountry) {
  const auto f = Find("Officials in Moscow met. Later Moscow said it would respond.");
  const Entity* russia = f.Named("Russia");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(f.Mentions(*russia), Strings{"Moscow"});
  const Entity* moscow = f.Named("Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->type, EntityType::kGpe);
  EXPECT_EQ(moscow->mentions.size(), 1u);
}

TEST(Entities, CountryAliasesAndDemonyms) {
  const auto f = Find("The U.S. and NATO met. Russian troops and Ukrainians left.");
  ASSERT_NE(f.Named("U.S."), nullptr);
  EXPECT_EQ(f.Named("U.S.")->type, EntityType::kGpe);
  ASSERT_NE(f.Named("NATO"), nullptr);
  EXPECT_EQ(f.Named("NATO")->type, EntityType::kOrg);
  ASSERT_NE(f.Named("Russian"), nullptr);
  EXPECT_EQ(f.Named("Russian")->type, EntityType::kNorp);
}

TEST(Entities, NamesWithParticles) {
  const auto f = Find("The plan was backed by Ursula von der Leyen and by Jan de Vries.");
  ASSERT_NE(f.Named("Ursula von der Leyen"), nullptr);
  EXPECT_EQ(f.Named("Ursula von der Leyen")->type, EntityType::kPerson);
  ASSERT_NE(f.Named("Jan de Vries"), nullptr);
}

TEST(Entities, HeadWordsTypeNames) {
  const auto f = Find(
      "He studied the Battle of Stalingrad at the University of Leeds and worked for Acme "
      "Holdings near the Caspian Sea.");
  ASSERT_NE(f.Named("Battle of Stalingrad"), nullptr);
  EXPECT_EQ(f.Named("Battle of Stalingrad")->type, EntityType::kEvent);
  ASSERT_NE(f.Named("University of Leeds"), nullptr);
  EXPECT_EQ(f.Named("University of Leeds")->type, EntityType::kOrg);
  ASSERT_NE(f.Named("Acme Holdings"), nullptr);
  EXPECT_EQ(f.Named("Acme Holdings")->type, EntityType::kOrg);
  ASSERT_NE(f.Named("Caspian Sea"), nullptr);
  EXPECT_EQ(f.Named("Caspian Sea")->type, EntityType::kLoc);
}

TEST(Entities, SentenceInitialWordsAndHeadlines) {
  const auto f = Find("Asked About Talks, Minister Stays Silent\n\nAsked about it, nobody spoke.");
  EXPECT_TRUE(f.entities.empty()) << f.entities[0].name;
}

TEST(Entities, HeadingsInCapitalsAndCommonAcronyms) {
  const auto f = Find("NISSAN SENTRA\n\nThe new SUV is on display, and a TV crew filmed it.");
  EXPECT_TRUE(f.entities.empty()) << f.entities[0].name;
}

TEST(Entities, SentenceInitialNameCapitalisedElsewhere) {
  // "Nissan" opening a sentence proves nothing by itself; inside another
  // sentence it is a name, so the opening one is that name too.
  const auto f = Find("Nissan is hoping for more buyers. Sales at Nissan fell last year.");
  const Entity* nissan = f.Named("Nissan");
  ASSERT_NE(nissan, nullptr);
  EXPECT_EQ(f.Mentions(*nissan), (Strings{"Nissan", "Nissan"}));
}

TEST(Entities, OneWordNamesThatSpeakArePeople) {
  // An unknown surname is a person when it speaks ("Lavrov replied",
  // "said Smith"), even opening a sentence; a plural noun opening one is
  // not ("Protesters said").
  const auto f = Find(
      "Lavrov replied that the talks were over. \u201CWe lost,\u201D said Smith on Monday. "
      "Protesters said the square would stay occupied.");
  const Entity* lavrov = f.Named("Lavrov");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(lavrov->type, EntityType::kPerson);
  const Entity* smith = f.Named("Smith");
  ASSERT_NE(smith, nullptr);
  EXPECT_EQ(smith->type, EntityType::kPerson);
  EXPECT_EQ(f.Named("Protesters"), nullptr);
}

TEST(Entities, TitlesThatAreSurnamesToo) {
  // "King" is a title before a name and a surname after one or after "Mr.";
  // a job title ending a run is still no name, nor is "Mr. President".
  const auto f = Find(
      "Charlie King, a Democrat, spoke first. Larry King hosts a show, and Mr. King said it "
      "would go on. The Hollywood Reporter wrote about it. \u201CThank you, Mr. President,"
      "\u201D she said.");
  const Entity* charlie = f.Named("Charlie King");
  ASSERT_NE(charlie, nullptr);
  EXPECT_EQ(charlie->type, EntityType::kPerson);
  const Entity* larry = f.Named("Larry King");
  ASSERT_NE(larry, nullptr);
  EXPECT_EQ(f.Mentions(*larry), (Strings{"Larry King", "King"}));
  EXPECT_EQ(f.Named("Hollywood Reporter"), nullptr);
  EXPECT_EQ(f.Named("President"), nullptr);
}

TEST(Entities, SurnameWithAGenderedTitleJoinsThatGender) {
  // "Mrs. Clinton" is Hillary, not Bill; "Mr. Obama" is not Michelle Obama
  // when the page names no other Obama in full.
  const auto f = Find(
      "Bill Clinton spoke first. Hillary Clinton spoke next. Later Mrs. Clinton said the plan "
      "would work. The first lady, Michelle Obama, was there. Mr. Obama said the vote matters.");
  const Entity* hillary = f.Named("Hillary Clinton");
  ASSERT_NE(hillary, nullptr);
  EXPECT_EQ(f.Mentions(*hillary), (Strings{"Hillary Clinton", "Clinton"}));
  const Entity* michelle = f.Named("Michelle Obama");
  ASSERT_NE(michelle, nullptr);
  EXPECT_EQ(f.Mentions(*michelle), (Strings{"Michelle Obama"}));
  const Entity* obama = f.Named("Obama");
  ASSERT_NE(obama, nullptr);
  EXPECT_EQ(obama->gender, "male");
}

TEST(Entities, QuotationsOpenSentences) {
  // A word opening a quotation is capitalised as a sentence start is; a
  // name after a closing quote is still one.
  const auto f = Find(
      "\u201CNobody is against modern equipment,\u201D said Henrik Aas. \"Hey, we lost,\" Aas said.");
  EXPECT_EQ(f.Named("Nobody"), nullptr);
  EXPECT_EQ(f.Named("Hey"), nullptr);
  const Entity* aas = f.Named("Henrik Aas");
  ASSERT_NE(aas, nullptr);
  EXPECT_EQ(f.Mentions(*aas), (Strings{"Henrik Aas", "Aas"}));
}

TEST(Entities, CapitalsOfOtherLanguagesAreNotNames) {
  // German capitalises every noun: only names the lists know, or that open
  // with a known given name, are entities.
  const std::string text =
      "Die Digitalisierung im Bereich der Gesundheitsversorgung ist ein Thema. "
      "Der Bedarf an Festlegung von Fallpauschalen steigt, sagte Angela Merkel in Berlin.";
  const auto de = Find(text, "de");
  EXPECT_EQ(de.Named("Die Digitalisierung"), nullptr);
  EXPECT_EQ(de.Named("Festlegung von Fallpauschalen"), nullptr);
  ASSERT_NE(de.Named("Angela Merkel"), nullptr);
  EXPECT_EQ(de.Named("Angela Merkel")->type, EntityType::kPerson);
  ASSERT_NE(de.Named("Berlin"), nullptr);
  EXPECT_EQ(de.entities.size(), 2u) << de.entities[0].name;
}

TEST(Entities, CyrillicNamesOpenWithAKnownGivenName) {
  const auto ru = Find(
      "Министр иностранных дел России Сергей Лавров в четверг обвинил Запад. "
      "«Вы участвуете в этой войне», — заявил Лавров журналистам.",
      "ru");
  const Entity* lavrov = ru.Named("Сергей Лавров");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(lavrov->type, EntityType::kPerson);
  EXPECT_EQ(lavrov->gender, "male");
  EXPECT_EQ(ru.Mentions(*lavrov), (Strings{"Сергей Лавров", "Лавров"}));
}

// Russian and Ukrainian names change their endings with their case
// (name_cases.tsv): "Владимиром Зеленским", "Владимир Зеленский" and
// "Зеленского" are one person, named in the nominative.
TEST(Entities, CyrillicNamesInOtherCasesJoinTheirPerson) {
  const auto ru = Find(
      "Лавров встретился с Владимиром Зеленским. Президент Украины Владимир Зеленский "
      "ответил, что переговоры невозможны. По словам Зеленского, Россия должна уйти.",
      "ru");
  const Entity* zelensky = ru.Named("Владимир Зеленский");
  ASSERT_NE(zelensky, nullptr);
  EXPECT_EQ(zelensky->type, EntityType::kPerson);
  EXPECT_EQ(ru.Mentions(*zelensky),
            (Strings{"Владимиром Зеленским", "Владимир Зеленский", "Зеленского"}));
}

TEST(Entities, PluralHeadsNameOrganisationsAndEvents) {
  const auto f = Find(
      "The Doobie Brothers will tour with Marvel Studios money after the Davis Cup Finals, "
      "Roger Waters said.");
  ASSERT_NE(f.Named("Doobie Brothers"), nullptr);
  EXPECT_EQ(f.Named("Doobie Brothers")->type, EntityType::kOrg);
  ASSERT_NE(f.Named("Marvel Studios"), nullptr);
  EXPECT_EQ(f.Named("Marvel Studios")->type, EntityType::kOrg);
  ASSERT_NE(f.Named("Davis Cup Finals"), nullptr);
  EXPECT_EQ(f.Named("Davis Cup Finals")->type, EntityType::kEvent);
  ASSERT_NE(f.Named("Roger Waters"), nullptr);
  EXPECT_EQ(f.Named("Roger Waters")->type, EntityType::kPerson);
}

TEST(Entities, DescriptionsOfOrganisationsNamedBefore) {
  const auto f = Find(
      "Volkswagen showed a concept car. The German automaker says it can go 300 miles. "
      "The Supreme Court heard the case. The court ruled on Friday. The appeals court "
      "did not comment, and the Trump campaign said nothing.");
  const Entity* vw = f.Named("Volkswagen");
  ASSERT_NE(vw, nullptr);
  EXPECT_EQ(f.Mentions(*vw), (Strings{"Volkswagen", "The German automaker"}));
  const Entity* court = f.Named("Supreme Court");
  ASSERT_NE(court, nullptr);
  // "The appeals court" is another court; "the Trump campaign" is no court.
  EXPECT_EQ(f.Mentions(*court), (Strings{"Supreme Court", "The court"}));
}

TEST(Entities, SurnameBeforeFullName) {
  const auto f = Find("Lavrov spoke first. Later Sergey Lavrov added more.");
  const Entity* lavrov = f.Named("Sergey Lavrov");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(lavrov->mentions.size(), 2u);
}

TEST(Entities, EntityAtSpanPrefersTheBestOverlap) {
  const auto f = Find(
      "German Chancellor Olaf Scholz called. Scholz's office said he was ready.");
  const size_t office = f.text.find("Scholz's office");
  const int e = EntityAtSpan(f.entities, {office, office + 15});
  ASSERT_GE(e, 0);
  EXPECT_EQ(f.entities[e].name, "Olaf Scholz");
  EXPECT_EQ(EntityAtSpan(f.entities, {0, 0}), -1);
}

TEST(Entities, EmptyText) {
  EXPECT_TRUE(Find("").entities.empty());
  EXPECT_TRUE(Find("...").entities.empty());
}

}  // namespace
}  // namespace newsmill
