"""The rules that fix the model's systematic errors, each on a short article written for it.

Every test runs the real pipeline (spaCy's small English model plus the rules) over a real seed
file in a temporary project and checks the entities and mentions that come out. The rules come
from errors on BBC articles (tests/gold, `unseen`); none of these texts is from the gold.
"""

from __future__ import annotations

from generator.build import Project, build
from generator.extract.runner import extract_articles
from generator.load.seeds import parse_article
from generator.model import Corpus, EntityType
from tests.test_entities import entity_named, write_seed


def corpus_of(project: Project, *paragraphs: str) -> Corpus:
    write_seed(project, "story.txt", "Headline of the story", *paragraphs)
    return build(project, write=False).corpus


def mentions(corpus: Corpus) -> list[tuple[str, str]]:
    """(text, type) of every mention, in article order."""
    found = []
    for mention in corpus.mentions_in("story"):
        entity = corpus.entity(mention.entity)
        assert entity is not None
        found.append((mention.text, entity.type.value))
    return found


def test_an_organisation_named_with_of_or_for_is_one_name(project: Project) -> None:
    corpus = corpus_of(
        project,
        "A complaint was made by the Board of Deputies of British Jews and the Commission for "
        "Racial Equality on Tuesday.",
    )
    assert mentions(corpus) == [
        ("Board of Deputies of British Jews", "organization"),
        ("Commission for Racial Equality", "organization"),
    ]


def test_a_name_ending_in_an_organisation_word_is_an_organisation(project: Project) -> None:
    corpus = corpus_of(
        project,
        "A British Retail Consortium survey found that sales fell, and the Scottish Executive said "
        "it would act. Tesco Chief Executive Terry Leahy declined to comment.",
    )
    found = mentions(corpus)
    assert ("British Retail Consortium", "organization") in found
    assert ("Scottish Executive", "organization") in found
    assert not any(text.endswith("Chief Executive") for text, _ in found)
    assert ("British", "group") not in found


def test_titles_of_films_and_programmes_are_not_entities(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Keanu Reeves' supernatural thriller Constantine dropped a place, while the romantic comedy "
        "Hitch fell to second. Hitch took $21m over the weekend.",
    )
    names = {text for text, _ in mentions(corpus)}
    assert "Keanu Reeves" in names
    assert not names & {"Constantine", "Hitch"}


def test_events_and_awards_are_not_entities(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Paula Radcliffe will run the London Marathon before the Olympics, and Joss Stone won two "
        "Brit Awards in February.",
    )
    names = {text for text, _ in mentions(corpus)}
    assert {"Paula Radcliffe", "Joss Stone"} <= names
    assert not names & {"London Marathon", "Olympics", "Brit Awards"}


def test_a_club_named_with_its_manager_is_an_organisation_throughout(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Southampton boss Harry Redknapp said the cup tie mattered. Southampton have not won away "
        "since October.",
        "England captain David Beckham watched from the stand.",
    )
    assert entity_named(corpus, "Southampton").type is EntityType.ORGANIZATION
    clubs = [text for text, kind in mentions(corpus) if kind == "organization"]
    assert clubs == ["Southampton", "Southampton"]
    assert entity_named(corpus, "England").type is EntityType.PLACE


def test_a_list_after_a_noun_for_companies_is_of_companies(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Other retailers - including HMV, Monsoon, Jessops, Body Shop and Tesco - reported strong "
        "Christmas sales.",
    )
    assert mentions(corpus) == [
        ("HMV", "organization"),
        ("Monsoon", "organization"),
        ("Jessops", "organization"),
        ("Body Shop", "organization"),
        ("Tesco", "organization"),
    ]


def test_a_common_word_opening_a_sentence_is_not_a_name(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Channel 4 gained viewers in January. Digital multi-channel TV is continuing to grow, and "
        "digital channels took a third of viewing.",
    )
    assert "Digital" not in {text for text, _ in mentions(corpus)}


def test_a_name_stops_at_a_dash_or_a_score(project: Project) -> None:
    corpus = corpus_of(
        project,
        "He started his career at Sheffield United - where he won two caps - and scored at Craven "
        "Cottage 1-0 in 2002, then played at the Millennium Stadium.",
    )
    found = mentions(corpus)
    assert ("Sheffield United", "organization") in found
    assert ("Millennium Stadium", "place") in found
    assert not any("where" in text or "1-0" in text for text, _ in found)


def test_the_surname_of_a_person_named_in_full_is_that_person(project: Project) -> None:
    corpus = corpus_of(
        project,
        "New comedy Diary of a Mad Black Woman has ended Will Smith's reign at the top of the box "
        "office, after two weeks at number one for Smith's film.",
    )
    smith = entity_named(corpus, "Smith")
    assert (smith.name, smith.type) == ("Will Smith", EntityType.PERSON)


def test_an_index_keeps_its_number_and_a_portfolio_is_not_an_organisation(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Shares in FTSE 100 companies rose on Monday, the Trade and Industry Secretary said in London.",
    )
    found = mentions(corpus)
    assert ("FTSE 100", "organization") in found
    assert not any("Trade" in text for text, _ in found)


def test_a_full_name_in_punctuated_prose_is_never_split(project: Project) -> None:
    """Splitting names that run together is for copies stripped of punctuation only."""
    corpus = corpus_of(
        project,
        "London mayor Ken Livingstone said on Monday that he would not apologise.",
        "Mr Livingstone was first elected in 2000. His friends call him Ken.",
    )
    livingstone = entity_named(corpus, "Ken Livingstone")
    assert (livingstone.name, livingstone.type) == ("Ken Livingstone", EntityType.PERSON)
    assert "Livingstone" in livingstone.aliases


def test_a_double_barrelled_surname_and_a_continent(project: Project) -> None:
    corpus = corpus_of(
        project,
        "The project is led by Professor Nadia Magnenat-Thalman of the University of Geneva, and "
        "has partners across Europe.",
    )
    found = mentions(corpus)
    assert ("Nadia Magnenat-Thalman", "person") in found
    assert ("Europe", "place") in found


def test_a_party_known_by_name_is_found_whole(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Liberal Democrat spokesman Mark Oaten said the plan was unworkable, and Tory members agreed.",
    )
    found = mentions(corpus)
    assert ("Liberal Democrat", "organization") in found
    assert ("Tory", "organization") in found
    assert not any(text in ("Liberal", "Democrat") for text, _ in found)


def test_names_inside_event_law_and_idea_names_are_not_entities(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Joss Stone won two Brit awards before the Volvo Women's Open, and an outbreak of "
        "Legionnaire's disease was studied.",
        "The report by the Forum for the Future research team found that waste was rising.",
    )
    names = {text for text, _ in mentions(corpus)}
    assert "Joss Stone" in names
    assert not names & {"Brit", "Volvo Women's Open", "Legionnaire"}
    assert "Forum for the Future" in names


def test_a_saints_name_keeps_its_s(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Brentford came back from two goals down at St Mary's to earn a replay against Southampton.",
    )
    assert "St Mary's" in {text for text, _ in mentions(corpus)}


def test_a_company_is_known_by_its_chief_executive_and_by_what_follows_it(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Yukos chief executive Steven Theede said the sale was illegal, and Russian officials stayed "
        "silent. Shares in Tesco, the UK retailer, rose.",
    )
    assert entity_named(corpus, "Yukos").type is EntityType.ORGANIZATION
    assert entity_named(corpus, "Tesco").type is EntityType.ORGANIZATION
    assert entity_named(corpus, "Russian").type is EntityType.GROUP


def test_a_person_described_by_a_party_stays_a_person(project: Project) -> None:
    corpus = corpus_of(
        project,
        "John Smith, a Labour party member since 1990, said the vote was lost. Smith, the party's "
        "treasurer, agreed.",
    )
    assert entity_named(corpus, "John Smith").type is EntityType.PERSON


def test_a_surname_that_is_also_a_country_stays_the_person(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Team owner Eddie Jordan said on Friday that the car was ready. Jordan added that the new "
        "engine would be tested in Spain.",
    )
    jordan = entity_named(corpus, "Jordan")
    assert (jordan.name, jordan.type) == ("Eddie Jordan", EntityType.PERSON)
    assert entity_named(corpus, "Spain").type is EntityType.PLACE


def test_a_pattern_name_has_no_owner_function_word_or_possessive(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Former Downing Street staff met the Bank of England's Monetary Policy Committee, and "
        "the Association of Chief Police Officers' report was published.",
    )
    names = {text for text, _ in mentions(corpus)}
    assert {"Downing Street", "Monetary Policy Committee", "Association of Chief Police Officers"} <= names
    assert not any(name.startswith("Former") or name.endswith(("'s", "'")) for name in names)


def test_a_function_word_is_never_a_name(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Critics praised the hit show Jerry Springer - The Opera. The cast will tour, and The "
        "producers said the show would open in Glasgow.",
    )
    assert "The" not in {entity.name for entity in corpus.entities}
    assert not [text for text, _ in mentions(corpus) if text.lower() == "the"]


def test_a_name_stops_at_a_bracket(project: Project) -> None:
    corpus = corpus_of(
        project,
        "The International Labour Organisation (ILO) said jobs were lost. Fabien Pelous (Stade "
        "Toulousain) will captain the side.",
    )
    found = mentions(corpus)
    assert ("International Labour Organisation", "organization") in found
    assert not [text for text, _ in found if "(" in text or ")" in text]


def test_a_name_with_a_digit_or_in_capitals_is_no_persons(project: Project) -> None:
    corpus = corpus_of(project, "The final was shown on BBC1, and O2 sponsored the coverage.")
    found = dict(mentions(corpus))
    assert found.get("BBC1") in (None, "organization") and found.get("O2") in (None, "organization")
    assert "person" not in found.values()


def test_a_name_before_a_role_is_never_a_bare_possessive_or_part_of_a_word() -> None:
    text = (
        "Among those interviewed was Denise Lewis' coach Charles van Commenee. The club signed "
        "Generoso Rossi. R's manager Ian Holloway said so, as did eBay boss Meg Whitman."
    )
    extraction = extract_articles([parse_article(text, "story", "seeds/story.txt")])[0][0]
    found = [candidate.text for candidate in extraction.candidates]
    assert "Charles van Commenee" in found and "Ian Holloway" in found
    assert [name for name in found if sum(char.isalpha() for char in name) < 2] == []
    assert "Bay" not in found


def test_a_name_after_a_noun_for_an_organisation_is_one_throughout(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Shares in the Russian gas firm Gazprom rose on Monday. Gazprom said its profits would "
        "double. Security firm MessageLabs fell, and the Swiss food and drink giant Nestle had "
        "warned. Nestle said sales were weak in China. Documentary maker Michael Cockerell was there.",
    )
    found = mentions(corpus)
    assert found.count(("Gazprom", "organization")) == 2
    assert ("MessageLabs", "organization") in found
    assert found.count(("Nestle", "organization")) == 2
    assert ("China", "place") in found and ("Michael Cockerell", "person") in found


def test_a_lone_word_after_in_that_names_no_one_in_the_article_is_a_place(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Labour activists in Kent heard the speech. Officials in Powys said the roads were closed, "
        "and a concert in Glasgow was cancelled. Glasgow will host another next year. Robbie Fowler "
        "scored, and the goal resulted in Fowler celebrating.",
    )
    found = mentions(corpus)
    assert ("Kent", "place") in found and ("Powys", "place") in found
    assert found.count(("Glasgow", "place")) == 2
    assert ("Fowler", "person") in found


def test_a_town_after_a_team_cue_in_a_sports_report_is_its_club(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Striker Jon Daly scored twice as the home side won 2-1 against Rotherham on Saturday. "
        "Rotherham had led. Defender Alan Jones joined Norwich last month.",
    )
    found = mentions(corpus)
    assert found.count(("Rotherham", "organization")) == 2
    assert ("Norwich", "organization") in found
    assert ("Jon Daly", "person") in found and ("Alan Jones", "person") in found


def test_a_team_cue_outside_a_sports_report_is_no_cue(project: Project) -> None:
    corpus = corpus_of(project, "At the awards, Morrissey beat Eminem to the prize for best album.")
    assert ("Eminem", "organization") not in mentions(corpus)


def test_a_list_mostly_of_organisations_is_of_organisations(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Reports from some retailers highlight the weakness of the sector. Morrisons, Woolworths, "
        "House of Fraser, Marks & Spencer and Big Food all said that sales fell.",
    )
    found = mentions(corpus)
    assert ("Woolworths", "organization") in found and ("Morrisons", "organization") in found


def test_the_other_end_of_a_route_from_a_place_is_a_place(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Campaigners want trains to run through the valley again. A service from Tweedbank to "
        "Edinburgh could pay its way, and trains would stop at Tweedbank twice an hour.",
    )
    found = mentions(corpus)
    assert ("Edinburgh", "place") in found
    assert found.count(("Tweedbank", "place")) == 2


def test_a_name_before_an_analyst_or_economist_is_their_firm(project: Project) -> None:
    corpus = corpus_of(
        project,
        "Festive sales were well up on last year. Investec chief economist Philip Shaw said he did "
        "not expect the pattern to last. Prices will fall, said Jupiter analyst Ian Fogg.",
    )
    found = mentions(corpus)
    assert ("Investec", "organization") in found and ("Jupiter", "organization") in found
    assert ("Philip Shaw", "person") in found and ("Ian Fogg", "person") in found


def test_more_organisation_heads_and_endings_and_the_ending_ends_the_name(project: Project) -> None:
    corpus = corpus_of(
        project,
        "The Forum for the Future research found that phones were thrown away. Firms gathered in Las "
        "Vegas for the annual Consumer Electronics Show, where BridgeHead Software showed its wares.",
    )
    found = mentions(corpus)
    assert ("Forum for the Future", "organization") in found
    assert ("BridgeHead Software", "organization") in found
    assert not [text for text, _ in found if text.startswith("Consumer Electronics")]
