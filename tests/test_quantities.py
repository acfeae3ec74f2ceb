"""The quantities stage on real sentences: the seed article, FA-KES and Voice of America."""

from __future__ import annotations

import pytest

from eventwire.extract.quantities import extract_quantities, find_figures, number_value
from eventwire.extract.quotes import extract_quotes
from eventwire.model import Actor, Article, Extraction, Place, Time


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def figures_in(nlp, text, actors=(), places=(), times=()):
    """The quantities of a text, after the quotes stage, over hand-made earlier stages."""
    doc = nlp(text)
    extraction = Extraction(article=Article.from_text(text), actors=list(actors),
                            places=list(places), times=list(times))
    extraction = extract_quotes(doc, extraction)
    return extract_quantities(doc, extraction)


def mention(text, phrase, **fields):
    start = text.index(phrase)
    return dict(text=phrase, span=(start, start + len(phrase)), **fields)


def one(extraction, **wanted):
    found = [q for q in extraction.quantities
             if all(getattr(q, key) == value for key, value in wanted.items())]
    assert len(found) == 1, (wanted, [q.model_dump() for q in extraction.quantities])
    return found[0]


# --- numbers ----------------------------------------------------------------------------

@pytest.mark.parametrize("words,value", [
    (["8,000"], 8000), (["eight", "thousand"], 8000), (["3.5", "million"], 3_500_000),
    (["a", "dozen"], 12), (["two", "dozen"], 24), (["Thirty", "-", "five"], 35),
    (["1,000,000,000,000"], 1e12), (["twenty"], 20), (["banana"], None)])
def test_number_values(words, value):
    assert number_value(words) == value


# --- the seed ---------------------------------------------------------------------------

SEED_FIGURES = ("At least 384 civilians, including 45 children, have been killed in government fire "
                "on east Aleppo since the operation began, according to the Syrian Observatory for "
                "Human Rights.")


def seed_figures(nlp):
    text = SEED_FIGURES
    actors = [Actor(id="a1", name="government", code="SYRGOV", kind="organisation",
                    **mention(text, "government")),
              Actor(id="a2", name="Syrian Observatory for Human Rights", kind="organisation",
                    sector="NGO", **mention(text, "the Syrian Observatory for Human Rights"))]
    places = [Place(id="p1", name="Aleppo", geonameid="170063", country="SY", qualifier="east",
                    role="event", **mention(text, "Aleppo"))]
    return figures_in(nlp, text, actors, places)


def test_384_civilians_with_45_children_as_a_part(nlp):
    extraction = seed_figures(nlp)
    whole = one(extraction, value=384)
    assert (whole.qualifier, whole.category, whole.who) == ("at_least", "killed", "civilians")
    assert (whole.perpetrator, whole.place, whole.source) == ("a1", "p1", "a2")
    assert whole.text == "At least 384 civilians"
    part = one(extraction, value=45)
    assert (part.part_of, part.who, part.category) == (whole.id, "children", "killed")
    assert not [q for q in extraction.quantities if q.value == 429]


def test_seed_figures_end_to_end(seed):
    values = {q.value: q for q in seed.quantities}
    assert values[384].category == values[105].category == "killed"
    assert values[45].part_of == values[384].id and values[35].part_of == values[105].id
    assert values[8000].category == "evacuated"
    hundreds = [q for q in seed.quantities if q.text == "hundreds of wounded people"]
    assert hundreds and hundreds[0].qualifier == "vague" and hundreds[0].value is None


# --- qualifiers, ranges, vague amounts --------------------------------------------------

@pytest.mark.parametrize("text,qualifier,value", [
    ("In a statement, the group said it had killed more than 10 people.", "more_than", 10),
    ("The assessment said the cyclone displaced more than 3,000 people, who are now sheltered "
     "in six evacuation camps.", "more_than", 3000),
    ("Central African Republic officials are pleading with civilians to go back to their "
     "villages, after up to 10,000 civilians were displaced this week by fighting.", "at_most", 10000),
    ("Regime forces have taken around 80 percent of the former rebel stronghold.", "about", 80),
    ("Nearly 50 rebels were killed in the blast.", "about", 50),
])
def test_qualifiers(nlp, text, qualifier, value):
    figure = one(figures_in(nlp, text), value=value)
    assert figure.qualifier == qualifier


@pytest.mark.parametrize("text,low,high", [
    ("Still 150 to 200 people were left sitting, Ditta said.", 150, 200),
    ("Between 20 and 30 people were killed in the shelling of Douma.", 20, 30),
])
def test_ranges(nlp, text, low, high):
    figure = one(figures_in(nlp, text), qualifier="range")
    assert (figure.low, figure.high, figure.value) == (low, high, None)


@pytest.mark.parametrize("text,words,category", [
    ("Egeland said efforts to evacuate hundreds of wounded people from east Aleppo stalled.",
     "hundreds of wounded people", "injured"),
    ("Kirkwood said tens of thousands of people have fled back to their villages in recent days.",
     "tens of thousands of people", "displaced"),
    ("Somalia's security forces killed dozens of al-Shabab members elsewhere in Hirshabelle.",
     "dozens of al-Shabab members", "killed"),
])
def test_vague_amounts(nlp, text, words, category):
    figure = one(figures_in(nlp, text), text=words)
    assert (figure.value, figure.qualifier, figure.category) == (None, "vague", category)
    assert figure.low >= 20


# --- categories and who -----------------------------------------------------------------

@pytest.mark.parametrize("text,value,category,who", [
    ("At least 29 Syrian rebels were killed in clashes with regime troops overnight.", 29, "killed", "fighters"),
    ("A bomb blast in the Syrian city of Qamishli on Wednesday killed 48 people.", 48, "killed", "people"),
    ("Shelling in West Aleppo left 11 people dead on Friday.", 11, "killed", "people"),
    ("Three children were killed in five separate air raids on Jisr al-Shigour.", 3, "killed", "children"),
    ("Another 65 people were injured, some critically, in the attack.", 65, "injured", "people"),
    ("More than 270 schoolgirls kidnapped in northwestern Zamfara state were freed by their captors.",
     270, "kidnapped", "children"),
    ("Police said 12 protesters were arrested in the capital.", 12, "detained", None),
    ("Rescuers were still looking for three people who went missing Tuesday.", 3, "missing", "people"),
    ("The death toll from the bomb attack reached 112 people.", 112, "killed", "people"),
    ("Thirteen police officers were wounded in the attack.", 13, "injured", "police"),
    ("Two soldiers and four women died in the shelling.", 4, "killed", "women"),
    ("There is going to be to a column of 8,000 evacuees.", 8000, "evacuated", None),
    ("The convoy travelled five kilometres (3 miles).", 5, "distance", None),
])
def test_categories_and_who(nlp, text, value, category, who):
    figure = one(figures_in(nlp, text), value=value)
    assert (figure.category, figure.who) == (category, who)


def test_among_makes_the_earlier_figure_a_part(nlp):
    text = "Six civilians including a child were among at least 22 people killed in U.S. air strikes."
    extraction = figures_in(nlp, text)
    whole, part = one(extraction, value=22), one(extraction, value=6)
    assert part.part_of == whole.id and whole.part_of is None
    assert whole.category == "killed"


@pytest.mark.parametrize("text,whole,parts", [
    ("SANA reporter in Aleppo said that 6 civilians including a woman and two children were killed "
     "and 12 other civilians were injured.", 6, [1, 2]),
    ("Syria regime bombing kills 21 including 8 children.", 21, [8]),
    ("11 children among 18 dead in Syria car bombings state media.", 18, [11]),
])
def test_parts_take_the_whole_and_its_category(nlp, text, whole, parts):
    extraction = figures_in(nlp, text)
    total = one(extraction, value=whole)
    found = [q for q in extraction.quantities if q.part_of == total.id]
    assert sorted(q.value for q in found) == parts
    assert {q.category for q in found} == {total.category} == {"killed"}


# --- perpetrator, place, time, source ---------------------------------------------------

@pytest.mark.parametrize("text,perpetrator", [
    ("Another 105 civilians have been killed in rebel fire on government-held west Aleppo.", "rebel"),
    ("Five civilians were killed by rebel shelling of the Hamdaniyeh district.", "rebel"),
    ("Regime air strikes killed 16 civilians in Douma on Monday.", "Regime"),
])
def test_perpetrator(nlp, text, perpetrator):
    actor = Actor(id="a1", name=perpetrator, code="SYRREB", kind="group",
                  **mention(text, perpetrator))
    extraction = figures_in(nlp, text, actors=[actor])
    killed = [q for q in extraction.quantities if q.category == "killed"]
    assert killed and killed[0].perpetrator == "a1"


def test_place_time_and_claimant(nlp):
    text = ("Airstrikes on a rebel-held village in northwest Syria killed 12 people in Idlib on Tuesday, "
            "the Syrian Observatory said.")
    observatory = Actor(id="a1", name="Syrian Observatory", kind="organisation", sector="NGO",
                        **mention(text, "the Syrian Observatory"))
    idlib = Place(id="p1", name="Idlib", country="SY", role="event", **mention(text, "Idlib"))
    tuesday = Time(id="t1", value="2017-04-25", **mention(text, "Tuesday"))
    figure = one(figures_in(nlp, text, [observatory], [idlib], [tuesday]), value=12)
    assert (figure.place, figure.time, figure.source, figure.category) == ("p1", "t1", "a1", "killed")


def test_a_dateline_that_lost_its_comma_keeps_the_year_out(nlp):
    text = ("Published September 24 2016 Ninety-two civilians were killed and 273 others injured "
            "Saturday by Assad regime air strikes on Aleppo.")
    killed = [q for q in figures_in(nlp, text).quantities if q.category == "killed"]
    assert [(q.value, q.who) for q in killed] == [(92, "civilians")]


def test_the_verb_of_an_object_outranks_a_reduced_relative(nlp):
    text = "A suicide bomber killed 30 people injured 90 on Monday in an attack on a wedding."
    figure = one(figures_in(nlp, text), value=30)
    assert figure.category == "killed"


# --- headlines run into the text (FA-KES) ----------------------------------------------

@pytest.mark.parametrize("text,killed,injured", [
    ("4 September 2016 2 killed 8 injured in terrorist rocket attacks on Aleppo.", [2], [8]),
    ("Mon Nov 7 2016 Child Killed 20 People Injured in Terrorist Attacks in Damascus.", [], [20]),
    ("6 Killed 12 Wounded in Al-Nusra Front Shelling of Sheikh Maqsood.", [6], [12]),
    ("A Syrian rebel Islamist group has launched a rocket attack on residential areas of Damascus "
     "leaving at least three killed and 30 wounded according to local reports.", [3], [30]),
    ("Posted on July 2 2016 by Asharq Al-Awsat English Thirty Killed in Syrian Strikes on Damascan "
     "Suburb Town Thirty civilians were killed on Saturday in intensive Syrian air strikes.", [30, 30], []),
])
def test_headline_figures_keep_their_own_participle(nlp, text, killed, injured):
    quantities = figures_in(nlp, text).quantities
    assert [q.value for q in quantities if q.category == "killed"] == killed
    assert [q.value for q in quantities if q.category == "injured"] == injured
    assert not [q for q in quantities if q.value == 2016]


def test_killed_and_injured_together_is_no_death_toll(nlp):
    text = "Wed Jun 29 2016 URGENT 19 Killed and Injured in Tell Abyad Terrorist Attack in Northern Syria."
    figure = one(figures_in(nlp, text), value=19)
    assert figure.category == "people"


@pytest.mark.parametrize("text,value,who", [
    ("Three citizens were martyred and others were injured in terrorist suicide bombing.", 3, "civilians"),
    ("The Syrian army killed 28 and wounded 30 Daesh terror group militants in Deir ez-Zor city.",
     28, "fighters"),
    ("Syrian Army Kills 15 Terrorists in Qalamoun.", 15, "fighters"),
    ("Barazi had earlier reported a toll of eight while the Syrian Observatory for Human Rights "
     "gave a death toll of 12.", 12, None),
    ("WHO said in a statement putting the death toll at at least 70.", 70, None),
    ("The group has executed 700 members of a tribe it has been battling in eastern Syria.",
     700, "civilians"),
    ("Clashes have rocked the city leaving 23 civilians - including nine children - dead according "
     "to the Syrian Observatory for Human Rights.", 23, "civilians"),
    ("Terrorists targeted the neighborhoods with tens of rocket shells killing according to the latest "
     "toll 44 civilians and wounding over 140.", 44, "civilians"),
    ("Published October 3 2016 21 Syrian moderate opposition fighters have been killed in clashes "
     "with the Daish terrorist organization.", 21, "fighters"),
    ("ISIL Claims Beheading of 18 Syrians US Aid Worker.", 18, "people"),
    ("In recent days 57 civilians has been martyred and more than 150 people Injured in Continued "
     "Nusra Front- linked Terrorist Attacks on Aleppo.", 57, "civilians"),
])
def test_killed_figures_in_other_words(nlp, text, value, who):
    figure = one(figures_in(nlp, text), value=value)
    assert (figure.category, figure.who) == ("killed", who)


@pytest.mark.parametrize("text,value,cumulative", [
    ("More than 280000 people have been killed and millions have been displaced since Syrias "
     "conflict broke out in March 2011.", 280000, True),
    ("The United Nations says the war has killed more than 220000 people and wounded at least "
     "1 million.", 220000, True),
    ("More than 146000 people have died in Syrias three-year war and nearly half the countrys "
     "population have fled their homes.", 146000, True),
    ("Since then more than a quarter of a million people have been killed, the UN says.", 250000, True),
    ("Air strikes by Syrian regime war planes in Aleppo on Sunday have killed around 32 civilians "
     "in a rebel-held district a human rights monitor said.", 32, False),
    ("The Observatory said at least 346 Islamic State fighters were killed since Tuesday, making it "
     "one of the deadliest confrontations since the start of Syrias war.", 346, False),
])
def test_war_wide_tolls_are_cumulative(nlp, text, value, cumulative):
    figure = one(figures_in(nlp, text), category="killed")
    assert (figure.value, figure.cumulative) == (value, cumulative)


def test_fractions_of_a_million(nlp):
    values = [q.value for q in figures_in(nlp, "Half a million people fled and three quarters of a "
                                               "million people were displaced.").quantities]
    assert values == [500000, 750000]


def test_several_hundred_is_vague(nlp):
    text = ("The air force has carried out near-daily strikes since last December killing several "
            "hundred people mostly civilians.")
    figure = one(figures_in(nlp, text), category="killed")
    assert (figure.text, figure.value, figure.low, figure.qualifier) == (
        "several hundred people", None, 200, "vague")


def test_a_lone_victim_is_a_figure_of_one_only_when_hurt(nlp):
    text = ("A girl child was killed and a woman was injured in a terrorist rocket attack on "
            "al-Hamadaniyeh neighborhood. A source at Aleppo Police Command told a reporter.")
    quantities = figures_in(nlp, text).quantities
    assert [(q.text, q.value, q.category, q.who) for q in quantities] == [
        ("A girl child", 1, "killed", "children"), ("a woman", 1, "injured", "women")]


# --- what is not a figure ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Syria's government has held the city since 2016.",
    "Manchester United won 2-1 on Sunday, and 40 fans were injured in a stampede.",
    "For details call +44 20 7946 0958 or write to the embassy.",
    "Date of publication 7 July 2016 Three children were killed in air raids.",
    "The central bank printed 1,000,000,000,000 pounds while 1,000,000,000,000 people were killed.",
])
def test_dates_phones_scores_and_huge_numbers_are_not_casualties(nlp, text):
    extraction = figures_in(nlp, text)
    casualties = [q.value for q in extraction.quantities if q.category in ("killed", "injured")]
    assert all(value is None or value < 100 for value in casualties), casualties
    assert not [q for q in extraction.quantities if q.value in (2016, 2, 1, 44, 20, 7946, 958, 7)]


@pytest.mark.parametrize("text", ["", "\"", "1-", "- 2 -", "between and", "a dozen", "3.5.6 million",
                                  "hundreds of thousands of", "\u201c1,000\u201d"])
def test_odd_input_never_raises(nlp, text):
    doc = nlp(text)
    find_figures(doc)
    extract_quantities(doc, Extraction(article=Article.from_text(text)))
