"""The event ontology: PLOVER types, modes and contexts, the CAMEO mapping, verb patterns.

Data files (see eventwire/data/SOURCES.md), loaded once:
- ``cameo_plover.tsv``: CAMEO code -> PLOVER type, mode, context (PLOVER's CAMEO2PLOVER table);
- ``cameo_verbs.json``: the Phoenix verb dictionary in compact form (verb -> block -> patterns);
- ``event_triggers.tsv``: eventwire's additions (conflict-news verbs and nominal triggers);
- ``event_trigger_blocks.tsv``: Phoenix verb blocks whose verbs share those additions;
- ``plover_codebook_types.tsv``: acts PLOVER's structured codebook types apart from their
  CAMEO code's type (a resignation is RETREAT, not CAMEO 083's CONCEDE);
- ``event_confidence.json``: the dev precision of each kind of rule, the events' confidence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Optional

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")

# PLOVER 0.5 (the gold standard records) had 18 types; 2021 merged these into the 16 above.
OLD_PLOVER_TYPES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE",
                    "INVESTIGATE": "ACCUSE"}


@dataclass(frozen=True)
class PloverCode:
    cameo: str
    type: str
    mode: Optional[str]
    context: Optional[str]
    description: str


@dataclass(frozen=True)
class Pattern:
    """A verb pattern: words before and after the verb (a list = a prepositional phrase)."""
    cameo: Optional[str]  # None: these words mean "no event" ("killed in an accident")
    before: tuple
    after: tuple
    origin: str  # "pattern" (Phoenix), "trigger" (eventwire's additions)
    needs_object: bool = False  # "returned paintings to Peru", not "returned to Geneva"
    before_words: tuple = field(init=False, repr=False)
    after_words: tuple = field(init=False, repr=False)
    plain_words: frozenset = field(init=False, repr=False)  # words that are not synonym sets
    synonym_sets: tuple = field(init=False, repr=False)  # the words of each "&SET" it names
    prepositions: tuple = field(init=False, repr=False)  # "(TO BORDER)" -> "to"

    def __post_init__(self) -> None:
        before, after = _flat(self.before), _flat(self.after)
        object.__setattr__(self, "before_words", before)
        object.__setattr__(self, "after_words", after)
        object.__setattr__(self, "plain_words",
                           frozenset(w for w in before + after if not w.startswith("&")))
        object.__setattr__(self, "synonym_sets",
                           tuple(synonyms(w) for w in before + after if w.startswith("&")))
        object.__setattr__(self, "prepositions", tuple(
            item[0] for item in self.after if isinstance(item, tuple) and item))


@lru_cache(maxsize=None)
def _flat(items: tuple) -> tuple[str, ...]:
    words: list[str] = []
    for item in items:
        words.extend(_flat(item) if isinstance(item, tuple) else item.split())
    return tuple(words)


@dataclass(frozen=True)
class Trigger:
    """What a verb or noun lemma can trigger: its patterns and its default code."""
    lemma: str
    pos: str
    default: Optional[str]
    patterns: tuple[Pattern, ...]
    needs: str = "any"
    origin: str = "verb"

    @cached_property
    def patterns_by_word(self) -> tuple[list[Pattern], dict[str, list[Pattern]]]:
        """The patterns without plain words, and the others under one of their plain words
        (built once per trigger: a block's patterns run to the hundreds, and the events stage
        tries only those whose word the sentence has)."""
        wordless: list[Pattern] = []
        by_word: dict[str, list[Pattern]] = {}
        for pattern in self.patterns:
            if pattern.plain_words:
                # its longest word: the rarest, as a rule ("for", "in" are in most sentences)
                by_word.setdefault(max(pattern.plain_words, key=lambda w: (len(w), w)),
                                   []).append(pattern)
            else:
                wordless.append(pattern)
        return wordless, by_word

    @cached_property
    def pattern_positions(self) -> dict[int, int]:
        """id(pattern) -> its place in ``patterns`` (ties between patterns go to the first)."""
        return {id(pattern): position for position, pattern in enumerate(self.patterns)}


def _data(name: str) -> str:
    return resources.files("eventwire.data").joinpath(name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in _data(name).splitlines():
        if line.startswith("#") or not line.strip():
            continue
        rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def cameo_plover() -> dict[str, PloverCode]:
    """CAMEO code -> PLOVER type, mode and context."""
    rows = _tsv("cameo_plover.tsv")
    table = {}
    for row in rows[1:]:
        row += [""] * (5 - len(row))
        code, type_, mode, context, description = row[:5]
        table[code] = PloverCode(code, type_, mode or None, context or None, description)
    return table


def request_code(cameo: str) -> str:
    """CAMEO 02 "appeal" -> the matching 10 "demand" code: PLOVER folds both into REQUEST."""
    return "10" + cameo[2:] if cameo.startswith("02") else cameo


def plover_of(cameo: Optional[str]) -> Optional[PloverCode]:
    """The PLOVER type, mode and context of a CAMEO code, or None for CAMEO 01 statements
    (quotes, not events) and codes PLOVER does not map."""
    if not cameo or cameo.startswith("01"):
        return None
    original, cameo = cameo, request_code(cameo)  # an appeal keeps its own CAMEO code
    table = cameo_plover()
    for length in (len(cameo), 4, 3):
        code = cameo[:length]
        if code in table:
            found = table[code]
            return PloverCode(original, found.type, found.mode, found.context, found.description)
    root = cameo[:2]
    for code, found in table.items():  # the root's general code: "19" -> "190"
        if code == root + "0":
            return PloverCode(original, found.type, found.mode, found.context, found.description)
    return None


@lru_cache(maxsize=1)
def codebook_types() -> dict[tuple[str, str], tuple[str, str]]:
    """(CAMEO code, trigger lemma) -> (PLOVER type, mode) where the codebook names the act."""
    table = {}
    for row in _tsv("plover_codebook_types.tsv"):
        cameo, lemmas, type_, mode = (cell.strip() for cell in (row + [""] * 4)[:4])
        for lemma in lemmas.split("|"):
            table[(cameo, lemma)] = (type_, mode)
    return table


def codebook_typed(code: PloverCode, lemmas: tuple[str, ...]) -> PloverCode:
    """The code with the type and mode the codebook gives its trigger's act, if it names one
    (``lemmas``: the trigger's lemma, with its particle first: "step down", "step")."""
    for lemma in lemmas + ("*",):  # "*": whatever verb or noun coded it
        for length in (len(code.cameo), 4, 3):
            found = codebook_types().get((code.cameo[:length], lemma))
            if found:
                return PloverCode(code.cameo, found[0], found[1] or None, code.context,
                                  code.description)
    return code


@lru_cache(maxsize=None)
def type_code(plover_type: str) -> PloverCode:
    """The most general CAMEO code of a PLOVER type (the lowest "x0" code that maps to it,
    else the lowest code): the code an event gets when only its type is known."""
    codes = sorted(c for c, found in cameo_plover().items() if found.type == plover_type)
    general = [c for c in codes if c.endswith("0")] or codes
    return plover_of(general[0])


@lru_cache(maxsize=1)
def plover_modes() -> dict[str, list[str]]:
    """PLOVER type -> the modes the CAMEO mapping uses for it."""
    modes: dict[str, set[str]] = {t: set() for t in PLOVER_TYPES}
    for code in cameo_plover().values():
        if code.mode:
            modes.setdefault(code.type, set()).add(code.mode)
    for type_, mode in codebook_types().values():  # "resign" is the codebook's own
        if mode:
            modes.setdefault(type_, set()).add(mode)
    return {t: sorted(m) for t, m in modes.items()}


@lru_cache(maxsize=1)
def plover_contexts() -> list[str]:
    """Every context the CAMEO mapping uses."""
    found = set()
    for code in cameo_plover().values():
        found.update(c for c in (code.context or "").split(",") if c)
    return sorted(found)


@lru_cache(maxsize=1)
def verb_dictionary() -> dict:
    return json.loads(_data("cameo_verbs.json"))


def synonyms(name: str) -> frozenset[str]:
    """The words of a synonym set ("&CEASEFIRE")."""
    return _synsets().get(name.upper(), frozenset())


@lru_cache(maxsize=1)
def _synsets() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in verb_dictionary()["synsets"].items()}


def _tuple(items: list) -> tuple:
    return tuple(tuple(i) if isinstance(i, list) else i for i in items)


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], Trigger]:
    """(lemma, "VERB"|"NOUN") -> Trigger: eventwire's additions first, then the Phoenix verbs."""
    dictionary = verb_dictionary()
    blocks = dictionary["blocks"]
    block_patterns = {name: tuple(Pattern(code, _tuple(before), _tuple(after), "pattern")
                                  for code, before, after in block["patterns"])
                      for name, block in blocks.items()}
    table: dict[tuple[str, str], Trigger] = {}
    for lemma, (block, code) in dictionary["verbs"].items():
        default = None if code == "---" else code or blocks[block]["code"]  # "---": patterns only
        table[(lemma, "VERB")] = Trigger(lemma, "VERB", default, block_patterns[block],
                                         origin="verb")
    added: dict[tuple[str, str], list] = {}
    for row in _tsv("event_triggers.tsv"):
        row += [""] * (5 - len(row))
        lemma, pos, words, cameo, needs = (cell.strip() for cell in row[:5])
        added.setdefault((lemma, pos), []).append((words, cameo, needs or "any"))
    _share_in_blocks(added, dictionary["verbs"])
    for key, entries in added.items():
        lemma, pos = key
        old = table.get(key)
        default = old.default if old else None
        patterns = []
        needs = "any"
        for words, cameo, entry_needs in entries:
            if entry_needs in ("modifier", "doer") and needs != "doer":  # the strictest decides
                needs = entry_needs
            if not words:
                default = None if cameo == "---" else cameo  # "---": the verb alone is no act
                continue
            # "a|b|c" = any one of these words; "for &CEASEFIRE" = both, in order
            alternatives = words.split("|")
            for alternative in alternatives:
                words_ = alternative.split()
                before = tuple(w[1:] for w in words_ if w.startswith("<"))
                after = tuple(w for w in words_ if not w.startswith("<"))
                patterns.append(Pattern(None if cameo == "---" else cameo, before, after,
                                        "trigger", needs_object=entry_needs == "object"))
        # a curated verb's bare default is a dictionary default like Phoenix's: without an
        # actor it makes no event ("pulled out of the final", "executed a pass")
        table[key] = Trigger(lemma, pos, default,
                             tuple(patterns) + (old.patterns if old else ()), needs,
                             origin="verb")
    return table


def _share_in_blocks(added: dict[tuple[str, str], list], verbs: dict[str, list]) -> None:
    """Give each verb of a synonym block (event_trigger_blocks.tsv) the worded curated rows of
    its block-mates, so a row written for "halt" also codes "call off" and "terminate"."""
    for row in _tsv("event_trigger_blocks.tsv"):
        block, excluded = row[0].strip(), set((row[1] if len(row) > 1 else "").strip().split("|"))
        members = [v for v, (name, _) in verbs.items() if name == block and v not in excluded]
        shared = []
        for lemma in members:
            for entry in added.get((lemma, "VERB"), []):
                if entry[0] and entry not in shared:
                    shared.append(entry)
        for lemma in members:
            own = added.setdefault((lemma, "VERB"), [])
            own.extend(entry for entry in shared if entry not in own)
            if not own:
                del added[(lemma, "VERB")]


@lru_cache(maxsize=1)
def rule_confidence() -> dict[str, float]:
    """Dev precision of each kind of rule (see scripts/calibrate_event_confidence.py)."""
    try:
        return json.loads(_data("event_confidence.json"))["precision"]
    except FileNotFoundError:
        return {}
