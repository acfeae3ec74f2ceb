"""The CAMEO view of an extraction: events plus attributed statements (010)."""

from __future__ import annotations

from eventwire.cameo import STATEMENT, cameo_events


def test_an_attributed_statement_without_an_event_is_cameo_010_by_its_speaker(pipeline):
    # CAMEO pilot round sentence (its coders: 01, make public statement); no act is reported
    x = pipeline.extract("HONG KONG, March 21 (Xinhua) -- Carrie Lam, the chief executive of the "
                         "Hong Kong Special Administrative Region (HKSAR), said on Saturday that "
                         "she was confident that Hong Kong will thrive.")
    assert not x.events  # PLOVER: a statement is a quote, not an event
    coded = cameo_events(x)
    assert [c.code for c in coded] == [STATEMENT]
    statement = coded[0]
    assert statement.trigger.text == "said" and statement.quote is not None
    assert "Carrie Lam" in x.by_id(statement.source[0]).text


def test_a_statement_reporting_an_act_is_that_act_in_cameo_too(pipeline):
    # PETR2-GSR dev record (gold: 084 only): the reported release is coded, the "said" is not
    x = pipeline.extract("Israel on Wednesday released the mayor of the northern West Bank city "
                         "of Nablus, a member of the Islamist Hamas movement jailed over a year "
                         "ago, Palestinian security officials said.")
    coded = cameo_events(x)
    assert coded[0].code == "084"
    assert all(c.code != STATEMENT for c in coded)


def test_a_statement_is_directed_at_the_actor_its_words_name(pipeline):
    # ConfliBERT train sentence (class 0, statement): source the speaker, target the one other
    # coded actor named in what was said
    x = pipeline.extract("Brazilian President Michel Temer told that there's a deep concern in "
                         "Brazil with the escalation of military conflict in Syria.")
    statement = cameo_events(x)[0]
    assert statement.code == STATEMENT
    assert x.by_id(statement.source[0]).text == "Brazilian President Michel Temer"
    assert [x.by_id(i).text for i in statement.target] == ["Brazil"]


def test_an_uncoded_speaker_makes_no_statement(pipeline):
    # no actor, no event (PETRARCH's rule): an unknown speaker's words are not a CAMEO event
    x = pipeline.extract("\"We will keep going,\" said a man who gave his name as Ahmed.")
    assert all(c.code != STATEMENT for c in cameo_events(x))


def test_an_act_in_a_denied_accusation_is_the_denial_by_the_denier_of_the_accuser(pipeline):
    # ConfliBERT train sentence (statement; its coders: source the foreign ministry, target
    # Netanyahu): PLOVER keeps the alleged attack, claimed by Netanyahu; CAMEO codes the denial
    # (016; PETRARCH2's dictionary: REJECT ACCUSATION)
    x = pipeline.extract("Iran's foreign ministry on Monday strongly rejected accusations by "
                         "Netanyahu that Tehran was behind the attack on the Israeli-owned ship.")
    denial = cameo_events(x)[0]
    assert denial.code == "016" and denial.event is not None
    assert [x.by_id(i).text for i in denial.source] == ["Iran's foreign ministry"]
    assert [x.by_id(i).text for i in denial.target] == ["Netanyahu"]
    assert x.by_id(denial.event).status == "claimed"  # the event itself keeps the act's roles
