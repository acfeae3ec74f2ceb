"""The events stage on real sentences: the seed article, PLOVER/CAMEO gold records, news."""

from __future__ import annotations

import pytest

from eventwire.evaluate import parity_split
from eventwire.evaluate.events import (_score_cameo_records, extract_sentences, load_jsonl,
                                       main_event, penta_class)
from eventwire.extract.events import date_precision
from eventwire.ingest.jsonl import read_jsonl


def extract(pipeline, text):
    return pipeline.extract(text)


def codes(extraction, ids):
    found = set()
    for actor_id in ids:
        actor = extraction.by_id(actor_id)
        while actor is not None and actor.refers_to:
            actor = extraction.by_id(actor.refers_to)
        if actor is not None and actor.code:
            found.add(actor.code)
    return found


def only(extraction, type_):
    found = [e for e in extraction.events if e.type == type_]
    assert found, f"no {type_} event in {[(e.type, e.trigger.text) for e in extraction.events]}"
    return found[0]


def test_a_passive_takes_its_source_from_the_by_phrase(pipeline):
    # dated: undated text is coded today, when the Taliban govern (actors_updates.csv)
    x = pipeline.extract("Three Afghan soldiers were killed by Taliban fighters in Helmand "
                         "on Monday.", published="2015-06-01")
    event = only(x, "ASSAULT")
    assert event.trigger.text == "killed"
    assert any(code.endswith("REB") for code in codes(x, event.source))
    assert any(code.endswith("MIL") for code in codes(x, event.target))


def test_killed_in_government_fire_makes_the_government_the_source(pipeline):
    x = extract(pipeline, "At least 384 civilians, including 45 children, have been killed in "
                          "government fire on east Aleppo since the operation began.")
    event = only(x, "ASSAULT")
    assert event.trigger.text == "killed"
    sources = [x.by_id(i).text for i in event.source]
    assert any("government" in s for s in sources)


def test_a_passive_act_aimed_at_someone_keeps_its_owner_and_target(pipeline):
    # ConfliBERT train (gold: source UN, target Iran)
    x = extract(pipeline, "UN sanctions against Iran were lifted on 16 January 2016.")
    event = only(x, "RETREAT")
    assert [x.by_id(i).text for i in event.source] == ["UN"]
    assert codes(x, event.target) == {"IRN"}


def test_a_capital_as_the_object_is_its_government_a_town_reached_otherwise_its_people(pipeline):
    # ConfliBERT train (gold target: Washington); the PLOVER records' readme: a capital as
    # the direct object is GOV, otherwise CVL
    x = extract(pipeline, "China's foreign minister has urged Washington to lift sanctions and "
                          "to stop interfering in the country's internal affairs.")
    event = only(x, "REQUEST")
    assert codes(x, event.target) == {"USAGOV"}
    x = extract(pipeline, "The National Highway Traffic Safety Administration is dispatching a "
                          "team to Detroit to investigate a collision involving a Tesla.")
    assert codes(x, x.events[0].target) == {"USACVL"}


def test_a_counterpart_or_rival_named_by_a_possessive_is_another_party(pipeline):
    x = extract(pipeline, "Syria's foreign minister met his Turkish counterpart in Ankara.")
    event = only(x, "CONSULT")
    assert codes(x, event.target) == {"TURGOV"}
    # what the subject owns is still no target
    x = extract(pipeline, "Ethiopia withdrew its troops from Somalia.")
    assert codes(x, only(x, "RETREAT").target) == {"SOM"}


def test_where_an_act_is_done_is_no_second_target(pipeline):
    # ConfliBERT train (gold target: "the military in Mindanao", one span)
    x = extract(pipeline, "AFP will investigate any reports of human-rights violations being "
                          "committed by the military in Mindanao.")
    assert [x.by_id(i).text for i in x.events[0].target] == ["the military"]


def test_a_rejected_plan_points_at_its_author_and_an_expulsion_at_the_expelling_state(pipeline):
    x = extract(pipeline, "A peace plan proposed by Egypt was rejected by Hamas.")
    event = only(x, "REJECT")
    assert codes(x, event.target) == {"EGY"}
    x = extract(pipeline, "An American journalist was expelled from Iran.")
    event = only(x, "COERCE")
    assert codes(x, event.source) == {"IRN"}


def test_examples_after_like_are_the_target(pipeline):
    # ConfliBERT train (gold target: "valued partners like Saudi Arabia")
    x = extract(pipeline, "President Bush urged valued partners like Saudi Arabia to move "
                          "toward freedom.")
    assert codes(x, only(x, "REQUEST").target) == {"SAU"}


def test_a_town_shelled_is_the_target_though_victims_are_named(pipeline):
    x = extract(pipeline, "Israeli jets struck Beirut, killing 12 civilians.")
    event = only(x, "ASSAULT")
    assert codes(x, event.target) == {"LBNCVL"}


def test_a_protest_is_aimed_at_whom_it_demands_of_not_where_it_marches(pipeline):
    x = extract(pipeline, "Thousands of students demonstrated in Jakarta on Monday demanding "
                          "the resignation of President Suharto.")
    event = only(x, "PROTEST")
    assert codes(x, event.target) == {"IDNGOV"}


def test_negated_action(pipeline):
    x = extract(pipeline, "Israel did not attack the Syrian convoy, the army said.")
    event = only(x, "ASSAULT")
    assert event.status == "negated"


def test_a_refusal_is_coded_as_reject(pipeline):
    x = extract(pipeline, "Syria says it will not accept any more refugees if war starts "
                          "in Iraq.")
    event = only(x, "REJECT")
    assert event.cameo.startswith("12")
    assert codes(x, [event.claimed_by]) == {"SYR"}


def test_announced_talks_are_the_speakers_intent_claimed(pipeline):
    # the statement of intent is the event (036), made as reported: claimed by its speaker
    # (the seed 20 and 21 hand checks count planned wrong for an intent coded as one)
    x = extract(pipeline, "Lavrov meanwhile announced that US-Russia military and diplomatic "
                          "discussions would take place in Geneva on Saturday.")
    event = only(x, "AGREE")
    assert (event.trigger.text, event.cameo, event.status) == ("discussions", "036", "claimed")
    assert "Lavrov" in x.by_id(event.claimed_by).text


def test_a_call_for_a_ceasefire_is_a_request_to_the_urged(pipeline):
    x = extract(pipeline, "Lavrov's announcement came after six western countries including "
                          "the United States called for an immediate ceasefire in the face of "
                          "the humanitarian catastrophe in Aleppo, urging Russia and Iran to use "
                          "their influence on the Syrian regime to secure a truce.")
    event = only(x, "REQUEST")
    assert event.status == "requested"
    assert event.trigger.text == "called"
    # an appeal for de-escalation: Phoenix's CALL (FOR &CEASEFIRE), not 1056 "demand"
    assert event.cameo == "0256"
    assert {"RUS", "IRN"} <= codes(x, event.target)
    assert not [e for e in x.events if e.type == "RETREAT"]  # the truce is asked for, not made


def test_urging_and_calling_for_are_appeals_not_demands(pipeline):
    # ConfliBERT train, statement class (CAMEO 01 and 02: the pilot rounds' option "0-2
    # Appeal"); Phoenix codes CALL (FOR) 020 and "demand" 100
    x = extract(pipeline, "German Chancellor Angela Merkel urged Ethiopia on Tuesday to open up "
                          "its politics and ensure police do not use heavy-handed tactics "
                          "against protesters.")
    assert x.events[0].cameo == "020" and x.events[0].type == "REQUEST"
    x = extract(pipeline, "Myanmar's civilian president called for reform of a military-drafted "
                          "constitution and for justice for all recognized minorities under a "
                          "federal system.")
    assert x.events[0].cameo == "020" and x.events[0].status == "requested"


def test_conflibert_classes_follow_its_coders_cameo_roots(pipeline):
    # ConfliBERT train, all three verbal conflict; the CAMEO pilot rounds list "3-9
    # Investigate" and "3-16 Reduce Relations" with the verbal conflict roots, "4-14 Protest"
    # with the material ones, and "0-2 Appeal" with the statements
    for text in ("Washington suspended military aid to Pakistan that could total more than $2 "
                 "billion.",
                 "Cyprus authorities have launched an investigation into 70 employees of "
                 "Wargaming."):
        assert penta_class(main_event(extract(pipeline, text))) == 3
    x = extract(pipeline, "Protesters in the eastern Kosovan town of Gjilan burned the "
                          "Macedonian flag.")
    assert penta_class(main_event(x)) == 4
    x = extract(pipeline, "President Bush urged valued partners like Saudi Arabia to move "
                          "toward freedom.")
    assert penta_class(main_event(x)) == 0


def test_holding_territory_or_coming_into_force_is_no_event(pipeline):
    # Phoenix codes HOLD and COME "[---]": only their patterns make events (bench articles)
    x = extract(pipeline, "Three Syrian officers were killed on Friday when their helicopter "
                          "crashed in the south near territory held by the Islamic State "
                          "jihadist group.")
    assert not [e for e in x.events if e.trigger.text == "held"]
    x = extract(pipeline, "The opposition bastion east of Damascus came under a massive "
                          "government aerial assault on Thursday after rebels fired more than "
                          "120 rockets and mortar rounds into the capital.")
    assert x.events[0].trigger.text == "assault" and x.events[0].type == "ASSAULT"
    x = extract(pipeline, "The truce had come into force on the evening of September 12.")
    assert not x.events
    # holding people is detention (CONFINE 173); a rally held is a protest
    x = extract(pipeline, "Rebels are holding 30 soldiers in a school near the front.")
    assert only(x, "COERCE").cameo == "173"


def test_an_attack_that_left_people_dead_is_the_event_not_the_leaving(pipeline):
    # bench articles: "left ... dead" was Phoenix LEAVE's 040 (a visit) in 21 sentences
    x = extract(pipeline, "An earlier attack by IS fighters on Shaer in July left 270 people "
                          "dead including soldiers and pro-regime fighters.")
    assert [(e.trigger.text, e.type) for e in x.events] == [("attack", "ASSAULT")]
    x = extract(pipeline, "Clashes between the two sides have rocked the city leaving 23 "
                          "civilians - including nine children - dead according to the Syrian "
                          "Observatory for Human Rights.")
    event = only(x, "ASSAULT")
    assert event.trigger.text == "Clashes" and x.by_id(event.fatalities).value == 23


def test_what_a_thing_contains_who_controls_it_or_where_a_road_leads_is_no_act(pipeline):
    # bench articles: Phoenix CONFINE's 170 for "containing", OVERSEE_MANAGE's 060 for "leads"
    x = extract(pipeline, "A regime helicopter dropped six barrels containing poisonous "
                          "chlorine gas on the city of al-Latamineh.")
    assert [e.type for e in x.events] == ["ASSAULT"]
    # nor who controls a territory (a state, not an act; Phoenix OVERSEE_MANAGE's 060)
    x = extract(pipeline, "The rebels control almost all of Qabun and Tishreen in the northeast "
                          "as well as half of Jobar in the east.")
    assert not x.events
    x = extract(pipeline, "The Castello Road wraps around Aleppos eastern and northern edges and "
                          "leads into rebel-controlled territory north of the battered city.")
    assert not x.events


def test_going_leaving_or_arriving_is_no_consultation_but_a_trip_to_confer_is(pipeline):
    # Phoenix GO_SOMEWHERE's and ARRIVE's bare 040: on the first 200 bench articles all 28
    # such events were people or convoys moving; CAMEO codes a trip only as a visit (042)
    x = extract(pipeline, "About 45 buses carrying 3000 people left the opposition-besieged "
                          "al-Foua and Kefraya towns of the northwestern Idlib province for "
                          "regime-controlled Aleppo.")
    assert not [e for e in x.events if e.type == "CONSULT"]
    x = extract(pipeline, "The residents and rebels from Madaya and Zabadani arrived late "
                          "Saturday in rebel-held territory in Idlib province.")
    assert not x.events
    # CAMEO pilot rounds: the aid the ship carried is the act (coders' root 07), not its arrival
    x = extract(pipeline, "The motor ship Sparta carrying 475 tonnes of humanitarian aid for the "
                          "war-torn regions of Syria arrived at the logistics center of the "
                          "Russian Navy in Tartus.")
    assert main_event(x).type == "AID"
    # the patterns still code a trip to talk ("left for ... for consultations": 042)
    x = extract(pipeline, "The Iranian foreign minister left for Moscow for consultations with "
                          "Russian officials.")
    assert main_event(x).cameo == "042"


def test_a_participle_saying_who_an_actor_is_is_no_act(pipeline):
    # bench articles: 38 "backed by", "led by", "linked to", "armed with" descriptions were
    # SUPPORT / COOPERATE events; PLOVER's own records code the act beside them ("workers
    # affiliated with the Serbian Workers' Union stopped work", "militiamen armed with machetes")
    x = extract(pipeline, "Syrian government forces backed by Russia are currently attempting "
                          "to drive rebels out of the city.")
    assert not [e for e in x.events if e.type == "SUPPORT"]
    x = extract(pipeline, "Rebel groups led by former Al-Qaeda affiliate Fateh al-Sham Front "
                          "captured the town.")
    assert [e.type for e in x.events] == ["COERCE"]
    # the verb of a clause still acts ("The United States backed the rebels")
    x = extract(pipeline, "Sierra Leone's Ambassador said the United States backed the rebels.")
    assert only(x, "SUPPORT").trigger.text == "backed"


def test_ruling_conducting_giving_a_toll_or_pulling_from_rubble_is_no_cooperation(pipeline):
    # bench articles: Phoenix OVERSEE_MANAGE's and GRANT's bare 060, SELECT's 030, EXTRACT's
    # 171 and a misread "raged" (lemma "rag", DISTURB 140) were 57 false events
    x = extract(pipeline, "The clan has ruled Syria with an iron fist for more than 40 years.")
    assert not x.events
    x = extract(pipeline, "The state news agency SANA did not give a death toll for the "
                          "ambush.")
    assert not x.events
    x = extract(pipeline, "Mishal said Harahs body was pulled from the rubble on Thursday.")
    assert not x.events
    x = extract(pipeline, "The Syrian Civil Defence was not able to determine the type of the "
                          "gas.")
    assert not x.events
    x = extract(pipeline, "Fighting has raged in Hassakeh since the ISIS group attacked several "
                          "southern neighborhoods held by government forces.")
    assert [e.type for e in x.events] == ["ASSAULT"]
    # what was conducted is the act: the raids
    x = extract(pipeline, "Since mid-2012 the government has conducted frequent air raids on "
                          "rebel-held areas.")
    assert [(e.trigger.text, e.type) for e in x.events] == [("raids", "ASSAULT")]


def test_a_verb_of_force_is_criticism_only_where_its_own_words_say_so(pipeline):
    # bench articles: PHYSICAL_CONFLICT's criticism patterns ("* GOVERNMENT", "(FOR)",
    # "* ASSAULT") matched any word in the clause: 14 attacks were ACCUSE 111
    x = extract(pipeline, "A new Islamist opposition alliance including Al-Qaedas Syrian "
                          "affiliate attacked government-held parts of Aleppo city a monitor said.")
    assert only(x, "ASSAULT").trigger.text == "attacked"
    x = extract(pipeline, "The air raids hit the only hospital for women and children in the "
                          "town of Kafr Hamra before dawn killing two staffers including a nurse.")
    assert only(x, "ASSAULT").trigger.text == "hit"
    assert not [e for e in x.events if e.type == "ACCUSE"]
    # the verb's object, or a reason hanging from it, is criticism (CAMEO 111)
    x = extract(pipeline, "The opposition leader sharply attacked the government's economic "
                          "policy.")
    assert only(x, "ACCUSE").cameo == "111"
    x = extract(pipeline, "The president attacked the government for failing to stop the "
                          "violence.")
    assert only(x, "ACCUSE").cameo == "111"


def test_people_sent_to_investigate_are_an_investigation(pipeline):
    # ConfliBERT train (held out): the coders put "sent a team to investigate" with the
    # investigations (CAMEO 09), as PLOVER's records do; the sending was 036 / 061 / 062
    x = extract(pipeline, "Mine Safety and Health Administration has sent a large team of agency "
                          "experts to Alabama to investigate the worst mining accident in recent "
                          "history.")
    assert [(e.trigger.text, e.cameo) for e in x.events] == [("investigate", "090")]
    assert [x.by_id(a).text for a in x.events[0].source] == [
        "Mine Safety and Health Administration"]
    x = extract(pipeline, "The National Highway Traffic Safety Administration is dispatching a "
                          "team to Detroit to investigate a collision involving a Tesla that "
                          "collided with a semitrailer.")
    assert main_event(x).cameo == "090" and penta_class(main_event(x)) == 3


def test_of_two_patterns_that_match_as_well_the_nearer_one_codes(pipeline):
    # ConfliBERT train (held out): START's "ties" (050) matched a word in the purpose clause
    # as well as "operation" (190) matched the verb's object; the first listed won
    x = extract(pipeline, "Turkish police on Monday launched operations to detain 110 more "
                          "individuals, mostly soldiers, suspected of ties to the group blamed "
                          "for the 2016 coup attempt, the Ankara public prosecutor's office said.")
    assert (main_event(x).trigger.text, main_event(x).type) == ("launched", "ASSAULT")
    # bench article: "launched a huge offensive on government-held areas" was 160 (SANCTION)
    x = extract(pipeline, "28 July 2015 Syrian rebels launched a huge offensive on "
                          "government-held areas in northwestern Syria in a bid to advance towards "
                          "a coastal region vital to President Bashar al-Assads control of western "
                          "Syria.")
    assert (main_event(x).type, main_event(x).cameo) == ("ASSAULT", "190")


def test_expelled_humanitarian_workers_are_expelled_aid_agencies(pipeline):
    # ConfliBERT train (held out): CAMEO 1663 "expel or withdraw aid agencies" (their coders:
    # reduce relations); "humanitarian workers" was no listed word, so it was 174 (deport)
    x = extract(pipeline, "Last week, on August 6th, the Sudanese government expelled 20 "
                          "humanitarian workers employed by the United Nations High Commission "
                          "for Refugees (UNHCR).")
    assert (main_event(x).type, main_event(x).cameo) == ("SANCTION", "1663")


def test_facing_hearing_or_managing_is_no_act_and_seized_districts_are_occupied(pipeline):
    # bench articles: Phoenix MEET_PEOPLE's, HEAR's and OVERSEE_MANAGE's defaults (040, 060)
    x = extract(pipeline, "People waiting in the Ramousah garage heard the blast and said they "
                          "feared revenge attacks by pro-government forces.")
    assert [e.type for e in x.events] == ["ASSAULT"]
    x = extract(pipeline, "Civilians in rebel-held east Aleppo continue to face relentless "
                          "bombardment.")
    assert not [e for e in x.events if e.type == "CONSULT"]
    x = extract(pipeline, "Daesh has managed to drive out regime troops from the administrative "
                          "borders of Raqqa province after a fierce counteroffensive.")
    assert not [e for e in x.events if e.type == "COOPERATE"]
    # "take part" (030) is TAKE's, not the seizure's: territory seized is occupied (192)
    x = extract(pipeline, "Its forces initially seized several districts in the southern part "
                          "of the city.")
    assert x.events[0].cameo == "192"


def test_reported_speech_is_claimed_by_its_speaker(pipeline):
    x = extract(pipeline, "UN aid official Jan Egeland on Thursday said that the Syrian "
                          "government has authorised UN-organised aid shipments into eastern "
                          "Aleppo for the first time.")
    event = only(x, "RETREAT")
    assert (event.cameo, event.mode, event.context) == ("0863", "access", "humanitarian")
    assert event.status == "claimed"
    assert "Egeland" in x.by_id(event.claimed_by).text
    assert "SYRGOV" in codes(x, event.source)


def test_an_act_reported_by_someone_uncoded_is_claimed(pipeline):
    # seed 21 hand check: ", military sources reported", "according to preliminary reports",
    # "reportedly" make the act claimed (asserted counts wrong), with no claimant coded
    for text in ("according to unconfirmed reports, at least 6 persons have been burnt alive "
                 "in navaseshan village of sabarkantha.",  # ipe-357
                 "The suicide attacker reportedly detonated his explosives in front of the "
                 "bakery.",  # FA-KES
                 "President Bashar al-Assads air force attacked a crowded market in Aleppo "
                 "citys rebel-held district of Tariq al-Bab killing 11 people the Syrian "
                 "Observatory for Human Rights reported."):  # FA-KES
        event = only(extract(pipeline, text), "ASSAULT")
        assert event.status == "claimed", text


def test_a_speech_verb_that_reports_no_act_leaves_it_asserted(pipeline):
    # FA-KES: the doer speaking ("saying"), a clause of time ("since it declared"), an
    # attribution of another clause or another verb ("purportedly showed the aftermath")
    for text, type_ in (("The White House also blamed the attack on the regime saying the "
                         "incident was \"reprehensible and cannot be ignored by the civilised "
                         "world.\"", "ACCUSE"),
                        ("IS has killed hundreds of people since it declared an Islamic "
                         "caliphate in June last year with the city of Raqqa as its de facto "
                         "capital.", "ASSAULT"),
                        ("Video uploaded by activists purportedly showed the aftermath of the "
                         "strikes with residents and civil defence workers picking though "
                         "debris looking for survivors.", "ASSAULT")):
        assert only(extract(pipeline, text), type_).status == "asserted", text


def test_a_stated_intent_takes_the_statements_status(pipeline):
    # Reuters (bench): the lending is Venezuela's intent (031) as the minister reports it:
    # claimed by him, not planned
    x = extract(pipeline, "Venezuela would lend 50,000 barrels per day of crude for a total of "
                          "up to to 7.5 mln barrels to help Ecuador meet export commitments, "
                          "Espinosa said.")
    event = only(x, "AGREE")
    assert (event.cameo, event.status) == ("031", "claimed")
    assert "Espinosa" in x.by_id(event.claimed_by).text


def test_a_compound_source_brings_its_members(pipeline):
    x = extract(pipeline, "The United States and Jordan have agreed upon a new free-trade pact "
                          "between the two countries, the White House announced Tuesday.")
    event = only(x, "AGREE")
    assert {"USA", "JOR"} <= codes(x, event.source)


def test_several_events_in_one_sentence(pipeline):
    x = extract(pipeline, "Afghan rebels have kidnapped up to 16 Russian civilian advisers from "
                          "a town bazaar and exploded a series of bombs in the capital Kabul, "
                          "western diplomats said.")
    triggers = [e.trigger.text for e in x.events]
    assert "kidnapped" in triggers and "exploded" in triggers
    assert all(e.status == "claimed" for e in x.events)


def test_statements_are_not_events(pipeline):
    x = extract(pipeline, "White House spokesman Josh Earnest said the announcement was an "
                          "indication that something positive could happen.")
    assert not x.events


def test_every_event_points_at_its_words(pipeline):
    x = extract(pipeline, "Israeli troops shot dead two Palestinians in Hebron and arrested "
                          "five others, the army said.")
    assert len(x.events) == 2
    for event in x.events:
        assert x.article.text[slice(*event.trigger.span)] == event.trigger.text
        start, end = event.sentence
        assert start <= event.trigger.span[0] < event.trigger.span[1] <= end
        assert 0 < event.confidence < 1


@pytest.mark.parametrize("value,precision", [("2016-12-08", "day"), ("2016-W48", "week"),
                                             ("2016-11", "month"), ("2012", "year")])
def test_date_precision_follows_the_time_value(value, precision):
    from datetime import date
    assert date_precision(value, date(2016, 1, 1), date(2016, 1, 1)) == precision


def test_a_slice_of_petr2_gsr_keeps_its_root_accuracy(data):
    records = parity_split(load_jsonl(data / "events" / "derived"
                                      / "petr2_gsr_validation.jsonl"), "dev")[:16]
    metrics = _score_cameo_records(records, extract_sentences([r["text"] for r in records]))
    assert metrics["root_accuracy"] >= 0.4


def test_main_event_is_the_first(pipeline):
    x = extract(pipeline, "Israeli troops shot dead two Palestinians in Hebron and arrested "
                          "five others, the army said.")
    assert main_event(x).trigger.text == "shot"


def test_a_target_named_on_the_object_phrase(pipeline):
    # PLOVER gold record (dev): the target hangs from the object, not from the verb
    x = extract(pipeline, "President Bush has threatened further action against Russia in an "
                          "international television program.")
    event = only(x, "THREATEN")
    assert "RUS" in {code[:3] for code in codes(x, event.target)}


def test_a_threat_to_break_relations_targets_the_other_state(pipeline):
    x = extract(pipeline, "The Azerbaijani parliament threatened on Monday to break relations "
                          "with Russia unless the Kremlin closed its radar base in the republic.")
    event = x.events[0]
    assert event.type == "THREATEN"
    assert "RUS" in {code[:3] for code in codes(x, event.target)}


def test_staged_demonstrations_are_a_protest(pipeline):
    # spaCy lemmatizes "staged" as "stag"
    x = extract(pipeline, "Tens of thousands of university students throughout Indonesia staged "
                          "mass demonstrations Saturday to demand political reforms.")
    assert x.events[0].type == "PROTEST"


def test_an_uncoded_crowd_still_protests(pipeline):
    x = extract(pipeline, "Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk "
                          "on Sunday calling for independence from Iraq, witnesses said.")
    assert x.events and x.events[0].type == "PROTEST"


def test_continuing_riots_are_a_protest_not_force(pipeline):
    x = extract(pipeline, "Palestinian riots against Israeli military policies are still "
                          "continuing with no end in sight.")
    assert [e.type for e in x.events] == ["PROTEST"]
    assert x.events[0].trigger.text == "riots"


def test_a_lone_preposition_pattern_needs_to_hang_from_the_verb(pipeline):
    # Phoenix's DEMAND block codes "demand ... on" as force; here "on" belongs to "information"
    x = extract(pipeline, "The rebel Kurdistan Workers' Party issued a declaration demanding "
                          "that the Turkish government provide information on the safety of its "
                          "leader Abdullah Ocalan.")
    assert "ASSAULT" not in {e.type for e in x.events}
    assert "REQUEST" in {e.type for e in x.events}


def test_sworn_to_fight_is_a_threat_of_force(pipeline):
    x = extract(pipeline, "Ethnic Albanians have sworn to fight until they gain control of "
                          "villages near Macedonia's border with Bulgaria.")
    assert x.events[0].type == "THREATEN" and x.events[0].cameo == "138"


def test_a_subject_naming_uncoded_people_counts_as_an_actor(pipeline):
    from eventwire.extract.events import _named_subject

    doc = pipeline.nlp("Striking miners occupied the pit on Monday.")
    assert _named_subject(next(t for t in doc if t.lower_ == "occupied"))
    doc = pipeline.nlp("The storm blocked the road on Monday.")
    assert not _named_subject(next(t for t in doc if t.lower_ == "blocked"))


# --- roles from nested clauses, phrase heads, narrated plans (third session) -----------------

def test_a_target_nested_in_a_purpose_clause(pipeline):
    # PLOVER gold record (dev): PROTEST, source IDN students, target IDN government
    x = extract(pipeline, "Tens of thousands of university students throughout Indonesia staged "
                          "mass demonstrations Saturday to demand political reforms by President "
                          "Suharto's government.")
    event = main_event(x)
    assert event.type == "PROTEST"
    assert {c[:3] for c in codes(x, event.target)} == {"IDN"}
    assert any(c.endswith("GOV") for c in codes(x, event.target))


def test_a_target_in_a_condition_clause(pipeline):
    # PLOVER gold record (dev): THREATEN, Russia -> United States
    x = extract(pipeline, "Russia has threatened to stop negotiations to reduce long-range nuclear "
                          "weapons if the United States goes ahead with the planned deployment of "
                          "new medium-range nuclear missiles in Europe, the Washington Post "
                          "reported today.")
    event = main_event(x)
    assert event.type == "THREATEN"
    assert codes(x, event.source) == {"RUS"} and codes(x, event.target) == {"USA"}


def test_no_target_from_a_time_adjunct(pipeline):
    # PLOVER gold record (dev): RETREAT with no target; the opposition only sets the time
    x = extract(pipeline, "Georgian President Eduard Shevardnadze resigned Sunday as the "
                          "opposition threatened to storm his residence in Tbilisi.")
    event = next(e for e in x.events if e.trigger.text == "resigned")
    assert event.target == []


def test_the_actor_at_a_phrase_head_is_the_role(pipeline):
    # PLOVER gold record (dev): source SDN GOV; "Sudan's" only says whose government it is
    x = extract(pipeline, "Sudan's government on Sunday lifted a state of emergency in West "
                          "Darfur State that was imposed six months ago after bloody tribal "
                          "clashes there, Omdurman radio reported Sunday.")
    event = main_event(x)
    assert len(event.source) == 1 and codes(x, event.source) == {"SDNGOV"}


def test_a_narrated_plan_keeps_the_act_and_a_stated_one_is_an_intent(pipeline):
    # PETR2-GSR (dev): "is scheduled to attend" is CAMEO 042, a visit, planned
    x = extract(pipeline, "Obama is scheduled to attend a summit in Switzerland on the unrest "
                          "in Iran")
    event = main_event(x)
    assert event.cameo.startswith("04") and event.status == "planned"
    # the actor's own commitment is PLOVER's AGREE (statement of intent)
    x = extract(pipeline, "Libya has offered to hand over to Great Britain two of its nationals "
                          "suspected by the West of blowing up a Pan Am plane in 1988, a "
                          "state-owned Egyptian newspaper said.")
    assert main_event(x).type == "AGREE"


def test_the_speaker_of_a_misparsed_trailing_said(pipeline):
    # PLOVER gold record (dev): "..., the World Food Program (WFP) said on Monday."
    x = extract(pipeline, "The United Nations will provide nearly 25,000 tons of emergency food "
                          "aid to refugees fleeing the civil war in Liberia, the World Food "
                          "Program (WFP) said on Monday.")
    event = main_event(x)
    assert event.status == "claimed" and event.type == "AGREE"
    assert event.claimed_by is not None and "World Food" in x.by_id(event.claimed_by).text


def test_a_reciprocal_agreement_has_no_recipient(pipeline):
    # PLOVER gold record (dev); PLOVER codebook: "if two parties make a reciprocal agreement
    # ..., code both as ACTOR (with no RECIPIENT)"
    x = extract(pipeline, "Senior Hungarian and Romanian officials agreed on Wednesday that "
                          "their countries should cooperate to encourage Romanian refugees in "
                          "Hungary to return home.")
    event = main_event(x)
    assert event.type == "AGREE" and event.target == []
    assert {c[:3] for c in codes(x, event.source)} == {"HUN", "ROU"}


def test_the_subjects_own_troops_are_not_the_target(pipeline):
    # PLOVER gold record (dev): AGREE, Syria -> Lebanon ("its troops" are Syria's own)
    x = extract(pipeline, "Syria says it is willing to withdraw its troops from neighboring "
                          "Lebanon, after fifteen years of effective military occupation.")
    event = main_event(x)
    assert codes(x, event.source) == {"SYR"} and codes(x, event.target) == {"LBN"}


def test_a_declared_ceasefire_is_an_act_not_a_statement(pipeline):
    # ConfliBERT train: a speech verb whose object is the act it performs
    x = extract(pipeline, "In Colombia, the ELN declared a monthlong ceasefire on 1 April.")
    event = only(x, "RETREAT")
    assert event.cameo == "0871" and event.trigger.text == "declared"
    assert codes(x, event.source) == {"COLREB"}


def test_a_reported_act_under_a_speech_verb_is_still_not_the_speech(pipeline):
    x = extract(pipeline, "Russia said the army declared a curfew in the city.")
    assert [e.trigger.text for e in x.events] == ["declared"]
    assert x.events[0].cameo == "1723"


def test_ending_mediation_halts_mediation(pipeline):
    # PLOVER dev (SANCTION), CAMEO 165
    x = extract(pipeline, "Syrian officers today ended mediation efforts between rival militias in "
                          "Tripoli as shells continued crashing into the north Lebanese port.")
    event = main_event(x)
    assert (event.type, event.cameo, event.trigger.text) == ("SANCTION", "165", "ended")


def test_announcing_a_suspension_of_links_reduces_relations(pipeline):
    x = extract(pipeline, "Italy announced a suspension of air links with Serbia on Wednesday.")
    event = main_event(x)
    assert event.type == "SANCTION"
    assert codes(x, event.source) == {"ITA"} and codes(x, event.target) == {"SRB"}


def test_a_city_the_act_is_done_to_is_its_states_people(pipeline):
    # PLOVER dev: gold target DZA CVL; the place stage resolves Algiers
    x = extract(pipeline, "President Abdelaziz Bouteflicka threatened to institute a curfew in "
                          "Algiers in response to recent unrest within the city.")
    event = main_event(x)
    assert event.type == "THREATEN" and codes(x, event.target) == {"DZACVL"}
    assert x.by_id(event.target[0]).text == "Algiers"


def test_a_region_an_infinitive_acts_on_is_its_states_people(pipeline):
    # ConfliBERT train: gold target "Abkhazia" (a region Phoenix lists as Georgia's name, so the
    # actors stage makes it no party; the events stage reads it as a place)
    x = extract(pipeline, "Former Soviet republics from the CIS refuse to lift sanctions on "
                          "Abkhazia.")
    event = main_event(x)
    assert event.cameo == "120" and codes(x, event.target) == {"GEOCVL"}
    assert x.by_id(event.target[0]).text == "Abkhazia"


def test_an_uncoded_doer_still_acts_on_the_place_it_names(pipeline):
    # ConfliBERT train: gold target "Bagram" (the source, a name no dictionary codes, is read
    # after the targets)
    x = extract(pipeline, "Hezb-e-Islami also threatened to shell Bagram, the military airfield "
                          "15 miles north of Kabul.")
    event = main_event(x)
    assert event.type == "THREATEN" and codes(x, event.target) == {"AFGCVL"}
    assert x.by_id(event.target[0]).text == "Bagram"


def test_a_ceasefire_in_a_town_is_aimed_at_its_people(pipeline):
    # ConfliBERT train: gold target "Idlib", "Tripoli", "Hodeidah" (a ceasefire is declared on a
    # place, as a curfew; a surrender or retreat keeps its town as the place)
    for text, town, code in (
            ("Turkey and Russia announced a ceasefire in Idlib, Syria's last opposition enclave "
             "on Thursday.", "Idlib", "SYRCVL"),
            ("Libya's renegade Gen. Khalifa Haftar has declared a ceasefire in Tripoli, ending a "
             "nine-month campaign to seize the capital.", "Tripoli", "LBYCVL"),
            ("Yemen's warring parties have agreed to a ceasefire in Hodeidah, a major flashpoint "
             "in the country's war.", "Hodeidah", "YEMCVL")):
        x = extract(pipeline, text)
        event = main_event(x)
        assert codes(x, event.target) == {code}, text
        assert x.by_id(event.target[0]).text == town


def test_a_seized_region_is_no_target_of_its_people(pipeline):
    # the seed article: "recapture" (CAMEO 192) takes east Aleppo (a district) from the rebels
    # holding it; its people are not the target (the hand-coded seed gives none)
    x = extract(pipeline, "Syria's government is three weeks into an operation to recapture east "
                          "Aleppo - in rebel hands since 2012.")
    event = next(e for e in x.events if e.trigger.text == "recapture")
    assert event.cameo == "192" and not any(c.endswith("CVL") for c in codes(x, event.target))


def test_a_place_made_target_keeps_its_article(pipeline):
    # ConfliBERT train: gold target "the West Bank", spanned as the actors stage spans a mention
    x = extract(pipeline, "Israeli forces have imposed blockades around Palestinian towns in the "
                          "West Bank, sometimes causing severe shortages of necessities like "
                          "flour, sugar, and gasoline.")
    event = main_event(x)
    assert [x.by_id(a).text for a in event.target] == ["the West Bank"]
    assert codes(x, event.target) == {"PSECVL"}


def test_a_surrender_keeps_its_town_as_the_place(pipeline):
    # ConfliBERT train (gold target the state's phrase, not the province's people)
    x = extract(pipeline, "A local Taliban leader and his five associates have given up fighting "
                          "and surrendered in Afghanistan's northern Faryab province, an army "
                          "source said Tuesday.")
    surrender = next(e for e in x.events if e.trigger.text == "surrendered")
    assert not any(code.endswith("CVL") for code in codes(x, surrender.target))


def test_an_actor_before_the_city_stays_the_target(pipeline):
    x = extract(pipeline, "Syrian officers today ended mediation efforts between rival militias in "
                          "Tripoli as shells continued crashing into the north Lebanese port.")
    event = main_event(x)
    assert all(not code.endswith("CVL") for code in codes(x, event.target))


def test_a_bombing_with_no_one_named_is_an_unidentified_armed_force(pipeline):
    # PLOVER dev: gold source IRQ UAF
    x = extract(pipeline, "A roadside bombing near the town of Samarra on Sunday killed one U.S. "
                          "soldier and wounded two others, the military said.")
    event = main_event(x)
    assert event.type == "ASSAULT"
    assert codes(x, event.source) == {"IRQUAF"} and codes(x, event.target) == {"USAMIL"}
    assert x.by_id(event.source[0]).text == "A roadside bombing"


def test_a_named_bomber_is_not_replaced_by_an_unidentified_force(pipeline):
    x = pipeline.extract("Taliban fighters detonated a bomb in Kabul, killing 12 policemen.",
                         published="2015-06-01")
    event = main_event(x)
    assert codes(x, event.source) == {"AFGREB"}
    assert codes(x, event.target) == {"AFGCOP"}  # the victims the clause names, not Kabul


def test_who_issues_a_declaration_demands_what_it_demands(pipeline):
    # PLOVER dev: gold source TUR REB
    x = extract(pipeline, "The rebel Kurdistan Workers' Party issued a declaration demanding that "
                          "the Turkish government provide information on the safety of its leader "
                          "Abdullah Ocalan.")
    event = main_event(x)
    assert event.type == "REQUEST"
    assert codes(x, event.source) == {"TURREB"} and codes(x, event.target) == {"TURGOV"}


def test_returning_property_to_a_state_needs_an_object(pipeline):
    # ConfliBERT train (material cooperation): CAMEO 0842 return property
    x = extract(pipeline, "The United States returned two paintings to the government of Brazil.")
    event = main_event(x)
    assert (event.type, event.cameo) == ("RETREAT", "0842")
    assert codes(x, event.source) == {"USA"} and codes(x, event.target) == {"BRAGOV"}
    x = extract(pipeline, "The Russian delegation returned to Geneva on Monday.")
    assert not [e for e in x.events if e.cameo == "0842"]


def test_war_games_held_together_are_military_cooperation(pipeline):
    # PLOVER dev (COOPERATE): two states' forces in the subject
    x = extract(pipeline, "French and Egyptian warships on Monday launched 10 days of war games in "
                          "the Mediterranean Sea, expected to be joined later by Italian and German "
                          "vessels, the French embassy said Monday.")
    assert (main_event(x).type, main_event(x).cameo) == ("COOPERATE", "062")
    x = extract(pipeline, "North Korea launched military drills near the border.")
    assert main_event(x).type == "MOBILIZE"


def test_a_narrated_plan_is_coded_as_the_planned_act(pipeline):
    # PETR2-GSR dev: gold 042 (make a visit), not the planning verb's default 030
    x = extract(pipeline, "The stopover came as the US leader prepared to attend the Beijing Olympics.")
    event = next(e for e in x.events if e.trigger.text == "attend")
    assert (event.cameo, event.status) == ("042", "planned")
    assert not [e for e in x.events if e.trigger.text == "prepared"]


def test_a_claimed_attack_is_also_the_speakers_accusation(pipeline):
    # PETR2-GSR dev: gold 112 USA -> IMGMUSISI; the attack stays the main event (PLOVER)
    x = extract(pipeline, "The US claimed that ISIL had attacked Iraq and taken the city of Mosul")
    assert main_event(x).type == "ASSAULT"
    accusations = [e for e in x.events if e.cameo == "112"]
    assert len(accusations) == 1 and accusations[0].trigger.text == "claimed"
    assert codes(x, accusations[0].source) == {"USA"}
    assert codes(x, accusations[0].target) == {"IMGMUSISI"}
    x = extract(pipeline, "Police said gunmen attacked a bus.")
    assert not [e for e in x.events if e.type == "ACCUSE"]


def test_wanting_to_act_oneself_is_an_intent(pipeline):
    # PETR2-GSR dev: gold 033 (intent to provide aid); wanting another to act stays apart
    x = extract(pipeline, "The US Secretary of state wants to help iSrael")
    event = main_event(x)
    assert (event.type, event.cameo, event.status) == ("AGREE", "033", "asserted")
    assert codes(x, event.target) == {"ISR"}


def test_who_comes_for_talks_holds_them(pipeline):
    # PLOVER dev (CONSULT, both states as source, no recipient)
    x = extract(pipeline, "U.S. and Russian negotiators return to Geneva this week for talk on "
                          "limiting the number of European-based nuclear missiles.")
    event = main_event(x)
    assert event.type == "CONSULT" and event.trigger.text == "talk"
    assert codes(x, event.source) == {"USAGOV", "RUSGOV"} and not event.target


# --- CAMEO codebook coverage (fifth session): verbs the Phoenix dictionary codes elsewhere ---

def test_walking_out_of_negotiations_halts_them(pipeline):
    x = pipeline.extract("Peace talks hit deadlock after the opposition walked out of "
                         "negotiations in April over the escalating violence.")
    assert any(e.cameo == "164" and e.trigger.text == "walked" for e in x.events)


def test_slamming_air_strikes_is_criticism_but_slamming_into_a_building_is_not(pipeline):
    x = pipeline.extract("United States State Department spokesperson Mark Toner slammed the "
                         "air strikes on Daraya.")
    assert only(x, "ACCUSE").trigger.text == "slammed"
    crash = pipeline.extract("A Syrian warplane slammed into a residential area on Monday.")
    assert not any(e.trigger.text == "slammed" for e in crash.events)


def test_an_execution_is_an_assault_but_executing_a_plan_is_not(pipeline):
    x = pipeline.extract("Syrian rebels executed a downed government pilot.")
    assert only(x, "ASSAULT").trigger.text == "executed"
    plan = pipeline.extract("The Syrian government executed a plan to rebuild Aleppo.")
    assert not any(e.trigger.text == "executed" for e in plan.events)


def test_freeing_civilians_is_a_release(pipeline):
    x = pipeline.extract("The opposition forces freed 150 civilians who were captured at a "
                         "school in the village.")
    event = main_event(x)
    assert (event.type, event.cameo, event.trigger.text) == ("RETREAT", "0841", "freed")


@pytest.mark.parametrize("text,cameo", [
    # curated rows shared with the Phoenix synonym block (event_trigger_blocks.tsv)
    ("The United States terminated military aid to Pakistan.", "162"),
    ("Israel allowed United Nations peacekeepers into southern Lebanon.", "0861"),
    ("Kenya deployed peacekeepers to Somalia.", "074"),
    ("Argentina broke off diplomatic relations with Britain.", "161"),
])
def test_codebook_acts_keep_their_cameo_family(pipeline, text, cameo):
    event = main_event(pipeline.extract(text))
    assert event is not None and event.cameo == cameo, (text, event and event.cameo)


def test_a_date_phrase_is_no_bare_preposition_pattern(pipeline):
    # "telephoned X on Monday" is not CALL's "call on" appeal (020)
    event = main_event(pipeline.extract("Russian President Vladimir Putin telephoned German "
                                        "Chancellor Angela Merkel on Monday."))
    assert event is not None and event.type == "CONSULT"


def test_a_stated_willingness_to_act_is_an_intent(pipeline):
    # CAMEO 036 "Express intent to meet or negotiate", as the codebook words it; a speech verb
    # over a commissive noun is not itself the act ("announced its intention to release")
    x = pipeline.extract("Syria expressed willingness to resume peace talks with Israel.")
    event = main_event(x)
    assert (event.type, event.cameo, event.status) == ("AGREE", "036", "asserted")
    release = main_event(pipeline.extract("Hamas announced its intention to release the "
                                          "Israeli soldier."))
    assert (release.type, release.trigger.text) == ("AGREE", "release")


def test_troops_pulling_out_of_an_area_retreat(pipeline):
    army = pipeline.extract("The Syrian army pulled out of majority Kurdish areas of Syria last "
                            "year.")
    event = main_event(army)
    assert (event.type, event.cameo) == ("RETREAT", "0874")


def test_victim_of_died_is_the_target_and_the_shelling_its_source(pipeline):
    # ConfliBERT-style casualty report: the subject of "died" suffers the act
    extraction = pipeline.extract((
        "Two Syrian soldiers died in shelling by rebels on Monday."))
    event = next(e for e in extraction.events if e.type == "ASSAULT")
    assert [extraction.by_id(a).text for a in event.target] == ["Two Syrian soldiers"]
    assert any(extraction.by_id(a).sector == "REB" for a in event.source)


def test_attack_noun_subject_gives_its_by_agent_not_its_object(pipeline):
    extraction = pipeline.extract((
        "The bombing of the hospital by Russian jets killed 20 civilians in Idlib."))
    event = next(e for e in extraction.events if e.type == "ASSAULT")
    assert [extraction.by_id(a).code for a in event.source] == ["RUSMIL"]


def test_misparsed_subjects_still_act(pipeline):
    # ConfliBERT train sentences spaCy parses with the subject as an adverb or the verb as a participle
    extraction = pipeline.extract((
        "USAID had announced a suspension of aid in Yemen to take effect on March 27."))
    assert [extraction.by_id(a).text for a in extraction.events[0].source] == ["USAID"]
    extraction = pipeline.extract((
        "Islamic State militants held around 20,000 civilians as human shields in Raqqa."))
    assert [extraction.by_id(a).code for a in extraction.events[0].source] == ["IMGMUSISI"]


def test_uncoded_people_as_subject_keep_the_event(pipeline):
    # issue 5: "the two sides", "hackers": no dictionary codes them, the act still happened
    x = pipeline.extract("The two sides exchanged fire across the border on Sunday.")
    event = only(x, "ASSAULT")
    assert [x.by_id(a).text for a in event.source] == ["The two sides"]
    assert x.by_id(event.source[0]).code is None
    x = pipeline.extract("Hackers attacked the websites of three ministries on Monday.")
    # a website attack is PLOVER's COERCE cyber (structured codebook), CAMEO 176
    assert [x.by_id(a).text for a in only(x, "COERCE").source] == ["Hackers"]


def test_the_dead_are_no_uncoded_actor(pipeline):
    # bench article: the victims of "died" never act, nor through a misparsed conjunct
    x = pipeline.extract("At least four people died when gas was dropped on a neighbourhood "
                         "of Aleppo.")
    assert all(not e.source for e in x.events)


def test_weapons_in_a_with_phrase_are_no_target(pipeline):
    # ConfliBERT train: "attacked the cities in Saudi Arabia with rockets and drones"
    x = pipeline.extract("The Houthis attacked Saudi oil facilities with drones and missiles.")
    assert codes(x, only(x, "ASSAULT").target) == {"SAU"}
    x = pipeline.extract("Israel clashed with Hezbollah on the border.")  # a partner stays
    assert codes(x, only(x, "ASSAULT").target) == {"LBNREB"}


def test_forces_a_state_sends_are_its_own_not_the_target(pipeline):
    # CAMEO 074 / ConfliBERT train wording: bare "troops" take the sentence's other state
    x = pipeline.extract("Japan sent troops to South Sudan to join the United Nations mission.")
    event = x.events[0]
    assert codes(x, event.source) == {"JPN"} and codes(x, event.target) == {"SSD"}
    x = pipeline.extract("The U.S. has offered to send up to 30,000 troops to distribute "
                         "supplies in Somalia.")
    assert codes(x, x.events[0].target) == {"SOM"}
    x = pipeline.extract("Israel mobilized its reserve troops ahead of a possible offensive "
                         "against Hamas.")
    assert "ISRMIL" not in codes(x, only(x, "MOBILIZE").target)


def test_a_passive_arrest_without_agent_is_by_the_state_where_it_happened(pipeline):
    # ConfliBERT train: "Ingabire was arrested in Rwanda ..." (source Rwanda)
    x = pipeline.extract("Ingabire was arrested in Rwanda for collaborating with a terrorist "
                         "organization.")
    event = only(x, "COERCE")
    assert codes(x, event.source) == {"RWA"}
    assert [x.by_id(a).text for a in event.target] == ["Ingabire"]


def test_an_apposition_codes_an_unknown_name_and_adds_no_second_actor(pipeline):
    # ConfliBERT train: "Gul Rahman , a suspected militant , was tortured and killed ..."
    x = pipeline.extract("Gul Rahman, a suspected militant, was tortured in a secret CIA "
                         "prison in Afghanistan.")
    event = only(x, "ASSAULT")
    assert [x.by_id(a).text for a in event.target] == ["a suspected militant"]
    x = pipeline.extract("Ahmed Khalil, a Syrian police officer, was shot dead by rebels in Homs.")
    event = only(x, "ASSAULT")
    # the coded name's span takes the title between commas, as ConfliBERT marks it
    assert [x.by_id(a).text for a in event.target] == ["Ahmed Khalil, a Syrian police officer"]
    assert codes(x, event.target) == {"SYRCOP"} and codes(x, event.source) == {"SYRREB"}


def test_counted_objects_and_withdrawn_personnel(pipeline):
    # "up to 16" is parsed as a particle and a preposition; advisers are a curated agent noun
    x = pipeline.extract("Afghan rebels have kidnapped up to 16 Russian civilian advisers from "
                         "a town bazaar.")
    assert codes(x, x.events[0].target) == {"RUSGOV"}
    # the staff a body withdraws are its own (CAMEO 1661/0874 wording), the state is the target
    x = pipeline.extract("The United Nations will withdraw its inspectors and humanitarian "
                         "workers from Iraq.")
    assert codes(x, x.events[0].target) == {"IRQ"}


def test_a_condemned_attack_targets_its_attacker_not_its_victim(pipeline):
    x = pipeline.extract("The United Nations condemned the bombing of the hospital by "
                         "Russian jets.")
    assert codes(x, x.events[0].target) == {"RUSMIL"}
    x = pipeline.extract("Hamas fighters fired rockets at Israel.")  # performing: unchanged
    assert codes(x, only(x, "ASSAULT").target) == {"ISR"}


def test_people_in_a_body_act_for_it_but_not_people_in_a_place(pipeline):
    x = pipeline.extract("Lawmakers in the European Parliament condemned the arrests of "
                         "journalists.")
    assert [x.by_id(a).text for a in x.events[0].source] == ["the European Parliament"]


def test_a_participle_with_an_agent_still_targets_its_noun(pipeline):
    # bench article: the misparsed-subject reading must not take participles with an agent
    # ("backed by", which was the case here, is no act now: who the forces are)
    x = pipeline.extract("The agreement has somewhat quieted the bombs over Syrias second city "
                         "but aid convoys have not been allowed to reach the roughly 250000 "
                         "civilians besieged by regime forces in the rebel-held east.")
    event = next(e for e in x.events if e.trigger.text == "besieged")
    assert [x.by_id(a).text for a in event.source] == ["regime forces"]
    assert [x.by_id(a).text for a in event.target] == ["the roughly 250000 civilians"]


def test_a_resignation_that_happened_is_a_retreat_a_promised_one_is_not(pipeline):
    # PLOVER's structured codebook (ngec/): RETREAT mode resign, "only resignations that have
    # already happened"; CAMEO 083 alone would make it CONCEDE (PLOVER dev record)
    x = pipeline.extract("Georgian President Eduard Shevardnadze resigned Sunday as the "
                         "opposition threatened to storm his residence in Tbilisi.")
    event = x.events[0]
    assert (event.type, event.mode, event.cameo) == ("RETREAT", "resign", "083")
    x = pipeline.extract("Georgian President Eduard Shevardnadze stepped down on Sunday.")
    assert x.events[0].type == "RETREAT"
    x = pipeline.extract("The Pakistani president said he would resign next month.")
    assert x.events[0].type == "AGREE" and x.events[0].status == "claimed"


def test_a_preposition_with_its_own_object_makes_no_phrasal_verb(pipeline):
    # bench article: "gave ... in aid" is aid, not "give in" (yield, CAMEO 080)
    x = pipeline.extract("The mine was kept open in 1985 after Tasmania gave RGC 10 mln dlrs "
                         "in aid.")
    assert only(x, "AID").trigger.text == "gave"
    assert not [e for e in x.events if e.type == "CONCEDE"]


def test_codebook_acts_the_dictionary_missed(pipeline):
    # ConfliBERT train sentences (held out) and codebook-worded ones, one per codebook mode
    x = pipeline.extract("The Sudanese President Omer al-Bashir on Monday has declared an "
                         "open-ended cessation of hostilities at all war zones until achieving "
                         "peace in the country.")
    assert x.events[0].type == "RETREAT" and x.events[0].cameo == "0871"
    x = pipeline.extract("Russia launched cyber warfare against UK with dirty tricks.")
    assert (x.events[0].type, x.events[0].cameo) == ("COERCE", "176")
    x = pipeline.extract("Iran test-fired two new ballistic missiles on Wednesday.")
    assert x.events[0].type == "MOBILIZE"
    x = pipeline.extract("Israel cut off electricity to the Gaza Strip.")
    assert x.events[0].type == "COERCE"
    x = pipeline.extract("Zimbabwean police beat opposition supporters with batons.")
    assert x.events[0].type == "ASSAULT"


def test_imposed_sanctions_are_a_sanction(pipeline):
    # CAMEO 163 is in family 16, "reduce relations"; the structured codebook's SANCTION covers
    # curtailing commercial exchanges and its COERCE names no sanctions (PLOVER dev record)
    x = pipeline.extract("President Bill Clinton has imposed sanctions on the Taliban religious "
                         "faction that controls Afghanistan for its support of suspected "
                         "terrorist Osama bin Laden, the White House said Tuesday.")
    event = x.events[0]
    assert (event.type, event.mode, event.cameo) == ("SANCTION", "discontinue", "163")


def test_an_arrest_of_journalists_or_protesters_is_coercion_not_assault(pipeline):
    # Phoenix codes these arrests CAMEO 175 (repression), typed ASSAULT by the 2021 table;
    # the structured codebook's COERCE/arrest is "Arrest or detain people"
    x = pipeline.extract("A British journalist was arrested in Egypt on Monday.")
    assert (x.events[0].type, x.events[0].mode) == ("COERCE", "arrest")
    x = pipeline.extract("Police in Minsk arrested hundreds of protesters on Sunday.")
    assert x.events[0].type == "COERCE"


def test_the_clause_act_comes_before_a_participle_describing_an_actor(pipeline):
    # ConfliBERT train: the first event of a sentence is its main act (what the scorers read)
    x = pipeline.extract("Meanwhile, Syrian government warplanes supported by Russia pounded the "
                         "rebel-held enclave of eastern Ghouta for a sixth straight day Friday.")
    assert [e.trigger.text for e in x.events][:1] == ["pounded"]
    assert x.events[0].type == "ASSAULT"
    assert not [e for e in x.events if e.type == "SUPPORT"]  # who the warplanes are: no act


def test_a_pattern_word_in_the_verbs_adjunct_phrase_does_not_code_it(pipeline):
    # ConfliBERT train: Phoenix's "hold fire" (0871) matched the fire of "following a fire"
    x = pipeline.extract("Beijing police have detained 18 people following a fire that killed "
                         "19 people and injured another eight on Saturday night, the state news "
                         "agency Xinhua reported late on Monday.")
    assert x.events[0].trigger.text == "detained"
    assert (x.events[0].type, x.events[0].cameo) == ("COERCE", "173")


def test_of_two_pattern_words_the_verbs_object_codes_it(pipeline):
    # ConfliBERT train: "rejected an extradition request ... on the charge of" rejects the
    # request (120), it does not deny a charge (016, a statement)
    x = pipeline.extract("A German court on Thursday rejected an extradition request for "
                         "Catalonia's former leader Carles Puigdemont on the charge of rebellion "
                         "for his role in the campaign for the region's independence.")
    assert (x.events[0].type, x.events[0].cameo) == ("REJECT", "120")


def test_refuting_someones_comments_is_disapproval(pipeline):
    # ConfliBERT train (verbal conflict): CAMEO 111, not 016 "deny responsibility"
    x = pipeline.extract("The South African Government strongly refuted United States President "
                         "Donald Trump's comments on farm seizures and expropriations and the "
                         "large-scale killing of farmers in the country.")
    event = x.events[0]
    assert (event.type, event.cameo) == ("ACCUSE", "111")
    assert codes(x, event.source) == {"ZAFGOV"}
    assert "USAGOV" in codes(x, event.target)


def test_a_sit_in_is_one_word_and_a_demonstration(pipeline):
    # ConfliBERT train and CAMEO.2.0.txt (SIT-IN [141]): the tokenizer split "sit - in"
    x = pipeline.extract("Hundreds of students held a sit-in outside the parliament in Khartoum.")
    assert any(t.text == "sit-in" for t in pipeline.nlp("a sit-in"))
    assert (x.events[0].type, x.events[0].cameo) == ("PROTEST", "141")


def test_a_meeting_is_reciprocal_a_call_or_visit_is_not(pipeline):
    # ConfliBERT train sentences: both parties of talks are marked R (source and target);
    # a phone call or hosting keeps its direction (marked S and T)
    x = pipeline.extract("The British Prime Minister Theresa May has held talks with the Irish "
                         "premier Leo Varadkar at Downing Street.")
    event = x.events[0]
    assert event.type == "CONSULT" and event.reciprocal
    assert any(code.startswith("GBR") for code in codes(x, event.source))
    assert codes(x, event.target) == {"IRLGOV"}
    x = pipeline.extract("On Nov. 18, NATO Secretary General Jens Stoltenberg called Erdogan to "
                         "apologize for the case during the alliance's exercises held in Norway.")
    assert x.events and not x.events[0].reciprocal


def test_a_decision_to_act_is_the_act_it_decides(pipeline):
    # ConfliBERT train sentences, marked material cooperation: the decided act is coded (as
    # planned), not an intent to cooperate (030)
    x = pipeline.extract("Japan has decided to partially lift 2-year-old economic sanctions "
                         "imposed on India and Pakistan after their nuclear tests.")
    event = x.events[0]
    assert (event.type, event.cameo, event.trigger.text) == ("RETREAT", "085", "lift")
    assert event.status == "planned" and codes(x, event.source) == {"JPN"}
    x = pipeline.extract("Mexico had decided to grant political asylum to Evo Morales in virtue "
                         "of the urgent situation which he faces in Bolivia.")
    assert (x.events[0].type, x.events[0].cameo) == ("AID", "075")


def test_aid_given_outweighs_the_purpose_it_serves(pipeline):
    # ConfliBERT train: money or aid provided is AID (CAMEO 07), whatever "to support" follows
    x = pipeline.extract("Germany provided 6.3 million euros to support projects which benefit "
                         "Palestinian refugees in Syria, Jordan and Lebanon.")
    assert (x.events[0].type, x.events[0].cameo) == ("AID", "071")
    x = pipeline.extract("The United States has also provided nearly $1.7 billion in humanitarian "
                         "assistance to support Syrian refugees in Jordan since the start of the "
                         "Syria crisis.")
    assert (x.events[0].type, x.events[0].cameo) == ("AID", "073")
    assert codes(x, x.events[0].target) == {"SYRREF"}


def test_taking_in_refugees_is_asylum(pipeline):
    # PLOVER codebook, AID: "Grant asylum"; ConfliBERT train sentences
    for text in ("State of Colorado accepted Syrian refugees, Hickenlooper says.",
                 "Last year, Germany opened its borders to about one million Muslim refugees."):
        x = pipeline.extract(text)
        assert (x.events[0].type, x.events[0].cameo) == ("AID", "075"), text


def test_opening_fire_near_a_crossing_is_fighting(pipeline):
    # "open ... crossing" is an eased blockade (0872) only when no fire is opened
    x = pipeline.extract("Israeli troops opened fire on protesters near the Erez crossing, "
                         "killing two.")
    assert (x.events[0].type, x.events[0].cameo) == ("ASSAULT", "193")


def test_an_option_considered_is_no_consultation(pipeline):
    # ConfliBERT train sentences marked statements: Phoenix's CONSIDER default (040) made them
    # consultations; the act weighed is hypothetical
    x = pipeline.extract("The Norwegian Government is considering the possibility of covering "
                         "the cost of the subsequent sessions.")
    assert not [e for e in x.events if e.type == "CONSULT"]
    x = pipeline.extract("The Alberta government is considering giving money directly to "
                         "municipal police services.")
    assert x.events and all(e.status == "hypothetical" for e in x.events)


def test_detaining_people_at_a_rally_is_detention(pipeline):
    # ConfliBERT train: Phoenix's CONFINE block lent detain the patterns of "hold a rally" (141)
    x = pipeline.extract("Russian police detained several dozen people in the early hours on "
                         "Thursday at a rally protesting plans to build a cathedral.")
    assert (x.events[0].type, x.events[0].cameo) == ("COERCE", "173")


def test_an_issued_warning_is_a_threat_not_military_aid(pipeline):
    x = pipeline.extract("However, the South African government has issued a warning that it "
                         "would not tolerate a military coup in Lesotho by the Lesotho Defence "
                         "Force (LDF).")
    assert x.events[0].type == "THREATEN"
    assert codes(x, x.events[0].source) == {"ZAFGOV"}


def test_taking_office_part_or_reforms_is_no_seizure(pipeline):
    # ConfliBERT train (a statement); "take control" stays a seizure
    x = pipeline.extract("The Deutsche Bank's mission expressed the bank's optimism about the "
                         "economic reforms taken by the Egyptian government.")
    assert not [e for e in x.events if e.type == "COERCE"]
    x = pipeline.extract("Rebels took control of the presidential office in Bangui.")
    assert (x.events[0].type, x.events[0].cameo) == ("COERCE", "192")


def test_defending_a_policy_is_verbal_support(pipeline):
    # CAMEO 052 "defend verbally" (ConfliBERT train: verbal cooperation); a military position
    # defended stays Phoenix's protection
    x = pipeline.extract("Mexican President Andres Manuel Lopez Obrador on Thursday defended "
                         "Mexico's restrictive immigration policy.")
    assert (x.events[0].type, x.events[0].cameo) == ("SUPPORT", "052")
    x = pipeline.extract("Kurdish fighters defended their positions against an Islamic State "
                         "assault on Kobani.")
    assert x.events[0].cameo != "052"


def test_considering_sending_aid_is_a_hypothetical_aid(pipeline):
    # ConfliBERT train: not Phoenix's "consider ... aid" threat to cut aid (1311)
    x = pipeline.extract("Japan is considering sending aid to North Korea following devastating "
                         "floods this month.")
    event = x.events[0]
    assert (event.type, event.status) == ("AID", "hypothetical")
    assert codes(x, event.target) == {"PRK"}


def test_an_option_weighed_is_cameo_014_and_a_hypothetical_act(pipeline):
    # ConfliBERT train: 15 "is considering giving / sending", "exploring the possibility of"
    # sentences, every one the coders' statement class; CAMEO codes the weighing (014 consider
    # policy option), PLOVER keeps the act with its status, roles and all
    x = pipeline.extract("The South Korean government is considering sending aid to help North "
                         "Korea cope with severe flood damage.")
    event = main_event(x)
    assert (event.type, event.status, event.cameo) == ("AID", "hypothetical", "014")
    assert codes(x, event.source) == {"KORGOV"}
    assert penta_class(event) == 0
    x = pipeline.extract("DPKO is exploring the possibility of transferring tactical helicopters "
                         "from another UN Mission to Darfur.")
    assert [e.cameo for e in x.events] == ["014"]
    # an act under a modal is hypothetical but weighed by no one: it keeps its own code
    x = pipeline.extract("Chinese hackers may have launched cyber attacks on India's power "
                         "system, ports and two vaccine companies.")
    assert [(e.status, e.cameo) for e in x.events] == [("hypothetical", "176")]


def test_an_act_hoped_for_or_doubted_is_cameo_013_or_012_and_hypothetical(pipeline):
    # ConfliBERT train: 13 of 13 sentences of an act hoped for are the statement class, and
    # so are those of pessimism; Phoenix codes "expressed hope" / "hope for" 013 (optimistic
    # comment) and "expressed pessimism" 012. PLOVER keeps the act, hypothetical: no plan
    x = pipeline.extract("Ben Malor, a spokesman for the UN, said they hoped to resume flights "
                         "soon but were waiting for the Pakistani military to investigate the "
                         "incidents in the region of Leepa, southeast of Muzaffarabad, the capital "
                         "of Pakistani Kashmir.")
    event = main_event(x)
    assert (event.type, event.status, event.cameo) == ("COOPERATE", "hypothetical", "013")
    assert penta_class(event) == 0
    x = pipeline.extract("Iran's foreign minister has said he hopes Japan and the European Union "
                         "will persuade newly inaugurated U.S. President Joe Biden to lift "
                         "crippling economic sanctions imposed on Tehran by his predecessor.")
    assert [(e.status, e.cameo) for e in x.events[:2]] == [("hypothetical", "013")] * 2
    x = pipeline.extract("Hong Kong's government said it hoped for more talks with pro-democracy "
                         "protesters following the first formal negotiations.")
    assert [(e.type, e.cameo) for e in x.events] == [("CONSULT", "013")]
    x = pipeline.extract("The Government Accountability Office (GAO) recently expressed "
                         "pessimism that the Defense Department's new Principal Deputy Space "
                         "Adviser (PDSA) could truly improve how the Pentagon procures space "
                         "programs.")
    assert [(e.status, e.cameo) for e in x.events] == [("hypothetical", "012")]


def test_a_claim_of_responsibility_is_cameo_015_and_the_claimants_act(pipeline):
    # ConfliBERT train: all 21 "claimed responsibility for" / "claimed that they had attacked"
    # sentences are the coders' statement class; CAMEO codes the claim (015 acknowledge or
    # claim responsibility; Phoenix CLAIM "responsibility", "attack", "bombing" 015), PLOVER
    # keeps the attack, done by the claimant and claimed by it
    x = pipeline.extract("Yemen's Houthi rebels on Monday claimed responsibility for missile and "
                         "drone attack on the government army's sites.")
    event = main_event(x)
    assert (event.type, event.status, event.cameo) == ("ASSAULT", "claimed", "015")
    assert [x.by_id(i).text for i in event.source] == ["Yemen's Houthi rebels"]
    assert event.claimed_by == event.source[0]
    assert penta_class(event) == 0
    x = pipeline.extract("The Taliban claimed responsibility for the attack inside the highly "
                         "secured compound, dealing a severe blow to the Afghan government in one "
                         "of its most strategically important provinces.")
    assert [(e.type, e.cameo, x.by_id(e.source[0]).text) for e in x.events] == [
        ("ASSAULT", "015", "The Taliban")]
    x = pipeline.extract("The Houthis also claimed that they had attacked the Saudi airport of "
                         "Abha and Jizan and the Khamis Mushait military base.")
    assert [(e.type, e.status, e.cameo) for e in x.events] == [("ASSAULT", "claimed", "015")]
    # no one's claim claims nothing (bench); a claim that another attacked accuses it (112)
    x = pipeline.extract("No group has claimed responsibility for the attack.")
    assert not any(e.cameo == "015" for e in x.events)
    x = pipeline.extract("The US claimed that ISIL had attacked Iraq and taken the city of Mosul")
    assert [e.cameo for e in x.events if e.type == "ASSAULT"] == ["190"]


def test_aid_announced_or_approved_is_the_aid(pipeline):
    # ConfliBERT train: "announced ... assistance", "approved the deployment of a U.N. advance
    # team" are the coders' material cooperation (4 of 4), where Phoenix codes the intent (033,
    # 0334); the aid's own code is CAMEO's parallel family (070, 074)
    x = pipeline.extract("The European Commission has announced additional humanitarian "
                         "assistance of \u20ac60 million to help people in Somalia, Ethiopia and "
                         "Kenya, who have been facing critical")  # cut so in the data
    event = main_event(x)
    assert (event.type, event.cameo, event.status) == ("AID", "070", "asserted")
    assert penta_class(event) == 2
    x = pipeline.extract("The United Nations Security Council on Friday unanimously approved the "
                         "deployment of a U.N. advance team to monitor a ceasefire in Yemen's "
                         "Hodeidah region.")
    assert (main_event(x).type, main_event(x).cameo) == ("AID", "074")


def test_pushing_for_something_is_an_appeal(pipeline):
    # ConfliBERT train: 7 of 7 "pushed for" sentences statements (CAMEO 02 appeal), where
    # Phoenix's DEMAND block codes push a demand (100) or, "for constitution", an intent (0344)
    x = pipeline.extract("The Trump administration has pushed for policies that would cut back on "
                         "collecting data that helps track discrimination in the mortgage market.")
    assert (main_event(x).type, main_event(x).cameo) == ("REQUEST", "020")
    x = pipeline.extract("President Atambayev has pushed for alterations in the Kyrgyzstan's "
                         "constitution.")
    assert (main_event(x).type, main_event(x).cameo) == ("REQUEST", "0244")
    assert penta_class(main_event(x)) == 0


def test_agreeing_with_a_view_is_an_accord(pipeline):
    # ConfliBERT train: 6 of 6 "agree with" a person or a view are statements (CAMEO 019
    # express accord); PLOVER keeps the event and its parties, which the coders mark
    x = pipeline.extract("FDA officials said they agree with the recommendation, but it\u2019s "
                         "more of an efficiency move since it won\u2019t change what information "
                         "companies have to submit .")
    assert (main_event(x).type, main_event(x).cameo) == ("AGREE", "019")
    assert penta_class(main_event(x)) == 0
    x = pipeline.extract("The Trudeau government has agreed with the Senate that Canadians "
                         "suffering solely from grievous and irremediable mental illnesses should "
                         "be entitled to receive medical assistance in dying")
    assert main_event(x).cameo == "019" and main_event(x).target
    # an act agreed on is an agreement (bench, Reuters, the line break as a space)
    x = pipeline.extract("yesterday jamaica agreed with creditor banks to reschedule over the "
                         "next 12 years some 181 miln dlrs due in 1987-89")
    assert [e.cameo for e in x.events if e.type == "AGREE"] != ["019"]
    x = pipeline.extract("Venezuela agreed with its bank advisory committee on a 14.5 year "
                         "rescheduling of 20")
    assert all(e.cameo != "019" for e in x.events)


def test_forces_deployed_are_a_mobilisation(pipeline):
    # PLOVER codebook, MOBILIZE: "All military or police moves, deployments, activations";
    # peacekeepers sent stay AID (074)
    x = pipeline.extract("Russia deployed troops to the Ukrainian border.")
    event = x.events[0]
    assert (event.type, event.mode) == ("MOBILIZE", "troops")
    assert codes(x, event.source) == {"RUS"}
    x = pipeline.extract("India dispatched additional troops to Kashmir after the attack.")
    assert x.events[0].type == "MOBILIZE"
    x = pipeline.extract("The UN deployed peacekeepers to the border between Sudan and South "
                         "Sudan.")
    assert x.events[0].type == "AID"


def test_walking_off_the_job_is_a_strike(pipeline):
    # CAMEO 143 "conduct strike or boycott", written from its description
    x = pipeline.extract("Workers in South Africa walked off the job in a nationwide strike.")
    assert (x.events[0].type, x.events[0].cameo) == ("PROTEST", "143")
    assert not pipeline.extract("The striker walked off the pitch after the red card.").events


def test_remarks_delivered_and_laws_signed_are_no_events(pipeline):
    # CAMEO pilot round sentences: a speech is a statement, a law signed is no agreement
    x = pipeline.extract("U.S. President Donald Trump delivers remarks to U.S. troops in an "
                         "unannounced visit to Bagram Air Base, Afghanistan, November 28, 2019.")
    assert not [e for e in x.events if e.type == "AID"]
    x = pipeline.extract("Over the past 18 months, President Dmitry Medvedev has signed two laws "
                         "meant to rein in Russia's notorious pretrial detention system.")
    assert not x.events  # nor is "meant", the laws' purpose, an intent
    x = pipeline.extract("Israel and the UAE signed a peace agreement at the White House.")
    assert (x.events[0].type, x.events[0].cameo) == ("SUPPORT", "057")


def test_a_participle_naming_a_thing_is_no_call(pipeline):
    # "called" naming a programme is no phone call (041); "a statement calling on" still asks
    x = pipeline.extract("Brazilian President Lula da Silva launched in 2003 the Brazil's biggest "
                         "social welfare program called Programa Bolsa Familia (PBF), which aimed "
                         "to reduce poverty.")
    assert not [e for e in x.events if e.type == "CONSULT"]
    x = pipeline.extract("Following this news, Human Rights Watch in New York issued a statement "
                         "calling on Canadian Prime Minister Justin Trudeau's administration to "
                         "fast-track the screening.")
    assert x.events[0].type == "REQUEST" and codes(x, x.events[0].target) == {"CANGOV"}


# --- tenth session: conventions read from ConfliBERT train and the CAMEO dictionary -------------

def test_trade_barriers_eased_and_bans_lifted_are_concessions(pipeline):
    # ConfliBERT train sentences (material cooperation): CAMEO 085 "ease economic sanctions"
    x = pipeline.extract("U.S. reduced tariffs on $120 billion of China's exports from 15 percent "
                         "to 7.5 percent.")
    assert (x.events[0].cameo, x.events[0].type) == ("085", "RETREAT")
    assert codes(x, x.events[0].target) == {"CHN"}
    x = pipeline.extract("The U.S. rolled back tariffs on Chinese goods in exchange for more U.S. "
                         "goods purchases.")
    assert x.events[0].cameo == "085"
    x = pipeline.extract("The US imposed tariffs on Chinese steel.")
    assert x.events[0].type == "SANCTION"
    x = pipeline.extract("Washington lifted a travel ban on Lebanon.")
    assert (x.events[0].cameo, x.events[0].type) == ("081", "CONCEDE")


def test_property_returned_to_a_state_through_a_quantity(pipeline):
    # "dozens of artifacts to": the "to" hangs from the quantity's noun, still the verb's object
    x = pipeline.extract("On May 12, 2010, US government returned dozens of pre-Columbian and "
                         "Mayan artifacts to the Embassy of El Salvador.")
    event = x.events[0]
    assert (event.cameo, event.type) == ("0842", "RETREAT")
    assert codes(x, event.source) == {"USAGOV"} and codes(x, event.target) == {"SLVGOV"}


def test_borders_opened_to_people_and_refugees_taken_are_asylum(pipeline):
    x = pipeline.extract("Turkey very generously opened its borders to such a large number of "
                         "Syrians, Iraqis and Afghans.")
    assert (x.events[0].cameo, x.events[0].type) == ("075", "AID")
    x = pipeline.extract("Germany took 1,553 refugees from camps in Greece.")
    assert x.events[0].cameo == "075"
    x = pipeline.extract("Israeli troops took the town after heavy fighting.")
    assert x.events[0].type == "COERCE"  # a town taken stays a seizure


def test_training_and_exercises_with_others_are_military_cooperation(pipeline):
    x = pipeline.extract("The US military trains Iraqi pilots to fly F-16s at the request of "
                         "Iraq's government, Roberts said.")
    assert (x.events[0].cameo, x.events[0].type) == ("062", "COOPERATE")
    x = pipeline.extract("The armies of Brazil and Argentina performed a joint war games in "
                         "October to create bi-national units for peace missions.")
    assert x.events[0].cameo == "062"
    x = pipeline.extract("Germany, Italy and the US are participating in the AsterX space war "
                         "game at France's national space agency CNES in Toulouse.")
    assert x.events[0].cameo == "062"


def test_exploring_the_possibility_of_an_act_is_weighing_it(pipeline):
    # six ConfliBERT train sentences, all statements: no investigation (Phoenix EXPLORE 090)
    x = pipeline.extract("The government of Belarus is exploring the possibility of switching to "
                         "crypto-mining.")
    assert not x.events
    x = pipeline.extract("DPKO is exploring the possibility of transferring tactical helicopters "
                         "from another UN Mission to Darfur.")
    assert all(e.type != "ACCUSE" and e.status == "hypothetical" for e in x.events)
    x = pipeline.extract("The Government of Austria has also indicated that it is considering the "
                         "possibility of providing three experts on forensic medicine and damage "
                         "to cultural property and historic monuments to the Commission.")
    assert x.events and x.events[0].status == "hypothetical"


def test_a_for_to_clause_is_what_a_call_asks(pipeline):
    # "called for Egyptians to join": the "for" marks the verb's request, not a phone call
    x = pipeline.extract("Students have called for Egyptians to join Friday's mobilization "
                         "against army rule in a march from Cairo's Ain Shams university.")
    assert (x.events[0].type, x.events[0].status) == ("REQUEST", "requested")
    x = pipeline.extract("Prime Minister Theresa May called on Friday for Britain to stay in the "
                         "European Union's single market during a two-year transition.")
    assert x.events[0].type == "REQUEST"


def test_a_disparaging_name_is_criticism_and_a_mediation_launched_is_mediation(pipeline):
    x = pipeline.extract("US President Donald Trump on Tuesday called Britain's ambassador to the "
                         "United States a very stupid guy.")
    assert (x.events[0].cameo, x.events[0].type) == ("111", "ACCUSE")
    x = pipeline.extract("Trump called the summit a great success.")
    assert not [e for e in x.events if e.trigger.text == "called"]  # praise: a statement
    x = pipeline.extract("Russia's president, Mr Vladimir Putin, launched a mediation effort in "
                         "the Kashmir crisis last night.")
    assert (x.events[0].cameo, x.events[0].type) == ("045", "CONSULT")


def test_fighting_government_forces_is_fighting_not_criticism(pipeline):
    # Phoenix's "* GOVERNMENT"/"* COURT" 111 matched the modifier of the forces or building
    x = pipeline.extract("Political opponents of the Maldives government clashed with police on "
                         "the streets of the capital early Friday.")
    assert x.events[0].type == "ASSAULT"
    x = pipeline.extract("A Venezuelan police helicopter attacked the country's Supreme Court "
                         "building and a government ministry in Caracas on Tuesday.")
    assert x.events[0].type == "ASSAULT"
    x = pipeline.extract("Taliban militants have stepped up attacks on Afghan security forces and "
                         "government facilities in recent months.")
    assert x.events[0].type == "ASSAULT"
    x = pipeline.extract("The opposition attacked the government over its handling of the crisis.")
    assert x.events[0].type == "ACCUSE"


def test_a_hyphenated_cease_fire_is_no_fire(pipeline):
    x = pipeline.extract("Afghan President Ashraf Ghani on Thursday announced a weeklong cease-fire "
                         "with the Taliban to coincide with the holiday.")
    assert [e.type for e in x.events] == ["RETREAT"]


def test_forces_strengthened_arms_laid_down_aid_flown_visits_ended(pipeline):
    x = pipeline.extract("Russia has strengthened its forces in Crimea amid ongoing confrontation "
                         "with Ukraine in the Kerch Strait.")
    assert (x.events[0].cameo, x.events[0].type) == ("154", "MOBILIZE")
    x = pipeline.extract("A rebel leader, along with dozens of fighters, in the Democratic Republic "
                         "of Congo dropped his guns and surrendered on Friday to authorities.")
    assert [e.type for e in x.events] == ["RETREAT", "RETREAT"]
    x = pipeline.extract("The non-governmental organization Medecins Sans Frontieres flew over 13 "
                         "metric tons of medicine into Afghanistan.")
    assert x.events[0].type == "AID"
    x = pipeline.extract("Former U.S. President Barack Obama is ending a five-day international "
                         "trip in Paris.")
    assert x.events[0].type == "CONSULT"
    x = pipeline.extract("The US had suspended military aid to Pakistan earlier this year over its "
                         "inaction to combat terrorism on its soil.")
    assert (x.events[0].cameo, x.events[0].type) == ("162", "SANCTION")


def test_censorship_talks_begun_and_weapons_dropped_on_a_town(pipeline):
    # PLOVER COERCE/censor "ban or restrict access to ... information" (codebook-worded)
    x = pipeline.extract("Iran blocked access to Instagram and WhatsApp.")
    assert (x.events[0].cameo, x.events[0].type, x.events[0].mode) == ("1721", "COERCE", "censor")
    x = pipeline.extract("Protesters blocked access to the parliament building.")
    assert x.events[0].type == "PROTEST"
    # CAMEO pilot round sentence: beginning discussions is negotiating (04), not an intent (03)
    x = pipeline.extract("The Obama administration has begun discussions with the Senate about "
                         "whether a bill aimed at forcing China to let its currency rise is the "
                         "right approach.")
    assert (x.events[0].cameo, x.events[0].type) == ("046", "CONSULT")
    # bench article sentences: weapons dropped on a town, another's forces bolstered
    x = pipeline.extract("Government helicopters dropped the crude and indiscriminate weapons on "
                         "al-Bab which lies in the northern province of Aleppo.")
    assert x.events[0].type == "ASSAULT"
    x = pipeline.extract("Russia has been carrying out airstrikes to bolster Syrian government "
                         "forces since last September.")
    assert "MOBILIZE" not in [e.type for e in x.events]


def test_funds_mobilised_and_rescue_teams_deployed_are_aid(pipeline):
    # ConfliBERT train sentences (material cooperation)
    x = pipeline.extract("The European Union is mobilising additional funds to support peace "
                         "building in Colombia.")
    assert (x.events[0].cameo, x.events[0].type) == ("071", "AID")
    x = pipeline.extract("USAID deployed seven search-and-rescue teams as part of an international "
                         "rescue effort that saved more than 130 lives in Haiti.")
    assert (x.events[0].cameo, x.events[0].type) == ("073", "AID")


def test_an_act_inside_a_denied_charge_is_alleged_not_asserted(pipeline):
    # ConfliBERT train sentences (statements: CAMEO 016 "deny responsibility", which the CAMEO
    # code carries; 29 of the 30 train sentences of a denied or rejected accusation)
    x = pipeline.extract("Sierra Leone's Ambassador to the United States yesterday denied charges "
                         "that his Government had helped conspirators in an unsuccessful coup in "
                         "Liberia last week.")
    helped = only(x, "AID")
    assert helped.trigger.text == "helped" and helped.status == "claimed"
    assert helped.cameo == "016" and penta_class(main_event(x)) == 0
    x = pipeline.extract("ICRC has rejected accusations that it had used communications equipment "
                         "to aid the rebels in Freetown.")
    assert [(e.status, e.cameo) for e in x.events] == [("claimed", "016")]
    x = pipeline.extract("The government of Cambodia has denied charges by the U.S. State "
                         "Department that it suspended a senior official whose department "
                         "rescued scores of women from a suspected brothel.")
    assert all(e.status == "claimed" for e in x.events)
    assert x.by_id(x.events[0].claimed_by).text.endswith("State Department")
    # the accusation the speaker makes in the same sentence stays asserted
    x = pipeline.extract("Iraq's Sunni vice-president has denied charges he ran a hit squad that "
                         "killed government officials, and accused the Shia-led government of "
                         "waging a campaign of persecution.")
    assert [(e.type, e.status) for e in x.events][:2] == [("ASSAULT", "claimed"),
                                                          ("ACCUSE", "asserted")]


def test_an_indictment_is_an_accusation_an_arrest_coercion(pipeline):
    # ConfliBERT train sentences; PLOVER ACCUSE/allege "criminally indict", "charge with a crime"
    x = pipeline.extract("India and the US have both indicted Sajid Mir, of the Pakistan-based "
                         "Lashkar-e-Taiba group, for the three-day attacks on hotels.")
    assert (x.events[0].cameo, x.events[0].type, x.events[0].mode) == ("173", "ACCUSE", "allege")
    x = pipeline.extract("Police arrested three men and charged them with murder.")
    assert [e.type for e in x.events] == ["COERCE", "ACCUSE"]


def test_a_headline_verb_tagged_as_a_noun_is_read_as_the_verb(pipeline):
    # ConfliBERT train headline (material cooperation): spaCy tags "hand" NOUN
    x = pipeline.extract("EU and UN hand over urgently needed essential medical supplies to the "
                         "Nigerian Government.")
    assert (x.events[0].trigger.text, x.events[0].type) == ("hand", "AID")
    # the particle parsed as the number's ("over 30 vehicles")
    x = pipeline.extract("Germany and UNICEF hand over 30 vehicles to support mobile health and "
                         "nutrition services for children in Afar and Somali regions.")
    assert (x.events[0].trigger.text, x.events[0].type) == ("hand", "AID")


def test_an_act_named_as_alleged_is_claimed(pipeline):
    # CAMEO pilot round sentence; a suspected chemical attack (bench) stays an attack
    x = pipeline.extract("Four men were indicted by a federal grand jury in Brooklyn Friday for an "
                         "alleged plot to blow up New York's John F. Kennedy International Airport.")
    assert only(x, "ASSAULT").status == "claimed"
    x = pipeline.extract("The death was the first in the town since a suspected chemical weapons "
                         "attack on Tuesday that killed 87 civilians.")
    assert all(e.status == "asserted" for e in x.events if e.type == "ASSAULT")


def test_a_clause_set_a_day_before_is_another_attack_not_part_of_this_one(pipeline):
    # bench article fakes-1923102889: the Idlib airstrikes are not the rebels' hit on Aleppo
    x = extract(pipeline, "State media says rebel forces have hit a school in "
                          "government-controlled west Aleppo just a day after dozens of children "
                          "were killed in airstrikes on a school in Idlib.")
    by_trigger = {e.trigger.text: e for e in x.events if e.type == "ASSAULT"}
    assert set(by_trigger) == {"hit", "killed"}
    assert codes(x, by_trigger["hit"].source) == {"SYRREB"}
    assert by_trigger["killed"].source == []  # not the rebel forces of the main clause
    assert codes(x, by_trigger["killed"].target) == {"SYRCVL"}


def test_deaths_after_an_attack_are_that_attack(pipeline):
    # the victims' clause has no doer of its own: the attack after "after" is what killed them
    x = extract(pipeline, "Two Russian pilots were killed in Syria after DAESH shot down a "
                          "helicopter near Palmyra the Russian military was quoted as saying by "
                          "local media.")
    attacks = [e for e in x.events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert codes(x, attacks[0].source) == {"IMGMUSISI"}


def test_a_later_clause_does_not_take_the_subject_of_its_head(pipeline):
    x = extract(pipeline, "Alloush identified the pilot as Lieutenant Nawras Hassan and posted "
                          "an interview with him before he was killed.")
    killing = only(x, "ASSAULT")
    assert killing.trigger.text == "killed"
    assert killing.source == []  # Alloush posted the interview; he did not kill the pilot


def test_who_condemns_reports_or_witnesses_an_act_does_not_do_it(pipeline):
    # ConfliBERT train: the condemner was the attacker ("condemned terrorist attacks": a
    # statement, CAMEO 018, no event of its own)
    x = extract(pipeline, "Flavia Nardelli Piccoli, Vice President of the Commission for Culture, "
                          "Science, and Education of the Italian Chamber of Deputies, condemned "
                          "terrorist attacks in Tehran.")
    assert not [e for e in x.events if e.type == "ASSAULT" and e.source]
    # bench (FA-KES): the monitor that reports the strikes, the city that witnessed them
    x = extract(pipeline, "The Syrian Observatory for Human Rights reported the airstrikes on "
                          "Saturday with an initial death toll of 47.")
    assert codes(x, only(x, "ASSAULT").source) == set()
    x = extract(pipeline, "Aleppo has also witnessed massive air raids in recent weeks one of the "
                          "most ferocious aerial assaults since the start of the war.")
    assert not [e for e in x.events if e.type == "ASSAULT" and e.source]
    # the one who carries attacks out still does them
    x = extract(pipeline, "Israel's military has carried out several attacks on the Syrian army "
                          "and its ally Lebanese Shia movement Hezbollah since the start of the "
                          "conflict in 2011.")
    assert codes(x, only(x, "ASSAULT").source) == {"ISRMIL"}


def test_property_returned_to_someone_after_a_long_object_or_in_the_passive(pipeline):
    # ConfliBERT train (all material cooperation): the "to" phrase lies past the window after a
    # long object, hangs from a word of the object, or follows a passive verb
    for text in ("DHS returned cultural artifacts, including a Corinthian column krater and a "
                 "Pompeii wall panel fresco, to the government of Italy.",
                 "ICE returned a silver pendant engraved with the image of Peter the Great to "
                 "Russian authorities in Moscow on March 4, 2010.",
                 "An ancient Egyptian sarcophagus was returned to the Arab Republic of Egypt by "
                 "ICE and CBP officials on March 10, 2010, at the National Geographic Society in "
                 "Washington D.C."):
        x = extract(pipeline, text)
        returned = only(x, "RETREAT")
        assert (returned.trigger.text, returned.cameo) == ("returned", "0842")


def test_an_act_condolences_are_offered_over_is_coded_as_the_condolence(pipeline):
    # ConfliBERT train (statements): PLOVER keeps the act, CAMEO codes the condolence (018)
    x = extract(pipeline, "A top diplomat in the United Arab Emirates is offering his "
                          "condolences over an attack on mosques in New Zealand that killed at "
                          "least 40 people.")
    attack = only(x, "ASSAULT")
    assert (attack.trigger.text, attack.cameo, attack.status) == ("attack", "018", "asserted")
    x = extract(pipeline, "West Bengal Chief Minister Mamata Banerjee expressed condolences to "
                          "family members of six farmers who were killed in alleged police "
                          "firing in Madhya Pradesh on Tuesday.")
    assert only(x, "ASSAULT").cameo == "018"
    x = extract(pipeline, "Saudi King Salman bin Abdulaziz Al Saud has sent a condolence message "
                          "to President Dr. Ashraf Ghani following Wednesday's terrorist assault "
                          "in Kabul.")
    assert [(e.trigger.text, e.cameo) for e in x.events] == [("sent", "018")]
    x = extract(pipeline, "Thomas Shannon, U.S. undersecretary of state for political affairs, "
                          "paid his respects to a South Korean soldier killed in Afghanistan a "
                          "decade ago during his trip here earlier this week, the U.S. Embassy "
                          "said Thursday.")
    assert only(x, "ASSAULT").cameo == "018"  # Phoenix: OFFER RESPECTS 018
    # bench: the letter of condolence is 018; the airstrikes it follows keep their code
    x = extract(pipeline, "Secretary-General of the Syrian Coalition Abdul Ilah al-Fahd sent a "
                          "letter of condolence to the Civil Defense Corps in Aleppo following "
                          "the death of five rescue workers in airstrikes by the Russian and "
                          "regime forces on a center for the group in the town of Al-Atareb on "
                          "Monday.")
    assert [(e.trigger.text, e.cameo) for e in x.events] == [("sent", "018"),
                                                             ("airstrikes", "195")]


def test_a_claim_of_responsibility_by_an_uncoded_group_is_still_015(pipeline):
    # ConfliBERT train (a statement): the FLN has no CAMEO code, its claim is still a claim
    x = extract(pipeline, "The FLN has claimed responsibility for several attacks in Rwanda's "
                          "Southern Province since 2018.")
    attacks = only(x, "ASSAULT")
    assert (attacks.trigger.text, attacks.cameo) == ("attacks", "015")


def test_a_conjoined_clause_lends_no_pattern_words_to_the_verb_before_it(pipeline):
    # ConfliBERT train (verbal conflict): "sanctions" is what the resolution calls for, not
    # what it criticises (Phoenix's "denounce sanctions", 053)
    x = extract(pipeline, "The European Parliament has approved a strongly worded resolution "
                          "criticizing the Nicaraguan government on human rights and calling "
                          "for sanctions.")
    assert x.events[0].trigger.text == "criticizing" and x.events[0].cameo == "111"
    # bench: the television reported the blast; the attack is the next clause's noun
    x = extract(pipeline, "Earlier state television had reported the blast but did not specify "
                          "the nature of the attack.")
    assert not [e for e in x.events if e.trigger.text == "reported"]
    # an object both verbs share is still the first one's ("killed and wounded hundreds")
    x = extract(pipeline, "A leading international rights group says that homemade land mines "
                          "planted by the Islamic State group have killed and wounded hundreds "
                          "of civilians including dozens of children in a town recently freed "
                          "of the militants in northern Syria.")
    assert next(e for e in x.events if e.trigger.text == "killed").cameo == "202"


def test_an_act_a_ceremony_marks_is_coded_as_the_ceremony(pipeline):
    # ConfliBERT train (statements): PLOVER keeps the act, CAMEO codes the symbolic act (017;
    # Phoenix ATTEND CEREMONY / COMMEMORATION 017)
    x = extract(pipeline, "Hundreds of people have attended a commemoration ceremony honoring a "
                          "Croatian general who died after apparently taking poison at a United "
                          "Nations tribunal that confirmed his war crimes conviction.")
    assert next(e for e in x.events if e.trigger.text == "died").cameo == "017"
    x = extract(pipeline, "Prime Minister Babiš attended ceremony to celebrate the foundation of "
                          "Czechoslovakia in Martin and Ruzomberok")
    assert [(e.trigger.text, e.cameo) for e in x.events] == [("celebrate", "017")]
    # ConfliBERT train (material cooperation): a ceremony as the act's setting leaves it alone
    x = extract(pipeline, "The United States returned an ancient marble sculpture of the head of "
                          "Roman Emperor Marcus Aurelius to Algerian Ambassador Amine Kherbi in a "
                          "ceremony in Washington, D.C.")
    assert x.events[0].cameo == "0842"


def test_agreeing_with_a_view_the_parse_hangs_from_the_partner_is_an_accord(pipeline):
    # ConfliBERT train (statements): a content clause parsed as the partner's relative clause,
    # a free relative, a person the tagger types a place
    for text in ("Officials from Kansas have said they agree with the NCAA that Gassnola made "
                 "payments to family members and handlers of two players, Billy Preston and "
                 "Silvio De Sousa.",
                 "Americans said they agree with what Republicans in Congress were proposing to "
                 "do, lower than agreement with what President Obama.",
                 "Both Ministers said they agree with Tantan, the Minister of Interior who told "
                 "governors not to welcome deputies and ministers at the border of the "
                 "provinces."):
        x = extract(pipeline, text)
        assert next(e for e in x.events if e.trigger.text == "agree").cameo == "019", text


def test_a_war_game_staged_by_two_armies_is_military_cooperation(pipeline):
    # ConfliBERT train (material cooperation): "war game" in the singular, a passive verb
    x = extract(pipeline, "The war game, code-named infinite moonlight 96 was staged by U.S. "
                          "marines and Jordanian armed forces.")
    staged = only(x, "COOPERATE")
    assert (staged.trigger.text, staged.cameo) == ("staged", "062")


def test_air_support_provided_is_military_aid(pipeline):
    # bench (FA-KES): PLOVER's SUPPORT is verbal only; Phoenix's GIVE "support" was 051
    x = extract(pipeline, "The Russian air fleets operation near Palmyra provided very good aerial "
                          "support for the Syrian ground forces who for their part inflicted "
                          "major casualties on the terrorists.")
    provided = only(x, "AID")
    assert (provided.trigger.text, provided.cameo) == ("provided", "072")


def test_an_attack_stepped_up_is_the_attack(pipeline):
    # bench (FA-KES): Phoenix BOOST's bare default (060) was the event; the bombardment is
    x = extract(pipeline, "Regime and Russian forces have lately intensified aerial bombardment "
                          "on Idlib province.")
    intensified = only(x, "ASSAULT")
    assert (intensified.trigger.text, intensified.cameo) == ("intensified", "195")


def test_a_verb_default_of_cooperation_without_a_partner_is_no_event(pipeline):
    # bench (FA-KES): PLOVER's COOPERATE is for the benefit of both parties
    for text in ("The hospital served as a referral centre specialising in pediatrics with an "
                 "operating theatre and an intensive care unit.",
                 "Extremists fighting for Al Nusra Front the Syrian branch of Al Qaeda were also "
                 "killed said observatory head Rami Abdel Rahman who did not provide a precise "
                 "number."):
        x = extract(pipeline, text)
        assert not [e for e in x.events if e.type == "COOPERATE"], text
    # nor with a party done to by a thing
    for text in ("This crime will constitute a turning point in the Syrian developments because "
                 "it has embarrassed the Russians on the issue of chemicals.",
                 "The Central Military Media said 3000 residents of two pro-regime villages Foua "
                 "and Kafarya left Wednesday in 45 buses bound for regime-controlled Aleppo."):
        x = extract(pipeline, text)
        assert not [e for e in x.events if e.type == "COOPERATE"], text
    # a doer left unsaid stays
    x = extract(pipeline, "Under the evacuation deal more than 2000 people including rebel "
                          "fighters were granted safe passage out of Madaya a town near Damascus "
                          "besieged by government forces.")
    assert [e.trigger.text for e in x.events if e.type == "COOPERATE"] == ["granted"]
    # three states establishing a mechanism together cooperate
    x = extract(pipeline, "A tripartite mechanism was established in February by Turkey Russia "
                          "and Iran to monitor the ceasefire in Syria.")
    assert only(x, "COOPERATE").trigger.text == "established"


def test_subsidies_provided_are_economic_aid(pipeline):
    # bench (Reuters): subsidies are money, as Phoenix's PROVIDE "dollars" (071); refused here
    x = extract(pipeline, "The French government plans to cancel part of Renault's debt as part "
                          "of a strategy of returning the state car group to financial "
                          "independence, but will not provide it with more subsidies, industry "
                          "ministry sources said.")
    provide = next(e for e in x.events if e.trigger.text == "provide")
    assert (provide.type, provide.cameo) == ("REJECT", "122")


def test_killings_a_named_party_is_responsible_for_are_its_act(pipeline):
    # ConfliBERT train (material conflict): no modifier names the killers, the sentence does
    x = extract(pipeline, "Los Zetas cartel has been responsible for mass killings and "
                          "beheadings in northern Mexico.")
    killings = x.events[0]
    assert (killings.trigger.text, killings.cameo) == ("killings", "202")  # CAMEO mass killings
    assert [x.by_id(a).text for a in killings.source] == ["Los Zetas cartel"]
    x = extract(pipeline, "Britain was responsible for the 1948 killing of 24 unarmed Malayan "
                          "civilians who were shot dead by British troops during a campaign "
                          "against Communist insurgents, a London court ruled on Tuesday.")
    killing = x.events[0]
    assert (killing.trigger.text, killing.cameo) == ("killing", "190")
    assert [x.by_id(a).text for a in killing.source] == ["Britain"]
    # bench (MUC, its line breaks joined): a murder too
    x = extract(pipeline, "THEREFORE, THE ARCHBISHOPRIC'S LEGAL ASSISTANCE OFFICE CONCLUDES THAT "
                          "ALL THE EVIDENCE INDICATES THAT MILITARY PERSONNEL OF THE SALVADORAN "
                          "ARMED FORCES ARE RESPONSIBLE FOR THE MURDER OF THE SIX JESUIT PRIESTS "
                          "AND THE TWO MAIDS.")
    murder = only(x, "ASSAULT")
    assert (murder.trigger.text, murder.cameo) == ("MURDER", "190")
    assert codes(x, murder.source) == {"SLVMIL"}
    # the victim's killing names no killer: no event
    x = extract(pipeline, "Turkish officials shared evidence with Saudi Arabia and other nations "
                          "over Khashoggi's killing.")
    assert "killing" not in [e.trigger.text for e in x.events]


def test_an_act_in_a_denied_charge_the_parse_makes_a_relative_clause_is_the_denial(pipeline):
    # ConfliBERT train (a statement): the charge's "that" clause is parsed as a relative clause
    x = extract(pipeline, "The Guatemalan government Monday denied charges by Central American "
                          "clergymen that it tortured and drugged a Jesuit priest into confessing "
                          "his involvement with leftist guerrillas.")
    assert [e.cameo for e in x.events] == ["016"]  # CAMEO deny responsibility
    assert x.events[0].status == "claimed"


def test_an_investigation_people_are_sent_for_is_the_event_whatever_the_infinitive_hangs_from(
        pipeline):
    # ConfliBERT train (verbal conflict): "to investigate" hangs from "a rush", a phrase of "sent"
    x = extract(pipeline, "The Obama administration has sent teams of CIA operatives into Libya "
                          "in a rush to investigate the rebel forces opposed to Libyan leader "
                          "Muammar Gaddafi, according to US officials.")
    assert (x.events[0].trigger.text, x.events[0].cameo) == ("investigate", "090")
    # bench (FA-KES): from the mission sent
    x = extract(pipeline, "The OPCW announced on Tuesday April 29 2014 that it will send a "
                          "fact-finding mission to investigate the recent use of chlorine gas in "
                          "Syria.")
    assert [e.trigger.text for e in x.events] == ["investigate"]
    assert [x.by_id(a).text for a in x.events[0].source] == ["The OPCW"]


def test_a_match_report_codes_no_events(pipeline):
    # bench (BBC sport, not among the articles the hand check drew): a win is no assault,
    # a fixture no clash, a tennis final no meeting
    x = extract(pipeline, "France coach Bernard Laporte has made four changes to the starting "
                          "line-up that beat England for Saturday's Six Nations clash with Wales."
                          "\n\nHe opted for Yannick Nyanga in the back row instead of Grand Slam "
                          "winner Imanol Harinordoquy, who is back in the squad. Other changes see "
                          "Julien Laharrague win his first cap at full-back, Aurelien Rougerie "
                          "return after injury on the wing and Yannick Jauzion in at centre. But "
                          "Laporte has resisted fan pressure to start Frederic Michalak at "
                          "fly-half.")
    assert x.events == []
    x = extract(pipeline, "American Taylor Dent reached the final of the Australian hardcourt "
                          "event in Adelaide with a crushing 6-1 6-1 win over Argentine Juan "
                          "Ignacio Chela.\n\nDent will meet Swede Joachim Johansson on Sunday "
                          "after the second seed survived a tense tie-break to defeat Belgium's "
                          "Olivier Rochus 6-1 7-6 (7/5).")
    assert x.events == []


def test_riots_in_a_news_digest_stay_events_beside_its_cricket_results(pipeline, data):
    # bench (Times of India, March 2002): a week's digest, riots first, cricket and hockey last
    article = next(a for a in read_jsonl(data / "corpora" / "bench_articles.jsonl.gz")
                   if a.id == "ipe-28")
    x = pipeline.extract(article.text)
    triggers = [(e.trigger.text, e.type) for e in x.events]
    assert ("attacked", "ASSAULT") in triggers  # "a mob ... attacked sabarmati express"
    assert ("killed", "ASSAULT") in triggers  # "fifty-seven people were killed"
    assert ("beat", "ASSAULT") not in triggers  # "england beat them 3-2" in the world cup hockey


def triggered(x):
    return [(e.trigger.text, e.type) for e in x.events]


def test_take_alone_is_no_seizure_but_a_procession_taken_out_is_a_protest(pipeline):
    # bench (Times of India, March 2002; held out of both hand checks)
    x = extract(pipeline, "in vadodara, central jail authorities have taken extra precautions "
                          "to defuse any tension even before it could develop into a scuffle.")
    assert not [e for e in x.events if e.trigger.text == "taken"]
    x = extract(pipeline, "about 100 kar sevaks took out a procession on monday defying "
                          "prohibitory orders.")
    assert only(x, "PROTEST").trigger.text == "took"
    assert "COERCE" not in {e.type for e in x.events}
    # a place taken is still seized (bench, FA-KES)
    x = extract(pipeline, "By Friday all but one of the villages taken by government forces had "
                          "been recaptured by the rebels who include fighters from Al-Qaeda "
                          "affiliate Al-Nusra Front.")
    assert [e.cameo for e in x.events if e.trigger.text == "taken"] == ["171"]


def test_a_plan_wish_or_failure_over_no_act_is_no_event(pipeline):
    # bench (BBC News 2004-05, Times of India 2002; held out of both hand checks): the
    # infinitive names the act, and it is none
    x = extract(pipeline, '"Two years ago I decided to return to Swansea and do something for '
                          'the city," said Mr Palmer.')
    assert not [e for e in x.events if e.trigger.text == "decided"]
    x = extract(pipeline, "this kind of misinformation campaign is be spread by the samajwadi "
                          "party which had so far failed to solicit the support of congress mlas.")
    assert not [e for e in x.events if e.trigger.text == "failed"]
    x = extract(pipeline, "BSkyB plans to ship its first generation set-top boxes, to receive "
                          "HDTV broadcasts, in time for Christmas.")
    assert not [e for e in x.events if e.trigger.text == "plans"]
    # parties that fail to reach an agreement still reject it (PLOVER's REJECT record)
    x = extract(pipeline, "Palestinians and Israelis failed to reach agreement on the fate of "
                          "Palestinian offices in east Jerusalem Sunday, despite hours of tense "
                          "negotiations, sources on both sides reported.")
    assert x.events[0].type == "REJECT" and x.events[0].trigger.text == "failed"


def test_meaning_needing_expecting_affecting_learning_and_hoping_are_no_acts(pipeline):
    # bench (held out of both hand checks): the verbs' bare Phoenix defaults
    for text in ("Stability is the key word - British business needs boring stability more "
                 "than anything.",
                 'The current economic climate meant Britain could not afford the "reckless, '
                 'George Bush-style tax cutting spree" planned by the Tories, he said.',
                 "Williams says he expects a torrid time from an England loose-forward trio of "
                 "Lewis Moody, Joe Worsley and Andy Hazell.",
                 "THESE TRANSFERS AND APPOINTMENTS AFFECT A TOTAL OF 12 COLONELS AND,",
                 "although the acp refused to specifiy further details, it is learnt that the "
                 "srp presence will be evident at places of worship, besides communally "
                 "sensitive neighbourhoods.",
                 '"no, there hasn\'\'t been any violence in this area", said mohammad akhtar, a '
                 'local shopkeeper, adding: "i hope this tension dies down and we can get back '
                 'to business".'):
        x = extract(pipeline, text)
        assert not [e for e in x.events if e.trigger.text.lower() in (
            "needs", "meant", "expects", "affect", "learnt", "hope")], (text, triggered(x))


def test_seeking_something_is_asking_for_it(pipeline):
    # bench (Times of India, March 2002; held out of both hand checks)
    x = extract(pipeline, "lucknow: the all-india babri masjid action committee (aibmac) has "
                          "sought a ban on vhp-sponsored march 15 programme at the acquired land "
                          "in ayodhya.")
    event = only(x, "REQUEST")
    assert event.trigger.text == "sought" and event.cameo.startswith("02")
    assert "AGREE" not in {e.type for e in x.events}


def test_the_god_ram_is_no_ramming(pipeline):
    # bench (Times of India, March 2002; held out of both hand checks): "ram" tagged a verb
    x = extract(pipeline, "it was not the vhp but ram janmabhoomi nyas that had sought "
                          "permission to perform the puja.")
    assert "ASSAULT" not in {e.type for e in x.events}
    x = extract(pipeline, "no kar sevaks or ram sevaks would be allowed to attend it but could "
                          "witness it from a distance.")
    assert "ASSAULT" not in {e.type for e in x.events}


def test_an_awards_report_codes_no_events(pipeline, data):
    # bench (BBC entertainment; held out of both hand checks): a soap that "beat" its rivals to
    # a prize, a film "beating" others, a prize that "went to" a drama are no political acts
    article = next(a for a in read_jsonl(data / "corpora" / "bench_articles.jsonl.gz")
                   if a.id == "bbc-entertainment-215")
    assert pipeline.extract(article.text).events == []


def test_a_broadband_report_codes_no_events(pipeline, data):
    # bench (BBC technology; held out of both hand checks): "BT will begin enforcing the
    # allowances", "rival ISPs have begun to offer 2Mbps services" are no political acts
    article = next(a for a in read_jsonl(data / "corpora" / "bench_articles.jsonl.gz")
                   if a.id == "bbc-tech-058")
    assert pipeline.extract(article.text).events == []


def test_a_strike_called_nationwide_is_a_labour_strike_not_an_air_strike(pipeline):
    # bench (Times of India, March 2002; held out of both hand checks)
    x = extract(pipeline, "the tucc has also called for a nation-wide strike by public sector "
                          "workers on march 16.")
    assert [e.cameo for e in x.events if e.trigger.text == "strike"] == ["143"]
    # bench (FA-KES): air strikes whose aftermath workers search stay attacks
    x = extract(pipeline, "Video uploaded by activists purportedly showed the aftermath of the "
                          "strikes with residents and civil defence workers picking though debris "
                          "looking for survivors.")
    assert [e.type for e in x.events if e.trigger.text == "strikes"] == ["ASSAULT"]


def test_a_flag_march_is_a_show_of_force_not_a_demonstration(pipeline):
    # bench (Times of India, March 2002; held out of both hand checks)
    x = extract(pipeline, "the raf staged the flag march between 11 am and 1 pm in behrampada and "
                          "khedwadi in bandra east and nirmal nagar and golibar lane in khar and "
                          "santa cruz area of north-west mumbai.")
    event = only(x, "MOBILIZE")
    assert event.trigger.text == "staged" and event.cameo == "150"
    assert "PROTEST" not in {e.type for e in x.events}


def test_wanting_another_to_act_is_asking_for_it(pipeline):
    # bench (BBC politics, held out of both hand checks; FA-KES)
    x = extract(pipeline, "The UK, France, Germany, Austria, the Netherlands and Sweden want the "
                          "EU budget to be capped at 1% of member states' combined national "
                          "incomes - the Commission wants it to be 1.26%.")
    assert [e.cameo for e in x.events if e.trigger.text == "want"] == ["020"]
    x = extract(pipeline, "He retains Moscows support but is loathed by much of Syrias rebel "
                          "opposition who want him gone.")
    assert [e.type for e in x.events if e.trigger.text == "want"] == ["REQUEST"]


def test_calling_or_joining_a_strike_or_march_is_taking_part_in_it(pipeline):
    # bench (FBIS, Times of India, BBC politics; held out of both hand checks)
    x = extract(pipeline, "THE FEDERATION OF MINERS AND METALWORKERS HAS CALLED A NATIONAL STRIKE\n"
                          "FOR 14 AUGUST TO PRESSURE THE COURTS INTO RULING IN FAVOR OF A \"SINGLE\n"
                          "NATIONAL LIST OF DEMANDS.\"")
    assert [(e.type, e.cameo) for e in x.events if e.trigger.text in ("CALLED", "STRIKE")] == [
        ("PROTEST", "143")]
    x = extract(pipeline, "in sensitive bharuch more than 50 maulvis and saints joined the peace "
                          "march organised by the district collector anju sharma.")
    assert [e.cameo for e in x.events if e.trigger.text == "joined"] == ["141"]
    x = extract(pipeline, "A range of services in Wales were affected as civil servants in Wales "
                          "joined the UK-wide strike.")
    assert [e.cameo for e in x.events if e.trigger.text == "joined"] == ["143"]


def test_casualties_inflicted_are_an_attack(pipeline):
    # bench (FBIS; held out of both hand checks)
    x = extract(pipeline, "THE\nFMLN REPORTEDLY ATTACKED LA LAGUNA, CONCEPCION QUZALTEPEQUE, LA "
                          "PALMA, SAN\nIGNACIO, SAN MIGUEL DE MERCEDES, AND EL CHIQUE, ALL IN "
                          "CHALATENANGO, AND\nINFLICTED 55 CASUALTIES ON THE ENEMY, 45 OF WHICH "
                          "WERE INFLICTED ON THE 4TH\nINFANTRY BRIGADE'S AZMITIA BATTALION.")
    assert {e.type for e in x.events} == {"ASSAULT"}


def test_coming_to_a_subject_or_ensuring_is_no_event(pipeline):
    # bench (BBC tech, FBIS; held out of both hand checks)
    x = extract(pipeline, "We are in a different phase now when it comes to technology, argues "
                          "Mr Donofrio, Industry Week's 2003 Technology Leader of the Year.")
    assert x.events == []
    x = extract(pipeline, "IF WE\nAGREE THAT THE CONTRAS MUST BE DEMOBILIZED, THEN THE HONDURAN\n"
                          "GOVERNMENT MUST DO ITS PART TO ENSURE THAT THE CONTRAS ARE\nDEMOBILIZED.")
    assert "ENSURE" not in {e.trigger.text for e in x.events}


def test_commenting_on_an_attack_is_a_statement_not_the_attack(pipeline):
    # bench (FBIS; held out of both hand checks): Phoenix EXPLAIN_VERBAL's "attack" pattern coded
    # the mayor's comment as an assault by him
    x = extract(pipeline, "THE MAYOR REITERATED HIS POSITION WHEN HE COMMENTED ON THE ATTACK\nIN "
                          "WHICH 20 PERSONS WERE KILLED AND APPROXIMATELY 100 WERE INJURED,\nWHICH "
                          "WAS PERPETRATED YESTERDAY BY TERRORISTS ON THE DRUG CARTEL'S HEADQUARTERS.")
    assert "COMMENTED" not in {e.trigger.text for e in x.events}
    assert "ASSAULT" in {e.type for e in x.events}


def test_a_question_asked_is_no_appeal(pipeline):
    # bench (BBC sport, Times of India; held out of both hand checks)
    x = extract(pipeline, "But when asked if Gerrard would be a Liverpool player on the first day "
                          "of next season, Parry said: \"I sincerely hope he will be.\"")
    assert "REQUEST" not in {e.type for e in x.events}
    x = extract(pipeline, "when commissioner of police p c pandey was asked for his reaction on "
                          "the phenomenon, he quipped, \"thank god that walled city remained quiet "
                          "this time\".")
    assert "REQUEST" not in {e.type for e in x.events}
    # nor is what a question asks about an event
    x = extract(pipeline, "asked how the two countries could stop the propaganda war being waged "
                          "through their respective media, swaraj denied that indian media "
                          "indulged in any anti pakistan propaganda.")
    assert not {"stop", "asked"} & {e.trigger.text for e in x.events}
    # asking another to act stays an appeal
    x = extract(pipeline, "lucknow: principal secretary,home, naresh dayal said that the state "
                          "government had asked the army to remain alert for maintaining peace in "
                          "ayodhya.")
    assert [e.cameo for e in x.events if e.trigger.text == "asked"] == ["020"]


def test_holding_people_hostage_is_hostage_taking(pipeline):
    # bench (FBIS; held out of both hand checks): CAMEO 181, as taking them, not detention (173)
    x = extract(pipeline, "NATURALLY, WE HAVE SOME COMBAT LIMITATIONS IN THE URBAN AREAS, BECAUSE\n"
                          "THE TERRORISTS ARE SHIELDING THEMSELVES BEHIND THE CIVILIAN POPULATION "
                          "AND\nARE HOLDING MANY FAMILIES HOSTAGES IN THEIR OWN HOMES.")
    assert [e.cameo for e in x.events if e.trigger.text == "HOLDING"] == ["181"]


def test_tending_to_do_something_is_no_event(pipeline):
    # bench (BBC tech; held out of both hand checks): Phoenix DEFEND's "tend" (look after)
    x = extract(pipeline, "As people become more familiar with the internet, they tend to spend "
                          "more time online and ask more queries, she said.")
    assert x.events == []


def test_what_surrounds_a_thing_is_no_siege(pipeline):
    # bench (BBC politics; held out of both hand checks): a participle describing a noun
    x = extract(pipeline, "There was an attempt to draw the line under the gossip surrounding his "
                          "rift with Chancellor Gordon Brown.")
    assert x.events == []
    # soldiers who are surrounding a campus still are
    x = extract(pipeline, "THERE WILL BE NO MILITARY INTERVENTION AT THE UNIVERSITY, EVEN IF THE "
                          "SOLDIERS WHO ARE SURROUNDING THE CAMPUS ARE PROVOKED.")
    assert [e.type for e in x.events if e.trigger.text == "SURROUNDING"] == ["ASSAULT"]
    # (FA-KES) and areas surrounded by forces are besieged
    x = extract(pipeline, "Syrias government has been accused of using siege tactics to pressure "
                          "rebel forces and the UN says nearly 600000 Syrians live in besieged "
                          "areas most surrounded by government forces although rebels also use "
                          "the method.")
    assert [e.type for e in x.events if e.trigger.text == "surrounded"] == ["ASSAULT"]


def test_a_death_of_illness_or_old_age_is_no_attack(pipeline):
    # bench (BBC business; held out of the hand checks): an obituary, no act (Phoenix DIE's 190
    # is for deaths in violence)
    x = extract(pipeline, "Charlie Bell, the straight-talking former head of fast-food giant "
                          "McDonald's, has died of cancer aged 44.")
    assert x.events == []
    # (BBC politics) deaths in a war stay, though "sleep" follows them
    x = extract(pipeline, "Writer Neil Coppendale, from West Sussex, asked of the Iraq war: \"Tens "
                          "of thousands of innocent men, women and children died - how do you "
                          "manage to sleep at night?\"")
    assert [e.type for e in x.events if e.trigger.text == "died"] == ["ASSAULT"]


def test_engaging_in_something_that_is_no_fight_is_no_attack(pipeline):
    # bench (BBC politics; held out of the hand checks): Phoenix ENGAGE's 190 needs a foe
    x = extract(pipeline, "Mr Campbell is acting as an adviser for Labour, which denies engaging "
                          "in personal campaigning.")
    assert "engaging" not in {e.trigger.text for e in x.events}
    # (FBIS) troops that engage insurgents attack them
    x = extract(pipeline, "THE MILITARY REPORT POINTS OUT\nTHAT TROOPS ENGAGED INSURGENTS IN THE "
                          "VILLAGES OF CHIAPAS, TAMULASCO,\nAND TEPEYAC, ALL OF WHICH ARE IN THE "
                          "JURISDICTION OF CHALATENANGO,\nCHALATENANGO DEPARTMENT.")
    assert [e.type for e in x.events if e.trigger.text == "ENGAGED"] == ["ASSAULT"]


def test_a_market_measure_hit_is_no_attack(pipeline):
    # bench (BBC business; held out of the hand checks)
    x = extract(pipeline, "The carrier reported a drop in quarterly profit earlier this year "
                          "after it was hit by higher fuel costs.")
    assert "hit" not in {e.trigger.text for e in x.events}
    # (FA-KES) a market place hit by airstrikes is
    x = extract(pipeline, "During the day Friday airstrikes hit a market in the nearby town of "
                          "Urem al-Kubra killing at least six people according to the "
                          "Britain-based Syrian Observatory for Human Rights which relies on "
                          "activists on the ground.")
    assert "ASSAULT" in {e.type for e in x.events}


def test_words_or_pledges_attacked_are_criticised(pipeline):
    # bench (BBC politics; held out of the hand checks): CAMEO 111, as Phoenix's "attacked the
    # policy"
    x = extract(pipeline, "The Tory co-chairman attacked Labour's six new pledges as \"vacuous\" "
                          "and said Mr Blair was very worried voters would take revenge for his "
                          "failure to deliver.")
    assert [e.cameo for e in x.events if e.trigger.text == "attacked"] == ["111"]


def test_a_rugby_match_report_codes_no_event(pipeline):
    # bench (BBC sport; held out of the hand checks): rugby's words (full-back, touchdown,
    # skipper, sin-binned) make the passage a sport one: no "killing the ball", no penalty
    # "kicked" or "struck"
    x = extract(pipeline, "The speedy Steinmetz had other ideas and he raced up to get the vital "
                          "touch in the nick of time, giving Adam Larkin an easy conversion. Ally "
                          "Warnock clawed back three points for Borders, but they were soon hit by "
                          "another double-blow. First, Mark Blair was yellow carded for killing "
                          "the ball on the ground and then full-back Cunningham bagged the second "
                          "touchdown in the wake of fine work by skipper Andy Ward. Larkin again "
                          "added the extras. Even worse was to come for Borders when Larkin kicked "
                          "two more penalties just before the break, the second of which also led "
                          "to Kelly Brown being sin-binned. The hosts gave themselves a glimmer of "
                          "hope immediately after the restart, however, when Warnock struck a "
                          "penalty at the other end.")
    assert x.events == []


def test_blame_is_an_accusation_and_an_arrest_a_detention_whatever_follows(pipeline):
    # bench (BBC business; held out of the hand checks): the block-mates' patterns ("charge" by
    # prosecutors is legal action, 173; a city taken, 192) are not these verbs' senses
    x = extract(pipeline, "In documents filed in a Virginia court ahead of Mr Sears' sentencing, "
                          "prosecutors blamed Boeing's senior management for failing to ask key "
                          "questions about the \"legal and ethical issues\" surrounding Ms "
                          "Druyun's appointment.")
    assert [e.cameo for e in x.events if e.trigger.text == "blamed"] == ["112"]
    # (FA-KES)
    x = extract(pipeline, "Abdelke and Adnan al-Dibs were arrested on 18 July in the "
                          "Mediterranean coastal city of Tartus and have not been seen since.")
    assert [e.cameo for e in x.events if e.trigger.text == "arrested"] == ["173"]


def test_expressing_a_need_is_a_statement(pipeline):
    # bench (FBIS; held out of the hand checks): Phoenix's own 110 for "express" made it
    # disapproval; ConfliBERT's coders put every "express" sentence in the statement class
    x = extract(pipeline, "IN A COMMUNIQUE FROM THE GENERAL COMMAND, THE FARABUNDO MARTI\nNATIONAL "
                          "LIBERATION FRONT (FMLN) EXPRESSED THE NEED TO \"REORIENT\" THE\nTERMS OF "
                          "THE DIALOGUE AND NEGOTIATION SO AS TO TURN THEM INTO A\nNATIONAL PROCESS "
                          "IN WHICH ALL THE COUNTRY'S SOCIAL AND POLITICAL\nFORCES CAN "
                          "PARTICIPATE.")
    assert "EXPRESSED" not in {e.trigger.text for e in x.events}


def test_helping_do_something_is_no_aid_helping_a_party_is(pipeline):
    # bench (BBC entertainment; held out of the hand checks): the complement names the act
    x = extract(pipeline, "She helped launch the Ballet Club at the Mercury Theatre (later the "
                          "Ballet Rambert), the Vic Wells Ballet, and then, with Anton Dolin, the "
                          "Markova-Dolin Ballet of 1935-37.")
    assert x.events == []
    # (FA-KES) a regime propped up is aided
    x = extract(pipeline, "The US has also reportedly opened up an air base in Kurdish-controlled "
                          "Syrian territory while Russia - which is helping prop up the regime - is "
                          "also close to the Kurdish units.")
    assert [e.type for e in x.events if e.trigger.text == "helping"] == ["AID"]


def test_a_decision_not_yet_made_is_no_intent(pipeline):
    # bench (BBC business; held out of the hand checks): deciding whether to act
    x = extract(pipeline, "US food and drug regulators will decide on Friday whether to recommend "
                          "the sale of painkillers that have been linked to a high risk of heart "
                          "attack and stroke.")
    assert "decide" not in {e.trigger.text for e in x.events}


def test_a_product_unveiled_released_or_protected_is_no_event(pipeline):
    # bench (BBC tech; held out of the hand checks): an unveiling is an announcement (a
    # statement), a product released no prisoner freed, intellectual property protected no
    # peacekeeping
    x = extract(pipeline, "Sony, IBM and Toshiba, who have been working on the Cell processor for "
                          "three years, unveiled the chip on Monday.")
    assert x.events == []
    x = extract(pipeline, "Later this year, Intel and Advanced Micro Devices plan to release their "
                          "own \"multicore\" chips, which also increase the number of instructions "
                          "that can be executed at once.")
    assert x.events == []
    x = extract(pipeline, "It is the second time in two weeks Apple has taken legal action to "
                          "protect its future products.")
    assert "protect" not in {e.trigger.text for e in x.events}


def test_a_rule_met_is_no_meeting(pipeline):
    # bench (BBC politics; held out of the hand checks)
    x = extract(pipeline, "But Mr Balls, a prospective Labour MP, said he was confident the "
                          "chancellor would meet his fiscal rules.")
    assert x.events == []


def test_talking_to_the_press_and_rushing_to_hospital_are_no_meeting_or_visit(pipeline):
    # bench (Times of India; held out of the hand checks): a statement, not a consultation
    x = extract(pipeline, "talking to reporters on saturday, shastri said: \"ayodhya is a pilgrim "
                          "centre and the government should not continue with restrictions for "
                          "long.")
    assert "talking" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "one person was injured and rushed to the ssg hospital.")
    assert x.events == []


def test_organising_is_a_protest_where_a_protest_is_organised(pipeline):
    # bench (Times of India; held out of the hand checks): a ritual organised is no support
    x = extract(pipeline, "who qualifies: last september, the vhp had organised yagnas where "
                          "people were asked to complete a 65-day ram naam jap sankalp.")
    assert "organised" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "the rally was organised because bangalore could not participate in "
                          "the vhp-sponsored nationwide bandh sponsored on march 1 \"due to "
                          "paucity of time.\"")
    assert [e.cameo for e in x.events if e.trigger.text == "organised"] == ["141"]


def test_an_award_that_went_to_someone_is_no_visit(pipeline):
    # bench (BBC tech; held out of the hand checks): Phoenix GO_SOMEWHERE's "to" 040
    x = extract(pipeline, "The top honour for the best online game of the year went to "
                          "Battlefield Vietnam.")
    assert x.events == []
    # (FA-KES) an envoy who went somewhere still visits it
    x = extract(pipeline, "High Representative for Disarmament Affairs Angela Kane went to "
                          "Damascus last week to negotiate the access accord.")
    assert "went" in {e.trigger.text for e in x.events}


def test_a_warning_of_a_risk_is_no_threat(pipeline):
    # bench (BBC tech; held out of the hand checks): no act of the warner's is threatened
    x = extract(pipeline, "Mitchell Kapor, chairman of the Mozilla foundation, warned that "
                          "Microsoft could use patent lawsuits in the future.")
    assert "warned" not in {e.trigger.text for e in x.events}
    # (BBC politics) a walkout warned of is still a threat
    x = extract(pipeline, "PCS leader Mark Serwotka warned last week that there could be further "
                          "walkouts unless there was a government rethink.")
    assert [e.type for e in x.events if e.trigger.text == "warned"] == ["THREATEN"]


def test_a_figure_pushed_up_or_people_remaining_in_custody_make_no_event(pipeline):
    # bench (BBC business, MUC; held out of the hand checks): no demand, no refusal to release
    x = extract(pipeline, "Buy it is understood that the recent success of the smaller edition "
                          "of the Independent, which has pushed circulation up by 20% to 260,000, "
                          "has prompted interest from industry rivals.")
    assert "pushed" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "MEANWHILE, APPROXIMATELY 4,000 PEOPLE REMAIN IN CUSTODY AWAITING "
                          "JUDICIAL RULINGS.")
    assert x.events == []


def test_harm_done_to_oneself_is_no_attack(pipeline):
    # bench (Reuters; held out of the hand checks)
    x = extract(pipeline, "\"We will not continue to hurt ourselves economically -- and subsidize "
                          "foreign wheat production -- by unilaterally stocking grain,\" Jim "
                          "Miller, president of NAWG said.")
    assert "hurt" not in {e.trigger.text for e in x.events}


def test_breaking_even_a_record_broken_or_a_rival_overtaken_is_no_attack(pipeline):
    # bench (BBC business and tech; held out of the hand checks)
    x = extract(pipeline, "Maserati and Ferrari sell about 10,000 cars between them and both "
                          "companies broke even in 2003.")
    assert x.events == []
    x = extract(pipeline, "UK mobile owners continue to break records with their text messaging.")
    assert x.events == []
    x = extract(pipeline, "China overtook the US to become Japan's biggest trading partner in 2004.")
    assert x.events == []


def test_a_promise_or_a_precedent_broken_or_a_market_dominated_is_no_attack(pipeline):
    # bench (BBC politics and business; held out of the hand checks)
    x = extract(pipeline, "Announcing the plans, Mr Redwood said: \"Mr Blair has forgotten the "
                          "interests of taxpayers, and has broken the pledges he made.")
    assert "broken" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "But Mr Brown will stun Westminster and break just about every "
                          "historical precedent if he fails to do something designed to put a "
                          "smile on voters' faces.")
    assert "break" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "US supermarket group Winn-Dixie has filed for bankruptcy protection "
                          "after succumbing to stiff competition in a market dominated by "
                          "Wal-Mart.")
    assert "dominated" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "But, for now, Mr Brown dominates the domestic political scene like few "
                          "chancellors - or politicians - before him.")
    assert x.events == []


def test_rules_or_principles_applied_are_no_request_bail_applied_for_is(pipeline):
    # bench (BBC politics and business, Times of India; held out of the hand checks)
    x = extract(pipeline, "The rules on marketing calls apply as much to politicians as to "
                          "private sector companies.")
    assert x.events == []
    x = extract(pipeline, "Britain, France, Gavi and the Gates Foundation have drawn up proposals "
                          "to apply the principles of the International Finance Facility (IFF) to "
                          "the area of immunisation.")
    assert "apply" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "sources also indicated that the eight have even applied for "
                          "anticipatory bail at the vadodara sessions court.")
    assert [(e.type, e.trigger.text) for e in x.events] == [("REQUEST", "applied")]


def test_a_consultation_with_no_partner_is_no_event(pipeline):
    # bench (Times of India, BBC, MUC; held out of the hand checks): a body's internal meeting,
    # talk as speech, a seminar attended
    x = extract(pipeline, "lucknow: the vishwa hindu parshad has convened a session of the "
                          "kendriya marg darshak mandal, the organisation's highest "
                          "decision-making body, on june 22 at rishikesh.")
    assert x.events == []
    x = extract(pipeline, "The company, China's third-largest milk producer, is to hold an "
                          "emergency meeting to debate the issue.")
    assert x.events == []
    x = extract(pipeline, "Instead of talking about the future he kept on talking about the past.")
    assert x.events == []
    # two parties in the subject, or a partner refused, stay
    x = extract(pipeline, "THE TWO PRESIDENTS ALSO DISCUSSED THE COFFEE MARKET, FRENCH SOURCES "
                          "SAID.")
    assert [e.type for e in x.events] == ["CONSULT"]
    x = extract(pipeline, "Israel will not attend, but is said to be closely watching the "
                          "outcome.")
    assert [e.type for e in x.events] == ["REJECT"]
    # (Reuters) a partner named by a relative pronoun stays
    x = extract(pipeline, "Funaro said the reception by representatives of creditor countries "
                          "with whom he met along the week was always to seek new ways.")
    assert "met" in {e.trigger.text for e in x.events}


def test_a_motion_verb_with_no_party_place_or_meeting_is_no_consultation(pipeline):
    # bench (Times of India, MUC; held out of the hand checks): a preposition alone made these
    # CONSULT (Phoenix ARRIVE's and GO_SOMEWHERE's "to", "back")
    x = extract(pipeline, "they claimed that the business activities had come to a standstill.")
    assert x.events == []
    x = extract(pipeline, "it hopes that after the down fall of the bjp, the secular partners of "
                          "the nda, who are there due to political compulsions, will come to the "
                          "conclusion that to sail in a wrecked boat will not be a wise move.")
    assert "come" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "vaidya pointed out that nearly 40,000 people had already visited "
                          "ayodhya, participated in the poornahuthi and come back, with no "
                          "violence.")
    assert "come" not in {e.trigger.text for e in x.events}
    # a place or a meeting named stays a trip
    x = extract(pipeline, "The Prime Minister will come to Kashmir next week.")
    assert [e.type for e in x.events] == ["CONSULT"]
    x = extract(pipeline, "The minister came to Delhi for talks.")
    assert "came" in {e.trigger.text for e in x.events if e.type == "CONSULT"}


def test_a_strike_called_or_protesters_gathering_is_a_protest_not_a_meeting(pipeline):
    # bench (Times of India, MUC, BBC; held out of the hand checks): CAMEO 143 for a strike
    # called (Phoenix "call strike"), 141 for a demonstration
    x = extract(pipeline, "pune: the maharashtra state board for secondary and higher "
                          "secondary has called off all examinations scheduled for friday in view "
                          "of the state-wide bandh called by the vishwa hindu parishad.")
    assert ("PROTEST", "143") in {(e.type, e.cameo) for e in x.events if e.trigger.text == "called"}
    x = extract(pipeline, "The strike, called by the Public and Commercial Services Union, was the "
                          "biggest by civil servants in a decade.")
    assert [(e.type, e.cameo) for e in x.events if e.trigger.text == "called"] == [
        ("PROTEST", "143")]
    x = extract(pipeline, "AT EMBASSIES AND CONSULATES IN MOST COUNTRIES IN WESTERN EUROPE -- IN "
                          "ITALY, SPAIN, THE FRG, FRANCE, SWEDEN, DENMARK AND EVERYWHERE -- THERE "
                          "HAVE BEEN DEMONSTRATIONS CALLED BY LABOR UNIONS, POLITICAL PARTIES, AND "
                          "PEOPLE'S MOVEMENTS IN THOSE COUNTRIES TO EXPRESS REPUDIATION.")
    assert [(e.type, e.cameo) for e in x.events if e.trigger.text == "CALLED"] == [
        ("PROTEST", "141")]
    # a meeting called stays one; a march that is no doer makes no protest
    x = extract(pipeline, "IF THE OPPOSITION MARCHES UNITED TOWARD 14 DECEMBER, IT WILL ACHIEVE "
                          "A OVERWHELMING VICTORY THAT WILL BE REGISTERED IN CHILEAN HISTORY AS A "
                          "GOLDEN DATE OF EXTRAORDINARY SIGNIFICANCE.")
    assert not [e for e in x.events if e.type == "PROTEST"]


def test_a_bill_passed_or_an_office_taken_over_is_no_event(pipeline):
    # bench (Times of India, BBC business and politics, MUC; held out of the hand checks): a
    # body's own law is domestic policy; "take over" with nothing seized is a succession
    x = extract(pipeline, "dikshit said: \u2018\u2018the bjp, which was in power before us, could "
                          "have passed the bill but did not.")
    assert x.events == []
    x = extract(pipeline, "besides, friday namaz also passed off peacefully, he added.")
    assert x.events == []
    x = extract(pipeline, "Mr Howard said Mr Blunkett had complained he had inherited a \"giant "
                          "mess\" when he took over at the Home Office from Jack Straw, now foreign "
                          "secretary.")
    assert "took" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "Harold Wilson took over and increased his majority later in the year in "
                          "a second election")
    assert x.events == []
    # a town taken over stays seized; (ConfliBERT train) what the bill does is the sentence's act
    x = extract(pipeline, "IN LA LIBERTAD DEPARTMENT A TERRORIST GROUP TOOK OVER THE GUADALUPITO "
                          "TOWN EARLY YESTERDAY MORNING.")
    assert [e.type for e in x.events if e.trigger.text == "TOOK"] == ["COERCE"]
    x = extract(pipeline, "Syria's government has passed a bill lifting the country's emergency "
                          "law, in place for 48 years, just hours after security forces fired on "
                          "protesters.")
    assert (main_event(x).trigger.text, main_event(x).cameo) == ("lifting", "0814")


def test_a_bill_or_a_takeover_approved_at_home_is_no_concession_one_abroad_is(pipeline):
    # bench (MUC, BBC business, Times of India; held out of the hand checks): the hand checks'
    # domestic policy, a body's own act
    x = extract(pipeline, "AS A PREVENTIVE MEASURE, CONGRESS HAS ALREADY APPROVED ANTITERRORIST "
                          "BILLS.")
    assert x.events == []
    x = extract(pipeline, "Deutsche Boerse's supervisory board has approved the possible takeover "
                          "of the LSE despite the signs of opposition from investors.")
    assert "approved" not in {e.trigger.text for e in x.events}
    # a second country's party stays
    x = extract(pipeline, "Secretary of State Mike Pompeo has authorized the release of $1.2 "
                          "billion in U.S. military assistance to Egypt, despite human rights "
                          "concerns that have held up previous funding.")  # ConfliBERT train
    assert "authorized" in {e.trigger.text for e in x.events}
    x = extract(pipeline, "The US said it could not approve Iran's application because it is "
                          "currently reviewing relations.")
    assert "approve" in {e.trigger.text for e in x.events}


def test_a_condition_inside_a_quote_is_no_event(pipeline):
    # bench (BBC politics, Times of India; held out of the hand checks): the hand checks'
    # convention ("if it is not permitted by the court" is no event)
    x = extract(pipeline, "Mr Livingstone has said the remarks may have been offensive but were "
                          "not racist, and said he would not apologise even if the prime minister "
                          "asked.")
    assert "asked" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "shankaracharya stressed that since the court case on the ayodhya issue "
                          "would take time, it would be better if both communities agreed to "
                          "consensus on the acquired land.")
    assert "agreed" not in {e.trigger.text for e in x.events}
    # (FA-KES) an "if" that asks whether leaves the act
    x = extract(pipeline, "The Britain-based group said it was unclear if the raids on Aleppos "
                          "Marjeh district were carried out by aircraft belonging to the Syrian "
                          "government or its ally Russia.")
    assert "carried" in {e.trigger.text for e in x.events}


def test_help_or_a_blow_that_no_party_gives_is_no_event(pipeline):
    # bench (Times of India, BBC business and tech; held out of the hand checks): a thing helps
    # or hits, no party
    x = extract(pipeline, "but these curbs actually helped the district administration in "
                          "handling the situation on friday.")
    assert x.events == []
    x = extract(pipeline, "Strong growth in subscriptions to mobile phone network Orange has "
                          "helped boost profits at owner France Telecom.")
    assert x.events == []
    x = extract(pipeline, "But the relentless rise in the value of the euro last year has also "
                          "hit the competitiveness of German products overseas.")
    assert x.events == []
    x = extract(pipeline, "A far more common situation is when a computer virus strikes and leads "
                          "to precious files being corrupted or deleted entirely.")
    assert x.events == []
    # (FA-KES) aid to fighters stays; artillery hits, though the parser makes "area" the subject
    x = extract(pipeline, "This has helped anti-IS fighters to gain 1000 kilometres of territory "
                          "and a foothold in Manbij which is an important supply route for the "
                          "jihadi force.")
    assert [e.type for e in x.events if e.trigger.text == "helped"] == ["AID"]
    x = extract(pipeline, "In Ghouta a rebel-held area in the Damascus suburbs regime artillery hit "
                          "Douma city while clashes continued between rebel and regime fighters in "
                          "Daraa Latakia and Homs.")
    assert [e.type for e in x.events if e.trigger.text == "hit"] == ["ASSAULT"]


def test_a_prize_won_a_figure_boosted_or_money_that_goes_somewhere_is_no_event(pipeline):
    # bench (BBC arts and business; held out of the hand checks)
    x = extract(pipeline, "A Fool Such As I, the next in a series of 18 reissues, is on course to "
                          "beat the Chemical Brothers to the top.")
    assert x.events == []
    x = extract(pipeline, "Iraq is still trying to boost its production capacity to match levels "
                          "last seen in the eighties, before the war with Iran.")
    assert "boost" not in {e.trigger.text for e in x.events}
    x = extract(pipeline, "Organisers say all funds will go to the American Red Cross.")
    assert x.events == []
    # (FA-KES) terrorists beaten back stay an attack
    x = extract(pipeline, "Also on Saturday Syrian Army troops and National Defense Forces beat "
                          "back terrorists from their positions near a chunk of the old highway "
                          "of Daraa to Damascus.")
    assert [e.type for e in x.events if e.trigger.text == "beat"] == ["ASSAULT"]


def test_goods_bought_make_no_event_a_firm_bought_does(pipeline):
    # bench (BBC business; held out of the hand checks)
    x = extract(pipeline, "Despite the general increase in spending in January, French households "
                          "bought fewer cars in January.")
    assert x.events == []
    x = extract(pipeline, "During the year WPP bought US rival Grey Global, creating a giant big "
                          "enough to rival sector leader Omnicom.")
    assert [e.type for e in x.events if e.trigger.text == "bought"] == ["COOPERATE"]
    x = extract(pipeline, "The other two-thirds of Seagram was bought by market leader Diageo.")
    assert [e.type for e in x.events if e.trigger.text == "bought"] == ["COOPERATE"]


def test_a_prize_won_goods_offered_taxes_paid_or_a_thing_that_allows_make_no_event(pipeline):
    # bench (BBC arts, business, politics; held out of the hand checks)
    for text in ("Pete Hautman won the young people's literature prize for his novel Godless.",
                 "MCI also offers internet services.",
                 "He added that the boom has allowed the government to collect $950m in taxes."):
        assert extract(pipeline, text).events == [], text
    x = extract(pipeline, "I work at a large Hospital where the contractors providing all ancillary "
                          "services - domestic, catering & portering etc - pay the minimum wage of "
                          "£4.85 as the basic rate.")
    assert "pay" not in {e.trigger.text for e in x.events}
    # (FA-KES) terrain that allows fighters to resist concedes nothing
    x = extract(pipeline, "The rough terrain and heavy forests has allowed the opposition forces to "
                          "resist heavy Syrian army shelling and withstand heavy aerial bombing "
                          "defense analysts say.")
    assert "allowed" not in {e.trigger.text for e in x.events}
    # (BBC business) a firm's offer to its creditors stays
    x = extract(pipeline, "Scandal-hit jet fuel supplier China Aviation Oil has offered to repay "
                          "its creditors $220m (£117m) of the $550m it lost on trading in oil "
                          "futures.")
    assert "offered" in {e.trigger.text for e in x.events}
    # (BBC tech) a firm's products provided to its members are no cooperation
    x = extract(pipeline, "Competitors like Google already offer free services through its "
                          "Blogger site, while AOL provides its members with journals.")
    assert x.events == []


def test_proposals_or_relations_defended_are_verbal_support(pipeline):
    # bench (BBC politics and business; held out of the hand checks): CAMEO 052, not military
    # protection
    x = extract(pipeline, "But a spokesman for the Home Office defended the proposals.")
    assert [(e.type, e.cameo) for e in x.events] == [("SUPPORT", "052")]
    x = extract(pipeline, "Russia's president has defended the purchase of Yukos' key production "
                          "unit by state-owned oil firm Rosneft, saying it followed free market "
                          "principles.")
    assert [e.cameo for e in x.events if e.trigger.text == "defended"] == ["052"]


def test_joining_a_party_or_a_firm_as_a_member_is_no_meeting(pipeline):
    # bench (BBC politics; held out of the hand checks)
    x = extract(pipeline, "The MEP said he was ashamed to have joined the party, which he labelled "
                          "as a \"joke\".")
    assert "joined" not in {e.trigger.text for e in x.events}
    # (FA-KES) a rebel group joining an alliance stays
    x = extract(pipeline, "Last month the Western-backed rebel group Hazzm movement joined the "
                          "alliance after coming under pressure from Nusra Front.")
    assert "joined" in {e.trigger.text for e in x.events}


def test_a_verb_of_force_in_a_figurative_sense_is_no_attack(pipeline):
    # the seed-22 hand check's false triggers (BBC tech and business, BBC arts)
    for text in ("Mr Wong eventually hit upon the idea of translating individual colours into "
                 "music, and enlisted the help of a computer graphics specialist and another "
                 "student to do the programming work.",
                 "The stronger fuel inventories helped boost US stock markets to nine-month highs "
                 "on Wednesday, though only the Nasdaq index had hung onto those gains by the end "
                 "of Thursday.",
                 "Whilst I agree that the term 'urban' is open to interpretation, it strikes me as "
                 "simply weird that Joss Stone has won.",
                 # fresh bench articles (held out of the hand checks): a record hit, a ball
                 # blasted, a campaign fired up, a character killed off, the initiative seized
                 "The reserves hit a record 53 billion U.S. Dlrs yesterday.",
                 "Early in the second half Wayne Carlisle's cross was met by Scott and he blasted "
                 "the ball home from just outside the penalty area.",
                 "And Mr Kennedy was not falling into that trap when he fired up his campaign from "
                 "the party's Westminster HQ.",
                 "More than 14 million people saw \"Dirty\" Den Watts killed off on Friday, marking "
                 "EastEnders' 20th anniversary, according to unofficial figures.",
                 "He said Brazil's decision to stop payments on its debt had captured the attention "
                 "of the international community but the country should now produce a plan to "
                 "reform its overheated economy.",
                 # a difficulty overcome (Phoenix DESTROY's default 190)
                 "Banking sources said no bank seemed ready to lower rates alone and supporters of "
                 "a cut would have difficulty overcoming opposition from Creditanstalt, Austria's "
                 "biggest bank.",
                 # an industry, its firms or its customers hurt (seed 22: "saying they would hurt
                 # companies")
                 "Bankers said the dollar slump hurt many investors behind the last major capital "
                 "outflow in 1984."):
        x = extract(pipeline, text)
        assert [e for e in x.events if e.type in ("ASSAULT", "COERCE")] == [], text
    # (MUC) a blow to the head stays an assault
    x = extract(pipeline, "Other party members were hit on the head with handgun butts, and three "
                          "newsmen--who had not been allowed to attend the proceedings of the "
                          "Congress--were attacked.")
    assert "hit" in {e.trigger.text for e in x.events if e.type == "ASSAULT"}
    # (bench) people hurt are injured, not a market harmed
    x = extract(pipeline, "Two primary school children were hurt by flying shards of glass as they "
                          "sat in their classroom.")
    assert "hurt" in {e.trigger.text for e in x.events}
