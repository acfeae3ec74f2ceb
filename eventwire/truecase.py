"""Truecasing an upper-case article before the spaCy pass.

In an upper-case FBIS wire (MUC-3/4) nearly every word is tagged a proper noun, so the tagger,
parser and recogniser read it badly and events lose their parties. ``truecase`` gives such a
text the capitals cased English would give it, changing nothing but letter case, so that every
character offset holds: its words in lower case, then capitals for sentence starts, dictionary
names and places (the actor dictionary, the gazetteer), the dictionary's acronyms, weekdays and
months, demonyms, "I", and words WordNet lacks. ``nlp.parse_texts`` parses that text and puts
the article's own words back on the parse. Lower-case text (the Times of India's archive) is
left as it is: it parses well enough, and its truecased parse took more towns for parties.
"""

from __future__ import annotations

import re
from typing import Optional

from eventwire.resources.words import is_stop_word, word_classes

_WORD = re.compile(r"[^\W\d_]+")
# before a sentence's first word: the text's start, a full stop not after one letter ("U.S."),
# a blank line
_SENTENCE_START = re.compile(r"(?:^|(?<!\b\w)[.!?][\"')\]]*\s+|\n\s*\n\s*)[\"'(\[]*$")
_DATELINE_END = re.compile(r"--\s*(?:\[[^\]]*\]\s*)*\[?$")
_GAP = re.compile(r"[ \t]*\n?[ \t]*")  # between the words of one name: a space or one line break
_DATELINE = 300  # "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE ...": "--" ends it here
_MOST_NAME_WORDS = 5
LETTER_CASE = "eventwire_letter_case"
"""The ``Doc.user_data`` key that holds a parsed article's ``text_case`` (``nlp.with_case``)."""
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february "
                      "april june july august september october november december jan feb apr "
                      "jun jul aug sep sept oct nov dec".split())  # not "may", "march", "mar"
_BIG_PLACE = 100_000  # a gazetteer place this large names itself even where WordNet lists the word


def text_case(text: str) -> Optional[str]:
    """ "upper" or "lower" for a text written in one case (the FBIS wires of MUC-3/4, the
    Times of India's lower-cased archive), where capitals tell no name; None for cased text.
    Upper: almost no word (3 %) starts in lower case ("(AFP)" does not count); lower: almost
    no word starts with a capital, or few (10 %) do and half the sentences start in lower case
    (a cased "This story is from" line, a "Facebook Twitter Linkedin Mail" footer do not count).
    Texts of under 40 words are taken as cased."""
    capitals, small = len(re.findall(r"\b[A-Z]", text)), len(re.findall(r"\b[a-z]", text))
    starts = re.findall(r"[.!?]\s+([A-Za-z])", text)
    if capitals + small >= 40 and small <= 0.03 * (capitals + small):
        return "upper"
    if capitals + small >= 40 and capitals <= 0.1 * (capitals + small) and (
            capitals <= 0.03 * (capitals + small)
            or len(starts) >= 2 and sum(s.islower() for s in starts) >= 0.5 * len(starts)):
        return "lower"
    return None


def truecase(text: str) -> str:
    """An upper-case text with the capitals cased English would give it; any other text as it
    is. Only letter case changes: a word whose lower or cased form has another length (some
    Unicode letters: "İ") keeps its own letters."""
    return read_case(text)[0]


def read_case(text: str) -> tuple[str, Optional[str]]:
    """The text as ``truecase`` gives it, and its ``text_case``, the case read once."""
    case = text_case(text)
    return (_truecased(text) if case == "upper" else text), case


def _truecased(text: str) -> str:
    """``truecase`` of a text ``text_case`` reads as upper case."""
    found = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    words = [word.lower() if len(word.lower()) == len(word) else word for _, _, word in found]
    out = list(text)
    for (start, end, _), word in zip(found, words):
        out[start:end] = word
    joined = [_GAP.fullmatch(text, found[i][1], found[i + 1][0]) is not None
              for i in range(len(found) - 1)] + [False]
    initials = [text.startswith(".", end) for _, end, _ in found]
    capitals = _capitals(words, joined, initials)
    for i, (start, end, _) in enumerate(found):
        if i not in capitals and (_SENTENCE_START.search(text, max(0, start - 12), start) or (
                start < _DATELINE and _DATELINE_END.search(text, max(0, start - 120), start))):
            capitals[i] = "title"
    for i, form in capitals.items():
        start, end, _ = found[i]
        word = words[i]
        cased = word.upper() if form == "upper" else word[:1].upper() + word[1:]
        if len(cased) == len(word):
            out[start:end] = cased
    return "".join(out)


def _capitals(words: list[str], joined: list[bool], initials: list[bool]) -> dict[int, str]:
    """Word index -> "title" or "upper", for the names, acronyms and "I" among the words."""
    from eventwire.resources.actors import actor_dictionary
    from eventwire.resources.gazetteer import load_gazetteer

    dictionary, gazetteer = actor_dictionary(), load_gazetteer()
    capitals: dict[int, str] = {}
    i = 0
    while i < len(words):
        length = _name_length(words, joined, i, dictionary, gazetteer)
        if length > 1:
            for k in range(i, i + length):
                if not (is_stop_word(words[k]) and len(words[k]) <= 4):  # "of", "the"; "Front"
                    capitals[k] = "title"
            i += length
            continue
        form = _word_form(words[i], initials[i], dictionary, gazetteer)
        if form:
            capitals[i] = form
        i += 1
    return capitals


def _name_length(words: list[str], joined: list[bool], start: int, dictionary, gazetteer) -> int:
    """Words in the longest name of two or more words at ``start``: the actor dictionary's
    ("united states", "army of national liberation"; it has no "the government" or "armed
    forces") or the gazetteer's with a word WordNet lacks ("el salvador", "uttar pradesh"; not
    "central market"); 1 for none."""
    end = start + 1
    while end < len(words) and end - start < _MOST_NAME_WORDS and joined[end - 1]:
        end += 1
    for stop in range(end, start + 1, -1):
        phrase = " ".join(words[start:stop])
        if phrase in dictionary.names or any(
                not word_classes(w) and not is_stop_word(w) for w in words[start:stop]
        ) and gazetteer.has_name(phrase):
            return stop - start
    return 1


def _word_form(word: str, initial: bool, dictionary, gazetteer) -> Optional[str]:
    """ "upper" for "I", a letter before a full stop (``initial``: "U.S.", "L. K. ADVANI") and
    an organisation's short name in the actor dictionary ("fmln", "oas"); "title" for a name: a
    weekday or month, a demonym, a word WordNet lacks ("cristiani"), a state's name of four
    letters or more ("peru"; not "car", the Central African Republic), a large place WordNet
    lists only as a noun ("lima"); None for an ordinary word."""
    if word == "i" or len(word) == 1 and initial:
        return "upper"
    if len(word) < 2 or is_stop_word(word):
        return None
    if word in _CALENDAR or gazetteer.country_of_demonym(word):
        return "title"
    classes = word_classes(word)
    found = dictionary.names.get(word)
    if found is not None and not classes - {"noun"}:
        kind = dictionary.entries[found[0]].kind
        if kind in ("organisation", "group") and len(word) <= 4:
            return "upper"
        if kind == "state" and len(word) > 3:
            return "title"
    if not classes:
        return "title"
    if classes == {"noun"} and any(primary and gazetteer.entry(index).population >= _BIG_PLACE
                                   for index, primary in gazetteer.candidates(word)[:20]):
        return "title"
    return None
