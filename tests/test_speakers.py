"""Who said it: each way news names a speaker, through the real pipeline and onto the pages.

The articles are written for these tests (invented places, people and organisations, in the
style of wire and broadcast news); each runs through the real build (spaCy names, linking,
quote extraction, speaker resolution, rendering), and the tests check the speaker entity, the
cue saying how it was found, and what the article and entity pages say.
"""

from __future__ import annotations

import html
import json
import shutil

import pytest
import yaml

from generator.build import BuildResult, Project, build
from generator.extract.speech import speaker_words
from tests.conftest import REPO, SEEDS


def news(title: str, *paragraphs: str) -> str:
    """A seed file: the headline line, then the paragraphs."""
    return "\n\n".join((title, *paragraphs)) + "\n"


PORT = news(
    "Harbour crews restore power after storm",
    (
        "The port of Valmora reopened on Tuesday after crews worked through the night to restore power to"
        " its cranes."
    ),
    (
        '"We lost every crane for eleven hours, which has never happened here before," said Ines '
        "Carvalho, the port's operations director."
    ),
    (
        '"The backlog will take the rest of the week to clear, and some shipping lines have already '
        'rerouted to the north."'
    ),
    (
        "Transport Minister Dorota Lis visited the port on Wednesday. She met dock workers and toured the"
        ' damaged substation. "Nobody should have to work through a night like that again," she said.'
    ),
    (
        "Marek Nowak, a spokesman for the regional water board, confirmed that two pumping stations near "
        'the harbour had also failed. Engineers were still inspecting the pipes on Thursday evening. "We '
        'expect supplies to return to normal by Saturday," the spokesman said.'
    ),
    (
        'The Valmora Port Authority issued a statement on Thursday night. "Safety checks on the remaining'
        ' cranes will be completed before the weekend," the statement said.'
    ),
    (
        "Local traders said the closure had cost them thousands of euros in spoiled goods. Critics have "
        'dismissed the port\'s emergency plan as "a disaster foretold". Carvalho and Nowak are due to meet'
        " the traders on Monday."
    ),
)

TRIAL = news(
    "Activist's mother condemns military court",
    (
        'Ruth Abara, the mother of the jailed activist Sara Abara, called the hearing a "political trial"'
        ' after the first session on Monday. "They want to make an example of my daughter, and the judges'
        ' know it."'
    ),
    (
        "Samir Haddad, the family's lawyer, told Reuters: \"The charges were brought to justify her "
        'arrest, not the other way round."'
    ),
    (
        'The Kestran Defence Forces said two soldiers had been slightly injured during the arrest. "The '
        'soldiers acted with restraint throughout," the military said.'
    ),
    (
        'The Ministry of Justice in Kestra has defended the court. "Every defendant has the right to a '
        'fair hearing," a spokesperson for the ministry said.'
    ),
    (
        "The Coastal Rights Association's lawsuit, filed in April, accuses the government of detaining "
        'minors without charge. The children were held for "weeks without seeing a lawyer", the suit '
        "says."
    ),
    (
        "Energy Minister Tomas Berg announced the new tariff on Monday. The opposition leader, Klara "
        'Holm, called the plan unfair. "Every household will pay less by the spring," the minister said.'
    ),
    (
        "Olaf Brandt's daughter, Mira Sund, wrote on Facebook: \"My father did nothing wrong and the "
        'police know it."'
    ),
    (
        '"The convoy was turned back at the second checkpoint," the Meridian News Agency said, quoting a '
        "local official."
    ),
)

TALKS = news(
    "Leaders agree ceasefire after overnight talks",
    (
        "Prime Minister Erik Halvorsen spoke to the rebel commander Idris Kamau by telephone on Sunday. "
        'In the call, Halvorsen "welcomed the ceasefire and promised further aid to the northern '
        'provinces."'
    ),
    (
        'Olaf Brandt posted a video of his daughter Mira Sund, who wrote that the camp was "no place for '
        'children".'
    ),
    (
        "The Daily Courier quoted the city's mayor, John Petersen, as saying: \"We have run out of tents "
        'and blankets."'
    ),
    '"The ceasefire is holding for now," said one aid worker quoted by the Meridian News Agency.',
    'In his address to parliament the prime minister said the deal was "the best we could hope for".',
    (
        'Kamau, whose fighters still hold the airport, said his men would "respect every line on the '
        'map". He also warned that any attack would end the truce. "We will answer fire with fire."'
    ),
)

PENSIONS = news(
    "Howard attacks pensions 'dithering'",
    'Tory leader Michael Howard has accused the government of "dithering" over pensions.',
    (
        'Speaking in Manchester, Mr Howard said Labour had "broken its promises" to older voters. "People '
        'have worked all their lives and they deserve better," he said.'
    ),
    'A Downing Street spokesman said: "The government has a proud record on pensions."',
    'Liberal Democrat spokesman Steve Webb said the plans were "too little, too late".',
    (
        "Work and Pensions Secretary Alan Johnson hit back. He told the BBC's Today programme: \"Michael "
        'Howard has no plan at all."'
    ),
    '"Pensioners are better off under this government than ever before," the minister added.',
)

RUGBY = news(
    "Ruddock keeps faith with Wales side",
    "Wales coach Mike Ruddock has named an unchanged side for Saturday's match against Italy in Rome.",
    (
        "Captain Gareth Thomas is fit after a knee injury. \"I feel great and I can't wait to get out "
        'there," said the full-back.'
    ),
    (
        'Italy coach John Kirwan, whose side lost heavily in Dublin, was more cautious. "We have to be '
        'realistic," the New Zealander told BBC Sport.'
    ),
)

RETAIL = news(
    "Carrow Foods warns on profits",
    (
        "Shares in Carrow Foods fell 8% after the retailer warned that profits would be lower than "
        "expected. Carrow Foods has 300 stores."
    ),
    'The firm said sales over Christmas had been "disappointing".',
    'A spokesman for the British Retail Consortium said: "Shoppers held back in the run-up to Christmas."',
    ('In a statement, the company said it would close 20 stores. "These are difficult decisions," it said.'),
)

Said = tuple[str, str | None, str]
"""(the quote's first words, the speaker entity's name or None, the cue)."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = Project.at(tmp_path_factory.mktemp("speakers"))
    for folder in (project.seeds, project.docs):
        folder.mkdir(parents=True)
    articles = {
        "port": PORT,
        "trial": TRIAL,
        "talks": TALKS,
        "pensions": PENSIONS,
        "rugby": RUGBY,
        "retail": RETAIL,
    }
    for name, text in articles.items():
        (project.seeds / f"{name}.txt").write_text(text, "utf-8")
    return build(project, write=False)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The sample corpus with the project's annotations, as the sample site is built."""
    project = Project.at(tmp_path_factory.mktemp("samples"))
    shutil.copytree(SEEDS, project.seeds)
    shutil.copytree(REPO / "annotations", project.annotations)
    project.docs.mkdir()
    return build(project, write=False)


def said(result: BuildResult, article: str) -> list[Said]:
    corpus = result.corpus
    found = []
    for quote in corpus.quotes_in(article):
        entity = corpus.entity(quote.speaker) if quote.speaker else None
        found.append((quote.text[:24], entity.name if entity else None, quote.cue))
    return found


def phrase(result: BuildResult, article: str, words: str) -> str | None:
    """The speaker phrase of the quote starting with `words`, as the article writes it."""
    text = result.corpus.get(article).text  # type: ignore[union-attr]
    quote = next(q for q in result.corpus.quotes_in(article) if q.text.startswith(words))
    return text[quote.speaker_start : quote.speaker_end] if quote.speaker_start is not None else None


def page(result: BuildResult, path: str) -> str:
    return html.unescape(next(p.content for p in result.pages if p.path == path))


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker(built: BuildResult) -> None:
    assert said(built, "port")[:2] == [
        ("We lost every crane for ", "Ines Carvalho", "said after"),
        ("The backlog will take th", "Ines Carvalho", "continued"),
    ]


def test_a_pronoun_two_sentences_on_stands_for_the_person_named_before(built: BuildResult) -> None:
    assert said(built, "port")[2] == ("Nobody should have to wo", "Dorota Lis", "pronoun")
    assert said(built, "talks")[-1] == ("We will answer fire with", "Idris Kamau", "earlier")


def test_the_spokesman_and_the_minister_stand_for_the_person_given_that_role(built: BuildResult) -> None:
    assert said(built, "port")[3] == ("We expect supplies to re", "Marek Nowak", "description")
    # the opposition leader named between is not the minister
    assert ("Every household will pay", "Tomas Berg", "description") in said(built, "trial")
    assert ("the best we could hope f", "Erik Halvorsen", "description") in said(built, "talks")


def test_a_pronoun_stands_for_the_subject_of_the_sentence_before_not_a_name_quoted(
    built: BuildResult,
) -> None:
    # `Alan Johnson hit back. He told ...`: not Steve Webb, quoted before, nor Michael Howard,
    # named inside a quote
    assert said(built, "pensions")[-2] == ("Michael Howard has no pl", "Alan Johnson", "pronoun")
    assert said(built, "pensions")[-1] == ("Pensioners are better of", "Alan Johnson", "description")


def test_a_description_of_a_person_stands_for_the_person_just_named(built: BuildResult) -> None:
    assert said(built, "rugby") == [
        ("I feel great and I can't", "Gareth Thomas", "description"),
        ("We have to be realistic", "John Kirwan", "description"),
    ]


def test_a_speaker_introduced_before_the_quote(built: BuildResult) -> None:
    assert said(built, "trial")[:3] == [
        ("political trial", "Ruth Abara", "said before"),
        ("They want to make an exa", "Ruth Abara", "continued"),
        ("The charges were brought", "Samir Haddad", "colon"),
    ]
    # `In the call, Halvorsen “welcomed ...”`: the quote is what he did
    assert said(built, "talks")[0] == ("welcomed the ceasefire a", "Erik Halvorsen", "subject")


def test_nested_attribution_gives_the_words_to_the_one_quoted_or_to_the_relaying_agency(
    built: BuildResult,
) -> None:
    # `X said, quoting a local official` (unnamed): the agency the article attributes it to
    assert said(built, "trial")[-1] == ("The convoy was turned ba", "Meridian News Agency", "said after")
    talks = said(built, "talks")
    # `The Daily Courier quoted the mayor, John Petersen, as saying`: the mayor speaks
    assert talks[2] == ("We have run out of tents", "John Petersen", "colon")
    # `one aid worker quoted by the agency`: an unnamed worker speaks, not the agency
    assert talks[3] == ("The ceasefire is holding", None, "said after")
    assert phrase(built, "talks", "The ceasefire") == "one aid worker"


def test_organisations_offices_and_documents_speak_for_the_organisation_named_for_them(
    built: BuildResult,
) -> None:
    trial = said(built, "trial")
    assert ("The soldiers acted with ", "Kestran Defence Forces", "description") in trial
    assert ("Every defendant has the ", "Ministry of Justice", "description") in trial
    assert ("weeks without seeing a l", "Coastal Rights Association", "document") in trial
    assert said(built, "port")[4] == ("Safety checks on the rem", "Valmora Port Authority", "document")
    # the phrase is kept as the article writes it
    assert phrase(built, "trial", "The soldiers") == "the military"
    assert phrase(built, "trial", "Every defendant") == "a spokesperson for the ministry"
    assert phrase(built, "trial", "weeks without") == "the suit"
    assert phrase(built, "port", "Safety checks") == "the statement"


def test_a_firm_and_its_spokesperson_speak_for_the_organisation_the_text_is_about(built: BuildResult) -> None:
    assert said(built, "retail") == [
        ("disappointing", "Carrow Foods", "description"),
        ("Shoppers held back in th", "British Retail Consortium", "colon"),
        # `the company said it would ...` then `“...,” it said`: the company, not the consortium
        ("These are difficult deci", "Carrow Foods", "pronoun"),
    ]
    # a spokesperson for a place speaks for it
    assert ("The government has a pro", "Downing Street", "colon") in said(built, "pensions")


def test_of_two_people_in_a_sentence_the_one_the_verb_belongs_to(built: BuildResult) -> None:
    # `Olaf Brandt's daughter, Mira Sund, wrote`: the daughter, not the father
    assert ("My father did nothing wr", "Mira Sund", "colon") in said(built, "trial")
    # `Olaf Brandt posted a video of his daughter Mira Sund, who wrote`: the one who wrote
    assert said(built, "talks")[1] == ("no place for children", "Mira Sund", "said before")
    # `Kamau, whose fighters ...`: the name before the relative clause
    assert said(built, "talks")[5] == ("respect every line on th", "Idris Kamau", "said before")


def test_an_opening_phrase_of_time_or_place_is_not_the_speaker(built: BuildResult) -> None:
    assert phrase(built, "talks", "the best we") == "the prime minister"


def test_a_quote_nobody_is_named_for_stays_unattributed(built: BuildResult) -> None:
    assert said(built, "port")[-1] == ("a disaster foretold", None, "")
    assert (
        '<li><a href="#quote-6">“a disaster foretold”</a> — <span class="px-unknown">unattributed</span></li>'
        in (page(built, "articles/port.md"))
    )


def test_the_article_page_says_who_speaks_and_how_a_speaker_named_elsewhere_was_found(
    built: BuildResult,
) -> None:
    listed = page(built, "articles/port.md")
    assert "“We lost every crane for eleven hours, which has never happened here before”</a> — <a" in listed
    assert ">Ines Carvalho</a></li>" in listed
    assert (
        '>Ines Carvalho</a> <span class="px-origin" title="cue: continued">'
        "(continues the quote before)</span></li>" in listed
    )
    assert (
        '>Marek Nowak</a> <span class="px-origin" title="cue: description">'
        "(“the spokesman” refers back)</span></li>" in listed
    )
    assert (
        '>Valmora Port Authority</a> <span class="px-origin" title="cue: document">'
        "(“the statement” refers back to its author)</span></li>" in listed
    )
    # a phrase that names no entity is shown as written
    talks = page(built, "articles/talks.md")
    assert "“The ceasefire is holding for now”</a> — one aid worker</li>" in talks


def test_the_entity_page_lists_what_the_speaker_is_quoted_saying(built: BuildResult) -> None:
    carvalho = page(built, "entities/ines-carvalho.md")
    assert "## Quoted saying" in carvalho
    assert "<li>“We lost every crane for eleven hours, which has never happened here before” <a" in carvalho
    assert (
        "<li>“The backlog will take the rest of the week to clear, and some shipping lines have "
        'already rerouted to the north.” <span class="px-origin" title="cue: continued">'
        "(in a run of quotes)</span> <a" in carvalho
    )
    nowak = page(built, "entities/marek-nowak.md")
    assert "(as “the spokesman”)</span>" in nowak


def test_quotes_json_exports_the_speaker_its_phrase_and_the_cue(built: BuildResult) -> None:
    records = json.loads(next(p.content for p in built.pages if p.path == "data/quotes.json"))
    spokesman = next(r for r in records if r["text"].startswith("We expect supplies"))
    assert (spokesman["speaker"], spokesman["speaker_text"], spokesman["cue"]) == (
        "marek-nowak",
        "the spokesman",
        "description",
    )


@pytest.mark.parametrize(
    ("article", "words", "speaker", "cue"),
    [
        ("002_c5e94d6caf5d1f55", "recognized Field Marshal", "white-house", "said before"),
        ("002_c5e94d6caf5d1f55", "Partition of Libya", "khalifa-haftar", "said after"),
        ("004_23e8d5bb857ada88", "I still hope", "antonio-guterres", "said after"),
        ("004_23e8d5bb857ada88", "The UN is committed", "antonio-guterres", "said after"),
        # named in the sentence before: `Al-Sarraj was keen to stress his view on ...`
        ("001_0ecb2f08c5882e7a", "We will not give up", "fayez-al-sarraj", "earlier"),
        # `In a phone call, Trump “recognised ...”`
        ("001_0ecb2f08c5882e7a", "recognised Field Marshal", "donald-trump", "subject"),
        # `The Libyan president said`, after `President Faiez Mustafa Sarraj`
        ("003_6b383f3c232c05d5", "militarize the country", "fayez-al-sarraj", "description"),
    ],
)
def test_speakers_of_the_samples(
    samples: BuildResult, article: str, words: str, speaker: str, cue: str
) -> None:
    quote = next(q for q in samples.corpus.quotes_in(article) if q.text.startswith(words))
    assert (quote.speaker, quote.cue) == (speaker, cue)


def test_the_sample_page_shows_al_sarraj_named_in_the_sentence_before(samples: BuildResult) -> None:
    listed = page(samples, "articles/001_0ecb2f08c5882e7a.md")
    assert (
        '>Fayez al-Sarraj</a> <span class="px-origin" title="cue: earlier">'
        "(named in the sentence before)</span>" in listed
    )


def test_each_noun_that_stands_for_a_speaker_is_listed_once_in_lower_case() -> None:
    """A noun in two groups of `data/speakers.yml` would silently take the last group's nouns."""
    data = yaml.safe_load((REPO / "generator" / "extract" / "data" / "speakers.yml").read_text("utf-8"))
    nouns = [
        noun for key in ("spokespeople", "roles", "firms", "events", "together") for noun in data[key]
    ] + [noun for key in ("organisations", "documents") for group in data[key] for noun in group]
    grouped = [noun for key in ("organisations", "documents") for group in data[key] for noun in group]
    assert [n for n in nouns if n != n.lower()] == []
    assert sorted({n for n in grouped if grouped.count(n) > 1}) == []
    words = speaker_words()
    assert words.organisations["army"] == words.organisations["military"]
    assert words.pronoun_of_title["Ms"] == "she" and "Dr" in words.person_titles
