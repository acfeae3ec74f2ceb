"""The event ontology: the CAMEO -> PLOVER table and the verb dictionary, as shipped."""

from __future__ import annotations

from eventwire.resources.ontology import (PLOVER_TYPES, plover_contexts, plover_modes, plover_of,
                                          synonyms, triggers)


def test_cameo_codes_map_to_plover_types_modes_and_contexts():
    assert (plover_of("0871").type, plover_of("0871").mode) == ("RETREAT", "ceasefire")
    assert plover_of("0863").context == "humanitarian"
    assert plover_of("195").type == "ASSAULT"
    assert plover_of("19").type == "ASSAULT"  # a bare root takes its general code


def test_statements_are_not_events_and_appeals_are_requests():
    assert plover_of("010") is None and plover_of("0124") is None
    # an appeal is PLOVER's REQUEST (as the matching 10 "demand" code) but keeps its own
    # CAMEO code beside it: CAMEO coders (PETR2-GSR, ConfliBERT's PentaClass) tell them apart
    appeal = plover_of("0256")
    assert appeal.type == "REQUEST" and appeal.mode == plover_of("1056").mode
    assert appeal.cameo == "0256"


def test_every_mapped_type_is_one_of_the_sixteen():
    assert {plover_of(code).type for code in ("030", "040", "050", "060", "070", "084", "090",
                                              "100", "120", "130", "140", "150", "160", "170",
                                              "180", "080")} == set(PLOVER_TYPES)
    assert "ceasefire" in plover_modes()["RETREAT"]
    assert "humanitarian" in plover_contexts()


def test_the_verb_dictionary_knows_its_verbs_and_synonym_sets():
    table = triggers()
    assert table[("kill", "VERB")].default == "190"
    assert table[("accuse", "VERB")].default == "112"
    assert "truce" in synonyms("&CEASEFIRE")
    assert table[("attack", "NOUN")].needs == "modifier"
