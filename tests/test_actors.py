"""The actors stage on real sentences: the seed article, PLOVER gold records and the
PETRARCH-2 validation sentences (real news), plus the helpers later stages use."""

from __future__ import annotations

import pytest

from eventwire.extract.actors import actor_for_token, actor_token_map, extract_actors, first_mention
from eventwire.nlp import load_nlp
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def actors_only():
    return Pipeline(stages=[("actors", extract_actors)], nlp=load_nlp())


def code(pipeline, text: str, words: str, published: str | None = None):
    """The first mention (actor) covering ``words`` in ``text``."""
    extraction = pipeline.extract(text, published=published)
    start = text.index(words)
    found = [a for a in extraction.actors if a.span[0] <= start < a.span[1] and not a.members]
    assert found, f"no actor at {words!r}: {[a.text for a in extraction.actors]}"
    return first_mention(extraction, min(found, key=lambda a: a.span[1] - a.span[0]).id)


def actor_at(seed, words: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = seed.article.text.index(words, start + 1)
    found = [a for a in seed.actors if a.span[0] <= start < a.span[1] and not a.members]
    assert found, f"no actor at {words!r}"
    return min(found, key=lambda a: a.span[1] - a.span[0])


# --- the seed article ----------------------------------------------------------------------

def test_russia_and_iran_is_one_compound_with_both_states_as_members(seed):
    compounds = [a for a in seed.actors if a.text == "Russia and Iran"]
    assert len(compounds) == 2
    for compound in compounds:
        members = [first_mention(seed, m) for m in compound.members]
        assert [m.code for m in members] == ["RUS", "IRN"]
        assert compound.kind == "state"


def test_six_western_countries_including_the_united_states(seed):
    group = next(a for a in seed.actors if a.text.startswith("six western countries"))
    assert group.text == "six western countries including the United States"
    assert group.name == "six western countries"
    assert [first_mention(seed, m).code for m in group.members] == ["USA"]
    assert group.code is None  # the other five are not named


def test_he_is_the_last_person_named(seed):
    he = actor_at(seed, "he said in Hamburg")
    assert "Lavrov" in first_mention(seed, he.id).name
    he = actor_at(seed, "He said the government")
    assert first_mention(seed, he.id).name == "Jan Egeland"


def test_the_government_is_the_syrian_government_mentioned_first(seed):
    government = actor_at(seed, "the government \"finally\"")
    first = first_mention(seed, government.id)
    assert first.code == "SYRGOV" and first.span[0] < government.span[0]


def test_the_regimes_army_is_an_actor_beside_the_regime(seed):
    army = actor_at(seed, "army has halted")
    assert (army.text, army.code, army.kind) == ("the Syrian regime\u2019s army", "SYRMIL", "group")
    regime = actor_at(seed, "Syrian regime\u2019s army")
    assert regime.text == "the Syrian regime" and regime.code == "SYRGOV"


def test_the_russian_military_hospital_is_russian_military(seed):
    hospital = actor_at(seed, "Russian military hospital")
    assert hospital.code == "RUSMIL"
    assert hospital.text == "a Russian military hospital"


def test_lavrov_is_a_person_although_spacy_calls_him_an_organisation(seed):
    lavrov = actor_at(seed, "Lavrov meanwhile")
    assert lavrov.kind == "person"
    first = first_mention(seed, lavrov.id)
    assert first.name == "Sergei Lavrov" and first.text.endswith("Sergei Lavrov")


def test_an_unnamed_us_official_is_us_government(seed):
    official = actor_at(seed, "a US official")
    assert (official.text, official.code, official.kind, official.refers_to) == (
        "a US official", "USAGOV", "person", None)


def test_a_city_is_not_an_actor_where_things_happen(seed):
    assert not [a for a in seed.actors if a.text in ("Aleppo", "Hamburg", "Geneva", "Washington")]


def test_actor_for_token_finds_the_person_a_title_is_in_apposition_to(seed, pipeline):
    doc = pipeline.nlp(seed.article.text)
    counterpart = next(t for t in doc if t.text == "counterpart")
    assert actor_for_token(seed, counterpart).name == "John Kerry"
    russia = next(t for t in doc if t.text == "Russia" and t.idx > seed.article.text.index("backed by"))
    assert actor_for_token(seed, russia).code == "RUS"
    assert actor_for_token(seed, russia, compound=True).text == "Russia and Iran"


# --- date-bounded roles --------------------------------------------------------------------

KERRY = "Secretary of State John Kerry met the Egyptian foreign minister in Cairo."


@pytest.mark.parametrize("published,expected", [
    ("2010-06-01", "USAGOVLEG"),  # senator until 2013
    ("2016-12-09", "USAGOV"),     # Secretary of State 2013-2017
    ("2022-03-01", "USAGOV"),     # climate envoy (curated update)
])
def test_the_same_name_is_coded_at_the_articles_date(actors_only, published, expected):
    assert code(actors_only, KERRY, "John Kerry", published).code == expected


def test_assad_leaves_office_in_december_2024(actors_only):
    text = "President Bashar Assad's forces have made recent inroads."
    assert code(actors_only, text, "Bashar Assad", "2016-12-09").code == "SYRGOV"
    text = "Bashar Assad has been given asylum in Moscow."
    assert code(actors_only, text, "Bashar Assad", "2025-02-01").code == "SYRELI"


# --- real sentences from the gold sets -----------------------------------------------------

def test_plover_compound_of_two_states(actors_only):
    # PLOVER-GSR01 AGREE: "Jordan and Britain have agreed to undertake joint military exercises"
    text = "Jordan and Britain have agreed to undertake joint military exercises this month, " \
           "a Jordanian official confirmed."
    extraction = actors_only.extract(text, published="2000-01-01")
    compound = next(a for a in extraction.actors if a.members)
    assert compound.text == "Jordan and Britain"
    assert [extraction.by_id(m).code for m in compound.members] == ["JOR", "GBR"]
    official = code(actors_only, text, "a Jordanian official", "2000-01-01")
    assert (official.code, official.kind) == ("JORGOV", "person")


def test_petr2_gsr_title_and_country_code_an_unknown_person(actors_only):
    # PETR2-GSR AFP0808020675_1 (real news)
    text = ("Brazil and the United States are seeking to deepen a partnership in energy, "
            "especially by promoting biofuels and other alternatives to oil, US Deputy "
            "Secretary of Energy Jeffrey Kupfer said here Wednesday.")
    assert code(actors_only, text, "Brazil", "2008-08-06").code == "BRA"
    assert code(actors_only, text, "the United States", "2008-08-06").code == "USA"
    kupfer = code(actors_only, text, "Jeffrey Kupfer", "2008-08-06")
    assert kupfer.kind == "person" and kupfer.country == "USA"


def test_former_office_holders_are_elites(actors_only):
    # PLOVER-GSR01: "Former Socialist prime minister Andreas Papandreou demanded immediate elections"
    text = ("Former Socialist prime minister Andreas Papandreou demanded immediate elections "
            "after a special court cleared him of all charges.")
    papandreou = code(actors_only, text, "Andreas Papandreou", "2000-01-01")
    assert papandreou.code == "GRCELI"


def test_plural_nationality_names_a_group(actors_only):
    # PLOVER-GSR01: "Israel and the Palestinians reached a consensus ..."
    text = "Israel and the Palestinians reached a consensus to exchange information on water."
    palestinians = code(actors_only, text, "Palestinians", "2000-01-01")
    assert (palestinians.country, palestinians.kind) == ("PSE", "group")


def test_its_troops_are_the_troops_of_the_state_before(actors_only):
    # PLOVER-GSR01: "Syria has again offered its troops to Lebanon's new President Elias Hrawi"
    text = "Syria has again offered its troops to Lebanon's new President Elias Hrawi."
    assert code(actors_only, text, "its troops", "2000-01-01").code == "SYRMIL"


def test_a_capital_that_speaks_is_its_government(actors_only):
    text = "Washington said such a step enjoyed support from Moscow and Beijing."
    washington = code(actors_only, text, "Washington", "2008-08-06")
    assert (washington.code, washington.kind) == ("USAGOV", "organisation")
    extraction = actors_only.extract(text)
    assert not [a for a in extraction.actors if a.text == "Beijing"]


def test_a_misspelt_name_is_found_by_first_name_and_near_surname(actors_only):
    # PLOVER-GSR01: "President Francois Mitterand gave a warm welcome ..."  (the dictionary
    # spells him Mitterrand; one letter off, same first name)
    text = "President Francois Mitterand gave a warm welcome on Thursday to South African " \
           "leader F.W. de Klerk."
    mitterand = code(actors_only, text, "Francois Mitterand", "1990-01-01")
    assert mitterand.kind == "person" and mitterand.code == "FRAGOV"
    de_klerk = code(actors_only, text, "F.W. de Klerk", "2000-01-01")
    assert de_klerk.kind == "person" and de_klerk.country == "ZAF"


@pytest.mark.parametrize("text, words, expected", [
    # PLOVER-GSR01-DEMAND-0020: the dictionary has ROBERT_MUGABE, not "Mugabe"
    ("Opposition groups in Zimbabwe are demanding that President Mugabe abandon his "
     "controversial policy of land confiscations.", "Mugabe", "ZWEGOV"),
    # PLOVER-GSR01-DEMAND-0003: CARLOS_SAUL_MENEM
    ("An Argentine judge has ordered former president Carlos Menem to appear October 16 for "
     "questioning.", "Carlos Menem", "ARGELI"),
])
def test_a_dictionary_person_is_found_by_surname(actors_only, text, words, expected):
    assert code(actors_only, text, words, "2003-01-01").code == expected


def test_an_unknown_minister_takes_the_one_state_his_sentence_names(actors_only):
    # PLOVER-GSR01-AGREE-0019: no Vietnamese Gia in the dictionary; his title and the
    # sentence's one state code him
    text = ("Planning and Investment Minister Tran Xuan Gia said Vietnam is committed to opening "
            "up the economy.")
    assert code(actors_only, text, "Tran Xuan Gia").code == "VNMGOV"


def test_rebel_fighters_take_the_articles_country(actors_only):
    text = ("Syrian troops pushed into the east of the city. Rebel fighters are on the verge "
            "of losing control of their last strongholds.")
    assert code(actors_only, text, "Rebel fighters", "2016-12-09").code == "SYRREB"


def test_actor_token_map_covers_every_token_of_a_mention(seed, pipeline):
    doc = pipeline.nlp(seed.article.text)
    mapping = actor_token_map(doc, seed)
    monitor = actor_at(seed, "the British-based monitor")
    tokens = [t.i for t in doc if monitor.span[0] <= t.idx < monitor.span[1]]
    assert {mapping[i] for i in tokens} == {monitor.id}


def test_members_of_a_named_group_take_its_code(actors_only):
    # VOA, 2025-03-14: "Iraq says key Islamic State leader is dead"
    text = ("One of the Islamic State terror group's most senior leaders is dead. His body was "
            "identified using DNA recovered during a previous raid in which the IS emir escaped. "
            "Various intelligence estimates put the number of IS fighters across Iraq and Syria "
            "at between 1,500 and 3,000.")
    assert code(actors_only, text, "senior leaders", "2025-03-14").code == "IMGMUSISI"
    assert code(actors_only, text, "IS fighters", "2025-03-14").code == "IMGMUSISI"
    emir = code(actors_only, text, "the IS emir", "2025-03-14")
    assert (emir.code, emir.kind) == ("IMGMUSISI", "person")


def test_an_of_phrase_names_whose_a_head_is(actors_only):
    # PLOVER-GSR01: "King Hassan of Morocco was quoted today as saying ..."
    text = "King Hassan of Morocco was quoted today as saying he would be ready to host a meeting."
    assert code(actors_only, text, "Hassan", "2000-01-01").code == "MARGOV"


def test_pro_russia_rebels_are_not_russian(actors_only):
    # PETR2-GSR (real news): MH17 "believed to be fired by pro-Russia rebels"
    text = ("The Malaysia Airlines Boeing 777 flight MH17 was blown up over Eastern Ukraine by a "
            "missile believed to be fired by pro-Russia rebels.")
    extraction = actors_only.extract(text, published="2014-07-18")
    assert not [a for a in extraction.actors if a.code and a.code.startswith("RUS")]


def test_a_title_names_the_office_whatever_the_date(actors_only):
    # PETR2-GSR (real news, 2008): Petraeus was CIA director only from 2011
    text = ("The US commander in Iraq, General David Petraeus, held talks with President Michel "
            "Suleiman during a surprise visit to Beirut on Wednesday.")
    assert code(actors_only, text, "David Petraeus", "2008-08-20").code == "USAMIL"


# --- descriptive actors: the country from their own phrase or their sentence ---------------

@pytest.mark.parametrize("text, words, expected", [
    # PLOVER-GSR01-PROTEST-0004
    ("Tens of thousands of university students throughout Indonesia staged mass demonstrations "
     "Saturday to demand political reforms by President Suharto's government.",
     "university students", "IDNEDU"),
    # PLOVER-GSR01-PROTEST-0015
    ("Some 500,000 workers affiliated with the Serbian Workers' Union (SSS) stopped work on the "
     "first day of an open-ended strike on Monday.", "workers", "SRBLAB"),
    # PLOVER-GSR01-AGREE-0015
    ("The United Nations will provide nearly 25,000 tons of emergency food aid to refugees "
     "fleeing the civil war in Liberia, the World Food Program (WFP) said on Monday.",
     "refugees", "LBRREF"),
    # PLOVER-GSR01-REJECT-0023
    ("Rebels in the Ivory Coast on Wednesday dismissed an appeal from President Laurent Gbago "
     "to lay down their arms.", "Rebels", "CIVREB"),
])
def test_an_agent_takes_the_state_its_phrase_names(actors_only, text, words, expected):
    assert code(actors_only, text, words).code == expected


def test_an_agent_takes_the_one_state_its_sentence_names(actors_only):
    # PLOVER-GSR01-PROTEST-0008
    text = ("Islamic fundamentalists continued their hunger strike to demand the resignation of "
            "Algerian President Ahmed Ben Bella.")
    assert code(actors_only, text, "Islamic fundamentalists").country == "DZA"


def test_an_unknown_titled_person_takes_the_state_where_they_act(actors_only):
    # PLOVER-GSR01-CONCEDE-0006 (the dictionary spells him Omar al-Bashir)
    text = ("President Omar El Bashir on Thursday shortened by one hour the nightly curfew "
            "imposed in Sudan after a June 30 coup toppled the civilian government.")
    assert code(actors_only, text, "Omar El Bashir").code == "SDNGOV"


def _members(extraction, words: str):
    compound = next(a for a in extraction.actors if a.members and words in a.text)
    return sorted(first_mention(extraction, m).code for m in compound.members)


@pytest.mark.parametrize("text, words, expected", [
    # PLOVER-GSR01-AGREE-0001
    ("Senior Hungarian and Romanian officials agreed on Wednesday that their countries should "
     "cooperate.", "Hungarian and Romanian", ["HUNGOV", "ROUGOV"]),
    # PLOVER-GSR01-DEMAND-0015
    ("The Red Cross operating in Iraq said US and British forces must ensure security.",
     "US and British forces", ["GBRMIL", "USAMIL"]),
    # PLOVER-GSR01-COOPERATE-0003
    ("French and Egyptian warships on Monday launched 10 days of war games in the "
     "Mediterranean Sea.", "French and Egyptian", ["EGYMIL", "FRAMIL"]),
    # PLOVER-GSR01-ASSAULT-0005 (spaCy parses "Sierra Leonean" as a noun, the head's conjunct)
    ("Security forces in Guinea have tortured scores of Sierra Leonean and Liberian refugees, "
     "whom authorities blame for a border conflict.", "Sierra Leonean and", ["LBRREF", "SLEREF"]),
    # written from the CAMEO 190 description; spaCy makes "Azerbaijani" a proper-noun conjunct
    ("Armenian and Azerbaijani forces clashed in Nagorno-Karabakh on Sunday.",
     "Armenian and Azerbaijani", ["ARMMIL", "AZEMIL"]),
    # ConfliBERT train (both parties marked): a union beside a state's adjective is a member
    ("British and EU negotiators have failed to reach a deal on the Irish border after hours "
     "of talks.", "British and EU", ["GBRGOV", "IGOEUREEC"]),
])
def test_coordinated_nationalities_are_one_compound_of_each_states_actor(actors_only, text, words,
                                                                        expected):
    assert _members(actors_only.extract(text), words) == expected


def test_a_name_the_dictionary_lacks_takes_the_title_in_apposition(actors_only):
    # PLOVER-GSR01-DISAPPROVE-0001
    text = ("On Tuesday, Nigerian junior foreign minister Dubem Oniya summoned Niger's ambassador "
            "Brah Mohamane to complain of inaction over the gangs.")
    assert code(actors_only, text, "Brah Mohamane").code == "NERGOV"
    # PLOVER-GSR01-CONSULT-0009: "emir, Sheikh Hamad ..." (spaCy breaks the apposition)
    text = ("Quatar's emir, Sheikh Hamad bin Khalifa al-Thani launched a mediation effort on "
            "Saturday between the Emirates and Saudi Arabia.")
    assert code(actors_only, text, "Hamad bin Khalifa").code == "QATGOV"
    assert code(actors_only, text, "the Emirates").code == "ARE"  # the state, not its people


@pytest.mark.parametrize("text, words, expected", [
    # PLOVER-GSR01-CONCEDE-0010
    ("The Mozambique government on Thursday accepted demands from Shona rebels that it "
     "initiate political reforms.", "Shona rebels", "MOZREB"),
    # PLOVER-GSR01-COERCE-0017
    ("The Sri Lankan army has been holding thousands of Tamil civilian refugees as human "
     "shields in the battle zones.", "Tamil civilian refugees", "LKAREF"),
])
def test_a_people_without_a_state_belongs_to_the_state_of_the_sentence(actors_only, text, words,
                                                                       expected):
    assert code(actors_only, text, words).code == expected


@pytest.mark.parametrize("words, published, expected", [
    ("Taliban", "2010-05-01", "AFGREB"),
    ("Taliban", "2023-05-01", "AFGGOV"),  # in power since 2021-08-15
    ("Robert Mugabe", "2010-05-01", "ZWEGOV"),
    ("Robert Mugabe", "2018-05-01", "ZWEELI"),  # resigned 2017-11-21
    ("Emmanuel Macron", "2020-05-01", "FRAGOV"),
])
def test_curated_updates_carry_roles_past_2015(actors_only, words, published, expected):
    assert code(actors_only, f"{words} said on Monday that talks would go on.", words,
                published).code == expected


def test_the_official_name_of_north_korea_is_one_actor(actors_only):
    # PLOVER-GSR01-DEMAND-0024
    text = ("The United States on Thursday demanded that the Democratic People's Republic of "
            "Korea (DPRK) forsake its nuclear program.")
    extraction = actors_only.extract(text)
    assert {a.code for a in extraction.actors} == {"USA", "PRK"}


def test_a_nationality_before_a_people_names_that_states_civilians(actors_only):
    # PLOVER-GSR01-PROTEST-0006
    text = "Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday."
    kurds = code(actors_only, text, "Iraqi Kurds")
    assert (kurds.text, kurds.code) == ("Iraqi Kurds", "IRQCVL")


def test_a_named_body_is_not_another_body_of_the_same_sector(actors_only):
    text = ("Human Rights Watch and UNICEF said the World Food Program had suspended deliveries "
            "to the camps.")
    assert code(actors_only, text, "World Food Program").code == "IGOUNOWFP"


@pytest.mark.parametrize("text, words, expected", [
    # PLOVER-GSR01-PROTEST-0023
    ("Palestinian prisoners rioted Monday at this jail in northern Israel, setting fire to their "
     "mattresses.", "Palestinian prisoners", "PSECRM"),
    # PLOVER-GSR01-FIGHT-0008
    ("A minefield explosion near the town of Samarra killed two Iraqi youths and wounded five "
     "others on Sunday.", "Iraqi youths", "IRQCVL"),
])
def test_curated_agents_name_prisoners_and_youths(actors_only, text, words, expected):
    assert code(actors_only, text, words).code == expected


def test_a_whole_persons_name_wins_over_a_name_inside_it(actors_only):
    # PLOVER-GSR01-CONCEDE-0002: "Hassan" alone is King Hassan of Jordan in the dictionary
    text = ("President Omar Hassan al-Bashir, following the partial peace deal, has taken several "
            "tentative steps to enhance political freedoms and promote an image of openness and "
            "tolerance in Sudan.")
    bashir = code(actors_only, text, "Hassan", "2000-01-01")
    assert (bashir.name, bashir.code) == ("Omar Hassan al-Bashir", "SDNGOV")
    assert bashir.text == "President Omar Hassan al-Bashir"  # the span takes the title in


def test_an_ethnic_group_belongs_to_the_state_it_lives_in(actors_only):
    # PLOVER-GSR01-PROTEST-0002
    text = ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, where 24 people were "
            "killed in nationalist riots last March, Belgrade radio said.")
    assert code(actors_only, text, "Albanians").code == "SRBCVL"
    assert code(actors_only, "Albanians protested in Tirana.", "Albanians").code == "ALBCVL"


def test_a_capital_is_its_government_where_it_is_the_agent_of_an_act(actors_only):
    # PLOVER-GSR01-DEMAND-0001
    text = ("Poland's parliament has demanded an immediate admission by Moscow that Soviet NKVD "
            "security forces murdered more than 15,000 captive Polish officers during World War Two.")
    assert code(actors_only, text, "Moscow", "2000-01-01").code == "RUSGOV"
    extraction = actors_only.extract("Three people were killed in Kabul's old city.")
    assert not extraction.actors  # a place, not an actor


def test_the_militant_group_is_the_named_group_before_it(actors_only):
    # PETR2-GSR (AFP, 2014)
    text = ("The United States launched an air strike against an Islamic State target southwest of "
            "Baghdad, the U.S. Central Command said on Monday night, expanding its campaign against "
            "the militant group that has seized parts of Iraq and Syria.")
    assert code(actors_only, text, "the militant group", "2014-09-15").code == "IMGMUSISI"


def test_the_state_department_is_the_us_government(actors_only):
    # PETR2-GSR
    text = "The US State department has advised against travel to Tunisia after the museum shooting."
    assert code(actors_only, text, "State department", "2015-03-20").code == "USAGOV"


# --- third round: international bodies, forces by their weapons, acronyms, owners ---------

@pytest.mark.parametrize("text, words, expected", [
    # PLOVER-GSR01-AGREE-0009: an IGO's governing organ is coded GOV, as PLOVER does
    ("Hungary has said it will support a U.N. Security Council resolution that aims to tighten "
     "sanctions and impose a naval blockade against neighboring Serbia.",
     "U.N. Security Council", ("IGOUNO", "GOV")),
    # PLOVER-GSR01-AID-0008: its troops are its armed units
    ("The first deployment of NATO peacekeeping troops have arrived in Bosnia, Defense Secretary "
     "William Perry said.", "NATO peacekeeping troops", ("IGOWSTNATMIL", "MIL")),
    # PETR2-GSR (AFP, 2014): gold IGOUNOMIL
    ("Hundreds of UN troops withdrew from the Syrian to the Israeli-occupied sector of the Golan on "
     "Monday.", "UN troops", ("IGOUNOMIL", "MIL")),
    # PLOVER-GSR01-SUPPORT-0006: a secretary-general heads a body; he is no general
    ("Arab League Secretary-General Chedli Klibi today urged the European Community to support the "
     "Palestinian Liberation Organization (PLO).", "Chedli Klibi", ("IGOMEAARL", "GOV")),
])
def test_international_bodies_are_coded_by_their_function(actors_only, text, words, expected):
    actor = code(actors_only, text, words, "2000-01-01")
    assert (actor.code, actor.sector) == expected


def test_an_undated_person_takes_the_office_they_are_known_for(actors_only):
    # PLOVER-GSR01-THREATEN-0019 (PLOVER records carry no date): Phoenix's undated ELI
    # catch-all for Kofi Annan is not his office
    text = ("U.N. Secretary-General Kofi Annan announced on Monday that he will withdraw weapons "
            "inspectors and humanitarian workers from Iraq.")
    annan = code(actors_only, text, "Kofi Annan")
    assert (annan.code, annan.sector) == ("IGOUNO", "GOV")


@pytest.mark.parametrize("text, words, expected", [
    # PLOVER-GSR01-FIGHT-0010
    ("Israeli tanks fired four shell bombs at targets in Jericho, witnesses said, in a rare "
     "incident in the West Bank city.", "Israeli tanks", "ISRMIL"),
    # PLOVER-GSR01-SANCTION-0011
    ("Syrian officers today ended mediation efforts between rival militias in Tripoli as shells "
     "continued crashing into the north Lebanese port.", "Syrian officers", "SYRMIL"),
    # PLOVER-GSR01-INVESTIGATE-0006
    ("A US national has been put under investigation in Italy for her possible role in rioting "
     "during a G8 summit in Genoa last month, Ansa news agency reported.", "A US national", "USACVL"),
])
def test_weapons_officers_and_nationals_are_their_states_actors(actors_only, text, words, expected):
    assert code(actors_only, text, words).code == expected


def test_an_acronym_in_parentheses_is_the_body_before_it(actors_only):
    # PLOVER-GSR01-AGREE-0023
    text = ("In an interview this weekend, President Abdelaziz Bouteflika said he is prepared to lift "
            "ban on Islamic Salvation Front (FIS) but not with its historical leadership. The FIS "
            "welcomed the offer.")
    extraction = actors_only.extract(text)
    front = next(a for a in extraction.actors if a.text.startswith("Islamic Salvation Front"))
    assert front.text == "Islamic Salvation Front (FIS)"  # the span takes its acronym in
    acronyms = [a for a in extraction.actors if a.text.endswith("FIS") and a is not front]
    assert len(acronyms) == 2 and all(a.refers_to == front.id for a in acronyms)
    assert {a.code for a in acronyms} == {front.code}


@pytest.mark.parametrize("text, words, expected", [
    # PLOVER-GSR01-THREATEN-0003: "his" is the last person's
    ("Nigeria today announced that it will withdraw their peacekeeping force from Chad unless "
     "President Goukouni Oueddei arranged a ceasefire with rebels fighting to topple his government.",
     "his government", "TCDGOV"),
    # PLOVER-GSR01-REJECT-0011: "its" is the subject's, not the last state named
    ("Pakistan, a key U.S. ally in the war against terrorism, has refused to deploy peacekeepers in "
     "Iraq and has urged its citizens to avoid coming here.", "its citizens", "PAKCVL"),
    # ConfliBERT train: a speaker after what it reports is the reported subject's, not Mali's
    ("Britain is deploying 300 troops to the UN peacekeeping mission in Mali to help strengthen "
     "security and human rights there, its defense ministry said Thursday.",
     "its defense ministry", "GBRGOV"),
])
def test_a_possessive_pronoun_gives_its_owners_country(actors_only, text, words, expected):
    assert code(actors_only, text, words).code == expected


def test_a_rulers_one_word_name_is_an_unknown_persons_first_name(actors_only):
    # PLOVER-GSR01-DEMAND-0007: "Abdullah" alone is King Abdullah in the dictionary
    text = ("The rebel Kurdistan Workers' Party issued a declaration demanding that the Turkish "
            "government provide information on the safety of its leader Abdullah Ocalan.")
    ocalan = code(actors_only, text, "Ocalan")
    assert ocalan.name == "Abdullah Ocalan"
    assert ocalan.country != "SAU"


def test_a_states_people_keep_phoenixs_code_and_are_civilians(actors_only):
    # PLOVER-GSR01-REJECT-0015 (gold ZMB CVL); PETR2-GSR codes "two Brazilian men" BRAPPL
    text = ("President Levy Mwanawasa has reneged on his commitment to the Zambian people for "
            "holding elections under a new constitution.")
    people = code(actors_only, text, "Zambian people")
    assert (people.code, people.country, people.sector) == ("ZMBPPL", "ZMB", "CVL")


@pytest.mark.parametrize("text, words, expected", [
    # PETR2-GSR validation sentences, typed as found
    ("Syrian forces clash with tunisian rioters in the Egyptian square", "tunisian rioters", "TUNOPP"),
    ("The US Secretary of state wants to help iSrael", "iSrael", "ISR"),
])
def test_a_states_name_in_odd_case_is_still_the_state(actors_only, text, words, expected):
    assert code(actors_only, text, words, "2015-06-09").code == expected
    assert not actors_only.extract("Ask us about china plates and turkey dinners.").actors


def test_a_persons_span_takes_their_title_and_their_name_is_the_name(actors_only):
    # PLOVER-GSR01 (CONSULT): ConfliBERT marks "Japanese Prime Minister Ryutaro Hashimoto"
    text = ("Russian President Boris Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro "
            "Hashimoto in this Siberian city for an informal meeting.")
    yeltsin = code(actors_only, text, "Yeltsin")
    assert (yeltsin.text, yeltsin.name) == ("Russian President Boris Yeltsin", "Boris Yeltsin")
    hashimoto = code(actors_only, text, "Hashimoto")
    assert hashimoto.text == "Japanese Prime Minister Ryutaro Hashimoto"


def test_a_persons_span_takes_a_title_after_a_determiner_too(actors_only):
    # ConfliBERT train marks "The British Prime Minister Theresa May" and "the Irish premier Leo
    # Varadkar": after "the", the parser makes the title the head and the name its apposition
    text = ("The British Prime Minister Theresa May and the Irish premier Leo Varadkar on Monday "
            "called for calm.")
    may = code(actors_only, text, "Theresa May")
    assert (may.text, may.name) == ("The British Prime Minister Theresa May", "Theresa May")
    assert code(actors_only, text, "Varadkar").text == "the Irish premier Leo Varadkar"


def test_a_persons_span_takes_a_title_set_off_by_commas(actors_only):
    # ConfliBERT train marks the title in a person's span on either side of the name, between
    # commas (36 of 39 times); the name stays the name
    text = ("Vladimir Putin, the Russian president, will meet Angela Merkel, the German "
            "chancellor, on Saturday for talks about conflicts in Ukraine and Syria, as well as "
            "the controversial Nord Stream 2 gas pipeline.")
    putin = code(actors_only, text, "Vladimir Putin")
    assert (putin.text, putin.name, putin.code) == (
        "Vladimir Putin, the Russian president", "Vladimir Putin", "RUSGOV")
    assert code(actors_only, text, "Angela Merkel").text == "Angela Merkel, the German chancellor"
    text = ("The US Ambassador, Stuart Symington, paid a courtesy visit to President of Senate "
            "early this morning in his office.")
    assert code(actors_only, text, "Stuart Symington").text == "The US Ambassador, Stuart Symington"
    # a clause on the title is an act of its own, not the span ("charged with ...")
    text = ("Ali Kushayb, a Sudanese militia leader charged with 50 crimes against humanity and "
            "war crimes related to the conflict in Darfur, has surrendered to the authorities.")
    assert code(actors_only, text, "Ali Kushayb").text == "Ali Kushayb"
    # a place before the comma is no title (ConfliBERT train)
    text = "Sudan is willing to withdraw its troops from Abyei, President Carter"
    assert code(actors_only, text, "Carter").text == "President Carter"


def test_a_mentions_span_takes_its_figure_and_its_name_does_not(actors_only):
    # ConfliBERT train marks the count in a party's span (73 of its 73 spans with a figure
    # before the head); the figure itself is the quantities stage's
    text = ("Abu Sayyaf gunmen killed six Philippine Army soldiers and wounded four others in an "
            "ambush in the town of Sumisip, Basilan.")
    soldiers = code(actors_only, text, "Philippine Army soldiers")
    assert (soldiers.text, soldiers.name, soldiers.code) == (
        "six Philippine Army soldiers", "Philippine Army soldiers", "PHLMIL")
    text = ("Syrian government forces have killed more than 500 civilians during a week of intense "
            "bombardment of a rebel enclave near Damascus, activists say.")
    civilians = code(actors_only, text, "civilians")
    assert (civilians.text, civilians.name) == ("more than 500 civilians", "civilians")
    # a count of tens, hundreds, thousands "of" them
    text = ("Hundreds of British troops have arrived in Mali to join the United Nations "
            "peacekeeping mission there.")
    troops = code(actors_only, text, "British troops")
    assert (troops.text, troops.name, troops.code) == (
        "Hundreds of British troops", "British troops", "GBRMIL")
    # bench (a dateline run into the headline): a date is no count, nor anything before it
    text = ("12 February 2015 Free Syrian Army and Nusra Front fighters pushed from town of "
            "Deir al-Adas and surrounding areas as rebels claim Iranian-backed Lebanese group "
            "wants to set up permanent base.")
    assert code(actors_only, text, "fighters").text == "Free Syrian Army and Nusra Front fighters"
    text = ("Date of publication 14 August 2016 Scores of civilians including children were "
            "killed on Saturday after regime airstrikes and shelling hit Aleppo.")
    assert code(actors_only, text, "civilians").text == "Scores of civilians"
    text = ("At least 22 of the jihadists were killed in fighting on the border between Aleppo "
            "and Raqa province where IS has its de-facto capital.")
    assert code(actors_only, text, "jihadists").text == "At least 22 of the jihadists"


def test_a_person_acts_for_the_international_body_of_their_title(actors_only):
    # PLOVER-GSR01 (gold target IGO): the dictionary knows Cordovez as Ecuador's minister
    text = ("Afghan rebel leaders said on Wednesday they would meet U.N. mediator Diego Cordovez if "
            "he gave them a veto over any settlement reached in peace talks.")
    assert code(actors_only, text, "Cordovez").code == "IGOUNO"


def test_a_bare_agent_shares_the_nationality_of_its_conjunct(actors_only):
    # PLOVER-GSR01 (ASSAULT, gold source ISR MIL)
    text = ("Israeli helicopters and tanks shelled positions of the Palestinian security forces and "
            "residential areas near the town of Rafah.")
    assert code(actors_only, text, "tanks").code == "ISRMIL"


@pytest.mark.parametrize("text, words, expected", [
    # ConfliBERT CAMEO annotations (news sentences): standard abbreviations Phoenix lacks
    ("UK extradited radical Islamist preacher Abu Hamza al-Masri to the US.", "UK", "GBR"),
    ("UNDOF also withdrew peacekeepers from another position in Syria as a precautionary measure.",
     "UNDOF", "IGOUNOMIL"),
    ("The ELN has said it will release Odin Sanchez, a former Colombian Congressman.", "ELN", "COLREB"),
])
def test_curated_abbreviations_of_states_missions_and_groups(actors_only, text, words, expected):
    assert code(actors_only, text, words, "2019-01-01").code == expected


def test_a_span_takes_a_bracketed_acronym_and_an_of_phrase_naming_a_place(actors_only):
    # ConfliBERT CAMEO annotations mark "Houthi rebels of Yemen", "the Lebanese Armed Forces (LAF)"
    text = ("Houthi rebels of Yemen attacked the Lebanese Armed Forces (LAF) near the border, the "
            "Governor of Arizona said.")
    extraction = actors_only.extract(text)
    texts = {a.text for a in extraction.actors}
    assert {"Houthi rebels of Yemen", "the Lebanese Armed Forces (LAF)",
            "the Governor of Arizona"} <= texts
    assert code(actors_only, text, "Yemen").code == "YEM"  # still an actor of its own


def test_forces_led_by_a_state_are_that_states(pipeline):
    # PLOVER gold record (dev; gold VTN MIL) and CAMEO practice: "-led" names the state whose
    # forces they are; "-backed" does not (the separatists stay Ukraine's)
    x = pipeline.extract("Vietnamese-led forces have retaken a strategic village in Western "
                         "Cambodia after fierce fighting with guerrillas who overran it late "
                         "last month, Thai military sources said today.")
    forces = next(a for a in x.actors if a.text == "Vietnamese-led forces")
    assert forces.code == "VNMMIL"
    x = pipeline.extract("Russian-backed separatists attacked Ukrainian troops.")
    separatists = next(a for a in x.actors if a.text == "Russian-backed separatists")
    assert separatists.country == "UKR"


def test_forces_a_state_leads_abroad_do_not_make_the_article_that_states(pipeline, data):
    # bench article (FA-KES, AFP, 19 Aug 2016, Hasakeh): three "US-led coalition" mentions
    # once made the article's country unclear, leaving the regime and the government uncoded
    import gzip
    import json

    with gzip.open(data / "corpora" / "bench_articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        text = next(r["text"] for r in map(json.loads, lines) if r["id"] == "fakes-1923848149")
    x = pipeline.extract(text)
    assert {a.code for a in x.actors if a.text in ("regime", "government")} == {"SYRGOV"}
    jets = next(a for a in x.actors if a.text == "US-led coalition fighter jets")
    assert jets.code == "USAMIL"


# --- sixth round: agents inside longer phrases ----------------------------------------------

def test_a_states_embassy_before_its_town_is_its_government(actors_only):
    # ConfliBERT train; Phoenix's agent phrase "embassy in" had hidden the shorter "embassy"
    text = ("At least two people were killed when ISIL launched an attack on the Iraqi embassy "
            "in Kabul on Monday, with a suicide bomber blowing himself up outside the gates.")
    assert code(actors_only, text, "Iraqi embassy").code == "IRQGOV"


def test_a_named_bodys_function_is_no_actor_of_its_own(actors_only):
    text = ("The UN refugee agency appealed for $50 million to help Afghan refugees in "
            "Pakistan.")
    extraction = actors_only.extract(text)
    assert "refugee" not in [a.text for a in extraction.actors]
    assert code(actors_only, text, "Afghan refugees").code == "AFGREF"


def test_leaders_since_the_dictionaries_stopped_are_coded_at_the_texts_date(actors_only):
    # ConfliBERT train sentences; Phoenix lacks Kim Jong Un and Fayez al-Sarraj
    text = ("U.S. President Donald Trump has accepted an invitation to meet with Kim Jong Un "
            "to negotiate Pyongyang's nuclear program.")
    assert code(actors_only, text, "Kim Jong Un", published="2018-03-09").code == "PRKGOV"
    text = ("The Czech Republic's prime minister has pledged his country's full support for "
            "Fayez Serraj, the prime minister of the U.N.-backed Libyan government.")
    assert code(actors_only, text, "Fayez Serraj", published="2019-05-01").code == "LBYGOV"
    text = "NATO Secretary General Jens Stoltenberg said the alliance would stay."
    assert code(actors_only, text, "Jens Stoltenberg", published="2019-05-01").code.startswith("IGO")


@pytest.mark.parametrize("text, words, expected", [
    # bench (FA-KES): SANA is Syria's state news agency, not Sana'a (Yemen's capital)
    ("A second rocket attack hit a house in the Hamdaniyeh neighbourhood killing three brothers "
     "and injuring a fourth SANA said.", "SANA", "SYRGOVMED"),
    ("Nearly 200 gunmen have arrived in Tal Hadyah town in Aleppo northern countryside Sana News "
     "reported.", "Sana News", "SYRGOVMED"),
    # bench (Reuters-21578): the other state agencies, by their government's media sector
    ("Iranian troops are fighting on two widely separated fronts in a new offensive in the "
     "mountains of Kurdistan in northern Iraq, Tehran's IRNA news agency said.", "IRNA", "IRNGOVMED"),
    ("Turkeys official Anadolu Agency put the death toll at least at 85.", "Anadolu", "TURGOVMED"),
])
def test_a_state_news_agency_is_its_governments_media(actors_only, text, words, expected):
    assert code(actors_only, text, words).code == expected


def test_a_capital_spelled_like_an_agency_is_still_the_capital(actors_only):
    # the acronym matches only in capitals: "Sana" acting is still Yemen's government
    text = "Sana said on Monday it would not negotiate with the Houthis."
    assert code(actors_only, text, "Sana").code == "YEMGOV"


@pytest.mark.parametrize("text, words", [
    # ConfliBERT train: Homeland Security's agencies without "US" (Phoenix lists them with it)
    ("Immigration and Customs Enforcement returned approximately 100 ancient fossils to the "
     "People's Republic of China at their Washington embassy on May 26.",
     "Immigration and Customs Enforcement"),
    ("ICE returned 11 oil paintings to the Pirmasen Municipal Museum in Germany.", "ICE"),
    ("DHS returned cultural artifacts, including a Corinthian column krater and a Pompeii wall "
     "panel fresco, to the government of Italy.", "DHS"),
])
def test_homeland_security_and_its_agencies_are_the_us_government(actors_only, text, words):
    assert code(actors_only, text, words).code == "USAGOV"


@pytest.mark.parametrize("text, words", [
    # ConfliBERT train: was LBRMIL, the country of the town they arrive in
    ("First contingents of West African peacekeeping troops arrive in Monrovia",
     "West African peacekeeping troops"),
    # bench (FA-KES): was RUSGOV, the country of the proposal they doubt
    ("Western officials have expressed skepticism about the Russian proposal fearing it could "
     "simply be a delaying tactic aimed at averting strikes.", "Western officials"),
])
def test_a_regions_people_are_not_the_sentences_state(actors_only, text, words):
    assert code(actors_only, text, words).country is None


def test_a_medium_noun_without_a_determiner_is_no_actor(actors_only):
    # bench (FA-KES, 63 events on the first 200 articles): "Date of publication" was SYRMED
    text = ("Date of publication 5 July 2016 The bomber was on a motorcycle when he attacked a "
            "crowd outside a bakery in the Syrian city.")
    extraction = actors_only.extract(text)
    assert not any("publication" in a.text for a in extraction.actors)
    text = "State television said the army had retaken the town of Palmyra in Syria."
    assert code(actors_only, text, "State television").sector == "MED"


@pytest.mark.parametrize("text, words, expected", [
    # ConfliBERT train: the troops Britain deploys are Britain's, not Mali's (the place)
    ("Britain is deploying 300 troops to the UN peacekeeping mission in Mali to help strengthen "
     "security and human rights there, its defense ministry said Thursday.", "troops", "GBRMIL"),
    # bench (FA-KES): a capital that acts sends its own state's forces
    ("Ankara sent tanks troops and aircraft into northern Syria in August in an unprecedented "
     "incursion that it said was part of efforts to help Syrian opposition clear the border.",
     "troops", "TURMIL"),
])
def test_forces_a_state_sends_are_its_own(actors_only, text, words, expected):
    assert code(actors_only, text, words).code == expected


def test_a_government_no_state_names_is_not_the_first_states_body(actors_only):
    # bench (FA-KES): "the government" was the US State Department (USAGOV), the first body of
    # its sector, in a story of Syria's, Russia's and the US's bodies
    text = ("Reuters quoted the US State Department as saying that it was looking into the "
            "reported use of chemical weapons in Saraqeb. Russias Ministry of Defence said that a "
            "Russian helicopter was shot down near Saraqeb on Monday killing all five people on "
            "board in the biggest officially acknowledged loss of life experienced by Russian "
            "forces since they started operations in Syria. Government and opposition forces have "
            "both denied using chemical weapons during the civil war that has been going on for "
            "the last five years. Western powers say that the government has been responsible for "
            "chlorine and other chemical attacks.")
    government = code(actors_only, text, "the government", "2016-08-03")
    assert (government.code, government.sector) == (None, "GOV")


@pytest.mark.parametrize("text, words, expected", [
    # bench (FA-KES): al-Nusra Front's name from July 2016 was MEAREB, the Palestinian
    # "al-Fatah" it contains
    ("There was no immediate claim of responsibility for the attack but Jabhat Fateh al-Sham "
     "and the Islamic State group have carried out similar attacks in the past.",
     "Jabhat Fateh al-Sham", "SYRREB"),
    # bench (FA-KES): the Idlib rebel alliance was SYRMIL, an army
    ("The Army of Conquest - led by the Fateh al-Sham Front which changed its name from "
     "al-Nusra Front after renouncing ties with al-Qaeda - is regularly bombarded by "
     "pro-government forces.", "The Army of Conquest", "SYRREB"),
    ("The Army of Conquest - led by the Fateh al-Sham Front which changed its name from "
     "al-Nusra Front after renouncing ties with al-Qaeda - is regularly bombarded by "
     "pro-government forces.", "Fateh al-Sham Front", "SYRREB"),
])
def test_syrian_rebel_groups_named_since_2015(actors_only, text, words, expected):
    assert code(actors_only, text, words, "2016-10-01").code == expected


def test_a_coded_mention_is_not_an_earlier_body_of_its_sector(actors_only):
    # bench (FA-KES): "the IS jihadists" stood for al-Qaeda, the first body of the sector
    # named in the article, not for the Islamic State its own word names
    text = ("The involvement of experienced fighters of Syrias Al-Qaeda affiliate the Al-Nusra "
            "Front has also helped the rebels to gain territory in Daraa. On a separate front "
            "Syrian Kurds fighting the Islamic State group made fresh advances near Kobane "
            "seizing a new string of villages a week after the flashpoint town was recaptured "
            "from the IS jihadists.")
    assert code(actors_only, text, "the IS jihadists", "2015-02-03").code == "IMGMUSISI"


@pytest.mark.parametrize("text, words, keeps", [
    # bench (FA-KES): Rhodes (the Greek island) in a titled person's name was GRC
    ("That means there only could have been two entities responsible\" Deputy National Security "
     "Adviser Ben Rhodes said on Tuesday night naming Moscow and the Syrian regime.",
     "Ben Rhodes", "Deputy National Security Adviser Ben Rhodes"),
    # bench (FA-KES): an Arabic name's origin ("al-Iraqi") was IRQ
    ("Abu Osama al-Iraqi and Amer al-Rafdan were killed in what is believed to have been US "
     "airstrikes in Hasakeh.", "Abu Osama", None),
])
def test_a_state_name_inside_a_persons_name_is_not_the_state(actors_only, text, words, keeps):
    actor = code(actors_only, text, words, "2016-05-04")
    assert actor.code is None and (keeps is None or actor.text == keeps)


@pytest.mark.parametrize("text, words, expected", [
    # bench (FA-KES): spaCy's PERSON over a tag line's places is no person
    ("Tags Aleppo Syria toxic gas chlorine gas attack suffocation Russia At least four people "
     "were killed.", "Aleppo", "SYR"),
    # ConfliBERT train: a state named alone
    ("The Jordan and the United States began a new round of joint military exercises today in "
     "the southern desert of the kingdom.", "Jordan", "JOR"),
])
def test_a_state_name_outside_a_titled_persons_name_stays(actors_only, text, words, expected):
    assert code(actors_only, text, words).code == expected


def test_an_upper_case_relative_who_is_not_the_world_health_organization(actors_only):
    # MUC-3/4 (bench corpus, DEV-MUC3-0854): a hard-wrapped line break before a relative "WHO",
    # which the parser takes for a sentence end; "THE WHO SAID" keeps the organisation
    text = ("THE POLICE, SUPPORTED BY AIR FORCE AND MILITARY UNITS, HAVE\nCONFRONTED DRUG "
            "TRAFFICKERS IN THE SEARCH FOR DRUG TRAFFICKING CAPOS\nWHO WILL BE CAPTURED LATER.")
    extraction = actors_only.extract(text)
    assert "IGOUNOHLHWHO" not in {a.code for a in extraction.actors}
    assert code(actors_only, "THE WHO SAID ON MONDAY THAT THE OUTBREAK WAS OVER.",
                "WHO").code == "IGOUNOHLHWHO"


@pytest.mark.parametrize("text, words, expected", [
    # bench corpus, india_police_events (Times of India, ipe-838): a lower-case dateline
    # after the paper's date line
    ("This story is from March 16, 2002\n\nvaranasi: over 50 activists of vishwa hindu parishad "
     "(vhp) were arrested here on friday when they tried to take out a procession after "
     "performing puja at a temple in englishiya line. the police arrested about 50 vhp "
     "activists, including spokesperson kameshwar upadhyay, near cantonment railway station.",
     "the police", "INDCOP"),
    # bench corpus, MUC-3/4 (DEV-MUC3-0740): an upper-case FBIS dateline
    ("SAN SALVADOR, 14 NOV 89 (DOMESTIC SERVICE) -- [TEXT] ATTENTION,\nATTENTION, SALVADORAN "
     "PEOPLE.\n\n   ALL TOWNS IN THE COUNTRY ARE UNDER THE GOVERNMENT'S "
     "POLITICAL CONTROL\nAND UNDER THE ARMED FORCES' MILITARY CONTROL.",
     "ARMED FORCES'", "SLVMIL"),
])
def test_an_agent_of_no_country_takes_the_datelines(actors_only, text, words, expected):
    assert code(actors_only, text, words).code == expected


def test_a_foreign_story_or_force_does_not_take_the_datelines_country(actors_only):
    # MUC-3/4 (bench corpus, DEV-MUC3-1166): a TASS story from Moscow about Chile
    text = ("MOSCOW (USSR), 11 MAR 11 (TASS) -- [ARTICLE] [GENNADIY PETROV] [TEXT]\nAFTER "
            "STAYING IN POWER FOR 16 YEARS, GENERAL AUGUSTO PINOCHET WAS FINALLY\nCOMPELLED TO "
            "LEAVE THE LA MONEDA PRESIDENTIAL PALACE, WHICH HE CAPTURED\nDURING THE MILITARY COUP "
            "OF SEPTEMBER 11, 1973.\n\n   THE RESTORATION OF DEMOCRACY IN CHILE WILL BY NO MEANS "
            "BE EASY.\n\n   ANALYSTS BELIEVE THE REVIVAL OF CHILE, WHICH HAS LONG-STANDING\n"
            "DEMOCRATIC TRADITIONS, WILL BE HELD BACK BY THE FACT THAT, ACCORDING\nTO THE "
            "CONSTITUTION IN FORCE, PINOCHET WILL REMAIN COMMANDER-IN- CHIEF\nOF THE GROUND "
            "FORCES FOR EIGHT MORE YEARS.")
    # Chile's, not the Soviet Union's (no country while the hard-wrapped lines were parsed as
    # sentences of their own: "OF THE GROUND FORCES FOR EIGHT MORE YEARS."); "IN FORCE" is none
    assert code(actors_only, text, "GROUND").code == "CHLMIL"
    assert not any(a.text == "FORCE" for a in actors_only.extract(text).actors)
    # MUC-3/4 (TST1-MUC3-0036): U.S. soldiers in a Tegucigalpa story stay American
    text = ("TEGUCIGALPA, 13 JUL 89 (CADENA AUDIO VIDEO) -- [TEXT] ATTENTION: A\nGROUP OF NINE "
            "U.S. SOLDIERS STATIONED AT THE PALMEROLA BASE WHO WERE\nVISITING THE CITY OF LA "
            "CEIBA WERE ATTACKED AT 0030 TODAY.  THE NINE\nU.S. SOLDIERS FROM PALMEROLA BASE WERE "
            "ON A RECREATIONAL VISIT AND\nWERE WOUNDED WHEN A HOMEMADE BOMB EXPLODED.  SEVEN OF "
            "THE NINE\nSOLDIERS WERE WOUNDED, THREE OF THE SOLDIERS ARE IN GRAVE CONDITION.")
    assert code(actors_only, text, "THREE OF THE SOLDIERS").code == "USAMIL"


def test_an_upper_case_plural_agent_the_tagger_calls_a_proper_noun(actors_only):
    # MUC-3/4 (bench corpus, DEV-MUC3-0039), dateline and one sentence: "GUERRILLAS" is tagged
    # NNP, whose lemma keeps the plural, so no agent word matched and the rebels were uncoded
    text = ("SAN SALVADOR, 15 JAN 90 (ACAN-EFE) -- [TEXT] AFTER LEARNING OF OQUELI'S "
            "ASSASSINATION, THE GUERRILLAS ANNOUNCED THAT\nTHEY WILL \"REVISE\" THEIR OFFER TO "
            "RESUME THE DIALOGUE WITH THE GOVERNMENT.")
    assert code(actors_only, text, "GUERRILLAS").code == "SLVREB"


def test_a_plain_word_body_takes_the_datelines_state_named_among_others(actors_only, data):
    # MUC-3/4 (bench corpus, DEV-MUC3-0198, filed from San Salvador): the article names the
    # United States too often for its country to be clear, and the sentence names a U.S.
    # embassy facility beside San Salvador; its urban guerrillas and the neighbourhood were
    # uncoded, as Phoenix gives the dateline's state's rebels (SLVREB)
    import gzip
    import json

    with gzip.open(data / "corpora" / "bench_articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        text = next(r["text"] for r in map(json.loads, lines) if r["id"] == "DEV-MUC3-0198")
    assert code(actors_only, text, "URBAN GUERRILLAS").code == "SLVREB"
    assert code(actors_only, text, "THE SAN ANTONIO ABAD NEIGHBORHOOD").code == "SLVCVL"
    # a person keeps what titles say (DEV-MUC3-0328, filed from Tegucigalpa: the president of a
    # human rights committee is no Honduran official); an armed body beside another state's
    # forces stays uncoded (DEV-MUC3-0228: "THE SALVADORAN ARMY CHASED REBELS ... INTO
    # HONDURAN TERRITORY", the Salvadoran rebels in a Honduran wire)
    with gzip.open(data / "corpora" / "bench_articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        texts = {r["id"]: r["text"] for r in map(json.loads, lines)
                 if r["id"] in ("DEV-MUC3-0328", "DEV-MUC3-0228")}
    assert code(actors_only, texts["DEV-MUC3-0328"], "RAMON CUSTODIO LOPEZ").code is None
    assert code(actors_only, texts["DEV-MUC3-0228"], "REBELS ON LAND").code is None


# --- text of one case: upper-case wires, lower-cased archives (bench corpus) -----------------

# india_police_events (Times of India, ipe-722), lower case throughout
MUMBAI = ("interrogations of several criminals arrested recently revealed that they now routinely "
          "use e-mail and sms to plan strikes. this was why the mumbai police jammed the sms "
          "service in the city on friday, he said. it is easy for the police to monitor a mobile "
          "phone, but almost impossible to check sms. according to ib sources, the delhi police, "
          "too, from time to time jams the sms facilities in the city with the help of cell-phone "
          "operators, when some striking intelligence on terrorists requires it.")
# india_police_events (ipe-843): a lower-case dateline, a person and "is"
HOLI = ("This story is from March 9, 2002\n\nnew delhi: prime minister atal bihari vajpayee will "
        "not celebrate holi this year in view of the gujarat violence, in which hundreds of people "
        "have lost their lives. this will be the second consecutive year that the prime minister "
        "is not holding holi celebrations. last year it was because of the devastating earthquake "
        "in gujarat that made him give up the festivities, a pmo spokesman said.\n\nFacebook "
        "Twitter Linkedin Mail")
# MUC-3/4 (DEV-MUC3-0007): upper case, "IS" and "US" as words, not the Islamic State and the US
PATIENCE = ("   FROM ITS OPERATIONS IN PANAMA AND COLOMBIA, THE UNITED STATES IS TELLING\nUS THAT IT "
            "IS NOT CONCERNED WITH THE DIPLOMATIC ASPECT FOR THE TIME BEING.\nTHE UNITED STATES "
            "WANTS ACTION AND EFFICIENCY.  THE UNITED STATES IS LOSING\nITS PATIENCE, AND PERHAPS "
            "ITS CONFIDENCE IN THE SERIOUSNESS AND CAPABILITY OF\nLATIN AMERICA TO FACE THIS WAR.")


@pytest.mark.parametrize("text, expected", [(MUMBAI, "lower"), (HOLI, "lower"), (PATIENCE, "upper"),
                                            ("THE WHO SAID ON MONDAY THAT THE OUTBREAK WAS OVER.", None)])
def test_the_letter_case_of_an_article(text, expected):
    from eventwire.extract.actors import letter_case

    assert letter_case(load_nlp()(text)) == expected  # a short text is taken as cased


def test_lower_case_towns_code_their_police(actors_only):
    # "the bangalore police" was uncoded where "The Bangalore police" is INDCOP: names were
    # looked up in their cased form only
    assert code(actors_only, MUMBAI, "the mumbai police").code == "INDCOP"
    assert code(actors_only, MUMBAI, "the delhi police").code == "INDCOP"


def test_lower_case_person_and_function_words(actors_only):
    extraction = actors_only.extract(HOLI, published="2002-03-09")
    vajpayee = next(a for a in extraction.actors if "vajpayee" in a.text)
    assert (vajpayee.text, vajpayee.code) == ("prime minister atal bihari vajpayee", "INDGOV")
    assert not any(a.text == "new delhi" for a in extraction.actors)  # the dateline's town
    assert "IMGMUSISI" not in {a.code for a in extraction.actors}  # "is"


def test_upper_case_function_and_common_words_are_no_names(actors_only):
    extraction = actors_only.extract(PATIENCE)
    assert {a.text for a in extraction.actors if a.code in ("IMGMUSISI", "USA")} == {"THE UNITED STATES"}
    assert not any(a.text == "EFFICIENCY" for a in extraction.actors)
    assert code(actors_only, PATIENCE, "LATIN AMERICA").code == "LAM"  # a region, not the US


@pytest.mark.parametrize("text, words, expected", [
    # MUC-3/4 (DEV-MUC3-0104): the recogniser's PERSON runs over "BY"
    ("NEW FASCIST ESCALATION OF THE DICTATORSHIP NOW LED BY ALFREDO CRISTIANI,\nCOLONEL RENE "
     "EMILIO PONCE, AND THE GREAT EXECUTIONER AND PERPETRATOR OF\nMASSACRES, ELENA FUENTES.  THE "
     "MAIN THING IS THAT THE FASCIST MILITARY\nDICTATORSHIP, HEADED BY A SMALL ARMY CLIQUE, HAS "
     "CLOSED THE DOORS TO DIALOGUE.", "ALFREDO CRISTIANI", "ALFREDO CRISTIANI"),
    # MUC-3/4 (DEV-MUC3-0634): a name across a hard-wrapped line break (the parse of the
    # truecased DEV-MUC3-0834, "A GROUP OF FMLN [FARABUNDO ... FRONT] OUTLAWS", makes it a modifier)
    ("THE COMMUNIQUE ADDS THAT THIS AND OTHER CRIMES OBLIGE THE\nSALVADORAN GOVERNMENT TO DEFEND "
     "ITS PEOPLE'S HUMAN RIGHTS AND TO FIND\nAND PUNISH THOSE WHO ARE GUILTY.\n\n   SHORTLY "
     "AFTER THE ATTACK, THE FARABUNDO MARTI NATIONAL LIBERATION\nFRONT [FMLN] SAID THAT IT WAS "
     "CARRIED OUT IN RESPONSE TO THE 30\nOCTOBER GUERRILLA ATTACK ON THE ARMY'S GENERAL STAFF "
     "HEADQUARTERS.", "THE FARABUNDO", "THE FARABUNDO MARTI NATIONAL LIBERATION\nFRONT"),
    # MUC-3/4 (DEV-MUC3-0635): "AT" is a preposition, but "AT LEAST 30" a figure the span
    # keeps, as in lower case ("at least 30 plainclothes policemen"), not "LEAST 30 ..."
    ("SAN SALVADOR, 2 NOV 89 (ACAN-EFE) -- [TEXT] TENSION WAS HIGH DURING THE MARCH, MAINLY "
     "BECAUSE OF THE HEAVY\nMILITARY PRESENCE IN SAN "
     "SALVADOR'S MAIN STREETS AND BECAUSE THE\nUNION MEMBERS DETAINED AT LEAST 30 PLAINCLOTHES "
     "POLICEMEN WHO,\nACCORDING TO THE UNIONISTS, INFILTRATED THE DEMONSTRATION.", "AT LEAST",
     "AT LEAST 30 PLAINCLOTHES POLICEMEN"),
])
def test_upper_case_names_end_at_function_words_and_cross_line_breaks(actors_only, text, words,
                                                                      expected):
    start = text.index(words)
    assert any(a.span[0] == start and a.text == expected for a in actors_only.extract(text).actors)


@pytest.mark.parametrize("text, words, expected", [
    ("SAN SALVADOR, 21 NOV 89 (DOMESTIC SERVICE) -- [TEXT] IN AN IRRATIONAL ACT\nOF CRIMINAL "
     "TERRORISM, A GROUP OF FMLN [FARABUNDO MARTI NATIONAL LIBERATION\nFRONT] OUTLAWS OCCUPIED "
     "PART OF THE SHERATON HOTEL FACILITIES WITH THE\nMALEVOLENT INTENTION OF TAKING THE OAS "
     "SECRETARY GENERAL HOSTAGE.", "FMLN", "SLVREB"),
    # MUC-3/4 (DEV-MUC3-0482): FBIS's "ARMY OF NATIONAL LIBERATION" is Colombia's ELN (the
    # dictionary gave the name to a Corsican group, and the article to France)
    ("BOGOTA, 14 SEP 89 (EFE) -- [TEXT] THE PRO-CASTROITE ARMY OF\nNATIONAL LIBERATION (ELN) OF "
     "COLOMBIA DESTROYED A SECTION OF THE TECA\n- VASCONIA OIL PIPELINE IN THE CENTRAL PART OF THE "
     "COUNTRY LAST NIGHT,\nTHE COLOMBIAN OIL ENTERPRISE (ECOPETROL) OFFICIALLY ANNOUNCED TODAY.",
     "ARMY OF", "COLREB"),
    # india_police_events (ipe-310), lower case: the BJP, which the dictionaries lacked
    ("o has been in touch with some vhp leaders. one formula being discussed, reportedly, is that "
     "the law ministry should request the supreme court to permit a part of the acquired land to "
     "be handed over the vhp before march 12. while the publicly stated priority is to check "
     "communal violence in gujarat, bjp ministers are apparently having to first prove their "
     "credentials with their own cadre.", "bjp", "INDGOVPTY"),
])
def test_bodies_the_dictionaries_lacked(actors_only, text, words, expected):
    assert code(actors_only, text, words, published="1990-01-01" if text.isupper() else
                "2002-03-02").code == expected


def test_an_upper_case_adjective_is_no_actor(actors_only):
    # MUC-3/4 (DEV-MUC3-0004): "MILITARY AID", tagged a proper noun, was coded as an army
    text = ("   THE FMLN OFFENSIVE BARED THE GENOCIDAL, ANTIPOPULAR, AND FASCIST NATURE OF\nTHE "
            "ALFREDO CRISTIANI REGIME TO SUCH AN EXTENT THAT IT PROMPTED A STRONG\nDEBATE IN THE "
            "UNITED STATES ON CUTTING MILITARY AID.  THE JESUITS' MURDERS\nAND THE BOMBINGS SO "
            "SHOOK THE INTERNATIONAL COMMUNITY")
    extraction = actors_only.extract(text)
    assert not any(a.text.startswith("MILITARY") for a in extraction.actors)


def test_mojibake_is_no_name(actors_only):
    # india_police_events (ipe-997): a mangled closing quote the recogniser took for a name
    text = ("out in strength on sunday to promote communal harmony. some sang songs and recited "
            "poems, while others condemned the recent outbursts of communal violence passionately. "
            "the venue was the sisir mancha auditorium. \u00e2\u20ac\u0153it is not enough to confine "
            "ourselves here. we must reach our message to the people,\u00e2\u20ac\ufffd was the "
            "common refrain.")
    assert not any("\u00e2" in a.text and not any(c.isascii() and c.isalpha() for c in a.text)
                   for a in actors_only.extract(text).actors)


def test_a_clandestine_radios_own_forces_are_the_rebels(actors_only):
    # MUC-3/4 (bench corpus, TST3-MUC4-0058): the FMLN's Radio Venceremos speaks of "our forces"
    text = ("CLANDESTINE, 14 NOV 89 (RADIO VENCEREMOS) -- [TEXT] TODAY, 14 NOVEMBER,\nNEW ATTACKS "
            "ARE TAKING PLACE AGAINST POSITIONS OF THE JOINT STAFF OF THE\nARMED FORCES.  THE PINK "
            "ZONE [LA ZONA ROSA] IS TURNING BLACK FOR THE ENEMY.\nOUR FORCES ARE CLASHING WITH THE "
            "ZACAMIL BATTALION.\n\n   WE HAVE A REPORT FROM THE CAPITAL SAYING THAT THIS AFTERNOON,"
            "\nFARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] FORCES WERE STRONGLY\nATTACKING")
    assert code(actors_only, text, "OUR FORCES", published="1989-11-14").code == "SLVREB"
    # the same words on a station that is no rebel's: the state's forces
    assert code(actors_only, text.replace("CLANDESTINE", "SAN SALVADOR"), "OUR FORCES",
                published="1989-11-14").code == "SLVMIL"


# india_police_events (Times of India, ipe-394, ipe-438), lower case: Phoenix lists India's
# states and towns as India's own names
MODI = ("ahmedabad: directly blaming pakistan for ongoing disturbances in gujarat, chief minister "
        "narendra modi accused media of \"making attempts to project gujarat as a violent and "
        "disturbed state\" and of \"conspiracy to remove people''s faith from the elected "
        "government.\" he was speaking at a meet with the representatives of the trade and "
        "industry with the government, organised here on tuesday, by the gujarat chamber of "
        "commerce and industry.")
DAIRY = ("lucknow: following the national dairy development board's (nddb) seal of quality "
         "certification on all milk and other products of a milk union in allahabad, uttar pradesh "
         "has joined the select club of states in the country to have ensured quality control in "
         "dairy products.")


def test_a_place_inside_a_state_is_no_party_unless_it_acts(actors_only):
    # "in gujarat", "project gujarat as": the place of the events, not India (was IND each time)
    extraction = actors_only.extract(MODI, published="2002-03-06")
    assert not any(a.text == "gujarat" for a in extraction.actors)
    # a body named after the state keeps its own sector (the place gives India, not GOV)
    assert code(actors_only, MODI, "chamber", published="2002-03-06").code == "INDBUS"
    # the subject acting as a polity: the state's government, as a capital stands for its state
    assert code(actors_only, DAIRY, "uttar pradesh", published="2002-03-11").code == "INDGOV"
    assert not any(a.text == "allahabad" for a in actors_only.extract(DAIRY).actors)


# india_police_events (ipe-918): a train named as Indian Railways name them
GODHRA = ("godhra: two more persons have been arrested in connection with the gruesome attack on "
          "sabarmati express at godhra station in gujarat on february 27 taking the total number "
          "of arrests in connection with the incident to 64, police said. irfan pado and kasim "
          "biryani were arrested on saturday from signal fadia area of godhra town and were on "
          "sunday produced before the railway judicial magistrate, who remanded them to police "
          "custody till april 6.")


def test_a_train_is_its_passengers_not_a_party(actors_only):
    # "sabarmati" alone was an uncoded organisation, the attack's target: now the train, whose
    # people an act done to it is done to (the state's civilians, as a place's people are)
    train = code(actors_only, GODHRA, "sabarmati express", published="2002-03-25")
    assert (train.text, train.code) == ("sabarmati express", "INDCVL")


# MUC-3/4 (bench corpus, DEV-MUC3-1253): titled officers the dictionaries lack, in a
# Salvadoran wire
OCHOA = ("SAN SALVADOR, 25 APR 90 (EL DIARIO DE HOY) -- [TEXT] THE HIGH COMMAND OF\nTHE ARMED "
         "FORCES IS ANALYZING NEWS REPORTS ABOUT COLONEL SIGIFREDO OCHOA\nPEREZ, PRESIDENT OF AN "
         "AUTONOMOUS INSTITUTION, HAVING SAID THAT THE OFFICER\nINVOLVED IN THE DEATH OF SIX "
         "JESUITS AND THEIR TWO MAIDS \"FOLLOWED ORDERS\nFROM ABOVE\".\n\n   DEFENSE MINISTER "
         "GENERAL RAFAEL HUMBERTO LARIOS CONFIRMED ON THE\nMORNING OF 24 APRIL THAT THE HIGH "
         "COMMAND IS ANALYZING OCHOA'S\nDECLARATIONS.")


def test_a_titled_unknown_person_takes_the_datelines_country(actors_only):
    # uncoded before: a titled person took only a state their own sentence names
    assert code(actors_only, OCHOA, "COLONEL SIGIFREDO", published="1990-04-25").code == "SLVMIL"
    assert code(actors_only, OCHOA, "DEFENSE MINISTER GENERAL", published="1990-04-25").code \
        == "SLVMIL"


def test_the_temple_movements_volunteers_are_hindu_activists(actors_only):
    # india_police_events (ipe-390): "kar sevaks" was an uncoded name ("kar")
    text = ("This story is from March 3, 2002\n\nmumbai: eighty-one kar sevaks were arrested by "
            "the railway police while they were boarding the lucknow-bound pushpak express from "
            "cst on saturday morning. the kar sevaks, eight of them women, belonged to the vishwa "
            "hindu parishad (vhp) and the bjp, and were on their way to ayodhya.according to the "
            "police, the activists waved saffron flags and chanted slogans supporting the "
            "construction of a ram temple at ayodhya. after being held, the group was served a "
            "notice, warned and released.addressing newspersons, deputy chief minister chhagan "
            "bhujbal said that the police had arrested the kar sevaks on the instructions of the "
            "central government.")
    assert code(actors_only, text, "the kar sevaks", published="2002-03-03").code == "INDHIN"


def test_a_place_inside_a_state_naming_a_body_stays_the_bodys_state(actors_only):
    # india_police_events (ipe-938): the body is the state's, whatever the place alone is
    text = ("This story is from March 25, 2002\n\nahmedabad: gujarat secondary education board has "
            "advised school principals in the state to conduct and complete 8, 9 and 11th "
            "standard exams before april 15. however, in a statement issued here on sunday board "
            "secretary g k patel added that examinations can be conducted till april 25 depending "
            "upon the situation and convenience of schools. a time table for schools desirous of "
            "conducting class xi (science stream) exams on the question papers set by the board "
            "was also proposed by him.")
    board = code(actors_only, text, "gujarat secondary", published="2002-03-25")
    assert (board.text, board.code) == ("gujarat secondary education board", "IND")


def test_a_company_the_dictionaries_lack_is_business(actors_only):
    # Reuters (reuters-22, reuters-25): firms were uncoded names, or their state alone
    text = ("Magma Copper Co, a subsidiary of Newmont\nMining Corp, said it is cutting its copper "
            "cathode price by 0.75 cent to 66 cents a lb, effective immediately.")
    assert code(actors_only, text, "Magma Copper Co", published="1987-02-26").code == "BUS"
    text = ("Shearson Lehman Brothers, a unit of American Express Co <AXP>, said Robert Stearns "
            "has joined the company as managing director of its merger and acquisition "
            "department.")
    assert code(actors_only, text, "American Express Co", published="1987-02-26").code == "USABUS"
    # bbc-tech-368: "firm" names a company as "company" does ("Arbor Networks" was uncoded)
    text = ("The creation of the fingerprinting system has been brokered by US firm Arbor Networks "
            "and signatures of attacks will be passed to anyone suffering under the weight of an "
            "attack.")
    assert code(actors_only, text, "US firm Arbor", published="2005-03-01").code == "USABUS"


def test_a_british_party_leader_is_his_partys(actors_only):
    # bbc-politics-013, reuters-6190: the party gives its leader GBR and government or opposition
    text = ("Tory leader Michael Howard has gone on the offensive in response to people "
            "questioning how a son of immigrants can propose asylum quotas.")
    assert code(actors_only, text, "Tory leader", published="2005-02-10").code == "GBROPPPTY"
    text = ("Labour leader Neil Kinnock called it \"a bribes budget.\"     Kinnock said the budget "
            "\"had little to do with the general good\".")
    assert code(actors_only, text, "Labour leader", published="1987-03-17").code == "GBROPPPTY"


def test_indian_parties_and_rights_bodies_in_lower_case(actors_only):
    # india_police_events (ipe-24, ipe-858): acronyms of parties and bodies the dictionaries lack
    text = ("new delhi: in view of the volatile political situation confronting the country, the "
            "ruling national democratic alliance (nda) may look for a successor to lok sabha "
            "speaker g m c balayogi, who died in a helicopter crash in andhra pradesh sunday "
            "morning, from within the telugu desam party (tdp) to maintain the delicate political "
            "equilibrium at the centre.\n\nthis is because of the pivotal role of the tdp, which "
            "is the second largest party supporting the ruling nda.")
    assert code(actors_only, text, "the tdp, which", published="2002-03-04").code == "INDPTY"
    text = ("This story is from March 20, 2002\n\nahmedabad: chairman of the national human "
            "rights commission justice j s verma on wednesday said that he would talk to as many "
            "people as possible before arriving at a conclusion on the violence that rocked parts "
            "of gujarat in the aftermath of the attack on sabarmati express on february 27 at "
            "godhra. \"i am a judge. therefore, i would prefer to meet both the sides (victims, "
            "state government officials and others) before coming to any conclusion,\" he told "
            "reporters here. he refused to comment when asked whether the nhrc was satisfied "
            "with the state government''s preliminary report on the violence in response to its "
            "march one notice.")
    assert code(actors_only, text, "the nhrc was", published="2002-03-20").code == "INDGOVHRI"


def test_a_police_force_named_by_plain_words_is_the_datelines(actors_only):
    # muc34 (DEV-MUC3-0674): "THE TREASURY POLICE" was a named body of unknown country
    text = ("SAN SALVADOR, 11 NOV 89 (RADIO CADENA YSKL) -- [REPORT] [RENE\nHURTADO] [TEXT] AN "
            "ATTACK AGAINST THE NATIONAL POLICE AT CUSCATANCINGO\nBEGAN APPROXIMATELY 15-20 "
            "MINUTES AGO.\n\n   WE HAVE ALSO BEEN TOLD THAT THE CIVIL DEFENSE COMMAND IN EL "
            "PLAN\nDEL PITO HAS NOT BEEN ATTACKED. HOWEVER, THERE WAS A CLASH BETWEEN\nTHE "
            "TREASURY POLICE AND FMLN URBAN GUERRILLAS WHO WERE WEARING MASKS.")
    assert code(actors_only, text, "TREASURY POLICE", published="1989-11-11").code == "SLVCOP"


# india_police_events (Times of India), lower case: spaCy's recogniser finds few names, so the
# dictionary, titles and word lists carry the actors (issue #5)
AIBMAC = ("This story is from March 10, 2002\n\nlucknow: the all-india babri masjid action "
          "committee (aibmac) has sought a ban on vhp-sponsored march 15 programme at the acquired "
          "land in ayodhya. holding a state-level meeting on saturday, aibmac convenor jafrayab "
          "jilani said that the proposed ‘bhoomi pujan’, even if it was symbolic, would be in "
          "violation of the supreme court status quo order. about 60 members from aibmac district "
          "units, including mathura and varanasi, participated in the lucknow meeting. the meeting "
          "also discussed a demand for permission to muslims to “offer namaz and re-building babri "
          "mosque” since the same concessions were proposed to be given to the majority community "
          "members. “if permission was granted then we will be left with no alternative than to "
          "move the supreme court seeking a ban on their programmes,” warned jilani charging the "
          "central government with not fulfilling its constitutional duties.")


def test_a_title_before_a_name_makes_a_person_in_lower_case(actors_only):
    # ipe-11: spaCy called "aibmac convenor jafrayab jilani" an organisation, and the later bare
    # "jilani" a Pakistani official the dictionary lists
    convenor = code(actors_only, AIBMAC, "jafrayab", published="2002-03-10")
    assert (convenor.kind, convenor.name) == ("person", "jafrayab jilani")
    assert code(actors_only, AIBMAC, "jilani charging", published="2002-03-10").id == convenor.id
    # ipe-338: Phoenix lists Ashok Singhal as a stateless organisation (NGOHINRAD); with his
    # title he is a person, of the VHP his title names
    text = ("ayodhya: prohibitory orders notwithstanding, devotees chanting hymns and dancing to the "
            "tunes of devotional songs, on tuesday took out the traditional shiv baraat here amid "
            "tight security. vhp president ashok singhal made a dramatic appearance during the "
            "procession and garlanded the person acting as lord shankar riding nandi. in a brief "
            "speech, he said the procession reflected the peace that prevails in the city belying "
            "the administration''s claims.")
    singhal = code(actors_only, text, "vhp president", published="2002-03-13")
    assert (singhal.kind, singhal.code) == ("person", "INDRADHIN")


def test_a_committee_named_for_a_state_is_an_organisation(actors_only):
    # ipe-11: the committee was the state India itself
    committee = code(actors_only, AIBMAC, "babri masjid action", published="2002-03-10")
    assert (committee.text, committee.kind, committee.code) == (
        "the all-india babri masjid action committee", "organisation", "IND")


def test_a_later_bare_surname_is_the_person_named_in_full(actors_only):
    # ipe-341: "vajpayee", which the recogniser misses, was an uncoded group of the events stage
    text = ("new delhi: prime minister atal bihari vajpayee on saturday said the government will "
            "abide by the supreme court''s directions on the vhp''s programme to carry out bhoomi "
            "puja near the disputed site in ayodhya on march 15. \"swamiji came from far-away "
            "kanchi as a messenger of peace. i am happy that representatives of the muslim "
            "community had candid talks with him,\" he said. terming the change in vhp''s stand on "
            "the disputed site as a \"big development\", vajpayee urged the muslim community to "
            "appreciate its great significance.")
    first = code(actors_only, text, "prime minister atal", published="2002-03-09")
    later = code(actors_only, text, "vajpayee urged", published="2002-03-09")
    assert (later.id, later.code, later.kind) == (first.id, "INDGOV", "person")
    community = code(actors_only, text, "the muslim community to", published="2002-03-09")
    assert (community.kind, community.code) == ("group", "INDCVL")  # a community is many


def test_kar_sevaks_counted_in_a_story_from_ayodhya(actors_only):
    # ipe-686: no state named, the dateline's town gives India to the temple's volunteers, as to
    # its police; "so far" is not part of the figure ("far 2500 kar sevaks")
    text = ("ayodhya: chanting hymns, kar sevaks on tuesday took out a march from one camp to "
            "another in the holy city, violating prohibitory orders for the second day running. "
            "carrying banners and raising slogans, nearly 300 kar sevaks, mostly women, took out "
            "the march from kar sevak puram to ram sevak puram covering a distance of one-km. "
            "when police tried to persuade them not to take out the march, they moved in batches "
            "of four but regrouped after some distance. they said so far 2500 kar sevaks had been "
            "\"transported\" out by the state administration since the suspension of train "
            "services.")
    assert code(actors_only, text, "nearly 300", published="2002-03-05").code == "INDHIN"
    moved = code(actors_only, text, "2500 kar", published="2002-03-05")
    assert (moved.text, moved.code) == ("2500 kar sevaks", "INDHIN")


def test_congress_in_an_indian_story_is_the_party(actors_only):
    # ipe-31: India's legislature is Parliament; "congress" was INDLEG and "congress leaders"
    # INDGOV, in 2002 the opposition's
    text = ("This story is from March 2, 2002\n\ngandhinagar: chief minister narendra modi has "
            "told 50-odd congressmen led by their leaders amarsinh chaudhary, naresh raval and "
            "shankersinh vaghela on friday, it was difficult to deploy more army in ahmedabad and "
            "other carnage-affected areas. he also rejected the congress demand to hand over "
            "ahmedabad to the army. congress leaders held the view that flag march was just not "
            "enough, and unless the army was given a free hand, the situation in ahmedabad could "
            "not be controlled. congress president sonia gandhi also expressed this to prime "
            "minister a b vajpayee.")
    assert code(actors_only, text, "congress leaders", published="2002-03-02").code == "INDOPPPTY"
    assert code(actors_only, text, "congress president", published="2002-03-02").code \
        == "INDOPPPTY"
    # ipe-668: a party's government is the state's
    text = ("kolkata: senior bjp leader k r malkani on sunday said there was no inaction on part "
            "of gujarat government during the recent communal flare up. comparing the recent "
            "riots with those witnessed in the western indian state in 1969, malkani said that the "
            "then congress government could not contain the violence for 20 days.")
    assert code(actors_only, text, "the then congress", published="2002-03-10").code == "INDGOV"


def test_the_nationalist_congress_party_is_not_the_congress(actors_only):
    # india_police_events (ipe-226): "congress party" inside its name made it the Indian National
    # Congress (INDOPPPTY in 2002); its state president is its own, not a government's
    text = ("This story is from March 3, 2002\n\nlucknow: the nationalist congress party has urged "
            "the governor to call an all-party meet to set up a fact finding committee which may go "
            "to ayodhya to have a first hand knowledge of the situation there. in a letter sent to "
            "the governor on saturday, state ncp president siraj mehndi has said that security "
            "arrangements may be made on the basis of the recommendations of this committee so "
            "that december 6, 1992 incident may not be repeated. mehndi has accused the bjp for the "
            "ugly situation created due to the vhp’s action in ayodhya.")
    party = code(actors_only, text, "the nationalist congress", published="2002-03-03")
    assert (party.text, party.code) == ("the nationalist congress party", "INDPTY")
    assert code(actors_only, text, "mehndi has accused", published="2002-03-03").code == "INDPTY"


def bench_text(data, article_id: str) -> str:
    import gzip
    import json

    with gzip.open(data / "corpora" / "bench_articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        return next(r["text"] for r in map(json.loads, lines) if r["id"] == article_id)


def test_a_name_codes_its_agent_through_plain_modifier_words(actors_only, data):
    # india_police_events (bench corpus): the party or body, not a government (INDGOV)
    text = bench_text(data, "ipe-398")  # "said bjp state chief kalraj mishra"
    assert code(actors_only, text, "state chief kalraj", published="2002-03-05").code == "INDGOVPTY"
    text = bench_text(data, "ipe-374")  # "declared purshottam narain singh, vhp state president"
    assert code(actors_only, text, "state president.", published="2002-03-05").code \
        == "INDRADHIN"


@pytest.mark.parametrize("words, expected", [
    ("the Scottish National Party", "GBROPPPTY"), ("Lib Dems welcomed", "GBROPPPTY"),
    ("UK Independence Party", "GBROPPPTY"), ("an MEP", "GBRLEG")])
def test_britains_smaller_parties_and_meps(actors_only, words, expected):
    # BBC News politics (bbc-politics-098, -085, -157), 2004-2005
    text = ("But the Scottish National Party called on ministers to reassure people that enough "
            "funding is in place to support the free personal care policy. Tories and Lib Dems "
            "welcomed the report and called for a \"slimming down\". Mr Kilroy-Silk, an MEP for "
            "the East Midlands, resigned the UK Independence Party whip in the European "
            "Parliament in October, after criticising UKIP and stating his ambition to be leader.")
    assert code(actors_only, text, words, published="2005-01-10").code == expected


def test_a_surname_after_the_full_name_is_that_person_not_the_dictionarys(actors_only):
    # bbc-politics-164: "Mr McConnell" was Michael McConnell, the US intelligence director
    text = ("The figures came out during a statement by Jack McConnell to the Scottish Parliament "
            "on Wednesday. He formally expressed Scotland's sympathy for the victims of the Indian "
            "Ocean tidal wave which killed 150,000. Mr McConnell went on to promise that Scotland "
            "would play its part in the reconstruction effort.")
    mr = code(actors_only, text, "Mr McConnell", published="2005-01-05")
    assert (mr.text, mr.code) == ("Jack McConnell", None)


def test_a_quoted_name_before_a_noun_names_a_thing(actors_only, data):
    # MUC-3 (bench corpus): 'A UC-ELN "NELSON MANDELA" COMMAND GROUP' is not he (ZAFELI)
    extraction = actors_only.extract(bench_text(data, "DEV-MUC3-1110"))
    assert not [a for a in extraction.actors if "MANDELA" in a.text]


def test_company_officers_and_the_bbc(actors_only):
    # BBC News (bbc-business-414, bbc-politics-137): "officer" alone is military; Phoenix codes
    # the BBC MED without its state
    text = ("Neither does it cover Andrew Fastow, who has pleaded guilty to taking part in an "
            "illegal conspiracy while he was chief financial officer at the group.")
    assert code(actors_only, text, "chief financial", published="2005-01-07").sector == "BUS"
    text = ("Tom Heap, BBC rural affairs correspondent, said it appeared that hunstman had, for "
            "now, been sticking to the new rules.")
    assert code(actors_only, text, "BBC rural", published="2005-02-19").code == "GBRMED"


def test_a_hindi_place_head_makes_a_place_not_an_actor(actors_only, data):
    # india_police_events (bench corpus, ipe-38): "took out the march this morning from ''kar
    # sevak puram'', a camp set up for them, to another camp ''ram sevak puram''": camps, not
    # kar sevaks (INDHIN); the marchers still are
    text = bench_text(data, "ipe-38")
    extraction = actors_only.extract(text, published="2002-03-01")
    assert [a.text for a in extraction.actors if "sevak" in a.text and "sevaks" not in a.text] == []
    assert code(actors_only, text, "the kar sevaks, assembled").code == "INDHIN"


def test_a_pronoun_skips_a_person_of_the_other_gender(actors_only, data):
    # BBC News (bench corpus): "she" was the last person named whatever the gender
    text = bench_text(data, "bbc-politics-166")  # "Mr Blunkett talked about how he fell in love
    extraction = actors_only.extract(text)  # - but that she resisted his desire to go public"
    at = text.index("she resisted")
    she = next(a for a in extraction.actors if a.span[0] == at)
    assert first_mention(extraction, she.id).name == "Kimberly Quinn"  # was David Blunkett
    text = bench_text(data, "bbc-politics-089")  # Ms Sturgeon said: "... Mr McLetchie and I'm
    extraction = actors_only.extract(text)  # sure he will be reflecting on it." She added ...
    at = text.index("She added")
    she = next(a for a in extraction.actors if a.span[0] == at)
    assert first_mention(extraction, she.id).name == "Nicola Sturgeon"  # was David McLetchie


def test_a_bare_surname_is_the_namesake_in_office_at_the_date(actors_only, data):
    # MUC-3/4 (bench corpus, DEV-MUC3-0829) and Reuters (reuters-20860): three dictionary
    # people are called Bush; in 1989 and 1987 only George Bush held an office (George W. and
    # Mckeeva Bush were ELI), and "BUSH" was uncoded
    text = '"WE SUPPORT PRESIDENT CRISTIANI AND HIS EFFORTS TO RESTORE ORDER,"\nBUSH SAID.'
    assert code(actors_only, text, "BUSH", published="1989-11-21").code == "USAGOV"
    text = ('"Our economy has recovered to\nbe the strongest in history," Bush said in reference '
            "to the\nrecovery from the 1981-82 recession.")
    assert code(actors_only, text, "Bush", published="1987-10-19").code == "USAGOV"
    # Phoenix lists "U.S. PRESIDENT GEORGE BUSH" under George W. Bush only (DEV-MUC3-0110):
    # in 1989 his father's (was USAELI)
    text = bench_text(data, "DEV-MUC3-0110")
    assert code(actors_only, text, "U.S. PRESIDENT GEORGE BUSH", published="1989-03-09").code \
        == "USAGOV"
    # Perez is many dictionary people's surname: not Venezuela's president of 1990
    text = "COLONEL SIGIFREDO OCHOA\nPEREZ, PRESIDENT OF AN AUTONOMOUS INSTITUTION, SAID."
    perez = code(actors_only, text, "PEREZ", published="1990-04-25")
    assert not (perez.code or "").startswith("VEN")


def test_a_shadow_office_is_the_oppositions(actors_only, data):
    # BBC News (bench corpus, bbc-politics-153, -081): a Westminster "shadow" minister is the
    # opposition's (was GBRGOV)
    text = bench_text(data, "bbc-politics-153")
    assert code(actors_only, text, "Conservative shadow home secretary",
                published="2005-02-01").code == "GBROPP"
    text = bench_text(data, "bbc-politics-081")  # "The shadow cabinet revealed its support"
    assert code(actors_only, text, "The shadow cabinet", published="2005-02-01").code == "GBROPP"


def test_a_party_codes_its_leader_through_an_unknown_name(actors_only, data):
    # BBC News (bench corpus, bbc-politics-098): "SNP Holyrood leader Nicola Sturgeon": the SNP
    # hung on "Holyrood" (a name the dictionaries lack) and the leader was GBRGOV, an
    # organisation (spaCy's ORG); "Ms Sturgeon" was another, uncoded person
    text = bench_text(data, "bbc-politics-098")
    leader = code(actors_only, text, "SNP Holyrood leader", published="2005-02-01")
    assert (leader.code, leader.kind) == ("GBROPPPTY", "person")
    assert code(actors_only, text, "Ms Sturgeon", published="2005-02-01").id == leader.id


def test_a_later_surname_with_an_honorific_or_short_title(actors_only, data):
    # BBC News (bench corpus, bbc-politics-336): "Mr Blair" is Tony Blair (was an uncoded
    # person of its own); MUC-3/4 (DEV-MUC3-1013): "COL PONCE" is "COLONEL RENE EMILIO PONCE"
    text = bench_text(data, "bbc-politics-336")
    assert code(actors_only, text, "Mr Blair", published="2005-02-01").code == "GBRGOV"
    text = bench_text(data, "DEV-MUC3-1013")
    assert code(actors_only, text, "COL PONCE", published="1989-11-20").code == "SLVMIL"


def test_a_full_name_is_not_an_earlier_namesake(actors_only, data):
    # india_police_events (bench corpus, ipe-161): "narayan desai, son of mahadev desai": spaCy
    # read "desai" alone as the son's name, and the father was linked to him
    text = bench_text(data, "ipe-161")
    extraction = actors_only.extract(text, published="2002-03-12")
    father = next(a for a in extraction.actors if a.text == "mahadev desai")
    assert father.refers_to is None


def test_a_religious_communitys_leaders(actors_only, data):
    # india_police_events (bench corpus, ipe-497): "the respected muslim leader", "other local
    # hindu leaders" are the communities' (INDMUS, INDHIN), not the state's (INDGOV)
    text = bench_text(data, "ipe-497")
    assert code(actors_only, text, "the respected muslim leader", published="2002-03-12").code \
        == "INDMUS"
    assert code(actors_only, text, "other local hindu leaders", published="2002-03-12").code \
        == "INDHIN"


def test_latin_american_armed_groups_and_parties_of_1990(actors_only, data):
    # MUC-3/4 (bench corpus, DEV-MUC3-1122, -0953, -1021): groups the Phoenix dictionaries lack
    # (curated rows), uncoded before
    text = bench_text(data, "DEV-MUC3-1122")
    assert code(actors_only, text, "THE M-19 OCCUPIED", published="1990-02-17").code == "COLREB"
    text = bench_text(data, "DEV-MUC3-0953")
    assert code(actors_only, text, "THE URNG ASKED", published="1989-12-08").code == "GTMREB"
    text = bench_text(data, "DEV-MUC3-1021")
    assert code(actors_only, text, "THE FPMR PROMOTES", published="1989-12-21").code == "CHLREB"


def test_a_body_after_the_is_no_title_of_the_next_name(actors_only, data):
    # BBC News (bench corpus, bbc-politics-299): "Sources within the Conservative Party told the
    # BBC Michael Howard has always been in favour of ID cards" (was one garbage person, GBRMED)
    text = bench_text(data, "bbc-politics-299")
    howard = code(actors_only, text, "Michael Howard has always")
    assert (howard.text, howard.code) == ("Michael Howard", None)


def test_a_pronoun_with_mentions_of_both_genders(actors_only, data):
    # BBC News (bench corpus, bbc-politics-239): "Police Federation chairman Jan Berry" and
    # "Ms Berry": "She said more powers would mean more paperwork" is she (was unresolved)
    text = bench_text(data, "bbc-politics-239")
    extraction = actors_only.extract(text)
    at = text.index("She said more powers")
    she = next(a for a in extraction.actors if a.span[0] == at)
    assert first_mention(extraction, she.id).name == "Jan Berry"
