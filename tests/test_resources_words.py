"""Common English words for text of one case, on words of the bench corpus's upper-case wires."""

from __future__ import annotations

import pytest

from eventwire.resources.words import is_stop_word, word_classes


@pytest.mark.parametrize("word, classes", [
    ("kidnapped", {"verb"}),   # "WAS KIDNAPPED BY ELN GUERRILLAS": an inflected form
    ("met", {"verb"}),         # an irregular one: "MINISTER RAUL OREJUELA MET AT THE PEACE VILLAGE"
    ("guerrillas", {"noun"}),
    ("armed", {"adj", "verb"}),  # "THE ARMED FORCES": an adjective too, so no phrase ends at it
    ("cristiani", set()),      # a name WordNet lacks
])
def test_word_classes(word, classes):
    assert word_classes(word) == classes


def test_stop_words_are_function_words():
    assert is_stop_word("is") and is_stop_word("who") and is_stop_word("us")
    assert not is_stop_word("eln") and not is_stop_word("police")
