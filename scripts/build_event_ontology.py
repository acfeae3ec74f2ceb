"""Rebuild the event ontology data files in eventwire/data/ from their public sources.

    python scripts/build_event_ontology.py [../shared/data]

Writes
- ``eventwire/data/cameo_plover.tsv``: CAMEO code -> PLOVER type, mode, context, description,
  from the PLOVER project's CAMEO2PLOVER-2021.txt (CC BY-SA 4.0);
- ``eventwire/data/cameo_verbs.json``: the Phoenix/PETRARCH2 verb dictionary CAMEO.2.0.txt
  (MIT) in compact form: verb lemma -> block, block -> default code and patterns, synonym sets.

The patterns keep PETRARCH's words but drop its parse markers ($ source, + target, ^ skip,
% compound); eventwire finds sources and targets from the dependency parse instead.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "eventwire" / "data"

CODE = re.compile(r"\[([^\]]*)\]")
FORMS = re.compile(r"\{([^}]*)\}")


def first_code(raw: str) -> str | None:
    """'042:043' -> '042' (source-to-target code); ':173' -> '173'; '---' -> None."""
    for part in raw.split(":"):
        part = part.strip()
        if part and part != "---" and part.isdigit():
            return part
    return None


def word(raw: str) -> str:
    """A dictionary word as eventwire matches it: lower case, '_' joins words of a phrase;
    a synonym-set reference keeps its upper-case '&NAME'."""
    raw = raw.strip().strip("_")
    if raw.startswith("&"):
        return raw.upper()
    return raw.replace("_", " ").lower()


def build_cameo_plover(source: Path) -> list[tuple[str, str, str, str, str]]:
    rows = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "~")) or ":" not in line:
            continue
        code, _, rest = line.partition(":")
        code = code.strip()
        if not code.isdigit():
            continue
        rest, _, description = rest.partition("#")
        fields = [f.strip() for f in rest.split(",")]
        fields += [""] * (3 - len(fields))
        plover, mode, context = fields[0], fields[1], ",".join(fields[2:]).strip(", ")
        if len(code) == 2:  # a root heading ("08: RETREAT"): its description is the type's
            continue
        context = ",".join(c.strip() for c in context.replace(";", ",").split(",") if c.strip())
        rows.setdefault(code, (code, plover, mode.replace(" ", ""), context,
                               " ".join(description.split())))
    return sorted(rows.values())


def parse_pattern(text: str) -> tuple[list, list]:
    """'- &MILITARY * EXERCISES (TO BORDER)' -> (['&military'], ['exercises', ['to', 'border']])."""
    before, _, after = text.partition("*")

    def items(part: str) -> list:
        out: list = []
        tokens = re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+", part)
        for token in tokens:
            if token in ("$", "+", "^", "%", "=", "|"):
                continue
            if token.startswith("("):
                inner = [word(w) for w in token[1:-1].replace("{", " ").replace("}", " ").split()
                         if w not in ("$", "+", "^", "%")]
                if inner:
                    out.append(inner)
            elif token.startswith("{"):
                phrase = " ".join(word(w) for w in token[1:-1].split() if w not in ("$", "+", "^"))
                if phrase:
                    out.append(phrase)
            else:
                token = token.strip("$+^%")
                if token:
                    out.append(word(token))
        return out

    return items(before), items(after)


def build_verbs(source: Path) -> dict:
    lines = source.read_text(encoding="utf-8").splitlines()
    synsets: dict[str, list[str]] = {}
    blocks: dict[str, dict] = {}
    verbs: dict[str, list] = {}
    current_set = None
    block = None
    in_patterns = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if "####### VERB PATTERNS" in raw:
            in_patterns, current_set = True, None
            continue
        if not line.strip():
            continue
        if not in_patterns:
            if line.startswith("&"):
                current_set = line.strip().rstrip("_").upper()  # "&CEASEFIRE"
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(word(line[1:]))
            continue
        if line.startswith("---"):
            name = line.strip("- ").split()[0]
            codes = CODE.findall(line)
            block = name
            blocks[block] = {"code": first_code(codes[0]) if codes else None, "patterns": []}
            continue
        if block is None:
            continue
        if line.startswith("-"):
            codes = CODE.findall(line)
            if not codes:
                continue
            body = CODE.sub("", line[1:])
            before, after = parse_pattern(body)
            blocks[block]["patterns"].append([first_code(codes[0]), before, after])
            continue
        # a verb line: LEMMA {forms} [code]  or  +PHRASAL_VERB {forms} [code]
        codes = CODE.findall(line)
        head = FORMS.sub("", CODE.sub("", line)).split()
        if not head:
            continue
        lemma = word(head[0].lstrip("+"))
        # "HOLD [---]": the verb alone codes nothing, only its patterns do ("held talks")
        explicit_none = bool(codes) and codes[0].strip() == "---"
        verbs.setdefault(lemma, [block, "---" if explicit_none else
                                 first_code(codes[0]) if codes else None])
    return {"synsets": {k: sorted(set(v)) for k, v in synsets.items() if v},
            "verbs": dict(sorted(verbs.items())), "blocks": blocks}


def main(data: Path) -> None:
    plover = build_cameo_plover(data / "events" / "plover" / "CAMEO2PLOVER-2021.txt")
    with open(OUT / "cameo_plover.tsv", "w", encoding="utf-8") as out:
        out.write("# CAMEO code -> PLOVER type, mode, context. From openeventdata/PLOVER "
                  "CAMEO2PLOVER-2021.txt (CC BY-SA 4.0); rebuilt by scripts/build_event_ontology.py\n")
        out.write("cameo\ttype\tmode\tcontext\tdescription\n")
        for row in plover:
            out.write("\t".join(row) + "\n")
    verbs = build_verbs(data / "events" / "petrarch2" / "CAMEO.2.0.txt")
    verbs = {"source": "openeventdata/petrarch2 CAMEO.2.0.txt (30 April 2015), MIT licence, "
                       "(c) 2015 Open Event Data Alliance; rebuilt by scripts/build_event_ontology.py",
             **verbs}
    (OUT / "cameo_verbs.json").write_text(json.dumps(verbs, separators=(",", ":")) + "\n",
                                          encoding="utf-8")
    print(f"cameo_plover.tsv: {len(plover)} codes; cameo_verbs.json: {len(verbs['verbs'])} verbs, "
          f"{sum(len(b['patterns']) for b in verbs['blocks'].values())} patterns")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "data")
