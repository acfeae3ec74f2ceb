"""The actor dictionary: names and agents -> CAMEO-style codes with date-bounded roles.

Loaded once per process from ``eventwire/data/``:

- ``actors.tsv.gz``: converted from the Phoenix actor dictionaries (MIT) by
  ``eventwire/resources/build_actors.py``; people, organisations, armed groups and states,
  each with its synonyms (as spaCy token strings) and its roles (code, start, end);
- ``actors_updates.csv``: curated roles since the dictionaries stopped (2015): closes open
  roles and adds new ones and new people, each row with its source;
- ``agents.tsv`` (Phoenix.agents.txt) and ``agents_updates.csv`` (curated): common nouns
  that code a sector ("rebels" -> REB, "army" -> MIL), with the kind of actor they name.

A person's code is resolved at a date (the article's publication date): SERGEI_LAVROV is
RUSGOV from 2004-03-09, JOHN_KERRY is USAGOVLEG until 2013-02-01 and USAGOV after.
"""

from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from importlib import resources
from typing import Iterable, Optional

# words that make a dictionary name an organisation, not a person
ORG_WORDS = {
    "ministry", "party", "front", "council", "brigade", "brigades", "army", "movement",
    "organization", "organisation", "union", "committee", "commission", "agency", "bank",
    "association", "league", "group", "forces", "force", "government", "regime", "court",
    "assembly", "parliament", "office", "department", "service", "services", "institute",
    "university", "company", "corporation", "fund", "foundation", "alliance", "coalition",
    "federation", "congress", "senate", "house", "police", "guard", "guards", "battalion",
    "network", "society", "centre", "center", "observatory", "programme", "program", "bureau",
    "authority", "administration", "cabinet", "junta", "militia", "militias", "tribunal",
    "embassy", "mission", "corps", "inc", "ltd", "limited", "news", "times", "radio", "tv",
    "television", "press", "daily", "post", "hospital", "school", "church", "kremlin",
    "palace", "board", "secretariat", "unit", "division", "regiment", "command", "squad",
    "legion", "faction", "jihad", "brotherhood", "state", "states", "republic", "kingdom",
    "emirate", "caliphate", "al-qaeda", "qaeda", "hamas", "hezbollah", "taliban",
}
ENTRY_KINDS = {"P": "person", "O": "organisation", "G": "group", "S": "state"}
# first three letters of a code that are not a country
NON_STATE_PREFIXES = {"IGO", "NGO", "IMG", "MNC", "UAF", "REB", "INS", "OPP", "CVL", "GOV",
                      "MIL", "COP", "JUD", "MED", "BUS", "EDU", "REL", "HLH", "LAB", "AGR",
                      "ELI", "SPY", "LEG", "REF", "UIS", "SEP", "PTY", "HRI", "DEV", "ENV"}
SECTORS = NON_STATE_PREFIXES | {"CRM", "RAD", "MOD", "PPL", "UNR", "AMN", "IRC", "RED", "DIP",
                                "SET", "CHR", "MUS", "JEW", "BUD", "HIN", "MOS"}
COUNTRIES = {"SRB", "MNE", "KSV", "BIH", "HRV", "SVN", "MKD"}  # units of former federations
# regional codes CAMEO uses where a country code would stand (INT: transnational groups)
REGIONS = {"INT", "AFR", "ASA", "BLK", "CAS", "CAU", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA",
           "MDT", "NAF", "NAM", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN", "WAF", "WST", "WSB"}


@dataclass(frozen=True)
class Role:
    code: str
    start: Optional[date] = None
    end: Optional[date] = None

    def holds_at(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class ActorEntry:
    id: int
    kind: str  # person | organisation | group | state
    name: str
    raw_roles: str = ""  # as stored; parsed on first use (most entries never are)
    _roles: Optional[list[Role]] = None

    @property
    def roles(self) -> list[Role]:
        if self._roles is None:
            self._roles = [Role(code, _date(start), _date(end)) for code, start, end
                           in (r.split(":") for r in self.raw_roles.split(";") if r)]
        return self._roles

    @roles.setter
    def roles(self, roles: list[Role]) -> None:
        self._roles = list(roles)

    def code_at(self, when: Optional[date]) -> Optional[str]:
        """The code of this actor's role at a date; the latest-starting role that holds.

        Without a date, the open role that started last; a role with no dates at all is
        Phoenix's catch-all status (KOFI_ANNAN: IGOUNO 1997-2006, then ELI without dates), so
        a dated role, the office the person is known for, comes first. When no role holds at
        the date, the nearest role in time (a person coded by the office they held or would
        hold).
        """
        if not self.roles:
            return None
        if when is None:
            dated = [r for r in self.roles if r.dated]
            open_roles = [r for r in dated or self.roles if r.end is None]
            pool = open_roles or dated or self.roles
            return max(pool, key=lambda r: r.start or date.min).code
        holding = [r for r in self.roles if r.holds_at(when)]
        dated = [r for r in holding if r.dated]
        if dated:
            return max(dated, key=lambda r: r.start or date.min).code
        if holding:
            return holding[0].code

        def distance(role: Role) -> int:
            edges = [d for d in (role.start, role.end) if d is not None]
            return min(abs((d - when).days) for d in edges) if edges else 10 ** 6

        return min(self.roles, key=distance).code


@dataclass(frozen=True)
class Agent:
    code: str  # "~MIL" (country first) or "IGO~" (country last)
    kind: Optional[str] = None  # person | group | organisation, where the data says

    @property
    def sector(self) -> str:
        return self.code.replace("~", "")


@dataclass
class ActorDictionary:
    entries: list[ActorEntry]
    names: dict[str, tuple[int, bool]]  # token string -> (entry id, metonym only)
    agents: dict[str, Agent]
    name_lengths: dict[str, int]  # first token -> most tokens of a name starting with it
    agent_lengths: dict[str, int]
    # curated acronyms that spell a city standing for its state, matched only as written:
    # "SANA" (the Syrian news agency) is not "Sana" (Sana'a, Yemen's capital)
    acronyms: dict[str, int] = field(default_factory=dict)

    def match_name(self, words: list[str], start: int, lemmas: Optional[list[str]] = None
                   ) -> Optional[tuple[int, int, bool]]:
        """Longest dictionary name at ``words[start:]``: (length, entry id, metonym); with
        ``lemmas``, a plural last word also matches its singular ("Palestinians")."""
        longest = max(self.name_lengths.get(words[start], 0),
                      self.name_lengths.get(lemmas[start], 0) if lemmas else 0)
        best = None
        prefixes = self.name_prefixes
        for length in range(1, min(longest, len(words) - start) + 1):  # shortest first
            words_here = " ".join(words[start:start + length])
            found = self.names.get(words_here)
            if found is None and lemmas:
                found = self.names.get(" ".join([*words[start:start + length - 1],
                                                 lemmas[start + length - 1]]))
            if found is not None:
                best = length, found[0], found[1]
            if words_here not in prefixes:
                break  # no longer name goes on from these words
        return best

    @cached_property
    def name_prefixes(self) -> frozenset[str]:
        """Every name's beginnings up to a space ("the", "the united", "the united states"
        of "the united states of america"): a longer name can match only past one of them."""
        return frozenset(name[:i] for name in self.names for i, c in enumerate(name) if c == " ")

    def match_agent(self, words: list[str], lemmas: list[str], start: int,
                    at_most: Optional[int] = None) -> Optional[tuple[int, Agent]]:
        """Longest agent phrase at ``start`` (of ``at_most`` words); the last word may be in
        its lemma form."""
        longest = max(self.agent_lengths.get(words[start], 0), self.agent_lengths.get(lemmas[start], 0))
        longest = min(longest, at_most) if at_most is not None else longest
        for length in range(min(longest, len(words) - start), 0, -1):
            head = words[start:start + length - 1]
            for last in (words[start + length - 1], lemmas[start + length - 1]):
                found = self.agents.get(" ".join([*head, last]))
                if found is not None:
                    return length, found
            if length == 1:
                found = self.agents.get(lemmas[start])
                if found is not None:
                    return 1, found
        return None


@dataclass
class PersonIndex:
    """The dictionary's people by surname, for names it lacks in that spelling ("President
    Mugabe", "Carlos Menem" for CARLOS_SAUL_MENEM, "Laurent Gbago" for Laurent Gbagbo)."""

    by_surname: dict[str, set[int]]
    by_first_name: dict[str, list[tuple[str, int]]]  # first name -> (surname, entry id)
    roles: dict[int, str]  # entry id -> its roles as stored (duplicate entries share them)
    words: dict[int, set[str]]  # entry id -> the words of all its names

    def find(self, words: list[str], when: Optional[date] = None) -> Optional[int]:
        """The one person these name words can be: with a first name, the people of that first
        name whose surname is this one or one letter off (two in a long one); a surname alone
        must be long and belong to one person only, or be the one holding an office at ``when``."""
        from rapidfuzz.distance import Levenshtein

        words = [w for w in words if w.isalpha()]
        if not words or len(words[-1]) < 4:
            return None
        surname = words[-1]
        if len(words) == 1:  # a short one ("BUSH", "RICE") only by the office
            found = self.by_surname.get(surname, set())
            return self._one(found, when=when) if len(surname) >= 5 \
                else self._in_office(found, when)
        cutoff = 0 if len(surname) < 5 else 1 if len(surname) < 8 else 2
        found = {entry for other, entry in self.by_first_name.get(words[0], ())
                 if Levenshtein.distance(other, surname, score_cutoff=cutoff) <= cutoff}
        return self._one(found, set(words), when)

    def _one(self, found: set[int], words: set[str] = frozenset(), when: Optional[date] = None
             ) -> Optional[int]:
        """The entry, where every candidate is the same person (Phoenix files some twice), or
        the one sharing the most of the name's words ("Omar Hassan al-Bashir"), or else the one
        holding an office at the date ("BUSH" in 1990 is George Bush, USAGOV; George W. Bush and
        Mckeeva Bush were then elites, ELI, Phoenix's catch-all)."""
        if not found:
            return None
        if len({self.roles[e] for e in found}) == 1:
            return min(found)
        shared = sorted(((len(words & self.words[e]), e) for e in found), reverse=True)
        return shared[0][1] if shared[0][0] > shared[1][0] else self._in_office(found, when)

    def namesake_in_office(self, entry_id: int, words: list[str], when: Optional[date]
                           ) -> Optional[int]:
        """Where the dictionary's person for these name words had yet to hold an office at the
        date, the one namesake whose names have all these words and who held one: Phoenix lists
        "U.S. PRESIDENT GEORGE BUSH" under George W. Bush (ELI in 1989) only. Not for a person
        out of office ("Bashar Assad" in 2025, whom Phoenix files twice)."""
        words = [w for w in words if w.isalpha()]
        if when is None or not words or entry_id not in self.roles or any(
                (role.start is None or role.start <= when) and split_code(role.code)[1] != "ELI"
                for role in actor_dictionary().entries[entry_id].roles):
            return None
        found = {e for e in self.by_surname.get(words[-1], ()) if set(words) <= self.words[e]}
        return self._in_office(found, when)

    def _in_office(self, found: set[int], when: Optional[date]) -> Optional[int]:
        """The one of these people who holds an office at the date: a dated role other than
        ELI, Phoenix's catch-all for elites; among three people at most (a surname many share,
        "Perez", "Singh", "Khan", is as common outside the dictionary)."""
        if when is None or len(found) > 3:
            return None
        entries = actor_dictionary().entries
        in_office = {e for e in found if any(
            role.dated and role.holds_at(when) and split_code(role.code)[1] != "ELI"
            for role in entries[e].roles)}
        return min(in_office) if len({self.roles[e] for e in in_office}) == 1 else None


@lru_cache(maxsize=1)
def person_index() -> PersonIndex:
    book = actor_dictionary()
    by_surname: dict[str, set[int]] = {}
    by_first_name: dict[str, set[tuple[str, int]]] = {}
    name_words: dict[int, set[str]] = {}
    for name, (entry_id, _) in book.names.items():
        if book.entries[entry_id].kind != "person":
            continue
        words = [w for w in name.split(" ") if w.isalpha()]
        if len(words) < 2:
            continue
        by_surname.setdefault(words[-1], set()).add(entry_id)
        by_first_name.setdefault(words[0], set()).add((words[-1], entry_id))
        name_words.setdefault(entry_id, set()).update(words)
    roles = {e: book.entries[e].raw_roles for ids in by_surname.values() for e in ids}
    return PersonIndex(by_surname, {k: sorted(v) for k, v in by_first_name.items()}, roles, name_words)


def split_code(code: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(country ISO3 or None, first sector) of a CAMEO-style code: SYRMIL -> (SYR, MIL),
    IGOUNO -> (None, IGO), RUS -> (RUS, None)."""
    if not code:
        return None, None
    first = code[:3]
    if first in NON_STATE_PREFIXES:
        return None, first
    country = first if first not in REGIONS else None
    second = code[3:6]
    if second and second not in SECTORS and second in COUNTRIES:
        return second, (code[6:9] or None)  # SCGSRB: Serbia within Serbia and Montenegro
    if second and second not in SECTORS:
        # PSEGZA, RUSCNYREB: a region of the state (Gaza, Chechnya), then perhaps a sector
        third = code[6:9]
        return country, (third if third in SECTORS else None)
    return country, (second or None)


def _date(text: str) -> Optional[date]:
    text = text.strip()
    if not text:
        return None
    text = text.replace("-", "")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def _data_text(name: str) -> str:
    return resources.files("eventwire.data").joinpath(name).read_text(encoding="utf-8")


def _rows(text: str) -> Iterable[list[str]]:
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _csv_rows(name: str) -> list[dict]:
    lines = [line for line in _data_text(name).splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _tokens(phrase: str) -> str:
    """A curated phrase in the token form the converted data uses."""
    from eventwire.nlp import load_nlp

    return " ".join(t.text for t in load_nlp().tokenizer(phrase.upper())).lower()


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    """The actor and agent dictionaries, with the curated updates applied."""
    entries: list[ActorEntry] = []
    names: dict[str, tuple[int, bool]] = {}
    raw = gzip.decompress(resources.files("eventwire.data").joinpath("actors.tsv.gz").read_bytes())
    for kind, name, roles, synonyms in _rows(raw.decode("utf-8")):
        entry = ActorEntry(len(entries), ENTRY_KINDS[kind], name, roles)
        entries.append(entry)
        for synonym in synonyms.split("|"):
            metonym = synonym.startswith("@")
            names.setdefault(synonym.lstrip("@"), (entry.id, metonym))
    acronyms = _apply_updates(entries, names)

    agents: dict[str, Agent] = {}
    for row in _csv_rows("agents_updates.csv"):
        agents[_tokens(row["phrase"])] = Agent(row["code"], row["kind"] or None)
    for phrase, code in _rows(_data_text("agents.tsv")):
        agents.setdefault(phrase, Agent(code))
    return ActorDictionary(entries, names, agents, _lengths(names), _lengths(agents), acronyms)


def _apply_updates(entries: list[ActorEntry], names: dict[str, tuple[int, bool]]) -> dict[str, int]:
    """Close, add and replace roles from actors_updates.csv (curated, with sources); returns
    the acronyms that spell a city's name (kept apart, matched as written)."""
    acronyms: dict[str, int] = {}
    for row in _csv_rows("actors_updates.csv"):
        key = _tokens(row["name"])
        found = names.get(key)
        if found is not None and row["kind"] and "person" in (row["kind"], entries[found[0]].kind) \
                and row["kind"] != entries[found[0]].kind and _tokens(entries[found[0]].name) != key:
            found = None  # a person filed as a synonym of their organisation gets their own entry
        if found is None:
            entry = ActorEntry(len(entries), row["kind"] or "person", row["name"])
            entries.append(entry)
            names[key] = (entry.id, False)
        else:
            entry = entries[found[0]]
            if row["kind"]:
                entry.kind = row["kind"]
        for synonym in filter(None, row["synonyms"].split("|")):
            other = names.get(_tokens(synonym))
            if synonym.isupper() and " " not in synonym and other is not None and other[1]:
                acronyms[synonym] = entry.id
            else:
                names[_tokens(synonym)] = (entry.id, False)
        start, end, code, action = _date(row["start"]), _date(row["end"]), row["code"], row["action"]
        if action == "replace":
            entry.roles = [Role(code, start, end)]
        elif action == "close":  # an open role ends
            entry.roles = [Role(r.code, r.start, end) if r.code == code and r.end is None else r
                           for r in entry.roles]
        else:
            entry.roles.append(Role(code, start, end))
    return acronyms


def _lengths(phrases: Iterable[str]) -> dict[str, int]:
    lengths: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split(" ")
        lengths[words[0]] = max(lengths.get(words[0], 0), len(words))
    return lengths
