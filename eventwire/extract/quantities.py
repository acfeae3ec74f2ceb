"""The quantities stage: how many, of whom, by whose hand, where, when, says who.

A figure is read off the one spaCy parse: the number (digits or words, "3.5 million", "a
dozen", vague "hundreds"), the words before it ("at least", "nearly", "between 20 and 30"),
the noun it counts ("civilians"), the predicate that says what happened to them ("have been
killed", "wounded people", "evacuees"), and the prepositions around that predicate for the
perpetrator ("in government fire"), the place and the time. "384 civilians, including 45
children" makes 45 a part of 384, never a separate 45 to add. The claimant is the speaker of
the quote the figure sits in. Dates, phone numbers, scores and huge numbers are not figures.
The words it reads by are data: ``data/quantity_words.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from spacy.tokens import Doc, Token

from eventwire.extract import doc_text, ents_of, next_id, parse_view, token_at, tokens_of
from eventwire.model import Extraction, Quantity

CASUALTY_CATEGORIES = {"killed", "injured", "kidnapped", "detained", "missing"}
MOVEMENT_CATEGORIES = {"displaced", "evacuated"}
MAX_CASUALTIES = 5_000_000       # above this a "death toll" is a misread number
MAX_MOVEMENT = 100_000_000
PHONE = re.compile(r"(?:\+\d[\d\s().-]{6,}\d)|(?:\(\d{2,4}\)\s?\d{3}[\s.-]\d{3,4})|(?:\b\d{3}[.-]\d{3}[.-]\d{4}\b)")
SCORE = re.compile(r"^\d{1,2}-\d{1,2}$")
NUMBER_SHAPE = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$")
YEAR = re.compile(r"(1[89]|20)\d\d")


@dataclass
class Figure:
    """A number expression in a doc (token indices, end exclusive) and what it is worth."""

    start: int                 # first token, qualifier included
    number_start: int
    end: int
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: str
    single: bool = False       # "a child was killed": one, kept only as a casualty figure


@lru_cache(maxsize=1)
def quantity_words() -> dict:
    path = resources.files("eventwire") / "data" / "quantity_words.json"
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """One of quantity_words()'s word lists as a set: membership tests without a scan."""
    return frozenset(quantity_words()[name])


# --- numbers ------------------------------------------------------------------------------

def _is_number_word(token: Token) -> bool:
    return _is_number_text(token.text, token.lower_)


def _is_number_text(text: str, lower: str) -> bool:
    words = quantity_words()
    return bool(NUMBER_SHAPE.match(text)) or (
        lower in words["units"] and lower not in ("a", "an", "half")) or lower in words["multipliers"]


def number_value(words: list[str]) -> Optional[float]:
    """The value of a run of number words: ["8,000"], ["eight", "thousand"], ["3.5", "million"]."""
    table = quantity_words()
    total, current, seen = 0.0, 0.0, False
    for word in words:
        lower = word.lower().replace(",", "")
        if NUMBER_SHAPE.match(lower):
            current += float(lower)
            seen = True
        elif lower in table["multipliers"] and lower not in ("k", "m", "bn") or (
                lower in ("k", "m", "bn") and seen):
            factor = table["multipliers"][lower]
            current = (current or 1) * factor
            if factor >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif lower in table["units"]:
            current += table["units"][lower]
            seen = True
        elif lower in ("and", "-"):
            continue
        else:
            return None
    return total + current if seen else None


def _phone_chars(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PHONE.finditer(text)]


def _qualifier_before(doc: Doc, i: int) -> tuple[int, str]:
    """The qualifier words just before token i ("at least", "nearly"), longest first."""
    qualifiers = quantity_words()["qualifiers"]
    for width in (3, 2, 1):
        start = i - width
        if start < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[start:i])
        if phrase in qualifiers:
            # "at at least 70" (FA-KES) and "the death toll at least" keep the inner phrase
            return start, qualifiers[phrase]
    return i, "exact"


def find_figures(doc: Doc) -> list[Figure]:
    """Every number expression that could be a figure (no dates, phones, scores, ordinals)."""
    words = quantity_words()
    phones = _phone_chars(doc_text(doc))
    dates = _date_tokens(doc)
    figures: list[Figure] = []
    tokens = tokens_of(doc)  # one Token each: doc[i] builds a new one on every access
    lowers = parse_view(doc).lowers
    texts = [t.text for t in tokens]
    i = 0
    n = len(doc)
    while i < n:
        token = tokens[i]
        lower = lowers[i]
        three = f"{lower} {lowers[i + 1]} {lowers[i + 2]}" if i + 2 < n else ""
        if three in words["vague"]:  # "tens of thousands", "hundreds of thousands", "a few hundred"
            start, _ = _qualifier_before(doc, i)
            figures.append(Figure(start, i, i + 3, None, words["vague"][three], None, "vague"))
            i += 3
            continue
        two = f"{lower} {lowers[i + 1]}" if i + 1 < n else ""
        if two in words["vague"]:  # "several hundred"
            start, _ = _qualifier_before(doc, i)
            figures.append(Figure(start, i, i + 2, None, words["vague"][two], None, "vague"))
            i += 2
            continue
        if lower in words["vague"] and token.pos_ in ("NOUN", "NUM", "ADJ", "DET", "PROPN") and \
                lower not in ("several", "a few", "numerous", "many"):
            figures.append(Figure(i, i, i + 1, None, words["vague"][lower], None, "vague"))
            i += 1
            continue
        if lower in ("a", "an") and _single_noun(doc, token):
            figures.append(Figure(i, i, i + 1, 1.0, None, None, "exact", single=True))
            i += 1
            continue
        if not _is_number_text(texts[i], lower) or i in dates or token.ent_type_ in ("ORDINAL", "MONEY") \
                and not _counts_people(token):
            i += 1
            continue
        if any(s <= token.idx < e for s, e in phones) or SCORE.match(token.text):
            i += 1
            continue
        # a run of number words: "eight thousand", "3.5 million", "two dozen"
        j = i
        while j + 1 < n and (_is_number_text(texts[j + 1], lowers[j + 1]) or (
                texts[j + 1] == "-" and j + 2 < n and lowers[j] in words["units"]
                and lowers[j + 2] in words["units"] and lowers[j + 2] not in ("a", "an")) or (
                lowers[j + 1] == "and" and j + 2 < n and _is_number_text(texts[j + 2], lowers[j + 2])
                and not NUMBER_SHAPE.match(texts[j + 2]))):
            if NUMBER_SHAPE.match(texts[j]) and (NUMBER_SHAPE.match(texts[j + 1]) or
                                                       lowers[j + 1] in words["units"]):
                break  # "20 30", "2016 Ninety-two" (a dateline that lost its comma): two numbers
            j += 1
        start = i
        if i > 0 and lowers[i - 1] in ("a", "an") and lowers[i] in ("dozen", "hundred", "thousand", "million"):
            start = i - 1
        value = number_value([t.text for t in doc[start:j + 1]])
        if value is None:
            i = j + 1
            continue
        if start < i:  # "a quarter of a million", "half a million"
            start, value = _fraction_before(doc, start, value)
        if _looks_like_year(doc, start, j, value) or _is_score(doc, start, j):
            i = j + 1
            continue
        figure_start, qualifier = _qualifier_before(doc, start)
        figure = Figure(figure_start, start, j + 1, value, None, None, qualifier)
        _read_range(doc, figure, figures)
        figures.append(figure)
        i = j + 1
    return [f for f in figures if f.value is not None or f.low is not None]


def _fraction_before(doc: Doc, start: int, value: float) -> tuple[int, float]:
    """'a quarter of a million' is 250,000, 'half a million' 500,000, 'three quarters of a
    million' 750,000: the fraction before "a million" takes its share."""
    tokens = tokens_of(doc)
    fractions = quantity_words()["fractions"]
    k = start - 1
    if k >= 1 and tokens[k].lower_ == "of" and tokens[k - 1].lower_ in fractions:
        k -= 1
    if k < 0 or tokens[k].lower_ not in fractions:
        return start, value
    share = fractions[tokens[k].lower_]
    if k >= 1 and tokens[k - 1].lower_ in ("a", "one", "three"):  # "three quarters" is 0.75 itself
        k -= 1
    return k, value * share


def _single_noun(doc: Doc, token: Token) -> bool:
    """'a child was killed', 'left a woman dead': "a" before one person is a figure of one."""
    head = token.head
    following = tokens_of(doc)[token.i + 1] if token.i + 1 < len(doc) else token
    return token.dep_ == "det" and 0 < head.i - token.i <= 3 and not _is_number_word(following) \
        and following.lower_ not in quantity_words()["vague"] and \
        any(form in word_set("single_nouns") for form in noun_forms(head))


def noun_forms(token: Token) -> list[str]:
    """The lemma and lower-cased forms of a noun, with the plural cut off where spaCy keeps it
    (a capitalised headline noun, "Terrorists", is a proper noun to spaCy and keeps its -s)."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if lower.endswith("ies"):
        forms.append(lower[:-3] + "y")
    elif lower.endswith("men"):
        forms.append(lower[:-3] + "man")
    elif lower.endswith("s"):
        forms.append(lower[:-1])
    return forms


def _date_tokens(doc: Doc) -> set[int]:
    """Tokens of the dates and times spaCy found that name a day, month, year or hour (it also
    calls "between 20 and 30" a date)."""
    tokens = tokens_of(doc)
    words = quantity_words()
    date_words = set(words["months"]) | set(words["weekdays"]) | set(words["time_units"])
    found: set[int] = set()
    for ent in ents_of(doc):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        lowered = [t.lower_.rstrip(".") for t in ent]
        if any(word in date_words for word in lowered) or any(
                re.fullmatch(r"(1[89]|20)\d\d|\d{1,2}[:.]\d\d|\d+(s|am|pm)", word) for word in lowered):
            end = ent.end
            while end - ent.start > 1 and tokens[end - 1].like_num and (
                    YEAR.fullmatch(tokens[end - 2].text) or tokens[end - 2].lower_ in word_set("time_units")):
                end -= 1  # "4 September 2016 2 killed", "in recent days 57 civilians": not the date's
            found.update(range(ent.start, end))
    return found


def _counts_people(token: Token) -> bool:
    head = token.head
    return token.dep_ == "nummod" and head.lemma_.lower() in word_set("people_nouns")


def _looks_like_year(doc: Doc, start: int, end: int, value: float) -> bool:
    """Years, days of the month ("27 Jul", "August 6 2016") and clock times are dates."""
    tokens = tokens_of(doc)
    months = word_set("months")
    near = [tokens[k].lower_.rstrip(".") for k in (start - 1, end + 1) if 0 <= k < len(doc)]
    if any(word in months for word in near) or (end + 1 < len(doc) and tokens[end + 1].lower_ in word_set("time_units")):
        return True
    token = tokens[start]
    if start != end or not YEAR.fullmatch(token.text):
        return False
    if any(tokens[k].lower_.rstrip(".") in months for k in range(max(0, start - 3), start)):
        return True  # "Mon Nov 7 2016 Child Killed": the year of a dateline
    if end + 1 < len(doc) and _is_number_word(tokens[end + 1]):
        return True  # "September 24 2016 Ninety-two civilians": a dateline that lost its comma
    return not _counts_people(token)


def _is_score(doc: Doc, start: int, end: int) -> bool:
    """'won 2-1': two small numbers joined by a dash that count nobody."""
    tokens = tokens_of(doc)
    if end + 2 < len(doc) and tokens[end + 1].text in ("-", "\u2013") and tokens[end + 2].like_num:
        second = tokens[end + 2]
        return not _counts_people(tokens[start]) and not _counts_people(second) and \
            second.head.lemma_.lower() not in word_set("people_nouns") and \
            len(tokens[start].text) <= 2 and len(second.text) <= 2
    if start >= 2 and tokens[start - 1].text in ("-", "\u2013") and tokens[start - 2].like_num and \
            len(tokens[start].text) <= 2 and len(tokens[start - 2].text) <= 2:
        return not _counts_people(tokens[start])
    return False


def _read_range(doc: Doc, figure: Figure, figures: list[Figure]) -> None:
    """'between 20 and 30', '20 to 30', 'from 20 to 30': the second number closes a range."""
    tokens = tokens_of(doc)
    start = figure.number_start
    before = tokens[start - 1].lower_ if start > 0 else ""
    if figures and before in ("and", "to", "-", "\u2013"):
        previous = figures[-1]
        if previous.end == start - 1 and previous.value is not None:
            opener = tokens[previous.start].lower_ if previous.start < previous.number_start else \
                (tokens[previous.number_start - 1].lower_ if previous.number_start > 0 else "")
            ranged = (before == "and" and opener == "between") or before in ("to", "-", "\u2013")
            if ranged and previous.value < figure.value:
                figures.pop()
                figure.low, figure.high = previous.value, figure.value
                figure.value = None
                figure.start = previous.start - (1 if opener in ("between", "from") and
                                                 previous.start == previous.number_start else 0)
                figure.number_start = previous.number_start
                figure.qualifier = "range"
    if figure.start > 0 and figure.qualifier == "exact" and tokens[figure.start - 1].lower_ == "between":
        figure.start -= 1


# --- what a figure counts -----------------------------------------------------------------

def _counted(doc: Doc, figure: Figure) -> Token:
    """The noun a figure counts ("384 civilians" -> civilians; "hundreds of wounded people" ->
    people), or the number itself ("killing 12")."""
    tokens = tokens_of(doc)
    last = tokens[figure.end - 1]
    if figure.single:
        return last.head
    if figure.qualifier == "vague" or last.pos_ == "NOUN" and last.lower_ in quantity_words()["vague"]:
        for child in last.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if last.dep_ in ("nummod", "compound") and 0 < last.head.i - last.i <= 3 and \
                last.head.pos_ in ("NOUN", "PROPN"):
            return last.head  # "several hundred people"
        return last
    if figure.qualifier == "range" and last.dep_ == "conj" and last.head.i >= figure.number_start:
        last = last.head  # "between 20 and 30 people": 30 hangs on 20, 20 on people
    following = tokens[last.i + 1] if last.i + 1 < len(doc) else last
    if following.lower_ in quantity_words()["category_adjectives"] and \
            following.i != last.head.i and following.dep_ != "amod":
        return last  # "35 Dead Dozens Wounded": the number counts the dead, not the dozens
    token = last
    for _ in range(3):  # number -> nummod head (through "compound" and "quantmod" links)
        if token.dep_ in ("nummod", "compound", "quantmod", "amod") and token.head.i > token.i \
                and token.head.i - last.i <= 4 and token.head.pos_ != "VERB":  # "three killed"
            token = token.head
            if token.pos_ in ("NOUN", "PROPN") or token.text == "%":
                break
        else:
            break
    if token.i == last.i and last.i + 1 < len(doc) and tokens[last.i + 1].text == "%":
        return tokens[last.i + 1]
    if token.i == last.i and token.head.i < token.i:  # "October 3 2016 21 Syrian fighters have
        for noun in doc[last.i + 1:last.i + 5]:        # been killed": a dateline took the 21
            if noun.pos_ in ("NOUN", "PROPN") and lemma_in(noun, word_set("people_nouns")):
                return noun
            if noun.pos_ not in ("ADJ", "NOUN", "PROPN") or noun.like_num:
                break
    return token


def _category(counted: Token, depth: int = 0) -> str:
    words = quantity_words()
    if depth > 2:
        return "other"
    lemma = counted.lemma_.lower()
    lower = counted.lower_
    if lower in words["category_nouns"] or lemma in words["category_nouns"]:
        category = words["category_nouns"].get(lower) or words["category_nouns"][lemma]
        if category != "killed" or lemma not in ("body", "victim", "casualty"):
            return category
    bare_number = counted.like_num or counted.pos_ == "NUM"
    if not bare_number and not lemma_in(counted, word_set("people_nouns")):
        return "other"  # "two towns", "three weeks"
    own = _own_participle(counted)
    if own:
        return own
    if bare_number and _in_toll(counted):
        return "killed"
    head_lemma = verb_lemma(counted.head)
    if counted.dep_ == "dobj" and head_lemma in words["category_verbs"]:
        return words["category_verbs"][head_lemma]  # "killed 30 people injured 90": killed
    for child in counted.children:  # "wounded people", "people killed", "people who died"
        child_lemma = child.lemma_.lower()
        if child.pos_ in ("ADJ", "VERB", "NOUN") and child.dep_ not in ("relcl", "acl") and \
                child.lower_ in words["category_adjectives"]:
            return words["category_adjectives"][child.lower_]
        if child.dep_ in ("acl", "relcl") and child_lemma in words["category_verbs"]:
            return words["category_verbs"][child_lemma]
        if child.dep_ in ("acl", "relcl"):  # "three people who went missing"
            for grand in child.children:
                if grand.dep_ in ("acomp", "oprd", "xcomp") and grand.lower_ in words["category_adjectives"]:
                    return words["category_adjectives"][grand.lower_]
    token = counted
    for _ in range(1 if bare_number else 4):  # up to the predicate: "civilians have been killed"
        if token.dep_ in ("ROOT",) or token.head.i == token.i:
            break
        dep, previous = token.dep_, token
        token = token.head
        if token.lower_ == "to" and token.head.lower_ == "according" and token.head.head.i != token.head.i:
            dep, token = "dobj", token.head.head  # "killing, according to the toll, 44 civilians"
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "ADJ", "AUX") and lemma in words["category_verbs"]:
            if dep in ("nsubj", "nsubjpass", "dobj", "npadvmod", "attr", "nummod", "conj", "pobj",
                       "appos", "advmod"):
                return words["category_verbs"][lemma]
            if dep == "prep" and previous.lower_ == "of" and token.tag_ == "VBG":
                return words["category_verbs"][lemma]  # "Beheading of 18 Syrians"
        if token.pos_ in ("VERB", "AUX"):
            for child in token.children:  # "left 11 people dead"
                if child.dep_ in ("oprd", "acomp", "xcomp") and child.lower_ in words["category_adjectives"]:
                    return words["category_adjectives"][child.lower_]
            if lemma == "leave":  # "leaving 23 civilians - including nine children - dead"
                for after in counted.doc[counted.i + 1:counted.i + 10]:
                    if after.lower_ in words["category_adjectives"]:
                        return words["category_adjectives"][after.lower_]
                    if after.pos_ in ("VERB", "AUX") and after.dep_ != "prep" or after.text in (".", ";"):
                        break
            toll = _toll_subject(token)
            if toll:
                return toll
            if lemma == "be":  # "six civilians were among 22 people killed"
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ == "among":
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                return _category(obj, depth + 1)
            break
        if token.lower_ in words["category_nouns"] and token.pos_ == "NOUN":
            return words["category_nouns"][token.lower_]
    if counted.lemma_.lower() in words["category_nouns"]:
        return words["category_nouns"][counted.lemma_.lower()]
    if lemma_in(counted, word_set("people_nouns")):
        return "people"
    return "other"


def verb_lemma(token: Token) -> str:
    """A verb's lemma; a capitalised headline verb ("Army Kills 15 Terrorists") that spaCy
    takes for a proper noun is cut back to its stem."""
    if token.pos_ in ("VERB", "AUX"):
        return token.lemma_.lower()
    if not token.is_title:
        return ""
    verbs = quantity_words()["category_verbs"]
    lower = token.lower_
    return next((stem for stem in (lower[:-1], lower[:-2]) if stem in verbs), "")


def lemma_in(token: Token, table) -> bool:
    return any(form in table for form in noun_forms(token))


def _own_participle(counted: Token) -> Optional[str]:
    """'2 killed 8 injured', '20 People Injured': a participle right after the counted word says
    what happened to it, even where the parse makes the word the object of an earlier verb."""
    words = quantity_words()
    adjectives = words["category_adjectives"]
    doc = counted.doc
    following = tokens_of(doc)[counted.i + 1] if counted.i + 1 < len(doc) else counted
    if following.lower_ in adjectives and counted.i + 3 < len(doc) and \
            tokens_of(doc)[counted.i + 2].lower_ in ("and", "&", "or") and tokens_of(doc)[counted.i + 3].lower_ in adjectives:
        return "people"  # "19 Killed and Injured": the dead and the wounded together, no toll
    if following.lower_ in adjectives and (
            following.head.i == counted.i and following.dep_ in ("acl", "amod", "relcl")
            and not any(grand.dep_ in ("dobj", "nummod", "npadvmod") for grand in following.children)
            or counted.like_num and following.head.i != counted.i):  # a headline's "2 killed"
        return adjectives[following.lower_]
    k = counted.i + 1  # "Town Thirty civilians were killed": a headline run into the parse
    while k < len(doc) and k - counted.i <= 3 and tokens_of(doc)[k].lemma_ in ("be", "have"):
        k += 1
    verb = tokens_of(doc)[k] if k < len(doc) else counted
    if k > counted.i + 1 and verb.tag_ == "VBN" and verb.lemma_.lower() in words["category_verbs"] \
            and not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children):
        return words["category_verbs"][verb.lemma_.lower()]
    return None


def _in_toll(number: Token) -> bool:
    """'a death toll of 12', 'putting the death toll at 70', 'the toll has risen to 13'."""
    tolls = quantity_words()["toll_nouns"]
    if number.dep_ != "pobj" or number.head.dep_ not in ("prep",):
        return False
    holder = number.head.head
    if holder.lemma_.lower() in tolls:
        return True
    return holder.pos_ in ("VERB", "AUX") and any(
        child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in tolls
        for child in holder.children)


def _toll_subject(verb: Token) -> Optional[str]:
    """'the death toll rose to 50', 'the toll reached at least 112'."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in ("toll", "number", "tally"):
            if child.lemma_.lower() == "toll":
                return "killed"
            for grand in child.children:
                if grand.dep_ == "prep":
                    for obj in grand.children:
                        category = quantity_words()["category_nouns"].get(obj.lower_)
                        if category:
                            return category
    return None


def _who(counted: Token) -> Optional[str]:
    who = quantity_words()["who"]
    for child in counted.children:  # "police officers", "child soldiers"
        if child.dep_ == "compound" and child.lemma_.lower() in ("police", "child", "woman"):
            return who[child.lemma_.lower()]
    forms = noun_forms(counted)
    if "member" in forms:  # "members of a tribe" are not fighters; "members of IS" are
        for prep in counted.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and lemma_in(obj, word_set("group_nouns")):
                        return "civilians"
    for form in forms:
        if form in who:
            return who[form]
    if (counted.like_num or counted.pos_ == "NUM") and counted.dep_ == "dobj":
        return _shared_object_who(counted.head)
    return None


def _shared_object_who(verb: Token) -> Optional[str]:
    """'killed 28 and wounded 30 Daesh militants': the 28 are militants too."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB":
            for obj in conj.children:
                if obj.dep_ == "dobj" and any(c.dep_ == "nummod" for c in obj.children):
                    return _who(obj)
    return None


def _predicate(counted: Token, depth: int = 0) -> Optional[Token]:
    """The verb that says what happened to the counted people."""
    if depth > 2:
        return None
    words = quantity_words()["category_verbs"]
    for child in counted.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return child
    token = counted
    for _ in range(4):
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        if token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in words or token.dep_ != "prep"):
            if token.lemma_.lower() == "be":
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ == "among":
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                return _predicate(obj, depth + 1) or token
            return token
    return None


# --- the stage ------------------------------------------------------------------------------

def extract_quantities(doc: Doc, extraction: Extraction) -> Extraction:
    """Figures with qualifier, category, who, part_of, perpetrator, place, time and source."""
    tokens = tokens_of(doc)
    quantities = list(extraction.quantities)
    text = extraction.article.text  # the article text is the doc text
    wholes: dict[int, str] = {}  # counted-noun token -> quantity id (for part_of)
    places = _by_token(doc, sorted(extraction.places, key=lambda p: (p.role != "event", p.span[0])))
    times = _by_token(doc, extraction.times)
    for figure in find_figures(doc):
        counted = _counted(doc, figure)
        category = _category(counted)
        who = _who(counted)
        whole = _whole_of(counted, wholes)
        if whole is not None and category in ("people", "other"):
            category = extraction_category(quantities, whole)
        category = _guard(category, figure)
        if category == "other" and who is None or figure.single and category not in CASUALTY_CATEGORIES:
            continue
        start = tokens[figure.start].idx
        last = max(figure.end - 1, counted.i) if counted.i - figure.end < 5 else figure.end - 1
        end = tokens[last].idx + len(tokens[last].text)
        predicate = _predicate(counted)
        quantity = Quantity(
            id=next_id("n", quantities), text=text[start:end], span=(start, end),
            value=figure.value, low=figure.low, high=figure.high, qualifier=figure.qualifier,
            category=category, who=who, part_of=whole,
            perpetrator=_perpetrator(extraction, predicate, counted),
            place=_linked(places, predicate, counted),
            time=_linked(times, predicate, counted),
            source=_claimant(extraction, start), cumulative=_cumulative(text, start, end))
        if whole is not None:
            parent = next(q for q in quantities if q.id == whole)
            quantity = quantity.model_copy(update={
                "perpetrator": quantity.perpetrator or parent.perpetrator,
                "place": quantity.place or parent.place, "time": quantity.time or parent.time,
                "source": quantity.source or parent.source})
        part = _part_among(counted, wholes) if whole is None else None
        if part is not None:  # the earlier, smaller figure is a part of this one
            quantities = [q.model_copy(update={
                "part_of": quantity.id,
                "category": quantity.category if q.category in ("people", "other") else q.category})
                if q.id == part else q for q in quantities]
        quantities.append(quantity)
        wholes[counted.i] = quantity.id
        wholes.setdefault(figure.end - 1, quantity.id)  # "Dozens of people have been killed, including ..."
    return extraction.model_copy(update={"quantities": quantities})


@lru_cache(maxsize=1)
def _cumulative_cue() -> re.Pattern:
    """Words that make a figure a war-wide or running total: 'since the conflict began',
    'since 2011', 'the war has killed', 'died in Syria's three-year war', 'killed and millions
    displaced'."""
    words = quantity_words()
    war = "(?:" + "|".join(words["war_words"]) + r")(?!\s+(?:planes?|jets?|monitor|crimes?))"
    start = "|".join(words["war_start_words"])
    return re.compile(
        rf"\bsince\s+(?:the\s+)?(?:{start})\b"
        rf"|\bsince\s+(?:[a-z]+\s+)?(?:19|20)\d\d\b"
        rf"|\b(?:{war})\b[^.]{{0,60}}\b(?:began|erupted|started|broke\s+out)\b"
        rf"|\b(?:{war})\b[^.]{{0,60}}\b(?:has|have)\s+(?:so\s+far\s+|now\s+)?"
        rf"(?:killed|claimed|left|caused)\b"
        rf"|\b(?:has|have)\s+(?:been\s+)?(?:killed|died)\b[^.]{{0,40}}\b(?:in|during|throughout)\s+"
        rf"(?:the|its|syria'?s?)\s+(?:[a-z-]+\s+)?(?:{war})\b"
        rf"|\bmillions?\b[^.]{{0,40}}\b(?:displaced|flee|fled|homeless|refugees)\b",
        re.IGNORECASE)


def _cumulative(text: str, start: int, end: int) -> bool:
    """Whether the sentence holding a figure gives it as a war-wide or running total."""
    sentence_start = text.rfind(".", 0, start) + 1
    sentence_end = text.find(".", end)
    sentence = text[sentence_start:sentence_end if sentence_end >= 0 else len(text)]
    for cue in _cumulative_cue().finditer(sentence):
        # "the deadliest day since the war began" dates a record, not a total
        before = sentence[max(0, cue.start() - 80):cue.start()].lower().split()
        if not set(before) & set(quantity_words()["superlatives"]):
            return True
    return False


def extraction_category(quantities: list[Quantity], quantity_id: str) -> str:
    for quantity in quantities:
        if quantity.id == quantity_id:
            return quantity.category
    return "other"


def _guard(category: str, figure: Figure) -> str:
    """Huge numbers are never casualty or displacement figures."""
    value = figure.value if figure.value is not None else (figure.high or figure.low or 0)
    if category in CASUALTY_CATEGORIES and value > MAX_CASUALTIES:
        return "other"
    if category in MOVEMENT_CATEGORIES and value > MAX_MOVEMENT:
        return "other"
    return category


def _part_among(counted: Token, wholes: dict[int, str]) -> Optional[str]:
    """'two medics among 31 dead': the quantity id of the two, a part of this figure."""
    if counted.dep_ != "pobj" or counted.head.lower_ != "among":
        return None
    anchor = counted.head.head
    if anchor.lemma_ == "be":  # "six civilians were among 22 people killed"
        anchor = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), anchor)
    return wholes.get(anchor.i)


def _whole_of(counted: Token, wholes: dict[int, str]) -> Optional[str]:
    """'384 civilians, including 45 children': the quantity id of the 384."""
    cues = set(quantity_words()["part_of_cues"]) - {"among"}
    token = counted
    while token.dep_ == "conj" and token.head.i < token.i:  # "including a woman and two children"
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in cues:
        cue = token.head
        anchor = cue.head
        for _ in range(3):
            if anchor.i in wholes:
                return wholes[anchor.i]
            for child in anchor.children:  # "kills 21 including 8 children": the verb's object
                if child.i < cue.i and child.i in wholes and child.dep_ in ("dobj", "nsubj", "nsubjpass"):
                    return wholes[child.i]
            if anchor.head.i == anchor.i:
                break
            anchor = anchor.head
    return None


def _clause_tokens(predicate: Optional[Token], counted: Token) -> list[int]:
    """Indices of the tokens of the predicate's own clause (not of clauses nested in it), and
    the counted noun's phrase (walked on the doc's ParseView: no Token per word)."""
    view = parse_view(counted.doc)
    found = list(view.subtree(counted.i))
    if predicate is None:
        return found
    deps, pos, lowers = view.deps, view.pos, view.lowers
    stack = [predicate.i]
    while stack:
        i = stack.pop()
        found.append(i)
        for child in view.children(i):
            if deps[child] in ("ccomp", "advcl", "relcl", "parataxis", "conj", "csubj") and pos[child] in ("VERB", "AUX"):
                continue
            if lowers[child] == "according":
                continue
            stack.append(child)
    return found


def _perpetrator(extraction: Extraction, predicate: Optional[Token], counted: Token) -> Optional[str]:
    """The actor whose fire, shelling or strikes did it: 'in government fire', 'by rebel
    shelling', 'regime air strikes killed'."""
    if predicate is None:
        return None
    heads = set(quantity_words()["attack_heads"])
    victims = set(parse_view(counted.doc).subtree(counted.i))
    candidates: list[Token] = []
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "by", "from", "during", "after") or child.dep_ == "agent":
            candidates += [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ in ("nsubj",) and child.i not in victims:
            candidates.append(child)
    if predicate.dep_ in ("acl",) and predicate.head.i not in victims:
        candidates.append(predicate.head)  # "regime air strikes killed ..." parsed as acl
    view, tokens = parse_view(predicate.doc), tokens_of(predicate.doc)
    for i in range(*view.sentence(predicate.i)):  # "Russian air strikes on Idlib ... killed" parsed apart
        if view.lemmas[i] in heads or view.lowers[i] in heads:
            if i not in victims and tokens[i] not in candidates:
                candidates.append(tokens[i])
    lowers, heads_of = view.lowers, view.heads
    for candidate in candidates:
        words = [t for t in view.subtree(candidate.i) if t not in victims]
        is_attack = candidate.lower_ in heads or candidate.lemma_.lower() in heads
        if not is_attack and candidate.dep_ == "pobj" and candidate.head.lower_ not in ("by",):
            continue
        if is_attack:  # the attacker is named before the attack word, or after "by"
            words = [t for t in words if t <= candidate.i or lowers[heads_of[t]] == "by"
                     or lowers[heads_of[heads_of[t]]] == "by"]
        if not words:
            continue
        first, last = tokens[words[0]], tokens[words[-1]]
        start, end = first.idx, last.idx + len(last.text)
        for actor in extraction.actors:
            if start <= actor.span[0] and actor.span[1] <= end and _can_attack(extraction, actor):
                return actor.id
    return None


def _can_attack(extraction: Extraction, actor) -> bool:
    """An actor with a code that is not just a country named as a place ('in Syria')."""
    root, seen = actor, set()
    while root.refers_to and root.id not in seen:
        seen.add(root.id)
        root = extraction.by_id(root.refers_to) or root
    if not root.code:
        return False
    words = quantity_words()
    if (root.sector or root.code[3:6]) in words["unarmed_sectors"]:
        return False  # children, medics, activists and reporters kill nobody
    after = extraction.article.text[actor.span[1]:actor.span[1] + 14].lower()
    if re.match(r"-(\w+)", after) and re.match(r"-(\w+)", after).group(1) in words["held_words"]:
        return False  # "rebel-held Idlib", "opposition-controlled areas" name a place
    return not (root.kind == "state" and any(p.span[0] <= actor.span[0] < p.span[1]
                                             for p in extraction.places))


def _by_token(doc: Doc, items) -> list[tuple[int, str]]:
    """(token index, id) of each place or time, in order of preference."""
    found = []
    for item in items:
        token = token_at(doc, item.span[0])
        if token is not None:
            found.append((token.i, item.id))
    return found


def _linked(items: list[tuple[int, str]], predicate: Optional[Token], counted: Token) -> Optional[str]:
    """The first place or time whose words sit in the figure's own clause."""
    if predicate is None or not items:
        return None
    clause = set(_clause_tokens(predicate, counted))
    for token_i, item_id in items:
        if token_i in clause:
            return item_id
    return None


def _claimant(extraction: Extraction, char: int) -> Optional[str]:
    """The speaker of the quote or attribution holding the figure."""
    for quote in extraction.quotes:
        if quote.span[0] <= char < quote.span[1] and quote.speaker:
            return quote.speaker
    return None
