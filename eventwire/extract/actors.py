"""The actors stage: who acts, coded CAMEO-style (country + sector), resolved within the article.

How it works, in order:

1. **Units**: a left-to-right longest match of the actor dictionary (names, with date-bounded
   roles; see ``eventwire.resources.actors``) and of the agent nouns ("army", "rebels",
   "Foreign Minister") over the tokens; spaCy PERSON/ORG entities the dictionary lacks are
   unknown names, unless the person index finds them under another spelling ("President
   Mugabe", "Francois Mitterand"). The dictionary wins over spaCy's label ("Lavrov" is
   tagged ORG). In text written in one case (upper-case wires, a lower-cased archive:
   :func:`letter_case`), where capitals tell no name, a name is looked up without them
   ("the bangalore police" is INDCOP as "The Bangalore police" is), unless it reads as an
   ordinary English word ("IS", the relative "WHO", "us"), and function words and verb forms
   end names and phrases the tagger and parser run on ("WAS KIDNAPPED BY ELN GUERRILLAS").
   (An upper-case article is parsed truecased, ``eventwire.truecase``; its text is its own.)
2. **Noun phrases**: a unit whose syntactic head lies in another unit to its right
   (compound, amod, poss, nmod) modifies it: "Syrian" + "army", "Regime" + "forces",
   "the Syrian regime's" + "army", "UN aid official" + "Jan Egeland". Each head unit with its
   modifiers is one actor, coded from both: the country from a state, an adjective or a
   possessor; the sector from the head noun, sharpened by modifiers ("rebel fighters" ->
   REB, "military hospital" -> MIL). A domestic agent with no country ("Regime forces",
   "rebels") takes the state its own phrase names ("students throughout Indonesia",
   "refugees fleeing the civil war in Liberia"), else the article's country (the one its
   explicitly coded forces and governments belong to), else the one state its sentence
   names, else, where its sentence names none, the country of the article's dateline
   ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --", "mumbai:"), unless an earlier mention of its
   sector is another state's or the article names another state more. An unknown name takes
   the title it is in apposition to ("Niger's ambassador Brah Mohamane").
3. **Compounds**: coordinated actors ("Russia and Iran"), coordinated nationalities of one
   head ("US and British forces": USAMIL and GBRMIL) and "six western countries including
   the United States" become one more actor with ``members``; compounds are listed after
   the simple actors.
4. **Coreference**: later mentions point at the first (``refers_to`` = its id, and they carry
   its code): the same dictionary entry or surname ("Lavrov"), a definite title ("the
   Russian minister", "Russia's Foreign Minister": the named person with that code, before
   or after), he/she (the last person), and definite common nouns ("the British-based
   monitor": the first actor of that code or sector; "the militant group": the last named
   group).

Spans: every actor's span is its noun phrase up to its head, titles included ("Russian
Foreign Minister Sergei Lavrov", "the Syrian regime's army", "six western countries
including the United States"), as news annotators mark actors (ConfliBERT); a named
person's ``name`` is the name alone ("Sergei Lavrov"). A possessor that is itself an actor
is also a separate actor ("Russia" in "Russia's Foreign Ministry", whose span starts at
"Russia"); a person's possessive is left out of the possessed phrase ("Assad's forces" is
"forces"). A bracketed acronym and an "of" phrase naming a place or body end the span
("the Lebanese Armed Forces (LAF)", "Houthi rebels of Yemen").

For the stages after this one (events, quotes, quantities)::

    from eventwire.extract.actors import actor_for_token, actor_token_map, first_mention

    actor = actor_for_token(extraction, verb_subject_token)   # Actor or None
    group = actor_for_token(extraction, token, compound=True)  # "Russia and Iran" as one
    ids = actor_token_map(doc, extraction)                     # token.i -> actor id
    first = first_mention(extraction, actor.id)                # follows refers_to

:func:`actor_for_token` gives the actor a syntactic argument stands for: the smallest actor
covering the token, else the named person a title is in apposition to ("counterpart" in
"his US counterpart John Kerry"); with ``compound=True`` the compound actor a coordination
forms. Coreferent mentions already carry their first mention's code, country and sector.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Optional

from spacy.tokens import Doc, Span, Token

from eventwire.extract import doc_text, ents_of, next_id, parse_view, token_range, tokens_of
from eventwire.extract.quantities import quantity_words
from eventwire.extract.quotes import QUOTED
from eventwire.model import Actor, Extraction
from eventwire.resources.actors import (ORG_WORDS, ActorDictionary, ActorEntry, Agent,
                                        actor_dictionary, person_index, split_code)
from eventwire.resources.gazetteer import iso3, load_gazetteer, name_key, region_demonyms
from eventwire.resources.words import is_stop_word, word_classes
from eventwire.truecase import LETTER_CASE, text_case

MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "nn"}
ARMED = {"MIL", "UAF", "REB", "INS"}
# Phoenix agents that name a medium, an act or a means as often as a body ("Date of
# publication", "on television", "a weapon's magazine", "the constitution in force", "the use of
# force"): an actor only with a determiner or a modifier
BARE_NOUNS = {"publication", "television", "tv", "website", "magazine", "blog", "telecom", "force"}
# organisation words that also name a part of a country ("CUSCATLAN DEPARTMENT")
REGION_WORDS = {"department", "state", "states", "republic", "kingdom", "emirate", "caliphate"}
# organisation words that name a body only: "the gujarat assembly", "... action committee"
BODY_WORDS = ORG_WORDS - REGION_WORDS
# sectors of a country's own people and institutions: an uncoded one belongs to the article's country
DOMESTIC = {"GOV", "MIL", "REB", "OPP", "CVL", "COP", "UAF", "INS", "JUD", "LEG", "SPY"}
# CAMEO's religions, a sector coded after a state as its believers are ("INDHIN", "INDMUS")
RELIGIONS = {"BUD", "CHR", "CTH", "DOX", "HIN", "JAN", "JEW", "MOS", "MUS", "PRO", "SHI",
             "SIK", "SUN", "ZRO"}
STATE_BODIES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}  # a state's own institutions
# head nouns a modifier's armed or government sector overrides ("military hospital")
WEAK_SECTORS = {"HLH", "BUS", "EDU", "AGR", "LAB", "MED", "REF", "DEV", "ENV"}
PRONOUNS = {"he", "she", "him"}
# words in a person's mention that tell the gender a pronoun must agree with
FEMALE_WORDS = {"mrs", "ms", "miss", "smt", "madam", "lady", "queen", "princess", "begum",
                "spokeswoman", "chairwoman", "woman", "wife", "mother", "daughter", "sister",
                "widow", "actress"}
MALE_WORDS = {"mr", "shri", "sir", "lord", "king", "prince", "spokesman", "chairman", "man",
              "husband", "father", "son", "brother", "widower", "actor"}
COLLECTIVE_HEADS = {"government", "regime", "forces", "army", "military", "administration",
                    "troops", "authorities", "ministry"}
GROUP_OF_STATES = {"country", "nation", "power", "state", "government", "ally"}
INCLUDING = {"including", "like", "among"}
DEFINITE = {"the", "this", "that", "these", "those"}
LED_BODIES = {"coalition", "alliance", "bloc", "mission"}  # "the US-led coalition" acts
# a crowd or a body of people, one of which is still many: a group, not a person ("a mob")
CROWD_NOUNS = {"mob", "crowd", "throng", "horde", "community", "neighbourhood", "neighborhood",
               "population", "public", "populace", "gathering"}
# words that, before a name, make it a person's (in text of one case, where spaCy's
# recogniser calls "aibmac convenor jafrayab jilani" or "mayawati" an organisation)
PERSON_TITLES = {"president", "secretary", "convenor", "convener", "chairman", "chairperson",
                 "chief", "leader", "minister", "spokesman", "spokesperson", "mla", "mp", "mlc",
                 "coordinator", "director", "governor", "commissioner", "superintendent",
                 "inspector", "officer", "judge", "treasurer", "founder", "mayor", "councillor",
                 "corporator", "advocate", "lawyer", "editor", "sarpanch", "collector",
                 "magistrate", "head", "member", "activist", "vice-president", "pm", "cm"}
# Hindi and Sanskrit heads of place names: "kar sevak puram", "ambedkar nagar", "kasturba marg"
PLACE_NAME_HEADS = {"puram", "nagar", "marg", "chowk", "vihar", "mohalla"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "shri", "sri", "smt"}
# titles before a surname, short or of rank: "COL PONCE" is "COLONEL RENE EMILIO PONCE",
# "Lady Morgan" is "Baroness Morgan"
NAME_TITLES = {"col", "gen", "lt", "maj", "capt", "sgt", "adm", "cmdr", "gov", "sen", "rep",
               "prof", "fr", "rev", "sir", "dame", "lord", "lady", "baron", "baroness"}
ASCII_LETTER = re.compile("[a-z]")
# function words no noun phrase's premodifiers hold: in text of one case they, and verb forms,
# end a name or a phrase the parser runs on ("WAS KIDNAPPED BY", "WHICH KIDNAPPED SEVERAL")
CLAUSE_WORDS = {"is", "was", "were", "be", "been", "being", "am", "are", "has", "have", "had",
                "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
                "might", "must", "who", "whom", "whose", "which", "what", "when", "where", "why",
                "how", "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me",
                "by", "to", "at", "in", "on", "for", "from", "with", "into", "onto", "upon",
                "against", "after", "before", "during", "through", "under", "between", "among",
                "without", "within", "across", "toward", "towards", "via", "but", "or", "nor",
                "if", "because", "while", "although", "though", "since", "unless", "whether",
                "as", "so", "not", "said", "says", "told"}


@dataclass
class Unit:
    """A stretch of tokens the dictionaries (or spaCy's NER) name as an actor or a part of one."""

    start: int
    end: int  # exclusive
    source: str  # name | agent | entity | pronoun | states
    entry: Optional[ActorEntry] = None
    agent: Optional[Agent] = None
    label: Optional[str] = None
    metonym: bool = False
    people: bool = False  # a state's name in the plural: its people ("Nigerians")
    state_in_name: bool = False  # a person named with a state's name ("Ben Rhodes"): not that state
    parent: Optional["Unit"] = None
    children: list["Unit"] = field(default_factory=list)
    coding: Optional["Coding"] = None
    actor: Optional[Actor] = None
    # the root's index, not its Token: units refer to each other (parent, children), and a
    # Token in that cycle would keep the whole doc alive until the garbage collector runs
    _root: Optional[int] = None

    def root(self, doc: Doc) -> Token:
        if self._root is None:
            self._root = self._find_root(doc)
        return tokens_of(doc)[self._root]

    def _find_root(self, doc: Doc) -> int:
        view = parse_view(doc)  # no Token per word
        heads, deps = view.heads, view.deps
        outside = [i for i in range(self.start, self.end)
                   if not (self.start <= heads[i] < self.end) or heads[i] == i]
        content = [i for i in outside if deps[i] not in ("det", "punct", "case")]
        return (content or outside or [self.end - 1])[-1]


@dataclass
class Coding:
    code: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    kind: str
    explicit_country: bool = True
    named: bool = False  # the code is a named body's ("IS fighters": the Islamic State's)


def extract_actors(doc: Doc, extraction: Extraction) -> Extraction:
    """Add the article's actors, coded at its publication date and resolved to first mentions."""
    book = actor_dictionary()
    when = extraction.article.published
    units = find_units(doc, book, when)
    link_modifiers(doc, units)
    heads = [u for u in units if u.parent is None or _stands_alone(doc, u)]
    by_token = {t: u for u in units for t in range(u.start, u.end)}
    for unit in heads:
        unit.coding = code_unit(doc, unit, when)
    for unit in heads:
        _code_from_of_phrase(doc, unit, by_token, when)
    for unit in heads:
        _country_from_phrase(doc, unit, by_token, when)
    for unit in heads:
        _country_from_conjunct(doc, unit, by_token)
    for unit in heads:
        _title_codes_its_person(doc, unit, by_token)
        _international_title(doc, unit, by_token)
    counts = article_countries(doc, units, heads)
    country = article_country(counts)
    actors: list[Actor] = []
    text = doc_text(doc)
    starts = sentence_starts(doc)
    for unit in heads:
        _ethnic_people(doc, unit, units, starts, when)
    states = sentence_states(units, starts, when)
    in_sentence = sentence_countries(units, starts, when)
    standalone = sentence_countries(units, starts, when, standalone=True)
    dateline = DATELINE.match(text)
    datelined = _filed_from(doc, dateline, units, counts, when)
    undated: list[Unit] = []
    for unit in sorted(heads, key=lambda u: u.start):
        if unit.metonym and dateline is not None and tokens_of(doc)[unit.start].idx < dateline.end():
            continue  # the town a story is filed from ("ahmedabad: former chief minister ... recalls")
        sentence = starts[unit.start]
        if unit.source == "entity":  # a titled unknown person: only a state their sentence
            # names (else the dateline's, _dateline_agents: "GENERAL LARIOS" in a Salvadoran wire)
            fallback = None if unit.state_in_name else standalone.get(sentence)
        else:
            fallback = country or in_sentence.get(sentence)
        actor = make_actor(doc, text, unit, fallback, actors)
        if actor is not None:
            unit.actor = actor
            actors.append(actor)
            if fallback is None and (sentence not in states
                                     or _dateline_state_named(unit, actor, heads, starts, datelined,
                                                              states[sentence])):
                undated.append(unit)
    if dateline is not None and dateline.group(1).strip().lower() == "clandestine":
        _rebel_radio_voice(doc, heads, country)
    coordinated = split_coordinated_states(doc, text, units, heads, actors, when)
    resolve_mentions(doc, heads, actors)
    if datelined:
        _dateline_agents(doc, undated, actors, datelined)
    actors.extend(compound_actors(doc, text, actors))
    joined = {frozenset(a.members) for a in actors if a.members}
    for members in coordinated:
        if frozenset(m.id for m in members) not in joined:
            actors.append(_compound(text, members, actors, None))
    for actor in actors:
        _international_function(actor)
    extraction.actors.extend(actors)
    return extraction


# --- 1. units ------------------------------------------------------------------------------

def _word(token: Token) -> str:
    return token.text.lower().replace("\u2019", "'").replace("\u2018", "'")


def letter_case(doc: Doc) -> Optional[str]:
    """ "upper" or "lower" for an article written in one case (the FBIS wires of MUC-3/4, the
    Times of India's lower-cased archive), where capitals tell no name; None for cased text
    (``truecase.text_case`` on the article's own text, read once per doc)."""
    if LETTER_CASE not in doc.user_data:
        doc.user_data[LETTER_CASE] = text_case(doc_text(doc))
    return doc.user_data[LETTER_CASE]


def _clause_word(word: str, verbs: bool = True) -> bool:
    """In text of one case, a word that ends a name or a noun phrase: an auxiliary, pronoun,
    preposition or conjunction ("WAS", "BY", "WHICH"; not "THE", "OF", "NINE"), or a verb form
    that is neither noun nor adjective ("KIDNAPPED", "EXPLAINED", "MET"; not "ARMED",
    "RETIRED"), where ``verbs`` (upper case: lower-case text parses well enough that a verb
    form before a head is a participle, "the beleaguered muslim community")."""
    if word in CLAUSE_WORDS:
        return True
    return verbs and word_classes(word) == {"verb"}


def _plain_word(word: str, entry: ActorEntry, metonym: bool) -> bool:
    """In text of one case, whether a one-word dictionary name reads as an ordinary English
    word: a function word ("IS", the relative "WHO", "us"); for a state, a city standing for it
    that is also a verb, adjective or adverb ("male", the Maldives' capital; a state's own name
    or adjective counts as a name: "japan", "soviet"); for any other entry, a verb, adjective or
    adverb ("ban") or a noun of five letters or more not the entry's own name ("youth" for a
    Basque group; not "contras", nor an acronym WordNet lists, "ELN", "OAS")."""
    if is_stop_word(word):
        return True
    classes = word_classes(word)
    if entry.kind == "state":
        return metonym and bool(classes - {"noun"})
    return bool(classes - {"noun"}) or bool(classes) and len(word) >= 5 and word != entry.name.lower()


def _caseless_name(free: list[int], words: list[str]) -> list[int]:
    """In text of one case, the name among an entity's words, which the tagger and the
    recogniser read as proper nouns throughout: the words up to a function word or a verb
    form ("ALFREDO CRISTIANI EXPLAINED"; "WAS KIDNAPPED BY" before one is skipped); none where
    it is one common word ("EFFICIENCY", "REVIEW"), or common words one of which is no noun
    ("PRESIDENTIAL SUMMIT"; not "CHARLES CARTER"), unless they end in an organisation's word
    ("NATIONAL INFORMATION CENTER")."""
    run: list[int] = []
    for k in free:
        if _clause_word(words[k]) or is_stop_word(words[k]):
            if run:
                break
            continue
        run.append(k)
    classes = [word_classes(words[k]) for k in run]
    if all(classes) and (len(run) == 1 or any("noun" not in c for c in classes)
                         and words[run[-1]] not in ORG_WORDS):
        return []
    return run


def find_units(doc: Doc, book: ActorDictionary, when: Optional[date] = None) -> list[Unit]:
    # whole-doc lists: building a Token object per attribute access is the stage's main cost
    view = parse_view(doc)
    case = letter_case(doc)
    tags, lowers = view.tags, view.lowers
    words = [w.replace("\u2019", "'").replace("\u2018", "'") for w in lowers]
    # proper plurals as their singular: spaCy keeps "Nigerians" as it is (lemmas are lower-case),
    # and in upper-case text "GUERRILLAS", which the tagger calls a singular proper noun
    tokens = tokens_of(doc)
    lemmas = [lemma[:-1] if lemma == lower and lemma.endswith("s") and (
        tag == "NNPS" or tag == "NNP" and not lemma.endswith("ss") and len(lemma) > 4
        and tokens[k].text.isupper()) else lemma
        for k, (lemma, tag, lower) in enumerate(zip(view.lemmas, tags, lowers))]
    units: list[Unit] = []
    place_names: set[int] = set()
    i = 0
    name_starts, agent_starts = book.name_lengths, book.agent_lengths
    spaces = [k for k, tag in enumerate(tags) if tag == "_SP"]
    # most words start no name, no agent and no pronoun: only the others are looked at
    possible = [k for k, (word, lemma, tag) in enumerate(zip(words, lemmas, tags))
                if word in name_starts or tag in ("NNS", "NNPS") or word in agent_starts
                or lemma in agent_starts or (tag == "PRP" and word in PRONOUNS)]
    for start in possible:
        if start < i:
            continue  # inside the unit found last
        i = start
        name = _match_name(book, words, spaces, i) if words[i] in name_starts else None
        if name is not None and name[0] == 1 and tokens[i].text in book.acronyms:
            name = 1, book.acronyms[tokens[i].text], False  # "SANA said", not Sana'a
        people = False
        if name is None and tags[i] in ("NNS", "NNPS"):
            name = book.match_name(words, i, lemmas)  # "Palestinians", "Libyans"
            if name is not None and book.entries[name[1]].kind != "state":
                name = None
            people = name is not None
        elif name is not None and tags[i + name[0] - 1] in ("NNS", "NNPS"):
            # "Israelis" (not part of the state's own name, as in "the Emirates", "Philippines")
            people = words[i + name[0] - 1] not in book.entries[name[1]].name.lower().split()
        if name is not None and i >= 2 and tokens_of(doc)[i - 1].text == "-" and tokens_of(doc)[i - 2].lower_ == "pro":
            name = None  # "pro-Russia rebels" are not Russia's
        if name is not None and not _looks_like_name(doc[i:i + name[0]], book.entries[name[1]], case,
                                                     name[2]):
            name = None
        if name is not None and book.entries[name[1]].kind == "person" \
                and _quoted_name_of_thing(tokens, i, i + name[0]):
            name = None
        agent = book.match_agent(words, lemmas, i) \
            if words[i] in agent_starts or lemmas[i] in agent_starts else None
        while agent is not None and not _nominal(doc[i + agent[0] - 1]):
            # "embassy in" (a Phoenix phrase) before "Berlin": the shorter "embassy" is the agent
            agent = book.match_agent(words, lemmas, i, agent[0] - 1) if agent[0] > 1 else None
        length = max(name[0] if name else 0, agent[0] if agent else 0)
        if length and i + length < len(words) and words[i + length] in PLACE_NAME_HEADS:
            place_names.update(range(i, i + length + 1))  # "kar sevak puram": a place
            i += length + 1
        elif name is not None and (agent is None or name[0] >= agent[0]):
            length, entry_id, metonym = name
            namesake = person_index().namesake_in_office(entry_id, words[i:i + length], when) \
                if book.entries[entry_id].kind == "person" else None
            entry_id = entry_id if namesake is None else namesake
            entry = book.entries[entry_id]
            metonym = metonym or entry.kind == "state" and not people and _place_within_state(
                " ".join(w for w, tag in zip(words[i:i + length], tags[i:i + length]) if tag != "_SP"),
                entry.name, split_code(entry.code_at(None))[0])
            units.append(Unit(i, i + length, "name", entry=entry, metonym=metonym,
                              people=people))
            i += length
        elif agent is not None:
            units.append(Unit(i, i + agent[0], "agent", agent=agent[1]))
            i += agent[0]
        elif words[i] in PRONOUNS and tags[i] == "PRP":
            units.append(Unit(i, i + 1, "pronoun"))
            i += 1
        else:
            i += 1
    taken = {t for u in units for t in range(u.start, u.end)} | place_names
    pos = view.pos
    full_names: dict[str, list[str]] = {}  # surname -> the words of a person named in full
    for ent in ents_of(doc):
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        if ent.label_ == "PERSON" and len(ent) > 1:
            full_names.setdefault(words[ent.end - 1], words[ent.start:ent.end])
        inside = range(ent.start, ent.end)  # the entity's tokens, read from the ParseView
        state_in_name = False
        if ent.label_ == "PERSON" and len(ent) > 1 and any(k in taken for k in inside):
            units, state_in_name = _state_in_name(ent, units, words, taken)
            units = _whole_person(ent, units, words, book, taken, when)
        free = [k for k in inside if k not in taken and (pos[k] == "PROPN" or tokens[k].is_title)
                and lowers[k] not in ("the", "a", "an")
                and (lowers[k].isascii() or ASCII_LETTER.search(lowers[k]))]  # no mojibake ("â€�")
        if case is not None:
            free = _caseless_name(free, words)
        if not free or any(b - a != 1 and not (b - a == 2 and words[a + 1] == "\n")
                           for a, b in zip(free, free[1:])) \
                or not any(pos[k] == "PROPN" for k in free):
            continue
        if ent.label_ == "PERSON" and _quoted_name_of_thing(tokens, free[0], free[-1] + 1):
            continue
        train = _train_name(words, free)
        if train is not None:
            units.append(Unit(free[0], train, "entity", label="TRAIN"))
            continue
        person = person_index().find(words[free[0]:free[-1] + 1], when) \
            if ent.label_ == "PERSON" else None
        if person is not None and len(free) == 1 and words[free[0]] in full_names \
                and person_index().find(full_names[words[free[0]]], when) != person:
            person = None  # "Mr McConnell" after "Jack McConnell" is he, not Michael McConnell
        if person is not None:  # "President Mugabe", "Carlos Menem": the dictionary's spelling differs
            units.append(Unit(free[0], free[-1] + 1, "name", entry=book.entries[person]))
            continue
        units.append(Unit(free[0], free[-1] + 1, "entity", label=ent.label_, state_in_name=state_in_name))
    units.extend(_acronym_mentions(doc, units))
    units.sort(key=lambda u: u.start)
    units = _party_not_legislature(units, words, book)
    if case is not None:
        units = _titled_names(doc, units, words, book)
        units = sorted(units + _bare_surnames(doc, units, words), key=lambda u: u.start)
    return units


# a legislature's word that, in a story of one state, names its party: India's legislature is
# Parliament (the Lok Sabha), and "congress" there is the Indian National Congress
PARTY_WORDS = {"IND": {"congress": "congress party"}}


def _party_not_legislature(units: list[Unit], words: list[str], book: ActorDictionary
                           ) -> list[Unit]:
    """In a story whose states named are mostly one (the dictionary's states, towns and regions
    found), that state's party for a legislature's word (``PARTY_WORDS``): "congress leaders"
    in a Times of India story are the party's, not a legislature's."""
    counts = Counter(split_code(u.entry.code_at(None))[0] for u in units if _is_state(u))
    parties = PARTY_WORDS.get(article_country(counts) or "")
    if not parties:
        return units
    return [Unit(u.start, u.end, "name", entry=book.entries[book.names[parties[words[u.start]]][0]])
            if u.source == "agent" and u.end - u.start == 1 and words[u.start] in parties else u
            for u in units]


def _title_before(doc: Doc, unit: Unit, words: list[str]) -> bool:
    """Whether a person's title stands in the noun phrase before a unit ("bsp leader
    mayawati", "prime minister atal behari vajpayee"), or is what it is in apposition to
    ("its leader, mayawati")."""
    root = unit.root(doc)
    if any(words[k] in PERSON_TITLES for k in range(_np_left(root), unit.start)):
        return True
    return root.dep_ == "appos" and words[root.head.i] in PERSON_TITLES


def _titled_names(doc: Doc, units: list[Unit], words: list[str], book: ActorDictionary
                  ) -> list[Unit]:
    """In text of one case, a name after a person's title is a person's: an entity spaCy calls
    an organisation ("aibmac convenor jafrayab jilani": the name after the title) and a
    dictionary name Phoenix lists as an organisation ("vhp president ashok singhal")."""
    found = []
    for unit in units:
        if unit.source == "entity" and unit.label == "ORG":
            titles = [k for k in range(unit.start, unit.end - 1) if words[k] in PERSON_TITLES]
            last = words[unit.end - 1]  # not a body's own word: "chief minister's office"
            if titles and last not in ORG_WORDS and last not in book.agents:
                unit = Unit(titles[-1] + 1, unit.end, "entity", label="PERSON")
            elif last not in ORG_WORDS and last not in book.agents \
                    and _title_before(doc, unit, words):
                unit.label = "PERSON"
        elif unit.source == "name" and unit.entry.kind == "organisation" \
                and unit.end - unit.start > 1 and _title_before(doc, unit, words):
            unit.label = "PERSON"
        found.append(unit)
    return found


SUBJECT_OR_OBJECT = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "dative"}


def _bare_surnames(doc: Doc, units: list[Unit], words: list[str]) -> list[Unit]:
    """In text of one case, where spaCy's recogniser misses a person's later bare surname
    ("modi", "vajpayee", which the tagger reads as a verb or an auxiliary as often as a name),
    the surname of a person named in full before, as a subject or an object."""
    taken = {t for u in units for t in range(u.start, u.end)}
    named: dict[str, int] = {}  # surname -> the end of its first full name
    for unit in units:
        if unit.end - unit.start > 1 and (unit.label == "PERSON" or unit.source == "name"
                                          and unit.entry.kind == "person"):
            named.setdefault(words[unit.end - 1], unit.end)
    view = parse_view(doc)
    found = []
    for k, word in enumerate(words):
        if word in named and named[word] <= k and k not in taken \
                and view.deps[k] in SUBJECT_OR_OBJECT and not is_stop_word(word):
            start = k  # with the name words before it ("calderon sol"; "vp singh" is another)
            while start - 1 not in taken and view.heads[start - 1] == k \
                    and view.deps[start - 1] == "compound" \
                    and words[start - 1] not in PERSON_TITLES | HONORIFICS:
                start -= 1
            found.append(Unit(start, k + 1, "entity", label="PERSON"))
    return found


@lru_cache(maxsize=4096)
def _place_within_state(name: str, state: str, country: Optional[str]) -> bool:
    """Whether a state's dictionary name is a place inside it (Phoenix lists regions and many
    towns as the state's synonyms: "Gujarat", "Bangalore" and "Uttar Pradesh" for India;
    "Texas", "Crimea"): the gazetteer knows a place of that name in that country (ISO3), and
    none of the name is a country; not the state's own name, nor a demonym ("Canadian") or
    another spelling of it ("Palestina", a town in Colombia). Such a name is the place of an
    event, not a party, and stands for the state only where it acts, as a city does
    (``Unit.metonym``): CAMEO codes a state's name as an actor for its government, not every
    place in it."""
    if country is None or name_key(name) == name_key(state):
        return False
    gazetteer = load_gazetteer()
    places = [gazetteer.entry(index) for index, _ in gazetteer.candidates(name)]
    return any(iso3(place.country) == country for place in places) \
        and all(place.feature != "country" for place in places) \
        and gazetteer.country_of_demonym(name) is None


TRAIN_NAMES = {"express", "mail"}
RAILWAY_WORDS = frozenset({"train", "trains", "coach", "coaches", "bogie", "bogies", "railway",
                           "railways", "rail", "station", "compartment", "compartments",
                           "passengers", "aboard", "platform"})


def _train_name(words: list[str], name: list[int]) -> Optional[int]:
    """ "the sabarmati express", "the sealdah-jammu tawi express": a train, named (as Indian
    Railways and others name them) by a word that is no English word before "express" or
    "mail", in an article about a railway; the end of its name, else None. An act done to a
    train is done to the people aboard ("the attack on the sabarmati express"), as PLOVER codes
    a place's people (the events stage's place targets): the state's civilians, not a party of
    its own; "American Express", "Federal Express" are firms."""
    last = name[-1] + 1 if name[-1] + 1 < len(words) and words[name[-1] + 1] in TRAIN_NAMES \
        else name[-1]
    if last == name[0] or words[last] not in TRAIN_NAMES or word_classes(words[last - 1]) \
            or is_stop_word(words[last - 1]) or RAILWAY_WORDS.isdisjoint(words):
        return None
    return last + 1


def _match_name(book: ActorDictionary, words: list[str], spaces: list[int], start: int
                ) -> Optional[tuple[int, int, bool]]:
    """The longest dictionary name at ``start`` (``ActorDictionary.match_name``), also across a
    line break of hard-wrapped text ("EL\nSALVADOR", "FARABUNDO MARTI\nNATIONAL LIBERATION
    FRONT", which spaCy splits by a whitespace token, listed in ``spaces``); its length counts
    that token."""
    found = book.match_name(words, start)
    if found is not None and found[0] > 1 and start + 1 < len(words) \
            and words[start + 1] in book.name_lengths:
        later = book.match_name(words, start + 1)
        if later is not None and later[0] > found[0]:
            return None  # "the UK" (a Phoenix name) in "the UK Independence Party"
    end = min(len(words), start + book.name_lengths[words[start]] + 1)
    first = bisect_right(spaces, start)
    breaks = spaces[first:bisect_left(spaces, end)]
    if not breaks or any(words[k].count("\n") != 1 for k in breaks):
        return found
    kept = [k for k in range(start, end) if k not in breaks]
    wrapped = book.match_name([words[k] for k in kept], 0)
    if wrapped is None or kept[wrapped[0] - 1] < breaks[0]:
        return found  # no longer for the line break
    return kept[wrapped[0] - 1] - start + 1, wrapped[1], wrapped[2]


def _acronym_mentions(doc: Doc, units: list[Unit]) -> list[Unit]:
    """Later mentions of an acronym defined in parentheses ("Islamic Salvation Front (FIS)
    ... The FIS"), where spaCy did not tag them: units to resolve to the body."""
    tokens = tokens_of(doc)
    taken = {t for u in units for t in range(u.start, u.end)}
    defined = {tokens[u.start].text for u in units if u.end - u.start == 1 and 0 < u.start < len(doc) - 1
               and tokens[u.start - 1].text == "(" and tokens[u.end].text == ")"
               and re.fullmatch(ACRONYM, tokens[u.start].text)}
    if not defined:
        return []
    return [Unit(t.i, t.i + 1, "entity", label="ORG") for t in tokens
            if t.text in defined and t.i not in taken]


def _state_in_name(ent: Span, units: list[Unit], words: list[str], taken: set[int]
                   ) -> tuple[list[Unit], bool]:
    """ "Deputy National Security Adviser Ben Rhodes", "Abu Osama al-Iraqi": a state's name (here
    Rhodes, the Greek island) inside the name of a titled person, or as an Arabic name's "al-"
    origin, is part of the person's name, not the state. spaCy's PERSON span alone is no sign:
    on the bench's unpunctuated tag lines it runs over places ("Tags Aleppo", "Aleppo Monitor").
    The person then takes no state from their sentence either: the two titled ones on the bench
    are not from the state their sentence names ("naming Moscow", "the British findings")."""
    inside = [u for u in units if ent.start <= u.start and u.end <= ent.end]
    if len(inside) != 1:  # the rest of the name is no other actor's
        return units, False
    state = inside[0]
    if state.source != "name" or state.entry.kind != "state" or state.people \
            or (state.start, state.end) == (ent.start, ent.end):
        return units, False
    titled = any(u.end == ent.start and u.source == "agent" for u in units)
    nisba = state.start - ent.start >= 3 and words[state.start - 2:state.start] == ["al", "-"]
    if not (nisba or titled) or any(not t.text[:1].isupper() for t in ent
                                    if t.i not in range(state.start - 2 * nisba, state.end)):
        return units, False
    taken.difference_update(range(state.start, state.end))
    return [u for u in units if u is not state], True


def _whole_person(ent: Span, units: list[Unit], words: list[str], book: ActorDictionary,
                  taken: set[int], when: Optional[date]) -> list[Unit]:
    """ "Omar Hassan al-Bashir": a name inside a longer person's name ("Hassan", King Hassan)
    gives way to the person the whole name is, where the person index knows them."""
    inside = [u for u in units if ent.start <= u.start and u.end <= ent.end and u.source == "name"]
    if not inside or any(u.entry.kind != "person" for u in inside) \
            or any(u.start == ent.start and u.end == ent.end for u in inside):
        return units
    person = person_index().find(words[ent.start:ent.end], when)
    if person is None:
        first = inside[0]
        if len(inside) == 1 and first.start == ent.start and first.end == ent.start + 1 \
                and all(t.pos_ == "PROPN" for t in ent[1:]):
            # "Abdullah Ocalan": a one-word ruler's name ("Abdullah") is an unknown person's first name
            taken.discard(first.start)
            return [u for u in units if u is not first]
        return units
    end = ent.end - (words[ent.end - 1] == "'s" and words[ent.end - 2] != "'")  # "GEORGE BUSH'S"
    for unit in inside:
        taken.difference_update(range(unit.start, unit.end))
    taken.update(range(ent.start, ent.end))
    kept = [u for u in units if u not in inside]
    kept.append(Unit(ent.start, end, "name", entry=book.entries[person]))
    return kept


def _quoted_name_of_thing(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the words ``start``-``end`` stand between quotation marks before a noun: the
    name of a farm, a ship or an operation ("the "SANTO TOMAS" presidential farm")."""
    while start > 0 and tokens[start - 1].pos_ == "PROPN":
        start -= 1  # "TOMAS" is a Phoenix name alone
    while end < len(tokens) and tokens[end].pos_ == "PROPN":
        end += 1
    return 0 < start and end + 1 < len(tokens) and tokens[start - 1].text in QUOTED \
        and tokens[end].text in QUOTED and tokens[end + 1].pos_ in ("NOUN", "PROPN", "ADJ")


def _nominal(token: Token) -> bool:
    """A noun, or an adjective-like modifier noun ("rebel fighters", "military hospital")."""
    return token.pos_ in ("NOUN", "PROPN") or token.dep_ in ("amod", "compound", "npadvmod")


def _looks_like_name(span, entry: ActorEntry, case: Optional[str] = None, metonym: bool = False
                     ) -> bool:
    """A dictionary name must look like one in the text: capitalised ("US", not "us"; a typo
    such as "iSrael" counts), or a state's adjective in lower case ("tunisian rioters"); in
    text of one case (``case``), a name of several words, or one word that is no ordinary
    English word ("the bangalore police", "ELN"; not "IS", "WHO", "ban")."""
    text = span.text
    if case is not None:
        return len(span) > 1 or not _plain_word(_word(span[0]), entry, metonym)
    if not any(t.text[:1].isupper() for t in span):
        if text.islower() and not (entry.kind == "state" and len(span) == 1 and len(text) >= 6
                                   and span[0].tag_ == "JJ" and text.endswith(("an", "ese", "ish", "i"))):
            return False
        if len(text) <= 3:
            return False
    if len(span) == 1 and len(text) <= 3 and not text.isupper():
        return False
    return not (len(span) == 1 and span[0].tag_ in ("WP", "PRP") and span[0].dep_ != "compound"
                and _mid_sentence(span[0]))


def _mid_sentence(word: Token) -> bool:
    """Whether a word follows another word of its sentence other than "the", across the line
    breaks of hard-wrapped text, which the parser takes for sentence ends: a pronoun there is
    no name in upper-case text ("DRUG TRAFFICKING CAPOS\nWHO WILL BE CAPTURED"; not "THE WHO
    SAID")."""
    tokens = tokens_of(word.doc)
    before = next((tokens[k] for k in range(word.i - 1, -1, -1) if not tokens[k].is_space), None)
    return before is not None and before.text not in (".", "!", "?", '"', "'") \
        and before.lower_ != "the"


def _metonym_subject(doc: Doc, unit: Unit) -> bool:
    """A city that stands for its state only where it acts: the subject of a verb ("Moscow
    said") or the agent of an act ("an admission by Moscow"; not "Kabul's old city")."""
    root = unit.root(doc)
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return True
    return root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX")


# --- 2. noun phrases -----------------------------------------------------------------------

def link_modifiers(doc: Doc, units: list[Unit]) -> None:
    """Attach each unit that modifies a unit to its right ("Syrian" -> "army")."""
    by_token = {t: u for u in units for t in range(u.start, u.end)}
    for unit in units:
        if unit.source == "pronoun":
            continue
        root = unit.root(doc)
        after = by_token.get(unit.end)
        if _is_state(unit) and after is not None and after.source == "agent" and (
                root.pos_ == "ADJ" or root.head.i == after.root(doc).head.i):
            unit.parent = after  # "Syrian regime attacks": spaCy hangs "Syrian" on "attacks"
            after.children.append(unit)
            continue
        leader = _led_by(root)
        if leader is not None and _is_state(unit) and by_token.get(leader.i) is not None:
            parent = by_token[leader.i]  # "Vietnamese-led forces": forces of the state leading
            unit.parent = parent
            parent.children.append(unit)
            continue
        if root.dep_ not in MODIFIER_DEPS or root.head.i <= root.i:
            continue
        parent = by_token.get(_modified_noun(unit, root, by_token).i)
        if parent is None or parent is unit or parent.source == "pronoun" \
                or parent.start == unit.end and _body_before_name(doc, parent):
            continue
        unit.parent = parent
        parent.children.append(unit)


def _body_before_name(doc: Doc, unit: Unit) -> bool:
    """ "told the BBC Michael Howard has ...": an organisation's name after "the", right before
    a person's full name, is no title of the person (that takes a title word: "the BBC's
    correspondent"); the parser made it a compound of the name."""
    tokens = tokens_of(doc)
    k = unit.start - 1
    if unit.label != "PERSON" or unit.end - unit.start < 2 or k < 1 or tokens[k].ent_type_ != "ORG":
        return False
    while k > 1 and tokens[k].ent_iob_ == "I":
        k -= 1
    return tokens[k - 1].lower_ == "the"


def _modified_noun(unit: Unit, root: Token, by_token: dict[int, Unit]) -> Token:
    """The word a name modifies, through plain modifier words that are no unit of their own
    or names the dictionaries lack, up to an agent ("FARC communist guerrillas": FARC hangs on
    "communist", a compound of "guerrillas"; "SNP Holyrood leader"); not up to a name ("Kraft
    rival PepsiCo"). An agent word stays apart ("THE 3D INFANTRY BRIGADE TROOPS": "INFANTRY" is
    coded where the troops are not), and so does a place that Phoenix lists as its state ("THE
    SAN ANTONIO ABAD NEIGHBORHOOD" is no American one)."""
    head = root.head
    if unit.source not in ("name", "entity") or unit.metonym:
        return head
    while (head.i not in by_token or by_token[head.i].source == "entity") \
            and head.dep_ in ("compound", "amod") and head.head.i > head.i:
        head = head.head  # also through a name the dictionaries lack ("SNP Holyrood leader")
    parent = by_token.get(head.i)
    return head if parent is not None and parent.source == "agent" else root.head


def _led_by(root: Token) -> Optional[Token]:
    """The noun a "<state>-led" modifier leads ("Saudi-led coalition" -> coalition); None for
    any other hyphenated modifier ("US-backed", "British-based": not the state's own)."""
    led = root.head
    if root.dep_ != "npadvmod" or led.i != root.i + 2 or led.lower_ != "led" \
            or root.doc[root.i + 1].text != "-" or led.head.i <= led.i:
        return None
    return led.head


def _is_state(unit: Unit) -> bool:
    return unit.entry is not None and unit.entry.kind == "state"


def _stands_alone(doc: Doc, unit: Unit) -> bool:
    """A modifier that is an actor of its own: a possessor ("Russia's"), or a state beside a
    state ("US-Russia")."""
    root = unit.root(doc)
    if root.dep_ == "poss" and unit.source in ("name", "entity", "agent"):
        return True
    return _is_state(unit) and _is_state(unit.parent) and root.pos_ == "PROPN"


def code_unit(doc: Doc, unit: Unit, when: Optional[date]) -> Coding:
    """The code of a unit with its modifiers (recursively)."""
    children = [c for c in unit.children if not (_is_state(c) and _is_state(unit))]
    for child in children:
        if child.coding is None:
            child.coding = code_unit(doc, child, when)
    root = unit.root(doc)
    if unit.source == "name":
        entry = unit.entry
        code = entry.code_at(when)
        country, sector = split_code(code)
        kind = entry.kind
        if kind == "organisation" and unit.label == "PERSON":  # "vhp president ashok singhal"
            kind = "person"
            titles = [c.coding for c in children if c.source == "agent" and c.coding.named]
            if titles and country is None:  # a member of the body his title names (INDRADHIN,
                # not Phoenix's stateless NGOHINRAD)
                return Coding(titles[0].code, titles[0].country, titles[0].sector, kind)
        if kind == "state":
            if root.pos_ == "ADJ":
                kind = "group"
            elif unit.people:  # "Nigerians", "Liberians": the people of a state (not "the Emirates")
                return Coding(f"{country}CVL", country, "CVL", "group")
            if unit.metonym:
                return Coding(f"{country}GOV", country, "GOV", "organisation")
            return Coding(code, country, sector, kind)
        if _word(root) in COLLECTIVE_HEADS and kind == "person":
            # "Syria's government", "the Bush administration": the body, not the person
            agents = actor_dictionary().agents
            head_agent = agents.get(_word(root)) or agents.get(root.lemma_.lower())
            if head_agent is not None and country:
                sector = head_agent.sector[:3]
                code = country + sector
            kind = "group" if sector in ARMED else "organisation"
        if kind == "person" and country and _former(doc, unit):
            code, sector = country + "ELI", "ELI"  # "former prime minister": no longer in office
        else:
            title = _title_sector(doc, unit, children)
            if kind == "person" and code and title and sector != title:
                # "President Reagan", "General Petraeus": the office the text gives, whatever the date
                code = _office(entry, country, title) or code
                country, sector = split_code(code)
        if code is None:
            return _firm(doc, unit, _code_from_modifiers(unit, children, None, kind))
        return Coding(code, country, sector, kind)
    if unit.source == "entity" and unit.label == "TRAIN":  # its passengers (_train_name)
        return Coding(None, None, "CVL", "group", explicit_country=False)
    if unit.source == "entity":
        kind = "person" if unit.label == "PERSON" or _titled_org(doc, unit, children) \
            else "organisation"
        return _firm(doc, unit, _code_from_modifiers(unit, children, None, kind))
    if unit.source == "agent":
        return _code_agent(doc, unit, children)
    return Coding(None, None, None, "person")


def _titled_org(doc: Doc, unit: Unit, children: list[Unit]) -> bool:
    """A name spaCy calls ORG right after a person's title is a person's where none of its
    words names a body: "SNP Holyrood leader Nicola Sturgeon"."""
    return unit.label == "ORG" and unit.end - unit.start > 1 \
        and any(c.source == "agent" and c.agent.kind == "person" and c.end == unit.start
                for c in children) \
        and not any(_word(t) in ORG_WORDS or not t.is_title
                    for t in tokens_of(doc)[unit.start:unit.end])


# the last word of a company's name ("SBC Communications", "USX Corp", "Magma Copper Co")
FIRM_WORDS = {"inc", "corp", "corporation", "co", "ltd", "limited", "plc", "llc", "gmbh",
              "communications", "industries", "holdings", "airlines", "motors"}


def _firm(doc: Doc, unit: Unit, coding: Coding) -> Coding:
    """A company the dictionaries lack is business (BUS), with the country its name gives, as
    CAMEO codes firms."""
    words = [t for t in tokens_of(doc)[unit.start:unit.end] if t.is_alpha]
    if coding.sector is not None or not words or _word(words[-1]) not in FIRM_WORDS \
            or len(words) < 2:
        return coding
    return Coding(f"{coding.country or ''}BUS", coding.country, "BUS", "organisation",
                  coding.explicit_country)


FORMER = {"former", "ousted", "ex", "exiled", "deposed", "late", "retired", "toppled"}


def _former(doc: Doc, unit: Unit) -> bool:
    """The title says the person no longer holds the office ("Former prime minister X")."""
    tokens = [tokens_of(doc)[i] for u in [unit, *unit.children] for i in range(u.start, u.end)]
    words = {t.lower_ for t in tokens} | {c.lower_ for t in tokens for c in t.children}
    if unit.start and tokens_of(doc)[unit.start - 1].lower_ in FORMER:
        return True
    return bool(words & FORMER)


def _shadow(doc: Doc, unit: Unit) -> bool:
    """A "shadow" office is the opposition's, in a Westminster parliament: "Shadow home
    secretary David Davis", "the shadow cabinet" (OPP, not GOV)."""
    tokens = tokens_of(doc)
    for i in range(unit.start - 1, max(unit.start - 4, -1), -1):
        if tokens[i].lower_ == "shadow":
            return True
        if not tokens[i].is_alpha or tokens[i].dep_ not in MODIFIER_DEPS:
            return False
    return False


def _code_from_of_phrase(doc: Doc, unit: Unit, by_token: dict[int, Unit], when: Optional[date]) -> None:
    """ "officials of the Red Cross", "leaders of Hamas", "King Hassan of Morocco": an
    uncoded (or title-coded) head takes the body or state its "of" phrase names."""
    coding = unit.coding
    if coding is None or unit.source not in ("agent", "name", "entity") or coding.named:
        return
    if unit.source == "name" and not (coding.kind == "person" and _title_sector(doc, unit, unit.children)):
        return
    if coding.explicit_country and coding.country and unit.source == "agent":
        return
    for prep in unit.root(doc).rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            owner = by_token.get(obj.i)
            if owner is None or owner.source not in ("name",) or owner.metonym:
                continue
            if owner.coding is None:
                owner.coding = code_unit(doc, owner, when)
            found = owner.coding
            if owner.entry.kind == "state" and found.country:
                sector = coding.sector if coding.sector and coding.sector != coding.country else (
                    unit.agent.sector[:3] if unit.agent else _title_sector(doc, unit, unit.children))
                code = found.country + sector if sector else found.country
                unit.coding = Coding(code, found.country, sector, coding.kind)
            elif owner.entry.kind in ("organisation", "group") and found.code and unit.source == "agent":
                unit.coding = Coding(found.code, found.country, found.sector, coding.kind, named=True)
            return


# dependents of a noun phrase that say where its people are or whom they belong to
PLACE_PHRASE_DEPS = {"prep", "pobj", "acl", "amod", "dobj", "poss", "compound", "nmod", "appos"}
PLACE_PREPOSITIONS = {"in", "of", "from", "throughout", "across", "inside", "at", "to", "with",
                      "within", "around", "near"}


def _country_from_phrase(doc: Doc, unit: Unit, by_token: dict[int, Unit], when: Optional[date]) -> None:
    """An agent with no country takes the state its own phrase names: "students throughout
    Indonesia", "rebels in the Ivory Coast", "workers affiliated with the Serbian Workers'
    Union", "refugees fleeing the civil war in Liberia", "militants loyal to Iraq's ..."."""
    coding = unit.coding
    if coding is None or unit.source != "agent" or coding.country or coding.named \
            or (coding.sector or "PPL")[:3] in ("IGO", "NGO", "PPL"):
        return
    root = unit.root(doc)
    armed = (coding.sector or "")[:3] == "MIL"
    frontier, seen, depth, fallback = [root], {root.i}, 0, None
    while frontier and depth < 4:
        following = []
        for token in frontier:
            for child in token.children:
                if child.i in seen or child.i < root.i or child.dep_ not in PLACE_PHRASE_DEPS:
                    continue
                if child.dep_ == "prep" and (child.lower_ not in PLACE_PREPOSITIONS or (
                        armed and child.lower_ not in ("of", "from"))):
                    continue  # "troops in Lebanon" may be anyone's; "rebels in the Ivory Coast" are its
                if child.dep_ == "amod" and not any(c.dep_ == "prep" for c in child.children):
                    continue  # "loyal to X", not any adjective
                seen.add(child.i)
                owner = by_token.get(child.i)
                if owner is not None and owner is not unit and owner.source in ("name", "agent") \
                        and not owner.metonym:
                    found = owner.coding or code_unit(doc, owner, when)
                    country = found.country if found and found.explicit_country else None
                    if country and _is_state(owner):
                        _give_country(unit, country)
                        return
                    fallback = fallback or country
                following.append(child)
        frontier, depth = following, depth + 1
    if fallback:
        _give_country(unit, fallback)


def _country_from_conjunct(doc: Doc, unit: Unit, by_token: dict[int, Unit]) -> None:
    """A bare agent coordinated with one its nationality modifies shares it: "Israeli
    helicopters and tanks" are both Israel's."""
    coding = unit.coding
    if coding is None or unit.source != "agent" or coding.country or coding.named or unit.children \
            or (coding.sector or "PPL")[:3] in NOT_NATIONAL:
        return
    root = unit.root(doc)
    if root.dep_ != "conj":
        return
    first = by_token.get(root.head.i)
    found = first.coding if first is not None else None
    if first is not None and first.source == "agent" and found is not None and found.country \
            and found.explicit_country and any(_is_state(c) for c in first.children):
        _give_country(unit, found.country)


def _title_codes_its_person(doc: Doc, unit: Unit, by_token: dict[int, Unit]) -> None:
    """A name the dictionary lacks takes the code of the title it is in apposition to
    ("Niger's ambassador Brah Mohamane", "Quatar's emir, Sheikh Hamad ...")."""
    if unit.coding is None or unit.coding.code is None or unit.source != "agent" \
            or unit.coding.kind != "person":
        return
    root = unit.root(doc)
    names = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        names.append(root.head)
    if doc[unit.end:unit.end + 1].text == "," and unit.end + 1 < len(doc):
        names.append(tokens_of(doc)[unit.end + 1])  # "emir, Sheikh Hamad": a bad parse of the apposition
    for token in names:
        person = by_token.get(token.i) or by_token.get(token.i + 1)  # "Sheikh Hamad ..."
        if person is not None and person.source == "entity" and person.label == "PERSON" \
                and person.coding is not None and person.coding.code is None:
            coding = unit.coding
            person.coding = Coding(coding.code, coding.country, coding.sector, "person",
                                   coding.explicit_country)
            return


def _international_title(doc: Doc, unit: Unit, by_token: dict[int, Unit]) -> None:
    """A named person whose title names an international body acts for it ("U.N. mediator
    Diego Cordovez", whom the dictionary knows as Ecuador's foreign minister)."""
    coding = unit.coding
    if coding is None or coding.kind != "person" or unit.source != "name" \
            or (coding.code or "").startswith("IGO"):
        return
    for i in range(_np_left(unit.root(doc)), unit.start):
        body = by_token.get(i)
        if body is not None and body.entry is not None and body.entry.kind != "person" \
                and body.coding is not None and (body.coding.code or "").startswith("IGO"):
            unit.coding = Coding(body.coding.code, None, "GOV", "person")
            return


def _give_country(unit: Unit, country: str) -> None:
    coding = unit.coding
    sector = coding.sector or unit.agent.sector[:3]
    unit.coding = Coding(_join(country, unit.agent, unit.agent.sector) or country, country,
                         sector, coding.kind)


def _title_sector(doc: Doc, unit: Unit, children: list[Unit]) -> Optional[str]:
    """GOV, MIL or OPP where a title before the name, or inside it, says so ("President
    Reagan", "General David Petraeus", "Shadow home secretary David Davis")."""
    agents = actor_dictionary().agents
    titles = [("OPP" if c.coding and c.coding.sector == "OPP" else c.agent.sector[:3])
              for c in children if c.source == "agent"]  # "OPP": a shadow office (_shadow)
    first = agents.get(_word(tokens_of(doc)[unit.start]))
    if unit.end - unit.start > 1 and first is not None:
        titles.append(first.sector[:3])
    for sector in ("MIL", "GOV", "OPP"):
        if sector in titles:
            return sector
    return None


def _office(entry: ActorEntry, country: Optional[str], sector: str = "GOV") -> Optional[str]:
    """The entry's role in that sector, or its country's code for it."""
    offices = [r for r in entry.roles if split_code(r.code)[1] == sector]
    if offices:
        return max(offices, key=lambda r: r.start or date.min).code
    return f"{country}{sector}" if country else None


def _first_name(child: Unit, kind: str) -> bool:
    return kind == "person" and child.entry is not None and child.entry.kind == "person"


def _code_from_modifiers(unit: Unit, children: list[Unit], sector: Optional[str], kind: str) -> Coding:
    """A name the dictionary does not code takes the code of its title ("UN aid official")."""
    for child in children:
        coding = child.coding
        if _first_name(child, kind):
            continue  # "Abdullah Ocalan": a first name that is also a ruler's is no title
        if coding and coding.code and not child.metonym \
                and child.source in ("name", "agent", "entity") and not (
                coding.kind == "group" and child.entry is not None and child.entry.kind == "state"):
            return Coding(coding.code, coding.country, coding.sector, kind, coding.explicit_country)
    for child in children:
        if child.coding and child.coding.country and not _first_name(child, kind):
            return Coding(child.coding.country, child.coding.country, None, kind)
    return Coding(None, None, sector, kind, explicit_country=False)


def _code_agent(doc: Doc, unit: Unit, children: list[Unit]) -> Coding:
    agent = unit.agent
    sector = agent.sector
    root = unit.root(doc)
    country, organisation = None, None
    for child in children:
        coding = child.coding
        if coding is None:
            continue
        child_sector = coding.sector
        party_rule = (coding.code or "").endswith("PTY") and sector[:3] == "GOV" \
            and _word(root) in COLLECTIVE_HEADS  # "the congress government": the state's
        if not party_rule and (coding.named or (
                child.source == "name" and coding.code and child.entry.kind in ("organisation", "group")
                and not child.metonym and _word(child.root(doc)) not in COLLECTIVE_HEADS)):
            organisation = coding  # "UN official", "IS fighters", "White House spokesman"
        if coding.country and coding.explicit_country:
            country = country or coding.country
        if child_sector is None or child.metonym:
            continue  # "the gujarat chamber of commerce": a place's name gives its state, not GOV
        if sector == "UAF" and child_sector in ("REB", "OPP", "INS"):
            sector = "REB"
        elif sector[:3] in WEAK_SECTORS and child_sector[:3] in ARMED | {"GOV"}:
            sector = child_sector[:3]
        elif sector == "GOV" and child_sector[:3] in RELIGIONS and root.lemma_.lower() == "leader":
            sector = child_sector[:3]  # "senior muslim leaders": the community's, not the state's
    plural = root.tag_ in ("NNS", "NNPS")
    if not plural and _word(root) in CROWD_NOUNS:
        kind = "group"
    elif plural:
        kind = "organisation" if agent.kind == "organisation" else "group"
    else:
        kind = agent.kind or ("group" if sector[:3] in ARMED else
                              "organisation" if _word(root) in ORG_WORDS else "person")
    if organisation is not None:
        if (organisation.code or "").startswith("IGO") and sector[:3] in ARMED | {"COP"}:
            # "UN troops", "NATO peacekeeping troops": the body's armed units (IGOUNOMIL)
            return Coding(organisation.code + sector[:3], None, sector[:3], kind, named=True)
        return Coding(organisation.code, organisation.country, organisation.sector, kind,
                      named=True)
    if kind == "person" and sector[:3] == "GOV" and _former(doc, unit):
        sector = "ELI"
    elif sector[:3] == "GOV" and _shadow(doc, unit):
        sector = "OPP"
    code = _join(country, agent, sector)
    if sector[:3] == "PPL" and country:
        # "the Zambian people", "two Brazilian men": Phoenix's code (BRAPPL), and as PLOVER
        # sector a state's people are its civilians
        sector = "CVL"
    return Coding(code, country, sector[:3], kind, explicit_country=country is not None)


def _join(country: Optional[str], agent: Agent, sector: str) -> Optional[str]:
    if country is None:
        return None
    return sector + country if agent.code.endswith("~") else country + sector


FUNCTIONS = {"GOV", "MIL", "COP", "REF", "HLH", "MED", "DEV", "AGR", "EDU", "JUD", "LEG", "ENV",
             "HRI", "LAB", "BUS", "CVL"}


def _international_function(actor: Actor) -> None:
    """An international body's sector is its function, as PLOVER codes it: the one its code
    carries (IGOUNOMIL: MIL), else GOV, its governing organs ("the Security Council", "the
    Secretary-General"); not the IGO prefix, which is already its country slot."""
    code = actor.code or ""
    if not code.startswith("IGO") or actor.country is not None or actor.sector not in (None, "IGO"):
        return
    chunks = [code[i:i + 3] for i in range(3, len(code), 3)]
    actor.sector = next((c for c in chunks if c in FUNCTIONS), "GOV")


# sectors that are no country's people ("the Red Cross", "a UN official")
NOT_NATIONAL = {"IGO", "NGO", "IMG", "MNC", "PPL", "UIS"}


def _ethnic_people(doc: Doc, unit: Unit, units: list[Unit], starts: list[int],
                   when: Optional[date]) -> None:
    """ "Ethnic Albanians ... in Serbia": a people named as an ethnic group are civilians of
    the one other state their sentence names (CAMEO codes them by where they live)."""
    if not unit.people or unit.coding is None:
        return
    if not any(t.lower_ == "ethnic" for t in unit.root(doc).lefts):
        return
    own, sentence = unit.coding.country, starts[unit.start]
    others = {split_code(u.entry.code_at(when))[0] for u in units
              if u.entry is not None and starts[u.start] == sentence and u is not unit}
    others.discard(own)
    others.discard(None)
    if len(others) == 1:
        country = others.pop()
        unit.coding = Coding(country + "CVL", country, "CVL", unit.coding.kind)


def sentence_starts(doc: Doc) -> list[int]:
    """Token index -> index of its sentence's first token (one pass; Token.sent walks)."""
    starts = [0] * len(doc)
    for sentence in doc.sents:
        starts[sentence.start:sentence.end] = [sentence.start] * (sentence.end - sentence.start)
    return starts


def sentence_states(units: list[Unit], starts: list[int], when: Optional[date],
                    standalone: bool = False) -> dict[int, set[str]]:
    """Sentence start -> the states a sentence names (by name, adjective or capital)."""
    found: dict[int, set[str]] = {}
    for unit in units:
        if unit.entry is None or (standalone and unit.parent is not None):
            continue  # named people and bodies count too: "Congress is asking Obama to help Iran"
        country = split_code(unit.entry.code_at(when))[0]
        if country:
            found.setdefault(starts[unit.start], set()).add(country)
    return found


def sentence_countries(units: list[Unit], starts: list[int], when: Optional[date],
                       standalone: bool = False) -> dict[int, str]:
    """Sentence start -> the one state a sentence names (by name, adjective or capital), where
    it names exactly one: the country of its uncoded agents when the article has none. With
    ``standalone``, only states that are not part of another actor ("in Sudan", not "South
    African leader"): an unknown titled person is not the other leader's compatriot."""
    found = sentence_states(units, starts, when, standalone)
    return {start: countries.pop() for start, countries in found.items() if len(countries) == 1}


# "BOGOTA, 3 JUL 89 (AFP) -- ", "ROME (ITALY), 11 JAN 90 -- ", "BAGHDAD (Reuters) - ",
# "mumbai:": the town a wire story is filed from (and its country, bracketed), opening its
# first line (or the line after "This story is from <date>")
DATELINE = re.compile(r"(?:This story is from [^\n]{0,40}\n\s*)?([A-Za-z][A-Za-z.' ]{1,30}?)"
                      r"(?:\s*\(([A-Za-z ]{2,30})\))?(?:,[^\n(:]{0,40}?)?\s*(?:\([^)\n]{0,40}\)\s*)?"
                      r"(?:(?:--|—|–|-)\s|:)")
DATELINE_TOWN = 50_000
"""Fewest people a dateline's town has: wire datelines name cities, not villages."""


def dateline_country(dateline: re.Match) -> Optional[str]:
    """ISO3 of the country of an article's dateline (its :data:`DATELINE` match), else None:
    the bracketed country ("NO CITY (EL SALVADOR)"), else that of the dateline's town: among
    the towns of that name big enough to file news from, one whose main name it is (Kochi in
    India, not the Japanese prefecture's seat), a capital first, the most populous."""
    gazetteer = load_gazetteer()
    if dateline.group(2):
        for index, main in gazetteer.candidates(dateline.group(2)):
            if main and gazetteer.entry(index).feature == "country":
                return iso3(gazetteer.entry(index).country)
    towns = [(main, gazetteer.entry(index)) for index, main in gazetteer.candidates(dateline.group(1))]
    towns = [(main, town.capital, town.population, town.country) for main, town in towns
             if town.feature == "city" and town.population >= DATELINE_TOWN]
    return iso3(max(towns)[3]) if towns else None


def _filed_from(doc: Doc, dateline: Optional[re.Match], units: list[Unit], counts: Counter[str],
                when: Optional[date]) -> Optional[str]:
    """The country of the article's dateline (:func:`dateline_country`), unless the article
    (:func:`article_countries`, and the states its units name after the dateline) names
    another state more: "MOSCOW (USSR), ... (TASS) -- ... Chile ... Chile" is filed from
    elsewhere."""
    datelined = dateline_country(dateline) if dateline is not None else None
    if datelined is None:
        return None
    tokens = tokens_of(doc)
    named = counts + Counter(split_code(u.entry.code_at(when))[0] for u in units
                             if u.entry and tokens[u.start].idx >= dateline.end())
    named.pop(None, None)
    return None if named[datelined] < max(named.values(), default=0) else datelined


def _dateline_state_named(unit: Unit, actor: Actor, heads: list[Unit], starts: list[int],
                          country: Optional[str], named: set[str]) -> bool:
    """Whether a plain-word body in a sentence naming two states, the dateline's one of them,
    is the dateline's (:func:`_dateline_agents`): "URBAN GUERRILLAS THREW TWO EXPLOSIVE DEVICES
    ... AT THE SAN JORGE WAREHOUSE, A U.S. EMBASSY FACILITY" filed from San Salvador is SLVREB, as
    a sentence naming no state would be; not a person (titles of other bodies: "RAMON CUSTODIO
    LOPEZ, PRESIDENT OF THE HUMAN RIGHTS DEFENSE COMMITTEE") nor an armed body where the
    sentence has another state's forces ("THE SALVADORAN ARMY CHASED REBELS ... INTO HONDURAN
    TERRITORY" filed from Tegucigalpa: whose rebels is not said)."""
    if unit.source != "agent" or actor.kind == "person" or country not in named or len(named) > 2:
        return False  # three states and more: "REPRESENTATIVES OF DRUG-AFFECTED COUNTRIES--BOLIVIA,
        # COLOMBIA, PERU, AND THE UNITED STATES--" (filed from Bogota) are of them all
    sentence = starts[unit.start]
    return (actor.sector or "")[:3] not in ARMED or not any(
        starts[other.start] == sentence and other.coding and other.coding.country not in (None, country)
        and (other.coding.sector or "")[:3] in ARMED for other in heads)


def _dateline_agents(doc: Doc, units: list[Unit], actors: list[Actor], country: str) -> None:
    """A domestic agent still of no country ("the guerrillas", "the police"; a religion's
    believers, "kar sevaks" in a story filed from Ayodhya) in a sentence
    that names no state is of the dateline's country ("GUATEMALA CITY, 5 JAN 90 ... --"), as
    PETRARCH-style coders and ACLED code the agents of a story where it happens; not where an
    earlier mention of its sector is of another state ("U.S. troops ... the troops")."""
    given: dict[str, Actor] = {}
    for unit in units:
        actor = unit.actor
        titled = unit.source == "entity" and actor.kind == "person" and actor.sector is not None
        if actor.code is not None or actor.refers_to is not None \
                or not (unit.source == "agent" or titled) \
                or actor.sector not in DOMESTIC | RELIGIONS or _unknown_name_modifier(doc, unit) \
                or _regional_modifier(doc, unit):
            continue
        if any(other.span[0] < actor.span[0] and other.sector == actor.sector
               and other.country not in (None, country) for other in actors):
            continue
        actor.country = country  # a titled unknown person too ("LIEUTENANT ESPINOZA")
        actor.code = _join(country, unit.agent, actor.sector) if unit.agent else country + actor.sector
        given[actor.id] = actor
    for actor in actors:
        if actor.refers_to in given:
            actor.country, actor.code = country, given[actor.refers_to].code


def _rebel_radio_voice(doc: Doc, heads: list[Unit], country: Optional[str]) -> None:
    """A clandestine radio's "our" forces, fighters and leaders ("CLANDESTINE, 14 NOV 89 (RADIO
    VENCEREMOS) -- ... OUR FORCES") are the rebels who run it, not the state's army: the
    rebels of the country they have, else of the article's."""
    for unit in heads:
        actor = unit.actor
        if actor is None or unit.source != "agent" or actor.sector not in ARMED | {"GOV"} \
                or not any(c.dep_ == "poss" and c.lower_ == "our" for c in unit.root(doc).children):
            continue
        actor.sector = "REB"
        actor.country = actor.country or country
        actor.code = actor.country + "REB" if actor.country else None


LOCATIVE = {"in", "at", "on", "near", "across", "inside", "into", "throughout", "around", "outside"}


def article_country(counts: Counter[str]) -> Optional[str]:
    """The country the article happens in, from :func:`article_countries`."""
    ranked = counts.most_common(2) + [("", 0), ("", 0)]
    (top, n), (_, second) = ranked[0], ranked[1]
    # only a clear winner: in news about many states a guess would mislabel their bodies
    return top if n >= 2 * second and n > 0 else None


def article_countries(doc: Doc, units: list[Unit], heads: list[Unit]) -> Counter[str]:
    """How much the article happens in each country: where its places are ("in eastern
    Aleppo" is Syria) and whose forces and government it names."""
    counts: Counter[str] = Counter()
    for unit in units:
        if _is_state(unit) and unit.root(doc).head.lower_ in LOCATIVE \
                and unit.root(doc).dep_ == "pobj":
            country = split_code(unit.entry.roles[0].code if unit.entry.roles else None)[0]
            if country:
                counts[country] += 2
    for unit in heads:
        coding = unit.coding
        if coding and coding.explicit_country and coding.country and coding.kind != "person" \
                and coding.sector in ("GOV", "MIL", "REB", "OPP", "COP") \
                and not any(_led_by(c.root(doc)) is not None for c in unit.children):
            counts[coding.country] += 1  # "US-led coalition jets" fight where others live
    return counts


def make_actor(doc: Doc, text: str, unit: Unit, country: Optional[str], actors: list[Actor]
               ) -> Optional[Actor]:
    coding = unit.coding
    root = unit.root(doc)
    if unit.source == "pronoun":
        return None  # resolved later, with the persons before it
    if unit.label == "TRAIN" and root.dep_ in MODIFIER_DEPS and root.head.i > root.i:
        return None  # "the sabarmati express attack": where the attack was, not who made it
    body = None
    if unit.metonym and not _metonym_subject(doc, unit):
        if not (root.dep_ in ("compound", "nmod") and root.head.i > root.i
                and _word(root.head) in BODY_WORDS and unit.entry.kind == "state"):
            return None  # a city is a place (the places stage), not an actor, unless it acts
        # ... or names a body of its own ("the gujarat assembly", "gujarat secondary education
        # board"): the body, of that state, its sector unknown
        body = root.head
        coding = unit.coding = Coding(coding.country, coding.country, None, "organisation")
    if unit.source == "agent" and _function_of_named_body(doc, unit):
        return None  # "the UN refugee agency": the body's function, not refugees
    if unit.source == "agent" and unit.end - unit.start == 1 and root.lower_ in BARE_NOUNS \
            and not any(c.dep_ in MODIFIER_DEPS | {"det"} for c in root.children):
        return None  # "Date of publication", "appeared on television": no body
    if _is_state(unit) and root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i \
            and root.head.tag_ == "NNPS" and root.head.ent_type_ == "NORP" and coding.country \
            and not any(c.dep_ == "poss" for c in root.head.children):
        # "Iraqi Kurds", "Bosnian Serbs": a people of that state, its civilians
        head = root.head
        start, end = tokens_of(doc)[unit.start].idx, head.idx + len(head)
        return Actor(id=next_id("a", actors), text=text[start:end], span=(start, end),
                     name=text[start:end], code=coding.country + "CVL", country=coding.country,
                     sector="CVL", kind="group")
    if _is_state(unit) and root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i \
            and root.head.pos_ == "PROPN" and not _hyphenated(doc, unit):
        return None  # "the Syrian Golan Heights": part of a place or an unknown name
    if _is_state(unit) and body is None and root.dep_ in ("compound", "nmod") \
            and root.head.i > root.i and _word(root.head) in BODY_WORDS:
        # "the all-india babri masjid action committee": a body of that state, not the state
        body = root.head
        coding = unit.coding = Coding(coding.country, coding.country, None, "organisation")
    if unit.source == "name" and coding.kind == "group" and unit.entry.kind == "state" \
            and root.pos_ == "ADJ":
        if root.head.pos_ != "NOUN" or root.head.i < root.i or root.dep_ != "amod":
            return None  # a bare nationality adjective is no actor ...
        coding.kind = "state"  # ... unless it says whose an act is ("French mediation")
    if _absorbed_title(doc, unit):
        return None
    if unit.source == "agent" and coding.code is None and (coding.sector or "PPL")[:3] == "PPL":
        return None  # "the two men", "wounded people": people, not a coded actor
    following = tokens_of(doc)[unit.end] if unit.end < len(doc) else None
    if _is_state(unit) and root.dep_ in ("npadvmod", "amod") and following is not None \
            and following.text == "-":
        led = _led_by(root)
        if led is None or led.lemma_.lower() not in LED_BODIES or not coding.country:
            return None  # "British-based", "US-led": a modifier of the word after the hyphen
        # "the US-led coalition": a body the state leads, coded as that state (as PETRARCH2
        # codes a noun phrase by the actor in it; Phoenix has no led-coalition entry)
        first = tokens_of(doc)[_np_left(led)]
        start, end = first.idx, led.idx + len(led)
        return Actor(id=next_id("a", actors), text=text[start:end], span=(start, end),
                     name=_name_of(text[start:end]), code=coding.country,
                     country=coding.country, kind="group")
    if unit.source == "agent" and root.head.i > root.i and (root.dep_ == "amod" or (
            root.dep_ == "compound" and letter_case(doc) is not None and unit.end - unit.start == 1
            and "adj" in word_classes(_word(root)) and root.head.ent_type_ != "PERSON")) \
            and not (coding.explicit_country and coding.sector == "MIL"):
        return None  # "military discussions": an adjective, not an actor, also where text of
        # one case has it tagged a noun ("THE FATE OF MILITARY AID"; a title before a name
        # stays: "GENERAL RAUL REYES"); "Iranian military targets" are Iran's military's, as
        # "a Russian military hospital" is (RUSMIL)
    if unit.source == "agent" and root.dep_ in MODIFIER_DEPS | {"npadvmod"} and root.head.i > root.i \
            and coding.kind == "person":
        coding.kind = "group" if (coding.sector or "")[:3] in ARMED else "organisation"
    code, actor_country, sector = coding.code, coding.country, coding.sector
    owner = _pronoun_owner(root, actors) or _sender(root, sector, actors) \
        if unit.agent is not None and actor_country is None else None
    if owner is not None and sector:  # "Syria has offered its troops": Syria's troops
        actor_country = owner
        code = _join(owner, unit.agent, sector)
    if code is None and actor_country is None and unit.source == "entity" and coding.kind == "person":
        sector = _title_sector(doc, unit, unit.children)  # "President Omar El Bashir ... in Sudan"
        if sector and country is not None:
            actor_country, code = country, country + sector
    if code is None and actor_country is None and sector and sector[:3] not in NOT_NATIONAL \
            and country is not None and (coding.kind != "person" or unit.source == "agent") \
            and not _unknown_name_modifier(doc, unit) and not _regional_modifier(doc, unit):
        actor_country = country
        code = _join(country, unit.agent, sector) if unit.agent else country + sector
    tokens = tokens_of(doc)
    if unit.source in ("name", "entity") and not (unit.children or coding.kind == "person"):
        before = tokens[unit.start - 1] if unit.start else None
        first = unit.start - 1 if before is not None and before.lower_ == "the" \
            and before.head.i == root.i else unit.start
        named = first
    else:
        first, named = _phrase_start(doc, unit)
    if body is not None and not unit.metonym:
        first = named = _np_left(body)  # the body's whole name, "the all-india ... committee"
    if coding.kind == "person" and root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") \
            and (root.head.i == first - 1
                 or root.head.i == first - 2 and tokens[first - 1].text == ","
                 and root.head.ent_type_ not in ("GPE", "LOC", "FAC")):
        # "The British Prime Minister Theresa May", "The US Ambassador, Stuart Symington": the
        # title the parser made the head (and _absorbed_title gave to the name) is in the span,
        # as in "British Prime Minister Theresa May" (at most 5 words, no figure, no other
        # actor; after a comma, not a place: "Abyei, President Carter"); the name stays the name
        title = _np_left(root.head)
        if first - 5 <= title and not any(t.like_num for t in tokens[title:first]) and not any(
                a.span[0] < tokens[first].idx and tokens[title].idx < a.span[1] for a in actors):
            first = named = title
    start, end = tokens[first].idx, tokens[unit.end - 1].idx + len(tokens[unit.end - 1])
    if not _is_state(unit):
        last = _phrase_end(doc, unit)
        end = tokens[last].idx + len(tokens[last])
    elif body is not None:
        end = body.idx + len(body)
    words = text[start:end]
    if unit.entry is not None and coding.kind == "state":
        name = unit.entry.name
    elif unit.source in ("name", "entity") and coding.kind == "person":
        name = doc[unit.start:unit.end].text  # "Jan Egeland", not "UN aid official Jan Egeland"
    else:
        name = _name_of(text[tokens[named].idx:end])  # "civilians", not "12 civilians"
    return Actor(id=next_id("a", actors), text=words, span=(start, end), name=name, code=code,
                 country=actor_country, sector=sector, kind=coding.kind)


def _function_of_named_body(doc: Doc, unit: Unit) -> bool:
    """An agent noun naming whom a named body serves ("the UN refugee agency"): a modifier
    of an organisation word after the body's name. A force or office the body is stays one
    ("the Louisville Metro Police Department")."""
    root = unit.root(doc)
    if root.dep_ != "compound" or root.head.i < root.i or _word(root.head) not in ORG_WORDS \
            or unit.start == 0 or unit.agent is None or unit.agent.code.lstrip("~")[:3] in (
                "COP", "MIL", "GOV", "JUD", "LEG", "SPY"):
        return False
    before = doc[unit.start - 1]
    return before.pos_ == "PROPN" and before.head.i == root.head.i


def _unknown_name_modifier(doc: Doc, unit: Unit) -> bool:
    """A proper noun the dictionaries do not know modifies the head ("the Kurdish Regional
    Government"): a named body of unknown country, not the article's own; not an ordinary
    English word before police ("THE TREASURY POLICE", "the Judicial Technical Police"): a
    branch of the state's own police (before soldiers it may name rebels: "GUERRILLA URBAN
    COMMANDOS")."""
    known = {i for c in unit.children if c.source != "entity" for i in range(c.start, c.end)}
    police = unit.agent is not None and unit.agent.sector[:3] == "COP"
    return any(t.pos_ == "PROPN" and t.i not in known and not (unit.start <= t.i < unit.end)
               and t.ent_type_ not in ("NORP", "GPE")  # "Shona rebels", "Tamil refugees": a people
               and not (police and word_classes(_word(t)))
               for t in unit.root(doc).lefts)


def _regional_modifier(doc: Doc, unit: Unit) -> bool:
    """A region's adjective modifies the head ("European officials", "West African
    peacekeeping troops", "Western diplomats"): people of several states, not the article's."""
    regions = region_demonyms()
    tokens = tokens_of(doc)
    return any(t.dep_ in MODIFIER_DEPS and t.text[:1].isupper()  # not "western neighbourhoods"
               and "-" not in (tokens[t.i - 1].text, tokens[min(t.i + 1, len(tokens) - 1)].text)
               and name_key(t.text) in regions  # nor "Kurdish-Arab forces"
               for t in unit.root(doc).lefts)


def _pronoun_owner(root: Token, actors: list[Actor]) -> Optional[str]:
    """The country of the state or body an "its"/"their" before the head stands for: the
    subject of its clause where that is one ("Pakistan has urged its citizens"), else the
    last one before it in the same or the previous sentence; "his"/"her" stand for the last
    person ("President Goukouni Oueddei ... his government")."""
    owner = next((c.lower_ for c in root.children if c.dep_ == "poss"
                  and c.lower_ in ("its", "their", "his", "her")), None)
    if owner is None:
        return None
    person = owner in ("his", "her")
    subject = _clause_subject(root)
    if subject is not None and not person:
        found = next((a for a in actors if a.span[0] <= subject.idx < a.span[1]
                      and a.kind != "person" and not a.members), None)
        if found is not None and found.country:
            return found.country
    sentence_start = root.sent.start_char
    for actor in reversed(actors):
        if actor.span[0] >= root.idx or actor.span[0] < sentence_start - 400:
            continue
        if (actor.kind == "person") == person and actor.country:
            return actor.country
    return None


def _sender(root: Token, sector: Optional[str], actors: list[Actor]) -> Optional[str]:
    """The country of the state or body that sends, deploys or withdraws forces of no stated
    country ("Britain is deploying 300 troops ... in Mali", "Ankara sent tanks troops and
    aircraft into northern Syria"): the verb's subject, through "it" and "to" to the verb
    that governs it ("Britain said it would send troops", "Britain plans to send troops")."""
    from eventwire.extract.events import status_cues  # the events stage's verb list

    if (sector or "")[:3] not in ARMED | {"COP"}:
        return None
    node = root
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    verb = node.head
    if node.dep_ != "dobj" or verb.lemma_.lower() not in status_cues()["sending_verbs"]:
        return None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in ("it", "they"):
            found = next((a for a in actors if a.span[0] <= subject.idx < a.span[1]
                          and a.kind != "person" and not a.members), None)
            return found.country if found is not None else None
        if verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _clause_subject(token: Token) -> Optional[Token]:
    """The subject of the verb a noun is an argument of ("Pakistan" for "its citizens" in
    "Pakistan ... has urged its citizens"), through coordinated verbs; for the speaker after
    what it reports, the reported clause's ("Britain is deploying 300 troops ..., its defense
    ministry said")."""
    head = token
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head is not head:
        head = head.head
    for _ in range(3):
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.i < token.i] or [
            s for c in head.children if c.dep_ == "ccomp" and c.i < token.i
            for s in c.children if s.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        if head.dep_ != "conj" or head.head is head:
            return None
        head = head.head
    return None


def _hyphenated(doc: Doc, unit: Unit) -> bool:
    """ "US-Russia talks": states joined by a hyphen act together."""
    tokens = tokens_of(doc)
    return (unit.end < len(doc) and tokens[unit.end].text == "-") or (
        unit.start > 0 and tokens[unit.start - 1].text == "-")


NP_DEPS = {"det", "amod", "compound", "nmod", "poss", "case", "nummod", "quantmod", "advmod",
           "punct", "npadvmod", "predet", "nn", "hyph"}


def _np_left(token: Token) -> int:
    """Leftmost token of a noun phrase's premodifiers (not of clauses hung on it by a bad parse)."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in NP_DEPS:
            left = min(left, _np_left(child))
    return left


def _phrase_start(doc: Doc, unit: Unit) -> tuple[int, int]:
    """First tokens of a unit's noun phrase, for its span and for its name: its left edge, a
    state's or a body's possessive included ("Russia's Foreign Ministry"; the possessor is also
    an actor of its own), a person's not ("Assad's forces" are the forces). A figure before the
    head is in the span, not in the name ("killed at least 384 civilians": the span "at least
    384 civilians", the name "civilians"), as ConfliBERT's coders mark a party (73 of its 73
    train spans with a figure before the head, 13 of 13 with "dozens of" and the like); the
    quantities stage reads the number."""
    root = unit.root(doc)
    first = min([_np_left(root), unit.start] + [c.start for c in unit.children])
    if _body_before_name(doc, unit):
        first = unit.start
    for child in root.lefts:
        if child.dep_ == "poss" and child.i >= first:
            owner = next((c for c in unit.children if c.start <= child.i < c.end), None)
            if owner is not None and _stands_alone(doc, owner) and owner.coding is not None \
                    and owner.coding.kind == "person":
                first = child.right_edge.i + 1
                while first < unit.start and tokens_of(doc)[first].dep_ == "case":
                    first += 1
    tokens = tokens_of(doc)
    case = letter_case(doc)
    for i in range(first, unit.start):  # not across a line or a clause's punctuation, nor, in
        # text of one case, a word no noun phrase holds ("WHICH KIDNAPPED SEVERAL CONSULS"; but
        # "AT LEAST 30 PLAINCLOTHES POLICEMEN" is a figure, as in lower case)
        clause = case is not None and _clause_word(_word(tokens[i]), case == "upper") \
            and not (tokens[i].lower_ == "at" and tokens[i + 1].lower_ in ("least", "most"))
        if parse_view(doc).breaks_line(i) or (tokens[i].is_punct and tokens[i].text not in "-'\u2019") \
                or clause:
            first = i + 1
        if clause and tokens[i].head.i == first < unit.start and tokens[first].pos_ == "ADV":
            first += 1  # "so far 2500 kar sevaks": the adverb the clause word modifies
    bare = first
    while bare < unit.start and (tokens[bare].is_punct or tokens[bare].is_space or tokens[bare].like_num
                                 or tokens[bare].dep_ in ("nummod", "quantmod", "advmod")
                                 or tokens[bare].ent_type_ in ("DATE", "TIME", "CARDINAL")
                                 or tokens[bare].lower_ in ("another", "at", "least", "most")):
        bare += 1  # "At least 384 civilians" -> "civilians"
    counted = bare  # the figure: the words before the head back to a date or a punctuation mark
    while counted > first and not (tokens[counted - 1].is_punct or tokens[counted - 1].is_space
                                   or tokens[counted - 1].ent_type_ in ("DATE", "TIME")):
        counted -= 1  # ("12 February 2015 Free Syrian Army fighters": no count)
    first = counted if any(t.like_num or t.ent_type_ == "CARDINAL" for t in tokens[counted:bare]) \
        else bare
    counts = quantity_words()["vague"]
    node = root
    while node.dep_ == "pobj" and node.head.i == first - 1 and node.head.lower_ == "of" \
            and node.head.head.i == first - 2 \
            and (node.head.head.like_num or node.head.head.lower_ in counts):
        node = node.head.head  # "dozens of Islamic State fighters", "tens of thousands of"
        first = node.i
        while first > node.left_edge.i and first - 1 < tokens[first - 1].head.i <= node.i \
                and not (tokens[first - 1].is_punct or tokens[first - 1].ent_type_ in ("DATE", "TIME")):
            first -= 1  # its own modifiers: "several dozens of", "At least 22 of the jihadists"
    return first, bare


def _phrase_end(doc: Doc, unit: Unit) -> int:
    """Last token of an actor's phrase: its head, then an acronym in parentheses ("the
    Lebanese Armed Forces (LAF)") and an "of" phrase that names a place or body ("the
    Governor of Arizona", "Houthi rebels of Yemen"), as annotators mark actors."""
    tokens = tokens_of(doc)
    last = unit.end - 1
    root = unit.root(doc)
    if unit.source in ("name", "entity") and unit.coding is not None \
            and unit.coding.kind == "person" and unit.coding.code is not None:
        title = _apposed_title(doc, root, last)
        if title is not None:
            return title
    if last + 3 < len(doc) and tokens[last + 1].text == "(" and tokens[last + 3].text == ")" \
            and re.fullmatch(ACRONYM, tokens[last + 2].text):
        return last + 3
    for prep in root.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != last + 1:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects or objects[0].pos_ != "PROPN":
            continue
        edge = objects[0].right_edge.i
        inside = doc[prep.i:edge + 1]
        if edge - prep.i <= 6 and not any(t.is_punct and t.text not in "-'\u2019" for t in inside):
            return edge
    return last


def _apposed_title(doc: Doc, root: Token, last: int) -> Optional[int]:
    """Last token of a title set off by commas after a named person ("Vladimir Putin, the
    Russian president, will meet"; "Francesco Rocca, the president of International Red
    Cross"), which ConfliBERT's coders mark in the person's span (18 of 20 such name-first
    appositions on its train sentences, and 18 of 19 title-first ones: "The US Ambassador,
    Stuart Symington"): the title's phrase, without a clause on it ("Ali Kushayb, a Sudanese
    militia leader charged with 50 crimes"), whose verb is an act of its own."""
    tokens = tokens_of(doc)
    if last + 2 >= len(doc) or tokens[last + 1].text != ",":
        return None
    for title in root.rights:
        if title.dep_ != "appos" or title.left_edge.i != last + 2 or title.pos_ != "NOUN":
            continue
        end = max([title.i] + [c.right_edge.i for c in title.rights
                               if c.dep_ not in ("acl", "relcl", "advcl", "punct", "cc", "conj")])
        if end + 1 == len(doc) or tokens[end + 1].text in (",", ".", ";", ")"):
            return end
    return None


def _name_of(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE).strip()


def _absorbed_title(doc: Doc, unit: Unit) -> bool:
    """A title in apposition to a named person ("his US counterpart John Kerry") is that
    person's, not a second actor."""
    if unit.source != "agent" or unit.coding.kind != "person":
        return False
    root = unit.root(doc)
    return any(child.dep_ == "appos" and child.ent_type_ == "PERSON" for child in root.children)


def split_coordinated_states(doc: Doc, text: str, units: list[Unit], heads: list[Unit],
                             actors: list[Actor], when: Optional[date]) -> list[list[Actor]]:
    """ "Senior Hungarian and Romanian officials", "US and British forces": one actor per
    state (the head's actor keeps the first), to be joined in a compound, with an
    intergovernmental body named beside them ("British and EU negotiators"); returns the members
    of each compound and adds the new members to ``actors``."""
    tokens = tokens_of(doc)
    by_token = {t: u for u in units for t in range(u.start, u.end)}
    groups: list[list[Actor]] = []
    for unit in heads:
        actor = unit.actor
        if actor is None or actor.members or actor.kind == "person":
            continue
        states = [c for c in unit.children if _is_state(c)] or ([unit] if _is_state(unit) else [])
        head = unit.root(doc) if unit.children else unit.root(doc).head
        if states and unit.agent is not None:
            for conj in head.conjuncts:  # "Sierra Leonean and Liberian refugees" (parsed as nouns)
                other = by_token.get(conj.i)
                bare = other.actor if other is not None else None
                if bare is not None and _is_state(other) and bare.code == bare.country \
                        and conj.i < head.i and actor.sector and actor.sector != actor.country:
                    bare.sector = actor.sector
                    bare.code = _join(bare.country, unit.agent, unit.agent.sector)
        for state in states:
            others, joined = [], []
            for conj in state.root(doc).conjuncts:
                other = by_token.get(conj.i)
                bare = other.actor if other is not None and other is not state else None
                if bare is not None and _is_state(other) and bare.code == bare.country \
                        and actor.sector and actor.sector != actor.country and conj.i < head.i:
                    # "Sierra Leonean and Liberian refugees": both are refugees
                    bare.sector = actor.sector
                    bare.code = (_join(bare.country, unit.agent, unit.agent.sector)
                                 if unit.agent is not None else bare.country + actor.sector)
                    if bare.country != actor.country and bare not in joined:
                        joined.append(bare)  # "Armenian and Azerbaijani forces": both act
                    continue
                if bare is not None and bare.code and bare.code.startswith("IGO") \
                        and not bare.members and conj.i < head.i and bare not in joined:
                    joined.append(bare)  # "British and EU negotiators": the union's own
                    continue
                if other is not None and other is not state and _is_state(other) \
                        and other.actor is None and other.parent in (None, unit) and conj.i < head.i \
                        and other not in others:
                    others.append(other)
            if not others and not joined:
                continue
            members = [actor] + joined
            for other in sorted(others, key=lambda u: u.start):
                country = split_code(other.entry.code_at(when))[0]
                if not country or country == actor.country:
                    continue
                sector = actor.sector if actor.sector != actor.country else None
                code = (_join(country, unit.agent, unit.agent.sector) if unit.agent is not None
                        else country + (sector or ""))
                last = tokens[other.end - 1]
                start, end = tokens[other.start].idx, last.idx + len(last)
                member = Actor(id=next_id("a", actors), text=text[start:end], span=(start, end),
                               name=f"{text[start:end]} {head.text}" if unit.children else text[start:end],
                               code=code, country=country, sector=sector, kind=actor.kind)
                actors.append(member)
                members.append(member)
            if len(members) > 1:
                groups.append(members)
            break
    return groups


# --- 4. coreference ------------------------------------------------------------------------

def resolve_mentions(doc: Doc, heads: list[Unit], actors: list[Actor]) -> None:
    """Point later mentions at the first; code them like it. Pronouns become actors here."""
    by_entry: dict[int, Actor] = {}
    sentence_of = {}
    for number, sentence in enumerate(doc.sents):
        for i in range(sentence.start, sentence.end):  # indexes only: no Token per word
            sentence_of[i] = number
    persons: list[tuple[int, Actor]] = []  # (token index, first mention) in text order
    genders: dict[str, set[str]] = {}  # first mention's id -> the gendered words of its mentions
    pronouns: list[Actor] = []
    acronyms: dict[str, Actor] = {}  # "FIS" -> the Islamic Salvation Front, once defined
    ordered = sorted(heads, key=lambda u: u.start)
    named_people = [(u.start, u.actor) for u in ordered if u.actor is not None
                    and u.actor.kind == "person" and u.source in ("name", "entity")]
    for unit in ordered:
        actor = unit.actor
        if unit.source == "pronoun":
            word = tokens_of(doc)[unit.start]
            same, other = (FEMALE_WORDS, MALE_WORDS) if word.lower_ == "she" \
                else (MALE_WORDS, FEMALE_WORDS)
            # mentions of both ("Police Federation chairman Jan Berry", "Ms Berry") tell none
            nearby = [a for i, a in persons if sentence_of[i] >= sentence_of[unit.start] - 2
                      and not (other & genders.get(a.id, set()) and not same & genders[a.id])]
            if nearby:
                first = nearby[-1]
                pronoun = Actor(id=next_id("a", actors + pronouns), text=word.text,
                                span=(word.idx, word.idx + len(word)),
                                name=first.name, code=first.code, country=first.country,
                                sector=first.sector, kind="person", refers_to=first.id)
                pronouns.append(pronoun)
            continue
        if actor is None:
            continue
        first = None
        if unit.entry is not None and unit.entry.id in by_entry \
                and by_entry[unit.entry.id].kind == actor.kind:
            first = by_entry[unit.entry.id]
        elif actor.kind == "person" and unit.source == "entity":
            first = _same_surname(actor, [a for _, a in persons])
        elif actor.kind == "person" and unit.source == "name" and unit.end - unit.start == 1 \
                and letter_case(doc) is not None:
            # in text of one case a one-word dictionary name too: "jilani" after "aibmac
            # convenor jafrayab jilani" is he, not the dictionary's Pakistani official
            first = _same_surname(actor, [a for _, a in persons], by_name=True)
        elif actor.kind == "person" and unit.source == "agent":
            first = _titled_person(doc, unit, actor, named_people)
        elif actor.kind != "person" and (unit.source == "agent" or unit.entry is not None) \
                and _definite(doc, unit) and not _unknown_name_modifier(doc, unit):
            first = _earlier_same(actor, actors, by_sector=unit.source == "agent")
            if first is not None and actor.kind == "group" and unit.source == "agent" \
                    and _head_lemma(doc, first) != unit.root(doc).lemma_.lower() \
                    and not _named(first, heads):
                first = None  # "the rebels" are not "a suicide bomber" of the same side
        if first is None and unit.source == "agent" and actor.code is None \
                and unit.root(doc).lemma_.lower() in BODY_NOUNS and _definite(doc, unit):
            first = _last_named_body(unit, heads, sentence_of)  # "the militant group"
        if first is None and unit.source == "entity" and actor.code is None:
            first = _acronym_of(doc, unit, ordered, acronyms)  # "Islamic Salvation Front (FIS)"
        if first is None and unit.source == "entity" and len(actor.text.split()) == 1:
            first = _part_of_earlier_name(actor, actors)  # "Observatory" after the full name
            if first is not None:
                actor.kind = first.kind
        if unit.source == "entity" and unit.label == "ORG" and len(actor.text.split()) == 1:
            surname = _same_surname(actor, [a for _, a in persons])
            if surname is not None:  # spaCy calls a lone surname ORG
                first, actor.kind = surname, "person"
        if first is not None and first.id != actor.id:
            _point_at(actor, first)
        elif unit.entry is not None and unit.entry.kind == actor.kind:
            by_entry.setdefault(unit.entry.id, actor)
        if actor.kind == "person" and (unit.source in ("name", "entity") or actor.refers_to) \
                and unit.root(doc).dep_ not in ("compound", "amod", "nmod"):
            persons.append((unit.start, _root(actor, actors)))  # not "Assad" in "Assad clan"
            genders.setdefault(persons[-1][1].id, set()).update(
                set(actor.text.lower().replace(".", "").split()) & (FEMALE_WORDS | MALE_WORDS))
    actors.extend(pronouns)
    actors.sort(key=lambda a: (a.span[0], -a.span[1]))
    _renumber(actors)


def _acronym_of(doc: Doc, unit: Unit, ordered: list[Unit], acronyms: dict[str, Actor]
                ) -> Optional[Actor]:
    """The coded body an unknown acronym stands for: the one it follows in parentheses
    ("the Islamic Salvation Front (FIS)", "Human Rights Watch (HRW)"), or, later in the
    article, the one it was so defined for."""
    word = doc[unit.start:unit.end].text
    if unit.end - unit.start != 1 or not re.fullmatch(ACRONYM, word):
        return None
    if word in acronyms:
        return acronyms[word]
    if unit.start < 2 or tokens_of(doc)[unit.start - 1].text != "(" or doc[unit.end:unit.end + 1].text != ")":
        return None
    before = next((u for u in ordered if u.end == unit.start - 1 and u.actor is not None
                   and u.actor.code and u.actor.kind != "person"), None)
    if before is None:
        return None
    first = before.actor
    while first.refers_to:  # the first mention, not an earlier coreferent one
        found = next((u.actor for u in ordered if u.actor is not None and u.actor.id == first.refers_to), None)
        if found is None:
            break
        first = found
    acronyms[word] = first
    return first


ACRONYM = r"[A-Z][A-Z0-9/&-]{1,7}"
BODY_NOUNS = {"group", "organisation", "organization", "movement", "militia", "faction",
              "network", "party"}


def _last_named_body(unit: Unit, heads: list[Unit], sentence_of: dict[int, int]) -> Optional[Actor]:
    """The named organisation or armed group a definite "the militant group" stands for: the
    last one before it, in its sentence or the one before."""
    here = sentence_of[unit.start]
    named = [u.actor for u in heads if u.start < unit.start and u.entry is not None
             and u.entry.kind in ("organisation", "group") and u.actor is not None
             and u.actor.refers_to is None and u.actor.code and sentence_of[u.start] >= here - 1]
    mention = unit.actor
    if mention is not None and mention.sector in ("UAF", "REB", "INS"):
        # "the militant group" is no state's own force (not "the U.S. Central Command")
        named = [a for a in named if a.sector not in DOMESTIC - {"REB", "UAF", "INS", "OPP"}]
    return named[-1] if named else None


def _root(actor: Actor, actors: list[Actor]) -> Actor:
    by_id = {a.id: a for a in actors}
    seen = set()
    while actor.refers_to and actor.refers_to in by_id and actor.id not in seen:
        seen.add(actor.id)
        actor = by_id[actor.refers_to]
    return actor


def _point_at(actor: Actor, first: Actor) -> None:
    actor.refers_to = first.id
    actor.name = first.name
    actor.code, actor.country, actor.sector = first.code, first.country, first.sector
    if first.kind == "person":
        actor.kind = "person"


def _surname(text: str) -> str:
    return text.split()[-1].lower().replace("\u2019", "'")


def _same_surname(actor: Actor, persons: list[Actor], by_name: bool = False) -> Optional[Actor]:
    """The first person named before with this surname (the last word of the mention, or with
    ``by_name`` of its name: "jilani, also a member of ... board"); where both give more, one
    name ends the other ("PAZ ZAMORA", "JAIME PAZ ZAMORA") or their initials agree ("vp singh"
    is not "rajnath singh")."""
    surname, names = _surname(actor.name if by_name else actor.text), _given_names(actor, False)
    return next((person for person in persons if person.refers_to is None and person.id != actor.id
                 and _surname(person.text) == surname and _same_name(names, _given_names(person))),
                None)


def _same_name(names: list[str], given: list[str]) -> bool:
    """Name words that can be one person's: one a bare surname, the same initial, or one name
    ending the other ("PAZ ZAMORA", "JAIME PAZ ZAMORA")."""
    return min(len(names), len(given)) < 2 or names[0][0] == given[0][0] \
        or given[-len(names):] == names or names[-len(given):] == given


def _given_names(actor: Actor, written_first: bool = True) -> list[str]:
    """A person's name words, without an honorific or a short title ("Ms Sturgeon" is "Nicola
    Sturgeon"); with ``written_first``, where the name is a bare surname, with the word its
    mention has before it: "narayan desai" (spaCy's PERSON was "desai") is not "mahadev desai"."""
    names = [w for w in actor.name.lower().split()
             if w.rstrip(".") not in HONORIFICS | NAME_TITLES] or actor.name.lower().split()
    written = actor.text.lower().split()
    if written_first and len(names) == 1 and written[-1:] == names and len(written) > 1 \
            and written[-2].isalpha() and len(written[-2]) > 3 and not is_stop_word(written[-2]) \
            and written[-2] not in PERSON_TITLES and written[-2] not in NAME_TITLES \
            and written[-2] not in actor_dictionary().agents:
        return written[-2:]
    return names


def _head_lemma(doc: Doc, actor: Actor) -> str:
    span = doc.char_span(*actor.span, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None else ""


def _named(actor: Actor, heads: list[Unit]) -> bool:
    return any(u.actor is actor and u.entry is not None for u in heads)


def _part_of_earlier_name(actor: Actor, actors: list[Actor]) -> Optional[Actor]:
    word = actor.text
    if len(word) < 5 or not word[:1].isupper():
        return None
    for other in actors:
        if other.span[0] < actor.span[0] and other.refers_to is None and other.kind != "person" \
                and other.code and word in other.text.split():
            return other
    return None


def _definite(doc: Doc, unit: Unit) -> bool:
    root = unit.root(doc)
    return any(child.dep_ in ("det", "poss") and (child.lower_ in DEFINITE or child.dep_ == "poss")
               for child in root.lefts)


def _titled_person(doc: Doc, unit: Unit, actor: Actor, named: list[tuple[int, Actor]]
                   ) -> Optional[Actor]:
    """The named person a definite title stands for ("the Russian minister" -> Lavrov)."""
    if not _definite(doc, unit) or actor.code is None:
        return None
    same = [(i, a) for i, a in named if a.code == actor.code and a.refers_to is None]
    before = [a for i, a in same if i < unit.start]
    if before:
        return before[-1]
    after = [a for i, a in same if i > unit.start]
    return after[0] if after else None


def _earlier_same(actor: Actor, actors: list[Actor], by_sector: bool = True) -> Optional[Actor]:
    """The first earlier actor with this code ("the regime"), or, for a common noun
    (``by_sector``), of this sector when the mention has no code ("the British-based
    monitor" -> the Observatory; but "the World Food Program" is not UNICEF, nor "the IS
    jihadists" al-Qaeda, a body of their sector named before). A state's own body ("the
    government") so stands for one only where all earlier ones of its sector are one
    state's: after the US State Department and Russia's Ministry of Defence it names neither
    (PETRARCH too leaves an agent no state attaches to uncoded)."""
    def earlier(other: Actor) -> bool:  # not the leaders of a group for the group
        return other.span[0] < actor.span[0] and other.refers_to is None and other.kind == actor.kind

    for other in actors:
        if not earlier(other):
            continue
        if actor.code and other.code == actor.code:
            return other
        if by_sector and actor.code is None and actor.sector and other.sector == actor.sector:
            if actor.sector in STATE_BODIES and len({o.country for o in actors if earlier(o)
                                                     and o.sector == actor.sector}) > 1:
                return None
            return other
    return None


def _renumber(actors: list[Actor]) -> None:
    """Ids in text order (a1, a2, ...), references kept."""
    mapping = {a.id: f"t{i}" for i, a in enumerate(actors)}
    final = {f"t{i}": f"a{i + 1}" for i in range(len(actors))}
    for actor in actors:
        actor.id = final[mapping[actor.id]]
        if actor.refers_to:
            actor.refers_to = final[mapping[actor.refers_to]]
        actor.members = [final[mapping[m]] for m in actor.members]


# --- 3. compounds --------------------------------------------------------------------------

def compound_actors(doc: Doc, text: str, actors: list[Actor]) -> list[Actor]:
    """Coordinations of states or groups ("Russia and Iran") and groups of states with named
    members ("six western countries including the United States")."""
    tokens = tokens_of(doc)
    at_token: dict[int, Actor] = {}
    ends: dict[int, Actor] = {}  # token index -> the actor whose span ends there
    for actor in actors:
        start, end = token_range(doc, actor.span)  # cached: the events stage asks again
        if end <= start:
            continue
        for i in range(start, end):
            at_token.setdefault(i, actor)
        ends.setdefault(end - 1, actor)
    view = parse_view(doc)  # whole-doc lists: no Token per word
    groups = [i for i, (tag, lemma) in enumerate(zip(view.tags, view.lemmas))
              if tag == "NNS" and lemma in GROUP_OF_STATES]
    compounds: list[Actor] = []
    done: set[int] = set()
    for i in sorted(set(ends) | set(groups)):
        token = tokens[i]
        if i in done:
            continue
        actor = ends.get(i)
        if actor is not None and actor.kind != "person":
            members = [actor] + [ends[t.i] for t in token.conjuncts if t.i > i and t.i in ends]
            if len(members) > 1 and all(m.kind != "person" for m in members):
                done.update(t.i for t in token.conjuncts)
                compounds.append(_compound(text, members, actors + compounds, None))
            continue
        if i in groups and i not in at_token:
            members = [ends[t.i] for child in token.rights if child.lower_ in INCLUDING
                       for pobj in child.children if pobj.dep_ == "pobj"
                       for t in [pobj, *pobj.conjuncts] if t.i in ends]
            if members:
                start = tokens[token.left_edge.i].idx
                group = _compound(text, members, actors + compounds, start)
                group.code = group.country = group.sector = None  # members are some of them
                group.kind = "state"
                group.name = _name_of(text[start:token.idx + len(token)])
                compounds.append(group)
    return compounds


def _names_joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _compound(text: str, members: list[Actor], taken: list[Actor], start: Optional[int]) -> Actor:
    start = members[0].span[0] if start is None else start
    end = max(m.span[1] for m in members)
    kinds = {m.kind for m in members}
    codes = {m.code for m in members}
    countries = {m.country for m in members}
    sectors = {m.sector for m in members}
    n = len(taken) + 1
    ids = {a.id for a in taken}
    while f"a{n}" in ids:
        n += 1
    return Actor(id=f"a{n}", text=text[start:end], span=(start, end),
                 name=_names_joined([m.name for m in members]),
                 code=codes.pop() if len(codes) == 1 else None,
                 country=countries.pop() if len(countries) == 1 else None,
                 sector=sectors.pop() if len(sectors) == 1 else None,
                 kind=kinds.pop() if len(kinds) == 1 else "group",
                 members=[m.id for m in members])


# --- helpers for later stages --------------------------------------------------------------

def first_mention(extraction: Extraction, actor_id: Optional[str]) -> Optional[Actor]:
    """The actor an id refers to, followed through ``refers_to`` to its first mention."""
    actor = extraction.by_id(actor_id)
    seen = set()
    while actor is not None and actor.refers_to and actor.id not in seen:
        seen.add(actor.id)
        actor = extraction.by_id(actor.refers_to)
    return actor


def speaks_for(member: Actor, body: Actor, first: Actor) -> bool:
    """Whether ``member`` speaks or acts for the named body ``body`` (whose first mention is
    ``first``), as its own words say: "vhp functionary pravin togadia" for "the vhp", "a BJP
    spokesman" or the BJP itself (coreferent) for the BJP. A body is not the addressee of its
    own member's demand or warning; a common noun ("the army chief" and "the army") names no
    body."""
    if member.id == body.id or not body.code or member.code != body.code \
            or first.kind not in ("organisation", "group"):
        return False
    name = re.sub(r"^(?:the|a|an) ", "", body.text.lower())  # its own words: a mention
    # resolved to another ("the state government" to a commission) may be resolved wrongly
    return name not in actor_dictionary().agents \
        and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", member.text.lower()) is not None


def actor_token_map(doc: Doc, extraction: Extraction) -> dict[int, str]:
    """Token index -> id of the smallest simple (non-compound) actor covering the token; one
    pass per article, for stages that look up many tokens."""
    mapping: dict[int, str] = {}
    widths: dict[int, int] = {}
    for actor in extraction.actors:
        if actor.members:
            continue
        span = doc.char_span(*actor.span, alignment_mode="expand")
        width = actor.span[1] - actor.span[0]
        for token in span or []:
            if token.i not in mapping or width < widths[token.i]:
                mapping[token.i], widths[token.i] = actor.id, width
    return mapping


def actor_for_token(extraction: Extraction, token: Token, compound: bool = False) -> Optional[Actor]:
    """The actor a token stands for, e.g. the head of a verb's subject or object.

    The smallest actor whose span covers the token; else the named person a title is in
    apposition to ("counterpart" in "his US counterpart John Kerry"). With ``compound``, the
    compound actor whose members the token's coordination names ("Russia" in "Russia and
    Iran") when there is one.
    """
    char = token.idx
    covering = [a for a in extraction.actors if a.span[0] <= char < a.span[1]]
    if compound:
        wide = [a for a in covering if a.members]
        if wide:
            return max(wide, key=lambda a: a.span[1] - a.span[0])
    simple = [a for a in covering if not a.members] or covering
    if simple:
        return min(simple, key=lambda a: a.span[1] - a.span[0])
    for child in token.children:
        if child.dep_ == "appos":
            found = actor_for_token(extraction, child)
            if found is not None:
                return found
    return None
