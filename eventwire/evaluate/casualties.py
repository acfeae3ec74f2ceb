"""FA-KES: casualty counts, perpetrator class and governorate of Syrian-war articles.

FA-KES (Abu Salem et al., ICWSM 2019) gives each of its 804 articles the number of
civilians, children, women and non-civilians killed (0 means none or not mentioned), the
perpetrator class and the governorate, from crowd workers. It has no split: the parity rule
holds (row i is dev when i is even). ``eventwire evaluate fakes --split dev|test`` runs the
whole pipeline on each article and reads one count per class off its quantities:

- civilians: the first ``killed`` figure counting civilians, people or nobody named (FA-KES
  counts children and women among civilians), else the first counting children or women; a
  number outranks a vague "dozens" (and a number counted within the dozens is taken); the
  civilians named in a toll of people ("22 people, including six civilians") are the count,
  also where the same toll is given again ("22 dead" in the headline); where the first
  figure counts fighters, or only fighters are named among the dead, a figure naming nobody
  counts them and is left out, as is a bare figure that repeats a fighters' count; a
  war-wide toll (``cumulative``: "since the conflict began") is never the incident;
- children, women: the first ``killed`` figure for them;
- non-civilians: the first ``killed`` figure counting fighters, soldiers or police, unless a
  civilian toll comes first (fighters named after it are another clash).

Figures that are ``part_of`` another are not counted again. Per count it reports exact
match, match within 10%, and reported-vs-not F1 (does the article report a non-zero count);
perpetrator-class accuracy (the root actor of the first killed figure's perpetrator, else
the attack named in that figure's sentence, "US-led strikes", else the attacker of the
first attack the events stage found; names tell the SDF, al-Nusra and the coalition apart)
and governorate accuracy (the first Syrian place where something happened, or a place named
after a governorate wherever the gazetteer put it).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Optional

from eventwire.errors import InputError
from eventwire.evaluate import parity_split, prf
from eventwire.model import Extraction, Quantity

FILE = "casualties/fa-kes/fakes_structured.csv"
COUNTS = {"civilians": "nb_civilians", "children": "nb_children", "women": "nb_women",
          "noncivilians": "nb_noncivilians"}
CIVILIAN_WHO = {"civilians", "children", "women", "men", "journalists", "medics", "aid workers"}
UNNAMED_WHO = {None, "people"}
COMBATANT_WHO = {"fighters", "soldiers", "police"}

# GeoNames admin-1 codes of Syria -> FA-KES governorate labels (Rif Dimashq counts as damascus)
SYRIA_ADMIN1 = {"01": "hasakeh", "02": "lattakia", "03": "quneitra", "04": "raqqa",
                "05": "sweida", "06": "daraa", "07": "deir ezzor", "08": "damascus",
                "09": "aleppo", "10": "hama", "11": "homs", "12": "idlib", "13": "damascus",
                "14": "tartous"}
GOVERNORATE_NAMES = {"aleppo": "aleppo", "damascus": "damascus", "idlib": "idlib",
                     "idleb": "idlib", "deir ez-zor": "deir ezzor", "deir ezzor": "deir ezzor",
                     "deir al-zour": "deir ezzor", "raqqa": "raqqa", "ar raqqah": "raqqa",
                     "raqa": "raqqa", "homs": "homs", "hasakah": "hasakeh", "al hasakah": "hasakeh",
                     "hasakeh": "hasakeh", "hama": "hama", "daraa": "daraa", "deraa": "daraa",
                     "latakia": "lattakia", "lattakia": "lattakia", "quneitra": "quneitra",
                     "tartus": "tartous", "tartous": "tartous", "raqa": "raqqa", "rakka": "raqqa",
                     "hassakeh": "hasakeh", "hasaka": "hasakeh", "hassake": "hasakeh",
                     "al-hasakah": "hasakeh", "deir al-zor": "deir ezzor", "deir el-zour": "deir ezzor",
                     "deir ez zor": "deir ezzor", "deir al-zur": "deir ezzor", "dayr az zawr": "deir ezzor",
                     "golan": "quneitra", "dara'a": "daraa", "dar'a": "daraa", "suwayda": "sweida",
                     "al-suwayda": "sweida", "sweida": "sweida", "ladhiqiyah": "lattakia"}
# a governorate's name in a place's words, whatever country the gazetteer gave the place
GOVERNORATE_IN_TEXT = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, GOVERNORATE_NAMES), key=len, reverse=True)) + r")\b",
    re.IGNORECASE)
# parts of root actor codes -> FA-KES perpetrator classes (first match wins)
PERPETRATOR_CLASSES = [
    ("SYRGOV", "syrian government or russian troops"), ("SYRMIL", "syrian government or russian troops"),
    ("RUS", "syrian government or russian troops"),
    ("ISI", "the organization of the islamic state in iraq and the levant - isis"),
    ("NUSRA", "al-nusra front"), ("SYRREBNUS", "al-nusra front"),
    ("SDF", "self administration forces"), ("SYRKRD", "self administration forces"),
    ("KUR", "self administration forces"),
    ("SYRREB", "armed opposition groups"), ("SYROPP", "armed opposition groups"),
    ("USA", "international coalition forces"), ("IGONAT", "international coalition forces"),
    ("GBR", "international coalition forces"), ("FRA", "international coalition forces"),
]
# names FA-KES classes apart where the actor codes do not (the SDF and al-Nusra are rebels to
# CAMEO); "coalition" is the US-led one when it attacks (the Syrian Coalition does not)
PERPETRATOR_NAMES = [
    ("nusra", "al-nusra front"), ("fateh al-sham", "al-nusra front"), ("fatah al-sham", "al-nusra front"),
    ("sdf", "self administration forces"), ("ypg", "self administration forces"),
    ("kurd", "self administration forces"), ("syrian democratic forces", "self administration forces"),
    ("coalition", "international coalition forces"),
]


def read_fakes(data: Path) -> list[dict]:
    path = data / FILE
    if not path.is_file():
        raise InputError(f"FA-KES not found at {path} (see ../shared/data/casualties/MANIFEST.md)")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # the upstream file mixes encodings; latin-1 never fails
        text = raw.decode("latin-1")
    return list(csv.DictReader(io.StringIO(text)))


def _worth(figure: Quantity) -> int:
    value = figure.value if figure.value is not None else figure.low
    return int(round(value)) if value else 0


def article_counts(extraction: Extraction) -> dict[str, int]:
    """One count per FA-KES class, read off an extraction's killed figures (0 = none)."""
    # a war-wide toll ("since the conflict began in 2011") is context, not the incident
    killed = sorted((q for q in extraction.quantities if q.category == "killed" and not q.cumulative),
                    key=lambda q: q.span[0])
    counts = {name: 0 for name in COUNTS}

    def first(figures: list[Quantity]) -> int:
        # a vague figure ("dozens") is the count only where no figure gives a number
        for figure in sorted(figures, key=lambda q: q.qualifier == "vague"):
            if _worth(figure):
                return _worth(figure)
        return 0

    by_id = {q.id: q for q in killed}
    # "22 people, including six civilians": FA-KES counts the civilians among the people; the
    # same toll given again ("22 dead" in the headline) has the same civilians
    named_parts = {q.part_of: q for q in killed if q.who == "civilians"
                   and q.part_of in by_id and by_id[q.part_of].who in UNNAMED_WHO}
    # "dozens of people have been killed, including at least 29 in one district": the number
    named_parts.update({q.part_of: q for q in reversed(killed) if q.part_of in by_id
                        and by_id[q.part_of].qualifier == "vague" and q.qualifier != "vague"
                        and q.who in CIVILIAN_WHO | UNNAMED_WHO and q.part_of not in named_parts})
    parts_by_worth = {_worth(by_id[whole]): part for whole, part in named_parts.items()}
    fighter_worths = {_worth(q) for q in killed if q.who in COMBATANT_WHO}
    top = [named_parts.get(q.id) or (parts_by_worth.get(_worth(q)) if q.who in UNNAMED_WHO else None) or q
           for q in killed if q.part_of is None and _worth(q)]
    civilian = (CIVILIAN_WHO | UNNAMED_WHO) - {"children", "women"}
    named = {q.who for q in killed}
    if top and top[0].who in COMBATANT_WHO:
        civilian -= UNNAMED_WHO  # an article led by fighters killed: "people" are them
    elif named & COMBATANT_WHO and not named & (CIVILIAN_WHO - {"men"}):
        civilian -= {None}  # only fighters are named among the dead: "88 dead" counts them
    # "70 killed" and "70 ISIS terrorists killed": the same dead, fighters
    top = [q for q in top if not (q.who is None and _worth(q) in fighter_worths)]
    counts["civilians"] = first([q for q in top if q.who in civilian]) or \
        first([q for q in top if q.who in ("children", "women")])
    counts["children"] = first([q for q in killed if q.who == "children"])
    counts["women"] = first([q for q in killed if q.who == "women"])
    fighters = [q for q in killed if q.who in COMBATANT_WHO]
    civilian_lead = [q for q in top if q.who in civilian and _worth(q)]
    if fighters and civilian_lead and civilian_lead[0].span[0] < fighters[0].span[0]:
        fighters = []  # fighters named after the incident's civilian toll are another story
    counts["noncivilians"] = first(fighters)
    return counts


# attacks named by whose they are, in the sentence of the toll: "US-led strikes", "coalition
# raids", "Russian and Syrian warplanes" (the actors stage often finds no actor in them)
ATTACK_WORDS = (r"(?:air\s*)?(?:strikes?|raids?|airstrikes?|warplanes|jets|aircraft|planes|bombing|"
                r"bombardment|shelling|barrel\s+bombs?|helicopters)")
ATTACKS_BY_CLASS = [
    (re.compile(rf"\b(?:us|u\.s\.|american)[- ]led\b|\bcoalition\s+{ATTACK_WORDS}", re.IGNORECASE),
     "international coalition forces"),
    (re.compile(rf"\b(?:russian|syrian|regime|government|assad)\s+(?:and\s+(?:russian|syrian|regime)\s+)?"
                rf"{ATTACK_WORDS}", re.IGNORECASE), "syrian government or russian troops"),
]


HELD = re.compile(r"-(?:held|controlled|run|besieged|occupied)\b", re.IGNORECASE)


def main_perpetrator(extraction: Extraction) -> str:
    """The class of whoever killed: the perpetrator of the first killed figure that has one,
    else the attack named in the first toll's sentence ("US-led strikes killed ..."), else the
    attacker of the first attack the events stage found."""
    for quantity in sorted(extraction.quantities, key=lambda q: q.span[0]):
        if quantity.category == "killed" and quantity.perpetrator:
            label = perpetrator_class(extraction, quantity.perpetrator)
            if label:
                return label
    text = extraction.article.text
    first = min((q for q in extraction.quantities if q.category == "killed" and not q.cumulative),
                key=lambda q: q.span[0], default=None)
    if first is not None:
        start = text.rfind(".", 0, first.span[0]) + 1
        end = text.find(".", first.span[1])
        sentence = text[start:end if end >= 0 else len(text)]
        named = [(match.start(), label) for pattern, label in ATTACKS_BY_CLASS
                 for match in pattern.finditer(sentence)]
        if named:
            return min(named)[1]
    for event in sorted(extraction.events, key=lambda e: e.trigger.span[0]):
        if event.type == "ASSAULT":
            for actor_id in event.source:
                label = perpetrator_class(extraction, actor_id)
                if label:
                    return label
    return "unknown"


def perpetrator_class(extraction: Extraction, actor_id: str) -> Optional[str]:
    actor = extraction.by_id(actor_id)
    root = _root(extraction, actor_id)
    if actor is not None and HELD.match(extraction.article.text, actor.span[1]):
        return None  # "rebel-held Khan Sheikhoun" names a place, not an attacker
    names = " ".join(a.text.lower() for a in (actor, root) if a is not None)
    for part, label in PERPETRATOR_NAMES:
        if re.search(rf"\b{re.escape(part)}", names):
            return label
    code = (root.code or "") if root else ""
    for part, label in PERPETRATOR_CLASSES:
        if part in code:
            return label
    return None


def _root(extraction: Extraction, actor_id: Optional[str]):
    actor, seen = extraction.by_id(actor_id), set()
    while actor is not None and actor.refers_to and actor.id not in seen:
        seen.add(actor.id)
        actor = extraction.by_id(actor.refers_to)
    return actor


def governorate(extraction: Extraction) -> Optional[str]:
    places = sorted(extraction.places, key=lambda p: (p.role != "event", p.span[0]))
    for place in places:
        if place.country != "SY":
            named = GOVERNORATE_IN_TEXT.search(place.text)  # "Raqa" resolved to a US place
            if named:
                return GOVERNORATE_NAMES[named.group(1).lower()]
            continue
        admin1 = (place.admin1 or "").split(".")[-1]
        if admin1 in SYRIA_ADMIN1:
            return SYRIA_ADMIN1[admin1]
        name = GOVERNORATE_NAMES.get(place.name.lower()) or GOVERNORATE_NAMES.get(
            (place.admin1 or "").lower())
        if name:
            return name
    return None


def score_fakes(split: str, data: Path) -> dict:
    """Exact match, within 10% and reported-vs-not F1 per count; perpetrator and governorate
    accuracy."""
    from eventwire.model import Article
    from eventwire.pipeline import default_pipeline

    rows = parity_split(read_fakes(data), split)
    articles = [Article.from_text(row["article_content"], id=f"fakes-{i}", title=row["article_title"])
                for i, row in enumerate(rows)]
    tallies = {name: {"exact": 0, "within10": 0, "tp": 0, "found": 0, "gold": 0} for name in COUNTS}
    perpetrator_hits = governorate_hits = 0
    pipeline = default_pipeline()
    failed = 0
    extractions = pipeline.extract_many(articles, on_error=lambda article, err: None)
    by_id = {}
    for extraction in extractions:
        by_id[extraction.article.id] = extraction
    for article, row in zip(articles, rows):
        extraction = by_id.get(article.id)
        if extraction is None:
            failed += 1
            counts, perpetrator, place = {name: 0 for name in COUNTS}, "unknown", None
        else:
            counts = article_counts(extraction)
            perpetrator, place = main_perpetrator(extraction), governorate(extraction)
        for name, column in COUNTS.items():
            gold = int(float(row[column] or 0))
            found = counts[name]
            tally = tallies[name]
            tally["exact"] += found == gold
            tally["within10"] += abs(found - gold) <= 0.1 * gold if gold else found == 0
            tally["tp"] += bool(found) and bool(gold)
            tally["found"] += bool(found)
            tally["gold"] += bool(gold)
        perpetrator_hits += perpetrator == row["actor"]
        governorate_hits += place == row["location"]
    n = len(rows)
    metrics: dict = {"articles": n, "failed": failed}
    for name, tally in tallies.items():
        metrics[f"{name}_exact"] = round(tally["exact"] / n, 4)
        metrics[f"{name}_within10"] = round(tally["within10"] / n, 4)
        metrics[f"{name}_reported_f1"] = prf(tally["tp"], tally["found"], tally["gold"])["f1"]
    metrics["perpetrator_accuracy"] = round(perpetrator_hits / n, 4)
    metrics["governorate_accuracy"] = round(governorate_hits / n, 4)
    return metrics
