"""The actor dictionary: the converted Phoenix data and the curated updates."""

from __future__ import annotations

from datetime import date

from eventwire.resources.actors import actor_dictionary, split_code


def entry(name: str):
    book = actor_dictionary()
    return book.entries[book.names[name][0]]


def test_lavrov_is_foreign_minister_from_2004():
    lavrov = entry("sergei lavrov")
    assert lavrov.kind == "person"
    assert lavrov.code_at(date(2016, 12, 9)) == "RUSGOV"
    assert any(r.start == date(2004, 3, 9) and r.end is None for r in lavrov.roles)


def test_kerry_is_a_legislator_then_secretary_of_state_then_out_of_office():
    kerry = entry("john kerry")
    assert kerry.code_at(date(2010, 1, 1)) == "USAGOVLEG"
    assert kerry.code_at(date(2014, 1, 1)) == "USAGOV"
    closed = [r for r in kerry.roles if r.code == "USAGOV" and r.start == date(2013, 2, 1)]
    assert closed and closed[0].end == date(2017, 1, 20)  # closed by actors_updates.csv


def test_curated_people_and_codes():
    assert entry("jan egeland").code_at(date(2016, 12, 9)) == "IGOUNO"
    assert entry("josh earnest").code_at(date(2016, 12, 9)) == "USAGOV"
    observatory = entry("syrian observatory for human rights")
    assert observatory.kind == "organisation"
    assert observatory.code_at(date(2016, 12, 9)) == "SYRNGO"


def test_states_and_cities():
    book = actor_dictionary()
    assert entry("syrian").kind == "state" and entry("syrian").name == "Syria"
    assert book.names["u.s."][0] == book.names["united states"][0]  # one token, as spaCy has it
    assert book.names["aleppo"][1] is True  # a city: the state only by metonymy
    assert book.names["syria"][1] is False


def test_agents():
    agents = actor_dictionary().agents
    assert agents["army"].sector == "MIL"
    assert agents["rebel"].sector == "REB"
    assert agents["civilian"].sector == "CVL"
    assert agents["police"].sector == "COP"
    assert agents["monitor"].sector == "NGO"
    assert agents["official"].kind == "person"


def test_split_code():
    assert split_code("SYRMIL") == ("SYR", "MIL")
    assert split_code("IGOUNO") == (None, "IGO")
    assert split_code("RUS") == ("RUS", None)
    assert split_code("SCGSRB") == ("SRB", None)
    assert split_code(None) == (None, None)


def test_a_bracketed_acronym_of_the_initials_is_a_name():
    # "LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)"; not a disambiguating place ("(COLOMBIA)")
    assert entry("ltte").code_at(date(2000, 1, 1)) == "LKAREB"
    assert "colombia" not in actor_dictionary().names or entry("colombia").kind == "state"


def test_an_undated_role_gives_way_to_the_office_held():
    assert entry("kofi annan").code_at(None) == "IGOUNO"
    assert entry("kofi annan").code_at(date(2010, 1, 1)) == "ELI"


def test_a_region_of_a_state_is_no_sector():
    assert split_code("PSEGZA") == ("PSE", None)  # Gaza
    assert split_code("RUSCNYREB") == ("RUS", "REB")  # Chechen rebels
