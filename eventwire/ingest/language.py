"""Is this article in English? A stop-word vote, offline, with the lists spaCy ships.

Only English is extracted today; a page or feed item in another language is skipped with a
reason. Short texts are let through: a handful of words is too few to judge.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Optional

LATIN_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl",
                   "cs", "ro", "hu", "tr", "id", "ca", "hr", "sk", "sl", "lt", "lv", "et")
"""Languages in Latin script whose stop-word lists (from spaCy) take part in the vote."""

SCRIPT_LANGUAGES = {"ARABIC": "ar", "CYRILLIC": "ru", "GREEK": "el", "HEBREW": "he",
                    "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh",
                    "THAI": "th", "DEVANAGARI": "hi", "BENGALI": "bn", "TAMIL": "ta",
                    "MYANMAR": "my", "GEORGIAN": "ka", "ARMENIAN": "hy", "ETHIOPIC": "am"}
"""Scripts that name their language well enough for a reason line (Cyrillic: 'ru' or kin)."""

MIN_WORDS = 12
"""Fewer words than this and the text is kept: too short to judge (a headline, a teaser)."""
SAMPLE_CHARS = 3000
"""The vote reads the start of the text only; that is plenty and keeps it fast."""
MIN_ENGLISH_SHARE = 0.2
"""Running English has 35-50% stop words; under 20% it is not English prose."""

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop-word list for one language (lower case)."""
    # Load the list's own file: importing spacy.lang.fr builds its tokenizer rules (seconds).
    path = Path(importlib.util.find_spec("spacy").origin).parent / "lang" / language / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_stop_words_{language}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(word.lower() for word in module.STOP_WORDS)


@lru_cache(maxsize=1)
def stop_word_languages() -> dict[str, tuple[str, ...]]:
    """Each stop word of any voting language -> the languages that list it."""
    languages: dict[str, list[str]] = {}
    for language in LATIN_LANGUAGES:
        for word in stop_words(language):
            languages.setdefault(word, []).append(language)
    return {word: tuple(names) for word, names in languages.items()}


def dominant_script(text: str) -> Optional[str]:
    """The Unicode script most letters of ``text`` are written in (LATIN, ARABIC, ...)."""
    scripts: Counter[str] = Counter()
    ascii_letters = sum(char.isascii() and char.isalpha() for char in text)
    if ascii_letters:
        scripts["LATIN"] = ascii_letters
    for char in text:
        if not char.isascii() and char.isalpha():
            scripts[unicodedata.name(char, "").split(" ", 1)[0]] += 1
    return scripts.most_common(1)[0][0] if scripts else None


def detect_language(text: str) -> Optional[str]:
    """ISO 639-1 code of the text's language, or None when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    script = dominant_script(sample)
    if script is None:
        return None
    if script != "LATIN":
        return SCRIPT_LANGUAGES.get(script, script.lower())
    # one-letter words ('u', 'r', 'a') are in many lists and decide nothing
    words = [word.lower() for word in _WORD.findall(sample) if len(word) > 1]
    if len(words) < MIN_WORDS:
        return None
    votes: Counter[str] = Counter()
    for word in words:
        votes.update(stop_word_languages().get(word, ()))
    shares = {language: votes[language] / len(words) for language in LATIN_LANGUAGES}
    if shares["en"] >= MIN_ENGLISH_SHARE and shares["en"] >= max(shares.values()) * 0.9:
        return "en"  # English wins ties: its short list is a harder test than long ones
    return max(shares, key=shares.__getitem__)


def not_english_reason(text: str) -> Optional[str]:
    """Why an article must be skipped for its language, or None when it may be English."""
    language = detect_language(text)
    if language in (None, "en"):
        return None
    return (f"it is in another language ({language}), and eventwire extracts English only "
            f"(--any-language keeps it)")
