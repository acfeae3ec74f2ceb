"""Common English words, for text written in one case, where capitals cannot tell a name.

An upper-case FBIS wire ("WAS KIDNAPPED BY ELN GUERRILLAS") or the Times of India's lower-cased
archive ("the bangalore police") gives no capital to go by: there a word is a name only where it
is no ordinary English word. The word lists are spaCy's own (no new data): its stop words and
the WordNet index its English lemmatizer ships (nouns, verbs, adjectives, adverbs), with that
lemmatizer's exceptions and suffix rules, so that inflected forms count ("KIDNAPPED", "MET").
WordNet also lists many places ("india", "bangalore"): states are told apart by the caller.
"""

from __future__ import annotations

from functools import lru_cache

CLASSES = ("noun", "verb", "adj", "adv")


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], dict, dict, dict]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from eventwire.nlp import load_nlp

    lookups = load_nlp().get_pipe("lemmatizer").lookups
    index, exceptions, rules = (lookups.get_table(name) for name in
                                ("lemma_index", "lemma_exc", "lemma_rules"))
    return (frozenset(STOP_WORDS), {c: frozenset(index[c]) for c in CLASSES},
            {c: dict(exceptions[c]) for c in CLASSES if c in exceptions},
            {c: list(rules[c]) for c in CLASSES if c in rules})


def is_stop_word(word: str) -> bool:
    """A function word ("is", "who", "us", "by"), lower case."""
    return word in _tables()[0]


@lru_cache(maxsize=65536)
def word_classes(word: str) -> frozenset[str]:
    """The WordNet classes (noun, verb, adj, adv) a lower-case word is a form of: "kidnapped"
    -> verb, "met" -> verb (irregular), "guerrillas" -> noun; empty for a word WordNet lacks
    ("cristiani", "fmln")."""
    _, index, exceptions, rules = _tables()
    found = set()
    for name in CLASSES:
        if word in index[name] or word in exceptions.get(name, {}):
            found.add(name)
            continue
        for old, new in rules.get(name, ()):
            if word.endswith(old) and len(word) > len(old) + 1 \
                    and word[:len(word) - len(old)] + new in index[name]:
                found.add(name)
                break
    return frozenset(found)
