"""Near-duplicate articles by MinHash, on real syndicated copies (FA-KES corpus)."""

from __future__ import annotations

from eventwire.ingest import dedupe
from store_fixtures import build, fakes_articles

# The same AFP story of an Aleppo bomb blast, as Ahram Online and the NNA ran it.
AHRAM, NNA = "fakes-1923848124", "fakes-1914947534"


def text_of(article_id: str) -> str:
    return fakes_articles()[article_id]["text"]


def similarity(a: str, b: str) -> float:
    return dedupe.similarity(dedupe.signature(text_of(a)), dedupe.signature(text_of(b)))


def test_a_syndicated_copy_is_a_near_duplicate():
    assert similarity(AHRAM, NNA) >= dedupe.THRESHOLD


def test_two_outlets_writing_their_own_story_are_not():
    # Khan Sheikhoun: Asharq Al-Awsat's and Reuters' own reports of one attack.
    assert similarity("fakes-1918150030", "fakes-1923848146") < 0.2
    # Eastern Ghouta: one AFP story rewritten by The New Arab; half the 5-grams differ.
    assert similarity("fakes-1923102874", "fakes-1923848145") < dedupe.THRESHOLD


def test_an_updated_version_is_a_near_duplicate():
    text = text_of(AHRAM)
    updated = text + " The death toll later rose to nine, state media said."
    assert dedupe.similarity(dedupe.signature(text), dedupe.signature(updated)) >= dedupe.THRESHOLD


def test_signatures_survive_the_database_round_trip():
    values = dedupe.signature(text_of(AHRAM))
    assert (dedupe.signature_from_bytes(dedupe.signature_bytes(values)) == values).all()
    assert dedupe.band_buckets(values) == dedupe.band_buckets(dedupe.signature(text_of(AHRAM)))


def test_find_near_duplicates_in_a_batch():
    ids = [AHRAM, "fakes-1918150030", "fakes-1923848146", NNA, "fakes-1923102874",
           "fakes-1923848145"]
    found = list(dedupe.find_near_duplicates((i, text_of(i)) for i in ids))
    assert [(a, b) for a, b, _ in found] == [(NNA, AHRAM)]


def test_the_store_links_a_copy_to_the_first_version(store):
    first = build(text_of(AHRAM), published=None, source="Ahram Online", article_id=AHRAM)
    copy = build(text_of(NNA), published=None, source="NNA", article_id=NNA)
    other = build(text_of("fakes-1918150030"), published=None, article_id="other")
    assert store.add(first).duplicate_of is None
    assert store.add(other).duplicate_of is None
    assert store.add(copy).duplicate_of == AHRAM
    [(article, original, score)] = store.near_duplicates(AHRAM)
    assert (article, original) == (NNA, AHRAM) and score >= dedupe.THRESHOLD


def test_the_store_s_signature_is_datasketch_s_minhash():
    # dedupe.signature computes datasketch's values its own faster way: stored signatures
    # and bands must stay what they were (the texts of real articles, and edge cases).
    texts = [text_of(AHRAM), text_of(NNA), "", "one", "four words only here",
             "Ünïcode CAFÉ naïve 北京 市 — x\x00y z w v u"]
    for text in texts:
        expected = dedupe.minhash(text).hashvalues.astype(dedupe.SIGNATURE_DTYPE)
        assert (dedupe.signature(text) == expected).all()
